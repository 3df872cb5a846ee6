// Starts a real `mirror-node --dev --tmp` on free loopback ports and connects @polkadot/api to it.
// Every test file starts its own node and stops it in `after`; nothing is left running.
import { spawn } from 'node:child_process';
import { createServer, connect as tcpConnect } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @polkadot/api is imported when first needed, so a test that connects through the client (which
// brings its own copy) loads only one.

import { DEV_FEEDER_SURI } from './constants.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The node binary: $MIRROR_NODE, or the workspace's release build. */
export function nodeBinary() {
  const candidates = [
    process.env.MIRROR_NODE,
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'release', 'mirror-node'),
    path.join(here, '..', '..', 'target', 'release', 'mirror-node'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`mirror-node not found (tried ${candidates.join(', ')}): run make build`);
  return found;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set();
function killAll() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { killAll(); process.exit(130); });
}

/**
 * Starts a dev node and returns { api, keyring, alice, bob, ..., ferdie, feeder, stop }.
 * The node's log is kept in memory (bounded) and printed if start-up fails.
 * With `connect(url)` (resolving to an object with `disconnect()`, e.g. `MirrorClient.connect`),
 * that is what `api` holds, and no keyring is made.
 * `chainArgs` replaces `--dev --tmp` (e.g. `--chain spec.json --alice --tmp --force-authoring`);
 * `rpcPort` fixes the RPC port (to restart a node where its clients expect it).
 * With `onRpcReady({ url, send })`, that callback runs the moment the node's RPC answers a
 * WebSocket, before anything else talks to the node (`send(method, params)` is a raw JSON-RPC
 * call); what it resolves to is returned as `early.value`, what it throws as `early.error`.
 */
export async function startDevNode(options = {}) {
  // A node that never answers on its RPC port (seen once on a loaded 2-core CI machine, with
  // blocks being produced) is killed and started once more on fresh ports.
  try {
    return await startDevNodeOnce(options);
  } catch (e) {
    if (!String(e.message).startsWith('mirror-node did not answer')) throw e;
    console.error(`retrying node start-up: ${String(e.message).split('\n')[0]}`);
    return startDevNodeOnce(options);
  }
}

/**
 * The runtime's own transaction extensions, for @polkadot/api: `CheckFeed` (it refuses failing
 * `oracle.feedPrices` before the pool) carries no data in the extrinsic or the signed payload.
 */
export const SIGNED_EXTENSIONS = { CheckFeed: { extrinsic: {}, payload: {} } };

/** A connected WsProvider (no reconnection), or a rejection within `timeoutMs`. */
async function rawProvider(url, timeoutMs = 2000) {
  const { WsProvider } = await import('@polkadot/api');
  const provider = new WsProvider(url, false);
  try {
    await provider.connect();
    await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('connect timeout')), timeoutMs);
      provider.on('connected', () => { clearTimeout(t); resolve(); });
      provider.on('error', () => { clearTimeout(t); reject(new Error('ws error')); });
    });
  } catch (e) {
    await provider.disconnect().catch(() => {});
    throw e;
  }
  return provider;
}

async function defaultConnect(url) {
  const { ApiPromise } = await import('@polkadot/api');
  const provider = await rawProvider(url);
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true, signedExtensions: SIGNED_EXTENSIONS });
}

async function startDevNodeOnce({
  timeoutMs = 120_000, connect = null, onRpcReady = null, chainArgs = ['--dev', '--tmp'], rpcPort: fixedRpcPort = null,
} = {}) {
  const rpcPort = fixedRpcPort ?? await freePort();
  const p2pPort = await freePort();
  const args = [
    ...chainArgs,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ];
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child); });

  const url = `ws://127.0.0.1:${rpcPort}`;
  const deadline = Date.now() + timeoutMs;
  let early = null;
  if (onRpcReady) {
    // Poll fast: the point is to be first, before the node authors its first blocks.
    let provider = null;
    while (!provider) {
      if (exited) throw new Error(`mirror-node exited early (${JSON.stringify(exited)}):\n${log}`);
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`mirror-node did not answer on ${url}:\n${log}`); }
      try {
        await tcpProbe(rpcPort);
        provider = await rawProvider(url);
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    try {
      early = { value: await onRpcReady({ url, send: (method, params = []) => provider.send(method, params) }) };
    } catch (error) {
      early = { error };
    } finally {
      await provider.disconnect().catch(() => {});
    }
  }
  let api;
  while (!api) {
    if (exited) throw new Error(`mirror-node exited early (${JSON.stringify(exited)}):\n${log}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`mirror-node did not answer on ${url}:\n${log}`); }
    try {
      if (connect) {
        // The client reconnects (and logs) until it succeeds: only try once the port answers.
        await tcpProbe(rpcPort);
        api = await withTimeout(connect(url), 10_000);
      } else {
        api = await defaultConnect(url);
      }
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  let keyring = null;
  let accounts = {};
  if (!connect) {
    const { Keyring } = await import('@polkadot/api');
    const { cryptoWaitReady } = await import('@polkadot/util-crypto');
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    accounts = Object.fromEntries(
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
    );
    // The dev feeder: its own key, registered as every dev mAsset's and MIR's feeder.
    accounts.feeder = keyring.addFromUri(DEV_FEEDER_SURI);
  }

  /** Stops the node as Ctrl-C does (SIGINT; SIGKILL after 10 s); resolves with { code, signal }. */
  async function stop() {
    try { await api.disconnect(); } catch { /* ignore */ }
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(t);
    }
    return exited;
  }

  return { api, keyring, url, stop, early, log: () => log, ...accounts };
}

function tcpProbe(port) {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(); });
    socket.once('error', (e) => { socket.destroy(); reject(e); });
  });
}

function withTimeout(promise, ms) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error('connect timeout')), ms); }),
  ]).finally(() => clearTimeout(t));
}

/**
 * Signs and sends `tx`, resolves when it is in a block with { blockHash, events, dispatchError }.
 * A dispatch error is returned decoded (`section.name`), not thrown, so tests can assert on it.
 * `signOptions` go to `signAndSend` (e.g. `{ mode: 1, metadataHash }`).
 */
export function sendAndWait(api, tx, signer, { timeoutMs = 60_000, signOptions = {} } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); reject(new Error('transaction not included in time')); }, timeoutMs);
    tx.signAndSend(signer, signOptions, ({ status, events, dispatchError }) => {
      if (status.isInBlock || status.isFinalized) {
        clearTimeout(timer);
        unsub();
        let error = null;
        if (dispatchError) {
          if (dispatchError.isModule) {
            const meta = api.registry.findMetaError(dispatchError.asModule);
            error = `${meta.section}.${meta.name}`;
          } else {
            error = dispatchError.toString();
          }
        }
        resolve({ blockHash: status.isInBlock ? status.asInBlock : status.asFinalized, events, error });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer);
        unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }).catch((e) => { clearTimeout(timer); reject(e); });
  });
}

/** The events of `records` whose section and method match, e.g. findEvents(r, 'balances', 'Transfer'). */
export function findEvents(records, section, method) {
  return records.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event);
}

/** Waits until `predicate()` resolves truthy, polling every `everyMs`. */
export async function waitFor(predicate, { timeoutMs = 60_000, everyMs = 1000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
