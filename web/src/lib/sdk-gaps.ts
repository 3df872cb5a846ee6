/**
 * Reads the SDK does not wrap yet, kept in this one file so they are easy to replace once it does.
 * They only read storage (no call is encoded here) and convert the answer with the SDK's `toPlain`.
 *
 * - `collateralAssets`: which assets Mint accepts as collateral, their price source and multiplier
 *   (pallet `collateralOracle`, storage `CollateralAssets`); the SDK's `CollateralOracleModule` has
 *   calls only. The Mint page needs the multiplier for the least collateral ratio (MCR × multiplier)
 *   before a position exists (afterwards `client.mint.collateralRatio(id).requiredRatio` has it).
 * - `chainInfo`: the chain's name and type, to offer the dev accounts on a dev chain only.
 * - `onFinalized`: finalised heads, to follow a transaction from "in block" to "finalised" (the
 *   SDK's `send` resolves at inclusion, or at finality with `{ finalized: true }`, but not both).
 */
import { type AssetId, type MirrorClient, toPlain } from '@mirror-substrate/client';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface CollateralInfo {
  asset: AssetId;
  /** `'Oracle'`, `{ fixed: price }` or `{ ammTwap: { quote, window } }`. */
  priceSource: 'Oracle' | { fixed: bigint } | { ammTwap: { quote: AssetId; window: number } };
  /** The collateral's multiplier (`FixedU128`): the required ratio is the MCR times this. */
  multiplier: bigint;
  isRevoked: boolean;
}

export async function collateralAssets(client: MirrorClient): Promise<CollateralInfo[]> {
  const entries: [any, any][] = await (client.api.query as any).collateralOracle.collateralAssets.entries();
  return entries
    .map(([key, value]) => ({ asset: toPlain(key.args[0]) as AssetId, ...(toPlain(value) as Omit<CollateralInfo, 'asset'>) }))
    .sort((a, b) => (a.asset === 'MIR' ? -1 : b.asset === 'MIR' ? 1 : a.asset - b.asset));
}

export interface ChainInfo {
  name: string;
  type: string;
}

export async function chainInfo(client: MirrorClient): Promise<ChainInfo> {
  const type = await client.api.rpc.system.chainType();
  return { name: client.api.runtimeChain.toString(), type: type.type };
}

/** Calls `f` with each finalised block number; returns the unsubscribe function. */
export async function onFinalized(client: MirrorClient, f: (blockNumber: number) => void): Promise<() => void> {
  return client.api.rpc.chain.subscribeFinalizedHeads((h) => f(h.number.toNumber()));
}

/** The hash of block `n` on the best chain. */
export async function blockHashAt(client: MirrorClient, n: number): Promise<string> {
  return (await client.api.rpc.chain.getBlockHash(n)).toHex();
}
