// What the plain @polkadot/api examples share: connecting, the dev accounts, units, sending a
// transaction and waiting until it is in a block (a failed call throws the chain's error by name),
// and waiting for the chain's clock.
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

export const URL = process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944';
export const UNIT = 1_000_000n; // one MIR, UST or mAsset: 6 decimals
export const FIXED = 10n ** 18n; // 1 as a FixedU128 (prices, ratios, rates): 18 decimals
export const MIR = 'Native'; // assets are NativeOrWithId<u32>
export const UST = { WithId: 1 };
export const MAAPL = { WithId: 101 };
export const MTSLA = { WithId: 103 };

let api;

/** Connects (giving up after 30 s) and returns { api, alice, bob, charlie, dave, eve, ferdie }. */
export async function connect() {
  const timeout = setTimeout(() => {
    console.error(`cannot reach ${URL} within 30 s: is the chain running (make run)?`);
    process.exit(1);
  }, 30_000);
  // CheckFeed is the runtime's own transaction extension; it carries no data.
  api = await ApiPromise.create({
    provider: new WsProvider(URL), noInitWarn: true, signedExtensions: { CheckFeed: { extrinsic: {}, payload: {} } },
  });
  clearTimeout(timeout);
  const keyring = new Keyring({ type: 'sr25519' });
  const dev = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  return { api, ...Object.fromEntries(dev.map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)])) };
}

// Right after a block includes a transaction the node may still count it as pending: the next
// transaction takes the larger of the node's next nonce and one past the last we used.
const nextNonce = new Map();

/**
 * Signs `tx`, sends it and resolves once it is in a block, with { blockHash, events }. A failed
 * call (or a failed sudo call) rejects with the chain's error: `mint.InsufficientCollateralRatio: ...`.
 */
export async function send(tx, signer) {
  const label = `${tx.method.section}.${tx.method.method}`;
  const chainNonce = (await api.rpc.system.accountNextIndex(signer.address)).toBigInt();
  const ours = nextNonce.get(signer.address) ?? 0n;
  const nonce = chainNonce > ours ? chainNonce : ours;
  nextNonce.set(signer.address, nonce + 1n);
  return new Promise((resolve, reject) => {
    let unsub = null;
    let finished = false;
    const done = (f) => { finished = true; clearTimeout(timer); unsub?.(); f(); };
    const timer = setTimeout(() => done(() => reject(new Error(`${label}: not in a block within 60 s`))), 60_000);
    tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
      if (finished) return;
      if (status.isInvalid || status.isDropped || status.isUsurped) done(() => reject(new Error(`${label}: ${status.type}`)));
      if (!status.isInBlock) return;
      const sudid = events.find(({ event: e }) => e.section === 'sudo' && e.method === 'Sudid')?.event.data.sudoResult;
      const error = dispatchError ?? (sudid?.isErr ? sudid.asErr : null);
      if (error) done(() => reject(new Error(`${label} failed: ${describe(error)}`)));
      else done(() => resolve({ blockHash: status.asInBlock, events }));
    }).then((u) => { if (finished) u(); else unsub = u; }, (e) => {
      nextNonce.delete(signer.address); // refused before the pool: the nonce is still free
      done(() => reject(new Error(`${label}: ${e.message}`)));
    });
  });
}

/** The data of the first `section.method` event of a `send` result, by field name. */
export function event(result, section, method) {
  const found = result.events.find(({ event: e }) => e.section === section && e.method === method);
  if (!found) throw new Error(`no ${section}.${method} event`);
  return found.event.data;
}

/** Waits until the chain's clock (the latest block's timestamp) reaches `secs` (Unix seconds). */
export async function untilChainTime(secs) {
  const now = async () => (await api.query.timestamp.now()).toBigInt() / 1000n;
  const deadline = Date.now() + Number(BigInt(secs) - (await now()) + 60n) * 1000;
  while ((await now()) < BigInt(secs)) {
    if (Date.now() > deadline) throw new Error(`the chain's clock did not reach ${secs}: is it producing blocks?`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `symbol`, or `symbol2`, `symbol3`... if `m<symbol>` is listed already (examples run twice). */
export async function unusedSymbol(symbol) {
  const taken = new Set((await api.query.assets.metadata.entries()).map(([, m]) => m.symbol.toUtf8()));
  for (let i = 1; ; i++) if (!taken.has(`m${symbol}${i > 1 ? i : ''}`)) return `${symbol}${i > 1 ? i : ''}`;
}

/** A whole-token amount for printing: 1234567n -> '1.234567'. */
export function fmt(amount) {
  const a = BigInt(amount.toString());
  const s = (a < 0n ? -a : a).toString().padStart(7, '0');
  return `${a < 0n ? '-' : ''}${s.slice(0, -6)}.${s.slice(-6)}`.replace(/\.?0+$/, '');
}

/** A FixedU128 (price, ratio) for printing, with `digits` decimals: 180n * FIXED -> '180.00'. */
export function fmtFixed(value, digits = 2) {
  const v = BigInt(value.toString());
  const scaled = (v * 10n ** BigInt(digits) + FIXED / 2n) / FIXED;
  const s = scaled.toString().padStart(digits + 1, '0');
  return digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
}

/** A FixedU128 ratio as a percentage for printing: 2n * FIXED -> '200.00 %'. */
export function fmtPercent(value) {
  return `${fmtFixed(BigInt(value.toString()) * 100n)} %`;
}

/** A DispatchError by name: `mint.PositionSafelyCollateralized` (or its kind: `BadOrigin`). */
export function errorName(error) {
  if (!error.isModule) return error.toString();
  const { section, name } = api.registry.findMetaError(error.asModule);
  return `${section}.${name}`;
}

function describe(error) {
  return error.isModule ? `${errorName(error)}: ${api.registry.findMetaError(error.asModule).docs.join(' ')}` : errorName(error);
}
