// Runtime-API answers of type `Result<T, E>`: the value, or a `MirrorError` decoded from the `Err`
// (a `DispatchError` by pallet and name, another error enum by its variant), in one helper that
// every wrapper uses. No node: real SCALE codecs from a bare registry, and fake metadata lookups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypeRegistry } from '@polkadot/types';
import { MirrorError, unwrapApiResult } from '../src/errors.js';
import { AmmModule } from '../src/modules/amm.js';
import { MintModule } from '../src/modules/mint.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A registry that knows `mint`'s error 1 at pallet index 23, as the dev runtime's metadata does. */
function mintRegistry(): TypeRegistry {
  const registry = new TypeRegistry();
  registry.register({
    PositionRatio: { ratio: 'u128', required: 'u128' },
    PositionRatioError: { _enum: ['UnknownPosition', 'PriceUnavailable'] },
    AuctionQuote: { liquidated_amount: 'u128', returned_collateral: 'u128' },
  });
  (registry as any).findMetaError = ({ index, error }: { index: any; error: any }) => {
    const [i, e] = [Number(index.toString()), error.toU8a ? error.toU8a()[0] : Number(error)];
    if (i === 23 && e === 1) return { section: 'mint', name: 'UnknownPosition', docs: [' No position has this id.'] };
    if (i === 23 && e === 5) return { section: 'mint', name: 'ZeroAmount', docs: [' A zero amount.'] };
    throw new Error(`no error ${i}/${e}`);
  };
  return registry;
}

const moduleErr = (index: number, error: number) => ({ Err: { Module: { index, error: [error, 0, 0, 0] } } });

test('an Ok answer is its value', () => {
  const registry = mintRegistry();
  const ok = registry.createType('Result<u128, DispatchError>', { Ok: 42 });
  assert.equal((unwrapApiResult(ok) as any).toBigInt(), 42n);
  const ratio = registry.createType('Result<bool, PositionRatioError>', { Ok: true });
  assert.equal(unwrapApiResult(ratio, 'mint').isTrue, true);
});

test('Err(DispatchError::Module) throws the pallet and error name, with docs, from the answer\'s registry', () => {
  const registry = mintRegistry();
  const answer = registry.createType('Result<u128, DispatchError>', moduleErr(23, 1));
  // A fallback registry that would answer differently is not used: the answer carries its own.
  const other = { findMetaError: () => ({ section: 'amm', name: 'Wrong', docs: [] }) };
  assert.throws(() => unwrapApiResult(answer, 'amm', other), (e: unknown) => {
    assert.ok(e instanceof MirrorError);
    assert.equal(e.section, 'mint');
    assert.equal(e.errorName, 'UnknownPosition');
    assert.equal(e.code, 'mint.UnknownPosition');
    assert.equal(e.docs, 'No position has this id.');
    assert.ok(e.is('mint', 'UnknownPosition'));
    assert.equal(e.message, 'mint.UnknownPosition: No position has this id.');
    return true;
  });
});

test('other DispatchErrors throw by kind; an unknown module error by its indices', () => {
  const registry = mintRegistry();
  const arithmetic = registry.createType('Result<u128, DispatchError>', { Err: { Arithmetic: 'Overflow' } });
  assert.throws(() => unwrapApiResult(arithmetic, 'amm'), (e: unknown) => e instanceof MirrorError && e.code === 'Arithmetic.Overflow' && e.section === null);
  const origin = registry.createType('Result<u128, DispatchError>', { Err: 'BadOrigin' });
  assert.throws(() => unwrapApiResult(origin), (e: unknown) => e instanceof MirrorError && e.code === 'BadOrigin');
  const unknown = registry.createType('Result<u128, DispatchError>', moduleErr(99, 7));
  assert.throws(() => unwrapApiResult(unknown), (e: unknown) => e instanceof MirrorError && e.section === null && e.errorName.startsWith('Module('));
});

test('an Err of another error enum throws section.Variant', () => {
  const registry = mintRegistry();
  const answer = registry.createType('Result<PositionRatio, PositionRatioError>', { Err: 'PriceUnavailable' });
  assert.throws(() => unwrapApiResult(answer, 'mint'), (e: unknown) => {
    assert.ok(e instanceof MirrorError);
    assert.equal(e.code, 'mint.PriceUnavailable');
    assert.equal(e.docs, '', 'a bare registry has no type lookup, so no docs');
    return true;
  });
});

