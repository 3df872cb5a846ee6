/**
 * `MirrorClient`: one object with a typed method for every Mirror call and runtime API.
 *
 * Calls return a `MirrorTx` to `send(signer)` (or to wrap in a poll or `sudo`); queries return plain
 * objects with bigint amounts (see `types.ts`). Admin calls (`oracle.registerFeeder`,
 * `factory.whitelist`, ...) need the Root or Gov origin: pass their `.extrinsic` to
 * `gov.createPoll({ execute })`, or to `client.sudo` on a dev chain.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { type AssetId, type AssetLike, assetId, toChainAsset } from './assets.js';
import { toPlain } from './convert.js';
import { MirrorError, decodeDispatchError } from './errors.js';
import { MirrorTx, NonceTracker, type Signer } from './tx.js';
import type * as T from './types.js';
import { type Amount, type Ratio, toFixed, toUnits } from './units.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Signs with a dev seed (`//Alice`), a mnemonic or a raw seed; sr25519 unless told. */
export async function signerFromUri(suri: string, type: 'sr25519' | 'ed25519' = 'sr25519'): Promise<Signer> {
  await cryptoWaitReady();
  return new Keyring({ type, ss58Format: 42 }).addFromUri(suri);
}

const opt = <A, B>(v: A | null | undefined, f: (a: A) => B): B | null => (v === null || v === undefined ? null : f(v));
const account = (a: string | Signer): string => (typeof a === 'string' ? a : a.address);

/** Runtime API `Result<T, DispatchError>` answers: the value, or a thrown `MirrorError`. */
function unwrapResult(api: ApiPromise, result: any): any {
  if (result.isErr) throw decodeDispatchError(api.registry as any, result.asErr);
  return result.asOk;
}

/** The part of the client each pallet's wrapper needs. */
interface Ctx {
  api: ApiPromise;
  view: ApiPromise | ApiDecoration<'promise'>;
  tx(extrinsic: any): MirrorTx;
}

/** Oracle (pallet `oracle`): feeds and aggregated prices. */
export class OracleModule {
  constructor(private readonly c: Ctx) {}
  /** Feeds prices (UST per unit) for assets the signer feeds; at most 32 at once. */
  feedPrices(prices: [AssetLike, Ratio][]): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.feedPrices(prices.map(([a, p]) => [toChainAsset(a), toFixed(p)])));
  }
  /** Admin: lets `feeder` feed `asset`. */
  registerFeeder(asset: AssetLike, feeder: string): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.registerFeeder(toChainAsset(asset), feeder));
  }
  /** Admin: stops `feeder` feeding `asset`. */
  removeFeeder(asset: AssetLike, feeder: string): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.removeFeeder(toChainAsset(asset), feeder));
  }
  /**
   * Admin: an asset's aggregation rules, circuit breaker and fallback (docs/oracle.md). Fields left
   * out are off (`null`); `fallbackTwapWindow` names the AMM's TWAP over that many seconds.
   */
  setAssetConfig(asset: AssetLike, config: {
    minFreshFeeds: number;
    maxDeviation?: Ratio | null;
    sanityRange?: { min: Ratio; max: Ratio } | null;
    maxMovePerHour?: Ratio | null;
    fallbackTwapWindow?: number | bigint | null;
  }): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.setAssetConfig(toChainAsset(asset), {
      minFreshFeeds: config.minFreshFeeds,
      maxDeviation: opt(config.maxDeviation, toFixed),
      sanityRange: opt(config.sanityRange, (r) => ({ min: toFixed(r.min), max: toFixed(r.max) })),
      maxMovePerHour: opt(config.maxMovePerHour, toFixed),
      fallback: opt(config.fallbackTwapWindow, (window) => ({ AmmTwap: { window } })),
    }));
  }
  /** Admin: stops `asset`'s price being used. */
  freeze(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.freeze(toChainAsset(asset)));
  }
  /** Admin: lifts a freeze. */
  unfreeze(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.oracle.unfreeze(toChainAsset(asset)));
  }
  /** The oracle's full view of `asset`, counting feeds up to `maxAgeSeconds` old as fresh. */
  async priceInfo(asset: AssetLike, maxAgeSeconds = 60): Promise<T.PriceInfo | null> {
    return toPlain(await this.c.view.call.oracleApi.price(toChainAsset(asset), maxAgeSeconds));
  }
  /** Every asset's oracle view. */
  async allPrices(maxAgeSeconds = 60): Promise<T.PriceInfo[]> {
    return toPlain(await this.c.view.call.oracleApi.allPrices(maxAgeSeconds));
  }
  /** `asset`'s price and its age at the chain's time; `price` is null when missing or stale. */
  async price(asset: AssetLike, maxAgeSeconds = 60): Promise<T.Price> {
    const id = assetId(asset);
    const [info, now] = await Promise.all([this.priceInfo(id, maxAgeSeconds), chainTime(this.c.view)]);
    const none = { price: null, ageSeconds: null, origin: null, contested: false };
    if (!info) return { asset: id, ...none, error: 'UnknownAsset' };
    if ('err' in info.price) return { asset: id, ...none, contested: info.contested, error: info.price.err };
    const age = now > info.price.ok.updatedAt ? now - info.price.ok.updatedAt : 0n;
    return { asset: id, price: info.price.ok.price, ageSeconds: age, error: null, origin: info.origin, contested: info.contested };
  }
  /** The assets `feeder` is registered to feed. */
  async assetsFedBy(feeder: string): Promise<AssetId[]> {
    const infos = await this.allPrices(0xffff_ffff);
    return infos.filter((i) => i.feeds.some((f) => f.feeder === feeder)).map((i) => i.asset);
  }
}

