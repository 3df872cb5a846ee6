/**
 * The liquidation keeper: pages through positions with the Mint runtime API, a bounded number per
 * round (resuming where the last round stopped), and auctions those that are liquidatable when
 * `decideAuction` says it pays, offering what one auction may repay (the close factor's share of
 * the debt, never leaving dust: `sizeOffer`). Positions not liquidatable yet that a scheduled raise
 * of their required ratio will make liquidatable at today's prices are reported as exposed.
 */
import { type AssetId, UST, assetLabel } from '../assets.js';
import type { MirrorClient } from '../client.js';
import { type Logger, runEveryBlocks } from '../cli.js';
import { MirrorError } from '../errors.js';
import { findEvents, type Signer } from '../tx.js';
import type { MintParameters, PositionEntry, PositionRatio } from '../types.js';
import { FIXED, fixedFromRatio, formatFixed, formatUnits } from '../units.js';
import { type Decision, type OfferRefusal, decideAuction, exposure, sizeOffer } from './strategy.js';

/** How the keeper runs. */
export interface KeeperOptions {
  /** Scan every this many blocks (default 1). */
  everyBlocks: number;
  /** The most positions looked at per round (default 300); the next round resumes after them. */
  maxPositionsPerRound: number;
  /** The least profit, in UST base units, worth an auction (default 1 UST). */
  minProfit: bigint;
  /** Buy mAssets the keeper lacks from the AMM with UST (default true). */
  buy: boolean;
  /** The spread accepted when buying (18 decimals; default 1 %). */
  maxSpread: bigint;
  /** The oldest oracle price used for valuations (seconds; default 60). */
  priceMaxAge: number;
  /** Only watch these mAssets (default: all). */
  assets: AssetId[] | null;
  /** Look, decide and log, but send nothing. */
  dryRun: boolean;
}

export const DEFAULT_KEEPER_OPTIONS: KeeperOptions = {
  everyBlocks: 1, maxPositionsPerRound: 300, minProfit: 1_000_000n, buy: true,
  maxSpread: FIXED / 100n, priceMaxAge: 60, assets: null, dryRun: false,
};

/** Counters of what the keeper did (bounded, whatever it runs). */
export interface KeeperStats {
  rounds: number;
  scanned: number;
  liquidatable: number;
  auctions: number;
  skipped: number;
  failures: number;
  profitUst: bigint;
  /** Positions seen not liquidatable but at or below the ratio a scheduled raise will require (counted each round). */
  exposed: number;
}

const PAGE = 30;
/** The distinct exposures remembered so that each is logged once (bounded). */
const MAX_EXPOSURES_REMEMBERED = 1_024;

/** The `mint` error of a refused auction simulation that a smaller (or no) offer answers, or null. */
function auctionRefusal(e: unknown): OfferRefusal | null {
  if (!(e instanceof MirrorError)) return null;
  return e.errorName === 'DebtBelowMinimum' || e.errorName === 'PartialAuctionLowersRatio' ? e.errorName : null;
}

export class LiquidationKeeper {
  /** The id after which the next round resumes (null: from the start). */
  private cursor: bigint | null = null;
  private readonly symbols = new Map<AssetId, string>();
  /** Mint's parameters, read at most once per round. */
  private parameters: MintParameters | null = null;
  /** Exposures already logged (`id:value:effectiveAt`). */
  private readonly exposuresLogged = new Set<string>();
  readonly stats: KeeperStats = { rounds: 0, scanned: 0, liquidatable: 0, auctions: 0, skipped: 0, failures: 0, profitUst: 0n, exposed: 0 };

  constructor(
    private readonly client: MirrorClient,
    private readonly signer: Signer,
    private readonly log: Logger,
    private readonly options: KeeperOptions = DEFAULT_KEEPER_OPTIONS,
  ) {}

