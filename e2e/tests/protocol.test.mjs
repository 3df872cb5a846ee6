// The whole protocol on the real node, through the TypeScript client and its bots, as six users:
// Alice (sudo), the dev feeder (//Feeder, running mirror-feeder from a price file), Bob (a long
// against MIR), Charlie (a short), Dave (liquidity provider), Eve (governance), Ferdie (mirror-keeper).
// Every step checks the balances, events and runtime-API answers it should change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevNode, waitFor } from '../lib/node.mjs';
import { clientModule, runBot, startBot } from '../lib/bots.mjs';
import { DEV_FEEDER_SURI } from '../lib/constants.mjs';

const {
  MirrorClient, MirrorError, signerFromUri, findEvent, findEvents, toUnits, toFixed, FIXED, UNIT, UST, MIR,
  mulFixedFloor, formatUnits,
} = await import(clientModule());

let ctx;
let client;
let feeder;
const users = {};
const dir = mkdtempSync(path.join(tmpdir(), 'mirror-protocol-'));
const pricesFile = path.join(dir, 'prices.json');
const state = {};

async function untilChainTime(secs) {
  await waitFor(async () => (await client.now()) >= secs, { timeoutMs: 120_000, what: `chain time ${secs}` });
}
/** Balance change of `who` in `asset` across `f`, read at the blocks before and after. */
async function delta(who, asset, f) {
  const before = await client.balance(who, asset);
  const r = await f();
  const after = await (await client.at(r.blockHash)).balance(who, asset);
  return { r, change: after - before };
}

function writePrices(prices) {
  writeFileSync(pricesFile, JSON.stringify(prices));
}

before(async () => {
  ctx = await startDevNode({ connect: (url) => MirrorClient.connect(url, { timeoutMs: 5_000 }) });
  client = ctx.api;
  for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
    users[name.toLowerCase()] = await signerFromUri(`//${name}`);
  }
  users.feeder = await signerFromUri(DEV_FEEDER_SURI);
});
after(async () => {
  if (feeder) await feeder.stop();
  if (ctx) await ctx.stop();
});

test('every Mirror call and runtime API has a typed wrapper in the client', () => {
  const modules = {
    oracle: client.oracle, collateralOracle: client.collateralOracle, amm: client.amm, mint: client.mint,
    lpStaking: client.staking, factory: client.factory, gov: client.gov, collector: client.collector,
    community: client.community,
  };
  for (const [section, module] of Object.entries(modules)) {
    const calls = Object.keys(client.api.tx[section]);
    assert.ok(calls.length > 0, `no calls in ${section}`);
    for (const call of calls) assert.equal(typeof module[call], 'function', `no wrapper for ${section}.${call}`);
  }
  // Runtime APIs: each method of each Mirror API, by the wrapper that answers it.
  const apis = {
    oracleApi: { price: client.oracle.priceInfo, allPrices: client.oracle.allPrices },
    ammApi: { pool: client.amm.pool, simulateSwap: client.amm.simulateSwap, reverseSimulateSwap: client.amm.reverseSimulateSwap, simulateRoute: client.amm.simulateRoute },
    mintApi: client.mint, lpStakingApi: client.staking, factoryApi: client.factory, govApi: client.gov,
  };
  for (const [name, wrappers] of Object.entries(apis)) {
    const methods = Object.keys(client.api.call[name]);
    assert.ok(methods.length > 0, `no runtime API ${name}`);
    for (const m of methods) assert.equal(typeof wrappers[m], 'function', `no wrapper for ${name}.${m}`);
  }
});

