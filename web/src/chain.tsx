/**
 * The connection and the wallet, as React context, and `useLive`: the one way pages read the
 * chain. `useLive(fetch, deps)` runs `fetch(client)` again on every new block (the client's
 * `onNewBlock`, a new-heads subscription) and whenever `deps` change; no timers, no polling.
 */
import { type AssetId, MirrorClient, type Signer } from '@mirror-substrate/client';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { type ChainInfo, chainInfo } from './lib/sdk-gaps';
import { loadAccountKey, saveAccountKey } from './lib/settings';
import { type WalletAccount, devAccounts, extensionAccounts, isDevChain, signerFor } from './lib/wallet';

interface Chain {
  url: string;
  client: MirrorClient | null;
  error: string | null;
  /** The latest block number (0 until the first head arrives). */
  block: number;
  info: ChainInfo | null;
  /** Symbols of UST, MIR and the listed assets. */
  symbols: Map<AssetId, string>;
  /** Listed assets (Factory listings): the mAssets and MIR. */
  listed: AssetId[];
}

const ChainContext = createContext<Chain | null>(null);

export function useChain(): Chain {
  const c = useContext(ChainContext);
  if (!c) throw new Error('useChain outside ChainProvider');
  return c;
}

export function useClient(): MirrorClient {
  const { client } = useChain();
  if (!client) throw new Error('not connected');
  return client;
}

export function ChainProvider({ url, children }: { url: string; children: ReactNode }) {
  const [state, setState] = useState<Chain>({ url, client: null, error: null, block: 0, info: null, symbols: new Map(), listed: [] });
  useEffect(() => {
    let client: MirrorClient | null = null;
    let unsub: (() => void) | null = null;
    let cancelled = false;
    (async () => {
      try {
        client = await MirrorClient.connect(url, {
          onConnection: (e) => setState((s) => ({ ...s, error: e.kind === 'disconnected' ? e.message : null })),
        });
        if (cancelled) return void client.disconnect();
        // One round of requests where they do not depend on each other (the first render waits for them).
        const c = client;
        const [info, [listed, symbols], block] = await Promise.all([
          chainInfo(c),
          c.factory.listings().then(async (listings) => {
            const listed = listings.map((l) => l.asset);
            const ids: AssetId[] = ['MIR', 1, ...listed.filter((a) => a !== 'MIR')];
            const symbols = new Map<AssetId, string>(await Promise.all(ids.map(async (a) => [a, await c.symbol(a)] as [AssetId, string])));
            return [listed, symbols] as const;
          }),
          c.blockNumber(),
        ]);
        if (cancelled) return;
        setState((s) => ({ ...s, client, info, symbols, listed, block }));
        unsub = await client.onNewBlock((n) => setState((s) => (n > s.block ? { ...s, block: n } : s)));
        if (cancelled) unsub();
      } catch (e) {
        if (!cancelled) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      }
    })();
    return () => {
      cancelled = true;
      unsub?.();
      client?.disconnect().catch(() => {});
    };
  }, [url]);
  return <ChainContext.Provider value={state}>{children}</ChainContext.Provider>;
}

/** A chain read: `data` once answered, `error` if the last read failed, refreshed on every block. */
export interface Live<T> {
  data: T | undefined;
  error: Error | null;
  /** The block the data was read at (the latest block when the read started). */
  block: number;
}

/**
 * Reads `fetch(client)` now, on every new block and when `deps` change. Answers of an older read
 * that arrive after a newer one are dropped.
 */
export function useLive<T>(fetch: ((client: MirrorClient) => Promise<T>) | null, deps: unknown[]): Live<T> {
  const { client, block } = useChain();
  const [live, setLive] = useState<Live<T>>({ data: undefined, error: null, block: 0 });
  const seq = useRef(0);
  const depsKey = JSON.stringify(deps, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  const lastKey = useRef(depsKey);
  useEffect(() => {
    if (!client || !fetch) return;
    const mine = ++seq.current;
    if (lastKey.current !== depsKey) {
      lastKey.current = depsKey;
      setLive({ data: undefined, error: null, block: 0 }); // new inputs: no stale answer meanwhile
    }
    fetch(client).then(
      (data) => { if (mine === seq.current) setLive({ data, error: null, block }); },
      (error) => { if (mine === seq.current) setLive((l) => ({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), block: l.block })); },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, block, depsKey, fetch === null]);
  return live;
}

interface Wallet {
  accounts: WalletAccount[];
  account: WalletAccount | null;
  select(key: string): void;
  /** The signer of the selected account (asks its extension when it is one). */
  signer(): Promise<Signer>;
  connectExtension(): Promise<void>;
  extensionMessage: string | null;
  devChain: boolean;
}

const WalletContext = createContext<Wallet | null>(null);

export function useWallet(): Wallet {
  const w = useContext(WalletContext);
  if (!w) throw new Error('useWallet outside WalletProvider');
  return w;
}

export function WalletProvider({ children }: { children: ReactNode }) {
  const { client, info } = useChain();
  const devChain = info ? isDevChain(info.type, info.name) : false;
  const [dev, setDev] = useState<WalletAccount[]>([]);
  const [ext, setExt] = useState<WalletAccount[]>([]);
  const [selected, setSelected] = useState<string | null>(() => loadAccountKey());
  const [extensionMessage, setExtensionMessage] = useState<string | null>(null);

  useEffect(() => {
    if (devChain) devAccounts().then(setDev, () => setDev([]));
    else setDev([]);
  }, [devChain]);

  const accounts = [...dev, ...ext];
  const account = accounts.find((a) => a.key === selected) ?? accounts[0] ?? null;

  const select = useCallback((key: string) => {
    setSelected(key);
    saveAccountKey(key);
  }, []);

  const signer = useCallback(async () => {
    if (!client || !account) throw new Error('no account selected');
    return signerFor(client.api, account);
  }, [client, account]);

  const connectExtension = useCallback(async () => {
    setExtensionMessage('Asking the extension…');
    try {
      const found = await extensionAccounts();
      setExt(found);
      setExtensionMessage(found.length ? `${found.length} account(s) from the extension` : 'No extension found, or it shared no account');
    } catch (e) {
      setExtensionMessage(`Extension: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  return (
    <WalletContext.Provider value={{ accounts, account, select, signer, connectExtension, extensionMessage, devChain }}>
      {children}
    </WalletContext.Provider>
  );
}

/** The symbol of an asset, `#id` until known. */
export function useSymbol(): (a: AssetId) => string {
  const { symbols } = useChain();
  return (a) => symbols.get(a) ?? (a === 1 ? 'UST' : String(a === 'MIR' ? 'MIR' : `#${a}`));
}
