/**
 * One transaction: its fee estimate (the SDK's `estimateFee`, refreshed on every block), a
 * button, and its status: signing → in block → finalised, or the failure with the module error's
 * name and docs (the SDK's `MirrorError`).
 */
import { MirrorError, type MirrorTx, type TxResult, formatUnits } from '@mirror-substrate/client';
import { useEffect, useRef, useState } from 'react';
import { useChain, useLive, useWallet } from '../chain';
import { blockHashAt, onFinalized } from '../lib/sdk-gaps';

type Phase =
  | { phase: 'idle' }
  | { phase: 'signing' }
  | { phase: 'in-block'; blockNumber: number; blockHash: string }
  | { phase: 'finalized'; blockNumber: number; blockHash: string }
  | { phase: 'failed'; code: string; docs: string };

export interface TxPanelProps {
  /** The button's text. */
  label: string;
  /** Builds the transaction from the current inputs; null while they are incomplete. */
  build: (() => MirrorTx) | null;
  /** Everything `build` depends on, to know when to estimate the fee again. */
  inputs: unknown[];
  /** Why the button is disabled, if it is. */
  disabledReason?: string | null;
  onIncluded?: (r: TxResult) => void;
  /** Called when the person clicks the button, before signing. */
  onSubmit?: () => void;
  testId: string;
}

export function TxPanel({ label, build, inputs, disabledReason, onIncluded, onSubmit, testId }: TxPanelProps) {
  const { client } = useChain();
  const { account, signer } = useWallet();
  const [status, setStatus] = useState<Phase>({ phase: 'idle' });
  const finalityUnsub = useRef<(() => void) | null>(null);
  useEffect(() => () => finalityUnsub.current?.(), []);

  const fee = useLive(
    build && account ? () => build().estimateFee(account.address) : null,
    [account?.address, ...inputs],
  );

  const busy = status.phase === 'signing';
  const disabled = !build || !account || busy || !!disabledReason;

  async function submit() {
    if (!build || !client) return;
    onSubmit?.();
    finalityUnsub.current?.();
    finalityUnsub.current = null;
    setStatus({ phase: 'signing' });
    try {
      const tx = build();
      const r = await tx.send(await signer());
      setStatus({ phase: 'in-block', blockNumber: r.blockNumber, blockHash: r.blockHash });
      onIncluded?.(r);
      // Finality: the first finalised head at or past the block, if that block is the one on the
      // finalised chain at its height.
      let done = false;
      const unsub = await onFinalized(client, (n) => {
        if (done || n < r.blockNumber) return;
        done = true;
        blockHashAt(client, r.blockNumber).then((hash) => {
          if (hash === r.blockHash) setStatus((s) => (s.phase === 'in-block' && s.blockHash === r.blockHash ? { ...s, phase: 'finalized' } : s));
          else setStatus({ phase: 'failed', code: 'Retracted', docs: `block #${r.blockNumber} was replaced; the transaction may be in another block` });
        }, () => {});
        finalityUnsub.current?.();
        finalityUnsub.current = null;
      });
      if (done) unsub();
      else finalityUnsub.current = unsub;
    } catch (e) {
      if (e instanceof MirrorError) setStatus({ phase: 'failed', code: e.code, docs: e.docs });
      else setStatus({ phase: 'failed', code: 'Error', docs: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div className="tx" data-testid={testId}>
      <p className="fee">
        Fee estimate:{' '}
        <span data-testid={`${testId}-fee`} data-units={fee.data !== undefined ? fee.data.toString() : undefined}>
          {fee.data !== undefined ? `${formatUnits(fee.data)} MIR` : fee.error ? `unavailable (${fee.error.message})` : build ? '…' : '—'}
        </span>
      </p>
      <button type="button" className="primary" disabled={disabled} onClick={submit} data-testid={`${testId}-submit`}>
        {busy ? 'Signing…' : label}
      </button>
      {disabledReason && <p className="hint">{disabledReason}</p>}
      <div role="status" aria-live="polite" className={`status status-${status.phase}`} data-testid={`${testId}-status`} data-phase={status.phase}
        data-block-hash={'blockHash' in status ? status.blockHash : undefined}>
        {status.phase === 'signing' && 'Signing and submitting…'}
        {status.phase === 'in-block' && <>In block #{status.blockNumber}; waiting for finality…</>}
        {status.phase === 'finalized' && <>Finalised in block #{status.blockNumber}</>}
        {status.phase === 'failed' && (
          <>
            <strong data-testid={`${testId}-error`}>Failed: {status.code}</strong>
            {status.docs && <span className="docs"> — {status.docs}</span>}
          </>
        )}
      </div>
    </div>
  );
}
