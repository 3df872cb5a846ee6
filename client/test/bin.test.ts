import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/bin.test.js → dist/src/bin/
const bin = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'bin', `${name}.js`);
const run = (name: string, args: string[]) => spawnSync(process.execPath, [bin(name), ...args], { encoding: 'utf8', timeout: 30_000 });

for (const name of ['mirror-feeder', 'mirror-keeper']) {
  test(`${name} --help documents its options and exits 0`, () => {
    const r = run(name, ['--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${name} — `));
    for (const option of ['--config', '--url', '--suri', '--every', '--once', '--quiet']) assert.ok(r.stdout.includes(option), `${option} missing`);
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
