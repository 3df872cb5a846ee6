/** The price feeder: each round, fetch prices from a source and feed those the key may feed. */
import { writeFile } from 'node:fs/promises';
import type { AssetId } from '../assets.js';
import type { MirrorClient } from '../client.js';
import { type Logger, retry, runEveryBlocks } from '../cli.js';
import { customInvalidCode, feedRefusal } from '../errors.js';
import type { Signer } from '../tx.js';
import { formatFixed } from '../units.js';
import type { MirrorEvent } from '../types.js';
import type { PriceSource } from './sources.js';

/** How the feeder runs. */
export interface FeederOptions {
  /** Feed every this many blocks (default 2). */
  everyBlocks: number;
  /** Tries per fetch and per transaction (default 3). */
  retries: number;
  /** The first wait between tries, doubled each time (default 1 s). */
  retryDelayMs: number;
  /** Look again for the assets the key feeds every this many rounds (default 20). */
  refreshRounds: number;
  /** Print a health line every this many rounds (default 10), and after every failure. */
  healthEvery: number;
  /** Also write the health as JSON to this file each round. */
  healthFile?: string;
}

export const DEFAULT_FEEDER_OPTIONS: FeederOptions = {
  everyBlocks: 2, retries: 3, retryDelayMs: 1_000, refreshRounds: 20, healthEvery: 10,
};

/** The feeder's health: counters only, so memory stays bounded however long it runs. */
export interface FeederHealth {
  rounds: number;
  feeds: number;
  failures: number;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  assets: number;
  /**
   * Batches the node refused because this key had fed in the block already (`AlreadyFed`,
   * `TooManyFeedsInBlock`: another feeder process with the same key, say): skipped, not failed.
   */
  refused: number;
}

/** The chain's limit on prices per `feed_prices`. */
const MAX_PRICES_PER_FEED = 32;

export class PriceFeeder {
  private assets: { asset: AssetId; symbol: string }[] = [];
  readonly health: FeederHealth = { rounds: 0, feeds: 0, failures: 0, consecutiveFailures: 0, lastSuccessAt: null, lastError: null, assets: 0, refused: 0 };
  /** Set when the node says this key no longer feeds an asset: look again next round. */
  private rediscover = false;

  constructor(
    private readonly client: MirrorClient,
    private readonly signer: Signer,
    private readonly source: PriceSource,
    private readonly log: Logger,
    private readonly options: FeederOptions = DEFAULT_FEEDER_OPTIONS,
  ) {}

  /**
   * Says what the oracle's circuit breaker did with this key's feeds: a feed held as pending (a
   * move of more than the deviation, which lands when it is repeated or another feeder agrees),
   * a pending move confirmed, or a feed rejected by the sanity ranges. None of them is a failure:
   * the feeder keeps feeding what its source says.
   */
  private reportBreaker(events: MirrorEvent[]): void {
    for (const e of events) {
      if (e.section !== 'oracle') continue;
      const who = e.data.feeder;
      if (who !== undefined && who !== this.signer.address) continue;
      const symbol = e.data.asset !== undefined ? this.symbolOf(e.data.asset) : '?';
      if (e.method === 'FeedPending') {
        this.log.info(`${symbol}=${formatFixed(e.data.price, 4)} held as pending (reference ${formatFixed(e.data.reference, 4)}): it lands when repeated or confirmed`);
      } else if (e.method === 'PendingConfirmed') {
        this.log.info(`${symbol}: pending move confirmed by ${e.data.feeds} feed(s), median ${formatFixed(e.data.median, 4)}`);
      } else if (e.method === 'FeedRejected') {
        this.log.warn(`${symbol}=${formatFixed(e.data.price, 4)} rejected by the circuit breaker (${e.data.reason})`);
      }
    }
  }

  /** Finds the assets this key feeds and their symbols. */
  async discover(): Promise<{ asset: AssetId; symbol: string }[]> {
    const ids = await this.client.oracle.assetsFedBy(this.signer.address);
    const assets = [];
    for (const asset of ids) assets.push({ asset, symbol: await this.client.symbol(asset) });
    const before = this.assets.map((a) => a.symbol).join(',');
    this.assets = assets;
    this.health.assets = assets.length;
    const now = assets.map((a) => a.symbol).join(',');
    if (now !== before) this.log.info(`feeding ${now || 'nothing'} as ${this.signer.address} from ${this.source.description}`);
    return assets;
  }

