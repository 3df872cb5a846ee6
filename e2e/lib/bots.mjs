// Runs the client's bots (mirror-feeder, mirror-keeper) as child processes, as an operator would,
// keeping their last output lines (bounded) so tests can wait for and assert on them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLIENT_DIR = path.join(here, '..', '..', 'client');

/** The client's compiled entry point (run `npm run build` in client/ first; `make test` does). */
export function clientModule() {
  const p = path.join(CLIENT_DIR, 'dist', 'src', 'index.js');
  if (!existsSync(p)) throw new Error(`${p} not found: build the client (cd client && npm run build)`);
  return p;
}

/** Starts `bin` (mirror-feeder or mirror-keeper) with `args`. */
export function startBot(bin, args, { maxLines = 500 } = {}) {
  const script = path.join(CLIENT_DIR, 'dist', 'src', 'bin', `${bin}.js`);
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const waiters = new Set();
  let partial = '';
  const onData = (chunk) => {
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop();
    for (const line of parts) {
      lines.push(line);
      if (lines.length > maxLines) lines.shift();
      for (const w of waiters) if (w.re.test(line)) { waiters.delete(w); w.resolve(line); }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exit = null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => { exit = { code, signal }; resolve(exit); }));
  process.on('exit', () => { if (!exit) child.kill('SIGKILL'); });

  return {
    lines,
    /** Resolves with the first line (already printed or to come) matching `re`. */
    waitForLine(re, timeoutMs = 120_000) {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { re, resolve: (l) => { clearTimeout(t); resolve(l); } };
        const t = setTimeout(() => { waiters.delete(w); reject(new Error(`${bin}: no line matching ${re} in ${timeoutMs} ms; last lines:\n${lines.slice(-20).join('\n')}`)); }, timeoutMs);
        waiters.add(w);
        exited.then(() => { if (waiters.delete(w)) { clearTimeout(t); reject(new Error(`${bin} exited ${JSON.stringify(exit)} before printing ${re}:\n${lines.slice(-20).join('\n')}`)); } });
      });
    },
    /** Sends `signal` and resolves with { code, signal } once it has exited (SIGKILL after 20 s). */
    async stop(signal = 'SIGTERM') {
      if (exit) return exit;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const result = await exited;
      clearTimeout(t);
      return result;
    },
    /** Resolves when it exits by itself. */
    exited,
  };
}

/** Runs a bot to completion (e.g. with --help or --once); resolves with { code, output }. */
export async function runBot(bin, args, timeoutMs = 60_000) {
  const bot = startBot(bin, args);
  const t = setTimeout(() => bot.stop('SIGKILL'), timeoutMs);
  const { code } = await bot.exited;
  clearTimeout(t);
  return { code, output: bot.lines.join('\n') };
}
