// Liquidation protection on the real node, through the TypeScript client and mirror-keeper:
// - the close factor: a position a little under its minimum is auctioned by half (50 % on the dev
//   chain), its owner keeps the rest and its collateral; when the price moves again the keeper
//   auctions half of what is left, and the position is still open;
// - the grace period: a raised minimum collateral ratio waits `riskChangeDelay` (120 s on the dev
//   chain); meanwhile the position is reported at risk (`MintApi.positions_at_risk`, the keeper's
//   `exposed` line) but is not liquidatable, until Root applies the raise early.
// Prices come from the dev feeder (//Feeder) in steps of 8 %: the oracle holds a move of more than
// 10 % as pending (the price is then contested and Mint refuses auctions).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, waitFor } from '../lib/node.mjs';
import { clientModule, runBot } from '../lib/bots.mjs';
import { DEV_FEEDER_SURI } from '../lib/constants.mjs';

const { MirrorClient, signerFromUri, findEvent, findEvents, toFixed, formatUnits, UST } = await import(clientModule());

const MAAPL = 101;
const MTSLA = 103;

let ctx;
let client;
const users = {};

before(async () => {
  ctx = await startDevNode({ connect: (url) => MirrorClient.connect(url, { timeoutMs: 5_000 }) });
  client = ctx.api;
  for (const name of ['Alice', 'Bob', 'Charlie', 'Ferdie']) users[name.toLowerCase()] = await signerFromUri(`//${name}`);
  users.feeder = await signerFromUri(DEV_FEEDER_SURI);
});
after(async () => { if (ctx) await ctx.stop(); });

let lastFeedBlock = 0;
/** The dev feeder feeds `price` (a decimal string) for `asset`; it must land as the price, uncontested. */
async function feed(asset, price) {
  // A feeder feeds an asset at most once per block: start from a block after the last feed's.
  await waitFor(async () => (await client.blockNumber()) > lastFeedBlock, { timeoutMs: 60_000, everyMs: 250, what: `a block after #${lastFeedBlock}` });
  const r = await client.oracle.feedPrices([[asset, price]]).send(users.feeder);
  lastFeedBlock = r.blockNumber;
  const now = await (await client.at(r.blockHash)).oracle.price(asset);
  assert.equal(now.price, toFixed(price), `#${asset} at ${price}: ${now.error ?? 'another price'}`);
  assert.equal(now.contested, false, `#${asset} at ${price} is contested`);
}

/** Root (the dev sudo key) dispatches `tx`; the sudo call must succeed. */
async function sudo(tx) {
  const r = await client.sudo(tx).send(users.alice);
  assert.ok('ok' in findEvent(r, 'sudo', 'Sudid').data.sudoResult, `sudo ${tx.label} failed`);
  return r;
}

/** One keeper round as an operator runs it: Ferdie (1,000 of each dev mAsset), no buying. */
async function keeperOnce(asset, ...extra) {
  const { code, output } = await runBot('mirror-keeper', [
    '--url', ctx.url, '--suri', '//Ferdie', '--once', '--no-buy', '--min-profit', '1', '--assets', String(asset), ...extra,
  ], 120_000);
  assert.equal(code, 0, output);
  return output;
}

test('the dev chain\'s liquidation parameters', async () => {
  const p = await client.mint.parameters();
  assert.equal(p.closeFactor, 500_000, '50 %');
  assert.equal(p.fullLiquidationRatio, 950_000, '95 %');
  assert.equal(p.minDebtValue, 1_000_000n, '1 UST');
  assert.equal(p.riskChangeDelay, 120n);
  const help = await runBot('mirror-keeper', ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.output, /close factor/);
  assert.match(help.output, /exposed/);
});

