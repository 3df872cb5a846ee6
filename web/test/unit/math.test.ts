// The app's own maths (src/lib/math.ts): exact bigint results, no floats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  beliefPrice, formatPercent, integerSqrt, lpForDeposit, MINIMUM_LIQUIDITY, poolShare, health, healthBarMarkPermille, healthBarPermille, routePath, safeRatio, minimumReceived, pairedAmount, parsePercent,
  parseRatioPercent, permilleToPercentText, premium, priceImpact, relativeTo, ratioToPermille, requiredRatio, slippageWarning, spotPrice,
} from '../../src/lib/math.js';

const FIXED = 10n ** 18n;
const UNIT = 1_000_000n;

test('price impact is the spread over the value at the spot price', () => {
  // 1 mAAPL into a 10,000 mAAPL / 1,800,000 UST pool: 180 UST at spot, 179.982 gross.
  const q = { offerAmount: UNIT, returnAmount: 179_442_054n, spreadAmount: 17_998n, commissionAmount: 539_946n + 2n };
  const atSpot = q.returnAmount + q.spreadAmount + q.commissionAmount;
  assert.equal(atSpot, 180_000_000n);
  assert.equal(priceImpact(q), (17_998n * FIXED) / 180_000_000n);
  assert.equal(formatPercent(priceImpact(q), 4), '0.01 %');
  assert.equal(priceImpact({ offerAmount: 0n, returnAmount: 0n, spreadAmount: 0n, commissionAmount: 0n }), 0n);
  // Half the pool: a 50 % spread.
  assert.equal(priceImpact({ offerAmount: 1n, returnAmount: 40n, spreadAmount: 50n, commissionAmount: 10n }), FIXED / 2n);
});

test('minimum received rounds down and never goes negative', () => {
  assert.equal(minimumReceived(1_000_000n, parsePercent('1')), 990_000n);
  assert.equal(minimumReceived(999_999n, parsePercent('0.5')), 994_999n); // 994,999.005 → down
  assert.equal(minimumReceived(123n, 0n), 123n);
  assert.equal(minimumReceived(123n, FIXED), 0n);
  assert.equal(minimumReceived(123n, 2n * FIXED), 0n);
});

test('belief price is offer units per ask unit at the quote', () => {
  const q = { offerAmount: UNIT, returnAmount: 180n * UNIT, spreadAmount: 0n, commissionAmount: 0n };
  assert.equal(beliefPrice(q), FIXED / 180n);
  assert.throws(() => beliefPrice({ ...q, returnAmount: 0n }), RangeError);
});

test('percentages parse exactly and slippage warnings trigger at 5 % and below 0.1 %', () => {
  assert.equal(parsePercent('0.5'), FIXED / 200n);
  assert.equal(parsePercent('3'), (3n * FIXED) / 100n);
  assert.equal(parsePercent('100'), FIXED);
  assert.throws(() => parsePercent('100.1'), RangeError);
  assert.throws(() => parsePercent('-1'), RangeError);
  assert.throws(() => parsePercent('1e3'), RangeError);
  assert.equal(slippageWarning(parsePercent('5')), 'high');
  assert.equal(slippageWarning(parsePercent('4.99')), null);
  assert.equal(slippageWarning(parsePercent('0.1')), null);
  assert.equal(slippageWarning(parsePercent('0.09')), 'low');
  assert.equal(slippageWarning(0n), 'low');
});

test('spot price and premium, signed', () => {
  const pool = spotPrice(10_000n * UNIT, 1_800_000n * UNIT)!;
  assert.equal(pool, 180n * FIXED);
  assert.equal(spotPrice(0n, 5n), null);
  assert.equal(premium(pool, 150n * FIXED), FIXED / 5n); // +20 %
  assert.equal(formatPercent(premium(pool, 200n * FIXED)!), '-10 %');
  assert.equal(premium(pool, null), null);
});

test('a price relative to another, signed (liquidation price against the oracle price)', () => {
  assert.equal(relativeTo(240n * FIXED, 180n * FIXED), FIXED / 3n); // +33.33 %
  assert.equal(formatPercent(relativeTo(240n * FIXED, 180n * FIXED)!), '33.33 %');
  assert.equal(formatPercent(relativeTo(135n * FIXED, 180n * FIXED)!), '-25 %');
  assert.equal(relativeTo(FIXED, 0n), null);
  assert.equal(relativeTo(FIXED, null), null);
});

test('required ratio and ratio slider units', () => {
  const mcr = (3n * FIXED) / 2n;
  assert.equal(requiredRatio(mcr, FIXED), mcr);
  // MIR's multiplier 1.3333334: 150 % × 1.3333334 = 200.00001 %.
  assert.equal(requiredRatio(mcr, 13_333_334n * 10n ** 11n), 2_000_000_100_000_000_000n);
  assert.equal(parseRatioPercent('150'), mcr);
  assert.equal(parseRatioPercent('200.5'), 2_005n * FIXED / 1000n);
  assert.equal(ratioToPermille(2_000_000_100_000_000_000n), 2001); // rounded up: never below the minimum
  assert.equal(permilleToPercentText(1505), '150.5');
  assert.equal(permilleToPercentText(2000), '200');
});

