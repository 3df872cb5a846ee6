import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideAuction, type AuctionContext } from '../src/keeper/strategy.js';
import { FIXED, UNIT, toFixed } from '../src/units.js';
import { booleanOption, checkKnown, numberOption, parseArgs, retry } from '../src/cli.js';

// A position owing 10 mAAPL at 250 UST: the auction returns 3,087.5 UST of collateral.
const base: AuctionContext = {
  quote: {
    liquidatedAmount: 10n * UNIT, refundedAsset: 0n, returnedCollateral: 3_087_500_000n, protocolFee: 37_500_000n,
    leftoverCollateral: 475_000_000n, forgivenDebt: 0n,
  },
  held: 20n * UNIT,
  buyCost: null,
  assetPrice: 250n * FIXED,
  collateralPrice: FIXED,
  feeUst: 10_000n,
  minProfit: UNIT,
};

test('auction from holdings when the collateral is worth more than the mAssets and fees', () => {
  const d = decideAuction(base);
  assert.equal(d.action, 'auction');
  if (d.action !== 'auction') return;
  assert.equal(d.offer, 10n * UNIT);
  assert.equal(d.buy, 0n);
  assert.equal(d.value, 3_087_500_000n);
  assert.equal(d.cost, 2_500_000_000n + 10_000n);
  assert.equal(d.profit, 587_490_000n);
});

test('buy what it lacks, counting the purchase at its AMM cost', () => {
  const d = decideAuction({ ...base, held: 4n * UNIT, buyCost: 1_600_000_000n });
  assert.equal(d.action, 'auction');
  if (d.action !== 'auction') return;
  assert.equal(d.buy, 6n * UNIT);
  assert.equal(d.cost, 1_000_000_000n + 1_600_000_000n + 10_000n);
  assert.equal(d.profit, 3_087_500_000n - 2_600_010_000n);
});

test('skip when buying is off and it holds too little, or when it does not pay', () => {
  const noBuy = decideAuction({ ...base, held: 4n * UNIT });
  assert.equal(noBuy.action, 'skip');
  assert.match(noBuy.action === 'skip' ? noBuy.reason : '', /buying is off/);

  // Pricier mAssets than the collateral returned: a loss.
  const loss = decideAuction({ ...base, assetPrice: 310n * FIXED });
  assert.equal(loss.action, 'skip');
  assert.equal(loss.profit, 3_087_500_000n - 3_100_000_000n - 10_000n);

  // Exactly at the minimum profit still acts; a unit below does not.
  const exact = decideAuction({ ...base, minProfit: 587_490_000n });
  assert.equal(exact.action, 'auction');
  const below = decideAuction({ ...base, minProfit: 587_490_001n });
  assert.equal(below.action, 'skip');

  const nothing = decideAuction({ ...base, quote: { ...base.quote, liquidatedAmount: 0n } });
  assert.equal(nothing.action, 'skip');
});

test('valuation rounds against the keeper: value down, cost up', () => {
  // 1 base unit of collateral at 0.5 is worth 0; 1 base unit of mAsset at 0.5 costs 1.
  const d = decideAuction({
    ...base, quote: { ...base.quote, liquidatedAmount: 1n, returnedCollateral: 1n }, held: 1n,
    assetPrice: toFixed('0.5'), collateralPrice: toFixed('0.5'), feeUst: 0n, minProfit: 0n,
  });
  assert.equal(d.profit, -1n);
  assert.equal(d.action, 'skip');
});

test('command lines: values, flags, --no- flags, = forms; unknown options refused', () => {
  const args = parseArgs(['--url', 'ws://x', '--once', '--no-buy', '--min-profit=2.5']);
  assert.deepEqual(args, { url: 'ws://x', once: true, buy: false, 'min-profit': '2.5' });
  assert.equal(booleanOption(args, {}, 'buy', true), false);
  assert.equal(booleanOption(args, { 'dry-run': true }, 'dry-run', false), true, 'from the config');
  assert.equal(numberOption(args, { every: 3 }, 'every', 1), 3);
  assert.equal(numberOption({ every: '5' }, { every: 3 }, 'every', 1), 5, 'the command line wins');
  assert.throws(() => numberOption({ every: 'x' }, {}, 'every', 1), /non-negative number/);
  assert.throws(() => checkKnown(args, ['url']), /unknown option --once/);
  assert.throws(() => parseArgs(['stray']), /unexpected argument/);
});

test('retry: backs off, gives up after the last try with its error', async () => {
  let n = 0;
  const seen: number[] = [];
  const v = await retry(async () => { n += 1; if (n < 3) throw new Error(`e${n}`); return 'done'; }, 3, 1, (_e, i) => seen.push(i));
  assert.equal(v, 'done');
  assert.deepEqual(seen, [1, 2]);
  await assert.rejects(retry(async () => { throw new Error('always'); }, 2, 1), /always/);
});
