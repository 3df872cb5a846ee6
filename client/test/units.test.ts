import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIXED, PERMILL, UNIT, divFixedCeil, divFixedFloor, fixedFromNumber, fixedFromRatio, formatFixed, formatUnits, mulFixedCeil,
  mulFixedFloor, parseDecimal, toFixed, toPermill, toUnits,
} from '../src/units.js';
import { assetId, assetLabel, toChainAsset } from '../src/assets.js';

test('human amounts parse exactly into base units', () => {
  assert.equal(toUnits('1'), UNIT);
  assert.equal(toUnits('1.5'), 1_500_000n);
  assert.equal(toUnits('0.000001'), 1n);
  assert.equal(toUnits('10_000.25'), 10_000_250_000n);
  assert.equal(toUnits('3.'), 3n * UNIT);
  assert.equal(toUnits('1.5000000000'), 1_500_000n, 'trailing zeros past 6 decimals are fine');
  assert.equal(toUnits(42n), 42n, 'a bigint is already base units');
  // u128::MAX survives the round trip.
  const max = 2n ** 128n - 1n;
  assert.equal(toUnits(formatUnits(max)), max);
});

test('bad amounts are refused, not rounded', () => {
  assert.throws(() => toUnits('0.0000001'), /more than 6 decimals/);
  assert.throws(() => toUnits('-1'), /not a non-negative decimal/);
  assert.throws(() => toUnits('1e6'), /not a non-negative decimal/);
  assert.throws(() => toUnits(''), /not a non-negative decimal/);
  assert.throws(() => toUnits(-1n), /negative amount/);
  assert.throws(() => toFixed('abc'), /not a non-negative decimal/);
});

test('formatting drops trailing zeros and rounds half up when asked', () => {
  assert.equal(formatUnits(1_500_000n), '1.5');
  assert.equal(formatUnits(0n), '0');
  assert.equal(formatUnits(1n), '0.000001');
  assert.equal(formatUnits(123_456_789n, 2), '123.46');
  assert.equal(formatUnits(-2_500_000n), '-2.5');
  assert.equal(formatFixed(FIXED * 3n / 2n), '1.5');
  assert.equal(formatFixed(toFixed('180.123456789'), 4), '180.1235');
});

test('prices and ratios are FixedU128 with 18 decimals', () => {
  assert.equal(toFixed('1'), FIXED);
  assert.equal(toFixed('0.015'), 15n * 10n ** 15n);
  assert.equal(toFixed('180.25'), 18025n * 10n ** 16n);
  assert.equal(fixedFromNumber(180.25), toFixed('180.25'));
  assert.equal(fixedFromNumber(1.1), toFixed('1.1'), 'no float noise: 1.1 is 1.1');
  assert.equal(fixedFromNumber(0), 0n);
  assert.equal(fixedFromNumber(1e-7), toFixed('0.0000001'));
  assert.equal(fixedFromNumber(2.5e21), 25n * 10n ** 20n * FIXED);
  assert.throws(() => fixedFromNumber(-1));
  assert.throws(() => fixedFromNumber(Number.NaN));
});

test('fixed-point maths rounds the way it says', () => {
  // 10 units at 1/3: floor and ceil differ by one base unit.
  const third = FIXED / 3n;
  assert.equal(mulFixedFloor(10n, third), 3n);
  assert.equal(mulFixedCeil(10n, third), 4n);
  assert.equal(mulFixedCeil(10n, FIXED), 10n, 'exact products are not rounded up');
  assert.equal(divFixedFloor(10n * UNIT, toFixed('4')), 2_500_000n);
  assert.equal(fixedFromRatio(1n, 3n), 333_333_333_333_333_333n);
  assert.throws(() => divFixedFloor(1n, 0n));
  assert.throws(() => fixedFromRatio(1n, 0n));
  assert.equal(parseDecimal('12', 0), 12n);
});

test('assets: MIR is Native, UST is 1, the rest are ids', () => {
  assert.deepEqual(toChainAsset('MIR'), 'Native');
  assert.deepEqual(toChainAsset('UST'), { WithId: 1 });
  assert.deepEqual(toChainAsset(101), { WithId: 101 });
  assert.equal(assetId('UST'), 1);
  assert.equal(assetLabel('MIR'), 'MIR');
  assert.equal(assetLabel(1), 'UST');
  assert.equal(assetLabel(101), '#101');
  assert.throws(() => toChainAsset(-1), /not an asset id/);
  assert.throws(() => toChainAsset(1.5), /not an asset id/);
  assert.throws(() => toChainAsset(2 ** 32), /not an asset id/);
});

test('divFixedCeil rounds up; Permills from a fraction or parts per million', () => {
  assert.equal(divFixedCeil(UNIT, 250n * FIXED), 4_000n);
  assert.equal(divFixedCeil(UNIT, 3n * FIXED), 333_334n);
  assert.equal(divFixedCeil(10n * UNIT, toFixed('4')), 2_500_000n, 'exact stays exact');
  assert.throws(() => divFixedCeil(1n, 0n));
  assert.equal(toPermill('0.5'), 500_000);
  assert.equal(toPermill('1'), PERMILL);
  assert.equal(toPermill('0.000001'), 1);
  assert.equal(toPermill(950_000), 950_000);
  assert.equal(toPermill(0), 0);
  assert.throws(() => toPermill('1.000001'), /not a Permill/);
  assert.throws(() => toPermill('0.0000001'), /more than 6 decimals/);
  assert.throws(() => toPermill(1_000_001), /not a Permill/);
  assert.throws(() => toPermill(0.5), /not a Permill/, 'a number is parts per million, not a fraction');
  assert.throws(() => toPermill(-1), /not a Permill/);
});
