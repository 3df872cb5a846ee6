/**
 * Staying connected to a node. @polkadot/api's `WsProvider`, left to reconnect by itself, tries
 * again every second for ever and logs every failed attempt (`API-WS: disconnected from ...`);
 * `ReconnectingWsProvider` instead waits longer and longer between attempts (1 s doubling to 30 s)
 * and tells of a lost connection once and of its return once. `ConnectionNotices` (which events
 * are worth a line) and `backoffDelayMs` (how long to wait) are pure, for testing.
 */
import { WsProvider } from '@polkadot/api';

/** A connection lost, or regained after a loss; one per loss and one per return. */
export interface ConnectionEvent {
  kind: 'disconnected' | 'reconnected';
  url: string;
  /** For `reconnected`: the attempts it took, the successful one included (0 for `disconnected`). */
  attempts: number;
  /** For `reconnected`: how long the node was away, in ms (0 for `disconnected`). */
  downMs: number;
  /** One line for an operator: `disconnected from ws://..., reconnecting`, `reconnected to ...`. */
  message: string;
}

/**
 * The wait before reconnection attempt `attempt` (1 for the first after a loss): `minMs`, doubled
 * after each failure, never more than `maxMs`.
 */
export function backoffDelayMs(attempt: number, minMs = 1_000, maxMs = 30_000): number {
  const doublings = Math.min(Math.max(0, attempt - 1), 30);
  return Math.min(maxMs, minMs * 2 ** doublings);
}

/** `12.3 s`: a duration for a log line. */
function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Turns a provider's socket events into the few worth telling. Until the first connection nothing
 * is told (the caller bounds the start-up and says why it gave up); after it, the first close is
 * `disconnected`, the closes of failed attempts are silent, and the next open is `reconnected`.
 */
export class ConnectionNotices {
  #state: 'starting' | 'up' | 'down' = 'starting';
  #failures = 0;
  #downSince = 0;

  constructor(readonly url: string) {}

  /** Whether a connection has been made at least once. */
  get hasConnected(): boolean {
    return this.#state !== 'starting';
  }

  /** Whether the socket is open now. */
  get isUp(): boolean {
    return this.#state === 'up';
  }

  /** The socket opened: `reconnected` after a loss, nothing otherwise. */
  connected(now = Date.now()): ConnectionEvent | null {
    const was = this.#state;
    this.#state = 'up';
    if (was !== 'down') return null;
    const attempts = this.#failures + 1;
    const downMs = Math.max(0, now - this.#downSince);
    return {
      kind: 'reconnected', url: this.url, attempts, downMs,
      message: `reconnected to ${this.url} after ${seconds(downMs)} (${attempts} attempt${attempts === 1 ? '' : 's'})`,
    };
  }

  /** The socket closed: `disconnected` if it was open, nothing for a failed attempt. */
  disconnected(now = Date.now()): ConnectionEvent | null {
    if (this.#state !== 'up') {
      if (this.#state === 'down') this.#failures += 1;
      return null;
    }
    this.#state = 'down';
    this.#failures = 0;
    this.#downSince = now;
    return { kind: 'disconnected', url: this.url, attempts: 0, downMs: 0, message: `disconnected from ${this.url}, reconnecting` };
  }
}

/** Options for `ReconnectingWsProvider`. */
export interface ReconnectOptions {
  /** The first wait after a loss, and the wait between attempts before the first connection (default 1 s). */
  minDelayMs?: number;
  /** The longest wait between attempts (default 30 s). */
  maxDelayMs?: number;
  /** How long one RPC request may wait for its answer (default 30 s). */
  requestTimeoutMs?: number;
  /** Told of each `ConnectionEvent` (default: nothing). */
  onEvent?: (event: ConnectionEvent) => void;
}

/**
 * A `WsProvider` that connects at once and reconnects by itself, quietly: until the first
 * connection it tries every `minDelayMs` (the node may be starting; whoever waits bounds the wait),
 * after a loss it waits `minDelayMs`, then twice that, ... at most `maxDelayMs`. A connection that
 * stayed up less than `maxDelayMs` does not reset the wait, so a node that accepts and drops at once
 * is not hammered. `disconnect()` ends the reconnecting for good.
 *
 * The base provider is made without auto-connect: that is what keeps it from logging each failed
 * attempt; the subscriptions it holds are still renewed on every reconnection.
 */
export class ReconnectingWsProvider extends WsProvider {
  readonly #url: string;
  readonly #options: ReconnectOptions;
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #notices: ConnectionNotices;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #attempt = 0;
  #connectedAt = 0;

  constructor(url: string, options: ReconnectOptions = {}) {
    super(url, false, {}, options.requestTimeoutMs ?? 30_000);
    this.#url = url;
    this.#options = options;
    this.#minMs = options.minDelayMs ?? 1_000;
    this.#maxMs = Math.max(this.#minMs, options.maxDelayMs ?? 30_000);
    this.#notices = new ConnectionNotices(url);
    this.on('connected', () => this.#onOpen());
    this.on('disconnected', () => this.#onClose());
    this.#connectNow();
  }

  /** Whether a connection has been made at least once. */
  get hasConnected(): boolean {
    return this.#notices.hasConnected;
  }

  /** Stops reconnecting, then closes the connection. */
  override async disconnect(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await super.disconnect();
  }

  /** A new provider to the same node, with the same options. */
  override clone(): WsProvider {
    return new ReconnectingWsProvider(this.#url, this.#options);
  }

  #connectNow(): void {
    this.#timer = undefined;
    if (this.#stopped || this.isConnected) return;
    // `connect` fails at once only when the socket cannot even be made; a refused or dropped
    // connection closes it instead, and `#onClose` schedules the next attempt.
    this.connect().catch(() => this.#retryLater());
  }

  #retryLater(): void {
    if (this.#stopped || this.#timer) return;
    this.#attempt += 1;
    const delay = this.#notices.hasConnected ? backoffDelayMs(this.#attempt, this.#minMs, this.#maxMs) : this.#minMs;
    this.#timer = setTimeout(() => this.#connectNow(), delay);
  }

  #onOpen(): void {
    // Failed attempts before the first connection do not lengthen the waits after a loss.
    if (!this.#notices.hasConnected) this.#attempt = 0;
    this.#connectedAt = Date.now();
    const event = this.#notices.connected(this.#connectedAt);
    if (event) this.#options.onEvent?.(event);
  }

  #onClose(): void {
    // A close asked for by `disconnect()` is neither news nor a reason to reconnect.
    if (this.#stopped) return;
    const wasUp = this.#notices.isUp;
    const event = this.#notices.disconnected();
    if (event) this.#options.onEvent?.(event);
    if (wasUp && Date.now() - this.#connectedAt >= this.#maxMs) this.#attempt = 0;
    this.#retryLater();
  }
}