test('every wrapper encodes its call against the runtime\'s metadata', () => {
  const c = client;
  const who = users.bob.address;
  const ipo = { mintEnd: 1_900_000_000, preIpoPrice: '100', minCollateralRatioAfterIpo: '1.5', triggerAccount: who };
  const govParams = {
    effectiveDelay: 6n, snapshotPeriod: 10n, voterWeight: 500_000,
    defaultPoll: { proposalDeposit: 1n, votingPeriod: 30n, quorum: 1, threshold: 1 },
    authAdminPoll: { proposalDeposit: 1n, votingPeriod: 30n, quorum: 1, threshold: 1 },
    migrationPoll: { proposalDeposit: 1n, votingPeriod: 30n, quorum: 1, threshold: 1 },
  };
  const built = [
    c.oracle.feedPrices([[101, '180'], ['MIR', 1n]]), c.oracle.registerFeeder(101, who), c.oracle.removeFeeder('MIR', who),
    c.oracle.setAssetConfig(101, { minFreshFeeds: 1, maxDeviation: '0.1', sanityRange: { min: '1', max: '1000' } }),
    c.oracle.setAssetConfig(101, { minFreshFeeds: 2, maxDeviation: '0.1', maxMovePerHour: '10', fallbackTwapWindow: 600 }),
    c.oracle.freeze(101), c.oracle.unfreeze(101),
    c.collateralOracle.registerCollateralAsset(103, 'Oracle', '1'), c.collateralOracle.registerCollateralAsset(104, { fixed: '1' }, '1'),
    c.collateralOracle.updateCollateralPriceSource(103, { ammTwap: { quote: 'UST', window: 600 } }),
    c.collateralOracle.updateCollateralMultiplier(103, '1.2'), c.collateralOracle.revokeCollateralAsset(103),
    c.collateralOracle.applyMultiplierChange(103),
    c.amm.createPair('MIR', 101), c.amm.provideLiquidity({ assetA: 101, amountA: '1', assetB: 'UST', amountB: '180', slippageTolerance: '0.01', receiver: who }),
    c.amm.withdrawLiquidity(101, UST, 1n), c.amm.swap({ offer: 101, ask: UST, offerAmount: '1', beliefPrice: '0.0055', maxSpread: '0.01', to: who }),
    c.amm.swapRoute({ path: [101, UST, 103], offerAmount: '1', minimumReceive: '0.5', to: null }),
    c.mint.openPosition({ collateral: UST, collateralAmount: '1', asset: 101, collateralRatio: '2', short: { beliefPrice: '180', maxSpread: null } }),
    c.mint.deposit(1, '1'), c.mint.withdraw(1n, null), c.mint.mint(1, '1', null), c.mint.burn(1, '1'), c.mint.auction(1, '1'),
    c.mint.triggerIpo(101), c.mint.unlockPositionFunds([1, 2n]), c.mint.registerAsset(107, '0.2', '1.5', ipo),
    c.mint.updateAsset(101, { auctionDiscount: '0.1', ipoParams: ipo }), c.mint.updateAsset(101, { ipoParams: null }), c.mint.updateAsset(101, {}),
    c.mint.registerMigration(101, '180'),
    c.mint.updateConfig({ protocolFeeRate: '0.015', priceMaxAge: 60, lockPeriod: 120 }),
    c.mint.updateConfig({ closeFactor: '0.5', fullLiquidationRatio: 950_000, minDebtValue: '10', riskChangeDelay: 86_400 }),
    c.mint.applyRiskChange(101),
    c.staking.bond(101, '1'), c.staking.unbond(101, '1'), c.staking.withdrawRewards(), c.staking.withdrawRewards(101),
    c.staking.autoStake(101, '1', '180', null), c.staking.adjustPremium([101, 103]), c.staking.registerAsset(101, 102),
    c.staking.deprecateStakingToken(101, 108), c.staking.updateConfig({ premiumMinUpdateInterval: 3600, shortRewardCap: '0.4', premiumHalfMax: '0.05' }),
    c.staking.depositReward(101, '1'),
    c.factory.whitelist('Mirrored X', 'X', who, { weight: 10, auctionDiscount: '0.2', minCollateralRatio: '1.5', ipoParams: { mintPeriod: 3600, preIpoPrice: '10', minCollateralRatioAfterIpo: '1.5', triggerAccount: who } }),
    c.factory.updateWeight(101, 50), c.factory.revokeAsset(101, '180'), c.factory.migrateAsset('Mirrored Y', 'Y', 101, null),
    c.factory.updateConfig({ distributionInterval: 60, distributionSchedule: [{ start: 0, end: 100, amount: '1000' }] }), c.factory.distribute(),
    c.gov.stakeVotingTokens('1'), c.gov.withdrawVotingTokens(), c.gov.createPoll({ title: 't', description: 'd', link: 'https://x', execute: c.factory.distribute() }),
    c.gov.castVote(1, 'Abstain', '1'), c.gov.snapshotPoll(1), c.gov.endPoll(1), c.gov.executePoll(1), c.gov.depositReward('1'),
    c.gov.withdrawVotingRewards(1), c.gov.stakeVotingRewards(), c.gov.updateConfig(govParams),
    c.collector.convert(101), c.collector.convert(UST, '2.5'), c.collector.distribute(), c.collector.updateConfig('0.01', 60),
    c.community.spend('1', who), c.community.updateConfig('100000'),
    c.transferMir(who, '1'), c.transferAsset(UST, who, '1'), c.sudo(c.factory.distribute()), c.batchAll([c.factory.distribute(), c.collector.distribute()]),
  ];
  const labels = new Set(built.map((tx) => tx.label));
  // Every call of every Mirror pallet was built (and so encoded) at least once above.
  for (const section of ['oracle', 'collateralOracle', 'amm', 'mint', 'lpStaking', 'factory', 'gov', 'collector', 'community']) {
    for (const call of Object.keys(client.api.tx[section])) assert.ok(labels.has(`${section}.${call}`), `${section}.${call} not exercised`);
  }
  // And each decodes back to itself.
  for (const tx of built) {
    const decoded = client.api.registry.createType('Call', tx.extrinsic.method.toU8a());
    assert.equal(`${decoded.section}.${decoded.method}`, tx.label);
    assert.equal(decoded.toHex(), tx.extrinsic.method.toHex());
  }
});

