/** `client.staking`: `StakingModule`, the calls and runtime API of pallet `lpStaking`. */
import { type AssetId, type AssetLike, toChainAsset } from '../assets.js';
import { toPlain } from '../convert.js';
import type { MirrorTx, Signer } from '../tx.js';
import type * as T from '../types.js';
import { type Amount, type Ratio, toFixed, toUnits } from '../units.js';
import { type Ctx, account, opt } from './shared.js';

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