/** Collateral oracle (pallet `collateralOracle`): which assets are collateral and at what price. */
export class CollateralOracleModule {
  constructor(private readonly c: Ctx) {}
  private source(s: PriceSourceInput): any {
    if (s === 'Oracle') return 'Oracle';
    if ('fixed' in s) return { Fixed: toFixed(s.fixed) };
    return { AmmTwap: { quote: toChainAsset(s.ammTwap.quote), window: s.ammTwap.window } };
  }
  /** Admin: accepts `asset` as collateral. */
  registerCollateralAsset(asset: AssetLike, priceSource: PriceSourceInput, multiplier: Ratio): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.registerCollateralAsset(toChainAsset(asset), this.source(priceSource), toFixed(multiplier)));
  }
  /** Admin: changes where a collateral's price comes from. */
  updateCollateralPriceSource(asset: AssetLike, priceSource: PriceSourceInput): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.updateCollateralPriceSource(toChainAsset(asset), this.source(priceSource)));
  }
  /** Admin: changes a collateral's multiplier. */
  updateCollateralMultiplier(asset: AssetLike, multiplier: Ratio): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.updateCollateralMultiplier(toChainAsset(asset), toFixed(multiplier)));
  }
  /** Admin: stops `asset` being accepted as new collateral. */
  revokeCollateralAsset(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.revokeCollateralAsset(toChainAsset(asset)));
  }
}

/** Where a collateral's price comes from. */
export type PriceSourceInput =
  | 'Oracle'
  | { fixed: Ratio }
  /** The pool's time-weighted price against `quote` over `window` seconds. */
  | { ammTwap: { quote: AssetLike; window: number } };

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

