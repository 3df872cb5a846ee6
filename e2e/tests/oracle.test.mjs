// The Oracle on the real node: the dev feeder (//Feeder) feeds a price through polkadot.js for free,
// it reads back through the OracleApi runtime API, an unauthorised feed is refused by the node and
// costs nothing, and a price disappears once it is older than the caller's max age. The circuit
// breaker runs on the dev chain: the two attacks that once worked there (10^12 UST for mAAPL, a
// u128::MAX price for mTSLA) are rejected, and a genuine move by the lone feeder is held, contests
// the price (Mint waits) and lands when it repeats it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents, waitFor } from '../lib/node.mjs';
import { UNIT, FIXED, MAAPL, MTSLA } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

test('the runtime declares the oracle pallets and their runtime API', async () => {
  const names = ctx.api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  assert.ok(names.includes('Oracle') && names.includes('CollateralOracle'), names.join(', '));
  assert.ok(ctx.api.call.oracleApi, 'OracleApi is not in the metadata');
});

test('a feeder feeds for free and the price reads back with its feed', async () => {
  const before = (await ctx.api.query.system.account(ctx.feeder.address)).data.free.toBigInt();
  const price = 18_125n * FIXED / 100n; // 181.25 UST
  const { events, error, blockHash } = await sendAndWait(
    ctx.api, ctx.api.tx.oracle.feedPrices([[MAAPL, price]]), ctx.feeder);
  assert.equal(error, null);
  const [fed] = findEvents(events, 'oracle', 'PriceFed');
  assert.ok(fed, 'no Oracle.PriceFed event');
  assert.equal(fed.data.price.toBigInt(), price);
  assert.equal(fed.data.feeder.toString(), ctx.feeder.address);

  const at = await ctx.api.at(blockHash);
  const after = (await at.query.system.account(ctx.feeder.address)).data.free.toBigInt();
  assert.equal(after, before, 'a successful feed must be free');

  const info = (await ctx.api.call.oracleApi.price(MAAPL, 60)).unwrap();
  assert.ok(info.price.isOk, `no price: ${info.price.toString()}`);
  assert.equal(info.price.asOk.price.toBigInt(), price);
  assert.equal(info.feeds.length, 1);
  assert.equal(info.feeds[0].feeder.toString(), ctx.feeder.address);
  assert.equal(info.feeds[0].fresh.isTrue, true);

  const all = await ctx.api.call.oracleApi.allPrices(60);
  assert.ok(all.length >= 4, 'the dev chain knows mAAPL, mTSLA, mGOOGL and MIR');
});

test('an unauthorised feed is refused by the node and costs nothing', async () => {
  // The runtime's CheckFeed refuses, before the pool, a feed that would fail (custom error 5:
  // not a feeder of the asset), so it is never free block space and its sender pays nothing.
  const { api, bob } = ctx;
  const before = await api.query.system.account(bob.address);
  await assert.rejects(api.tx.oracle.feedPrices([[MAAPL, 1n * FIXED]]).signAndSend(bob),
    (e) => /1010/.test(String(e.message)) && /Custom error: 5\b/.test(String(e.message)));
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= head + 1, { what: 'a new block' });
  const after = await api.query.system.account(bob.address);
  assert.equal(after.data.free.toBigInt(), before.data.free.toBigInt(), 'a refused feed pays nothing');
  assert.equal(after.nonce.toNumber(), before.nonce.toNumber(), 'and uses no nonce');
  const info = (await api.call.oracleApi.price(MAAPL, 600)).unwrap();
  assert.notEqual(info.price.isOk && info.price.asOk.price.toBigInt(), 1n * FIXED);
});

test('a batch over the 32-price bound is refused by the node and changes nothing', async () => {
  const before = await ctx.api.call.oracleApi.price(MAAPL, 600);
  const batch = Array.from({ length: 33 }, (_, i) => [{ WithId: 1000 + i }, 1n * FIXED]);
  await assert.rejects(
    sendAndWait(ctx.api, ctx.api.tx.oracle.feedPrices(batch), ctx.feeder),
    (e) => /decode|Invalid|1002|1010/i.test(String(e.message ?? e)),
  );
  const after = await ctx.api.call.oracleApi.price(MAAPL, 600);
  assert.equal(after.toHex(), before.toHex());
});

test('a price older than the max age disappears', async () => {
  const price = 250n * FIXED;
  const tsla = { WithId: 103 };
  const { error } = await sendAndWait(ctx.api, ctx.api.tx.oracle.feedPrices([[tsla, price]]), ctx.feeder);
  assert.equal(error, null);
  const fresh = (await ctx.api.call.oracleApi.price(tsla, 4)).unwrap();
  assert.ok(fresh.price.isOk, 'fresh within 4 s');
  // Two more blocks (3 s each) make the feed older than 4 s.
  await new Promise((r) => setTimeout(r, 7_000));
  const stale = (await ctx.api.call.oracleApi.price(tsla, 4)).unwrap();
  assert.ok(stale.price.isErr, 'stale after 4 s');
  assert.equal(stale.price.asErr.type, 'Stale');
  assert.equal(stale.feeds[0].fresh.isTrue, false);
  // A caller that accepts older prices still sees it.
  const tolerant = (await ctx.api.call.oracleApi.price(tsla, 600)).unwrap();
  assert.equal(tolerant.price.asOk.price.toBigInt(), price);
});

test('UST and MIR are registered collateral', async () => {
  const ust = (await ctx.api.query.collateralOracle.collateralAssets({ WithId: 1 })).unwrap();
  assert.ok(ust.priceSource.isFixed);
  assert.equal(ust.multiplier.toBigInt(), FIXED);
  const mir = (await ctx.api.query.collateralOracle.collateralAssets('Native')).unwrap();
  assert.ok(mir.priceSource.isOracle);
  assert.equal(mir.multiplier.toBigInt(), 1_333_333_400_000_000_000n);
});

