import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  FileSource, HttpSource, RandomWalkSource, parseCsvPrices, parseJsonPrices, sourceFromSpec,
} from '../src/feeder/sources.js';
import { PriceFeeder } from '../src/feeder/feeder.js';
import { makeLogger } from '../src/cli.js';
import { toFixed } from '../src/units.js';
import { MirrorError, customInvalidCode, feedRefusal } from '../src/errors.js';
import type { MirrorClient } from '../src/client.js';
import type { Signer } from '../src/tx.js';

test('JSON prices: object, array, under "prices"; strings exact, numbers accepted', () => {
  assert.deepEqual(parseJsonPrices('{"mAAPL": "180.25", "MIR": 1.5}'), new Map([['mAAPL', toFixed('180.25')], ['MIR', toFixed('1.5')]]));
  assert.deepEqual(parseJsonPrices('[{"symbol": "mTSLA", "price": "250"}]'), new Map([['mTSLA', toFixed('250')]]));
  assert.deepEqual(parseJsonPrices('{"prices": {"mGOOGL": "140.000000000000000001"}}'), new Map([['mGOOGL', 140n * 10n ** 18n + 1n]]));
  assert.throws(() => parseJsonPrices('[{"price": 1}]'), /without a symbol/);
  assert.throws(() => parseJsonPrices('{"mAAPL": true}'), /not a number/);
  assert.throws(() => parseJsonPrices('{"mAAPL": "-3"}'), /not a non-negative decimal/);
  assert.throws(() => parseJsonPrices('7'), /object or array/);
});

test('CSV prices: header and comments skipped, quotes stripped', () => {
  const csv = 'symbol,price\n# a comment\nmAAPL,180.5\r\n"MIR","1.25"\n\n';
  assert.deepEqual(parseCsvPrices(csv), new Map([['mAAPL', toFixed('180.5')], ['MIR', toFixed('1.25')]]));
  assert.deepEqual(parseCsvPrices('mAAPL,1'), new Map([['mAAPL', toFixed('1')]]), 'no header');
  assert.throws(() => parseCsvPrices('mAAPL'), /line 1/);
  assert.throws(() => parseCsvPrices('symbol,price\nmAAPL,abc'), /not a non-negative decimal/);
});

test('a file source reads the file again every round', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'feeder-'));
  const file = path.join(dir, 'prices.csv');
  writeFileSync(file, 'mAAPL,100\n');
  const source = sourceFromSpec(`file:${file}`);
  assert.ok(source instanceof FileSource);
  assert.equal((await source.fetch([])).get('mAAPL'), toFixed('100'));
  writeFileSync(file, 'mAAPL,101\n');
  assert.equal((await source.fetch([])).get('mAAPL'), toFixed('101'));
  const json = path.join(dir, 'p.json');
  writeFileSync(json, '{"MIR": "2"}');
  assert.equal((await new FileSource(json).fetch()).get('MIR'), toFixed('2'));
  await assert.rejects(new FileSource(path.join(dir, 'missing.json')).fetch(), /ENOENT/);
});

test('an HTTP source reads JSON and reports HTTP errors', async () => {
  let status = 200;
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ prices: [{ symbol: 'mAAPL', price: '181' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  try {
    const source = sourceFromSpec(`http://127.0.0.1:${port}/prices`);
    assert.ok(source instanceof HttpSource);
    assert.equal((await source.fetch([])).get('mAAPL'), toFixed('181'));
    status = 503;
    await assert.rejects(source.fetch([]), /HTTP 503/);
  } finally {
    server.close();
  }
});

test('the random walk is deterministic, bounded, and starts at the known prices', async () => {
  const a = new RandomWalkSource(7);
  const b = new RandomWalkSource(7);
  const c = new RandomWalkSource(8);
  const symbols = ['mAAPL', 'MIR', 'mNEW'];
  const first = await a.fetch(symbols);
  assert.equal(first.get('mAAPL'), toFixed('180'));
  assert.equal(first.get('MIR'), toFixed('1.5'));
  assert.equal(first.get('mNEW'), toFixed('100'));
  await b.fetch(symbols);
  await c.fetch(symbols);
  let differs = false;
  for (let i = 0; i < 2_000; i++) {
    const pa = await a.fetch(symbols);
    const pb = await b.fetch(symbols);
    const pc = await c.fetch(symbols);
    assert.deepEqual(pa, pb, 'same seed, same walk');
    if (pa.get('mAAPL') !== pc.get('mAAPL')) differs = true;
    const aapl = pa.get('mAAPL')!;
    assert.ok(aapl >= toFixed('90') && aapl <= toFixed('360'), `within the band: ${aapl}`);
  }
  assert.ok(differs, 'another seed walks elsewhere');
  // A symbol no longer asked for is forgotten (bounded memory) and restarts at its start price.
  await a.fetch(['MIR']);
  assert.equal((await a.fetch(['mAAPL'])).get('mAAPL'), toFixed('180'));
});

test('source specs: unknown ones are refused', () => {
  assert.throws(() => sourceFromSpec('ftp://x'), /unknown price source/);
  assert.throws(() => sourceFromSpec({ type: 'carrier-pigeon' }), /unknown price source type/);
  assert.ok(sourceFromSpec({ type: 'random-walk', seed: 3, step: 0.01, band: [0.9, 1.1] }) instanceof RandomWalkSource);
});

/** A client double: the feeder only needs these four methods. */
function fakeClient(failFirstSends: number, events: unknown[] = []) {
  const sent: [unknown, bigint][][] = [];
  let failures = failFirstSends;
  const client = {
    oracle: {
      assetsFedBy: async () => ['MIR', 101, 103],
      feedPrices: (prices: [unknown, bigint][]) => ({
        send: async () => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('pool full');
          }
          sent.push(prices);
          return { blockHash: '0x00', blockNumber: sent.length, events };
        },
      }),
    },
    symbol: async (a: unknown) => (a === 'MIR' ? 'MIR' : a === 101 ? 'mAAPL' : 'mTSLA'),
  };
  return { client: client as unknown as MirrorClient, sent };
}
const signer = { address: '5FeederAddress' } as unknown as Signer;
const quiet = () => {
  const lines: string[] = [];
  return { log: makeLogger('test', false, (l) => lines.push(l)), lines };
};
const opts = { everyBlocks: 1, retries: 3, retryDelayMs: 1, refreshRounds: 20, healthEvery: 1 };

