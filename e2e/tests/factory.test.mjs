// The Factory on the real node: whitelist a new mAsset with sudo, then mint it, trade it, stake its
// LP tokens and distribute emissions to them; the FactoryApi shows listings and distributions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT, FIXED, UST } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

test('the dev chain weights MIR 300 and each dev mAsset 100', async () => {
  const { api } = ctx;
  const listings = await api.call.factoryApi.listings();
  assert.equal(listings.length, 4);
  assert.equal((await api.call.factoryApi.totalWeight()).toNumber(), 600);
  const params = await api.call.factoryApi.parameters();
  assert.equal(params.distributionInterval.toNumber(), 60);
  assert.equal(params.distributionSchedule.length, 4);
});

test('whitelist mNFLX with sudo, mint it, trade it, stake it, distribute to it', async () => {
  const { api, alice, bob, feeder } = ctx;
  const params = {
    weight: null,
    auctionDiscount: FIXED / 5n,
    minCollateralRatio: FIXED * 3n / 2n,
    ipoParams: null,
  };
  let r = await sendAndWait(api, api.tx.sudo.sudo(
    api.tx.factory.whitelist('Mirrored Netflix', 'NFLX', feeder.address, params)), alice);
  assert.equal(r.error, null);
  const sudid = findEvents(r.events, 'sudo', 'Sudid')[0];
  assert.ok(sudid.data.sudoResult.isOk, `sudo failed: ${sudid.data.sudoResult}`);
  const [listed] = findEvents(r.events, 'factory', 'Whitelisted');
  assert.ok(listed, 'no Factory.Whitelisted');
  const nflx = { WithId: listed.data.asset.asWithId.toNumber() };
  assert.equal(Buffer.from(listed.data.symbol.toU8a(true)).toString(), 'mNFLX');
  assert.equal(listed.data.weight.toNumber(), 30);
  const meta = await api.query.assets.metadata(nflx.WithId);
  assert.equal(meta.decimals.toNumber(), 6);

  // The dev feeder is its feeder: 400 UST. Bob mints 10 mNFLX against 8,000 UST at 200 %.
  r = await sendAndWait(api, api.tx.oracle.feedPrices([[nflx, 400n * FIXED]]), feeder);
  assert.equal(r.error, null);
  r = await sendAndWait(api, api.tx.mint.openPosition(UST, 8_000n * UNIT, nflx, 2n * FIXED, null), bob);
  assert.equal(r.error, null);
  assert.equal(findEvents(r.events, 'mint', 'PositionOpened')[0].data.mintedAmount.toBigInt(), 10n * UNIT);

  // Bob seeds its pool and bonds the LP tokens in one call, then Alice buys 1 mNFLX.
  r = await sendAndWait(api, api.tx.lpStaking.autoStake(nflx, 8n * UNIT, 3_200n * UNIT, null), bob);
  assert.equal(r.error, null);
  const bonded = findEvents(r.events, 'lpStaking', 'Bonded')[0].data.amount.toBigInt();
  assert.ok(bonded > 0n);
  r = await sendAndWait(api, api.tx.amm.swap(UST, nflx, 500n * UNIT, null, null, null), alice);
  assert.equal(r.error, null);
  assert.ok(findEvents(r.events, 'amm', 'Swapped')[0].data.returnAmount.toBigInt() > 0n);

  // Once the interval has passed since the last distribution, anyone distributes; mNFLX's share
  // reaches Bob's bond.
  const info = await api.call.factoryApi.distributionInfo();
  const now = async () => (await api.query.timestamp.now()).toBigInt() / 1000n;
  while ((await now()) < info.nextDistribution.toBigInt()) await new Promise((res) => setTimeout(res, 3000));
  r = await sendAndWait(api, api.tx.factory.distribute(), bob);
  assert.equal(r.error, null);
  const [distributed] = findEvents(r.events, 'factory', 'Distributed');
  assert.ok(distributed.data.amount.toBigInt() > 0n);
  const deposits = findEvents(r.events, 'lpStaking', 'RewardDeposited')
    .filter((e) => e.data.asset.toJSON().withId === nflx.WithId);
  assert.equal(deposits.length, 1);
  const infos = await (await api.at(r.blockHash)).call.lpStakingApi.rewardInfo(bob.address, nflx);
  const pending = infos.reduce((s, i) => s + i.pendingReward.toBigInt(), 0n);
  const lpShare = deposits[0].data.lpAmount.toBigInt();
  assert.ok(pending > 0n && pending <= lpShare, `${pending} vs ${lpShare}`);

  // Too early for another.
  r = await sendAndWait(api, api.tx.factory.distribute(), bob);
  assert.equal(r.error, 'factory.DistributionTooEarly');
});
