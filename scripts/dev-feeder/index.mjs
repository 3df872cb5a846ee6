#!/usr/bin/env node
// The dev chain's price feeder: every few blocks it feeds a bounded random walk of prices for every
// asset its key feeds (on the dev chain, //Alice feeds the dev mAssets and MIR), so minting works
// from the first minute. A full feeder with real sources comes with the client.
//
// Usage: node index.mjs [--url ws://127.0.0.1:9944] [--suri //Alice] [--every 2] [--seed 42] [--once]
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return acc;
}, []));
if (args.help) {
  console.log('node index.mjs [--url ws://127.0.0.1:9944] [--suri //Alice] [--every 2] [--seed 42] [--once]');
  process.exit(0);
}
const url = args.url ?? 'ws://127.0.0.1:9944';
const suri = args.suri ?? '//Alice';
const everyBlocks = Number(args.every ?? 2);
let seed = Number(args.seed ?? 42) >>> 0;

// Starting prices in UST, by asset symbol; anything else starts at 100.
const START = { MIR: 1.5, mAAPL: 180, mTSLA: 250, mGOOGL: 140, mNFLX: 480, mBTC: 60000 };
const STEP = 0.005; // each step moves a price by at most ±0.5 %
const BAND = [0.5, 2.0]; // and keeps it within half and twice its start

function random() {
  // xorshift32: deterministic for a given seed.
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0xffffffff;
}

const FIXED = 10n ** 18n;
function toFixed(price) {
  // FixedU128: 18 decimals. Keep 9 significant decimals from the float.
  return (BigInt(Math.round(price * 1e9)) * FIXED) / 1_000_000_000n;
}

function log(msg) {
  console.log(`${new Date().toISOString()} dev-feeder: ${msg}`);
}

async function main() {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  const feeder = new Keyring({ type: 'sr25519' }).addFromUri(suri);

  const assets = [];
  for (const [key, entry] of await api.query.oracle.feeds.entries()) {
    const asset = key.args[0];
    if (!entry.unwrap().feeds.some((f) => f.feeder.toString() === feeder.address)) continue;
    let symbol = 'MIR';
    if (asset.isWithId) {
      const meta = await api.query.assets.metadata(asset.asWithId);
      symbol = meta.symbol.toUtf8() || `#${asset.asWithId}`;
    }
    const start = START[symbol] ?? 100;
    assets.push({ asset: asset.toJSON(), symbol, start, price: start });
  }
  if (assets.length === 0) {
    log(`${feeder.address} feeds no asset; nothing to do`);
    await api.disconnect();
    return;
  }
  log(`feeding ${assets.map((a) => a.symbol).join(', ')} as ${feeder.address} every ${everyBlocks} block(s)`);

  let busy = false;
  let count = 0;
  const feedOnce = async () => {
    for (const a of assets) {
      const step = 1 + (random() * 2 - 1) * STEP;
      a.price = Math.min(a.start * BAND[1], Math.max(a.start * BAND[0], a.price * step));
    }
    const batch = assets.map((a) => [a.asset, toFixed(a.price).toString()]);
    await new Promise((resolve, reject) => {
      api.tx.oracle.feedPrices(batch).signAndSend(feeder, ({ status, dispatchError }) => {
        if (dispatchError) {
          const e = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
          reject(new Error(e ? `${e.section}.${e.name}` : dispatchError.toString()));
        } else if (status.isInBlock) resolve();
      }).catch(reject);
    });
    count += 1;
    log(`#${count} ${assets.map((a) => `${a.symbol}=${a.price.toFixed(4)}`).join(' ')}`);
  };

  if (args.once) {
    await feedOnce();
    await api.disconnect();
    return;
  }
  let blocks = 0;
  const unsub = await api.rpc.chain.subscribeNewHeads(async () => {
    blocks += 1;
    if (busy || blocks % everyBlocks !== 0) return;
    busy = true;
    try { await feedOnce(); } catch (e) { log(`feed failed: ${e.message}`); } finally { busy = false; }
  });
  const stop = async () => { unsub(); await api.disconnect(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => { console.error(e); process.exit(1); });
