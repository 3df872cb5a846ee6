import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypeRegistry } from '@polkadot/types';
import { toPlain } from '../src/convert.js';
import { MirrorError, decodeDispatchError } from '../src/errors.js';
import { decodeEvent } from '../src/tx.js';

const registry = new TypeRegistry();
registry.register({
  AssetKind: { _enum: { Native: 'Null', WithId: 'u32' } },
  PricePoint: { price: 'u128', updated_at: 'u64' },
  PriceErr: { _enum: ['UnknownAsset', 'NoPrice', 'Stale', 'Frozen', 'NotEnoughFeeds'] },
  Feed: { feeder: 'AccountId32', latest: 'Option<PricePoint>', fresh: 'bool' },
  Info: { asset: 'AssetKind', price: 'Result<PricePoint, PriceErr>', feeds: 'Vec<Feed>', title: 'Bytes', call: 'Option<Bytes>', weight: 'u32' },
  Source: { _enum: { Oracle: 'Null', Fixed: 'u128' } },
});
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

test('structs become objects with camelCase keys, u128 and u64 bigints, u32 numbers', () => {
  const info = registry.createType('Info', {
    asset: { WithId: 101 },
    price: { Ok: { price: 180n * 10n ** 18n, updated_at: 1_700_000_000 } },
    feeds: [{ feeder: ALICE, latest: null, fresh: false }],
    title: 'List mMSFT',
    call: '0x0102ff',
    weight: 7,
  });
  assert.deepEqual(toPlain(info), {
    asset: 101,
    price: { ok: { price: 180n * 10n ** 18n, updatedAt: 1_700_000_000n } },
    feeds: [{ feeder: ALICE, latest: null, fresh: false }],
    title: 'List mMSFT',
    call: '0x0102ff',
    weight: 7,
  });
});

test('enums: Native is MIR, unit variants are names, others are { variant: value }', () => {
  assert.equal(toPlain(registry.createType('AssetKind', 'Native')), 'MIR');
  assert.equal(toPlain(registry.createType('AssetKind', { WithId: 1 })), 1);
  assert.equal(toPlain(registry.createType('PriceErr', 'Stale')), 'Stale');
  assert.deepEqual(toPlain(registry.createType('Result<PricePoint, PriceErr>', { Err: 'NoPrice' })), { err: 'NoPrice' });
  assert.deepEqual(toPlain(registry.createType('Source', { Fixed: 5 })), { fixed: 5n });
  assert.equal(toPlain(registry.createType('Source', 'Oracle')), 'Oracle');
  assert.equal(toPlain(registry.createType('Option<u128>', null)), null);
  assert.deepEqual(toPlain(registry.createType('Vec<(u32, u128)>', [[1, 2], [3, 4]])), [[1, 2n], [3, 4n]]);
  assert.equal(toPlain(registry.createType('Compact<u128>', 9)), 9n);
  assert.equal(toPlain(42), 42, 'plain values pass through');
});

test('module errors decode to their pallet and name, with docs', () => {
  const fake = {
    findMetaError: ({ index, error }: { index: unknown; error: unknown }) => {
      assert.equal(String(index), '23');
      assert.equal(String(error), '0x05000000');
      return { section: 'mint', name: 'InsufficientCollateralRatio', docs: ['The position would fall below', 'the minimum.'] };
    },
  };
  const dispatchError = { isModule: true, asModule: { index: 23, error: '0x05000000', toString: () => '{}' } };
  const e = decodeDispatchError(fake, dispatchError);
  assert.ok(e instanceof MirrorError);
  assert.equal(e.code, 'mint.InsufficientCollateralRatio');
  assert.equal(e.docs, 'The position would fall below the minimum.');
  assert.ok(e.is('mint', 'InsufficientCollateralRatio'));
  assert.ok(e.is('mint.InsufficientCollateralRatio'));
  assert.ok(!e.is('amm.ZeroAmount'));
  assert.match(e.message, /^mint\.InsufficientCollateralRatio: The position/);
});

