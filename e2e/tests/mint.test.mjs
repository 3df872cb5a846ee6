// Mint on the real node: open a UST position against mAAPL, mint more, fail to withdraw below the
// minimum collateral ratio (changing nothing), burn with the protocol fee; positions and their
// collateral ratio through the MintApi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT, FIXED, UST, MAAPL, MTSLA } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

/** The dev feeder prices mAAPL at 180 UST (prices older than 60 s are refused). */
async function feed() {
  const r = await sendAndWait(ctx.api, ctx.api.tx.oracle.feedPrices([[MAAPL, 180n * FIXED]]), ctx.feeder);
  assert.equal(r.error, null);
}

async function position(id, at = ctx.api) {
  return (await at.call.mintApi.position(id)).unwrap();
}

test('the dev chain lists its mAssets in Mint', async () => {
  const config = (await ctx.api.call.mintApi.assetConfig(MAAPL)).unwrap();
  assert.equal(config.minCollateralRatio.toBigInt(), 15n * FIXED / 10n);
  assert.equal(config.auctionDiscount.toBigInt(), FIXED / 5n);
  const parameters = await ctx.api.call.mintApi.parameters();
  assert.equal(parameters.protocolFeeRate.toBigInt(), 15n * FIXED / 1000n);
  assert.equal((await ctx.api.call.mintApi.nextPositionId()).toBigInt(), 1n);
});

test('open, mint more, fail to withdraw below the minimum ratio, burn with the fee', async () => {
  const { api, bob } = ctx;
  await feed();

  // 3,600 UST at 200 % against mAAPL at 180: 9,999,999 units (the original's 1e-9 helpers
  // round 1/180 down).
  let r = await sendAndWait(api, api.tx.mint.openPosition(UST, 3_600n * UNIT, MAAPL, 2n * FIXED, null), bob);
  assert.equal(r.error, null);
  const [opened] = findEvents(r.events, 'mint', 'PositionOpened');
  assert.ok(opened, 'no Mint.PositionOpened');
  const id = opened.data.positionId.toBigInt();
  assert.equal(opened.data.mintedAmount.toBigInt(), 9_999_999n);
  assert.equal(opened.data.collateralAmount.toBigInt(), 3_600n * UNIT);
  assert.equal(opened.data.isShort.isTrue, false);
  let p = await position(id, await api.at(r.blockHash));
  assert.equal(p.owner.toString(), bob.address);
  assert.equal(p.assetAmount.toBigInt(), 9_999_999n);

  // Mint 3 more: 12.999999 mAAPL need 3,509.99973 UST of the 3,600.
  await feed();
  r = await sendAndWait(api, api.tx.mint.mint(id, 3n * UNIT, null), bob);
  assert.equal(r.error, null);
  assert.equal(findEvents(r.events, 'mint', 'Minted')[0].data.amount.toBigInt(), 3n * UNIT);

  // Withdrawing 91 UST would leave 3,509: below the minimum. Nothing changes.
  await feed();
  r = await sendAndWait(api, api.tx.mint.withdraw(id, 91n * UNIT), bob);
  assert.equal(r.error, 'mint.InsufficientCollateralRatio');
  p = await position(id, await api.at(r.blockHash));
  assert.equal(p.collateralAmount.toBigInt(), 3_600n * UNIT);
  assert.equal(p.assetAmount.toBigInt(), 12_999_999n);

  // Its health through the runtime API: 3,600 / (12.999999 × 180) ≈ 1.538, required 1.5.
  const ratio = await (await api.at(r.blockHash)).call.mintApi.collateralRatio(id);
  assert.ok(ratio.isOk);
  assert.equal(ratio.asOk.requiredRatio.toBigInt(), 15n * FIXED / 10n);
  const cr = ratio.asOk.collateralRatio.unwrap().toBigInt();
  assert.ok(cr > 1538n * FIXED / 1000n && cr < 1539n * FIXED / 1000n, `ratio ${cr}`);

  // Burn 5 mAAPL: the fee, 5 × 180 × 1.5 % = 13.5 UST, leaves the collateral for the collector.
  await feed();
  r = await sendAndWait(api, api.tx.mint.burn(id, 5n * UNIT), bob);
  assert.equal(r.error, null);
  const [burned] = findEvents(r.events, 'mint', 'Burned');
  assert.equal(burned.data.amount.toBigInt(), 5n * UNIT);
  assert.equal(burned.data.protocolFee.toBigInt(), 13_500_000n);
  p = await position(id, await api.at(r.blockHash));
  assert.equal(p.collateralAmount.toBigInt(), 3_600n * UNIT - 13_500_000n);
  assert.equal(p.assetAmount.toBigInt(), 7_999_999n);

  // Bob's positions, newest first.
  const mine = await (await api.at(r.blockHash)).call.mintApi.positions({ Owner: bob.address }, null, 0, 'Descending');
  assert.deepEqual(mine.map(([pid]) => pid.toBigInt()), [id]);
});

