/**
 * Amounts and prices with exact bigint maths.
 *
 * Every Mirror token (MIR, UST, mAssets, LP tokens) has 6 decimals: a *balance* is a bigint of base
 * units, `1_000_000n` being one token. Prices, ratios and rates are `FixedU128`: a bigint with 18
 * decimals, `10n ** 18n` being 1. Functions that take an amount accept either a bigint in base units
 * or a decimal string in human units ("12.5" is 12.5 tokens); they never go through a float.
 */

/** Decimals of every Mirror token. */
export const DECIMALS = 6;
/** One whole token in base units. */
export const UNIT = 1_000_000n;
/** Decimals of a `FixedU128`. */
export const FIXED_DECIMALS = 18;
/** 1 as a `FixedU128`. */
export const FIXED = 10n ** 18n;

/** A token amount: a bigint in base units, or a decimal string in whole tokens ("1.5"). */
export type Amount = bigint | string;
/** A price, ratio or rate: a bigint with 18 decimals, or a decimal string ("180.25", "0.015"). */
export type Ratio = bigint | string;

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/** Parses a non-negative decimal string into an integer with `decimals` decimals, exactly. */
export function parseDecimal(text: string, decimals: number): bigint {
  const trimmed = text.trim().replace(/_/g, '');
  const m = DECIMAL.exec(trimmed);
  if (!m) throw new RangeError(`not a non-negative decimal number: "${text}"`);
  const whole = m[1];
  const frac = m[2] ?? '';
  if (frac.length > decimals && /[1-9]/.test(frac.slice(decimals))) {
    throw new RangeError(`"${text}" has more than ${decimals} decimals`);
  }
  const padded = (frac + '0'.repeat(decimals)).slice(0, decimals);
  return BigInt(whole) * 10n ** BigInt(decimals) + (decimals > 0 ? BigInt(padded) : 0n);
}

/** Formats an integer with `decimals` decimals as a decimal string without trailing zeros. */
export function formatDecimal(value: bigint, decimals: number, maxDecimals = decimals): string {
  const negative = value < 0n;
  let v = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  if (maxDecimals < decimals) {
    // Round half up to `maxDecimals`.
    const drop = 10n ** BigInt(decimals - maxDecimals);
    v = ((v + drop / 2n) / drop) * drop;
  }
  const whole = v / scale;
  let frac = (v % scale).toString().padStart(decimals, '0').slice(0, maxDecimals);
  frac = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** An amount in base units: a bigint is taken as is, a string as whole tokens. */
export function toUnits(amount: Amount): bigint {
  if (typeof amount === 'bigint') {
    if (amount < 0n) throw new RangeError(`negative amount: ${amount}`);
    return amount;
  }
  return parseDecimal(amount, DECIMALS);
}

/** Base units as whole tokens, e.g. `formatUnits(1_500_000n) === "1.5"`. */
export function formatUnits(units: bigint, maxDecimals = DECIMALS): string {
  return formatDecimal(units, DECIMALS, maxDecimals);
}

/** A price or ratio as a `FixedU128` bigint: a bigint is taken as is, a string as a decimal. */
export function toFixed(value: Ratio): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError(`negative ratio: ${value}`);
    return value;
  }
  return parseDecimal(value, FIXED_DECIMALS);
}

/** A `FixedU128` bigint as a decimal string, e.g. `formatFixed(15n * 10n ** 17n) === "1.5"`. */
export function formatFixed(value: bigint, maxDecimals = FIXED_DECIMALS): string {
  return formatDecimal(value, FIXED_DECIMALS, maxDecimals);
}

/** `amount × ratio`, rounded down (the protocol's favour when paying out). */
export function mulFixedFloor(amount: bigint, ratio: bigint): bigint {
  return (amount * ratio) / FIXED;
}

/** `amount × ratio`, rounded up (the protocol's favour when charging). */
export function mulFixedCeil(amount: bigint, ratio: bigint): bigint {
  return (amount * ratio + FIXED - 1n) / FIXED;
}

/** `amount ÷ ratio`, rounded down. Throws on a zero ratio. */
export function divFixedFloor(amount: bigint, ratio: bigint): bigint {
  if (ratio === 0n) throw new RangeError('division by a zero ratio');
  return (amount * FIXED) / ratio;
}

/** `amount ÷ ratio`, rounded up. Throws on a zero ratio. */
export function divFixedCeil(amount: bigint, ratio: bigint): bigint {
  if (ratio === 0n) throw new RangeError('division by a zero ratio');
  return (amount * FIXED + ratio - 1n) / ratio;
}

/** `a ÷ b` as a `FixedU128`, rounded down. Throws when `b` is zero. */
export function fixedFromRatio(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('ratio with a zero denominator');
  return (a * FIXED) / b;
}

/** The `FixedU128` nearest to a finite, non-negative float, to 12 significant decimals. */
export function fixedFromNumber(x: number): bigint {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`not a non-negative finite number: ${x}`);
  if (x === 0) return 0n;
  // Go through the float's own shortest decimal text, so 180.25 becomes exactly 180.25.
  const text = x.toPrecision(12);
  if (/e/i.test(text)) {
    const [mantissa, exp] = text.split(/e/i);
    const m = parseDecimal(mantissa, FIXED_DECIMALS);
    const e = Number(exp);
    return e >= 0 ? m * 10n ** BigInt(e) : m / 10n ** BigInt(-e);
  }
  return parseDecimal(text, FIXED_DECIMALS);
}

/** A `FixedU128` as a float, for display and random walks only. */
export function fixedToNumber(value: bigint): number {
  return Number(formatFixed(value, 12));
}

/** Parts per million in a `Permill` of 100 %. */
export const PERMILL = 1_000_000;

/**
 * A `Permill` (a fraction from 0 to 1, such as Mint's close factor): a number of parts per million,
 * as the client returns a `Permill` (`500_000` is 50 %), or a decimal string of the fraction
 * (`"0.5"`, at most 6 decimals).
 */
export type PermillInput = number | string;

/** A `Permill` as its number of parts per million: `toPermill("0.5") === toPermill(500_000) === 500_000`. */
export function toPermill(value: PermillInput): number {
  const parts = typeof value === 'string' ? Number(parseDecimal(value, 6)) : value;
  if (!Number.isInteger(parts) || parts < 0 || parts > PERMILL) {
    throw new RangeError(`not a Permill (0 to 1, or 0 to 1,000,000 parts per million): ${value}`);
  }
  return parts;
}
