// The documentation's examples: every client/examples/NN-*.mjs (README.md and docs/user-guide.md
// show or link each one) runs as a reader would run it, as its own `node` process against one dev
// node with the dev feeder, one after another; and the copies embedded in the docs match the files.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startDevNode, waitFor } from '../lib/node.mjs';
import { CLIENT_DIR, startBot } from '../lib/bots.mjs';
import { DEV_FEEDER_SURI } from '../lib/constants.mjs';

const ROOT = path.join(CLIENT_DIR, '..');
const EXAMPLES = path.join(CLIENT_DIR, 'examples');
/**
 * Every example, in file order (the README's, then the user guide's), except that 06-factory runs
 * after 07-gov: the Factory distributes at most once a minute, so 06 (first, a minute after
 * genesis) and 14 (one more minute later) then find it due instead of waiting. Each example is
 * independent of the others, so any order passes; this one is the quickest.
 */
const FILES = readdirSync(EXAMPLES).filter((f) => /^\d\d-.+\.mjs$/.test(f)).sort();
if (FILES.includes('06-factory.mjs') && FILES.includes('07-gov.mjs')) {
  FILES.splice(FILES.indexOf('06-factory.mjs'), 1);
  FILES.splice(FILES.indexOf('07-gov.mjs') + 1, 0, '06-factory.mjs');
}
/** A line each example must print (beyond exiting 0), where it is cheap to say. */
const EXPECTED = {
  '01-transfer.mjs': /^Bob received 5 MIR and 100 UST$/m,
  '02-swap.mjs': /^Bob sold 1 mAAPL for [\d.]+ UST$/m,
  '03-mint.mjs': /^now [\d.]+ UST against [\d.]+ mAAPL: ratio/m,
  '04-short.mjs': /^liquidatable: false; auction of 1 mTSLA: refused, mint\.PositionSafelyCollateralized$/m,
  '05-lp-staking.mjs': /^Dave withdrew [\d.]+ MIR$/m,
  '06-factory.mjs': /^Bob distributed [\d.]+ MIR to \d+ reward pools$/m,
  '07-gov.mjs': /^poll \d+ is Executed$/m,
  '08-fees.mjs': /^Bob withdrew [\d.]+ MIR of voting rewards$/m,
  '12-client-mint.mjs': /^mint\.InsufficientCollateralRatio — /m,
  '15-client-liquidate.mjs': /^Ferdie burned [\d.]+ mGOOGL/m,
  '16-client-govern.mjs': /^poll \d+ executed: the protocol fee is 2 %$/m,
};
const TIMEOUT_MS = 150_000; // the longest, a poll's voting period and delay, take about a minute

test('README.md and docs/user-guide.md show the examples as they are', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-doc-examples.mjs')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

describe('the examples on a dev node with the dev feeder', () => {
  let ctx;
  let feeder;
  before(async () => {
    const started = Date.now();
    for (const f of Object.keys(EXPECTED)) assert.ok(FILES.includes(f), `${f} is gone from client/examples`);
    ctx = await startDevNode();
    const { api } = ctx;
    // Constant prices (the pools' genesis prices), so every run sees the same chain.
    feeder = startBot('mirror-feeder', ['--url', ctx.url, '--suri', DEV_FEEDER_SURI,
      '--source', `file:${path.join(EXAMPLES, 'prices.csv')}`, '--every', '2']);
    const assets = ['Native', { WithId: 101 }, { WithId: 103 }, { WithId: 105 }];
    await waitFor(async () => {
      const prices = await Promise.all(assets.map((a) => api.call.oracleApi.price(a, 60)));
      return prices.every((p) => p.isSome && p.unwrap().price.isOk);
    }, { timeoutMs: 90_000, what: `fresh prices from ${DEV_FEEDER_SURI}; feeder:\n${feeder.lines.slice(-10).join('\n')}` });
    console.log(`dev node and fresh prices after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  after(async () => {
    if (feeder) await feeder.stop();
    if (ctx) await ctx.stop();
  });

  for (const file of FILES) {
    test(file, { timeout: TIMEOUT_MS + 10_000 }, async (t) => {
      const { code, signal, output } = await runExample(file, ctx.url);
      assert.ok(code === 0, `${file} exited ${code ?? signal}:\n${output}`);
      for (const line of output.trimEnd().split('\n')) t.diagnostic(line);
      if (EXPECTED[file]) assert.match(output, EXPECTED[file], output);
    });
  }
});

/** Runs `node client/examples/<file>` with MIRROR_URL set; resolves with its exit and output. */
function runExample(file, url) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(EXAMPLES, file)], {
      cwd: ROOT, env: { ...process.env, MIRROR_URL: url }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => { output = (output + chunk.toString()).slice(-50_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => { output += `\n(killed after ${TIMEOUT_MS} ms)`; kill(); }, TIMEOUT_MS);
    process.once('exit', kill);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', kill);
      resolve({ code, signal, output });
    });
  });
}