test('a position on an unknown asset is refused and costs only the fee', async () => {
  const { api, charlie } = ctx;
  const r = await sendAndWait(api, api.tx.mint.openPosition(UST, 100n * UNIT, { WithId: 999 }, 2n * FIXED, null), charlie);
  assert.equal(r.error, 'mint.UnknownAsset');
  assert.equal((await (await api.at(r.blockHash)).call.mintApi.nextPositionId()).toBigInt(), 2n);
});

test('the feeder drops MIR, Charlie liquidates; a delisted mAsset is redeemed by Dave', async () => {
  const { api, alice, bob, charlie, dave, feeder } = ctx;
  const MIR = 'Native';
  const feedMir = async (mirPrice) => {
    const r = await sendAndWait(api, api.tx.oracle.feedPrices([[MAAPL, 180n * FIXED], [MIR, mirPrice]]), feeder);
    assert.equal(r.error, null);
  };
  await feedMir(15n * FIXED / 10n);

  // Bob locks 1,000 MIR at the least ratio MIR allows: 150 % x 1.3333334 = 200.00001 %.
  let r = await sendAndWait(api, api.tx.mint.openPosition(MIR, 1_000n * UNIT, MAAPL, 2_000_000_100_000_000_000n, null), bob);
  assert.equal(r.error, null);
  const id = findEvents(r.events, 'mint', 'PositionOpened')[0].data.positionId.toBigInt();
  let at = await api.at(r.blockHash);
  assert.equal((await at.call.mintApi.liquidatable(id)).asOk.isTrue, false);

  // Alice feeds MIR at 1.4: the position is under water; Charlie buys 1 mAAPL's worth.
  await feedMir(14n * FIXED / 10n);
  const quote = await api.call.mintApi.simulateAuction(id, UNIT);
  assert.ok(quote.isOk, `no quote: ${quote}`);
  r = await sendAndWait(api, api.tx.mint.auction(id, UNIT), charlie);
  assert.equal(r.error, null);
  const [liquidated] = findEvents(r.events, 'mint', 'Liquidated');
  assert.ok(liquidated, 'no Mint.Liquidated');
  assert.equal(liquidated.data.liquidator.toString(), charlie.address);
  assert.equal(liquidated.data.liquidatedAmount.toBigInt(), UNIT);
  assert.equal(liquidated.data.returnedCollateral.toBigInt(), quote.asOk.returnedCollateral.toBigInt());
  assert.ok(liquidated.data.protocolFee.toBigInt() > 0n);
  // 180 UST of mAAPL at 1.4 UST per MIR and a 20 % discount: about 160.7 MIR before the fee.
  const got = liquidated.data.returnedCollateral.toBigInt();
  assert.ok(got > 158n * UNIT && got < 160n * UNIT, `returned ${got}`);

  // Root delists mAAPL at 200 UST; Dave, who has no position, burns 1 mAAPL of Bob's debt.
  r = await sendAndWait(api, api.tx.sudo.sudo(api.tx.mint.registerMigration(MAAPL, 200n * FIXED)), alice);
  assert.equal(r.error, null);
  const sudid = findEvents(r.events, 'sudo', 'Sudid')[0];
  assert.ok(sudid.data.sudoResult.isOk, `sudo failed: ${sudid.data.sudoResult}`);
  assert.equal(findEvents(r.events, 'mint', 'AssetDelisted').length, 1);
  at = await api.at(r.blockHash);
  assert.equal((await at.call.mintApi.assetConfig(MAAPL)).unwrap().endPrice.unwrap().toBigInt(), 200n * FIXED);

  await feedMir(14n * FIXED / 10n);
  r = await sendAndWait(api, api.tx.mint.burn(id, UNIT), dave);
  assert.equal(r.error, null);
  const [redeemed] = findEvents(r.events, 'mint', 'Redeemed');
  assert.ok(redeemed, 'no Mint.Redeemed');
  assert.equal(redeemed.data.who.toString(), dave.address);
  // 200 UST of MIR at 1.4 = 142.857142 MIR, less 1.5 %.
  const paid = redeemed.data.collateralAmount.toBigInt();
  assert.ok(paid > 140n * UNIT && paid < 141n * UNIT, `redeemed ${paid}`);
  // Opening against the delisted asset is refused.
  r = await sendAndWait(api, api.tx.mint.openPosition(UST, 100n * UNIT, MAAPL, 2n * FIXED, null), dave);
  assert.equal(r.error, 'mint.AssetDelisted');
});

