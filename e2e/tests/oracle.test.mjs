// The Oracle on the real node: Alice (the dev feeder) feeds a price through polkadot.js for free,
// it reads back through the OracleApi runtime API, an unauthorised feed is refused by the node and
// costs nothing, and a price disappears once it is older than the caller's max age.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents, waitFor } from '../lib/node.mjs';

const FIXED = 10n ** 18n;
const MAAPL = { WithId: 101 };

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

test('the runtime declares the oracle pallets and their runtime API', async () => {
  const names = ctx.api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  assert.ok(names.includes('Oracle') && names.includes('CollateralOracle'), names.join(', '));
  assert.ok(ctx.api.call.oracleApi, 'OracleApi is not in the metadata');
});

test('a feeder feeds for free and the price reads back with its feed', async () => {
  const before = (await ctx.api.query.system.account(ctx.alice.address)).data.free.toBigInt();
  const price = 18_125n * FIXED / 100n; // 181.25 UST
  const { events, error, blockHash } = await sendAndWait(
    ctx.api, ctx.api.tx.oracle.feedPrices([[MAAPL, price]]), ctx.alice);
  assert.equal(error, null);
  const [fed] = findEvents(events, 'oracle', 'PriceFed');
  assert.ok(fed, 'no Oracle.PriceFed event');
  assert.equal(fed.data.price.toBigInt(), price);
  assert.equal(fed.data.feeder.toString(), ctx.alice.address);

  const at = await ctx.api.at(blockHash);
  const after = (await at.query.system.account(ctx.alice.address)).data.free.toBigInt();
  assert.equal(after, before, 'a successful feed must be free');

  const info = (await ctx.api.call.oracleApi.price(MAAPL, 60)).unwrap();
  assert.ok(info.price.isOk, `no price: ${info.price.toString()}`);
  assert.equal(info.price.asOk.price.toBigInt(), price);
  assert.equal(info.feeds.length, 1);
  assert.equal(info.feeds[0].feeder.toString(), ctx.alice.address);
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
    sendAndWait(ctx.api, ctx.api.tx.oracle.feedPrices(batch), ctx.alice),
    (e) => /decode|Invalid|1002|1010/i.test(String(e.message ?? e)),
  );
  const after = await ctx.api.call.oracleApi.price(MAAPL, 600);
  assert.equal(after.toHex(), before.toHex());
});

test('a price older than the max age disappears', async () => {
  const price = 250n * FIXED;
  const tsla = { WithId: 103 };
  const { error } = await sendAndWait(ctx.api, ctx.api.tx.oracle.feedPrices([[tsla, price]]), ctx.alice);
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