/** The next block after the one `hash` is in: a feeder feeds an asset at most once per block. */
async function nextBlock(api, hash) {
  const n = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() > n, { what: `a block after #${n}` });
}

test('the dev-chain attacks are rejected: 10^12 UST for mAAPL and u128::MAX for mTSLA', async () => {
  const { api, feeder, bob, charlie } = ctx;
  let r = await sendAndWait(api, api.tx.oracle.feedPrices([[MAAPL, 180n * FIXED], [MTSLA, 250n * FIXED]]), feeder);
  assert.equal(r.error, null);
  // Bob's healthy mAAPL position: 2,000 % collateralised at 180.
  r = await sendAndWait(api, api.tx.mint.openPosition({ WithId: 1 }, 3_600n * UNIT, MAAPL, 20n * FIXED, null), bob);
  assert.equal(r.error, null);
  const id = findEvents(r.events, 'mint', 'PositionOpened')[0].data.positionId.toBigInt();
  await nextBlock(api, r.blockHash);

  const U128_MAX = (1n << 128n) - 1n;
  r = await sendAndWait(api, api.tx.oracle.feedPrices([[MAAPL, 10n ** 30n], [MTSLA, U128_MAX]]), feeder);
  assert.equal(r.error, null, 'the feed itself succeeds (free); the breaker skips both prices');
  const rejected = findEvents(r.events, 'oracle', 'FeedRejected');
  assert.equal(rejected.length, 2, `rejections: ${rejected.map((e) => e.toString())}`);
  // Both are above the default absolute range (10^9 UST); a price within it but over ×10 the
  // last median would be TooFarFromLastMedian.
  assert.deepEqual(rejected.map((e) => e.data.reason.toString()), ['OutOfRange', 'OutOfRange']);
  assert.equal(findEvents(r.events, 'oracle', 'PriceFed').length, 0);

  const at = await api.at(r.blockHash);
  const aapl = (await at.call.oracleApi.price(MAAPL, 60)).unwrap();
  assert.equal(aapl.price.asOk.price.toBigInt(), 180n * FIXED, 'mAAPL stays at 180');
  assert.equal(aapl.contested.isTrue, false, 'a rejected feed contests nothing');
  assert.equal(aapl.feeds[0].pending.isNone, true);
  const tsla = (await at.call.oracleApi.price(MTSLA, 60)).unwrap();
  assert.equal(tsla.price.asOk.price.toBigInt(), 250n * FIXED, 'mTSLA stays at 250');
  // Bob's position is not liquidatable, and Charlie cannot auction it for 1 unit.
  assert.equal((await at.call.mintApi.liquidatable(id)).asOk.isTrue, false);
  r = await sendAndWait(api, api.tx.mint.auction(id, 1n), charlie);
  assert.equal(r.error, 'mint.PositionSafelyCollateralized');
  // 1,000 UST of collateral mints about 2 mTSLA at 200 %, not 6.8 x 10^23.
  r = await sendAndWait(api, api.tx.mint.openPosition({ WithId: 1 }, 1_000n * UNIT, MTSLA, 2n * FIXED, null), charlie);
  assert.equal(r.error, null);
  const minted = findEvents(r.events, 'mint', 'PositionOpened')[0].data.mintedAmount.toBigInt();
  assert.equal(minted, 2n * UNIT, `minted ${minted}`);
});

test('a genuine move by the lone dev feeder is held, contests the price, and lands when repeated', async () => {
  const { api, feeder, bob } = ctx;
  const MGOOGL = { WithId: 105 };
  let r = await sendAndWait(api, api.tx.oracle.feedPrices([[MGOOGL, 140n * FIXED]]), feeder);
  assert.equal(r.error, null);
  await nextBlock(api, r.blockHash);
  // +30 %: more than the 10 % deviation, held as pending.
  r = await sendAndWait(api, api.tx.oracle.feedPrices([[MGOOGL, 182n * FIXED]]), feeder);
  assert.equal(r.error, null);
  const [pending] = findEvents(r.events, 'oracle', 'FeedPending');
  assert.ok(pending, 'no Oracle.FeedPending');
  assert.equal(pending.data.reference.toBigInt(), 140n * FIXED);
  let info = (await (await api.at(r.blockHash)).call.oracleApi.price(MGOOGL, 60)).unwrap();
  assert.equal(info.price.asOk.price.toBigInt(), 140n * FIXED);
  assert.equal(info.contested.isTrue, true);
  assert.equal(info.origin.unwrap().toString(), 'Feeds');
  assert.equal(info.feeds[0].pending.unwrap().price.toBigInt(), 182n * FIXED);
  // While contested, Mint waits: minting at the lagging price is refused.
  const open = await sendAndWait(api, api.tx.mint.openPosition({ WithId: 1 }, 1_000n * UNIT, MGOOGL, 2n * FIXED, null), bob);
  assert.equal(open.error, 'mint.PriceContested');
  await nextBlock(api, r.blockHash);
  r = await sendAndWait(api, api.tx.oracle.feedPrices([[MGOOGL, 182n * FIXED]]), feeder);
  assert.equal(r.error, null);
  const [confirmed] = findEvents(r.events, 'oracle', 'PendingConfirmed');
  assert.ok(confirmed, 'no Oracle.PendingConfirmed');
  assert.equal(confirmed.data.median.toBigInt(), 182n * FIXED);
  info = (await (await api.at(r.blockHash)).call.oracleApi.price(MGOOGL, 60)).unwrap();
  assert.equal(info.price.asOk.price.toBigInt(), 182n * FIXED);
  assert.equal(info.contested.isTrue, false);
});