test('a feeder round feeds every asset the source prices, and says which it could not', async () => {
  const { client, sent } = fakeClient(0);
  const { log, lines } = quiet();
  const source = { description: 'test', fetch: async () => new Map([['MIR', 2n], ['mAAPL', 3n]]) };
  const feeder = new PriceFeeder(client, signer, source, log, opts);
  assert.equal(await feeder.round(), 2);
  assert.deepEqual(sent, [[['MIR', 2n], [101, 3n]]]);
  assert.ok(lines.some((l) => l.includes('WARN no price for mTSLA')), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('health ok rounds=1 feeds=2 failures=0')), lines.join('\n'));
});

test('a feed the circuit breaker holds or rejects is reported and is no failure', async () => {
  const ONE = 10n ** 18n;
  const events = [
    { section: 'oracle', method: 'FeedPending', data: { asset: 101, feeder: '5FeederAddress', price: 300n * ONE, reference: 180n * ONE } },
    { section: 'oracle', method: 'FeedRejected', data: { asset: 103, feeder: '5FeederAddress', price: 10n ** 30n, reason: 'TooFarFromLastMedian' } },
    { section: 'oracle', method: 'PendingConfirmed', data: { asset: 'MIR', feeds: 1, median: ONE } },
    // Another feeder's outcome in the same block is not this feeder's business.
    { section: 'oracle', method: 'FeedRejected', data: { asset: 101, feeder: '5Other', price: ONE, reason: 'OutOfRange' } },
  ];
  const { client } = fakeClient(0, events);
  const { log, lines } = quiet();
  const source = { description: 'test', fetch: async () => new Map([['MIR', ONE], ['mAAPL', 300n * ONE], ['mTSLA', 10n ** 30n]]) };
  const feeder = new PriceFeeder(client, signer, source, log, opts);
  assert.equal(await feeder.round(), 3);
  assert.equal(feeder.health.failures, 0);
  assert.ok(lines.some((l) => l.includes('mAAPL=300 held as pending (reference 180)')), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('WARN mTSLA=') && l.includes('TooFarFromLastMedian')), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('MIR: pending move confirmed by 1 feed(s), median 1')), lines.join('\n'));
  assert.ok(!lines.some((l) => l.includes('OutOfRange')), lines.join('\n'));
});

test('a feeder retries a failed transaction, then reports a degraded health', async () => {
  const source = { description: 'test', fetch: async () => new Map([['MIR', 2n]]) };
  const ok = fakeClient(2);
  const first = quiet();
  const feeder = new PriceFeeder(ok.client, signer, source, first.log, opts);
  assert.equal(await feeder.round(), 1, 'third try succeeds');
  assert.equal(first.lines.filter((l) => l.includes('feed failed')).length, 2);

  const bad = fakeClient(100);
  const second = quiet();
  const failing = new PriceFeeder(bad.client, signer, source, second.log, opts);
  assert.equal(await failing.round(), 0);
  assert.equal(await failing.round(), 0);
  assert.equal(failing.health.failures, 2);
  assert.equal(failing.health.consecutiveFailures, 2);
  assert.match(failing.healthLine(), /^health degraded rounds=2 feeds=0 failures=2 consecutive_failures=2/);
  assert.equal(bad.sent.length, 0);
});