test('optional arguments encode as the runtime reads them', () => {
  const c = client;
  const ipo = { mintEnd: 1_900_000_000, preIpoPrice: '100', minCollateralRatioAfterIpo: '1.5', triggerAccount: users.bob.address };
  const arg = (tx, i) => tx.extrinsic.method.args[i];
  // collector.convert(asset, amount: Option<u128>): omitted is the whole balance.
  assert.equal(arg(c.collector.convert(101), 1).isNone, true);
  assert.equal(arg(c.collector.convert(101, null), 1).isNone, true);
  assert.equal(arg(c.collector.convert(101, '2.5'), 1).unwrap().toBigInt(), 2_500_000n);
  assert.equal(arg(c.collector.convert(101, 7n), 1).unwrap().toBigInt(), 7n);
  // mint.updateAsset's pre-IPO terms, Option<Option<IpoParams>>: omitted, cleared, set.
  const unchanged = arg(c.mint.updateAsset(101, { auctionDiscount: '0.1' }), 3);
  assert.equal(unchanged.isNone, true);
  const cleared = arg(c.mint.updateAsset(101, { ipoParams: null }), 3);
  assert.equal(cleared.isSome && cleared.unwrap().isNone, true, cleared.toString());
  assert.deepEqual(Array.from(cleared.toU8a()), [1, 0]);
  const set = arg(c.mint.updateAsset(101, { ipoParams: ipo }), 3);
  assert.equal(set.isSome && set.unwrap().isSome, true);
  assert.equal(set.unwrap().unwrap().mintEnd.toNumber(), 1_900_000_000);
  assert.equal(set.unwrap().unwrap().preIpoPrice.toBigInt(), toFixed('100'));
  // mint.updateConfig's seven Option arguments: Permills as parts per million, the least debt in UST base units.
  const config = c.mint.updateConfig({ closeFactor: '0.5', fullLiquidationRatio: 950_000, minDebtValue: '10', riskChangeDelay: 86_400 });
  assert.deepEqual(config.extrinsic.method.args.map((a) => (a.isSome ? a.unwrap().toBigInt() : null)),
    [null, null, null, 500_000n, 950_000n, 10_000_000n, 86_400n]);
});

