/**
 * `client.collateralOracle`: `CollateralOracleModule`, the calls of pallet `collateralOracle`, and the
 * `PriceSourceInput` they take.
 */
import { type AssetLike, toChainAsset } from '../assets.js';
import type { MirrorTx } from '../tx.js';
import { type Ratio, toFixed } from '../units.js';
import type { Ctx } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Where a collateral's price comes from. */
export type PriceSourceInput =
  | 'Oracle'
  | { fixed: Ratio }
  /** The pool's time-weighted price against `quote` over `window` seconds. */
  | { ammTwap: { quote: AssetLike; window: number } };

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
  /**
   * Admin: changes a collateral's multiplier. Lowering it applies at once (`MultiplierUpdated`);
   * raising it is scheduled Mint's `riskChangeDelay` seconds later
   * (`collateralOracle.MultiplierChangeScheduled { asset, multiplier, effectiveAt }`), so that
   * owners can add collateral first (`mint.positionsAtRisk`); a later update that does not raise
   * it cancels the schedule (`MultiplierChangeCancelled`). Root may apply it early
   * (`applyMultiplierChange`).
   */
  updateCollateralMultiplier(asset: AssetLike, multiplier: Ratio): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.updateCollateralMultiplier(toChainAsset(asset), toFixed(multiplier)));
  }
  /**
   * Root: applies `asset`'s scheduled multiplier raise now, before its time (sudo on a dev chain, a
   * migration poll elsewhere). Emits `MultiplierUpdated { asset, old, new }`; fails with
   * `collateralOracle.NoScheduledChange` when nothing is scheduled.
   */
  applyMultiplierChange(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.applyMultiplierChange(toChainAsset(asset)));
  }
  /** Admin: stops `asset` being accepted as new collateral. */
  revokeCollateralAsset(asset: AssetLike): MirrorTx {
    return this.c.tx(this.c.api.tx.collateralOracle.revokeCollateralAsset(toChainAsset(asset)));
  }
}