test('an error enum\'s variant docs come from the metadata\'s type lookup when it has them', () => {
  class RatioError { readonly type = 'PriceUnavailable'; }
  const lookup = {
    types: [
      { id: 7, type: { def: { isVariant: false } } },
      { id: 8, type: { def: { isVariant: true, asVariant: { variants: [
        { name: 'UnknownPosition', docs: [' No position has this id.'] },
        { name: 'PriceUnavailable', docs: [' The asset\'s or the collateral\'s price is', ' missing, stale or frozen.'] },
      ] } } } },
    ],
    getName: (id: number) => (id === 8 ? 'MirrorPrimitivesMintPositionRatioError' : 'Other'),
  };
  const registry = { lookup, getClassName: (c: unknown) => (c === RatioError ? 'MirrorPrimitivesMintPositionRatioError' : undefined) };
  const answer = { isErr: true, asErr: new RatioError(), registry };
  assert.throws(() => unwrapApiResult(answer, 'mint'), (e: unknown) =>
    e instanceof MirrorError && e.code === 'mint.PriceUnavailable'
    && e.docs === 'The asset\'s or the collateral\'s price is missing, stale or frozen.');
});

test('an answer without a registry of its own decodes with the one given', () => {
  const dispatchError = { isModule: true, asModule: { index: 23, error: 1, toString: () => '{}' } };
  const fallback = { findMetaError: () => ({ section: 'mint', name: 'UnknownPosition', docs: ['No position has this id.'] }) };
  assert.throws(() => unwrapApiResult({ isErr: true, asErr: dispatchError }, null, fallback),
    (e: unknown) => e instanceof MirrorError && e.code === 'mint.UnknownPosition');
});

/** A `Ctx` whose runtime API answers are the given codecs. */
function ctxWith(registry: TypeRegistry, call: Record<string, Record<string, (...a: any[]) => any>>): any {
  return { api: { registry }, view: { call }, tx: () => { throw new Error('unused'); } };
}

test('the Mint and AMM wrappers throw MirrorError for an Err answer, and return the value of an Ok one', async () => {
  const registry = mintRegistry();
  const err = registry.createType('Result<AuctionQuote, DispatchError>', moduleErr(23, 1));
  const ok = registry.createType('Result<AuctionQuote, DispatchError>', { Ok: { liquidated_amount: 3, returned_collateral: 4 } });
  const ratioErr = registry.createType('Result<PositionRatio, PositionRatioError>', { Err: 'UnknownPosition' });
  const boolErr = registry.createType('Result<bool, PositionRatioError>', { Err: 'PriceUnavailable' });
  const boolOk = registry.createType('Result<bool, PositionRatioError>', { Ok: true });
  const swapErr = registry.createType('Result<u128, DispatchError>', { Err: { Arithmetic: 'Underflow' } });
  const answers: Record<string, any> = { simulateAuction: err, collateralRatio: ratioErr, liquidatable: boolErr };
  const mint = new MintModule(ctxWith(registry, { mintApi: {
    simulateAuction: async (id: unknown) => (id === 1 ? ok : answers.simulateAuction),
    collateralRatio: async () => answers.collateralRatio,
    liquidatable: async (id: unknown) => (id === 1 ? boolOk : answers.liquidatable),
  } }));
  await assert.rejects(mint.simulateAuction(999, 1n), (e: unknown) => e instanceof MirrorError && e.code === 'mint.UnknownPosition' && e.docs === 'No position has this id.');
  assert.deepEqual(await mint.simulateAuction(1, 1n), { liquidatedAmount: 3n, returnedCollateral: 4n });
  await assert.rejects(mint.collateralRatio(999), (e: unknown) => e instanceof MirrorError && e.code === 'mint.UnknownPosition');
  await assert.rejects(mint.liquidatable(999), (e: unknown) => e instanceof MirrorError && e.code === 'mint.PriceUnavailable');
  assert.equal(await mint.liquidatable(1), true);
  const amm = new AmmModule(ctxWith(registry, { ammApi: {
    simulateSwap: async () => err, reverseSimulateSwap: async () => err, simulateRoute: async () => swapErr,
  } }));
  await assert.rejects(amm.simulateSwap(101, 0, 1n), (e: unknown) => e instanceof MirrorError && e.code === 'mint.UnknownPosition');
  await assert.rejects(amm.reverseSimulateSwap(101, 0, 1n), (e: unknown) => e instanceof MirrorError && e.code === 'mint.UnknownPosition');
  await assert.rejects(amm.simulateRoute([101, 0], 1n), (e: unknown) => e instanceof MirrorError && e.code === 'Arithmetic.Underflow');
});
