/**
 * My positions: each position's ratio as a health bar against the ratio it must keep (and any
 * scheduled raise), its liquidation price (`client.mint.liquidationPrice`) against the oracle
 * price, deposit / withdraw / mint / burn, short-sale locks with their unlock time, and Mint's
 * close factor; Close repays the whole debt and withdraws all collateral in one transaction
 * (`client.batchAll([burn, withdraw(id, null)])`).
 */
import { type AssetId, MirrorError, type PositionEntry, type PositionLock, type PositionRatio } from '@mirror-substrate/client';
import { useId, useState } from 'react';
import { TxPanel } from '../components/TxPanel';
import { AmountField, Row, dateTime, duration, parseAmount, price, units } from '../components/ui';
import { useChain, useLive, useSymbol, useWallet } from '../chain';
import { formatPercent, health, healthBarMarkPermille, healthBarPermille, relativeTo, safeRatio } from '../lib/math';

type RatioOrError = { ok: PositionRatio } | { err: string };
type PriceOrError = { ok: bigint | null } | { err: string };

const errText = (e: unknown) => (e instanceof MirrorError ? e.code : String(e));

export function Positions() {
  const { account } = useWallet();
  // Positions being closed keep their card (last figures, marked closed) once the chain has removed
  // them, so the Close transaction's status stays on screen.
  const [closing, setClosing] = useState<Map<string, CardProps>>(new Map());
  const data = useLive(account ? async (c) => {
    const [positions, params, locks, now] = await Promise.all([
      c.mint.positionsByOwner(account.address), c.mint.parameters(), c.mint.locks(account.address), c.now(),
    ]);
    const assets = [...new Set(positions.map((p) => p.asset))];
    const [ratios, liquidationPrices, oracle] = await Promise.all([
      Promise.all(positions.map((p): Promise<RatioOrError> => c.mint.collateralRatio(p.id).then((ok) => ({ ok }), (e) => ({ err: errText(e) })))),
      Promise.all(positions.map((p): Promise<PriceOrError> => c.mint.liquidationPrice(p.id).then((ok) => ({ ok }), (e) => ({ err: errText(e) })))),
      Promise.all(assets.map(async (a) => [a, (await c.oracle.price(a)).price] as [AssetId, bigint | null])),
    ]);
    return { positions, ratios, liquidationPrices, oracle: new Map(oracle), params, locks, now };
  } : null, [account?.address]);

  if (!account) return <section><h2>My positions</h2><p>Choose an account.</p></section>;
  const d = data.data;
  return (
    <section aria-labelledby="pos-h">
      <h2 id="pos-h">My positions</h2>
      {data.error && <p className="error">{data.error.message}</p>}
      {d && (
        <p className="hint" data-testid="close-factor">
          One auction repays at most {formatPercent(BigInt(d.params.closeFactor) * 10n ** 12n, 1)} of a position's debt (close factor),
          all of it below {formatPercent(BigInt(d.params.fullLiquidationRatio) * 10n ** 12n, 1)} of the required collateral.
          Raises of a required ratio wait {duration(d.params.riskChangeDelay)}.
        </p>
      )}
      {d && d.positions.length === 0 && <p data-testid="no-positions">No positions yet: open one on the Mint page.</p>}
      <div className="positions">
        {d && [
          ...d.positions.map((p, i): CardProps => ({
            p, ratio: d.ratios[i], liquidationPrice: d.liquidationPrices[i], oraclePrice: d.oracle.get(p.asset) ?? null,
            lock: d.locks.find((l) => l.positionId === p.id) ?? null, now: d.now,
          })),
          ...[...closing.values()].filter((c) => !d.positions.some((p) => p.id === c.p.id)).map((c) => ({ ...c, gone: true })),
        ].map((props) => (
          <PositionCard
            key={String(props.p.id)} {...props}
            onClosing={() => setClosing((m) => new Map(m).set(String(props.p.id), { ...props, gone: false }))}
          />
        ))}
      </div>
    </section>
  );
}

