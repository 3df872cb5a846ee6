/** `client.amm`: `AmmModule`, the calls and runtime API of pallet `amm`. */
import { type AssetLike, toChainAsset } from '../assets.js';
import { toPlain } from '../convert.js';
import { unwrapApiResult } from '../errors.js';
import type { MirrorTx } from '../tx.js';
import type * as T from '../types.js';
import { type Amount, type Ratio, toFixed, toUnits } from '../units.js';
import { type Ctx, opt } from './shared.js';

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
    return toPlain(unwrapApiResult(r, 'amm', this.c.api.registry as any));
  }
  /** How much of `offer` buys `askAmount` of `ask` now. */
  async reverseSimulateSwap(offer: AssetLike, ask: AssetLike, askAmount: Amount): Promise<T.SwapQuote> {
    const r = await this.c.view.call.ammApi.reverseSimulateSwap(toChainAsset(offer), toChainAsset(ask), toUnits(askAmount));
    return toPlain(unwrapApiResult(r, 'amm', this.c.api.registry as any));
  }
  /** What swapping along `path` would return now. */
  async simulateRoute(path: AssetLike[], offerAmount: Amount): Promise<bigint> {
    const r = await this.c.view.call.ammApi.simulateRoute(path.map(toChainAsset), toUnits(offerAmount));
    return toPlain(unwrapApiResult(r, 'amm', this.c.api.registry as any));
  }
}
