/**
 * The app's own maths, as pure functions over bigints: token amounts in base units (6 decimals),
 * prices and ratios as `FixedU128` (18 decimals). No floats anywhere; what the chain computes
 * (swap returns, fees, ratios, mint amounts, liquidation prices) comes from the SDK's queries, these only derive display values
 * from them. Tested by `npm run test:unit` (test/unit/math.test.ts).
 */
import { FIXED, fixedFromRatio, formatDecimal, mulFixedCeil, mulFixedFloor, parseDecimal } from '@mirror-substrate/client';

/** A swap quote as `client.amm.simulateSwap` returns it. */
export interface Quote {
  offerAmount: bigint;
  returnAmount: bigint;
  spreadAmount: bigint;
  commissionAmount: bigint;
}

/**
 * The price impact of a swap: the spread (what the trade's own size costs against the pool's spot
 * price) over what the offer is worth at that spot price (return + spread + commission), as a
 * `FixedU128` fraction (0.01e18 = 1 %). Zero for an empty quote.
 */
export function priceImpact(q: Quote): bigint {
  const atSpot = q.returnAmount + q.spreadAmount + q.commissionAmount;
  return atSpot === 0n ? 0n : fixedFromRatio(q.spreadAmount, atSpot);
}

/**
 * The least a swap may return under a slippage tolerance (a `FixedU128` fraction): the quoted
 * return less the tolerance, rounded down (`⌊r × (1 − s)⌋`). A tolerance of 1 or more leaves 0.
 */
export function minimumReceived(returnAmount: bigint, slippage: bigint): bigint {
  if (slippage >= FIXED) return 0n;
  return mulFixedFloor(returnAmount, FIXED - slippage);
}

/**
 * The route of a swap between two assets: direct when either side is `hub` (UST), else through it
 * (`[offer, hub, ask]`, e.g. mAAPL → UST → mTSLA), as `client.amm.simulateRoute` and `swapRoute` take it.
 */
export function routePath<A>(offer: A, ask: A, hub: A): A[] {
  if (offer === ask) throw new RangeError('a swap needs two different assets');
  return offer === hub || ask === hub ? [offer, ask] : [offer, hub, ask];
}

/**
 * The belief price for `client.amm.swap`: the price of the ask asset in the offer asset (offer
 * units per ask unit) at the quote, so that the chain's spread check (`max_spread`, on the net
 * return) allows the return to fall by the slippage tolerance from the quoted one.
 */
export function beliefPrice(q: Quote): bigint {
  if (q.returnAmount === 0n) throw new RangeError('a quote returning nothing has no price');
  return fixedFromRatio(q.offerAmount, q.returnAmount);
}

/** A pool's spot price of `base` in `quote` (quote units per base unit), from its reserves. */
export function spotPrice(baseReserve: bigint, quoteReserve: bigint): bigint | null {
  return baseReserve === 0n ? null : fixedFromRatio(quoteReserve, baseReserve);
}

/**
 * The pool's premium over the oracle: `pool / oracle − 1`, a signed `FixedU128` (negative when the
 * pool trades below the oracle). Null without an oracle price.
 */
export function premium(poolPrice: bigint, oraclePrice: bigint | null): bigint | null {
  return relativeTo(poolPrice, oraclePrice);
}

/**
 * How far `value` is from `reference`, as a signed `FixedU128` fraction: `value / reference − 1`
 * (a liquidation price 25 % above the oracle price is 0.25e18). Null without a reference.
 */
export function relativeTo(value: bigint, reference: bigint | null): bigint | null {
  if (reference === null || reference === 0n) return null;
  return (value * FIXED) / reference - FIXED;
}

/** What a slippage tolerance risks: `high` at 5 % or more (front-running), `low` below 0.1 %. */
export type SlippageWarning = 'high' | 'low' | null;

export const SLIPPAGE_HIGH = FIXED / 20n; // 5 %
export const SLIPPAGE_LOW = FIXED / 1000n; // 0.1 %

export function slippageWarning(slippage: bigint): SlippageWarning {
  if (slippage >= SLIPPAGE_HIGH) return 'high';
  if (slippage < SLIPPAGE_LOW) return 'low';
  return null;
}

/**
 * A percentage typed by a person ("0.5", "3", "12.25"), exactly, as a `FixedU128` fraction (0.5 %
 * is 0.005e18). At most 16 decimals; throws `RangeError` on anything else, or above 100 %.
 */
export function parsePercent(text: string): bigint {
  const fraction = parseDecimal(text, 16); // p % is p × 1e16 in 18 decimals
  if (fraction > FIXED) throw new RangeError(`more than 100 %: "${text}"`);
  return fraction;
}

/** A (signed) `FixedU128` fraction as a percentage with `decimals` decimals: `0.0123e18` → `"1.23 %"`. */
export function formatPercent(fraction: bigint, decimals = 2): string {
  return `${formatDecimal(fraction * 100n, 18, decimals)} %`;
}

/** The least collateral ratio a position must keep: the mAsset's MCR × the collateral's multiplier (rounded up). */
export function requiredRatio(mcr: bigint, multiplier: bigint): bigint {
  return mulFixedCeil(mcr, multiplier);
}

/** How a position's ratio compares with the one it must keep. */
export type Health = 'liquidatable' | 'danger' | 'warning' | 'safe' | 'no-debt';

