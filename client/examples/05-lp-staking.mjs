// Liquidity rewards: Dave provides 10 mAAPL and the matching UST to the pool and bonds the LP
// tokens in one call; the premium (pool price against the oracle) sets the shorts' share of
// rewards; Eve adds 1,000 MIR of rewards to the mAAPL pool (the Factory's emission arrives the
// same way, see 06-factory.mjs); Dave withdraws his share.
import { connect, send, event, untilChainTime, fmt, fmtPercent, FIXED, UNIT, UST, MAAPL } from './lib.mjs';

const { api, dave, eve } = await connect();

// UST for 10 mAAPL at the pool's current ratio, within 1 % slippage.
const pool = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
const [ust, aapl] = pool.assetA.eq(UST) ? [pool.reserveA, pool.reserveB] : [pool.reserveB, pool.reserveA];
const ustAmount = 10n * UNIT * ust.toBigInt() / aapl.toBigInt();
let r = await send(api.tx.lpStaking.autoStake(MAAPL, 10n * UNIT, ustAmount, FIXED / 100n), dave);
console.log(`Dave provided 10 mAAPL + ${fmt(ustAmount)} UST and bonded ${fmt(event(r, 'lpStaking', 'Bonded').amount)} LP tokens`);

// Anyone may adjust the premium, at most once per interval (60 s on dev chains).
const { premiumMinUpdateInterval } = await api.call.lpStakingApi.parameters();
await untilChainTime((await api.call.lpStakingApi.pool(MAAPL)).unwrap().premiumUpdatedTime.toBigInt() + premiumMinUpdateInterval.toBigInt());
r = await send(api.tx.lpStaking.adjustPremium([MAAPL]), eve);
const { premiumRate, shortRewardWeight } = event(r, 'lpStaking', 'PremiumAdjusted');
console.log(`premium ${fmtPercent(premiumRate)}: shorts get ${fmtPercent(shortRewardWeight)} of the rewards`);

r = await send(api.tx.lpStaking.depositReward(MAAPL, 1_000n * UNIT), eve);
const deposited = event(r, 'lpStaking', 'RewardDeposited');
console.log(`Eve deposited 1000 MIR: ${fmt(deposited.lpAmount)} to LPs, ${fmt(deposited.shortAmount)} to shorts`);

const [info] = await api.call.lpStakingApi.rewardInfo(dave.address, MAAPL); // (null: every pool)
console.log(`Dave's bond: ${fmt(info.bondAmount)} LP tokens, ${fmt(info.pendingReward)} MIR pending`);
r = await send(api.tx.lpStaking.withdrawRewards(null), dave); // every pool, one transfer
console.log(`Dave withdrew ${fmt(event(r, 'lpStaking', 'RewardsWithdrawn').amount)} MIR`);
await api.disconnect();
