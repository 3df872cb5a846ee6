// A second client: polkadot-api (PAPI) only, no @polkadot/api. PAPI's CLI generates descriptors
// from the running dev node into a temporary directory; through them the test reads a balance,
// calls the AmmApi and MintApi runtime APIs, signs a swap with an sr25519 dev key and waits for
// its finalisation.
//
// PAPI needs a global WebSocket: Node >= 22 has one; Node 20 only with --experimental-websocket.
// Its CLI is therefore run with that flag on Node 20, and this process (which cannot turn it on
// for itself) hands PAPI's provider the `ws` package's WebSocket instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { startDevNode } from '../lib/node.mjs';
import { UNIT, FIXED } from '../lib/constants.mjs';

const e2eDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const papiBin = path.join(e2eDir, 'node_modules', '.bin', 'papi');

// Assets in PAPI's shape: `NativeOrWithId<u32>` is an enum { type, value }.
const UST = { type: 'WithId', value: 1 };
const MAAPL = { type: 'WithId', value: 101 };

const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
function devAccount(uri) {
  const pair = derive(uri);
  return { address: ss58Address(pair.publicKey), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
}
const alice = devAccount('//Alice');
const bob = devAccount('//Bob');

let ctx; // startDevNode's: ctx.api is { client, disconnect }
let workDir;
let typedApi;

/** `promise`, or a rejection naming `what` after `ms`. */
function within(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

/** A PAPI client on `url` once it answers; on failure none is left behind. */
async function connectPapi(url) {
  const WebSocket = globalThis.WebSocket ?? (await import('ws')).WebSocket;
  const client = createClient(getWsProvider(url, { websocketClass: WebSocket }));
  try {
    await within(client.getFinalizedBlock(), 8_000, 'PAPI connection');
  } catch (e) {
    client.destroy();
    throw e;
  }
  return { client, disconnect: async () => client.destroy() };
}

/** Runs `node ...args` in `cwd`; resolves with its output, rejects on failure or after `timeoutMs`. */
function runNode(args, { cwd, timeoutMs }) {
  const env = { ...process.env };
  delete env.PAPI_SKIP_GENERATE;
  const flags = globalThis.WebSocket ? [] : ['--experimental-websocket'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out after ${timeoutMs / 1000} s:\n${out}`)); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`exited with ${code ?? signal}:\n${out}`));
    });
  });
}

before(async () => {
  ctx = await startDevNode({ connect: connectPapi });

  // A throw-away project: `.papi/` with a config that keeps the descriptors out of any
  // package.json (no `npm install` of them), and this suite's node_modules, from which the generated
  // code imports `polkadot-api`.
  workDir = await mkdtemp(path.join(tmpdir(), 'mirror-papi-'));
  await mkdir(path.join(workDir, '.papi'));
  await writeFile(path.join(workDir, '.papi', 'polkadot-api.json'), JSON.stringify({
    version: 0, descriptorPath: '.papi/descriptors', entries: {}, options: { noDescriptorsPackage: true },
  }));
  await symlink(path.join(e2eDir, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');

  const started = Date.now();
  const out = await runNode([papiBin, 'add', 'mirror', '--wsUrl', ctx.url], { cwd: workDir, timeoutMs: 180_000 });
  const index = path.join(workDir, '.papi', 'descriptors', 'dist', 'index.js');
  assert.ok(existsSync(index), `papi add produced no ${index}:\n${out}`);
  console.log(`papi add (metadata + descriptors): ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const { mirror } = await import(pathToFileURL(index).href);
  typedApi = ctx.api.client.getTypedApi(mirror);
});

after(async () => {
  if (ctx) await ctx.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test('PAPI reads a balance through the generated descriptors', async () => {
  const account = await within(typedApi.query.System.Account.getValue(alice.address), 30_000, 'System.Account');
  assert.equal(typeof account.data.free, 'bigint');
  assert.ok(account.data.free > 0n, `Alice's free balance is ${account.data.free}`);
});

test('PAPI calls the AmmApi and MintApi runtime APIs', async () => {
  const pool = await within(typedApi.apis.AmmApi.pool(MAAPL, UST), 30_000, 'AmmApi.pool');
  assert.ok(pool, 'no mAAPL-UST pool');
  assert.deepEqual([pool.asset_a, pool.asset_b], [UST, MAAPL]);
  assert.ok(pool.reserve_a > 0n && pool.reserve_b > 0n && pool.total_shares > 0n);

  const config = await within(typedApi.apis.MintApi.asset_config(MAAPL), 30_000, 'MintApi.asset_config');
  assert.ok(config, 'mAAPL is not listed in Mint');
  assert.equal(config.min_collateral_ratio, 15n * FIXED / 10n);
  assert.equal(config.auction_discount, FIXED / 5n);
  assert.equal(config.end_price, undefined);
  const parameters = await within(typedApi.apis.MintApi.parameters(), 30_000, 'MintApi.parameters');
  assert.equal(parameters.protocol_fee_rate, 15n * FIXED / 1000n);
});

test('PAPI signs a swap and waits for its finalisation', async () => {
  const offer = 1_800n * UNIT;
  const quote = await within(typedApi.apis.AmmApi.simulate_swap(UST, MAAPL, offer), 30_000, 'AmmApi.simulate_swap');
  assert.equal(quote.success, true);
  const expected = quote.value.return_amount;
  assert.ok(expected > 0n);

  const mAAPLOf = async (who, at = 'finalized') =>
    (await typedApi.query.Assets.Account.getValue(MAAPL.value, who, { at }))?.balance ?? 0n;
  const before = await mAAPLOf(bob.address);

  // Sell 1,800 UST for mAAPL believing 180 UST per mAAPL (offer per ask), max spread 5 %.
  const tx = typedApi.tx.Amm.swap({
    offer_asset: UST, ask_asset: MAAPL, offer_amount: offer,
    belief_price: 180n * FIXED, max_spread: FIXED * 5n / 100n, to: undefined,
  });
  const started = Date.now();
  const seen = [];
  const result = await within(new Promise((resolve, reject) => {
    const sub = tx.signSubmitAndWatch(bob.signer).subscribe({
      next: (ev) => {
        seen.push(ev.type);
        if (ev.type === 'finalized') { sub.unsubscribe(); resolve(ev); }
      },
      error: reject,
    });
  }), 120_000, 'the swap\'s finalisation');
  console.log(`swap: ${seen.join(' -> ')} in ${((Date.now() - started) / 1000).toFixed(1)} s (block #${result.block.number})`);

  assert.equal(result.ok, true, `swap failed: ${JSON.stringify(result.dispatchError)}`);
  const finalized = await typedApi.query.System.Number.getValue({ at: 'finalized' });
  assert.ok(finalized >= result.block.number);
  const [swapped] = typedApi.event.Amm.Swapped.filter(result.events);
  assert.ok(swapped, 'no Amm.Swapped event');
  assert.equal(swapped.payload.who, bob.address);
  assert.deepEqual([swapped.payload.offer_asset, swapped.payload.ask_asset], [UST, MAAPL]);
  assert.equal(swapped.payload.offer_amount, offer);
  assert.equal(swapped.payload.return_amount, expected);
  assert.equal(await mAAPLOf(bob.address, result.block.hash) - before, expected);
});