  /** One round: fetch, then feed in batches of 32. Returns how many prices were fed. */
  async round(signal?: AbortSignal): Promise<number> {
    const h = this.health;
    h.rounds += 1;
    try {
      if (h.rounds === 1 || this.rediscover || h.rounds % this.options.refreshRounds === 0) {
        this.rediscover = false;
        await this.discover();
      }
      if (this.assets.length === 0) {
        this.log.info('this key feeds no asset; waiting');
        return 0;
      }
      const symbols = this.assets.map((a) => a.symbol);
      const prices = await retry(() => this.source.fetch(symbols), this.options.retries, this.options.retryDelayMs,
        (e, n) => this.log.warn(`fetch from ${this.source.description} failed (try ${n}): ${e.message}`), signal);
      const batch: [AssetId, bigint][] = [];
      const missing: string[] = [];
      for (const { asset, symbol } of this.assets) {
        const price = prices.get(symbol);
        if (price === undefined || price === 0n) missing.push(symbol);
        else batch.push([asset, price]);
      }
      if (missing.length) this.log.warn(`no price for ${missing.join(', ')} from ${this.source.description}`);
      let fed = 0;
      let refused = 0;
      for (let i = 0; i < batch.length; i += MAX_PRICES_PER_FEED) {
        const chunk = batch.slice(i, i + MAX_PRICES_PER_FEED);
        let result;
        try {
          // A feed the node refuses before the pool (the runtime's CheckFeed) is not retried: the
          // same batch would be refused again, at least within this block.
          result = await retry(() => this.client.oracle.feedPrices(chunk).send(this.signer), this.options.retries,
            this.options.retryDelayMs, (e, n) => this.log.warn(`feed failed (try ${n}): ${describe(e)}`), signal,
            (e) => customInvalidCode(e) === null);
        } catch (e) {
          const reason = feedRefusal(e);
          if (reason === 'AlreadyFed' || reason === 'TooManyFeedsInBlock') {
            // This key's feeds of this block are in already: nothing is lost, the next round feeds.
            h.refused += 1;
            refused += 1;
            this.log.warn(`feed of ${chunk.map(([a]) => this.symbolOf(a)).join(' ')} refused by the node (oracle.${reason}): this key fed in this block already; next round`);
            continue;
          }
          // Registrations changed under us (removed as feeder, asset gone): look again next round.
          if (reason === 'NotFeeder' || reason === 'UnknownAsset') this.rediscover = true;
          throw reason === null ? e : new Error(`feed refused by the node: oracle.${reason}`);
        }
        fed += chunk.length;
        this.log.info(`#${h.rounds} block ${result.blockNumber}: ${chunk.map(([a, p]) => `${this.symbolOf(a)}=${formatFixed(p, 4)}`).join(' ')}`);
        this.reportBreaker(result.events);
      }
      h.feeds += fed;
      h.consecutiveFailures = 0;
      // A round whose every batch was refused as already fed is no failure, but fed nothing.
      if (fed > 0 || refused === 0) h.lastSuccessAt = new Date().toISOString();
      if (h.rounds % this.options.healthEvery === 0) this.printHealth();
      await this.writeHealth();
      return fed;
    } catch (e) {
      h.failures += 1;
      h.consecutiveFailures += 1;
      h.lastError = (e as Error).message;
      this.log.error(`round ${h.rounds} failed: ${h.lastError}`);
      this.printHealth();
      await this.writeHealth();
      return 0;
    }
  }

  private symbolOf(asset: AssetId): string {
    return this.assets.find((a) => a.asset === asset)?.symbol ?? String(asset);
  }

  /** The health line: `health ok|degraded rounds=... feeds=... failures=... ...`. */
  healthLine(): string {
    const h = this.health;
    const state = h.consecutiveFailures === 0 ? 'ok' : 'degraded';
    return `health ${state} rounds=${h.rounds} feeds=${h.feeds} failures=${h.failures} consecutive_failures=${h.consecutiveFailures} assets=${h.assets} refused=${h.refused} last_success=${h.lastSuccessAt ?? 'never'}`;
  }

  private printHealth(): void {
    (this.health.consecutiveFailures ? this.log.warn : this.log.notice)(this.healthLine());
  }

  private async writeHealth(): Promise<void> {
    if (!this.options.healthFile) return;
    try {
      await writeFile(this.options.healthFile, `${JSON.stringify({ ...this.health, updatedAt: new Date().toISOString() })}\n`);
    } catch (e) {
      this.log.warn(`cannot write ${this.options.healthFile}: ${(e as Error).message}`);
    }
  }

  /** Feeds every `everyBlocks` blocks until `signal` aborts (see `runEveryBlocks`). */
  run(signal: AbortSignal): Promise<void> {
    return runEveryBlocks(this.client, this.options.everyBlocks, signal, (s) => this.round(s));
  }

}

/** An error for a log line: a `MirrorError`'s name and, for a refused transaction, the node's words. */
function describe(e: Error): string {
  const docs = (e as { docs?: unknown }).docs;
  return typeof docs === 'string' && docs && !e.message.includes(docs) ? `${e.message} (${docs})` : e.message;
}
