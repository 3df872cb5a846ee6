/** `client.collector`: `CollectorModule`, the calls of pallet `collector`. */
import { type AssetLike, toChainAsset } from '../assets.js';
import type { MirrorTx } from '../tx.js';
import { type Amount, type Ratio, toFixed, toUnits } from '../units.js';
import { type Ctx, opt } from './shared.js';

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
