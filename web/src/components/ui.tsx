/** Small shared pieces: labelled fields, amounts, asset pickers. */
import { type AssetId, MirrorError, formatFixed, formatUnits, toUnits } from '@mirror-substrate/client';
import { type ReactNode, useId } from 'react';
import { useSymbol } from '../chain';

/** An amount typed by a person, parsed exactly (6 decimals); null if empty or invalid. */
export function parseAmount(text: string): bigint | null {
  if (text.trim() === '') return null;
  try {
    return toUnits(text);
  } catch {
    return null;
  }
}

export function amountError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    toUnits(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Whole tokens with up to 6 decimals. */
export const units = (x: bigint | null | undefined, max = 6) => (x === null || x === undefined ? '—' : formatUnits(x, max));
/** A `FixedU128` price with 4 decimals. */
export const price = (x: bigint | null | undefined, max = 4) => (x === null || x === undefined ? '—' : formatFixed(x, max));

export function AmountField({ label, value, onChange, testId, suffix, hint }: {
  label: string; value: string; onChange(v: string): void; testId: string; suffix?: ReactNode; hint?: ReactNode;
}) {
  const id = useId();
  const err = amountError(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id} inputMode="decimal" autoComplete="off" placeholder="0.0" value={value}
          onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-invalid={!!err}
          aria-describedby={err ? `${id}-err` : undefined}
        />
        {suffix && <span className="suffix">{suffix}</span>}
      </div>
      {err && <p className="error" id={`${id}-err`}>{err}</p>}
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

export function AssetSelect({ label, assets, value, onChange, testId }: {
  label: string; assets: AssetId[]; value: AssetId | null; onChange(a: AssetId): void; testId: string;
}) {
  const id = useId();
  const symbol = useSymbol();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id} value={value === null ? '' : String(value)} data-testid={testId}
        onChange={(e) => onChange(e.target.value === 'MIR' ? 'MIR' : Number(e.target.value))}
      >
        {assets.map((a) => <option key={String(a)} value={String(a)}>{symbol(a)}</option>)}
      </select>
    </div>
  );
}

/** A label and a value in a definition list. */
export function Row({ term, children, testId, units: raw }: { term: ReactNode; children: ReactNode; testId?: string; units?: bigint | null }) {
  return (
    <div className="row">
      <dt>{term}</dt>
      <dd data-testid={testId} data-units={raw === null || raw === undefined ? undefined : raw.toString()}>{children}</dd>
    </div>
  );
}

/** A duration in seconds as `1 h 2 min` / `45 s`. */
export function duration(seconds: bigint): string {
  const s = seconds < 0n ? 0n : seconds;
  if (s < 60n) return `${s} s`;
  if (s < 3600n) return `${s / 60n} min ${s % 60n} s`;
  if (s < 86_400n) return `${s / 3600n} h ${(s % 3600n) / 60n} min`;
  return `${s / 86_400n} d ${(s % 86_400n) / 3600n} h`;
}

/** Chain time (seconds) as a local date and time. */
export function dateTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toLocaleString();
}

/** A failed chain read or simulation: the module error's name (`mint.DebtBelowMinimum`) and its docs, or the message. */
export function ChainError({ error, testId }: { error: Error; testId?: string }) {
  if (error instanceof MirrorError) {
    return (
      <p className="error" data-testid={testId} data-code={error.code}>
        <strong>{error.code}</strong>{error.docs && <span className="docs"> — {error.docs}</span>}
      </p>
    );
  }
  return <p className="error" data-testid={testId}>{error.message}</p>;
}

/** The short form of an error for a disabled button's hint. */
export function errorCode(error: Error): string {
  return error instanceof MirrorError ? error.code : error.message;
}
