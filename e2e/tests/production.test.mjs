// The production chain spec, as an operator uses it: export it, replace the placeholder validator
// and launch holder with real keys, start a node from the edited file. The chain it starts has no
// sudo key and mainnet parameters; the operator's validator authors and finalises blocks, and the
// launch holder (here Alice) can transact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevNode, nodeBinary, sendAndWait, findEvents, waitFor } from '../lib/node.mjs';

let ctx;
let spec;
const dir = mkdtempSync(path.join(tmpdir(), 'mirror-production-'));

before(async () => {
  spec = JSON.parse(
    execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'production'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  const { Keyring } = await import('@polkadot/api');
  const { cryptoWaitReady } = await import('@polkadot/util-crypto');
  await cryptoWaitReady();
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const ed = new Keyring({ type: 'ed25519', ss58Format: 42 });
  const patch = spec.genesis.runtimeGenesis.patch;
  // The operator's edits: Alice validates (Aura sr25519, GRANDPA ed25519) and holds the launch MIR.
  const placeholderHolder = sr.addFromUri('//Two').address;
  patch.aura.authorities = [sr.addFromUri('//Alice').address];
  patch.grandpa.authorities = [[ed.addFromUri('//Alice').address, 1]];
  patch.balances.balances = patch.balances.balances.map(([who, amount]) =>
    [who === placeholderHolder ? sr.addFromUri('//Alice').address : who, amount]);
  const file = path.join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec, null, 2));
  // A validator of a live chain needs a persisted network key: the operator makes one with
  // `key generate-node-key`; the test passes a fixed one.
  const nodeKey = '0000000000000000000000000000000000000000000000000000000000000001';
  ctx = await startDevNode({
    chainArgs: ['--chain', file, '--alice', '--tmp', '--force-authoring', '--node-key', nodeKey],
  });
});

after(async () => {
  await ctx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the exported production spec is a live chain without sudo, with placeholders to replace', () => {
  assert.equal(spec.chainType, 'Live');
  const patch = spec.genesis.runtimeGenesis.patch;
  assert.equal(patch.sudo.key, null);
  assert.equal(patch.mint.parameters.lock_period ?? patch.mint.parameters.lockPeriod, 1_209_600);
});

test('a node started from the edited spec authors and finalises blocks with no sudo key', async () => {
  const { api } = ctx;
  assert.equal((await api.rpc.system.chainType()).toString(), 'Live');
  assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
  await waitFor(
    async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= 2,
    { timeoutMs: 90_000, what: 'block 2 finalised' },
  );
  const ust = (await api.query.assets.asset(1)).unwrap();
  assert.equal(ust.supply.toBigInt(), 0n, 'UST exists without supply');
  assert.equal((await api.query.mint.parameters()).lockPeriod.toNumber(), 1_209_600);
});

test('the launch holder transacts on the production chain', async () => {
  const { api, alice, bob } = ctx;
  const r = await sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, 1_000_000n), alice);
  assert.equal(r.error, null);
  assert.equal(findEvents(r.events, 'balances', 'Transfer').length, 1);
  assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), 1_000_000n);
});