/** AMM (pallet `amm`): x·y=k pools against UST. */
export class AmmModule {
  constructor(private readonly c: Ctx) {}
  /** Creates the pool of two assets. */
  createPair(assetA: AssetLike, assetB: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.amm.createPair(toChainAsset(assetA), toChainAsset(assetB)));
  }
  /** Adds liquidity; `slippageTolerance` bounds the price move it accepts (e.g. "0.01"). */
  provideLiquidity(a: { assetA: AssetLike; amountA: Amount; assetB: AssetLike; amountB: Amount; slippageTolerance?: Ratio | null; receiver?: string | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.amm.provideLiquidity(
      toChainAsset(a.assetA), toUnits(a.amountA), toChainAsset(a.assetB), toUnits(a.amountB),
      opt(a.slippageTolerance, toFixed), a.receiver ?? null));
  }
  /** Burns LP tokens for their share of both reserves. */
  withdrawLiquidity(assetA: AssetLike, assetB: AssetLike, lpAmount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.amm.withdrawLiquidity(toChainAsset(assetA), toChainAsset(assetB), toUnits(lpAmount)));
  }
  /** Sells `offerAmount` of `offer` for `ask`; fails with `amm.MaxSpreadExceeded` beyond `maxSpread`. */
  swap(a: { offer: AssetLike; ask: AssetLike; offerAmount: Amount; beliefPrice?: Ratio | null; maxSpread?: Ratio | null; to?: string | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.amm.swap(
      toChainAsset(a.offer), toChainAsset(a.ask), toUnits(a.offerAmount),
      opt(a.beliefPrice, toFixed), opt(a.maxSpread, toFixed), a.to ?? null));
  }
  /** Swaps along `path` (e.g. `[mAAPL, UST, mTSLA]`), failing below `minimumReceive`. */
  swapRoute(a: { path: AssetLike[]; offerAmount: Amount; minimumReceive?: Amount | null; to?: string | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.amm.swapRoute(
      a.path.map(toChainAsset), toUnits(a.offerAmount), opt(a.minimumReceive, toUnits), a.to ?? null));
  }
  /** The pool of two assets (in either order), or null. */
  async pool(assetA: AssetLike, assetB: AssetLike): Promise<T.PoolInfo | null> {
    return toPlain(await this.c.view.call.ammApi.pool(toChainAsset(assetA), toChainAsset(assetB)));
  }
  /** What selling `offerAmount` of `offer` for `ask` would return now. */
  async simulateSwap(offer: AssetLike, ask: AssetLike, offerAmount: Amount): Promise<T.SwapQuote> {
    const r = await this.c.view.call.ammApi.simulateSwap(toChainAsset(offer), toChainAsset(ask), toUnits(offerAmount));
    return toPlain(unwrapResult(this.c.api, r));
  }
  /** How much of `offer` buys `askAmount` of `ask` now. */
  async reverseSimulateSwap(offer: AssetLike, ask: AssetLike, askAmount: Amount): Promise<T.SwapQuote> {
    const r = await this.c.view.call.ammApi.reverseSimulateSwap(toChainAsset(offer), toChainAsset(ask), toUnits(askAmount));
    return toPlain(unwrapResult(this.c.api, r));
  }
  /** What swapping along `path` would return now. */
  async simulateRoute(path: AssetLike[], offerAmount: Amount): Promise<bigint> {
    const r = await this.c.view.call.ammApi.simulateRoute(path.map(toChainAsset), toUnits(offerAmount));
    return toPlain(unwrapResult(this.c.api, r));
  }
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
  /** Liquidates an unsafe position: burns up to `amount` of its mAsset for discounted collateral. */
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
   */
  updateAsset(asset: AssetLike, a: { auctionDiscount?: Ratio | null; minCollateralRatio?: Ratio | null; ipoParams?: IpoInput | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.updateAsset(toChainAsset(asset), opt(a.auctionDiscount, toFixed), opt(a.minCollateralRatio, toFixed), ipoParamsUpdate(a.ipoParams)));
  }
  /** Admin: delists an mAsset at `endPrice`. */
  registerMigration(asset: AssetLike, endPrice: Ratio): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.registerMigration(toChainAsset(asset), toFixed(endPrice)));
  }
  /** Admin: Mint's parameters; omitted ones are unchanged. */
  updateConfig(a: { protocolFeeRate?: Ratio | null; priceMaxAge?: number | null; lockPeriod?: number | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.mint.updateConfig(opt(a.protocolFeeRate, toFixed), a.priceMaxAge ?? null, a.lockPeriod ?? null));
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
  /** What Mint knows of an mAsset, or null. */
  async assetConfig(asset: AssetLike): Promise<T.AssetConfig | null> {
    return toPlain(await this.c.view.call.mintApi.assetConfig(toChainAsset(asset)));
  }
  /** The id the next position will take. */
  async nextPositionId(): Promise<bigint> {
    return BigInt(toPlain(await this.c.view.call.mintApi.nextPositionId()));
  }
  /** Mint's parameters. */
  async parameters(): Promise<T.MintParameters> {
    return toPlain(await this.c.view.call.mintApi.parameters());
  }
  /** A position's collateral ratio and the ratio it must keep; throws `UnknownPosition` or `PriceUnavailable`. */
  async collateralRatio(positionId: bigint | number): Promise<T.PositionRatio> {
    const r: any = await this.c.view.call.mintApi.collateralRatio(positionId);
    if (r.isErr) throw new MirrorError('mint', r.asErr.type);
    return toPlain(r.asOk);
  }
  /** Whether a position can be auctioned now. */
  async liquidatable(positionId: bigint | number): Promise<boolean> {
    const r: any = await this.c.view.call.mintApi.liquidatable(positionId);
    if (r.isErr) throw new MirrorError('mint', r.asErr.type);
    return r.asOk.isTrue;
  }
  /** What `auction(positionId, amount)` would do now. */
  async simulateAuction(positionId: bigint | number, amount: Amount): Promise<T.AuctionQuote> {
    const r = await this.c.view.call.mintApi.simulateAuction(positionId, toUnits(amount));
    return toPlain(unwrapResult(this.c.api, r));
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

/** LP staking (pallet `lpStaking`): bond LP tokens and sLP, earn MIR. */
export class StakingModule {
  constructor(private readonly c: Ctx) {}
  /** Bonds LP tokens of `asset`'s pool. */
  bond(asset: AssetLike, lpAmount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.bond(toChainAsset(asset), toUnits(lpAmount)));
  }
  /** Unbonds LP tokens. */
  unbond(asset: AssetLike, lpAmount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.unbond(toChainAsset(asset), toUnits(lpAmount)));
  }
  /** Claims pending MIR of one pool, or of all (`null`). */
  withdrawRewards(asset: AssetLike | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.withdrawRewards(opt(asset, toChainAsset)));
  }
  /** Provides `assetAmount` and `ustAmount` to the pool and bonds the LP tokens, in one call. */
  autoStake(asset: AssetLike, assetAmount: Amount, ustAmount: Amount, slippageTolerance: Ratio | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.autoStake(toChainAsset(asset), toUnits(assetAmount), toUnits(ustAmount), opt(slippageTolerance, toFixed)));
  }
  /** Updates the premium (pool price over oracle price) of up to 10 assets. */
  adjustPremium(assets: AssetLike[]): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.adjustPremium(assets.map(toChainAsset)));
  }
  /** Admin: opens a reward pool. */
  registerAsset(asset: AssetLike, lpToken: number): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.registerAsset(toChainAsset(asset), { WithId: lpToken }));
  }
  /** Admin: moves a pool to a new LP token. */
  deprecateStakingToken(asset: AssetLike, newLpToken: number): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.deprecateStakingToken(toChainAsset(asset), { WithId: newLpToken }));
  }
  /** Admin: staking parameters. */
  updateConfig(a: { premiumMinUpdateInterval?: number | null; shortRewardCap?: Ratio | null; premiumHalfMax?: Ratio | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.updateConfig(a.premiumMinUpdateInterval ?? null, opt(a.shortRewardCap, toFixed), opt(a.premiumHalfMax, toFixed)));
  }
  /** Pays MIR into `asset`'s reward pool. */
  depositReward(asset: AssetLike, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.lpStaking.depositReward(toChainAsset(asset), toUnits(amount)));
  }
  /** A reward pool, or null. */
  async pool(asset: AssetLike): Promise<T.StakingPool | null> {
    return toPlain(await this.c.view.call.lpStakingApi.pool(toChainAsset(asset)));
  }
  /** Every reward pool. */
  async pools(): Promise<(T.StakingPool & { asset: AssetId })[]> {
    const rows = toPlain(await this.c.view.call.lpStakingApi.pools()) as [AssetId, T.StakingPool][];
    return rows.map(([asset, p]) => ({ asset, ...p }));
  }
  /** `staker`'s bonds and pending MIR, in one pool or all. */
  async rewardInfo(staker: string | Signer, asset: AssetLike | null = null): Promise<T.RewardInfo[]> {
    return toPlain(await this.c.view.call.lpStakingApi.rewardInfo(account(staker), opt(asset, toChainAsset)));
  }
  /** `staker`'s pending MIR over all pools (LP and short). */
  async pendingRewards(staker: string | Signer): Promise<bigint> {
    return (await this.rewardInfo(staker)).reduce((s, r) => s + r.pendingReward, 0n);
  }
  /** Staking parameters. */
  async parameters(): Promise<T.StakingParameters> {
    return toPlain(await this.c.view.call.lpStakingApi.parameters());
  }
}