test('mint.updateAsset on chain: omitted pre-IPO terms stay, terms set them, null clears them', async () => {
  // Before mirror-feeder starts: nothing feeds, so these need no fresh price.
  const { alice, bob } = users;
  const GOOGL = 105;
  const ipo = { mintEnd: 1_900_000_000, preIpoPrice: '140', minCollateralRatioAfterIpo: '1.5', triggerAccount: bob.address };
  const update = async (a) => {
    const r = await client.sudo(client.mint.updateAsset(GOOGL, a)).send(alice);
    assert.ok(findEvent(r, 'sudo', 'Sudid').data.sudoResult.ok !== undefined, `sudo failed: ${JSON.stringify(findEvent(r, 'sudo', 'Sudid').data)}`);
    return (await client.at(r.blockHash)).mint.assetConfig(GOOGL);
  };
  const original = await client.mint.assetConfig(GOOGL);
  assert.equal(original.ipoParams, null);
  const expected = { mintEnd: 1_900_000_000n, preIpoPrice: toFixed('140'), minCollateralRatioAfterIpo: toFixed('1.5'), triggerAccount: bob.address };
  let config = await update({ ipoParams: ipo });
  assert.deepEqual(config.ipoParams, expected);
  config = await update({ auctionDiscount: '0.25' });
  assert.equal(config.auctionDiscount, toFixed('0.25'));
  assert.deepEqual(config.ipoParams, expected, 'omitted: unchanged');
  config = await update({ auctionDiscount: original.auctionDiscount, ipoParams: null });
  assert.deepEqual(config, original, 'null cleared the terms; the discount is back');
});

test('whitelist mNFLX with sudo; mirror-feeder feeds it and MIR from a price file', async () => {
  const { alice, feeder: feederKey } = users;
  const r = await client.sudo(client.factory.whitelist('Mirrored Netflix', 'NFLX', feederKey.address, {
    auctionDiscount: '0.2', minCollateralRatio: '1.5',
  })).send(alice);
  assert.ok(findEvent(r, 'sudo', 'Sudid').data.sudoResult.ok !== undefined, 'sudo failed');
  const listed = findEvent(r, 'factory', 'Whitelisted').data;
  state.nflx = listed.asset;
  assert.equal(listed.symbol, 'mNFLX');
  assert.equal(await client.symbol(state.nflx), 'mNFLX');
  const at = await client.at(r.blockHash);
  assert.ok((await at.factory.listings()).some((l) => l.asset === state.nflx && l.weight === listed.weight));
  assert.deepEqual(await at.mint.assetConfig(state.nflx), {
    auctionDiscount: toFixed('0.2'), minCollateralRatio: toFixed('1.5'), endPrice: null, ipoParams: null,
  });
  const pool = await at.amm.pool(state.nflx, UST);
  assert.equal(pool.totalShares, 0n, 'the new pool is empty');
  state.nflxLp = pool.lpToken;
  assert.equal((await at.staking.pool(state.nflx)).stakingToken, state.nflxLp);

  // The feeder feeds whatever the file says, every block, for every asset its key feeds.
  writePrices({ MIR: '1.5', mNFLX: '400', mAAPL: '180', mTSLA: '250', mGOOGL: '140' });
  feeder = startBot('mirror-feeder', ['--url', ctx.url, '--suri', DEV_FEEDER_SURI, '--source', `file:${pricesFile}`, '--every', '1', '--health-every', '1']);
  await feeder.waitForLine(/feeding .*mNFLX/);
  await waitFor(async () => {
    const [n, m] = await Promise.all([client.oracle.price(state.nflx), client.oracle.price(MIR)]);
    return n.price === toFixed('400') && m.price === toFixed('1.5');
  }, { timeoutMs: 90_000, what: 'mNFLX at 400 and MIR at 1.5' });
  const price = await client.oracle.price(state.nflx);
  assert.ok(price.ageSeconds !== null && price.ageSeconds <= 30n, `fresh: ${price.ageSeconds}`);
  const info = await client.oracle.priceInfo(state.nflx);
  assert.deepEqual(info.feeds.map((f) => f.feeder), [feederKey.address]);
  await feeder.waitForLine(/health ok rounds=\d+ feeds=\d+ failures=0/);
});