type Action = 'deposit' | 'withdraw' | 'mint' | 'burn';

type CardProps = {
  p: PositionEntry; ratio: RatioOrError; liquidationPrice: PriceOrError; oraclePrice: bigint | null;
  lock: (PositionLock & { positionId: bigint }) | null; now: bigint; gone?: boolean;
};

function PositionCard({ p, ratio, liquidationPrice, oraclePrice, lock, now, gone, onClosing }: CardProps & { onClosing(): void }) {
  const { client } = useChain();
  const { account } = useWallet();
  const symbol = useSymbol();
  const held = useLive(account ? (c) => c.balance(account.address, p.asset) : null, [account?.address, p.asset]);
  const [action, setAction] = useState<Action>('deposit');
  const [amountText, setAmountText] = useState('');
  const actionId = useId();
  const amount = parseAmount(amountText);

  const r = 'ok' in ratio ? ratio.ok : null;
  const required = r ? (r.scheduled && r.scheduled.value > r.requiredRatio ? r.scheduled.value : r.requiredRatio) : 0n;
  const level = r ? health(r.collateralRatio, r.requiredRatio) : null;
  const bar = r ? healthBarPermille(r.collateralRatio, r.requiredRatio) : 0;
  const safe = r ? safeRatio(r.requiredRatio) : 0n;
  const safeAt = r ? healthBarMarkPermille(safe, r.requiredRatio) : 0;
  const liq = 'ok' in liquidationPrice ? liquidationPrice.ok : null;
  const liqDistance = liq !== null ? relativeTo(liq, oraclePrice) : null;
  const unit = action === 'deposit' || action === 'withdraw' ? symbol(p.collateralAsset) : symbol(p.asset);

  return (
    <article className="card position" data-testid={`position-${p.id}`} aria-labelledby={`pos-${p.id}-h`}>
      <h3 id={`pos-${p.id}-h`}>#{String(p.id)} {p.isShort ? 'Short' : 'Long'} {symbol(p.asset)}{gone && ' (closed)'}</h3>
      {gone && <p className="hint" data-testid={`position-${p.id}-closed`}>This position is closed; the figures below are its last ones.</p>}
      <dl>
        <Row term="Collateral">{units(p.collateralAmount)} {symbol(p.collateralAsset)}</Row>
        <Row term="Debt">{units(p.assetAmount)} {symbol(p.asset)}</Row>
        <Row term="Collateral ratio" testId={`position-${p.id}-ratio`} units={r?.collateralRatio ?? null}>
          {r ? (r.collateralRatio !== null ? formatPercent(r.collateralRatio, 2) : 'no debt') : <span className="error">{'err' in ratio ? ratio.err : ''}</span>}
        </Row>
        <Row term="Required" testId={`position-${p.id}-required`} units={r?.requiredRatio ?? null}>{r ? formatPercent(r.requiredRatio, 2) : '—'}</Row>
        <Row term="Liquidation price" testId={`position-${p.id}-liquidation-price`} units={liq}>
          {'err' in liquidationPrice
            ? <span className="error">{liquidationPrice.err}</span>
            : liq === null ? 'none (no debt)'
              : <>{price(liq)} UST {liqDistance !== null && <span className="muted sub">({liqDistance >= 0n ? '+' : ''}{formatPercent(liqDistance)} from {price(oraclePrice)})</span>}</>}
        </Row>
      </dl>
      {r && (
        <div className={`health health-${level}`}>
          <div
            role="meter" aria-label={`Health of position ${p.id}`} aria-valuemin={0} aria-valuemax={1000} aria-valuenow={bar}
            aria-valuetext={`${level}: ratio ${r.collateralRatio !== null ? formatPercent(r.collateralRatio) : 'none'}, required (Min) ${formatPercent(r.requiredRatio)}, Safe ${formatPercent(safe)}`}
            className="bar"
          >
            <span style={{ width: `${bar / 10}%` }} />
            <i className="mark" style={{ left: '50%' }} title="Min: the required ratio" />
            <i className="mark mark-safe" style={{ left: `${safeAt / 10}%` }} title="Safe: required + 50 points" />
          </div>
          <div className="marks" aria-hidden="true">
            <span className="mark-label" style={{ left: '50%' }} data-testid={`position-${p.id}-mark-min`} data-units={String(r.requiredRatio)}>Min {formatPercent(r.requiredRatio, 0)}</span>
            <span className="mark-label" style={{ left: `${safeAt / 10}%` }} data-testid={`position-${p.id}-mark-safe`} data-units={String(safe)}>Safe {formatPercent(safe, 0)}</span>
          </div>
          <p className="hint">Health: <strong data-testid={`position-${p.id}-health`}>{level}</strong> (marks: Min, the required ratio; Safe, required + 50 points)</p>
        </div>
      )}
      {r?.scheduled && (
        <p className="warning" data-testid={`position-${p.id}-scheduled`}>
          Required ratio rises to {formatPercent(r.scheduled.value)} on {dateTime(r.scheduled.effectiveAt)} (in {duration(r.scheduled.effectiveAt - now)}).
          {r.collateralRatio !== null && r.collateralRatio <= required && ' This position would be liquidatable then: add collateral or repay debt.'}
        </p>
      )}
      {lock && (
        <div className="lock" data-testid={`position-${p.id}-lock`} data-units={lock.amount.toString()} data-unlock-time={lock.unlockTime.toString()}>
          <p>
            Locked proceeds: <strong>{units(lock.amount)} UST</strong>, unlock{' '}
            {lock.unlockTime <= now ? 'now' : <>on {dateTime(lock.unlockTime)} (in {duration(lock.unlockTime - now)})</>}.
          </p>
          <TxPanel
            label="Unlock" testId={`unlock-${p.id}`} inputs={[p.id]}
            disabledReason={lock.unlockTime > now ? 'Still locked' : null}
            build={client ? () => client.mint.unlockPositionFunds([p.id]) : null}
          />
        </div>
      )}
      <div className="close">
        <TxPanel
          label="Close" testId={`close-${p.id}`} inputs={[p.id, p.assetAmount, p.collateralAmount]} onSubmit={onClosing}
          disabledReason={gone ? 'Closed' : held.data === undefined ? 'Reading your balance…'
            : held.data < p.assetAmount ? `Closing needs ${units(p.assetAmount)} ${symbol(p.asset)} (you hold ${units(held.data)})` : null}
          build={client && !gone ? () => (p.assetAmount > 0n
            ? client.batchAll([client.mint.burn(p.id, p.assetAmount), client.mint.withdraw(p.id, null)])
            : client.mint.withdraw(p.id, null)) : null}
        />
        <p className="hint">Close repays the whole debt ({units(p.assetAmount)} {symbol(p.asset)}) and withdraws all the collateral left after the protocol fee, in one transaction.</p>
      </div>
      <form onSubmit={(e) => e.preventDefault()} className="actions">
        <div className="field">
          <label htmlFor={actionId}>Action</label>
          <select id={actionId} value={action} onChange={(e) => setAction(e.target.value as Action)} data-testid={`position-${p.id}-action`}>
            <option value="deposit">Deposit collateral</option>
            <option value="withdraw">Withdraw collateral</option>
            <option value="mint">Mint more</option>
            <option value="burn">Burn (repay)</option>
          </select>
        </div>
        <AmountField label={`Amount (${unit})`} value={amountText} onChange={setAmountText} testId={`position-${p.id}-amount`} />
        <TxPanel
          label={action[0].toUpperCase() + action.slice(1)} testId={`position-${p.id}-tx`} inputs={[p.id, action, amount]}
          build={client && amount !== null && amount > 0n ? () => {
            switch (action) {
              case 'deposit': return client.mint.deposit(p.id, amount!);
              case 'withdraw': return client.mint.withdraw(p.id, amount!);
              case 'mint': return client.mint.mint(p.id, amount!);
              case 'burn': return client.mint.burn(p.id, amount!);
            }
          } : null}
        />
      </form>
    </article>
  );
}

