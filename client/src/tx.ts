/** Signing, sending and waiting for transactions, with events decoded and errors thrown by name. */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { camel, toPlain } from './convert.js';
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

/**
 * Hands out nonces per signer. The node's `system_accountNextIndex` counts the pool, but right after
 * a transaction is reported in a block it can still answer that transaction's nonce (the pool
 * drops it a moment later); a second transaction sent then would clash ("Priority is too low").
 * So the client remembers the next nonce it used and takes the larger of the two.
 */
export class NonceTracker {
  private readonly next = new Map<string, { nonce: bigint; at: number }>();

  /**
   * @param trustMs how long a remembered nonce beats the node's: long enough to cover the race,
   *   short enough that a transaction the pool dropped unseen leaves no lasting gap.
   */
  constructor(private readonly trustMs = 30_000) {}

  /** The nonce for `address`'s next transaction, reserved. */
  async reserve(api: ApiPromise, address: string): Promise<bigint> {
    const chain = (await api.rpc.system.accountNextIndex(address)).toBigInt();
    // Read the local value after the await: concurrent reservations each see the previous one's.
    const local = this.next.get(address);
    const fresh = local !== undefined && Date.now() - local.at < this.trustMs;
    const nonce = fresh && local.nonce > chain ? local.nonce : chain;
    if (this.next.size >= 1_000 && !this.next.has(address)) this.next.clear(); // bounded
    this.next.set(address, { nonce: nonce + 1n, at: Date.now() });
    return nonce;
  }

  /** The transaction with `nonce` never entered the pool: forget it, so the chain's view counts. */
  release(address: string, nonce: bigint): void {
    if (this.next.get(address)?.nonce === nonce + 1n) this.next.delete(address);
  }
}

/** A Mirror transaction ready to sign: `send` it, or pass `.extrinsic` on (to a poll, a batch). */
export class MirrorTx {
  constructor(
    private readonly api: ApiPromise,
    /** The @polkadot/api extrinsic. */
    readonly extrinsic: SubmittableExtrinsic<'promise'>,
    private readonly nonces: NonceTracker = new NonceTracker(),
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
   * Signs with `signer` (at its next nonce: the pool's count, or one past the last this client used), sends, and resolves
   * once the transaction is in a block. A failed dispatch rejects with a `MirrorError` naming the
   * module error (`mint.InvalidCollateralRatio`); so does a transaction the pool refuses.
   */
  async send(signer: Signer, options: SendOptions = {}): Promise<TxResult> {
    const nonce = await this.nonces.reserve(this.api, signer.address);
    try {
      return await this.sendWithNonce(signer, nonce, options);
    } catch (e) {
      if (e instanceof MirrorError && (e.errorName === 'InvalidTransaction' || e.errorName.startsWith('Transaction'))) {
        this.nonces.release(signer.address, nonce);
      }
      throw e;
    }
  }

  private sendWithNonce(signer: Signer, nonce: bigint, options: SendOptions): Promise<TxResult> {
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
        .signAndSend(signer, { nonce, ...(tip ? { tip } : {}) }, (result: any) => {
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