test('Dave provides mNFLX liquidity and bonds it; Bob opens a long against MIR; Charlie a short', async () => {
  const { bob, charlie, dave } = users;
  const nflx = state.nflx;

  // Dave mints 50 mNFLX against 40,000 UST at 200 %, then provides it with 20,000 UST and bonds.
  let r = await client.mint.openPosition({ collateral: UST, collateralAmount: '40000', asset: nflx, collateralRatio: '2' }).send(dave);
  const opened = findEvent(r, 'mint', 'PositionOpened').data;
  assert.equal(opened.mintedAmount, 50n * UNIT);
  assert.equal(await (await client.at(r.blockHash)).balance(dave, nflx), 50n * UNIT);
  r = await client.staking.autoStake(nflx, '50', '20000', '0.01').send(dave);
  const bonded = findEvent(r, 'lpStaking', 'Bonded').data;
  assert.ok(bonded.amount > 0n);
  const at = await client.at(r.blockHash);
  const pool = await at.amm.pool(nflx, UST);
  assert.equal(pool.totalShares, bonded.amount + 1_000n, 'Dave holds every share but the locked minimum');
  assert.deepEqual((await at.staking.rewardInfo(dave, nflx)).map((i) => [i.bondAmount, i.isShort]), [[bonded.amount, false]]);

  // Bob locks 6,000 MIR (9,000 UST at 1.5) at 250 %: 22.5 mNFLX... less the rounding.
  const { r: longTx, change: bobMir } = await delta(bob, MIR, () => client.mint.openPosition({
    collateral: MIR, collateralAmount: '6000', asset: nflx, collateralRatio: '2.5',
  }).send(bob));
  const long = findEvent(longTx, 'mint', 'PositionOpened').data;
  state.longId = long.positionId;
  assert.equal(long.isShort, false);
  assert.ok(long.mintedAmount > 8_999_000n && long.mintedAmount <= 9n * UNIT, `${long.mintedAmount}`);
  assert.ok(bobMir < -6_000n * UNIT && bobMir > -6_001n * UNIT, 'the collateral and a small fee left Bob');
  const positions = await client.mint.positionsByOwner(bob);
  assert.deepEqual(positions.map((p) => [p.id, p.collateralAsset, p.collateralAmount, p.assetAmount]),
    [[state.longId, MIR, 6_000n * UNIT, long.mintedAmount]]);
  const ratio = await client.mint.collateralRatio(state.longId);
  assert.ok(ratio.collateralRatio >= toFixed('2.5') && ratio.collateralRatio < toFixed('2.51'));
  assert.ok(ratio.requiredRatio > toFixed('1.99') && ratio.requiredRatio < toFixed('2.01'), 'MCR 1.5 × MIR multiplier 1.33');
  assert.equal(await client.mint.liquidatable(state.longId), false);

  // Charlie shorts 10 mNFLX against 8,000 UST at 200 %: they are sold into Dave's pool and the
  // UST locked; Charlie's sLP is bonded for him.
  const quote = await client.amm.simulateSwap(nflx, UST, 10n * UNIT);
  r = await client.mint.openPosition({
    collateral: UST, collateralAmount: '8000', asset: nflx, collateralRatio: '2', short: { beliefPrice: '400', maxSpread: '0.05' },
  }).send(charlie);
  const short = findEvent(r, 'mint', 'PositionOpened').data;
  state.shortId = short.positionId;
  assert.equal(short.isShort, true);
  assert.equal(short.mintedAmount, 10n * UNIT);
  const lock = await (await client.at(r.blockHash)).mint.lock(state.shortId);
  assert.equal(lock.receiver, charlie.address);
  assert.equal(lock.amount, quote.returnAmount, 'the sale raised what the pool quoted');
  assert.equal(await (await client.at(r.blockHash)).balance(charlie, nflx), 0n, 'the minted mNFLX were sold');
  const shortInfo = (await client.staking.rewardInfo(charlie, nflx)).find((i) => i.isShort);
  assert.equal(shortInfo.bondAmount, 10n * UNIT);

  // A bad input is refused with a named error and changes nothing.
  const next = await client.mint.nextPositionId();
  await assert.rejects(client.mint.openPosition({ collateral: UST, collateralAmount: '100', asset: nflx, collateralRatio: '1.2' }).send(charlie),
    (e) => e instanceof MirrorError && e.code === 'mint.InsufficientCollateralRatio');
  assert.equal(await client.mint.nextPositionId(), next);
});

