// Fees: a burn's protocol fee (paid from the position's UST collateral) lands in the Collector;
// anyone converts it to MIR on the pool (within 1 % of the oracle price) and distributes the MIR
// to Gov: half to the voters of polls in progress, the rest raising every staker's balance.
// The poll here pays a grant from the community pool, which pays only through a passed poll
// (or the sudo key), up to its spend limit. Its voter, Bob, then withdraws his voting reward.
import { connect, send, event, untilChainTime, fmt, fmtFixed, errorName, FIXED, UNIT, MIR, UST, MAAPL } from './lib.mjs';

const { api, alice, bob, charlie, ferdie } = await connect();

// A fee: Bob opens a position and burns 1 mAAPL of it.
let r = await send(api.tx.mint.openPosition(UST, 1_000n * UNIT, MAAPL, 2n * FIXED, null), bob);
r = await send(api.tx.mint.burn(event(r, 'mint', 'PositionOpened').positionId, UNIT), bob);
console.log(`Bob burned 1 mAAPL: ${fmt(event(r, 'mint', 'Burned').protocolFee)} UST fee to the Collector`);

// A poll in progress, with Bob's vote: Alice proposes 50,000 MIR for Ferdie's keeper bot.
await send(api.tx.gov.stakeVotingTokens(1_000_000n * UNIT), bob);
const { balance } = (await api.call.govApi.staker(bob.address)).unwrap();
const grant = api.tx.community.spend(50_000n * UNIT, ferdie.address);
r = await send(api.tx.gov.createPoll('Keeper grant', 'Fund a liquidation keeper bot', null, grant), alice);
const pollId = event(r, 'gov', 'PollCreated').pollId.toNumber();
await send(api.tx.gov.castVote(pollId, 'Yes', balance), bob);
console.log(`poll ${pollId}: Bob voted yes with ${fmt(balance)} MIR`);

// The sale must be within 1 % of the oracle's MIR price. The dev feeder's random walk moves the
// oracle and nobody else trades the MIR-UST pool: if the pool drifted, Charlie trades it back.
const oracle = (await api.call.oracleApi.price(MIR, 60)).unwrap().price.asOk.price.toBigInt(); // UST per MIR
const pool = (await api.call.ammApi.pool(MIR, UST)).unwrap(); // asset A is MIR
const [mir, ust] = [pool.reserveA.toBigInt(), pool.reserveB.toBigInt()];
const target = sqrt(mir * ust * FIXED / oracle); // the MIR reserve at which the pool's price is the oracle's
if (target * 1000n < mir * 997n || target * 1000n > mir * 1003n) {
  const trade = target < mir ? api.tx.amm.swap(UST, MIR, mir * ust / target - ust, null, FIXED / 10n, null)
    : api.tx.amm.swap(MIR, UST, target - mir, null, FIXED / 10n, null);
  await send(trade, charlie);
  console.log(`Charlie traded the MIR-UST pool back to the oracle's ${fmtFixed(oracle, 4)} UST per MIR`);
}

r = await send(api.tx.collector.convert(UST, null), charlie); // all of the Collector's UST
console.log(`Charlie converted ${fmt(event(r, 'collector', 'Converted').offerAmount)} UST to ${fmt(event(r, 'collector', 'Converted').returnAmount)} MIR`);
r = await send(api.tx.collector.distribute(), charlie);
const reward = event(r, 'gov', 'RewardDeposited');
console.log(`distributed ${fmt(reward.amount)} MIR to Gov: ${fmt(reward.voters)} for the voters of ${reward.polls} poll(s)`);

const { endTime } = (await api.call.govApi.poll(pollId)).unwrap();
await untilChainTime(endTime.toBigInt());
r = await send(api.tx.gov.endPoll(pollId), bob);
console.log(`poll ${pollId}: ${event(r, 'gov', 'PollEnded').status}`);
const { effectiveDelay } = await api.call.govApi.parameters();
await untilChainTime(endTime.toBigInt() + effectiveDelay.toBigInt());
r = await send(api.tx.gov.executePoll(pollId), bob);
const { result } = event(r, 'gov', 'PollExecuted');
if (result.isErr) throw new Error(`the poll's call failed: ${errorName(result.asErr)}`);
console.log(`the community pool paid Ferdie ${fmt(event(r, 'community', 'Spent').amount)} MIR`);

r = await send(api.tx.gov.withdrawVotingRewards(null), bob); // every ended poll he has rewards in
console.log(`Bob withdrew ${fmt(event(r, 'gov', 'VotingRewardsWithdrawn').amount)} MIR of voting rewards`);
r = await send(api.tx.gov.withdrawVotingTokens(null), bob);
console.log(`and his stake, now ${fmt(event(r, 'gov', 'Withdrawn').amount)} MIR`);
await api.disconnect();

function sqrt(n) { // integer square root (Newton)
  let x = n, y = (n + 1n) / 2n;
  while (y < x) [x, y] = [y, (y + n / y) / 2n];
  return x;
}