  /** One round: up to `maxPositionsPerRound` positions; returns the auctions sent. */
  async round(signal?: AbortSignal): Promise<number> {
    this.stats.rounds += 1;
    this.parameters = null;
    let scanned = 0;
    let found = 0;
    let auctioned = 0;
    let exposed = 0;
    try {
      while (scanned < this.options.maxPositionsPerRound && !signal?.aborted) {
        const limit = Math.min(PAGE, this.options.maxPositionsPerRound - scanned);
        const page = await this.client.mint.positions({ all: true }, { startAfter: this.cursor, limit });
        if (page.length === 0) {
          this.cursor = null; // wrap around next round
          break;
        }
        for (const position of page) {
          if (signal?.aborted) break;
          this.cursor = position.id;
          scanned += 1;
          if (position.assetAmount === 0n) continue;
          if (this.options.assets && !this.options.assets.includes(position.asset)) continue;
          let liquidatable: boolean;
          try {
            liquidatable = await this.client.mint.liquidatable(position.id);
          } catch (e) {
            if (e instanceof MirrorError && e.errorName === 'PriceUnavailable') continue;
            throw e;
          }
          if (!liquidatable) {
            if (await this.reportExposure(position)) exposed += 1;
            continue;
          }
          found += 1;
          if (await this.handle(position)) auctioned += 1;
        }
        if (page.length < limit) {
          this.cursor = null;
          break;
        }
      }
    } catch (e) {
      this.stats.failures += 1;
      this.log.error(`round ${this.stats.rounds} failed: ${(e as Error).message}`);
    }
    this.stats.scanned += scanned;
    this.stats.liquidatable += found;
    this.stats.exposed += exposed;
    this.log.info(`round ${this.stats.rounds}: scanned ${scanned} position(s), ${found} liquidatable, ${auctioned} auctioned, ${exposed} exposed`);
    return auctioned;
  }

  /**
   * Whether a position that is not liquidatable will be once the scheduled raises of its required
   * ratio take effect, at today's prices; logs each such exposure once (a notice).
   */
  private async reportExposure(position: PositionEntry): Promise<boolean> {
    let ratio: PositionRatio;
    try {
      ratio = await this.client.mint.collateralRatio(position.id);
    } catch (e) {
      if (e instanceof MirrorError && (e.errorName === 'PriceUnavailable' || e.errorName === 'UnknownPosition')) return false;
      throw e;
    }
    const raise = exposure(ratio);
    if (raise === null || ratio.collateralRatio === null) return false;
    const key = `${position.id}:${raise.value}:${raise.effectiveAt}`;
    if (!this.exposuresLogged.has(key)) {
      if (this.exposuresLogged.size >= MAX_EXPOSURES_REMEMBERED) this.exposuresLogged.clear();
      this.exposuresLogged.add(key);
      const when = new Date(Number(raise.effectiveAt) * 1000).toISOString();
      this.log.notice(`position #${position.id} exposed: ratio ${formatFixed(ratio.collateralRatio, 4)} below the scheduled required ${formatFixed(raise.value, 4)} from ${when}`);
    }
    return true;
  }

  /** Mint's parameters, read once per round. */
  private async mintParameters(): Promise<MintParameters> {
    this.parameters ??= await this.client.mint.parameters();
    return this.parameters;
  }

  /** Decides on one liquidatable position and acts; logs the decision. True if it auctioned. */
  private async handle(position: PositionEntry): Promise<boolean> {
    let tag = `position #${position.id}`;
    try {
      const [asset, collateral] = [await this.symbol(position.asset), await this.symbol(position.collateralAsset)];
      tag = `position #${position.id} (${asset} debt ${formatUnits(position.assetAmount)}, collateral ${formatUnits(position.collateralAmount)} ${collateral})`;
      const decision = await this.decide(position);
      if (decision.action === 'skip') {
        this.stats.skipped += 1;
        this.log.notice(`decision skip ${tag}: ${decision.reason}`);
        return false;
      }
      this.log.notice(`decision auction ${tag}: offer ${formatUnits(decision.offer)}, buy ${formatUnits(decision.buy)} for ${formatUnits(decision.buyCost)} UST, value ${formatUnits(decision.value)} UST, cost ${formatUnits(decision.cost)} UST, expected profit ${formatUnits(decision.profit)} UST${this.options.dryRun ? ' (dry run)' : ''}`);
      if (this.options.dryRun) return false;
      if (decision.buy > 0n) {
        const belief = fixedFromRatio(decision.buyCost, decision.buy);
        const r = await this.client.amm.swap({ offer: UST, ask: position.asset, offerAmount: decision.buyCost, beliefPrice: belief, maxSpread: this.options.maxSpread }).send(this.signer);
        const swapped = findEvents(r, 'amm', 'Swapped')[0]?.data;
        this.log.notice(`bought ${formatUnits(BigInt(swapped?.returnAmount ?? 0n))} ${asset} for ${formatUnits(decision.buyCost)} UST in block ${r.blockNumber}`);
      }
      const held = await this.client.balance(this.signer.address, position.asset);
      const offer = held < decision.offer ? held : decision.offer;
      const r = await this.client.mint.auction(position.id, offer).send(this.signer);
      const liquidated = findEvents(r, 'mint', 'Liquidated')[0]?.data;
      this.stats.auctions += 1;
      this.stats.profitUst += decision.profit;
      this.log.notice(`auctioned ${tag} in block ${r.blockNumber}: burned ${formatUnits(BigInt(liquidated?.liquidatedAmount ?? 0n))}, received ${formatUnits(BigInt(liquidated?.returnedCollateral ?? 0n))} ${collateral}`);
      return true;
    } catch (e) {
      this.stats.failures += 1;
      this.log.warn(`decision failed ${tag}: ${(e as Error).message}`);
      return false;
    }
  }