/** Terms of a new mAsset for `factory.whitelist`. */
export interface WhitelistInput {
  weight?: number | null;
  auctionDiscount: Ratio;
  minCollateralRatio: Ratio;
  ipoParams?: { mintPeriod: number; preIpoPrice: Ratio; minCollateralRatioAfterIpo: Ratio; triggerAccount: string } | null;
}

/** Factory (pallet `factory`): listings and MIR emissions. */
export class FactoryModule {
  constructor(private readonly c: Ctx) {}
  /** Admin: lists a new mAsset (token, Mint config, oracle feeder, pool, reward pool). */
  whitelist(name: string, symbol: string, oracleFeeder: string, params: WhitelistInput): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.whitelist(name, symbol, oracleFeeder, {
      weight: params.weight ?? null,
      auctionDiscount: toFixed(params.auctionDiscount),
      minCollateralRatio: toFixed(params.minCollateralRatio),
      ipoParams: opt(params.ipoParams, (p) => ({ ...p, preIpoPrice: toFixed(p.preIpoPrice), minCollateralRatioAfterIpo: toFixed(p.minCollateralRatioAfterIpo) })),
    }));
  }
  /** Admin: an asset's share of emissions. */
  updateWeight(asset: AssetLike, weight: number): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.updateWeight(toChainAsset(asset), weight));
  }
  /** Admin or feeder: delists an asset (at `endPrice`, or its last price). */
  revokeAsset(asset: AssetLike, endPrice: Ratio | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.revokeAsset(toChainAsset(asset), opt(endPrice, toFixed)));
  }
  /** Admin or feeder: replaces an asset with a new one (after a split, say). */
  migrateAsset(name: string, symbol: string, fromAsset: AssetLike, endPrice: Ratio | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.migrateAsset(name, symbol, toChainAsset(fromAsset), opt(endPrice, toFixed)));
  }
  /** Admin: the distribution interval and schedule. */
  updateConfig(a: { distributionInterval?: number | null; distributionSchedule?: { start: number; end: number; amount: Amount }[] | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.updateConfig(a.distributionInterval ?? null,
      opt(a.distributionSchedule, (s) => s.map((p) => ({ start: p.start, end: p.end, amount: toUnits(p.amount) })))));
  }
  /** Anyone: mints the MIR emitted since the last distribution to the reward pools. */
  distribute(): MirrorTx {
    return this.c.tx(this.c.api.tx.factory.distribute());
  }
  /** Listed assets and their weights. */
  async listings(): Promise<{ asset: AssetId; weight: number }[]> {
    return (toPlain(await this.c.view.call.factoryApi.listings()) as [AssetId, number][]).map(([asset, weight]) => ({ asset, weight }));
  }
  /** The sum of weights. */
  async totalWeight(): Promise<number> {
    return toPlain(await this.c.view.call.factoryApi.totalWeight());
  }
  /** When the next distribution may run and what it would pay. */
  async distributionInfo(): Promise<T.DistributionInfo> {
    return toPlain(await this.c.view.call.factoryApi.distributionInfo());
  }
  /** The Factory's parameters. */
  async parameters(): Promise<T.FactoryParameters> {
    return toPlain(await this.c.view.call.factoryApi.parameters());
  }
}