test('health levels and bar', () => {
  const req = (3n * FIXED) / 2n;
  assert.equal(health(null, req), 'no-debt');
  assert.equal(health(req, req), 'liquidatable');
  assert.equal(health(req + 1n, req), 'danger');
  assert.equal(health((req * 11n) / 10n, req), 'warning');
  assert.equal(health((req * 13n) / 10n, req), 'safe');
  assert.equal(healthBarPermille(req, req), 500);
  assert.equal(healthBarPermille(req * 3n, req), 1000);
  assert.equal(healthBarPermille(null, req), 1000);
});

test('paired liquidity rounds up', () => {
  assert.equal(pairedAmount(UNIT, 10_000n * UNIT, 1_800_000n * UNIT), 180n * UNIT);
  assert.equal(pairedAmount(1n, 3n, 1n), 1n);
  assert.equal(pairedAmount(1n, 0n, 1n), null);
});

test('a route goes through UST unless one side is UST; its minimum is ⌊quote × (1 − slippage)⌋', () => {
  assert.deepEqual(routePath(101, 103, 'UST' as unknown as number), [101, 'UST', 103]);
  assert.deepEqual(routePath<number | string>('MIR', 101, 'UST'), ['MIR', 'UST', 101]);
  assert.deepEqual(routePath<number | string>(101, 'UST', 'UST'), [101, 'UST']);
  assert.deepEqual(routePath<number | string>('UST', 'MIR', 'UST'), ['UST', 'MIR']);
  assert.throws(() => routePath(101, 101, 0), RangeError);
  // 0.717,912 mTSLA quoted for 1 mAAPL, 1 % slippage: 710,732.88 → 710,732.
  assert.equal(minimumReceived(717_912n, parsePercent('1')), 710_732n);
  assert.equal(minimumReceived(717_912n, parsePercent('0.5')), 714_322n); // 714,322.44 → down
});

test('the safe mark is the required ratio + 50 points, placed on the health bar', () => {
  assert.equal(safeRatio(parseRatioPercent('150')), parseRatioPercent('200'));
  assert.equal(safeRatio(parseRatioPercent('130')), parseRatioPercent('180'));
  assert.equal(healthBarMarkPermille(parseRatioPercent('150'), parseRatioPercent('150')), 500);
  assert.equal(healthBarMarkPermille(parseRatioPercent('200'), parseRatioPercent('150')), 666); // 666.67 → down
  assert.equal(healthBarMarkPermille(parseRatioPercent('500'), parseRatioPercent('150')), 1000);
  assert.equal(healthBarMarkPermille(FIXED, 0n), 1000);
});

test('LP tokens for a deposit: min(⌊a·S/Ra⌋, ⌊b·S/Rb⌋), floored; ⌊√(a·b)⌋ less the locked minimum into an empty pool', () => {
  // 10 mAAPL + 1,800.000001 UST into 10,000 mAAPL / 1,800,000 UST with S = 134,164.078649 LP.
  const S = 134_164_078_649n;
  const d = lpForDeposit(10n * UNIT, 1_800_000_001n, 10_000n * UNIT, 1_800_000n * UNIT, S)!;
  // by mAAPL: 10e6·S/10,000e6 = 134,164,078.649 → 134,164,078; by UST: 1,800,000,001·S/1.8e12 = 134,164,078.72… → 134,164,078.
  assert.equal(d.received, 134_164_078n);
  assert.equal(d.totalSharesAfter, S + 134_164_078n);
  assert.equal(formatPercent(poolShare(d.received, d.totalSharesAfter), 4), '0.0999 %');
  // The smaller side decides: an excess of UST mints nothing more.
  assert.equal(lpForDeposit(10n * UNIT, 9_000n * UNIT, 10_000n * UNIT, 1_800_000n * UNIT, S)!.received, 134_164_078n);
  assert.equal(lpForDeposit(7n, 3n, 100n, 50n, 1_000n)!.received, 60n); // min(70, 60)
  assert.equal(lpForDeposit(1n, 1n, 3_000n, 3_000n, 1_000n), null); // ⌊1/3⌋ = 0: InsufficientLiquidityMinted
  assert.equal(lpForDeposit(1n, 1n, 0n, 5n, 1_000n), null);
  // First deposit: ⌊√(10,000e6 · 1,800,000e6)⌋ = 134,164,078,649 shares, 1,000 of them locked.
  const first = lpForDeposit(10_000n * UNIT, 1_800_000n * UNIT, 0n, 0n, 0n)!;
  assert.equal(first.totalSharesAfter, S);
  assert.equal(first.received, S - MINIMUM_LIQUIDITY);
  assert.equal(lpForDeposit(1_000n, 1_001n, 0n, 0n, 0n), null); // √ = 1,000: not above the minimum
  assert.equal(lpForDeposit(1_001n, 1_003n, 0n, 0n, 0n)!.received, 1n);
  assert.equal(integerSqrt(0n), 0n);
  assert.equal(integerSqrt(15n), 3n);
  assert.equal(integerSqrt(16n), 4n);
  assert.equal(integerSqrt(10n ** 40n - 1n), 10n ** 20n - 1n);
});
