/**
 * The keeper's decision, as pure functions of what the chain quoted: how much to offer
 * (`sizeOffer`: the close factor's limit, or less when it holds less, never leaving dust), and
 * whether to auction (`decideAuction`: when the collateral it returns is worth more than the
 * mAssets it burns plus the fees, by at least `minProfit` UST).
 */
import type { AuctionQuote, PositionRatio, ScheduledChange } from '../types.js';
import { divFixedCeil, formatUnits, mulFixedCeil, mulFixedFloor } from '../units.js';

/** Why the chain refused an auction of what the keeper holds (a `mint` error name). */
export type OfferRefusal = 'DebtBelowMinimum' | 'PartialAuctionLowersRatio';

/** What `sizeOffer` needs: all amounts in base units. */
export interface OfferContext {
  /** The position's debt. */
  debt: bigint;
  /** The most one auction may repay now: `simulateAuction(id, debt).liquidatedAmount`. */
  limit: bigint;
  /** The keeper's balance of the position's mAsset. */
  held: bigint;
  /** The mAsset's oracle price (UST, 18 decimals). */
  assetPrice: bigint;
  /** Mint's least debt, as its value in UST base units (`MintParameters.minDebtValue`). */
  minDebtValue: bigint;
  /** Why the chain refused an auction of `held` (`simulateAuction(id, held)`), or null if it did not (or was not asked). */
  refusal: OfferRefusal | null;
}

/** How many mAssets to offer, or why none. */
export type OfferSize = { offer: bigint } | { skip: string };

/**
 * The most the keeper can offer in one auction without buying: the limit when it holds that much;
 * else what it holds, if the chain takes it; else, when the chain refused it because it would
 * leave dust (`DebtBelowMinimum`), the largest offer leaving the least debt,
 * `debt − ⌈minDebtValue ÷ assetPrice⌉`, if it holds that much; never a partial offer on a position
 * that must be closed in one auction (`PartialAuctionLowersRatio`).
 */
export function sizeOffer(ctx: OfferContext): OfferSize {
  const { debt, limit, held } = ctx;
  if (held >= limit) return { offer: limit };
  if (held === 0n) return { skip: `holds none of the ${formatUnits(limit)} mAssets needed` };
  if (ctx.refusal === null) return { offer: held };
  if (ctx.refusal === 'PartialAuctionLowersRatio') {
    return { skip: `position must be closed in one auction; holds ${formatUnits(held)} of ${formatUnits(limit)} needed` };
  }
  if (ctx.assetPrice === 0n) return { skip: 'no price to size an offer by' };
  const leastDebt = divFixedCeil(ctx.minDebtValue, ctx.assetPrice);
  const offer = debt - leastDebt;
  if (offer <= 0n || offer > held) {
    return { skip: `an auction of the ${formatUnits(held)} held would leave less than the least debt (${formatUnits(leastDebt)}); holds ${formatUnits(held)} of ${formatUnits(limit)} needed` };
  }
  return { offer };
}

/** What the keeper knows about one liquidatable position. */
export interface AuctionContext {
  /** The auction simulated with the mAssets the keeper would offer. */
  quote: AuctionQuote;
  /** The keeper's balance of the position's mAsset. */
  held: bigint;
  /** UST to buy the mAssets it lacks (`quote.liquidatedAmount − held`), or null if it will not buy. */
  buyCost: bigint | null;
  /** The mAsset's oracle price (UST, 18 decimals): what held mAssets are worth. */
  assetPrice: bigint;
  /** The collateral's price (UST, 18 decimals). */
  collateralPrice: bigint;
  /** The transactions' fees, in UST. */
  feeUst: bigint;
  /** The least profit (UST, base units) worth acting for. */
  minProfit: bigint;
}

/** What to do. */
export type Decision =
  | { action: 'auction'; offer: bigint; buy: bigint; buyCost: bigint; value: bigint; cost: bigint; profit: bigint }
  | { action: 'skip'; reason: string; profit: bigint | null };

/** Decides whether to auction, and how many mAssets to buy first. All values are base units. */
export function decideAuction(ctx: AuctionContext): Decision {
  const { quote } = ctx;
  const need = quote.liquidatedAmount;
  if (need === 0n) return { action: 'skip', reason: 'the auction would burn nothing', profit: null };
  const fromHoldings = ctx.held < need ? ctx.held : need;
  const lacking = need - fromHoldings;
  if (lacking > 0n && ctx.buyCost === null) {
    return { action: 'skip', reason: `holds ${ctx.held} of ${need} mAssets needed and buying is off`, profit: null };
  }
  const buyCost = lacking > 0n ? (ctx.buyCost ?? 0n) : 0n;
  // Value what is received down and what is given up up: the keeper's favour is never assumed.
  const value = mulFixedFloor(quote.returnedCollateral, ctx.collateralPrice);
  const cost = mulFixedCeil(fromHoldings, ctx.assetPrice) + buyCost + ctx.feeUst;
  const profit = value - cost;
  if (profit < ctx.minProfit) {
    return { action: 'skip', reason: `profit ${profit} below the minimum ${ctx.minProfit}`, profit };
  }
  return { action: 'auction', offer: need, buy: lacking, buyCost, value, cost, profit };
}

/**
 * The scheduled raise that will make a position liquidatable at today's prices (its ratio is at or
 * below the ratio it will need once every scheduled raise is in force), or null.
 */
export function exposure(ratio: PositionRatio): ScheduledChange | null {
  const { collateralRatio, scheduled } = ratio;
  if (scheduled === null || collateralRatio === null) return null;
  return collateralRatio <= scheduled.value ? scheduled : null;
}