/**
 * A position's health: `liquidatable` at or below its required ratio (or the scheduled one, once
 * in force: pass the larger), `danger` within 10 % above it, `warning` within 30 %, else `safe`.
 */
export function health(ratio: bigint | null, required: bigint): Health {
  if (ratio === null) return 'no-debt';
  if (ratio <= required) return 'liquidatable';
  if (ratio * 10n < required * 11n) return 'danger';
  if (ratio * 10n < required * 13n) return 'warning';
  return 'safe';
}

/**
 * How full a health bar is, in parts per thousand: the ratio over twice the required ratio,
 * capped at 1000 (so the required ratio sits at the middle of the bar).
 */
export function healthBarPermille(ratio: bigint | null, required: bigint): number {
  if (ratio === null || required === 0n) return 1000;
  const permille = (ratio * 1000n) / (required * 2n);
  return Number(permille > 1000n ? 1000n : permille);
}

/** The margin of Mirror's "safe" mark over the required ratio: 50 percentage points (150 % → 200 %). */
export const SAFE_MARGIN = FIXED / 2n;

/** The "Safe" mark of a health bar and of the ratio slider: the required ratio + 50 percentage points. */
export function safeRatio(required: bigint): bigint {
  return required + SAFE_MARGIN;
}

/**
 * Where a ratio sits on a health bar, in parts per thousand (the bar spans 0 to twice the required
 * ratio, as `healthBarPermille`): the required ratio at 500, 200 % on a 150 % bar at 666. Capped at 1000.
 */
export function healthBarMarkPermille(ratio: bigint, required: bigint): number {
  if (required === 0n) return 1000;
  const permille = (ratio * 1000n) / (required * 2n);
  return Number(permille > 1000n ? 1000n : permille);
}

/** A percentage with no upper bound ("150", "200.5") as a `FixedU128` ratio (150 % → 1.5e18); throws `RangeError`. */
export function parseRatioPercent(text: string): bigint {
  return parseDecimal(text, 16);
}

/** A ratio as tenths of a percent, rounded up (1.5e18 → 1500): the slider's unit. */
export function ratioToPermille(ratio: bigint): number {
  return Number((ratio * 1000n + FIXED - 1n) / FIXED);
}

/** Tenths of a percent as a percent string (1505 → "150.5"). */
export function permilleToPercentText(permille: number): string {
  return formatDecimal(BigInt(permille), 1);
}

/** The amount of the other asset that matches `amount` at a pool's ratio, rounded up; null for an empty pool. */
export function pairedAmount(amount: bigint, reserve: bigint, otherReserve: bigint): bigint | null {
  if (reserve === 0n) return null;
  return (amount * otherReserve + reserve - 1n) / reserve;
}

/** A holder's share of a pool, a `FixedU128` fraction. */
export function poolShare(shares: bigint, totalShares: bigint): bigint {
  return totalShares === 0n ? 0n : fixedFromRatio(shares, totalShares);
}

/**
 * The LP units the runtime locks in a pool's account on its first deposit (the runtime's
 * `AmmMinimumLiquidity`, pallet-amm's `Config::MinimumLiquidity`).
 */
export const MINIMUM_LIQUIDITY = 1_000n;

/** What a deposit mints: `received` LP tokens to the depositor, and the growth of the pool's total shares. */
export interface Deposit {
  received: bigint;
  totalSharesAfter: bigint;
}

/** ⌊√n⌋ of a non-negative bigint (Newton's method, as pallet-amm's `integer_sqrt`). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n === 0n) return 0n;
  let x = n;
  let y = (x + 1n) >> 1n;
  while (y < x) {
    x = y;
    y = (x + n / x) >> 1n;
  }
  return x;
}

/**
 * The LP tokens a deposit of `a` and `b` mints, exactly as pallet-amm's `shares_for_deposit` and
 * `provide_liquidity` (Terraswap semantics): into a pool with `totalShares` S > 0 and reserves
 * `reserveA`, `reserveB`, `min(⌊a·S/Ra⌋, ⌊b·S/Rb⌋)` (the excess of the other side stays in the
 * pool); into an empty pool (S = 0), `⌊√(a·b)⌋`, of which `minimumLiquidity` units are locked in
 * the pool's account, so the depositor receives `⌊√(a·b)⌋ − minimumLiquidity` and the total shares
 * become `⌊√(a·b)⌋`. Null when the chain would refuse it (`InsufficientLiquidityMinted`: nothing
 * minted, or a first deposit not above the locked minimum; or an existing pool with an empty reserve).
 */
export function lpForDeposit(
  a: bigint, b: bigint, reserveA: bigint, reserveB: bigint, totalShares: bigint, minimumLiquidity = MINIMUM_LIQUIDITY,
): Deposit | null {
  if (a < 0n || b < 0n) return null;
  if (totalShares === 0n) {
    const shares = integerSqrt(a * b);
    const received = shares - minimumLiquidity;
    return received > 0n ? { received, totalSharesAfter: shares } : null;
  }
  if (reserveA === 0n || reserveB === 0n) return null;
  const byA = (a * totalShares) / reserveA;
  const byB = (b * totalShares) / reserveB;
  const received = byA < byB ? byA : byB;
  return received > 0n ? { received, totalSharesAfter: totalShares + received } : null;
}
