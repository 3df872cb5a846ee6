/**
 * `client.factory`: `FactoryModule`, the calls and runtime API of pallet `factory`, and the
 * `WhitelistInput` of a new listing.
 */
import { type AssetId, type AssetLike, toChainAsset } from '../assets.js';
import { toPlain } from '../convert.js';
import type { MirrorTx } from '../tx.js';
import type * as T from '../types.js';
import { type Amount, type Ratio, toFixed, toUnits } from '../units.js';
import { type Ctx, opt } from './shared.js';

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