/** Gov (pallet `gov`): MIR staking, polls, votes, voting rewards. */
export class GovModule {
  constructor(private readonly c: Ctx) {}
  /** Stakes MIR for voting power and a share of protocol fees. */
  stakeVotingTokens(amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.stakeVotingTokens(toUnits(amount)));
  }
  /** Withdraws staked MIR (`null`: all that votes do not lock). */
  withdrawVotingTokens(amount: Amount | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.withdrawVotingTokens(opt(amount, toUnits)));
  }
  /** Creates a poll (deposit taken); `execute` is a call (e.g. `client.mint.updateConfig(...)`) run if it passes. */
  createPoll(a: { title: string; description: string; link?: string | null; execute?: MirrorTx | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.createPoll(a.title, a.description, a.link ?? null, a.execute ? a.execute.extrinsic : null));
  }
  /** Votes `amount` of staked MIR on a poll. */
  castVote(pollId: number, vote: T.VoteOption, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.castVote(pollId, vote, toUnits(amount)));
  }
  /** Records the staked total for the quorum, within the snapshot period. */
  snapshotPoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.snapshotPoll(pollId));
  }
  /** Tallies a poll after its voting period. */
  endPoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.endPoll(pollId));
  }
  /** Runs a passed poll's call after the effective delay. */
  executePoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.executePoll(pollId));
  }
  /** Pays MIR to stakers (and voters of open polls). */
  depositReward(amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.depositReward(toUnits(amount)));
  }
  /** Claims voting rewards of one ended poll, or all (`null`). */
  withdrawVotingRewards(pollId: number | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.withdrawVotingRewards(pollId));
  }
  /** Stakes voting rewards of one ended poll, or all (`null`). */
  stakeVotingRewards(pollId: number | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.stakeVotingRewards(pollId));
  }
  /** Admin (an auth-admin poll): Gov's parameters, all at once. */
  updateConfig(parameters: T.GovParameters): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.updateConfig(parameters));
  }
  /** A staker, or null. */
  async staker(who: string | Signer): Promise<T.GovStaker | null> {
    return toPlain(await this.c.view.call.govApi.staker(account(who)));
  }
  /** A poll, or null. */
  async poll(pollId: number): Promise<T.Poll | null> {
    return toPlain(await this.c.view.call.govApi.poll(pollId));
  }
  /** Polls newest first, before `startBefore`, at most `limit` (≤ 30). */
  async polls(options: { startBefore?: number | null; limit?: number } = {}): Promise<T.PollEntry[]> {
    const rows = toPlain(await this.c.view.call.govApi.polls(options.startBefore ?? null, options.limit ?? 30)) as [number, T.Poll][];
    return rows.map(([id, p]) => ({ id, ...p }));
  }
  /** How `voter` voted on a poll, or null. */
  async voter(pollId: number, voter: string | Signer): Promise<{ vote: T.VoteOption; balance: bigint } | null> {
    return toPlain(await this.c.view.call.govApi.voter(pollId, account(voter)));
  }
  /** Gov's totals. */
  async state(): Promise<T.GovState> {
    return toPlain(await this.c.view.call.govApi.state());
  }
  /** Gov's parameters. */
  async parameters(): Promise<T.GovParameters> {
    return toPlain(await this.c.view.call.govApi.parameters());
  }
}

