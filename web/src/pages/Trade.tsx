/**
 * Trade: swap an mAsset (or MIR) for UST and back through `client.amm.swap`, quoted by
 * `client.amm.simulateSwap` on every block; oracle price and age beside the pool's price. Between
 * two non-UST assets (mAsset → mAsset, mAsset ↔ MIR) the swap goes along the route
 * `[offer, UST, ask]`: quoted by `client.amm.simulateRoute`, sent by `client.amm.swapRoute` with
 * the minimum received.
 */
import { type AssetId, UST } from '@mirror-substrate/client';
import { useId, useState } from 'react';
import { TxPanel } from '../components/TxPanel';
import { AmountField, AssetSelect, Row, parseAmount, price, units } from '../components/ui';
import { useChain, useLive, useSymbol, useWallet } from '../chain';
import { beliefPrice, formatPercent, minimumReceived, routePath, premium, priceImpact, slippageWarning, spotPrice } from '../lib/math';
import { SLIPPAGE_PRESETS, loadSlippage, saveSlippage, slippageFraction } from '../lib/settings';

export function Trade() {
  const { listed, client } = useChain();
  const { account } = useWallet();
  const symbol = useSymbol();
  const [asset, setAsset] = useState<AssetId | null>(null);
  const [mode, setMode] = useState<'sell' | 'buy' | 'route'>('sell'); // asset → UST, UST → asset, asset → another asset via UST
  const [target, setTarget] = useState<AssetId | null>(null);
  const sell = mode === 'sell';
  const route = mode === 'route';
  const [amountText, setAmountText] = useState('');
  const [slippage, setSlippageState] = useState(loadSlippage);
  const setSlippage = (s: string) => { setSlippageState(s); if (slippageFraction(s) !== null) saveSlippage(s); };

  const chosen = asset ?? listed.find((a) => a !== 'MIR') ?? listed[0] ?? null;
  const targets = listed.filter((a) => a !== chosen);
  const chosenTarget = target !== null && target !== chosen ? target : targets[0] ?? null;
  const offer: AssetId | null = chosen === null ? null : mode === 'buy' ? UST : chosen;
  const ask: AssetId | null = chosen === null ? null : mode === 'sell' ? UST : mode === 'buy' ? chosen : chosenTarget;
  const path = route && offer !== null && ask !== null ? routePath(offer, ask, UST) : null;
  const amount = parseAmount(amountText);
  const slip = slippageFraction(slippage);
  const warning = slip === null ? null : slippageWarning(slip);

  const market = useLive(chosen === null ? null : async (c) => {
    const [pool, oracle] = await Promise.all([c.amm.pool(chosen, UST), c.oracle.price(chosen)]);
    let poolPrice: bigint | null = null;
    if (pool) {
      const [assetReserve, ustReserve] = pool.assetA === chosen ? [pool.reserveA, pool.reserveB] : [pool.reserveB, pool.reserveA];
      poolPrice = spotPrice(assetReserve, ustReserve);
    }
    return { pool, poolPrice, oracle };
  }, [chosen]);

  const balances = useLive(account && offer !== null && ask !== null
    ? async (c) => ({ offer: await c.balance(account.address, offer), ask: await c.balance(account.address, ask) })
    : null, [account?.address, offer, ask]);

  const quote = useLive(!route && offer !== null && ask !== null && amount !== null && amount > 0n
    ? (c) => c.amm.simulateSwap(offer, ask, amount)
    : null, [offer, ask, amount, route]);
  const routeQuote = useLive(path !== null && amount !== null && amount > 0n
    ? (c) => c.amm.simulateRoute(path, amount)
    : null, [path?.map(String).join(','), amount]);

  const q = route ? null : quote.data;
  const rq = route ? routeQuote.data : null;
  const expected = route ? rq : q?.returnAmount ?? null;
  const minimum = expected !== null && expected !== undefined && slip !== null ? minimumReceived(expected, slip) : null;
  const quoteError = route ? routeQuote.error : quote.error;
  const prem = market.data?.poolPrice != null ? premium(market.data.poolPrice, market.data.oracle.price) : null;
  const tooMuch = amount !== null && balances.data && amount > balances.data.offer;

  const customId = useId();
  return (
    <section aria-labelledby="trade-h">
      <h2 id="trade-h">Trade</h2>
      <div className="grid">
        <form className="card" onSubmit={(e) => e.preventDefault()}>
          <AssetSelect label="Asset" assets={listed} value={chosen} onChange={(a) => { setAsset(a); }} testId="trade-asset" />
          <fieldset className="segmented">
            <legend>Direction</legend>
            <button type="button" aria-pressed={sell} onClick={() => setMode('sell')} data-testid="trade-sell">
              Sell {chosen !== null ? symbol(chosen) : ''} for UST
            </button>
            <button type="button" aria-pressed={mode === 'buy'} onClick={() => setMode('buy')} data-testid="trade-buy">
              Buy {chosen !== null ? symbol(chosen) : ''} with UST
            </button>
            <button type="button" aria-pressed={route} onClick={() => setMode('route')} data-testid="trade-route">
              Swap {chosen !== null ? symbol(chosen) : ''} for another asset
            </button>
          </fieldset>
          {route && <AssetSelect label="You receive" assets={targets} value={chosenTarget} onChange={setTarget} testId="trade-target" />}
          <AmountField
            label={`You pay (${offer !== null ? symbol(offer) : ''})`} value={amountText} onChange={setAmountText} testId="trade-amount"
            hint={<>Balance: <span data-testid="trade-offer-balance">{units(balances.data?.offer)}</span> {offer !== null ? symbol(offer) : ''}</>}
          />
          <fieldset className="segmented">
            <legend>Slippage tolerance</legend>
            {SLIPPAGE_PRESETS.map((p) => (
              <button key={p} type="button" aria-pressed={slippage === p} onClick={() => setSlippage(p)} data-testid={`slippage-${p}`}>{p} %</button>
            ))}
            <label htmlFor={customId} className="inline">Custom (%)</label>
            <input
              id={customId} className="short" inputMode="decimal" value={SLIPPAGE_PRESETS.includes(slippage as never) ? '' : slippage}
              placeholder="e.g. 2" onChange={(e) => setSlippage(e.target.value)} data-testid="slippage-custom"
            />
          </fieldset>
          {slip === null && <p className="error">Slippage must be a percentage below 100.</p>}
          {warning === 'high' && <p className="warning" role="alert">A slippage of 5 % or more invites front-running: a bot can buy before you and sell to you at the worst price you accept.</p>}
          {warning === 'low' && <p className="warning" role="alert">A slippage below 0.1 % will likely fail: any trade before yours moves the price past it.</p>}
          <TxPanel
            label={route ? 'Swap' : sell ? 'Sell' : 'Buy'}
            testId="swap"
            inputs={[offer, ask, amount, slippage, expected, mode]}
            disabledReason={tooMuch ? 'Not enough balance' : quoteError ? quoteError.message : null}
            build={!client || offer === null || ask === null || amount === null || slip === null ? null
              : route
                ? (path !== null && rq != null && rq > 0n && minimum !== null
                  ? () => client.amm.swapRoute({ path, offerAmount: amount, minimumReceive: minimum })
                  : null)
                : (q && q.returnAmount > 0n
                  ? () => client.amm.swap({ offer, ask, offerAmount: amount, beliefPrice: beliefPrice(q), maxSpread: slip })
                  : null)}
          />
        </form>
        <div className="card">
          <h3>Quote</h3>
          <dl>
            {path !== null && <Row term="Route" testId="quote-route">{path.map(symbol).join(' → ')}</Row>}
            <Row term="Expected return" testId="quote-return" units={expected}>{units(expected)} {ask !== null ? symbol(ask) : ''}</Row>
            {!route && <Row term="Price impact" testId="quote-impact">{q ? formatPercent(priceImpact(q)) : '—'}</Row>}
            {!route && <Row term="Commission (0.3 %)" testId="quote-commission" units={q?.commissionAmount}>{units(q?.commissionAmount)} {ask !== null ? symbol(ask) : ''}</Row>}
            {route && <Row term="Price impact, commission">included in the return (0.3 % per hop)</Row>}
            <Row term={`Minimum received (${slippage} % slippage)`} testId="quote-minimum" units={minimum}>
              {minimum !== null ? units(minimum) : '—'} {ask !== null ? symbol(ask) : ''}
            </Row>
            {quoteError && <Row term="Quote">{quoteError.message}</Row>}
          </dl>
          <h3>Prices</h3>
          <dl>
            <Row term="Pool price" testId="pool-price">{price(market.data?.poolPrice)} UST</Row>
            <Row term="Oracle price" testId="oracle-price">
              {market.data?.oracle.price != null
                ? <>{price(market.data.oracle.price)} UST <span className="muted">({String(market.data.oracle.ageSeconds)} s old)</span></>
                : market.data ? <span className="muted">none ({market.data.oracle.error})</span> : '—'}
            </Row>
            <Row term="Premium (pool over oracle)" testId="premium">{prem !== null ? formatPercent(prem) : '—'}</Row>
            <Row term={`Your ${ask !== null ? symbol(ask) : ''}`} testId="trade-ask-balance" units={balances.data?.ask}>{units(balances.data?.ask)}</Row>
          </dl>
        </div>
      </div>
    </section>
  );
}
