/**
 * `MirrorClient`: one object with a typed method for every Mirror call and runtime API.
 *
 * Calls return a `MirrorTx` to `send(signer)` (or to wrap in a poll or `sudo`); queries return plain
 * objects with bigint amounts (see `types.ts`). Admin calls (`oracle.registerFeeder`,
 * `factory.whitelist`, ...) need the Root or Gov origin: pass their `.extrinsic` to
 * `gov.createPoll({ execute })`, or to `client.sudo` on a dev chain.
 *
 * Each pallet's wrapper is a class in `modules/` (one file per pallet, the helpers they share in
 * `modules/shared.ts`); `MirrorClient` composes them and adds the calls and queries of no one pallet.
 * Everything a module file exports is exported from here as well.
 */
import { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { type AssetId, type AssetLike, assetId } from './assets.js';
import { type ConnectionEvent, ReconnectingWsProvider } from './connection.js';
import { MirrorError } from './errors.js';
import { AmmModule } from './modules/amm.js';
import { CollateralOracleModule } from './modules/collateral-oracle.js';
import { CollectorModule } from './modules/collector.js';
import { CommunityModule } from './modules/community.js';
import { FactoryModule } from './modules/factory.js';
import { GovModule } from './modules/gov.js';
import { MintModule } from './modules/mint.js';
import { OracleModule } from './modules/oracle.js';
import { type Ctx, account, chainTime } from './modules/shared.js';
import { StakingModule } from './modules/staking.js';
import { MirrorTx, NonceTracker, type Signer } from './tx.js';
import { type Amount, toUnits } from './units.js';

export { backoffDelayMs, ConnectionNotices, ReconnectingWsProvider, type ConnectionEvent, type ReconnectOptions } from './connection.js';
export { AmmModule } from './modules/amm.js';
export { CollateralOracleModule, type PriceSourceInput } from './modules/collateral-oracle.js';
export { CollectorModule } from './modules/collector.js';
export { CommunityModule } from './modules/community.js';
export { FactoryModule, type WhitelistInput } from './modules/factory.js';
export { GovModule } from './modules/gov.js';
export { MintModule, type IpoInput, type IpoParamsArg, type ShortInput, ipoParamsUpdate } from './modules/mint.js';
export { OracleModule } from './modules/oracle.js';
export { StakingModule } from './modules/staking.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Signs with a dev seed (`//Alice`), a mnemonic or a raw seed; sr25519 unless told. */
export async function signerFromUri(suri: string, type: 'sr25519' | 'ed25519' = 'sr25519'): Promise<Signer> {
  await cryptoWaitReady();
  return new Keyring({ type, ss58Format: 42 }).addFromUri(suri);
}

/**
 * The runtime's own transaction extensions, for @polkadot/api (which knows the FRAME ones).
 * `CheckFeed` (it refuses failing `oracle.feedPrices` before the pool) carries no data, neither in
 * the extrinsic nor in the signed payload.
 */
export const SIGNED_EXTENSIONS = {
  CheckFeed: { extrinsic: {}, payload: {} },
};

/** Options for `MirrorClient.connect`. */
export interface ConnectOptions {
  /**
   * Give up connecting after this long (default 30 s; `Infinity`: never): `connect` then rejects
   * with a `ConnectTimeout` `MirrorError` and leaves nothing running.
   */
  timeoutMs?: number;
  /** How long one RPC request may wait for its answer (default 30 s). */
  requestTimeoutMs?: number;
  /** The first wait before reconnecting to a lost node, doubled after each failed attempt (default 1 s). */
  reconnectMinDelayMs?: number;
  /** The longest wait between reconnection attempts (default 30 s). */
  reconnectMaxDelayMs?: number;
  /**
   * Told once when the connection is lost and once when it is back (default: the event's message
   * on stderr). Failed attempts in between are silent.
   */
  onConnection?: (event: ConnectionEvent) => void;
}

/** The longest `setTimeout` delay; a longer connect timeout is no timeout. */
const MAX_TIMER_MS = 2_147_483_647;

/** The Mirror client. `await MirrorClient.connect('ws://127.0.0.1:9944')`, then use its modules. */
export class MirrorClient {
  readonly oracle: OracleModule;
  readonly collateralOracle: CollateralOracleModule;
  readonly amm: AmmModule;
  readonly mint: MintModule;
  readonly staking: StakingModule;
  readonly factory: FactoryModule;
  readonly gov: GovModule;
  readonly collector: CollectorModule;
  readonly community: CommunityModule;

  /**
   * Wraps a connected `ApiPromise`. `view` answers queries (by default the latest block;
   * `at(hash)` gives a client reading at one block).
   */
  constructor(
    readonly api: ApiPromise,
    private readonly view: ApiPromise | ApiDecoration<'promise'> = api,
    private readonly nonces: NonceTracker = new NonceTracker(),
  ) {
    const ctx: Ctx = { api, view, tx: (ext) => new MirrorTx(api, ext, nonces) };
    this.oracle = new OracleModule(ctx);
    this.collateralOracle = new CollateralOracleModule(ctx);
    this.amm = new AmmModule(ctx);
    this.mint = new MintModule(ctx);
    this.staking = new StakingModule(ctx);
    this.factory = new FactoryModule(ctx);
    this.gov = new GovModule(ctx);
    this.collector = new CollectorModule(ctx);
    this.community = new CommunityModule(ctx);
  }

  /**
   * Connects to a node's WebSocket RPC. A node that cannot be reached within `timeoutMs` is a
   * `ConnectTimeout` error; once connected, a lost node is reconnected to with a growing wait
   * (`ReconnectingWsProvider`), told once by `onConnection` when lost and once when back.
   */
  static async connect(url: string, options: ConnectOptions = {}): Promise<MirrorClient> {
    const {
      timeoutMs = 30_000,
      requestTimeoutMs = 30_000,
      onConnection = (e: ConnectionEvent) => console.warn(`MirrorClient: ${e.message}`),
    } = options;
    await cryptoWaitReady();
    const provider = new ReconnectingWsProvider(url, {
      requestTimeoutMs,
      minDelayMs: options.reconnectMinDelayMs,
      maxDelayMs: options.reconnectMaxDelayMs,
      onEvent: onConnection,
    });
    // `ApiPromise.create` would hide the instance until it is ready; it is needed to stop it.
    const api = new ApiPromise({ provider, noInitWarn: true, signedExtensions: SIGNED_EXTENSIONS });
    api.isReadyOrError.catch(() => { /* an init error leaves isReady pending: the timeout tells */ });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      if (!(timeoutMs <= MAX_TIMER_MS)) return;
      timer = setTimeout(() => {
        const secs = `${Math.round(timeoutMs / 100) / 10} s`;
        const why = provider.hasConnected
          ? `${url} answered, but the chain's metadata did not load within ${secs}`
          : `cannot reach ${url} within ${secs}: is mirror-node running?`;
        // Stops the reconnecting and closes any socket, so nothing keeps the process alive; an open
        // socket is waited for (at most 2 s) until the node has acknowledged the close.
        const closed = provider.isConnected
          ? new Promise<void>((resolve) => {
            const t = setTimeout(resolve, 2_000);
            provider.on('disconnected', () => { clearTimeout(t); resolve(); });
          })
          : Promise.resolve();
        api.disconnect().then(() => closed, () => { /* already closed */ }).finally(() => reject(new MirrorError(null, 'ConnectTimeout', why)));
      }, Math.max(0, timeoutMs));
    });
    try {
      return new MirrorClient(await Promise.race([api.isReady, timeout]));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read-only client answering at block `blockHash`. */
  async at(blockHash: string): Promise<MirrorClient> {
    return new MirrorClient(this.api, await this.api.at(blockHash), this.nonces);
  }

  /** Disconnects. */
  async disconnect(): Promise<void> {
    await this.api.disconnect();
  }

  /** Wraps a call in `sudo.sudo` (dev chains only). */
  sudo(call: MirrorTx): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.sudo.sudo(call.extrinsic), this.nonces);
  }

  /** Runs several calls in one transaction, all or nothing (`utility.batchAll`). */
  batchAll(calls: MirrorTx[]): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.utility.batchAll(calls.map((c) => c.extrinsic)), this.nonces);
  }

  /** Sends MIR. */
  transferMir(to: string, amount: Amount): MirrorTx {
    return new MirrorTx(this.api, this.api.tx.balances.transferKeepAlive(to, toUnits(amount)), this.nonces);
  }

  /** Sends a pallet-assets token (UST, an mAsset, an LP token). */
  transferAsset(asset: AssetLike, to: string, amount: Amount): MirrorTx {
    const id = assetId(asset);
    if (id === 'MIR') return this.transferMir(to, amount);
    return new MirrorTx(this.api, this.api.tx.assets.transferKeepAlive(id, to, toUnits(amount)), this.nonces);
  }

  /** `who`'s free balance of `asset` in base units (MIR: the free native balance). */
  async balance(who: string | Signer, asset: AssetLike): Promise<bigint> {
    const id = assetId(asset);
    if (id === 'MIR') {
      const info: any = await this.view.query.system.account(account(who));
      return info.data.free.toBigInt();
    }
    const entry: any = await this.view.query.assets.account(id, account(who));
    return entry.isSome ? entry.unwrap().balance.toBigInt() : 0n;
  }

  /** The chain's time (seconds since the Unix epoch) at the latest block. */
  now(): Promise<bigint> {
    return chainTime(this.view);
  }

  /** The latest block number. */
  async blockNumber(): Promise<number> {
    return ((await this.view.query.system.number()) as any).toNumber();
  }

  /** An asset's symbol (`MIR`, `UST`, `mAAPL`, ...), or `#id` when it has none. */
  async symbol(asset: AssetLike): Promise<string> {
    const id = assetId(asset);
    if (id === 'MIR') return 'MIR';
    const meta: any = await this.view.query.assets.metadata(id);
    return meta.symbol.toUtf8() || `#${id}`;
  }

  /** The asset with `symbol`, among pallet-assets tokens and MIR, or null. */
  async findAsset(symbol: string): Promise<AssetId | null> {
    if (symbol === 'MIR') return 'MIR';
    const entries: [any, any][] = await this.view.query.assets.metadata.entries();
    for (const [key, meta] of entries) {
      if (meta.symbol.toUtf8() === symbol) return key.args[0].toNumber();
    }
    return null;
  }

  /** Calls `f` with the latest block number on every new block; returns the unsubscribe function. */
  async onNewBlock(f: (blockNumber: number) => void): Promise<() => void> {
    const unsub = await this.api.rpc.chain.subscribeNewHeads((h) => f(h.number.toNumber()));
    return unsub;
  }
}
