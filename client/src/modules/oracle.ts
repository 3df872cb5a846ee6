/** `client.oracle`: `OracleModule`, the calls and runtime API of pallet `oracle`. */
import { type AssetId, type AssetLike, assetId, toChainAsset } from '../assets.js';
import { toPlain } from '../convert.js';
import type { MirrorTx } from '../tx.js';
import type * as T from '../types.js';
import { type Ratio, toFixed } from '../units.js';
import { type Ctx, chainTime, opt } from './shared.js';

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
