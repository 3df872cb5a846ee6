/** What the bots share: argument parsing, config files, logging, retries, signal handling. */
import { readFileSync } from 'node:fs';
import { MirrorClient } from './client.js';
import { MirrorError } from './errors.js';

/** Parsed command-line options: `--name value`, `--flag` (true), `--no-flag` (false). */
export type Args = Record<string, string | boolean>;

/** Parses `argv` (without node and the script). Unknown options are kept for the caller to check. */
export function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}" (options start with --)`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
    } else if (a.startsWith('--no-')) {
      out[a.slice(5)] = false;
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      out[a.slice(2)] = argv[++i];
    } else {
      out[a.slice(2)] = true;
    }
  }
  return out;
}

/** Throws on an option not in `known`. */
export function checkKnown(args: Args, known: string[]): void {
  for (const k of Object.keys(args)) {
    if (!known.includes(k)) throw new Error(`unknown option --${k} (see --help)`);
  }
}

/** Reads a JSON config file (an object), or `{}` without a path. */
export function readConfig(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read config ${path}: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`config ${path} must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** A number option: from the command line, else the config, else the default. */
export function numberOption(args: Args, config: Record<string, unknown>, name: string, fallback: number): number {
  const raw = args[name] ?? config[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, not "${String(raw)}"`);
  return n;
}

/** A string option: from the command line, else the config, else the default. */
export function stringOption(args: Args, config: Record<string, unknown>, name: string, fallback?: string): string | undefined {
  const raw = args[name] ?? config[name];
  if (raw === undefined || raw === true || raw === false) return fallback;
  return String(raw);
}

/** A boolean option: `--name` / `--no-name`, else the config, else the default. */
export function booleanOption(args: Args, config: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const raw = args[name] ?? config[name];
  if (raw === undefined) return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new Error(`--${name} is a flag (true or false), not "${String(raw)}"`);
}

/** A logger writing one timestamped line per message to stdout, tagged with the bot's name. */
export interface Logger {
  /** Progress; hidden by --quiet. */
  info(msg: string): void;
  /** What an operator always wants to see (health lines, decisions), even with --quiet. */
  notice(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function makeLogger(name: string, quiet = false, sink: (line: string) => void = (l) => console.log(l)): Logger {
  const line = (level: string, msg: string) => sink(`${new Date().toISOString()} ${name} ${level} ${msg}`);
  return {
    info: (msg) => { if (!quiet) line('INFO', msg); },
    notice: (msg) => line('INFO', msg),
    warn: (msg) => line('WARN', msg),
    error: (msg) => line('ERROR', msg),
  };
}

/** The default `--connect-timeout`, in seconds. */
export const DEFAULT_CONNECT_TIMEOUT_S = 30;

/**
 * Connects a bot to its node. A node not reached within `timeoutSeconds` (0: wait for ever) is one
 * clear error (`cannot reach ws://... within 30 s: is mirror-node running?`), for the bot to print
 * and exit on, rather than a reconnection attempt logged every second for ever. Once connected, a
 * lost node is retried with a growing wait (1 s doubling to 30 s) and logged once when lost (a
 * warning) and once when back (a notice, shown even with --quiet).
 */
export async function connectBot(url: string, timeoutSeconds: number, log: Logger): Promise<MirrorClient> {
  try {
    return await MirrorClient.connect(url, {
      timeoutMs: timeoutSeconds > 0 ? timeoutSeconds * 1000 : Infinity,
      onConnection: (e) => (e.kind === 'disconnected' ? log.warn(e.message) : log.notice(e.message)),
    });
  } catch (e) {
    // The error's name alone (`ConnectTimeout`) says less than its text.
    if (e instanceof MirrorError && e.is('ConnectTimeout')) throw new Error(e.docs);
    throw e;
  }
}

/** Waits `ms`, or less if `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}

/**
 * Runs `f` up to `attempts` times, waiting `baseMs`, 2·`baseMs`, 4·`baseMs`... between tries;
 * `onRetry` hears each failure before a retry. A failure that `retryable` says no to (by default
 * every failure is retryable) is thrown at once, as is the last one.
 */
export async function retry<T>(f: () => Promise<T>, attempts: number, baseMs: number, onRetry?: (e: Error, attempt: number) => void, signal?: AbortSignal, retryable: (e: Error) => boolean = () => true): Promise<T> {
  let last: Error = new Error('no attempt made');
  for (let i = 1; i <= Math.max(1, attempts); i++) {
    try {
      return await f();
    } catch (e) {
      last = e as Error;
      if (i >= attempts || signal?.aborted || !retryable(last)) break;
      onRetry?.(last, i);
      await sleep(baseMs * 2 ** (i - 1), signal);
    }
  }
  throw last;
}

/** Calls `onStop` once on SIGINT or SIGTERM; a second signal exits at once. */
export function onStopSignal(onStop: (signal: string) => void): void {
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) process.exit(130);
      stopping = true;
      onStop(sig);
    });
  }
}

/** How long a stop waits for the round in progress. */
const STOP_GRACE_MS = 15_000;

/** Anything that tells of new blocks (a `MirrorClient`). */
export interface BlockSource {
  onNewBlock(f: (blockNumber: number) => void): Promise<() => void>;
}

/**
 * Runs `round` every `everyBlocks` blocks until `signal` aborts. Rounds never overlap (a block
 * that arrives mid-round is skipped); a round in progress at the stop may finish, for at most
 * 15 s, so a node that has gone away does not hold the exit.
 */
export async function runEveryBlocks(blocks: BlockSource, everyBlocks: number, signal: AbortSignal, round: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
  let busy: Promise<unknown> | null = null;
  let seen = 0;
  const unsub = await blocks.onNewBlock(() => {
    seen += 1;
    if (busy || signal.aborted || seen % everyBlocks !== 0) return;
    busy = round(signal).finally(() => { busy = null; });
  });
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  unsub();
  if (busy) await Promise.race([busy, sleep(STOP_GRACE_MS)]);
}

/** Runs `run` until SIGINT or SIGTERM, logging the stop. */
export async function runUntilSignal(log: Logger, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  onStopSignal((sig) => {
    log.info(`${sig}: finishing the current round and stopping`);
    stop.abort();
  });
  await run(stop.signal);
}