test('the Factory distributes MIR; LPs (and shorts, by the premium) earn it and withdraw it', async () => {
  const { dave, charlie, eve } = users;
  const nflx = state.nflx;
  let r = await client.staking.adjustPremium([nflx]).send(eve);
  const { shortRewardWeight } = findEvent(r, 'lpStaking', 'PremiumAdjusted').data;

  const info = await client.factory.distributionInfo();
  await untilChainTime(info.nextDistribution);
  r = await client.factory.distribute().send(eve);
  const distributed = findEvent(r, 'factory', 'Distributed').data;
  assert.ok(distributed.amount > 0n);
  const deposit = findEvents(r, 'lpStaking', 'RewardDeposited').find((e) => e.data.asset === nflx);
  assert.ok(deposit, 'mNFLX got a share');
  const at = await client.at(r.blockHash);
  const davePending = await at.staking.pendingRewards(dave);
  const charliePending = await at.staking.pendingRewards(charlie);
  assert.ok(davePending > 0n, 'the LP earned');
  assert.equal(charliePending > 0n, shortRewardWeight > 0n, 'shorts earn exactly when their weight is positive');
  assert.ok(davePending + charliePending <= deposit.data.lpAmount + deposit.data.shortAmount);
  await assert.rejects(client.factory.distribute().send(eve), (e) => e.code === 'factory.DistributionTooEarly');

  r = await client.staking.withdrawRewards(nflx).send(dave);
  const withdrawn = findEvent(r, 'lpStaking', 'RewardsWithdrawn').data;
  assert.ok(withdrawn.amount >= davePending, 'at least what was pending (more blocks, same index)');
  assert.equal(await (await client.at(r.blockHash)).staking.pendingRewards(dave), 0n);
});

test('MIR drops; mirror-keeper buys mNFLX on the AMM and auctions Bob\'s position, then exits cleanly', async () => {
  const { bob, ferdie } = users;
  const nflx = state.nflx;
  // The keeper's help and a dry run first.
  const help = await runBot('mirror-keeper', ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.output, /--min-profit/);
  const bad = await runBot('mirror-keeper', ['--bogus']);
  assert.equal(bad.code, 2);
  assert.match(bad.output, /unknown option --bogus/);

  writePrices({ MIR: '1.0', mNFLX: '400', mAAPL: '180', mTSLA: '250', mGOOGL: '140' });
  await waitFor(async () => (await client.oracle.price(MIR)).price === toFixed('1'), { timeoutMs: 90_000, what: 'MIR at 1.0' });
  assert.equal(await client.mint.liquidatable(state.longId), true);
  assert.equal(await client.mint.liquidatable(state.shortId), false, 'the UST-backed short is safe');
  const position = await client.mint.position(state.longId);
  const quote = await client.mint.simulateAuction(state.longId, position.assetAmount);
  assert.equal(quote.liquidatedAmount, position.assetAmount);
  assert.equal(await client.balance(ferdie, nflx), 0n, 'the keeper starts without mNFLX');

  const dry = await runBot('mirror-keeper', ['--url', ctx.url, '--suri', '//Ferdie', '--once', '--dry-run']);
  assert.equal(dry.code, 0, dry.output);
  const debt = formatUnits(position.assetAmount);
  assert.match(dry.output, new RegExp(`decision auction position #${state.longId} \\(mNFLX debt ${debt}, collateral 6000 MIR\\): offer ${debt}, buy ${debt} for [\\d.]+ UST.*\\(dry run\\)`));
  assert.deepEqual(await client.mint.position(state.longId), position, 'a dry run sends nothing');

  const ferdieMir = await client.balance(ferdie, MIR);
  const bobMir = await client.balance(bob, MIR);
  const keeper = startBot('mirror-keeper', ['--url', ctx.url, '--suri', '//Ferdie', '--every', '1', '--min-profit', '10', '--assets', String(nflx)]);
  await keeper.waitForLine(new RegExp(`auctioned position #${state.longId} `), 120_000);
  const { code, signal } = await keeper.stop('SIGTERM');
  assert.equal(code, 0, `exit ${code} ${signal}:\n${keeper.lines.join('\n')}`);
  const log = keeper.lines.join('\n');
  assert.match(log, new RegExp(`bought [\\d.]+ mNFLX for [\\d.]+ UST`));
  assert.match(log, /SIGTERM: finishing the current round and stopping/);
  assert.match(log, /stopped after \d+ round\(s\): 1 auction\(s\)/);

  // The whole debt was repaid: the position is gone, the keeper got discounted MIR, Bob the rest.
  assert.equal(await client.mint.position(state.longId), null);
  assert.deepEqual(await client.mint.positionsByOwner(bob), []);
  const gained = (await client.balance(ferdie, MIR)) - ferdieMir;
  const valueBurned = mulFixedFloor(position.assetAmount, toFixed('400'));
  assert.ok(gained > valueBurned, `the keeper's MIR (${gained}) is worth more than the mNFLX it burned (${valueBurned} UST at MIR 1.0)`);
  assert.ok((await client.balance(bob, MIR)) > bobMir, 'Bob got his leftover collateral back');
  assert.ok((await client.balance(ferdie, nflx)) < UNIT / 10n, 'the keeper bought about what it burned');
});

