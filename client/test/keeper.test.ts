import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideAuction, exposure, sizeOffer, type AuctionContext, type OfferContext } from '../src/keeper/strategy.js';
import { FIXED, UNIT, toFixed } from '../src/units.js';
import { booleanOption, checkKnown, numberOption, parseArgs, retry } from '../src/cli.js';
import { DEFAULT_KEEPER_OPTIONS, LiquidationKeeper } from '../src/keeper/keeper.js';
import { MirrorError } from '../src/errors.js';
import type { AuctionQuote, PositionEntry } from '../src/types.js';

// A position owing 10 mAAPL at 250 UST: the auction returns 3,087.5 UST of collateral.
const base: AuctionContext = {
  quote: {
    liquidatedAmount: 10n * UNIT, refundedAsset: 0n, returnedCollateral: 3_087_500_000n, protocolFee: 37_500_000n,
    leftoverCollateral: 475_000_000n, forgivenDebt: 0n,
  },
  held: 20n * UNIT,
  buyCost: null,
  assetPrice: 250n * FIXED,
  collateralPrice: FIXED,
  feeUst: 10_000n,
  minProfit: UNIT,
};

test('auction from holdings when the collateral is worth more than the mAssets and fees', () => {
  const d = decideAuction(base);
  assert.equal(d.action, 'auction');
  if (d.action !== 'auction') return;
  assert.equal(d.offer, 10n * UNIT);
  assert.equal(d.buy, 0n);
  assert.equal(d.value, 3_087_500_000n);
  assert.equal(d.cost, 2_500_000_000n + 10_000n);
  assert.equal(d.profit, 587_490_000n);
});

test('buy what it lacks, counting the purchase at its AMM cost', () => {
  const d = decideAuction({ ...base, held: 4n * UNIT, buyCost: 1_600_000_000n });
  assert.equal(d.action, 'auction');
  if (d.action !== 'auction') return;
  assert.equal(d.buy, 6n * UNIT);
  assert.equal(d.cost, 1_000_000_000n + 1_600_000_000n + 10_000n);
  assert.equal(d.profit, 3_087_500_000n - 2_600_010_000n);
});

test('skip when buying is off and it holds too little, or when it does not pay', () => {
  const noBuy = decideAuction({ ...base, held: 4n * UNIT });
  assert.equal(noBuy.action, 'skip');
  assert.match(noBuy.action === 'skip' ? noBuy.reason : '', /buying is off/);

  // Pricier mAssets than the collateral returned: a loss.
  const loss = decideAuction({ ...base, assetPrice: 310n * FIXED });
  assert.equal(loss.action, 'skip');
  assert.equal(loss.profit, 3_087_500_000n - 3_100_000_000n - 10_000n);

  // Exactly at the minimum profit still acts; a unit below does not.
  const exact = decideAuction({ ...base, minProfit: 587_490_000n });
  assert.equal(exact.action, 'auction');
  const below = decideAuction({ ...base, minProfit: 587_490_001n });
  assert.equal(below.action, 'skip');

  const nothing = decideAuction({ ...base, quote: { ...base.quote, liquidatedAmount: 0n } });
  assert.equal(nothing.action, 'skip');
});

test('valuation rounds against the keeper: value down, cost up', () => {
  // 1 base unit of collateral at 0.5 is worth 0; 1 base unit of mAsset at 0.5 costs 1.
  const d = decideAuction({
    ...base, quote: { ...base.quote, liquidatedAmount: 1n, returnedCollateral: 1n }, held: 1n,
    assetPrice: toFixed('0.5'), collateralPrice: toFixed('0.5'), feeUst: 0n, minProfit: 0n,
  });
  assert.equal(d.profit, -1n);
  assert.equal(d.action, 'skip');
});

// A position owing 10 mAAPL at 250 UST; the least debt is 1 UST (4,000 base units of mAAPL).
const sizing: OfferContext = {
  debt: 10n * UNIT, limit: 5n * UNIT, held: 20n * UNIT, assetPrice: 250n * FIXED, minDebtValue: UNIT, refusal: null,
};

test('sizeOffer: the close factor\'s limit when the keeper holds more', () => {
  assert.deepEqual(sizeOffer(sizing), { offer: 5n * UNIT });
  assert.deepEqual(sizeOffer({ ...sizing, held: 5n * UNIT }), { offer: 5n * UNIT }, 'exactly the limit');
  // What it holds when the chain takes that.
  assert.deepEqual(sizeOffer({ ...sizing, held: 3n * UNIT }), { offer: 3n * UNIT });
  assert.match((sizeOffer({ ...sizing, held: 0n }) as { skip: string }).skip, /holds none/);
});

