// A running bot that loses its node says so once, reconnects with backoff, says so once more and
// goes on working. mirror-feeder feeds a dev node; the node stops (Ctrl-C) and comes back on the
// same port with the same database; the feeder's next feed lands on it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevNode, freePort, waitFor } from '../lib/node.mjs';
import { startBot } from '../lib/bots.mjs';
import { DEV_FEEDER_SURI, MAAPL } from '../lib/constants.mjs';

const basePath = mkdtempSync(path.join(tmpdir(), 'mirror-reconnect-'));
let node;
let feeder;
after(async () => {
  if (feeder) await feeder.stop();
  if (node) await node.stop();
  rmSync(basePath, { recursive: true, force: true });
});

/** When mAAPL's median last moved (chain seconds), as the OracleApi reports it. */
async function lastFeedTime(api) {
  const info = (await api.call.oracleApi.price(MAAPL, 600)).unwrap();
  return info.price.isOk ? info.price.asOk.updatedAt.toBigInt() : 0n;
}

test('mirror-feeder reconnects to a node that went away and feeds it again', async () => {
  const rpcPort = await freePort();
  const chainArgs = ['--dev', '--base-path', basePath];
  node = await startDevNode({ chainArgs, rpcPort });
  feeder = startBot('mirror-feeder', ['--url', node.url, '--suri', DEV_FEEDER_SURI,
    '--source', 'random-walk:7', '--every', '1', '--health-every', '1']);
  await feeder.waitForLine(/health ok rounds=\d+ feeds=[1-9]/, 90_000);

  // The node stops: one line, not one a second.
  const stopped = await node.stop();
  node = null;
  assert.equal(stopped.code, 0);
  await feeder.waitForLine(/disconnected from ws:\/\/127\.0\.0\.1:\d+, reconnecting/, 30_000);

  // Back on the same port with the same chain: one line, with the attempts and the time away.
  node = await startDevNode({ chainArgs, rpcPort });
  const back = await feeder.waitForLine(/reconnected to ws:\/\/127\.0\.0\.1:\d+ after .* \(\d+ attempts?\)/, 60_000);
  // One line for the loss in all the time away (the feeder's last 500 lines cover this test).
  assert.ok(feeder.lines.length < 500, 'the line buffer still holds the whole test');
  const losses = feeder.lines.filter((l) => /disconnected|reconnecting/.test(l));
  assert.equal(losses.length, 1, `the feeder repeated itself while the node was away (${back}):\n${losses.join('\n')}`);

  // And it feeds the restarted node.
  const before = await lastFeedTime(node.api);
  await waitFor(async () => (await lastFeedTime(node.api)) > before, { timeoutMs: 60_000, what: 'a feed after the reconnection' });
  assert.equal(feeder.lines.filter((l) => l.includes('reconnected to')).length, 1);
});