/** Collector (pallet `collector`): turns protocol fees into MIR for Gov stakers. */
export class CollectorModule {
  constructor(private readonly c: Ctx) {}
  /**
   * Anyone: swaps `amount` of the Collector's `asset` to UST, or of its UST to MIR; without an
   * `amount` (or with `null`), its whole balance. Fails with `collector.ZeroAmount` for 0 and
   * `collector.AmountExceedsBalance` above the balance.
   */
  convert(asset: AssetLike, amount: Amount | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.collector.convert(toChainAsset(asset), opt(amount, toUnits)));
  }
  /** Anyone: sends the Collector's MIR to Gov stakers. */
  distribute(): MirrorTx {
    return this.c.tx(this.c.api.tx.collector.distribute());
  }
  /** Admin: the conversions' spread bound and price age. */
  updateConfig(maxSpread: Ratio, priceMaxAge: number): MirrorTx {
    return this.c.tx(this.c.api.tx.collector.updateConfig({ maxSpread: toFixed(maxSpread), priceMaxAge }));
  }
}

/** Community (pallet `community`): the community pool, spent by polls. */
export class CommunityModule {
  constructor(private readonly c: Ctx) {}
  /** Admin (a poll): pays `amount` MIR to `beneficiary`, up to the spend limit. */
  spend(amount: Amount, beneficiary: string): MirrorTx {
    return this.c.tx(this.c.api.tx.community.spend(toUnits(amount), beneficiary));
  }
  /** Admin: the largest single spend. */
  updateConfig(spendLimit: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.community.updateConfig(toUnits(spendLimit)));
  }
  /** The largest single spend. */
  async spendLimit(): Promise<bigint> {
    return toPlain(await this.c.view.query.community.spendLimit());
  }
}

