/**
 * Where the feeder's prices come from. A source returns, each round, a price (FixedU128 bigint,
 * UST per unit) for every symbol it knows; the feeder feeds those its key is registered for.
 */
import { readFile } from 'node:fs/promises';
import { fixedFromNumber, fixedToNumber, toFixed } from '../units.js';

/** Prices by symbol (`MIR`, `mAAPL`, ...), 18 decimals. */
export type PriceMap = Map<string, bigint>;

/** A price source. */
export interface PriceSource {
  /** A short description for the logs. */
  readonly description: string;
  /** This round's prices for `symbols` (a source may return fewer, or more). */
  fetch(symbols: string[]): Promise<PriceMap>;
}

/** A price from a file or an endpoint: a decimal string (exact) or a number. */
function parsePrice(symbol: string, raw: unknown): bigint {
  if (typeof raw === 'string') return toFixed(raw.trim());
  if (typeof raw === 'number') return fixedFromNumber(raw);
  throw new Error(`price of ${symbol} is not a number or a decimal string: ${JSON.stringify(raw)}`);
}

/**
 * Reads prices from JSON: an object `{ "mAAPL": "180.5", ... }`, an array
 * `[{ "symbol": "mAAPL", "price": 180.5 }, ...]`, or either under the key `prices`.
 */
export function parseJsonPrices(text: string): PriceMap {
  let doc: unknown = JSON.parse(text);
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'prices' in doc) doc = (doc as { prices: unknown }).prices;
  const out: PriceMap = new Map();
  if (Array.isArray(doc)) {
    for (const row of doc) {
      if (!row || typeof row !== 'object' || typeof (row as { symbol?: unknown }).symbol !== 'string') {
        throw new Error(`price entry without a symbol: ${JSON.stringify(row)}`);
      }
      const { symbol, price } = row as { symbol: string; price: unknown };
      out.set(symbol, parsePrice(symbol, price));
    }
  } else if (doc && typeof doc === 'object') {
    for (const [symbol, price] of Object.entries(doc)) out.set(symbol, parsePrice(symbol, price));
  } else {
    throw new Error('prices must be a JSON object or array');
  }
  return out;
}

/** Reads prices from CSV lines `symbol,price`; a header line and `#` comments are skipped. */
export function parseCsvPrices(text: string): PriceMap {
  const out: PriceMap = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length < 2) throw new Error(`line ${i + 1}: expected "symbol,price"`);
    const [symbol, price] = cells;
    if (i === 0 && !/^\d/.test(price)) return; // a header
    out.set(symbol, parsePrice(symbol, price));
  });
  return out;
}

/** Prices from a JSON or CSV file, read again every round (so another process can update it). */
export class FileSource implements PriceSource {
  readonly description: string;
  constructor(private readonly path: string, private readonly format: 'json' | 'csv' = path.toLowerCase().endsWith('.csv') ? 'csv' : 'json') {
    this.description = `${format} file ${path}`;
  }
  async fetch(_symbols: string[] = []): Promise<PriceMap> {
    const text = await readFile(this.path, 'utf8');
    return this.format === 'csv' ? parseCsvPrices(text) : parseJsonPrices(text);
  }
}