test('mirror-keeper auctions half of a position a little under water, twice; the owner keeps the rest', async () => {
  const { bob, ferdie } = users;
  await feed(MAAPL, '180');
  // Bob: 3,000 UST at 160 % against mAAPL (MCR 150 %): about 10.4 mAAPL, 1,875 UST of debt.
  const terms = { collateral: UST, collateralAmount: '3000', asset: MAAPL, collateralRatio: '1.6' };
  const preview = await client.mint.simulateOpenPosition(terms);
  let r = await client.mint.openPosition(terms).send(bob);
  const id = findEvent(r, 'mint', 'PositionOpened').data.positionId;
  const opened = await client.mint.position(id);
  // The preview said what opening gives: the debt, the required ratio and the liquidation price.
  assert.equal(opened.assetAmount, preview.mintedAmount);
  assert.equal(preview.requiredRatio, toFixed('1.5'));
  assert.equal(await client.mint.liquidationPrice(id), preview.liquidationPrice);
  assert.ok(preview.liquidationPrice > toFixed('180') && preview.liquidationPrice < toFixed('194.4'), 'liquidatable between 180 and 194.4');
  assert.equal(await client.mint.liquidatable(id), false);

  // Each round: the price moves so that the position is liquidatable but not deep (its collateral
  // stays above 95 % of what it needs), the chain quotes half the debt, and the keeper takes it.
  const rounds = [['194.4'], ['210', '226.8']];
  let position = opened;
  for (const [i, prices] of rounds.entries()) {
    for (const price of prices) await feed(MAAPL, price);
    const price = prices.at(-1);
    assert.equal(await client.mint.liquidatable(id), true, `liquidatable at ${price}`);
    const debt = position.assetAmount;
    const quote = await client.mint.simulateAuction(id, debt);
    assert.equal(quote.liquidatedAmount, debt / 2n, 'one auction repays at most half the debt');
    assert.equal(quote.refundedAsset, debt - debt / 2n, 'the rest of the offer is refunded');
    assert.equal(quote.leftoverCollateral, 0n, 'the position stays open');
    assert.equal(quote.forgivenDebt, 0n);

    const [ferdieAsset, ferdieUst, bobUst] = await Promise.all([
      client.balance(ferdie, MAAPL), client.balance(ferdie, UST), client.balance(bob, UST)]);
    const output = await keeperOnce(MAAPL);
    const half = formatUnits(debt / 2n);
    assert.match(output, new RegExp(`decision auction position #${id} \\(mAAPL debt ${formatUnits(debt)}, collateral [\\d.]+ UST\\): offer ${half}, buy 0 `), output);
    assert.match(output, new RegExp(`auctioned position #${id} .*: burned ${half}, received ${formatUnits(quote.returnedCollateral)} UST`), output);
    assert.match(output, /round 1: scanned \d+ position\(s\), 1 liquidatable, 1 auctioned, 0 exposed/, output);

    const after = await client.mint.position(id);
    assert.ok(after, `round ${i + 1}: the position is still open`);
    assert.equal(after.owner, bob.address);
    assert.equal(after.assetAmount, debt - debt / 2n, `round ${i + 1}: half the debt is left`);
    assert.equal(after.collateralAmount, position.collateralAmount - quote.returnedCollateral - quote.protocolFee);
    assert.ok(after.collateralAmount > 0n);
    assert.equal(await client.balance(ferdie, MAAPL), ferdieAsset - debt / 2n, 'the keeper burned half the debt');
    assert.equal(await client.balance(ferdie, UST), ferdieUst + quote.returnedCollateral, 'and received the discounted collateral');
    assert.equal(await client.balance(bob, UST), bobUst, 'Bob\'s collateral stays in his position');
    // Repaying half at a discount lifted the ratio back above 150 %: nothing more to auction.
    assert.equal(await client.mint.liquidatable(id), false, `round ${i + 1}: safe again at ${price}`);
    position = after;
  }
  // Bob still owns the position, with a quarter of the debt and the collateral that backs it.
  const mine = await client.mint.positionsByOwner(bob);
  assert.deepEqual(mine.map((p) => [p.id, p.assetAmount]), [[id, position.assetAmount]]);
  assert.ok(position.assetAmount >= opened.assetAmount / 4n - 1n && position.assetAmount <= opened.assetAmount / 4n + 1n);
  const ratio = await client.mint.collateralRatio(id);
  assert.ok(ratio.collateralRatio > ratio.requiredRatio, 'above its minimum');
  assert.equal(ratio.scheduled, null, 'nothing scheduled');
});