async function chainTime(view: ApiPromise | ApiDecoration<'promise'>): Promise<bigint> {
  const ms = await view.query.timestamp.now();
  return (ms as any).toBigInt() / 1000n;
}

/**
 * The runtime's own transaction extensions, for @polkadot/api (which knows the FRAME ones).
 * `CheckFeed` (it refuses failing `oracle.feedPrices` before the pool) carries no data, neither in
 * the extrinsic nor in the signed payload.
 */
export const SIGNED_EXTENSIONS = {
  CheckFeed: { extrinsic: {}, payload: {} },
};

/** Options for `MirrorClient.connect`. */
export interface ConnectOptions {
  /** Give up connecting after this long (default 30 s). */
  timeoutMs?: number;
}

/** The Mirror client. `await MirrorClient.connect('ws://127.0.0.1:9944')`, then use its modules. */
export class MirrorClient {
  readonly oracle: OracleModule;
  readonly collateralOracle: CollateralOracleModule;
  readonly amm: AmmModule;
  readonly mint: MintModule;
  readonly staking: StakingModule;
  readonly factory: FactoryModule;
  readonly gov: GovModule;
  readonly collector: CollectorModule;
  readonly community: CommunityModule;

  /**
   * Wraps a connected `ApiPromise`. `view` answers queries (by default the latest block;
   * `at(hash)` gives a client reading at one block).
   */
  constructor(
    readonly api: ApiPromise,
    private readonly view: ApiPromise | ApiDecoration<'promise'> = api,
    private readonly nonces: NonceTracker = new NonceTracker(),
  ) {
    const ctx: Ctx = { api, view, tx: (ext) => new MirrorTx(api, ext, nonces) };
    this.oracle = new OracleModule(ctx);
    this.collateralOracle = new CollateralOracleModule(ctx);
    this.amm = new AmmModule(ctx);
    this.mint = new MintModule(ctx);
    this.staking = new StakingModule(ctx);
    this.factory = new FactoryModule(ctx);
    this.gov = new GovModule(ctx);
    this.collector = new CollectorModule(ctx);
    this.community = new CommunityModule(ctx);
  }

