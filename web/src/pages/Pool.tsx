/**
 * Pool: provide liquidity to an asset's UST pool (at the pool's ratio, within the slippage
 * tolerance) and withdraw it, through `client.amm.provideLiquidity` / `withdrawLiquidity`.
 */
import { type AssetId, UST } from '@mirror-substrate/client';
import { useState } from 'react';
import { TxPanel } from '../components/TxPanel';
import { AmountField, AssetSelect, Row, parseAmount, units } from '../components/ui';
import { useChain, useLive, useSymbol, useWallet } from '../chain';
import { formatPercent, pairedAmount, poolShare } from '../lib/math';
import { loadSlippage, slippageFraction } from '../lib/settings';

export function Pool() {
  const { listed, client } = useChain();
  const { account } = useWallet();
  const symbol = useSymbol();
  const [asset, setAsset] = useState<AssetId | null>(null);
  const [amountText, setAmountText] = useState('');
  const [lpText, setLpText] = useState('');
  const chosen = asset ?? listed.find((a) => a !== 'MIR') ?? listed[0] ?? null;
  const amount = parseAmount(amountText);
  const lp = parseAmount(lpText);
  const slip = slippageFraction(loadSlippage());

  const pool = useLive(chosen !== null ? async (c) => {
    const info = await c.amm.pool(chosen, UST);
    if (!info) return null;
    const [assetReserve, ustReserve] = info.assetA === chosen ? [info.reserveA, info.reserveB] : [info.reserveB, info.reserveA];
    const mine = account ? await c.balance(account.address, info.lpToken) : 0n;
    return { info, assetReserve, ustReserve, mine };
  } : null, [chosen, account?.address]);

  const p = pool.data;
  const ust = p && amount !== null ? pairedAmount(amount, p.assetReserve, p.ustReserve) : null;

  return (
    <section aria-labelledby="pool-h">
      <h2 id="pool-h">Pool</h2>
      <div className="grid">
        <div className="card">
          <AssetSelect label="Pool" assets={listed} value={chosen} onChange={setAsset} testId="pool-asset" />
          <dl>
            <Row term="Reserves">{p ? <>{units(p.assetReserve)} {chosen !== null ? symbol(chosen) : ''} + {units(p.ustReserve)} UST</> : '—'}</Row>
            <Row term="Your LP tokens" testId="pool-lp">{units(p?.mine)}</Row>
            <Row term="Your share">{p ? formatPercent(poolShare(p.mine, p.info.totalShares), 4) : '—'}</Row>
          </dl>
        </div>
        <form className="card" onSubmit={(e) => e.preventDefault()}>
          <h3>Provide</h3>
          <AmountField label={`${chosen !== null ? symbol(chosen) : ''} amount`} value={amountText} onChange={setAmountText} testId="pool-provide-amount"
            hint={<>Paired with {units(ust)} UST at the pool's ratio; slippage tolerance {loadSlippage()} % (set on the Trade page)</>} />
          <TxPanel
            label="Provide liquidity" testId="provide" inputs={[chosen, amount, ust]}
            build={client && chosen !== null && amount !== null && amount > 0n && ust !== null && ust > 0n
              ? () => client.amm.provideLiquidity({ assetA: chosen, amountA: amount, assetB: UST, amountB: ust, slippageTolerance: slip })
              : null}
          />
          <h3>Withdraw</h3>
          <AmountField label="LP tokens to withdraw" value={lpText} onChange={setLpText} testId="pool-withdraw-amount" />
          <TxPanel
            label="Withdraw liquidity" testId="withdraw" inputs={[chosen, lp]}
            disabledReason={lp !== null && p && lp > p.mine ? 'More than you hold' : null}
            build={client && chosen !== null && lp !== null && lp > 0n ? () => client.amm.withdrawLiquidity(chosen, UST, lp) : null}
          />
        </form>
      </div>
    </section>
  );
}