test('other dispatch errors decode by kind', () => {
  const token = { isModule: false, type: 'Token', value: { type: 'FundsUnavailable' } };
  assert.equal(decodeDispatchError({ findMetaError: () => { throw new Error('unused'); } }, token).code, 'Token.FundsUnavailable');
  const origin = { isModule: false, type: 'BadOrigin', value: null };
  assert.equal(decodeDispatchError({ findMetaError: () => { throw new Error('unused'); } }, origin).code, 'BadOrigin');
  const unknown = { isModule: true, asModule: { toString: () => '{"index":99}' } };
  assert.equal(decodeDispatchError({ findMetaError: () => { throw new Error('no such'); } }, unknown).code, 'Module({"index":99})');
});

test('events decode their fields by camelCase name', () => {
  const data: unknown[] = [registry.createType('u64', 3), registry.createType('AccountId32', ALICE), registry.createType('u128', 10)];
  Object.assign(data, { names: ['position_id', 'owner', 'minted_amount'] });
  const event = { section: 'mint', method: 'PositionOpened', data };
  assert.deepEqual(decodeEvent(event), {
    section: 'mint', method: 'PositionOpened', data: { positionId: 3n, owner: ALICE, mintedAmount: 10n },
  });
});

test('nonces: the larger of the node\'s and the last used, for a while; concurrent sends differ', async () => {
  const { NonceTracker } = await import('../src/tx.js');
  let chain = 5n;
  const api = { rpc: { system: { accountNextIndex: async () => ({ toBigInt: () => chain }) } } } as never;
  const t = new NonceTracker(50);
  assert.equal(await t.reserve(api, 'a'), 5n);
  // The node still answers 5 (the first is in a block but not yet out of the pool): 6, not 5.
  assert.equal(await t.reserve(api, 'a'), 6n);
  const [x, y] = await Promise.all([t.reserve(api, 'a'), t.reserve(api, 'a')]);
  assert.deepEqual([x, y], [7n, 8n]);
  assert.equal(await t.reserve(api, 'b'), 5n, 'per signer');
  // A send refused by the pool gives its nonce back.
  t.release('a', 9n);
  assert.equal(await t.reserve(api, 'a'), 9n);
  t.release('a', 9n);
  chain = 9n;
  assert.equal(await t.reserve(api, 'a'), 9n);
  // A remembered nonce ahead of the node is trusted only briefly (a dropped transaction heals).
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(await t.reserve(api, 'a'), 9n);
});