/** Prices from an HTTP endpoint answering JSON (the shapes `parseJsonPrices` reads). */
export class HttpSource implements PriceSource {
  readonly description: string;
  constructor(private readonly url: string, private readonly timeoutMs = 5_000, private readonly headers: Record<string, string> = {}) {
    this.description = `HTTP ${url}`;
  }
  async fetch(_symbols: string[] = []): Promise<PriceMap> {
    const res = await fetch(this.url, { headers: { accept: 'application/json', ...this.headers }, signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${this.url}`);
    // Bounded: refuse an answer over 1 MiB.
    const text = await res.text();
    if (text.length > 1 << 20) throw new Error(`answer from ${this.url} is over 1 MiB`);
    return parseJsonPrices(text);
  }
}

/** Starting prices of the random walk, by symbol; others start at 100 UST. */
export const DEFAULT_START: Record<string, string> = {
  MIR: '1.5', mAAPL: '180', mTSLA: '250', mGOOGL: '140', mNFLX: '480', mMSFT: '420', mBTC: '60000',
};

/**
 * A deterministic random walk for dev chains: each round every price moves by at most ±`step`
 * (0.005 = 0.5 %) and stays within [`band[0]`, `band[1]`] × its start. The same seed gives the
 * same prices.
 */
export class RandomWalkSource implements PriceSource {
  readonly description: string;
  private state: number;
  private readonly prices = new Map<string, number>();
  constructor(
    seed = 42,
    private readonly step = 0.005,
    private readonly band: [number, number] = [0.5, 2],
    private readonly start: Record<string, string> = DEFAULT_START,
  ) {
    this.state = seed >>> 0 || 1;
    this.description = `random walk (seed ${seed}, step ±${step * 100} %)`;
  }
  private random(): number {
    // xorshift32
    let s = this.state;
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    this.state = s;
    return s / 0xffff_ffff;
  }
  private startOf(symbol: string): number {
    return fixedToNumber(toFixed(this.start[symbol] ?? '100'));
  }
  async fetch(symbols: string[]): Promise<PriceMap> {
    const out: PriceMap = new Map();
    // Bounded memory: only the symbols asked for are kept.
    for (const known of [...this.prices.keys()]) if (!symbols.includes(known)) this.prices.delete(known);
    for (const symbol of [...symbols].sort()) {
      const start = this.startOf(symbol);
      const previous = this.prices.get(symbol);
      let price = start;
      if (previous !== undefined) {
        const moved = previous * (1 + (this.random() * 2 - 1) * this.step);
        price = Math.min(start * this.band[1], Math.max(start * this.band[0], moved));
      }
      this.prices.set(symbol, price);
      out.set(symbol, fixedFromNumber(Number(price.toPrecision(10))));
    }
    return out;
  }
}

/** A constant price map (tests, or pinning prices on a dev chain). */
export class FixedSource implements PriceSource {
  readonly description = 'fixed prices';
  constructor(private readonly prices: Record<string, string>) {}
  async fetch(_symbols: string[] = []): Promise<PriceMap> {
    return new Map(Object.entries(this.prices).map(([s, p]) => [s, toFixed(p)]));
  }
}

/**
 * A source from its spec: `random-walk[:seed]`, `file:<path>` (JSON or CSV by extension),
 * `http:<url>` / `https:<url>`, or an object `{ type, ... }` from a config file.
 */
export function sourceFromSpec(spec: string | Record<string, unknown>): PriceSource {
  if (typeof spec === 'string') {
    if (spec === 'random-walk') return new RandomWalkSource();
    if (spec.startsWith('random-walk:')) return new RandomWalkSource(Number(spec.slice(12)));
    if (spec.startsWith('file:')) return new FileSource(spec.slice(5));
    if (spec.startsWith('http://') || spec.startsWith('https://')) return new HttpSource(spec);
    throw new Error(`unknown price source "${spec}" (random-walk[:seed], file:<path>, http(s)://...)`);
  }
  switch (spec.type) {
    case 'random-walk':
      return new RandomWalkSource(
        spec.seed === undefined ? 42 : Number(spec.seed),
        spec.step === undefined ? 0.005 : Number(spec.step),
        Array.isArray(spec.band) ? [Number(spec.band[0]), Number(spec.band[1])] : [0.5, 2],
        { ...DEFAULT_START, ...((spec.start as Record<string, string>) ?? {}) },
      );
    case 'file':
      return new FileSource(String(spec.path), spec.format === 'csv' || spec.format === 'json' ? spec.format : undefined);
    case 'http':
      return new HttpSource(String(spec.url), spec.timeoutMs === undefined ? 5_000 : Number(spec.timeoutMs), (spec.headers as Record<string, string>) ?? {});
    case 'fixed':
      return new FixedSource(spec.prices as Record<string, string>);
    default:
      throw new Error(`unknown price source type "${String(spec.type)}"`);
  }
}

