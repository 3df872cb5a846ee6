/** Signing, sending and waiting for transactions, with events decoded and errors thrown by name. */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { toPlain } from './convert.js';
import { MirrorError, decodeDispatchError } from './errors.js';
import type { MirrorEvent, TxResult } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A key that signs: a @polkadot/keyring pair (see `signerFromUri`). */
export type Signer = KeyringPair;

/** Options for `MirrorTx.send`. */
export interface SendOptions {
  /** Give up waiting for inclusion after this long (default 60 s). The transaction may still land. */
  timeoutMs?: number;
  /** Wait for finality instead of inclusion. */
  finalized?: boolean;
  /** Tip, in base units of MIR. */
  tip?: bigint;
}

/** Decodes one event record's event into a `MirrorEvent`. */
export function decodeEvent(event: any): MirrorEvent {
  const data: Record<string, unknown> = {};
  const names: (string | null)[] = event.data.names ?? [];
  event.data.forEach((value: unknown, i: number) => {
    const name = names[i];
    data[name ? camel(name) : String(i)] = toPlain(value);
  });
  return { section: event.section, method: event.method, data };
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A Mirror transaction ready to sign: `send` it, or pass `.extrinsic` on (to a poll, a batch). */
export class MirrorTx {
  constructor(
    private readonly api: ApiPromise,
    /** The @polkadot/api extrinsic. */
    readonly extrinsic: SubmittableExtrinsic<'promise'>,
  ) {}

  /** `section.method`, e.g. `mint.openPosition`. */
  get label(): string {
    return `${this.extrinsic.method.section}.${this.extrinsic.method.method}`;
  }

  /** The fee `signer` would pay for it now, in base units of MIR. */
  async estimateFee(signer: Signer | string): Promise<bigint> {
    const info = await this.extrinsic.paymentInfo(signer);
    return info.partialFee.toBigInt();
  }

  /**
   * Signs with `signer` (at its next nonce, counting the transaction pool), sends, and resolves
   * once the transaction is in a block. A failed dispatch rejects with a `MirrorError` naming the
   * module error (`mint.InvalidCollateralRatio`); so does a transaction the pool refuses.
   */
  send(signer: Signer, options: SendOptions = {}): Promise<TxResult> {
    const { timeoutMs = 60_000, finalized = false, tip } = options;
    const api = this.api;
    return new Promise<TxResult>((resolve, reject) => {
      let unsub: (() => void) | null = null;
      let done = false;
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (unsub) unsub();
        f();
      };
      const timer = setTimeout(
        () => finish(() => reject(new MirrorError(null, 'Timeout', `${this.label} not included within ${timeoutMs} ms`))),
        timeoutMs,
      );
      this.extrinsic
        .signAndSend(signer, { nonce: -1, ...(tip ? { tip } : {}) }, (result: any) => {
          const { status, dispatchError, events } = result;
          if (status.isInvalid || status.isDropped || status.isUsurped) {
            finish(() => reject(new MirrorError(null, `Transaction${status.type}`, this.label)));
            return;
          }
          const included = finalized ? status.isFinalized : status.isInBlock || status.isFinalized;
          if (!included) return;
          const blockHash: string = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
          if (dispatchError) {
            finish(() => reject(decodeDispatchError(api.registry as any, dispatchError)));
            return;
          }
          const decoded = (events as any[]).map((r) => decodeEvent(r.event));
          finish(() => {
            api.rpc.chain
              .getHeader(blockHash)
              .then((h) => resolve({ blockHash, blockNumber: h.number.toNumber(), events: decoded }))
              .catch(reject);
          });
        })
        .then((u) => {
          if (done) u();
          else unsub = u;
        })
        .catch((e: Error) => finish(() => reject(new MirrorError(null, 'InvalidTransaction', e.message))));
    });
  }
}

/** The events of `result` from `section` named `method`, e.g. `events(r, 'mint', 'PositionOpened')`. */
export function findEvents(result: TxResult, section: string, method: string): MirrorEvent[] {
  return result.events.filter((e) => e.section === section && e.method === method);
}

/** The single event `section.method` of `result`; throws when there is none. */
export function findEvent(result: TxResult, section: string, method: string): MirrorEvent {
  const found = findEvents(result, section, method);
  if (found.length === 0) throw new Error(`no ${section}.${method} event in block ${result.blockHash}`);
  return found[0];
}