test('mint.updateAsset\'s pre-IPO terms: omitted is None, null is Some(None), terms are Some(Some)', async () => {
  const { ipoParamsUpdate } = await import('../src/client.js');
  const r = new TypeRegistry();
  r.register({
    IpoParams: { mintEnd: 'u64', preIpoPrice: 'u128', minCollateralRatioAfterIpo: 'u128', triggerAccount: 'AccountId32' },
    // The call's arguments, as @polkadot/api builds them: a struct decoded from the argument array.
    UpdateAssetArgs: { asset: 'u32', auctionDiscount: 'Option<u128>', minCollateralRatio: 'Option<u128>', ipoParams: 'Option<Option<IpoParams>>' },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const arg = (v: unknown) => (r.createType('UpdateAssetArgs', [101, null, null, v]) as any).get('ipoParams');
  const unchanged = arg(ipoParamsUpdate(undefined));
  assert.equal(unchanged.isNone, true);
  assert.equal(unchanged.toHex(), '0x');
  const cleared = arg(ipoParamsUpdate(null));
  assert.equal(cleared.isSome, true);
  assert.equal(cleared.unwrap().isNone, true);
  assert.deepEqual(Array.from(cleared.toU8a()), [1, 0]);
  const set = arg(ipoParamsUpdate({ mintEnd: 1_900_000_000, preIpoPrice: '100', minCollateralRatioAfterIpo: '1.5', triggerAccount: ALICE }));
  assert.equal(set.isSome && set.unwrap().isSome, true);
  assert.deepEqual(toPlain(set.unwrap().unwrap()), {
    mintEnd: 1_900_000_000n, preIpoPrice: 100n * 10n ** 18n, minCollateralRatioAfterIpo: 15n * 10n ** 17n, triggerAccount: ALICE,
  });
  assert.deepEqual(Array.from(set.toU8a().subarray(0, 2)), [1, 1]);
  // Why bytes for Some(None): the obvious inputs are the outer None, or worse, a default struct.
  assert.equal(arg(null).isNone, true);
  assert.equal(arg({ Some: null }).unwrap().isSome, true);
});

test('Mint\'s liquidation protection: parameters, ratios with a schedule, positions at risk, updateConfig', async () => {
  const { MintModule } = await import('../src/modules/mint.js');
  const { CollateralOracleModule } = await import('../src/modules/collateral-oracle.js');
  const r = new TypeRegistry();
  r.register({
    MintParameters: {
      protocol_fee_rate: 'u128', price_max_age: 'u64', lock_period: 'u64', close_factor: 'Permill',
      full_liquidation_ratio: 'Permill', min_debt_value: 'u128', risk_change_delay: 'u64',
    },
    ScheduledChange: { value: 'u128', effective_at: 'u64' },
    PositionRatio: { collateral_ratio: 'Option<u128>', required_ratio: 'u128', scheduled: 'Option<ScheduledChange>' },
  });
  const F = 10n ** 18n;
  const parameters = r.createType('MintParameters', {
    protocol_fee_rate: 15n * F / 1000n, price_max_age: 60, lock_period: 120, close_factor: 500_000,
    full_liquidation_ratio: 950_000, min_debt_value: 1_000_000, risk_change_delay: 120,
  });
  const scheduled = { value: 2n * F, effective_at: 1_900_000_000 };
  const ratio = r.createType('PositionRatio', { collateral_ratio: 16n * F / 10n, required_ratio: 15n * F / 10n, scheduled });
  const atRisk = r.createType('Vec<(u64, PositionRatio)>', [[7, ratio.toJSON()]]);
  const sent: { call: string; args: unknown[] }[] = [];
  const record = (call: string) => (...args: unknown[]) => { sent.push({ call, args }); return { call, args }; };
  const ctx = {
    api: {
      tx: {
        mint: { updateConfig: record('updateConfig'), applyRiskChange: record('applyRiskChange') },
        collateralOracle: { applyMultiplierChange: record('applyMultiplierChange') },
      },
    },
    view: {
      call: {
        mintApi: {
          parameters: async () => parameters,
          scheduledMinCollateralRatio: async () => r.createType('Option<ScheduledChange>', scheduled),
          positionsAtRisk: async (owner: string) => { assert.equal(owner, ALICE); return atRisk; },
        },
      },
    },
    tx: (e: unknown) => e,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mint = new MintModule(ctx as any);
  assert.deepEqual(await mint.parameters(), {
    protocolFeeRate: 15n * F / 1000n, priceMaxAge: 60n, lockPeriod: 120n, closeFactor: 500_000,
    fullLiquidationRatio: 950_000, minDebtValue: 1_000_000n, riskChangeDelay: 120n,
  });
  assert.deepEqual(await mint.scheduledMinCollateralRatio(101), { value: 2n * F, effectiveAt: 1_900_000_000n });
  assert.deepEqual(await mint.positionsAtRisk(ALICE), [{
    positionId: 7n, collateralRatio: 16n * F / 10n, requiredRatio: 15n * F / 10n, scheduled: { value: 2n * F, effectiveAt: 1_900_000_000n },
  }]);

  // The seven Option arguments, in the chain's order; Permills from a fraction or parts per million.
  mint.updateConfig({ closeFactor: '0.5', fullLiquidationRatio: 950_000, minDebtValue: '10', riskChangeDelay: 86_400 });
  mint.updateConfig({ protocolFeeRate: '0.015', priceMaxAge: 60, lockPeriod: 120 });
  mint.applyRiskChange(101);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  new CollateralOracleModule(ctx as any).applyMultiplierChange('MIR');
  assert.deepEqual(sent, [
    { call: 'updateConfig', args: [null, null, null, 500_000, 950_000, 10_000_000n, 86_400] },
    { call: 'updateConfig', args: [15n * F / 1000n, 60, 120, null, null, null, null] },
    { call: 'applyRiskChange', args: [{ WithId: 101 }] },
    { call: 'applyMultiplierChange', args: ['Native'] },
  ]);
  assert.throws(() => mint.updateConfig({ closeFactor: '1.5' }), /not a Permill/);
});
