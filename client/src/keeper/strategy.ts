/**
 * The keeper's decision, as a pure function of what the chain quoted: auction a position when the
 * collateral it returns is worth more than the mAssets it burns plus the fees, by at least
 * `minProfit` UST.
 */
import type { AuctionQuote } from '../types.js';
import { mulFixedCeil, mulFixedFloor } from '../units.js';

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
