/** The shell: connection, account picker, and the pages (hash routes: #/trade, #/mint, #/positions, #/pool). */
import { UST, formatUnits } from '@mirror-substrate/client';
import { useEffect, useId, useState } from 'react';
import { useChain, useLive, useWallet } from './chain';
import { Mint } from './pages/Mint';
import { Pool } from './pages/Pool';
import { Positions } from './pages/Positions';
import { Trade } from './pages/Trade';

const PAGES = [
  { path: 'trade', title: 'Trade', Page: Trade },
  { path: 'mint', title: 'Mint', Page: Mint },
  { path: 'positions', title: 'My positions', Page: Positions },
  { path: 'pool', title: 'Pool', Page: Pool },
] as const;

function useRoute(): string {
  const read = () => location.hash.replace(/^#\/?/, '') || 'trade';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

function AccountPicker() {
  const { accounts, account, select, connectExtension, extensionMessage, devChain } = useWallet();
  const id = useId();
  const balances = useLive(account ? async (c) => ({ mir: await c.balance(account.address, 'MIR'), ust: await c.balance(account.address, UST) }) : null, [account?.address]);
  return (
    <div className="account">
      <label htmlFor={id}>Account</label>
      <select id={id} value={account?.key ?? ''} onChange={(e) => select(e.target.value)} data-testid="account">
        {accounts.length === 0 && <option value="">No account</option>}
        {accounts.some((a) => a.kind === 'dev') && (
          <optgroup label="Dev accounts (this is a dev chain)">
            {accounts.filter((a) => a.kind === 'dev').map((a) => <option key={a.key} value={a.key}>{a.name}</option>)}
          </optgroup>
        )}
        {accounts.some((a) => a.kind === 'extension') && (
          <optgroup label="Extension">
            {accounts.filter((a) => a.kind === 'extension').map((a) => <option key={a.key} value={a.key}>{a.name}</option>)}
          </optgroup>
        )}
      </select>
      <button type="button" onClick={connectExtension}>Connect extension</button>
      {account && (
        <span className="muted balances" data-testid="header-balances">
          {account.address.slice(0, 6)}…{account.address.slice(-4)} · {balances.data ? `${formatUnits(balances.data.mir, 2)} MIR · ${formatUnits(balances.data.ust, 2)} UST` : '…'}
        </span>
      )}
      {extensionMessage && <span className="hint">{extensionMessage}</span>}
      {!devChain && accounts.length === 0 && <span className="hint">Connect an extension (polkadot.js, Talisman, SubWallet) to sign.</span>}
    </div>
  );
}

export function App() {
  const { client, error, block, info, url } = useChain();
  const route = useRoute();
  const page = PAGES.find((p) => p.path === route) ?? PAGES[0];
  return (
    <>
      <header>
        <div className="brand">
          <h1>Mirror</h1>
          <span className="muted" data-testid="chain">
            {info ? `${info.name} · ` : ''}{client ? <>block <span data-testid="block">#{block}</span></> : `connecting to ${url}…`}
          </span>
        </div>
        {client && <AccountPicker />}
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.path} href={`#/${p.path}`} aria-current={p.path === page.path ? 'page' : undefined} data-testid={`nav-${p.path}`}>{p.title}</a>
          ))}
        </nav>
      </header>
      {error && <p className="error banner" role="alert">{error}</p>}
      <main>{client ? <page.Page /> : !error && <p>Connecting to {url}…</p>}</main>
      <footer className="muted">
        Node: <code>{url}</code> (open with <code>?rpc=ws://host:port</code> to change). Amounts are exact: 6 decimals, no rounding.
      </footer>
    </>
  );
}
