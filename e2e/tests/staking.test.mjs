// LpStaking on the real node: bond LP tokens, receive a reward deposit, see the pending reward
// through the LpStakingApi, withdraw it; auto-stake; premium adjustment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT, FIXED, UST, MAAPL, MTSLA } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

async function pendingOf(who, asset, at = ctx.api) {
  const infos = await at.call.lpStakingApi.rewardInfo(who, asset);
  return infos.reduce((sum, i) => sum + i.pendingReward.toBigInt(), 0n);
}

async function mir(who, at = ctx.api) {
  return (await at.query.system.account(who)).data.free.toBigInt();
}

test('the dev chain has reward pools bonding the genesis LP tokens', async () => {
  const { api } = ctx;
  const pool = (await api.call.lpStakingApi.pool(MAAPL)).unwrap();
  const amm = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
  assert.deepEqual(pool.stakingToken.toJSON(), { withId: amm.lpToken.toNumber() });
  assert.equal(pool.lp.totalBond.toBigInt(), 0n);
  const pools = await api.call.lpStakingApi.pools();
  assert.equal(pools.length, 4, 'MIR and three mAssets');
  const params = await api.call.lpStakingApi.parameters();
  assert.equal(params.premiumMinUpdateInterval.toNumber(), 60);
});

test('bond LP, receive a reward deposit, see it pending, withdraw it', async () => {
  const { api, bob, charlie } = ctx;
  const amm = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
  const lpToken = amm.lpToken.toNumber();

  // Bob provides 20 mAAPL + 3,600 UST, then bonds the LP tokens he received.
  let r = await sendAndWait(api, api.tx.amm.provideLiquidity(
    MAAPL, 20n * UNIT, UST, 3_600n * UNIT, FIXED / 100n, null), bob);
  assert.equal(r.error, null);
  const lp = findEvents(r.events, 'amm', 'LiquidityProvided')[0].data.lpMinted.toBigInt();
  r = await sendAndWait(api, api.tx.lpStaking.bond(MAAPL, lp), bob);
  assert.equal(r.error, null);
  const [bonded] = findEvents(r.events, 'lpStaking', 'Bonded');
  assert.equal(bonded.data.amount.toBigInt(), lp);
  const acc = await (await api.at(r.blockHash)).query.assets.account(lpToken, bob.address);
  assert.ok(acc.isNone || acc.unwrap().balance.toBigInt() === 0n, 'the LP tokens left Bob');

  // Charlie deposits 1,000 MIR of rewards for mAAPL (the Factory's emission does the same).
  r = await sendAndWait(api, api.tx.lpStaking.depositReward(MAAPL, 1_000n * UNIT), charlie);
  assert.equal(r.error, null);
  const [deposited] = findEvents(r.events, 'lpStaking', 'RewardDeposited');
  const lpShare = deposited.data.lpAmount.toBigInt();
  assert.equal(lpShare + deposited.data.shortAmount.toBigInt(), 1_000n * UNIT);

  // Bob is the only LP staker: the whole LP share is his, less rounding dust.
  const at = await api.at(r.blockHash);
  const pending = await pendingOf(bob.address, MAAPL, at);
  assert.ok(pending <= lpShare && pending >= lpShare - 1n, `${pending} vs ${lpShare}`);

  // Withdraw: the event carries the amount; the API then shows nothing pending.
  r = await sendAndWait(api, api.tx.lpStaking.withdrawRewards(MAAPL), bob);
  assert.equal(r.error, null);
  const [withdrawn] = findEvents(r.events, 'lpStaking', 'RewardsWithdrawn');
  assert.equal(withdrawn.data.amount.toBigInt(), pending);
  assert.equal(await pendingOf(bob.address, MAAPL, await api.at(r.blockHash)), 0n);

  // Nothing left: a second withdrawal fails.
  r = await sendAndWait(api, api.tx.lpStaking.withdrawRewards(MAAPL), bob);
  assert.equal(r.error, 'lpStaking.NothingToWithdraw');

  // Unbond everything: the LP tokens come back.
  r = await sendAndWait(api, api.tx.lpStaking.unbond(MAAPL, lp), bob);
  assert.equal(r.error, null);
  const back = await (await api.at(r.blockHash)).query.assets.account(lpToken, bob.address);
  assert.equal(back.unwrap().balance.toBigInt(), lp);
});

test('auto-stake provides and bonds in one call; premium adjusts once per interval', async () => {
  const { api, dave } = ctx;
  let r = await sendAndWait(api, api.tx.lpStaking.autoStake(MTSLA, 4n * UNIT, 1_000n * UNIT, FIXED / 100n), dave);
  assert.equal(r.error, null);
  const [bonded] = findEvents(r.events, 'lpStaking', 'Bonded');
  assert.ok(bonded.data.amount.toBigInt() > 0n);
  const infos = await (await api.at(r.blockHash)).call.lpStakingApi.rewardInfo(dave.address, MTSLA);
  assert.equal(infos.length, 1);
  assert.equal(infos[0].bondAmount.toBigInt(), bonded.data.amount.toBigInt());
  assert.equal(infos[0].isShort.isTrue, false);

  // The premium uses the pool's time-weighted price, never its spot reserves: over the longest
  // window its history holds (at least one 60 s observation period). A genesis pool's first
  // observation is its genesis liquidity, so it has history from the start.
  r = await sendAndWait(api, api.tx.lpStaking.adjustPremium([MTSLA]), dave);
  assert.equal(r.error, null);
  const [adjusted] = findEvents(r.events, 'lpStaking', 'PremiumAdjusted');
  assert.ok(adjusted, 'no LpStaking.PremiumAdjusted');
  assert.ok(adjusted.data.twapWindow.toNumber() >= 60, `window ${adjusted.data.twapWindow}`);
  const stamped = (await (await api.at(r.blockHash)).call.lpStakingApi.pool(MTSLA)).unwrap();
  assert.ok(stamped.premiumUpdatedTime.toBigInt() > 0n, 'the adjustment is stamped');
  assert.equal(stamped.premiumRate.toBigInt(), adjusted.data.premiumRate.toBigInt());
  assert.equal(stamped.shortRewardWeight.toBigInt(), adjusted.data.shortRewardWeight.toBigInt());
  // Nobody fed mTSLA here: without an oracle price, premium and weight are 0.
  assert.equal(adjusted.data.premiumRate.toBigInt(), 0n);
  assert.equal(adjusted.data.shortRewardWeight.toBigInt(), 0n);
  r = await sendAndWait(api, api.tx.lpStaking.adjustPremium([MTSLA]), dave);
  assert.equal(r.error, 'lpStaking.PremiumUpdateTooEarly');
});
