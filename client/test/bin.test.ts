import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/bin.test.js → dist/src/bin/
const bin = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'bin', `${name}.js`);
const run = (name: string, args: string[], timeout = 30_000) => spawnSync(process.execPath, [bin(name), ...args], { encoding: 'utf8', timeout });

/** A port nobody listens on (the OS's pick of a free one, released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** How many times `needle` occurs in `text`. */
const count = (text: string, needle: string | RegExp) => text.split(needle).length - 1;

for (const name of ['mirror-feeder', 'mirror-keeper']) {
  test(`${name} --help documents its options and exits 0`, () => {
    const r = run(name, ['--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${name} — `));
    for (const option of ['--config', '--url', '--connect-timeout', '--suri', '--every', '--once', '--quiet']) assert.ok(r.stdout.includes(option), `${option} missing`);
  });

  test(`${name} refuses unknown options and bad config files with exit 2`, () => {
    const bogus = run(name, ['--bogus', '1']);
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /unknown option --bogus/);
    const missing = run(name, ['--config', '/nonexistent/config.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read config \/nonexistent\/config.json/);
    const dir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    const file = path.join(dir, 'c.json');
    writeFileSync(file, '[1, 2]');
    const notObject = run(name, ['--config', file]);
    assert.equal(notObject.status, 2);
    assert.match(notObject.stderr, /must be a JSON object/);
  });

  test(`${name} --once gives up on an unreachable node after --connect-timeout, with one clear line`, async () => {
    const url = `ws://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    // Bounded: killed (and failed below) if still running after 20 s.
    const r = run(name, ['--once', '--url', url, '--suri', '//Alice', '--connect-timeout', '2'], 20_000);
    const output = `${r.stdout}${r.stderr}`;
    assert.equal(r.signal, null, `still running after 20 s:\n${output}`);
    assert.equal(r.status, 2, output);
    assert.ok(Date.now() - started >= 2_000, 'it waited the timeout');
    const message = `${name}: cannot reach ${url} within 2 s: is mirror-node running?`;
    assert.equal(count(r.stderr, message), 1, output);
    assert.ok(count(output, /disconnected/) <= 2, `disconnect lines:\n${output}`);
    assert.ok(!output.includes('API-WS'), `@polkadot/api's own lines:\n${output}`);
  });

  test(`${name} takes --connect-timeout from its config file and refuses a bad one`, async () => {
    const url = `ws://127.0.0.1:${await freePort()}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    const file = path.join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ url, 'connect-timeout': 1, once: true }));
    const r = run(name, ['--config', file], 20_000);
    assert.equal(r.signal, null, 'still running after 20 s');
    assert.equal(r.status, 2, r.stderr);
    assert.equal(count(r.stderr, `cannot reach ${url} within 1 s`), 1, r.stderr);
    const bad = run(name, ['--connect-timeout', 'soon']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--connect-timeout must be a non-negative number, not "soon"/);
  });
}

test('mirror-feeder refuses an unknown price source before connecting', () => {
  const r = run('mirror-feeder', ['--source', 'ftp://prices']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown price source "ftp:\/\/prices"/);
});

test('mirror-keeper refuses a malformed minimum profit before connecting', () => {
  const r = run('mirror-keeper', ['--min-profit', '1.0000001']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /more than 6 decimals/);
});