test('a failing source is retried and then counted as a failed round', async () => {
  let calls = 0;
  const source = { description: 'flaky', fetch: async () => { calls += 1; throw new Error('timeout'); } };
  const { client, sent } = fakeClient(0);
  const { log, lines } = quiet();
  const feeder = new PriceFeeder(client, signer, source, log, opts);
  assert.equal(await feeder.round(), 0);
  assert.equal(calls, 3);
  assert.equal(sent.length, 0);
  assert.ok(lines.some((l) => l.includes('ERROR round 1 failed: timeout')));
});

/** A client double whose sends the node refuses before the pool with `Custom error: code`. */
function refusingClient(code: number, refusals = Infinity) {
  let sends = 0;
  let lookups = 0;
  let left = refusals;
  const client = {
    oracle: {
      assetsFedBy: async () => { lookups += 1; return ['MIR']; },
      feedPrices: () => ({
        send: async () => {
          sends += 1;
          if (left > 0) {
            left -= 1;
            // What MirrorTx.send rejects with when author_submitExtrinsic answers 1010.
            throw new MirrorError(null, 'InvalidTransaction', `1010: Invalid Transaction: Custom error: ${code}`);
          }
          return { blockHash: '0x00', blockNumber: 7, events: [] };
        },
      }),
    },
    symbol: async () => 'MIR',
  };
  return { client: client as unknown as MirrorClient, sends: () => sends, lookups: () => lookups };
}

test('pool refusals decode to the oracle error the feed would fail with', () => {
  const refused = (code: number) => new MirrorError(null, 'InvalidTransaction', `1010: Invalid Transaction: Custom error: ${code}`);
  assert.equal(customInvalidCode(refused(5)), 5);
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((c) => feedRefusal(refused(c))),
    ['EmptyFeed', 'DuplicateAsset', 'ZeroPrice', 'UnknownAsset', 'NotFeeder', 'AlreadyFed', 'TooManyFeedsInBlock']);
  assert.equal(feedRefusal(refused(42)), 'Custom(42)');
  assert.equal(feedRefusal(new MirrorError(null, 'InvalidTransaction', '1014: Priority is too low')), null);
  assert.equal(feedRefusal(new MirrorError(null, 'TransactionInvalid', 'oracle.feedPrices')), null);
  assert.equal(feedRefusal(new Error('Custom error: 5')), null, 'only a refused transaction counts');
});

test('a feed refused as already fed in this block is not retried and is no failure', async () => {
  const source = { description: 'test', fetch: async () => new Map([['MIR', 2n]]) };
  for (const code of [6, 7]) {
    const { client, sends } = refusingClient(code, 1);
    const { log, lines } = quiet();
    const feeder = new PriceFeeder(client, signer, source, log, opts);
    assert.equal(await feeder.round(), 0, 'nothing fed this round');
    assert.equal(sends(), 1, 'no retry within the round');
    assert.equal(feeder.health.failures, 0);
    assert.equal(feeder.health.refused, 1);
    assert.equal(feeder.health.lastSuccessAt, null, 'a round that fed nothing is no success');
    const reason = code === 6 ? 'AlreadyFed' : 'TooManyFeedsInBlock';
    assert.ok(lines.some((l) => l.includes(`WARN feed of MIR refused by the node (oracle.${reason})`)), lines.join('\n'));
    assert.ok(lines.some((l) => /health ok rounds=1 feeds=0 failures=0 consecutive_failures=0 assets=1 refused=1 /.test(l)), lines.join('\n'));
    // The next round (a later block) feeds.
    assert.equal(await feeder.round(), 1);
    assert.equal(sends(), 2);
    assert.ok(feeder.health.lastSuccessAt !== null);
  }
});

test('a feed refused as not the feeder fails the round at once and the next round looks again', async () => {
  const source = { description: 'test', fetch: async () => new Map([['MIR', 2n]]) };
  const { client, sends, lookups } = refusingClient(5, 1);
  const { log, lines } = quiet();
  const feeder = new PriceFeeder(client, signer, source, log, { ...opts, refreshRounds: 1_000 });
  assert.equal(await feeder.round(), 0);
  assert.equal(sends(), 1, 'not retried: it would be refused again');
  assert.equal(feeder.health.failures, 1);
  assert.equal(feeder.health.lastError, 'feed refused by the node: oracle.NotFeeder');
  assert.ok(lines.some((l) => l.includes('ERROR round 1 failed: feed refused by the node: oracle.NotFeeder')), lines.join('\n'));
  assert.equal(lookups(), 1);
  assert.equal(await feeder.round(), 1);
  assert.equal(lookups(), 2, 'the registrations were looked up again');
  assert.equal(feeder.health.consecutiveFailures, 0);
});
