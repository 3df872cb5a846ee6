/**
 * Pool: provide liquidity to an asset's UST pool (at the pool's ratio, within the slippage
 * tolerance) through `client.amm.provideLiquidity`, or provide and bond the LP tokens in one call
 * (`client.staking.autoStake`, LpStaking's `auto_stake`); withdraw it (`client.amm.withdrawLiquidity`);
 * bond or unbond LP tokens and claim the MIR they earn (`client.staking.bond` / `unbond` /
 * `withdrawRewards`), with the bond read from `client.staking.rewardInfo`. Beside the provide form:
 * the LP tokens the deposit would mint (`lpForDeposit`, pallet-amm's formula) and your share of the
 * pool after it, from the reserves re-read each block.
 */
import { type AssetId, UST } from '@mirror-substrate/client';
import { useId, useState } from 'react';
import { TxPanel } from '../components/TxPanel';
import { AmountField, AssetSelect, Row, parseAmount, units } from '../components/ui';
import { useChain, useLive, useSymbol, useWallet } from '../chain';
import { formatPercent, lpForDeposit, pairedAmount, poolShare } from '../lib/math';
import { loadSlippage, slippageFraction } from '../lib/settings';

type StakeAction = 'bond' | 'unbond';

export function Pool() {
  const { listed, client } = useChain();
  const { account } = useWallet();
  const symbol = useSymbol();
  const [asset, setAsset] = useState<AssetId | null>(null);
  const [amountText, setAmountText] = useState('');
  const [lpText, setLpText] = useState('');
  const [stakeAction, setStakeAction] = useState<StakeAction>('bond');
  const [stakeText, setStakeText] = useState('');
  const stakeActionId = useId();
  const chosen = asset ?? listed.find((a) => a !== 'MIR') ?? listed[0] ?? null;
  const amount = parseAmount(amountText);
  const lp = parseAmount(lpText);
  const stakeAmount = parseAmount(stakeText);
  const slip = slippageFraction(loadSlippage());

  const pool = useLive(chosen !== null ? async (c) => {
    const [info, rewardPool, rewards] = await Promise.all([
      c.amm.pool(chosen, UST), c.staking.pool(chosen), account ? c.staking.rewardInfo(account.address, chosen) : Promise.resolve([]),
    ]);
    if (!info) return null;
    const [assetReserve, ustReserve] = info.assetA === chosen ? [info.reserveA, info.reserveB] : [info.reserveB, info.reserveA];
    const mine = account ? await c.balance(account.address, info.lpToken) : 0n;
    const lpReward = rewards.find((r) => !r.isShort) ?? null;
    return {
      info, assetReserve, ustReserve, mine,
      /** Whether LP tokens of this pool can be bonded (a reward pool on this very LP token). */
      stakeable: rewardPool !== null && String(rewardPool.stakingToken) === String(info.lpToken),
      totalBonded: rewardPool?.lp.totalBond ?? 0n,
      bonded: lpReward?.bondAmount ?? 0n,
      pending: rewards.reduce((s, r) => s + r.pendingReward, 0n),
    };
  } : null, [chosen, account?.address]);

  const p = pool.data;
  const ust = p && amount !== null ? pairedAmount(amount, p.assetReserve, p.ustReserve) : null;
  const deposit = p && amount !== null && ust !== null ? lpForDeposit(amount, ust, p.assetReserve, p.ustReserve, p.info.totalShares) : null;
  const shareAfter = p && deposit ? poolShare(p.mine + p.bonded + deposit.received, deposit.totalSharesAfter) : null;
  const sym = chosen !== null ? symbol(chosen) : '';
  const provideReady = client && chosen !== null && amount !== null && amount > 0n && ust !== null && ust > 0n;

  return (
    <section aria-labelledby="pool-h">
      <h2 id="pool-h">Pool</h2>
      <div className="grid">
        <div className="card">
          <AssetSelect label="Pool" assets={listed} value={chosen} onChange={setAsset} testId="pool-asset" />
          <dl>
            <Row term="Reserves">{p ? <>{units(p.assetReserve)} {sym} + {units(p.ustReserve)} UST</> : '—'}</Row>
            <Row term="Your LP tokens" testId="pool-lp" units={p?.mine}>{units(p?.mine)}</Row>
            <Row term="Your share">{p ? formatPercent(poolShare(p.mine + p.bonded, p.info.totalShares), 4) : '—'}</Row>
            <Row term="Your staked LP tokens" testId="pool-bonded" units={p?.bonded}>{units(p?.bonded)}</Row>
            <Row term="All staked LP tokens">{units(p?.totalBonded)}</Row>
            <Row term="Your pending MIR" testId="pool-pending" units={p?.pending}>{units(p?.pending)} MIR</Row>
          </dl>
          <p className="hint">Your share counts held and staked LP tokens. Staked LP tokens earn MIR each block; claim below.</p>
          <TxPanel
            label="Claim MIR" testId="claim" inputs={[chosen]}
            disabledReason={p && p.pending === 0n ? 'Nothing to claim yet' : null}
            build={client && chosen !== null ? () => client.staking.withdrawRewards(chosen) : null}
          />
        </div>
        <form className="card" onSubmit={(e) => e.preventDefault()}>
          <h3>Provide</h3>
          <AmountField label={`${sym} amount`} value={amountText} onChange={setAmountText} testId="pool-provide-amount"
            hint={<>Paired with <span data-testid="pool-provide-ust" data-units={ust?.toString()}>{units(ust)}</span> UST at the pool's ratio; slippage tolerance {loadSlippage()} % (set on the Trade page)</>} />
          <dl>
            <Row term="LP tokens received" testId="pool-provide-lp" units={deposit?.received}>{deposit ? units(deposit.received) : '—'}</Row>
            <Row term="Share of pool after" testId="pool-provide-share">{shareAfter !== null ? formatPercent(shareAfter, 4) : '—'}</Row>
          </dl>
          <div className="tx-pair">
            <TxPanel
              label="Provide and stake" testId="autostake" inputs={[chosen, amount, ust]}
              disabledReason={p && !p.stakeable ? 'This pool has no LP reward pool' : null}
              build={provideReady ? () => client.staking.autoStake(chosen, amount!, ust!, slip) : null}
            />
            <TxPanel
              label="Provide only" testId="provide" inputs={[chosen, amount, ust]}
              build={provideReady ? () => client.amm.provideLiquidity({ assetA: chosen, amountA: amount!, assetB: UST, amountB: ust!, slippageTolerance: slip }) : null}
            />
          </div>
          <p className="hint">“Provide and stake” provides and bonds the LP tokens in one transaction (they earn MIR at once). The share after counts your held and staked LP tokens with the new ones.</p>
          <h3>Stake</h3>
          <div className="field">
            <label htmlFor={stakeActionId}>Action</label>
            <select id={stakeActionId} value={stakeAction} onChange={(e) => setStakeAction(e.target.value as StakeAction)} data-testid="pool-stake-action">
              <option value="bond">Stake LP tokens you hold</option>
              <option value="unbond">Unstake LP tokens</option>
            </select>
          </div>
          <AmountField label="LP tokens" value={stakeText} onChange={setStakeText} testId="pool-stake-amount" />
          <TxPanel
            label={stakeAction === 'bond' ? 'Stake' : 'Unstake'} testId="stake" inputs={[chosen, stakeAction, stakeAmount]}
            disabledReason={p && stakeAmount !== null && stakeAmount > (stakeAction === 'bond' ? p.mine : p.bonded) ? 'More than you have' : null}
            build={client && chosen !== null && stakeAmount !== null && stakeAmount > 0n
              ? () => (stakeAction === 'bond' ? client.staking.bond(chosen, stakeAmount) : client.staking.unbond(chosen, stakeAmount))
              : null}
          />
          <h3>Withdraw</h3>
          <AmountField label="LP tokens to withdraw" value={lpText} onChange={setLpText} testId="pool-withdraw-amount" />
          <TxPanel
            label="Withdraw liquidity" testId="withdraw" inputs={[chosen, lp]}
            disabledReason={lp !== null && p && lp > p.mine ? 'More than you hold (unstake first)' : null}
            build={client && chosen !== null && lp !== null && lp > 0n ? () => client.amm.withdrawLiquidity(chosen, UST, lp) : null}
          />
        </form>
      </div>
    </section>
  );
}
