/** What the module wrappers share: the part of the client they need (`Ctx`) and small helpers. */
import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import type { MirrorTx, Signer } from '../tx.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** `f(v)`, or null when `v` is null or undefined (an `Option` argument). */
export const opt = <A, B>(v: A | null | undefined, f: (a: A) => B): B | null => (v === null || v === undefined ? null : f(v));
/** An account id: the string itself, or a signer's address. */
export const account = (a: string | Signer): string => (typeof a === 'string' ? a : a.address);

/** The part of the client each pallet's wrapper needs. */
export interface Ctx {
  api: ApiPromise;
  view: ApiPromise | ApiDecoration<'promise'>;
  tx(extrinsic: any): MirrorTx;
}

/** The chain's time (seconds since the Unix epoch) at `view`'s block. */
export async function chainTime(view: ApiPromise | ApiDecoration<'promise'>): Promise<bigint> {
  const ms = await view.query.timestamp.now();
  return (ms as any).toBigInt() / 1000n;
}