  /** An asset's symbol, from a small cache (cleared when it reaches 256 entries: bounded memory). */
  private async symbol(asset: AssetId): Promise<string> {
    const known = this.symbols.get(asset);
    if (known) return known;
    let symbol = assetLabel(asset);
    try {
      symbol = await this.client.symbol(asset);
    } catch {
      // keep the label
    }
    if (this.symbols.size >= 256) this.symbols.clear();
    this.symbols.set(asset, symbol);
    return symbol;
  }

  /**
   * Gathers the quotes and prices `decideAuction` needs. The quote of the whole debt gives the most
   * one auction may repay (the close factor's limit); without buying, a keeper holding less offers
   * what it holds, or less so as to leave no dust (`sizeOffer`).
   */
  async decide(position: PositionEntry): Promise<Decision> {
    const c = this.client;
    const me = this.signer.address;
    let quote = await c.mint.simulateAuction(position.id, position.assetAmount);
    const held = await c.balance(me, position.asset);
    const assetPrice = (await c.oracle.price(position.asset, this.options.priceMaxAge)).price;
    if (assetPrice === null) return { action: 'skip', reason: 'no fresh oracle price for the mAsset', profit: null };
    let buyCost: bigint | null = null;
    if (held < quote.liquidatedAmount) {
      if (this.options.buy) {
        const lacking = quote.liquidatedAmount - held;
        buyCost = (await c.amm.reverseSimulateSwap(UST, position.asset, lacking)).offerAmount;
        const ust = await c.balance(me, UST);
        if (ust < buyCost) return { action: 'skip', reason: `needs ${formatUnits(buyCost)} UST to buy ${formatUnits(lacking)} mAssets, holds ${formatUnits(ust)}`, profit: null };
      } else if (held > 0n) {
        // Liquidate what it holds, if the chain takes that, else the most that leaves the least debt.
        const limit = quote.liquidatedAmount;
        let refusal: OfferRefusal | null = null;
        try {
          quote = await c.mint.simulateAuction(position.id, held);
        } catch (e) {
          refusal = auctionRefusal(e);
          if (refusal === null) throw e;
        }
        if (refusal !== null) {
          const { minDebtValue } = await this.mintParameters();
          const size = sizeOffer({ debt: position.assetAmount, limit, held, assetPrice, minDebtValue, refusal });
          if ('skip' in size) return { action: 'skip', reason: size.skip, profit: null };
          try {
            quote = await c.mint.simulateAuction(position.id, size.offer);
          } catch (e) {
            const again = auctionRefusal(e);
            if (again === null) throw e;
            return { action: 'skip', reason: `an auction of ${formatUnits(size.offer)} (of ${formatUnits(held)} held) is refused too: mint.${again}`, profit: null };
          }
        }
      }
    }
    const collateralPrice = position.collateralAsset === UST ? FIXED : (await c.oracle.price(position.collateralAsset, this.options.priceMaxAge)).price;
    if (collateralPrice === null) return { action: 'skip', reason: 'no fresh price for the collateral', profit: null };
    const feeUst = await this.estimateFeeUst(position, quote.liquidatedAmount, buyCost !== null);
    return decideAuction({ quote, held, buyCost, assetPrice, collateralPrice, feeUst, minProfit: this.options.minProfit });
  }

  /** The fees of the auction (and the purchase), in UST at the MIR oracle price. */
  private async estimateFeeUst(position: PositionEntry, amount: bigint, buying: boolean): Promise<bigint> {
    const c = this.client;
    let feeMir = await c.mint.auction(position.id, amount).estimateFee(this.signer.address);
    if (buying) feeMir += await c.amm.swap({ offer: UST, ask: position.asset, offerAmount: 1n }).estimateFee(this.signer.address);
    const mir = (await c.oracle.price('MIR', this.options.priceMaxAge)).price;
    // Without a MIR price, count a MIR as 1 UST rather than ignore the fee.
    return ((mir ?? FIXED) * feeMir + FIXED - 1n) / FIXED;
  }

  /** Scans every `everyBlocks` blocks until `signal` aborts (see `runEveryBlocks`). */
  run(signal: AbortSignal): Promise<void> {
    return runEveryBlocks(this.client, this.options.everyBlocks, signal, (s) => this.round(s));
  }

}
