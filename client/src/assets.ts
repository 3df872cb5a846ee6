/**
 * Asset ids. On chain an asset is `NativeOrWithId<u32>`: `Native` is MIR, `WithId(n)` a
 * pallet-assets token (UST is 1, mAssets and LP tokens follow). Here an asset is `'MIR'` or the
 * number `n`; `'UST'` is accepted on input as 1.
 */

/** An asset as the client returns it: `'MIR'` or a pallet-assets id. */
export type AssetId = 'MIR' | number;
/** An asset as the client accepts it. */
export type AssetLike = AssetId | 'UST';

/** MIR, the native token. */
export const MIR: AssetId = 'MIR';
/** The pallet-assets id of UST. */
export const UST: AssetId = 1;

/** The chain's encoding of an asset, for `api.tx` and `api.call`. */
export type ChainAsset = 'Native' | { WithId: number };

/** Normalises an asset: `'UST'` becomes 1; ids must be non-negative u32 integers. */
export function assetId(asset: AssetLike): AssetId {
  if (asset === 'MIR') return 'MIR';
  if (asset === 'UST') return UST;
  if (!Number.isInteger(asset) || asset < 0 || asset > 0xffff_ffff) {
    throw new RangeError(`not an asset id: ${String(asset)}`);
  }
  return asset;
}

/** The chain's encoding of `asset`. */
export function toChainAsset(asset: AssetLike): ChainAsset {
  const id = assetId(asset);
  return id === 'MIR' ? 'Native' : { WithId: id };
}

/** A short label: `MIR`, `UST` or `#101`. */
export function assetLabel(asset: AssetId): string {
  if (asset === 'MIR') return 'MIR';
  if (asset === UST) return 'UST';
  return `#${asset}`;
}
