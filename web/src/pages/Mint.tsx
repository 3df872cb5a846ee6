/**
 * Mint: open a position (long, or short: the minted mAssets sold for UST and the UST locked)
 * through `client.mint.openPosition`. Before that, the chain's own simulation
 * (`client.mint.simulateOpenPosition`, re-read each block) gives the amount minted, the
 * liquidation price and any scheduled raise, or the error the call would fail with; the least
 * ratio (MCR × the collateral's multiplier) is shown before an amount is typed; a short's
 * proceeds and lock end, and the fee, are shown too.
 */
import { type AssetId, UST } from '@mirror-substrate/client';
import { useId, useState } from 'react';
import { TxPanel } from '../components/TxPanel';
import { AmountField, AssetSelect, ChainError, Row, dateTime, duration, errorCode, parseAmount, price, units } from '../components/ui';
import { useChain, useLive, useSymbol, useWallet } from '../chain';
import { beliefPrice, formatPercent, parseRatioPercent, permilleToPercentText, ratioToPermille, relativeTo, requiredRatio, safeRatio } from '../lib/math';
import { collateralAssets } from '../lib/sdk-gaps';
import { loadSlippage, slippageFraction } from '../lib/settings';

export function Mint() {
  const { listed, client } = useChain();
  const { account } = useWallet();
  const symbol = useSymbol();
  const mAssets = listed.filter((a) => a !== 'MIR');
  const [asset, setAsset] = useState<AssetId | null>(null);
  const [collateral, setCollateral] = useState<AssetId>(UST);
  const [amountText, setAmountText] = useState('');
  const [ratioText, setRatioText] = useState('200');
  const [short, setShort] = useState(false);
  const chosen = asset ?? mAssets[0] ?? null;
  const amount = parseAmount(amountText);
  let ratio: bigint | null = null;
  try { ratio = parseRatioPercent(ratioText); } catch { ratio = null; }
  const slip = slippageFraction(loadSlippage());

  const terms = useLive(chosen === null ? null : async (c) => {
    const [config, scheduled, params, collaterals, assetPrice, now] = await Promise.all([
      c.mint.assetConfig(chosen), c.mint.scheduledMinCollateralRatio(chosen), c.mint.parameters(),
      collateralAssets(c), c.oracle.price(chosen), c.now(),
    ]);
    return { config, scheduled, params, collaterals, assetPrice, now };
  }, [chosen]);

  const info = terms.data?.collaterals.find((x) => x.asset === collateral) ?? null;
  const collateralPrice = useLive(info ? async (c) => {
    const src = info.priceSource;
    if (src === 'Oracle') return (await c.oracle.price(collateral)).price;
    if ('fixed' in src) return src.fixed;
    return null; // an AMM TWAP: not readable before opening
  } : null, [collateral, info?.multiplier]);

  const balance = useLive(account ? (c) => c.balance(account.address, collateral) : null, [account?.address, collateral]);

  const mcr = terms.data?.config?.minCollateralRatio ?? null;
  const minRatio = mcr !== null && info ? requiredRatio(mcr, info.multiplier) : null;
  const assetPrice = terms.data?.assetPrice.price ?? null;
  // The chain's answer for exactly these inputs: what open_position would mint, the liquidation
  // price, or the error it would fail with.
  const sim = useLive(chosen !== null && amount !== null && amount > 0n && ratio !== null && ratio > 0n
    ? (c) => c.mint.simulateOpenPosition({ collateral, collateralAmount: amount, asset: chosen, collateralRatio: ratio! })
    : null, [chosen, collateral, amount, ratio]);
  const preview = sim.data ?? null;
  const minted = preview?.mintedAmount ?? null;
  const liqPrice = preview?.liquidationPrice ?? null;
  const liqDistance = liqPrice !== null ? relativeTo(liqPrice, assetPrice) : null;

  const proceeds = useLive(short && chosen !== null && minted !== null && minted > 0n ? (c) => c.amm.simulateSwap(chosen, UST, minted) : null, [short, chosen, minted]);

  const minPermille = minRatio !== null ? ratioToPermille(minRatio) : 1500;
  const sliderMax = Math.max(minPermille + 3000, 4000);
  const ratioPermille = ratio !== null ? Number(ratio * 1000n / 10n ** 18n) : minPermille;
  const safePermille = minPermille + 500; // Mirror's safe mark: the minimum + 50 percentage points
  const safeAt = Math.min(100, ((safePermille - minPermille) * 100) / (sliderMax - minPermille));
  const belowMin = ratio !== null && minRatio !== null && ratio < minRatio;

  const sliderId = useId();
  const ratioId = useId();
  const shortId = useId();
  let disabledReason: string | null = null;
  if (assetPrice === null && terms.data) disabledReason = `No fresh oracle price for ${chosen !== null ? symbol(chosen) : ''} (${terms.data.assetPrice.error}): Mint needs one.`;
  else if (belowMin) disabledReason = 'The collateral ratio is below the minimum.';
  else if (amount !== null && balance.data !== undefined && amount > balance.data) disabledReason = 'Not enough collateral';
  else if (sim.error) disabledReason = `The chain would refuse it: ${errorCode(sim.error)}`;
  else if (amount !== null && amount > 0n && !preview) disabledReason = 'Asking the chain…';
  else if (short && !proceeds.data) disabledReason = proceeds.error ? proceeds.error.message : 'Quoting the short sale…';

  return (
    <section aria-labelledby="mint-h">
      <h2 id="mint-h">Mint</h2>
      <div className="grid">
        <form className="card" onSubmit={(e) => e.preventDefault()}>
          <AssetSelect label="mAsset to mint" assets={mAssets} value={chosen} onChange={setAsset} testId="mint-asset" />
          <AssetSelect label="Collateral" assets={(terms.data?.collaterals ?? []).filter((x) => !x.isRevoked).map((x) => x.asset)} value={collateral} onChange={setCollateral} testId="mint-collateral" />
          <AmountField
            label={`Collateral amount (${symbol(collateral)})`} value={amountText} onChange={setAmountText} testId="mint-amount"
            hint={<>Balance: {units(balance.data)} {symbol(collateral)}</>}
          />
          <div className="field">
            <label htmlFor={sliderId}>Collateral ratio: {ratioText} %</label>
            <input
              id={sliderId} type="range" min={minPermille} max={sliderMax} step={5} value={Math.min(Math.max(ratioPermille, minPermille), sliderMax)}
              onChange={(e) => setRatioText(permilleToPercentText(Number(e.target.value)))} data-testid="mint-ratio-slider"
              aria-valuetext={`${ratioText} %`} list={`${sliderId}-marks`}
            />
            <datalist id={`${sliderId}-marks`}><option value={minPermille} label="Min" /><option value={safePermille} label="Safe" /></datalist>
            <div className="marks" data-testid="mint-ratio-marks">
              <span className="mark-label" style={{ left: '0%' }} data-testid="mint-mark-min" data-units={minRatio !== null ? String(minRatio) : undefined}>
                Min {permilleToPercentText(minPermille)} %
              </span>
              <span className="mark-label" style={{ left: `${safeAt}%` }} data-testid="mint-mark-safe" data-units={minRatio !== null ? String(safeRatio(minRatio)) : undefined}>
                Safe {permilleToPercentText(safePermille)} %
              </span>
            </div>
            <div className="input-row">
              <label htmlFor={ratioId} className="inline">Exact ratio (%)</label>
              <input id={ratioId} className="short" inputMode="decimal" value={ratioText} onChange={(e) => setRatioText(e.target.value)} data-testid="mint-ratio" />
            </div>
            <p className="hint" data-testid="mint-min-ratio">
              Minimum {minRatio !== null ? formatPercent(minRatio, 2) : '—'}
              {mcr !== null && info && <> (MCR {formatPercent(mcr, 2)} × collateral multiplier {price(info.multiplier, 7)})</>}
            </p>
            {terms.data?.scheduled && (
              <p className="warning">The MCR rises to {formatPercent(terms.data.scheduled.value)} on {dateTime(terms.data.scheduled.effectiveAt)}.</p>
            )}
            {belowMin && <p className="error">Below the minimum ratio: the chain would refuse it.</p>}
          </div>
          <div className="field checkbox">
            <input id={shortId} type="checkbox" checked={short} onChange={(e) => setShort(e.target.checked)} data-testid="mint-short" />
            <label htmlFor={shortId}>Short: sell the minted {chosen !== null ? symbol(chosen) : 'mAsset'} for UST at once (the UST is locked)</label>
          </div>
          <TxPanel
            label={short ? 'Open short position' : 'Open position'}
            testId="open"
            inputs={[chosen, collateral, amount, ratioText, short, proceeds.data?.returnAmount]}
            disabledReason={disabledReason}
            build={client && chosen !== null && amount !== null && amount > 0n && ratio !== null && (!short || (proceeds.data && slip !== null))
              ? () => client.mint.openPosition({
                collateral, collateralAmount: amount, asset: chosen, collateralRatio: ratio!,
                short: short && proceeds.data ? { beliefPrice: beliefPrice(proceeds.data), maxSpread: slip } : null,
              })
              : null}
          />
        </form>
        <div className="card">
          <h3>Position</h3>
          <dl>
            <Row term="You mint" testId="mint-result" units={minted}>{units(minted)} {chosen !== null ? symbol(chosen) : ''}</Row>
            <Row term="Liquidation price" testId="mint-liquidation-price" units={liqPrice}>
              {liqPrice !== null
                ? <>{price(liqPrice)} UST {liqDistance !== null && <span className="muted sub">({liqDistance >= 0n ? '+' : ''}{formatPercent(liqDistance)} from the oracle price)</span>}</>
                : '—'}
            </Row>
            <Row term="Oracle price">{price(assetPrice)} UST {terms.data?.assetPrice.ageSeconds != null && <span className="muted">({String(terms.data.assetPrice.ageSeconds)} s old)</span>}</Row>
            <Row term="Collateral price">{price(collateralPrice.data)} UST</Row>
            <Row term="Protocol fee">
              {terms.data ? <>{formatPercent(terms.data.params.protocolFeeRate)} of the debt's value, taken from the collateral when you burn (or are auctioned)</> : '—'}
            </Row>
            <Row term="Least debt">{terms.data ? `${units(terms.data.params.minDebtValue)} UST` : '—'}</Row>
            {short && (
              <>
                <Row term="Expected UST proceeds" testId="mint-proceeds" units={proceeds.data?.returnAmount}>{units(proceeds.data?.returnAmount)} UST</Row>
                <Row term="Locked until (about)">
                  {terms.data ? <>{dateTime(terms.data.now + terms.data.params.lockPeriod)} ({duration(terms.data.params.lockPeriod)})</> : '—'}
                </Row>
              </>
            )}
          </dl>
          {sim.error && <ChainError error={sim.error} testId="mint-sim-error" />}
          {preview?.scheduled && (
            <p className="warning" data-testid="mint-sim-scheduled">
              From {dateTime(preview.scheduled.effectiveAt)} this position must keep {formatPercent(preview.scheduled.value)}
              {ratio !== null && ratio <= preview.scheduled.value ? ': at this ratio it would be liquidatable then.' : '.'}
            </p>
          )}
          <p className="hint">
            Amount and liquidation price are the chain's own simulation of this position at the latest block
            (liquidated if the {chosen !== null ? symbol(chosen) : 'mAsset'} oracle price reaches it, the collateral's price held).
          </p>
        </div>
      </div>
    </section>
  );
}