test('sizeOffer: holdings below the limit that would leave dust become the most that leaves the least debt', () => {
  // The whole debt may go (the rest after half would be dust, or the position is deep); the keeper
  // holds 9.999 mAAPL, which would leave 0.001 (0.25 UST): the chain says DebtBelowMinimum.
  const d = sizeOffer({ ...sizing, limit: 10n * UNIT, held: 9_999_000n, refusal: 'DebtBelowMinimum' });
  // ⌈1 UST ÷ 250⌉ = 4,000 base units stay.
  assert.deepEqual(d, { offer: 10n * UNIT - 4_000n });
  // Rounded up: 1 UST at 3 UST per mAsset leaves ⌈333,333.3⌉ = 333,334, worth ⌊1.000002⌋ UST.
  const odd = sizeOffer({ ...sizing, limit: 10n * UNIT, held: 9_900_000n, assetPrice: 3n * FIXED, refusal: 'DebtBelowMinimum' });
  assert.deepEqual(odd, { offer: 10n * UNIT - 333_334n });
  // A debt itself below twice the least, or holdings too small for the reduced offer: skip.
  const tiny = sizeOffer({ ...sizing, debt: 4_000n, limit: 4_000n, held: 3_999n, refusal: 'DebtBelowMinimum' });
  assert.match((tiny as { skip: string }).skip, /less than the least debt/);
});

test('sizeOffer: a position that must be closed in one auction is skipped with too little', () => {
  const d = sizeOffer({ ...sizing, limit: 10n * UNIT, held: 6n * UNIT, refusal: 'PartialAuctionLowersRatio' });
  assert.deepEqual(d, { skip: 'position must be closed in one auction; holds 6 of 10 needed' });
  // Holding enough, it closes it.
  assert.deepEqual(sizeOffer({ ...sizing, limit: 10n * UNIT, held: 10n * UNIT, refusal: 'PartialAuctionLowersRatio' }), { offer: 10n * UNIT });
});

test('exposure: a position at or below the ratio a scheduled raise will require', () => {
  const scheduled = { value: 2n * FIXED, effectiveAt: 1_900_000_000n };
  const ratio = { collateralRatio: toFixed('1.6'), requiredRatio: toFixed('1.5'), scheduled };
  assert.deepEqual(exposure(ratio), scheduled);
  assert.deepEqual(exposure({ ...ratio, collateralRatio: 2n * FIXED }), scheduled, 'at the scheduled ratio');
  assert.equal(exposure({ ...ratio, collateralRatio: toFixed('2.1') }), null, 'above it');
  assert.equal(exposure({ ...ratio, scheduled: null }), null, 'nothing scheduled');
  assert.equal(exposure({ ...ratio, collateralRatio: null }), null, 'no debt');
});

test('command lines: values, flags, --no- flags, = forms; unknown options refused', () => {
  const args = parseArgs(['--url', 'ws://x', '--once', '--no-buy', '--min-profit=2.5']);
  assert.deepEqual(args, { url: 'ws://x', once: true, buy: false, 'min-profit': '2.5' });
  assert.equal(booleanOption(args, {}, 'buy', true), false);
  assert.equal(booleanOption(args, { 'dry-run': true }, 'dry-run', false), true, 'from the config');
  assert.equal(numberOption(args, { every: 3 }, 'every', 1), 3);
  assert.equal(numberOption({ every: '5' }, { every: 3 }, 'every', 1), 5, 'the command line wins');
  assert.throws(() => numberOption({ every: 'x' }, {}, 'every', 1), /non-negative number/);
  assert.throws(() => checkKnown(args, ['url']), /unknown option --once/);
  assert.throws(() => parseArgs(['stray']), /unexpected argument/);
});

test('retry: backs off, gives up after the last try with its error', async () => {
  let n = 0;
  const seen: number[] = [];
  const v = await retry(async () => { n += 1; if (n < 3) throw new Error(`e${n}`); return 'done'; }, 3, 1, (_e, i) => seen.push(i));
  assert.equal(v, 'done');
  assert.deepEqual(seen, [1, 2]);
  await assert.rejects(retry(async () => { throw new Error('always'); }, 2, 1), /always/);
});

