/**
 * `client.mint`: `MintModule`, the calls and runtime API of pallet `mint`, and the pre-IPO
 * (`IpoInput`, `ipoParamsUpdate`) and short-sale (`ShortInput`) terms they take.
 */
import { type AssetLike, toChainAsset } from '../assets.js';
import { toPlain } from '../convert.js';
import { unwrapApiResult } from '../errors.js';
import type { MirrorTx, Signer } from '../tx.js';
import type * as T from '../types.js';
import { type Amount, type PermillInput, type Ratio, toFixed, toPermill, toUnits } from '../units.js';
import { type Ctx, account, opt } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A pre-IPO asset's terms for `mint.registerAsset` / `mint.updateAsset`. */
export interface IpoInput {
  /** The end of the minting period (seconds since the Unix epoch). */
  mintEnd: number | bigint;
  preIpoPrice: Ratio;
  minCollateralRatioAfterIpo: Ratio;
  triggerAccount: string;
}
/** `IpoInput` as the chain's `IpoParams`: prices and ratios as `FixedU128` bigints. */
export interface IpoParamsArg {
  mintEnd: number | bigint;
  preIpoPrice: bigint;
  minCollateralRatioAfterIpo: bigint;
  triggerAccount: string;
}
const ipoParams = (p: IpoInput | null | undefined): IpoParamsArg | null =>
  opt(p, (v) => ({ mintEnd: v.mintEnd, preIpoPrice: toFixed(v.preIpoPrice), minCollateralRatioAfterIpo: toFixed(v.minCollateralRatioAfterIpo), triggerAccount: v.triggerAccount }));

/**
 * `Some(None)` of an `Option<Option<T>>`, as SCALE bytes (`0x01` Some, `0x00` None). @polkadot/types
 * reads both `null` and `undefined` as the outer `None`, and `{ Some: null }` as a `T` with a field
 * named `Some`, so the bytes are the one unambiguous input; they decode into any `Option<Option<T>>`.
 */
const SOME_NONE = Uint8Array.of(1, 0);

/**
 * The pre-IPO terms argument of `mint.updateAsset` (`Option<Option<IpoParams>>`): `undefined` is
 * `None` (unchanged), `null` is `Some(None)` (clear them, ending the pre-IPO phase), terms are
 * `Some(Some(terms))` (set them).
 */
export function ipoParamsUpdate(p: IpoInput | null | undefined): IpoParamsArg | Uint8Array | null {
  if (p === undefined) return null;
  if (p === null) return SOME_NONE;
  return ipoParams(p);
}

/** Short-sale terms for `mint.openPosition` and `mint.mint`. */
export interface ShortInput {
  beliefPrice?: Ratio | null;
  maxSpread?: Ratio | null;
}
const shortParams = (s: ShortInput | null | undefined) =>
  opt(s, (v) => ({ beliefPrice: opt(v.beliefPrice, toFixed), maxSpread: opt(v.maxSpread, toFixed) }));

