import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backoffDelayMs, ConnectionNotices, type ConnectionEvent, ReconnectingWsProvider } from '../src/connection.js';
import { MirrorClient } from '../src/client.js';
import { MirrorError } from '../src/errors.js';

/** A port nobody listens on (the OS's pick of a free one, released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once `cond()` holds, polling every 10 ms; rejects after `ms`. */
async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Answers a client's close frame with one of its own (the closing handshake a client waits for),
 * ignoring every other frame; `pending` holds a partial frame until the rest arrives.
 */
function closeHandshake(socket: Duplex): void {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const opcode = pending[0] & 0x0f;
      let len = pending[1] & 0x7f;
      let at = 2;
      if (len === 126) {
        if (pending.length < 4) return;
        len = pending.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (pending.length < 10) return;
        len = Number(pending.readBigUInt64BE(2));
        at = 10;
      }
      if (pending[1] & 0x80) at += 4; // the client's mask
      if (pending.length < at + len) return;
      pending = pending.subarray(at + len);
      if (opcode === 0x8) socket.end(Buffer.from([0x88, 0x00]));
    }
  });
}

/**
 * A WebSocket server that only accepts connections (the handshake and the closing handshake,
 * nothing in between): enough for a provider to connect, to be closed, and to lose its connection
 * when `drop()` cuts the sockets.
 */