test('a keeper round: a too-small holding leaves the least debt; an exposed position is reported once', async () => {
  const UST_ID = 1;
  const owner = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  const position = (id: bigint, collateralAmount: bigint, assetAmount: bigint): PositionEntry => ({
    id, owner, collateralAsset: UST_ID, collateralAmount, asset: 101, assetAmount, isShort: false,
  });
  // #1 is liquidatable and deep (the whole 10 mAAPL may go); #2 is safe but a raise to 200 % is
  // scheduled; #3 is safe with nothing scheduled.
  const positions = [position(1n, 2_600n * UNIT, 10n * UNIT), position(2n, 1_600n * UNIT, 4n * UNIT), position(3n, 3_000n * UNIT, 4n * UNIT)];
  const held = 9_999_000n; // would leave 0.001 mAAPL (0.25 UST) of debt: dust
  const quote = (amount: bigint): AuctionQuote => ({
    liquidatedAmount: amount, refundedAsset: 0n, returnedCollateral: (amount * 250n * 100n) / 80n, protocolFee: 0n,
    leftoverCollateral: 0n, forgivenDebt: 0n,
  });
  const simulated: bigint[] = [];
  const auctioned: bigint[] = [];
  const effectiveAt = 1_900_000_000n;
  const fake = {
    mint: {
      positions: async (_f: unknown, o: { startAfter: bigint | null }) => (o.startAfter === null ? positions : []),
      liquidatable: async (id: bigint) => id === 1n,
      collateralRatio: async (id: bigint) => ({
        collateralRatio: id === 2n ? toFixed('1.6') : 3n * FIXED, requiredRatio: toFixed('1.5'),
        scheduled: id === 2n ? { value: 2n * FIXED, effectiveAt } : null,
      }),
      simulateAuction: async (id: bigint, amount: bigint) => {
        assert.equal(id, 1n);
        simulated.push(amount);
        if (amount === held) throw new MirrorError('mint', 'DebtBelowMinimum');
        return quote(amount);
      },
      parameters: async () => ({ minDebtValue: UNIT }),
      auction: (_id: bigint, amount: bigint) => ({
        estimateFee: async () => 0n,
        send: async () => {
          auctioned.push(amount);
          return { blockHash: '0x', blockNumber: 5, events: [{ section: 'mint', method: 'Liquidated', data: { liquidatedAmount: amount, returnedCollateral: quote(amount).returnedCollateral } }] };
        },
      }),
    },
    balance: async (_who: string, asset: number) => (asset === 101 ? held : 0n),
    oracle: { price: async (asset: number | string) => ({ price: asset === 101 ? 250n * FIXED : FIXED }) },
    symbol: async (asset: number) => (asset === 101 ? 'mAAPL' : 'UST'),
  };
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), notice: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARN ${m}`), error: (m: string) => lines.push(`ERROR ${m}`) };
  const signer = { address: owner };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const keeper = new LiquidationKeeper(fake as any, signer as any, log, { ...DEFAULT_KEEPER_OPTIONS, buy: false, minProfit: 0n });
  assert.equal(await keeper.round(), 1, lines.join('\n'));
  // The whole debt, what it holds (refused: dust), then all but ⌈1 UST ÷ 250⌉ = 4,000 units.
  assert.deepEqual(simulated, [10n * UNIT, held, 10n * UNIT - 4_000n]);
  assert.deepEqual(auctioned, [10n * UNIT - 4_000n]);
  const when = new Date(Number(effectiveAt) * 1000).toISOString();
  assert.ok(lines.includes(`position #2 exposed: ratio 1.6 below the scheduled required 2 from ${when}`), lines.join('\n'));
  assert.equal(lines.filter((l) => l.includes('#3')).length, 0);
  assert.equal(lines.at(-1), 'round 1: scanned 3 position(s), 1 liquidatable, 1 auctioned, 1 exposed');
  assert.equal(keeper.stats.exposed, 1);
  assert.equal(keeper.stats.failures, 0);

  // The next round counts the exposure again but logs it once.
  await keeper.round();
  assert.equal(lines.filter((l) => l.includes('exposed: ratio')).length, 1);
  assert.equal(lines.at(-1), 'round 2: scanned 3 position(s), 1 liquidatable, 1 auctioned, 1 exposed');
  assert.equal(keeper.stats.exposed, 2);
});

test('a keeper round: a position that must be closed whole is skipped when it holds too little', async () => {
  const owner = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  const p: PositionEntry = { id: 4n, owner, collateralAsset: 1, collateralAmount: 2_000n * UNIT, asset: 101, assetAmount: 10n * UNIT, isShort: false };
  const fake = {
    mint: {
      positions: async (_f: unknown, o: { startAfter: bigint | null }) => (o.startAfter === null ? [p] : []),
      liquidatable: async () => true,
      simulateAuction: async (_id: bigint, amount: bigint) => {
        if (amount < p.assetAmount) throw new MirrorError('mint', 'PartialAuctionLowersRatio');
        return { liquidatedAmount: amount, refundedAsset: 0n, returnedCollateral: 2_000n * UNIT, protocolFee: 0n, leftoverCollateral: 0n, forgivenDebt: 0n };
      },
      parameters: async () => ({ minDebtValue: UNIT }),
      auction: () => { throw new Error('must not auction'); },
    },
    balance: async () => 6n * UNIT,
    oracle: { price: async () => ({ price: 250n * FIXED }) },
    symbol: async (asset: number) => (asset === 101 ? 'mAAPL' : 'UST'),
  };
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), notice: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARN ${m}`), error: (m: string) => lines.push(`ERROR ${m}`) };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const keeper = new LiquidationKeeper(fake as any, { address: owner } as any, log, { ...DEFAULT_KEEPER_OPTIONS, buy: false, minProfit: 0n });
  assert.equal(await keeper.round(), 0);
  assert.ok(lines.some((l) => l.endsWith(': position must be closed in one auction; holds 6 of 10 needed')), lines.join('\n'));
  assert.equal(keeper.stats.skipped, 1);
  assert.equal(keeper.stats.failures, 0);
});
