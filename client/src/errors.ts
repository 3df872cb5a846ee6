/** Errors from the chain, decoded into the pallet and error names the runtime declares. */

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A failed extrinsic or runtime call, with the module error's pallet and name when there is one. */
export class MirrorError extends Error {
  /** The pallet, in @polkadot/api's camelCase (`mint`, `amm`, `gov`, ...), or `null`. */
  readonly section: string | null;
  /** The error's name (`InvalidCollateralRatio`, `MaxSpreadExceeded`, ...) or the error kind. */
  readonly errorName: string;
  /** The error's documentation from the runtime metadata, when known. */
  readonly docs: string;

  constructor(section: string | null, errorName: string, docs = '') {
    super(section ? `${section}.${errorName}${docs ? `: ${docs}` : ''}` : errorName);
    this.name = 'MirrorError';
    this.section = section;
    this.errorName = errorName;
    this.docs = docs;
  }

  /** `section.Name`, e.g. `mint.InvalidCollateralRatio`. */
  get code(): string {
    return this.section ? `${this.section}.${this.errorName}` : this.errorName;
  }

  /** Whether this is `section.name` (`is('amm', 'MaxSpreadExceeded')`) or `is('amm.MaxSpreadExceeded')`. */
  is(sectionOrCode: string, errorName?: string): boolean {
    return errorName === undefined
      ? this.code === sectionOrCode
      : this.section === sectionOrCode && this.errorName === errorName;
  }
}

/** The minimal view of a registry that decoding needs (a @polkadot/api `api.registry`). */
export interface MetaErrorRegistry {
  findMetaError(error: { index: any; error: any }): { section: string; name: string; docs: string[] };
}

/**
 * Decodes a `DispatchError` codec into a `MirrorError`: module errors by name from the metadata,
 * token and arithmetic errors by kind (`Token.FundsUnavailable`), others by their variant.
 */
export function decodeDispatchError(registry: MetaErrorRegistry, dispatchError: any): MirrorError {
  if (dispatchError?.isModule) {
    try {
      const meta = registry.findMetaError(dispatchError.asModule);
      return new MirrorError(meta.section, meta.name, meta.docs.join(' ').trim());
    } catch {
      return new MirrorError(null, `Module(${dispatchError.asModule.toString()})`);
    }
  }
  if (dispatchError && typeof dispatchError.type === 'string') {
    const inner = dispatchError.value;
    const detail = inner && typeof inner.type === 'string' ? `.${inner.type}` : '';
    return new MirrorError(null, `${dispatchError.type}${detail}`);
  }
  return new MirrorError(null, String(dispatchError));
}

/**
 * The docs of variant `variant` of the enum type the registry names `typeName` (a runtime type such
 * as `MirrorPrimitivesMintPositionRatioError`), from the metadata's type lookup; `''` if unknown.
 */
function variantDocs(registry: any, typeName: string | undefined, variant: string): string {
  try {
    const lookup = registry?.lookup;
    if (!lookup || !typeName) return '';
    for (const t of lookup.types) {
      if (lookup.getName(t.id) !== typeName || !t.type.def.isVariant) continue;
      const v = t.type.def.asVariant.variants.find((x: any) => x.name.toString() === variant);
      return v ? v.docs.map(String).join(' ').replace(/\s+/g, ' ').trim() : '';
    }
  } catch {
    // No lookup (a registry without metadata): no docs.
  }
  return '';
}

/**
 * The value of a runtime API's `Result<T, E>` answer, or a thrown `MirrorError`: the one place the
 * client's runtime-API wrappers turn an `Err` into an exception.
 *
 * - An `Err(DispatchError)` (`AmmApi.simulate_swap`, `MintApi.simulate_auction`, ...) decodes as a
 *   failed extrinsic's does: a module error by its pallet and name, with its docs
 *   (`mint.UnknownPosition`), others by kind (`Arithmetic.Overflow`). The error is looked up in the
 *   registry of the block the answer was read at (the answer's own), else in `registry`.
 * - An `Err` of another enum (`MintApi.collateral_ratio`'s `PositionRatioError`) becomes
 *   `section.Variant` (`mint.PriceUnavailable`), with the variant's docs when the metadata has them.
 */
export function unwrapApiResult(result: any, section: string | null = null, registry?: MetaErrorRegistry): any {
  if (!result.isErr) return result.asOk;
  const err = result.asErr;
  const reg = result.registry ?? registry;
  if (err && typeof err === 'object' && 'isModule' in err) throw decodeDispatchError(reg, err);
  if (err && typeof err.type === 'string') {
    throw new MirrorError(section, err.type, variantDocs(reg, reg?.getClassName?.(err.constructor), err.type));
  }
  throw new MirrorError(section, String(err));
}

/**
 * The code `N` of a transaction refused as `InvalidTransaction::Custom(N)` ("1010: Invalid
 * Transaction: Custom error: N", a `MirrorError` of kind `InvalidTransaction` from `send`), else
 * `null`. Such a transaction never entered the pool: it paid nothing and its nonce is unused.
 */
export function customInvalidCode(e: unknown): number | null {
  if (!(e instanceof MirrorError) || e.errorName !== 'InvalidTransaction') return null;
  const m = /Custom error: (\d+)/.exec(`${e.docs} ${e.message}`);
  return m ? Number(m[1]) : null;
}

/**
 * Why the runtime's `CheckFeed` extension refuses a signed `oracle.feedPrices`, by its
 * `InvalidTransaction::Custom` code: the name of the `oracle` error the call would fail with.
 */
export const FEED_REFUSALS: Readonly<Record<number, string>> = {
  1: 'EmptyFeed',
  2: 'DuplicateAsset',
  3: 'ZeroPrice',
  4: 'UnknownAsset',
  5: 'NotFeeder',
  6: 'AlreadyFed',
  7: 'TooManyFeedsInBlock',
};

/**
 * For an `oracle.feedPrices` that the node refused before the pool: the reason as the `oracle`
 * error name (`NotFeeder`, `AlreadyFed`, ...); `null` for any other error.
 */
export function feedRefusal(e: unknown): string | null {
  const code = customInvalidCode(e);
  return code === null ? null : FEED_REFUSALS[code] ?? `Custom(${code})`;
}