class BareWsServer {
  readonly sockets = new Set<Duplex>();
  accepted = 0;
  #server: Server | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer();
    server.on('upgrade', (req, socket: Duplex) => {
      const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      socket.on('error', () => { /* cut by drop() */ });
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      closeHandshake(socket);
      this.sockets.add(socket);
      this.accepted += 1;
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
  }

  /** Cuts every connection (the client sees an abnormal closure). */
  drop(): void {
    for (const s of this.sockets) s.destroy();
  }

  /** Cuts every connection and stops listening: attempts are refused. */
  async stop(): Promise<void> {
    this.drop();
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Runs `f` with console.error/warn/log captured; returns what they printed. */
async function captureConsole(f: () => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const keep = (...args: unknown[]) => { printed.push(args.map(String).join(' ')); };
  console.error = keep;
  console.warn = keep;
  console.log = keep;
  try {
    await f();
  } finally {
    Object.assign(console, saved);
  }
  return printed;
}

test('backoff: 1 s doubling to a 30 s cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelayMs(n)), [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  assert.equal(backoffDelayMs(0), 1_000);
  assert.deepEqual([1, 2, 3].map((n) => backoffDelayMs(n, 20, 50)), [20, 40, 50]);
});

test('notices: one line per loss and one per return, none for start-up or failed attempts', () => {
  const n = new ConnectionNotices('ws://node:9944');
  // Start-up attempts that fail, then the first connection: nothing to tell.
  assert.equal(n.disconnected(0), null);
  assert.equal(n.disconnected(1_000), null);
  assert.equal(n.hasConnected, false);
  assert.equal(n.connected(2_000), null);
  assert.equal(n.connected(2_500), null, 'a second open is no news');
  // The loss: one line.
  const lost = n.disconnected(10_000);
  assert.equal(lost?.kind, 'disconnected');
  assert.equal(lost?.message, 'disconnected from ws://node:9944, reconnecting');
  // Failed attempts while away: silent.
  for (const t of [11_000, 13_000, 17_000]) assert.equal(n.disconnected(t), null);
  // The return: one line, with the attempts and the time away.
  const back = n.connected(25_000);
  assert.equal(back?.kind, 'reconnected');
  assert.equal(back?.attempts, 4);
  assert.equal(back?.downMs, 15_000);
  assert.equal(back?.message, 'reconnected to ws://node:9944 after 15 s (4 attempts)');
  // A second loss is told again, and a return at the first attempt says so.
  assert.equal(n.disconnected(30_000)?.kind, 'disconnected');
  assert.equal(n.connected(31_200)?.message, 'reconnected to ws://node:9944 after 1.2 s (1 attempt)');
});

test('ReconnectingWsProvider: a lost node is one line, its return another, and @polkadot/api prints nothing', async () => {
  const server = new BareWsServer(await freePort());
  await server.start();
  const events: ConnectionEvent[] = [];
  const printed = await captureConsole(async () => {
    const p = new ReconnectingWsProvider(server.url, { minDelayMs: 20, maxDelayMs: 80, onEvent: (e) => events.push(e) });
    try {
      await until(() => p.isConnected, 5_000, 'the first connection');
      assert.equal(events.length, 0, 'the first connection is no news');

      // The node goes away and refuses several attempts (each failed attempt is silent).
      await server.stop();
      await until(() => events.length === 1, 5_000, 'the disconnect notice');
      assert.equal(events[0].kind, 'disconnected');
      assert.equal(events[0].message, `disconnected from ${server.url}, reconnecting`);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(events.length, 1, 'failed attempts are not told');

      // It comes back: one notice.
      await server.start();
      await until(() => p.isConnected && events.length === 2, 5_000, 'the reconnect notice');
      assert.equal(events[1].kind, 'reconnected');
      assert.ok(events[1].attempts > 1, `took ${events[1].attempts} attempts`);
      assert.match(events[1].message, new RegExp(`^reconnected to ${server.url} after [0-9.]+ s \\(\\d+ attempts\\)$`));

      // A connection cut while the server still listens: one line each way again.
      server.drop();
      await until(() => p.isConnected && events.length === 4, 5_000, 'the second loss and return');
      assert.deepEqual(events.slice(2).map((e) => e.kind), ['disconnected', 'reconnected']);
      // An asked-for disconnect is neither told nor followed by a reconnection.
      await p.disconnect();
      await until(() => !p.isConnected, 5_000, 'the socket closed');
      const accepted = server.accepted;
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(events.length, 4);
      assert.equal(p.isConnected, false);
      assert.equal(server.accepted, accepted);
    } finally {
      await p.disconnect();
      await server.stop();
    }
  });
  assert.deepEqual(printed, [], 'nothing printed by the provider itself');
});

test('MirrorClient.connect: an unreachable node is a ConnectTimeout naming the URL, and nothing is left running', async () => {
  const url = `ws://127.0.0.1:${await freePort()}`;
  const started = Date.now();
  const printed = await captureConsole(async () => {
    await assert.rejects(MirrorClient.connect(url, { timeoutMs: 600 }), (e: unknown) => {
      assert.ok(e instanceof MirrorError);
      assert.ok(e.is('ConnectTimeout'));
      assert.equal(e.docs, `cannot reach ${url} within 0.6 s: is mirror-node running?`);
      return true;
    });
  });
  assert.ok(Date.now() - started < 5_000);
  assert.deepEqual(printed, [], 'no line per failed attempt');

  // In a process of its own, nothing must keep node alive after the rejection.
  const client = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'client.js');
  const script = `import(${JSON.stringify(client)}).then(({ MirrorClient }) => MirrorClient.connect(${JSON.stringify(url)}, { timeoutMs: 500 })).catch((e) => console.log(e.docs));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
  assert.equal(r.signal, null, 'the process exited by itself');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `cannot reach ${url} within 0.5 s: is mirror-node running?`);
});

test('MirrorClient.connect: a node that answers but never loads is a ConnectTimeout that says so', async () => {
  const server = new BareWsServer(await freePort());
  await server.start();
  try {
    // (@polkadot/api logs the requests the close cut short: kept out of the test's output.)
    await captureConsole(async () => {
      await assert.rejects(MirrorClient.connect(server.url, { timeoutMs: 500 }), (e: unknown) => {
        assert.ok(e instanceof MirrorError && e.is('ConnectTimeout'));
        assert.equal(e.docs, `${server.url} answered, but the chain's metadata did not load within 0.5 s`);
        return true;
      });
      // The timeout closed the connection it had made.
      await until(() => server.sockets.size === 0, 5_000, 'the socket closed');
    });
  } finally {
    await server.stop();
  }
});