/** Mint (pallet `mint`): collateralised positions, mAssets, auctions. */
export class MintModule {
  constructor(private readonly c: Ctx) {}
  /**
   * Opens a position: locks `collateralAmount` of `collateral` and mints `asset` at
   * `collateralRatio` (e.g. "2" for 200 %). With `short`, the minted mAssets are sold for UST and
   * the proceeds locked (a short position).
   */
  openPosition(a: { collateral: AssetLike; collateralAmount: Amount; asset: AssetLike; collateralRatio: Ratio; short?: ShortInput | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.openPosition(
      toChainAsset(a.collateral), toUnits(a.collateralAmount), toChainAsset(a.asset), toFixed(a.collateralRatio), shortParams(a.short)));
  }
  /** Adds collateral to a position. */
  deposit(positionId: bigint | number, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.deposit(positionId, toUnits(amount)));
  }
  /** Takes collateral out (`null`: all of it, once the debt is repaid). */
  withdraw(positionId: bigint | number, amount: Amount | null): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.withdraw(positionId, opt(amount, toUnits)));
  }
  /** Mints more of the position's mAsset. */
  mint(positionId: bigint | number, amount: Amount, short?: ShortInput | null): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.mint(positionId, toUnits(amount), shortParams(short)));
  }
  /** Repays debt by burning the mAsset (the protocol fee goes to the Collector). */
  burn(positionId: bigint | number, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.burn(positionId, toUnits(amount)));
  }
  /**
   * Liquidates an unsafe position: burns up to `amount` of its mAsset for discounted collateral.
   * One auction repays at most the close factor's share of the debt (`parameters().closeFactor`),
   * or all of it when the position is deep under water or the rest would be dust; more is not
   * taken (`simulateAuction(id, debt).liquidatedAmount` is that limit). A partial auction fails
   * with `mint.DebtBelowMinimum` if it would leave debt worth less than `minDebtValue` UST, and
   * with `mint.PartialAuctionLowersRatio` when the position is so far under water that only an
   * auction closing it (buying all its collateral) is allowed.
   */
  auction(positionId: bigint | number, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.auction(positionId, toUnits(amount)));
  }
  /** The trigger account ends a pre-IPO asset's fixed-price period. */
  triggerIpo(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.triggerIpo(toChainAsset(asset)));
  }
  /** Releases unlocked short-sale proceeds of the signer's positions. */
  unlockPositionFunds(positionIds: (bigint | number)[]): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.unlockPositionFunds(positionIds));
  }
  /** Admin: registers an mAsset with Mint. */
  registerAsset(asset: AssetLike, auctionDiscount: Ratio, minCollateralRatio: Ratio, ipo: IpoInput | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.registerAsset(toChainAsset(asset), toFixed(auctionDiscount), toFixed(minCollateralRatio), ipoParams(ipo)));
  }
  /**
   * Admin: changes an mAsset's auction discount, MCR or pre-IPO terms. An omitted (or `null`)
   * discount or MCR is unchanged. `ipoParams` has three states: omitted (`undefined`) leaves the
   * pre-IPO terms unchanged, `null` clears them (ending the pre-IPO phase), terms set them.
   *
   * Lowering the MCR applies at once; raising it is scheduled `parameters().riskChangeDelay`
   * seconds later (event `mint.RiskChangeScheduled { asset, minCollateralRatio, effectiveAt }`),
   * so that owners can add collateral first (`positionsAtRisk`). A later update of the MCR
   * replaces the schedule (a raise waits again, anything else applies at once; either emits
   * `mint.RiskChangeCancelled`); Root may apply it early (`applyRiskChange`).
   */
  updateAsset(asset: AssetLike, a: { auctionDiscount?: Ratio | null; minCollateralRatio?: Ratio | null; ipoParams?: IpoInput | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.updateAsset(toChainAsset(asset), opt(a.auctionDiscount, toFixed), opt(a.minCollateralRatio, toFixed), ipoParamsUpdate(a.ipoParams)));
  }
  /** Admin: delists an mAsset at `endPrice`. */
  registerMigration(asset: AssetLike, endPrice: Ratio): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.registerMigration(toChainAsset(asset), toFixed(endPrice)));
  }
  /**
   * Admin: Mint's parameters; omitted (or `null`) ones are unchanged.
   * - `protocolFeeRate`: a ratio ("0.015" is 1.5 %); `priceMaxAge`, `lockPeriod`: seconds.
   * - `closeFactor`: the most of the debt one auction may repay, a `Permill` ("0.5" or `500_000`
   *   for 50 %; "1" restores whole-position auctions; zero is refused, `mint.InvalidCloseFactor`).
   * - `fullLiquidationRatio`: below this fraction of its required collateral a position may be
   *   auctioned whole, a `Permill` ("0.95").
   * - `minDebtValue`: the least debt a position may keep, as its value in UST (an amount: "10" is
   *   10 UST; 0 turns it off).
   * - `riskChangeDelay`: how long (seconds) a raised MCR or collateral multiplier waits (0: at once).
   */
  updateConfig(a: {
    protocolFeeRate?: Ratio | null; priceMaxAge?: number | bigint | null; lockPeriod?: number | bigint | null;
    closeFactor?: PermillInput | null; fullLiquidationRatio?: PermillInput | null; minDebtValue?: Amount | null;
    riskChangeDelay?: number | bigint | null;
  }): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.updateConfig(
      opt(a.protocolFeeRate, toFixed), a.priceMaxAge ?? null, a.lockPeriod ?? null, opt(a.closeFactor, toPermill),
      opt(a.fullLiquidationRatio, toPermill), opt(a.minDebtValue, toUnits), a.riskChangeDelay ?? null));
  }
  /**
   * Root: applies `asset`'s scheduled MCR raise now, before its time (an emergency measure: sudo on
   * a dev chain, a migration poll elsewhere). Emits `mint.RiskChangeApplied`; fails with
   * `mint.NoScheduledChange` when nothing is scheduled.
   */
  applyRiskChange(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.applyRiskChange(toChainAsset(asset)));
  }
  /** A position, or null. */
  async position(positionId: bigint | number): Promise<T.Position | null> {
    return toPlain(await this.c.view.call.mintApi.position(positionId));
  }
  /** A page of positions (at most 30), by id, after `startAfter`. */
  async positions(filter: T.PositionFilter = { all: true }, options: { startAfter?: bigint | number | null; limit?: number; order?: 'Ascending' | 'Descending' } = {}): Promise<T.PositionEntry[]> {
    const f = 'owner' in filter ? { Owner: filter.owner } : 'asset' in filter ? { Asset: toChainAsset(filter.asset) } : 'All';
    const page = await this.c.view.call.mintApi.positions(f, options.startAfter ?? null, options.limit ?? 30, options.order ?? 'Ascending');
    return (toPlain(page) as [bigint, T.Position][]).map(([id, p]) => ({ id: BigInt(id), ...p }));
  }
  /** Every position of `owner`, paging through the runtime API. */
  async positionsByOwner(owner: string | Signer): Promise<T.PositionEntry[]> {
    const all: T.PositionEntry[] = [];
    let startAfter: bigint | null = null;
    for (;;) {
      const page = await this.positions({ owner: account(owner) }, { startAfter, limit: 30 });
      all.push(...page);
      if (page.length < 30) return all;
      startAfter = page[page.length - 1].id;
    }
  }
  /** What Mint knows of an mAsset, or null; `minCollateralRatio` is the MCR in force now (a matured raise included). */
  async assetConfig(asset: AssetLike): Promise<T.AssetConfig | null> {
    return toPlain(await this.c.view.call.mintApi.assetConfig(toChainAsset(asset)));
  }
  /** The id the next position will take. */
  async nextPositionId(): Promise<bigint> {
    return BigInt(toPlain(await this.c.view.call.mintApi.nextPositionId()));
  }
  /** Mint's parameters (close factor, least debt, grace period for risk raises included). */
  async parameters(): Promise<T.MintParameters> {
    return toPlain(await this.c.view.call.mintApi.parameters());
  }
  /**
   * A position's collateral ratio, the ratio it must keep now and, in `scheduled`, the ratio it
   * must keep once every scheduled raise (of the MCR, of the collateral's multiplier) is in force,
   * with when the first takes effect (`null`: none scheduled). Throws `mint.UnknownPosition` or
   * `mint.PriceUnavailable`.
   */
  async collateralRatio(positionId: bigint | number): Promise<T.PositionRatio> {
    const r = await this.c.view.call.mintApi.collateralRatio(positionId);
    return toPlain(unwrapApiResult(r, 'mint', this.c.api.registry as any));
  }
  /**
   * `asset`'s scheduled MCR raise (the MCR once in force and when), or null when none is
   * scheduled (or it has taken effect: `assetConfig` then reports it).
   */
  async scheduledMinCollateralRatio(asset: AssetLike): Promise<T.ScheduledChange | null> {
    return toPlain(await this.c.view.call.mintApi.scheduledMinCollateralRatio(toChainAsset(asset)));
  }
  /**
   * `owner`'s positions that are not liquidatable now but would be, at current prices, once the
   * scheduled raises are in force: each with its ratios (`scheduled.value` is the ratio it will
   * need, `scheduled.effectiveAt` when the first raise takes effect). Add collateral or repay
   * debt before then.
   */
  async positionsAtRisk(owner: string | Signer): Promise<T.PositionAtRisk[]> {
    const rows = toPlain(await this.c.view.call.mintApi.positionsAtRisk(account(owner))) as [bigint, T.PositionRatio][];
    return rows.map(([id, r]) => ({ positionId: BigInt(id), ...r }));
  }
  /**
   * The mAsset price (UST, 18 decimals) at which a position becomes liquidatable, its collateral's
   * price held; null without debt or once delisted. Throws `mint.UnknownPosition` or
   * `mint.PriceUnavailable`.
   */
  async liquidationPrice(positionId: bigint | number): Promise<bigint | null> {
    const r = await this.c.view.call.mintApi.liquidationPrice(positionId);
    return toPlain(unwrapApiResult(r, 'mint', this.c.api.registry as any));
  }
  /**
   * What `openPosition` (a long) would give now: the mint amount, the required ratio, the
   * liquidation price and any scheduled raise; throws the `MirrorError` the call would fail with.
   */
  async simulateOpenPosition(a: { collateral: AssetLike; collateralAmount: Amount; asset: AssetLike; collateralRatio: Ratio }): Promise<T.PositionPreview> {
    const r = await this.c.view.call.mintApi.simulateOpenPosition(
      toChainAsset(a.collateral), toUnits(a.collateralAmount), toChainAsset(a.asset), toFixed(a.collateralRatio));
    return toPlain(unwrapApiResult(r, 'mint', this.c.api.registry as any));
  }
  /** Whether a position can be auctioned now; throws `mint.UnknownPosition` or `mint.PriceUnavailable`. */
  async liquidatable(positionId: bigint | number): Promise<boolean> {
    const r = await this.c.view.call.mintApi.liquidatable(positionId);
    return unwrapApiResult(r, 'mint', this.c.api.registry as any).isTrue;
  }
  /**
   * What `auction(positionId, amount)` would do now; a `MirrorError` (`mint.UnknownPosition`,
   * `mint.DebtBelowMinimum`, `mint.PartialAuctionLowersRatio`, ...) if it would fail. An offer
   * above the most one auction may repay is served up to it, the rest counted in
   * `refundedAsset`: `simulateAuction(id, debt).liquidatedAmount` is that most.
   */
  async simulateAuction(positionId: bigint | number, amount: Amount): Promise<T.AuctionQuote> {
    const r = await this.c.view.call.mintApi.simulateAuction(positionId, toUnits(amount));
    return toPlain(unwrapApiResult(r, 'mint', this.c.api.registry as any));
  }
  /** Debt of `asset` that auctions forgave. */
  async forgivenDebt(asset: AssetLike): Promise<bigint> {
    return toPlain(await this.c.view.call.mintApi.forgivenDebt(toChainAsset(asset)));
  }
  /** A short position's locked proceeds, or null. */
  async lock(positionId: bigint | number): Promise<T.PositionLock | null> {
    return toPlain(await this.c.view.call.mintApi.lock(positionId));
  }
  /** The locks of `owner`'s positions. */
  async locks(owner: string | Signer): Promise<(T.PositionLock & { positionId: bigint })[]> {
    const rows = toPlain(await this.c.view.call.mintApi.locks(account(owner))) as [bigint, T.PositionLock][];
    return rows.map(([id, l]) => ({ positionId: BigInt(id), ...l }));
  }
}