  /** Connects to a node's WebSocket RPC. */
  static async connect(url: string, options: ConnectOptions = {}): Promise<MirrorClient> {
    const { timeoutMs = 30_000 } = options;
    await cryptoWaitReady();
    const provider = new WsProvider(url, 1_000, {}, timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void provider.disconnect();
        reject(new MirrorError(null, 'ConnectTimeout', `no answer from ${url} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const api = await Promise.race([ApiPromise.create({ provider, noInitWarn: true, signedExtensions: SIGNED_EXTENSIONS }), timeout]);
      return new MirrorClient(api);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read-only client answering at block `blockHash`. */
  async at(blockHash: string): Promise<MirrorClient> {
    return new MirrorClient(this.api, await this.api.at(blockHash), this.nonces);
  }

  /** Disconnects. */
  async disconnect(): Promise<void> {
    await this.api.disconnect();
  }

  /** Wraps a call in `sudo.sudo` (dev chains only). */
  sudo(call: MirrorTx): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.sudo.sudo(call.extrinsic), this.nonces);
  }

  /** Runs several calls in one transaction, all or nothing (`utility.batchAll`). */
  batchAll(calls: MirrorTx[]): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.utility.batchAll(calls.map((c) => c.extrinsic)), this.nonces);
  }

  /** Sends MIR. */
  transferMir(to: string, amount: Amount): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.balances.transferKeepAlive(to, toUnits(amount)), this.nonces);
  }

  /** Sends a pallet-assets token (UST, an mAsset, an LP token). */
  transferAsset(asset: AssetLike, to: string, amount: Amount): MirrorTx {
    const id = assetId(asset);
    if (id === 'MIR') return this.transferMir(to, amount);
    return new MirrorTx(this.api, this.api.tx.assets.transferKeepAlive(id, to, toUnits(amount)), this.nonces);
  }

  /** `who`'s free balance of `asset` in base units (MIR: the free native balance). */
  async balance(who: string | Signer, asset: AssetLike): Promise<bigint> {
    const id = assetId(asset);
    if (id === 'MIR') {
      const info: any = await this.view.query.system.account(account(who));
      return info.data.free.toBigInt();
    }
    const entry: any = await this.view.query.assets.account(id, account(who));
    return entry.isSome ? entry.unwrap().balance.toBigInt() : 0n;
  }

  /** The chain's time (seconds since the Unix epoch) at the latest block. */
  now(): Promise<bigint> {
    return chainTime(this.view);
  }

  /** The latest block number. */
  async blockNumber(): Promise<number> {
    return ((await this.view.query.system.number()) as any).toNumber();
  }

  /** An asset's symbol (`MIR`, `UST`, `mAAPL`, ...), or `#id` when it has none. */
  async symbol(asset: AssetLike): Promise<string> {
    const id = assetId(asset);
    if (id === 'MIR') return 'MIR';
    const meta: any = await this.view.query.assets.metadata(id);
    return meta.symbol.toUtf8() || `#${id}`;
  }

  /** The asset with `symbol`, among pallet-assets tokens and MIR, or null. */
  async findAsset(symbol: string): Promise<AssetId | null> {
    if (symbol === 'MIR') return 'MIR';
    const entries: [any, any][] = await this.view.query.assets.metadata.entries();
    for (const [key, meta] of entries) {
      if (meta.symbol.toUtf8() === symbol) return key.args[0].toNumber();
    }
    return null;
  }

  /** Calls `f` with the latest block number on every new block; returns the unsubscribe function. */
  async onNewBlock(f: (blockNumber: number) => void): Promise<() => void> {
    const unsub = await this.api.rpc.chain.subscribeNewHeads((h) => f(h.number.toNumber()));
    return unsub;
  }
}