test('fees reach Gov stakers; a poll changes Mint\'s protocol fee', async () => {
  const { eve, bob } = users;
  // Eve stakes 1,000,000 MIR.
  let r = await client.gov.stakeVotingTokens('1000000').send(eve);
  assert.equal(findEvent(r, 'gov', 'Staked').data.share, 1_000_000n * UNIT);
  const staked = (await (await client.at(r.blockHash)).gov.staker(eve)).balance;
  assert.equal(staked, 1_000_000n * UNIT);

  // The auction's protocol fee (MIR) sits with the Collector; distributing it raises Eve's stake.
  r = await client.collector.distribute().send(bob);
  const sent = findEvent(r, 'collector', 'Distributed').data.amount;
  assert.ok(sent > 0n, 'the Collector had MIR from the auction fee');
  const after = (await (await client.at(r.blockHash)).gov.staker(eve)).balance;
  assert.ok(after > staked && after <= staked + sent, `${staked} → ${after} (+${sent})`);

  // A poll to raise Mint's fee to 2 %: Eve proposes and votes; after the voting period and the
  // delay, anyone executes it.
  const deposit = (await client.gov.parameters()).defaultPoll.proposalDeposit;
  const { r: created, change } = await delta(eve, MIR, () => client.gov.createPoll({
    title: 'Fee 2 %', description: 'Raise the protocol fee to 2 %', link: null, execute: client.mint.updateConfig({ protocolFeeRate: '0.02' }),
  }).send(eve));
  const pollId = findEvent(created, 'gov', 'PollCreated').data.pollId;
  assert.ok(change <= -deposit, 'the deposit is taken');
  r = await client.gov.castVote(pollId, 'Yes', after).send(eve);
  assert.deepEqual(await (await client.at(r.blockHash)).gov.voter(pollId, eve), { vote: 'Yes', balance: after });
  await assert.rejects(client.gov.castVote(pollId, 'No', 1n).send(eve), (e) => e.code === 'gov.AlreadyVoted');
  const poll = await client.gov.poll(pollId);
  assert.equal(poll.status, 'InProgress');
  assert.equal(poll.title, 'Fee 2 %');
  assert.equal(poll.yesVotes, after);
  assert.deepEqual((await client.gov.polls({ limit: 1 })).map((p) => p.id), [pollId]);

  await untilChainTime(poll.endTime);
  r = await client.gov.endPoll(pollId).send(bob);
  assert.equal(findEvent(r, 'gov', 'PollEnded').data.status, 'Passed');
  const params = await client.gov.parameters();
  await untilChainTime(poll.endTime + params.effectiveDelay);
  r = await client.gov.executePoll(pollId).send(bob);
  assert.ok('ok' in findEvent(r, 'gov', 'PollExecuted').data.result, 'the poll\'s call succeeded');
  const at = await client.at(r.blockHash);
  assert.equal((await at.mint.parameters()).protocolFeeRate, toFixed('0.02'));
  assert.equal((await at.gov.poll(pollId)).status, 'Executed');
  assert.equal((await at.gov.state()).pollCount, pollId);
});

test('mirror-feeder stops cleanly and reports its health', async () => {
  const { code } = await feeder.stop('SIGINT');
  assert.equal(code, 0, feeder.lines.slice(-10).join('\n'));
  const last = feeder.lines.filter((l) => l.includes('stopped;')).pop();
  assert.match(last, /health ok rounds=\d+ feeds=\d+ failures=0/);
  feeder = null;
});