test('a raised MCR waits its grace period: at risk, not liquidatable, until Root applies it', async () => {
  const { charlie } = users;
  await feed(MTSLA, '250');
  // Charlie: 1,000 UST at 160 % against mTSLA (MCR 150 %).
  let r = await client.mint.openPosition({ collateral: UST, collateralAmount: '1000', asset: MTSLA, collateralRatio: '1.6' }).send(charlie);
  const id = findEvent(r, 'mint', 'PositionOpened').data.positionId;
  const { minCollateralRatio: mcr } = await client.mint.assetConfig(MTSLA);
  assert.equal(mcr, toFixed('1.5'));

  // Raise it to 200 %: scheduled 120 s later, not in force.
  r = await sudo(client.mint.updateAsset(MTSLA, { minCollateralRatio: '2' }));
  const scheduledEvent = findEvent(r, 'mint', 'RiskChangeScheduled').data;
  const at = await client.at(r.blockHash);
  const now = await at.now();
  assert.equal(scheduledEvent.asset, MTSLA);
  assert.equal(scheduledEvent.minCollateralRatio, toFixed('2'));
  assert.ok(scheduledEvent.effectiveAt > now && scheduledEvent.effectiveAt <= now + 120n, `effective at ${scheduledEvent.effectiveAt}, now ${now}`);
  const scheduled = { value: toFixed('2'), effectiveAt: scheduledEvent.effectiveAt };
  assert.equal((await at.mint.assetConfig(MTSLA)).minCollateralRatio, mcr, 'the MCR in force is unchanged');
  assert.deepEqual(await at.mint.scheduledMinCollateralRatio(MTSLA), scheduled);

  await feed(MTSLA, '250');
  assert.equal(await client.mint.liquidatable(id), false, 'not liquidatable during the grace period');
  const ratio = await client.mint.collateralRatio(id);
  assert.deepEqual(ratio.scheduled, scheduled);
  assert.equal(ratio.requiredRatio, mcr);
  const atRisk = await client.mint.positionsAtRisk(charlie);
  assert.deepEqual(atRisk, [{ positionId: id, ...ratio }], 'Charlie is warned');
  assert.deepEqual(await client.mint.positionsAtRisk(users.bob), [], 'Bob\'s mAAPL position is not concerned');
  await assert.rejects(client.mint.simulateAuction(id, 1_000_000n), (e) => e.code === 'mint.PositionSafelyCollateralized');

  // The keeper reports the exposure and does nothing else.
  const output = await keeperOnce(MTSLA, '--dry-run');
  const when = new Date(Number(scheduled.effectiveAt) * 1000).toISOString();
  assert.match(output, new RegExp(`position #${id} exposed: ratio [\\d.]+ below the scheduled required 2 from ${when.replace(/\./g, '\\.')}`), output);
  assert.match(output, /round 1: scanned \d+ position\(s\), 0 liquidatable, 0 auctioned, 1 exposed/, output);

  // Root applies the raise at once: the position is liquidatable now, and no longer "at risk".
  r = await sudo(client.mint.applyRiskChange(MTSLA));
  const applied = findEvent(r, 'mint', 'RiskChangeApplied').data;
  assert.equal(applied.asset, MTSLA);
  assert.equal(applied.minCollateralRatio, toFixed('2'));
  await feed(MTSLA, '250');
  assert.equal((await client.mint.assetConfig(MTSLA)).minCollateralRatio, toFixed('2'));
  assert.equal(await client.mint.scheduledMinCollateralRatio(MTSLA), null);
  assert.equal(await client.mint.liquidatable(id), true, 'liquidatable once applied');
  assert.deepEqual(await client.mint.positionsAtRisk(charlie), []);

  // Lowering applies at once (no schedule): the position is safe again.
  r = await sudo(client.mint.updateAsset(MTSLA, { minCollateralRatio: mcr }));
  assert.equal(findEvents(r, 'mint', 'RiskChangeScheduled').length, 0);
  assert.equal((await (await client.at(r.blockHash)).mint.assetConfig(MTSLA)).minCollateralRatio, mcr);
  assert.equal(await client.mint.liquidatable(id), false);
});