test('a short sells into the pool, locks the proceeds, and unlocks after the dev lock period', async () => {
  const { api, alice, eve, feeder } = ctx;
  // mTSLA (asset 3) at 250 UST; its genesis pool holds 10,000 mTSLA.
  let r = await sendAndWait(api, api.tx.oracle.feedPrices([[MTSLA, 250n * FIXED]]), feeder);
  assert.equal(r.error, null);
  const pool0 = (await api.call.ammApi.pool(MTSLA, UST)).unwrap();
  const short = { beliefPrice: FIXED / 250n, maxSpread: FIXED / 100n };
  r = await sendAndWait(api, api.tx.mint.openPosition(UST, 5_000n * UNIT, MTSLA, 2n * FIXED, short), eve);
  assert.equal(r.error, null);
  const [opened] = findEvents(r.events, 'mint', 'PositionOpened');
  assert.equal(opened.data.isShort.isTrue, true);
  const id = opened.data.positionId.toBigInt();
  const [locked] = findEvents(r.events, 'mint', 'FundsLocked');
  assert.ok(locked, 'no Mint.FundsLocked');
  const amount = locked.data.amount.toBigInt();
  // About 10 mTSLA sold at 250 less the commission and spread.
  assert.ok(amount > 2_480n * UNIT && amount < 2_500n * UNIT, `locked ${amount}`);

  const at = await api.at(r.blockHash);
  const pool1 = (await at.call.ammApi.pool(MTSLA, UST)).unwrap();
  assert.equal(pool1.reserveB.toBigInt() - pool0.reserveB.toBigInt(), opened.data.mintedAmount.toBigInt());
  assert.equal(pool0.reserveA.toBigInt() - pool1.reserveA.toBigInt(), amount);
  const lock = (await at.call.mintApi.lock(id)).unwrap();
  assert.equal(lock.receiver.toString(), eve.address);
  assert.equal(lock.amount.toBigInt(), amount);
  const locks = await at.call.mintApi.locks(eve.address);
  assert.deepEqual(locks.map(([pid]) => pid.toBigInt()), [id]);

  // Too early: refused. The dev preset locks for 120 s.
  r = await sendAndWait(api, api.tx.mint.unlockPositionFunds([id]), eve);
  assert.equal(r.error, 'mint.NothingToUnlock');
  r = await sendAndWait(api, api.tx.mint.unlockPositionFunds([id, id]), eve);
  assert.equal(r.error, 'mint.DuplicatePositionId');
  const unlockAt = lock.unlockTime.toBigInt();
  for (;;) {
    const now = (await api.query.timestamp.now()).toBigInt() / 1000n;
    if (now >= unlockAt) break;
    await new Promise((res) => setTimeout(res, 3_000));
  }
  r = await sendAndWait(api, api.tx.mint.unlockPositionFunds([id]), eve);
  assert.equal(r.error, null);
  const [unlocked] = findEvents(r.events, 'mint', 'FundsUnlocked');
  assert.equal(unlocked.data.amount.toBigInt(), amount);
  assert.ok((await (await api.at(r.blockHash)).call.mintApi.lock(id)).isNone);
});
