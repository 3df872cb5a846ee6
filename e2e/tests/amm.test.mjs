// The Amm on the real node: the genesis mAAPL-UST pool, provide, swap with a belief price, a swap
// that fails on max spread and changes nothing, withdraw; simulations through the AmmApi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT, FIXED, UST, MAAPL } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

async function balance(asset, who, at = ctx.api) {
  const acc = await at.query.assets.account(asset.WithId, who);
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}

test('the dev chain has a seeded mAAPL-UST pool', async () => {
  const pool = (await ctx.api.call.ammApi.pool(MAAPL, UST)).unwrap();
  // UST (id 1) sorts before mAAPL (id 2).
  assert.equal(pool.reserveA.toBigInt(), 1_800_000n * UNIT);
  assert.equal(pool.reserveB.toBigInt(), 10_000n * UNIT);
  assert.ok(pool.totalShares.toBigInt() > 0n);
});

test('a wallet tells LP tokens apart: each is named after its pair', async () => {
  const pool = (await ctx.api.call.ammApi.pool(MAAPL, UST)).unwrap();
  const metadata = await ctx.api.query.assets.metadata(pool.lpToken);
  assert.equal(metadata.symbol.toUtf8(), 'mAAPL-UST');
  assert.equal(metadata.name.toUtf8(), 'mAAPL-UST LP');
  assert.equal(metadata.decimals.toNumber(), 6);
});

test('provide, swap with a belief price, fail on max spread, withdraw', async () => {
  const { api, bob } = ctx;
  const pool0 = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
  const lpToken = { WithId: pool0.lpToken.toNumber() };

  // Provide 100 mAAPL + 18,000 UST (the pool's ratio) with a 1 % slippage tolerance.
  let r = await sendAndWait(api, api.tx.amm.provideLiquidity(
    MAAPL, 100n * UNIT, UST, 18_000n * UNIT, FIXED / 100n, null), bob);
  assert.equal(r.error, null);
  const [provided] = findEvents(r.events, 'amm', 'LiquidityProvided');
  assert.ok(provided, 'no Amm.LiquidityProvided');
  const lp = provided.data.lpMinted.toBigInt();
  assert.ok(lp > 0n);
  assert.equal(await balance(lpToken, bob.address, await api.at(r.blockHash)), lp);

  // Swap 10 mAAPL for UST believing 180 UST per mAAPL (belief price is offer per ask:
  // 1/180 mAAPL per UST), max spread 2 %.
  const sim = await api.call.ammApi.simulateSwap(MAAPL, UST, 10n * UNIT);
  assert.ok(sim.isOk);
  const expected = sim.asOk.returnAmount.toBigInt();
  const ust0 = await balance(UST, bob.address);
  r = await sendAndWait(api, api.tx.amm.swap(MAAPL, UST, 10n * UNIT, FIXED / 180n, FIXED * 2n / 100n, null), bob);
  assert.equal(r.error, null);
  const [swapped] = findEvents(r.events, 'amm', 'Swapped');
  assert.equal(swapped.data.returnAmount.toBigInt(), expected);
  assert.ok(swapped.data.commissionAmount.toBigInt() > 0n);
  assert.equal(await balance(UST, bob.address, await api.at(r.blockHash)) - ust0, expected);

  // A large sale against a tight max spread fails and changes nothing.
  const before = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
  const maapl0 = await balance(MAAPL, bob.address);
  r = await sendAndWait(api, api.tx.amm.swap(MAAPL, UST, 500n * UNIT, null, FIXED / 100n, null), bob);
  assert.equal(r.error, 'amm.MaxSpreadAssertion');
  const after = (await (await api.at(r.blockHash)).call.ammApi.pool(MAAPL, UST)).unwrap();
  assert.equal(after.reserveA.toBigInt(), before.reserveA.toBigInt());
  assert.equal(after.reserveB.toBigInt(), before.reserveB.toBigInt());
  assert.equal(await balance(MAAPL, bob.address, await api.at(r.blockHash)), maapl0);

  // Withdraw all LP.
  r = await sendAndWait(api, api.tx.amm.withdrawLiquidity(MAAPL, UST, lp), bob);
  assert.equal(r.error, null);
  const [withdrawn] = findEvents(r.events, 'amm', 'LiquidityWithdrawn');
  assert.equal(withdrawn.data.lpBurned.toBigInt(), lp);
  assert.ok(withdrawn.data.amountA.toBigInt() > 0n && withdrawn.data.amountB.toBigInt() > 0n);
  assert.equal(await balance(lpToken, bob.address, await api.at(r.blockHash)), 0n);
});

test('a route through UST and its simulation agree', async () => {
  const { api, charlie } = ctx;
  const path = [MAAPL, UST, { WithId: 103 }];
  const sim = await api.call.ammApi.simulateRoute(path, 5n * UNIT);
  assert.ok(sim.isOk);
  const r = await sendAndWait(api, api.tx.amm.swapRoute(path, 5n * UNIT, sim.asOk.toBigInt(), null), charlie);
  assert.equal(r.error, null);
  assert.equal(findEvents(r.events, 'amm', 'Swapped').length, 2);
});
