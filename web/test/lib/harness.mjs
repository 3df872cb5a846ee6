// The browser-test harness: a dev node (as e2e/lib/node.mjs starts it), a static server for
// web/dist, and Debian's Chromium through playwright-core. Every wait is bounded.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as netServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MirrorClient, signerFromUri } from '@mirror-substrate/client';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB = path.resolve(here, '..', '..');
export const DIST = path.join(WEB, 'dist');

/** The node binary: $MIRROR_NODE, the shared cache's release build, or the workspace's. */
export function nodeBinary() {
  const candidates = [
    process.env.MIRROR_NODE,
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'release', 'mirror-node'),
    path.join(os.homedir(), '.cache', 'mirror-target', 'release', 'mirror-node'),
    path.join(WEB, '..', 'target', 'release', 'mirror-node'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`mirror-node not found (tried ${candidates.join(', ')})`);
  return found;
}

/** The Chromium to drive: $CHROMIUM, else Debian's. */
export function chromiumBinary() {
  return process.env.CHROMIUM ?? '/usr/bin/chromium';
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = netServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const children = new Set();
process.on('exit', () => { for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } } });

/** Starts `mirror-node --dev --tmp` and connects a MirrorClient: { url, client, stop }. */
export async function startNode({ timeoutMs = 120_000 } = {}) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const child = spawn(nodeBinary(), [
    '--dev', '--tmp', '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let log = '';
  const keep = (b) => { log = (log + b.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const gone = new Promise((r) => child.once('exit', (code, signal) => { exited = { code, signal }; children.delete(child); r(); }));
  const url = `ws://127.0.0.1:${rpcPort}`;
  const deadline = Date.now() + timeoutMs;
  let client = null;
  while (!client) {
    if (exited) throw new Error(`mirror-node exited (${JSON.stringify(exited)}):\n${log}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`mirror-node did not answer on ${url}:\n${log}`); }
    try {
      client = await MirrorClient.connect(url, { timeoutMs: 5_000, onConnection: () => {} });
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  async function stop() {
    await client.disconnect().catch(() => {});
    if (!exited) {
      child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(t);
    }
  }
  return { url, client, stop, log: () => log };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Serves web/dist on a free port: { base, close }. */
export async function serveDist(root = DIST) {
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html missing: run npm run build`);
  const server = createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(root, decodeURIComponent(u.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/** Headless Chromium with a fresh profile: { context, newPage(viewport), close }. Page errors are collected. */
export async function launchBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mirror-web-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumBinary(),
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const errors = [];
  context.on('page', (p) => watch(p));
  function watch(p) {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location()?.url ?? ''})`); });
    p.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  }
  for (const p of context.pages()) watch(p);
  return {
    context,
    errors,
    async page() { return context.pages()[0] ?? context.newPage(); },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The app's address for node `url` and route `route` (`trade`, `mint`, ...). */
export function appUrl(base, url, route) {
  return `${base}?rpc=${encodeURIComponent(url)}#/${route}`;
}

/** Waits until the page shows the chain (connected, first block read). */
export async function waitConnected(page, timeout = 60_000) {
  await page.getByTestId('block').waitFor({ timeout });
  await page.getByTestId('account').waitFor({ timeout });
}

/** Picks dev account `name` in the header. */
export async function useDevAccount(page, name) {
  await page.getByLabel('Account').selectOption(`dev:${name}`);
}

/** The `data-units` (base units) of the element with `testId`, once it has one. */
export async function unitsOf(page, testId, timeout = 30_000) {
  const el = page.locator(`[data-testid="${testId}"][data-units]`);
  await el.waitFor({ timeout });
  return BigInt(await el.getAttribute('data-units'));
}

/** Waits until the element with `testId` has `data-units` equal to `value` (a bigint); returns it. */
export async function waitUnits(page, testId, value, timeout = 30_000) {
  await page.locator(`[data-testid="${testId}"][data-units="${value}"]`).waitFor({ timeout });
  return value;
}

/** Waits for a TxPanel's status to reach one of `phases`; returns { phase, blockHash, text }. */
export async function waitTx(page, testId, phases = ['in-block', 'finalized', 'failed'], timeout = 90_000) {
  const sel = phases.map((p) => `[data-testid="${testId}-status"][data-phase="${p}"]`).join(', ');
  const el = page.locator(sel);
  await el.waitFor({ timeout });
  return { phase: await el.getAttribute('data-phase'), blockHash: await el.getAttribute('data-block-hash'), text: await el.innerText() };
}

/** Feeds dev prices (UST per unit) as the dev feeder (`//Feeder`). */
export async function feed(client, prices = [[101, '180'], [103, '250'], [105, '140'], ['MIR', '1.5']]) {
  const feeder = await signerFromUri('//Feeder');
  return client.oracle.feedPrices(prices).send(feeder);
}

export { MirrorClient, signerFromUri };
