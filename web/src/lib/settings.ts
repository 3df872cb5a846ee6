/** Settings kept in the browser's localStorage: the node URL, the slippage tolerance, the account. */
import { FIXED } from '@mirror-substrate/client';
import { parsePercent } from './math';

export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

/** Slippage presets, as percent strings. */
export const SLIPPAGE_PRESETS = ['0.5', '1', '3'] as const;
const SLIPPAGE_KEY = 'mirror.slippage';
const RPC_KEY = 'mirror.rpc';
const ACCOUNT_KEY = 'mirror.account';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // blocked storage (private mode, sandboxed frames)
  }
}

/** The node to talk to: `?rpc=ws://...` in the page address (remembered), else the last one, else the local default. */
export function rpcUrl(search = typeof location === 'undefined' ? '' : location.search): string {
  const fromQuery = new URLSearchParams(search).get('rpc');
  if (fromQuery && /^wss?:\/\//.test(fromQuery)) {
    storage()?.setItem(RPC_KEY, fromQuery);
    return fromQuery;
  }
  return storage()?.getItem(RPC_KEY) ?? DEFAULT_RPC;
}

export function saveRpcUrl(url: string): void {
  storage()?.setItem(RPC_KEY, url);
}

/** The slippage tolerance as the percent string the user chose (a preset or a custom value); default 1 %. */
export function loadSlippage(): string {
  const saved = storage()?.getItem(SLIPPAGE_KEY);
  if (saved) {
    try {
      parsePercent(saved);
      return saved;
    } catch {
      /* ignore a corrupt value */
    }
  }
  return '1';
}

export function saveSlippage(percent: string): void {
  storage()?.setItem(SLIPPAGE_KEY, percent);
}

/** The slippage percent string as a `FixedU128` fraction, or null if it does not parse. */
export function slippageFraction(percent: string): bigint | null {
  try {
    const f = parsePercent(percent);
    return f < FIXED ? f : null;
  } catch {
    return null;
  }
}

export function loadAccountKey(): string | null {
  return storage()?.getItem(ACCOUNT_KEY) ?? null;
}

export function saveAccountKey(key: string): void {
  storage()?.setItem(ACCOUNT_KEY, key);
}
