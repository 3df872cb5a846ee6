// The hardening fixes on the real node (docs/hardening.md), through polkadot.js:
// - the block-1 distribute race: the Factory's emission schedule gets its origin
//   (`factory.genesisTime`) at the end of block 1, when the chain's time is first known; a
//   `factory.distribute` applied in block 1 itself would measure the schedule from the Unix epoch
//   and release all of it at once. An immortal, nonce-0 `distribute` signed on one fresh dev node
//   is handed to a second fresh dev node (same deterministic genesis) the moment its RPC answers,
//   so that it lands in block 1 (or as early as it can), and must pay out nothing;
// - free feeds cannot fill blocks: the runtime's CheckFeed refuses a failing `oracle.feedPrices`
//   before the pool (an empty one, a non-feeder's), and one feeder lands at most two per block.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, waitFor } from '../lib/node.mjs';
import { UNIT, FIXED, MAAPL } from '../lib/constants.mjs';

const nodes = [];
after(async () => { for (const n of nodes) await n.stop(); });

// The feed tests share one node, started after the race test's (so that those run alone).
let ctx = null;
async function shared() {
  if (!ctx) {
    ctx = await startDevNode();
    nodes.push(ctx);
  }
  return ctx;
}

/** The Factory's account: `modl` ++ its PalletId `mir/fact`, zero-padded to 32 bytes. */
async function factoryAccount() {
  const { u8aConcat, stringToU8a } = await import('@polkadot/util');
  const { encodeAddress } = await import('@polkadot/util-crypto');
  const raw = u8aConcat(stringToU8a('modl'), stringToU8a('mir/fact'));
  return encodeAddress(u8aConcat(raw, new Uint8Array(32 - raw.length)), 42);
}

test('a distribute sent before block 1 is authored pays nothing, and the schedule starts after block 1', async () => {
  // Node #1: only to sign against the dev chain's genesis and metadata.
  const first = await startDevNode();
  nodes.push(first);
  const genesis = first.api.genesisHash.toHex();
  const tx = first.api.tx.factory.distribute();
  await tx.signAsync(first.ferdie, { era: 0, nonce: 0 });
  assert.ok(tx.era.isImmortalEra, 'signed immortal');
  assert.equal(tx.nonce.toNumber(), 0);
  const hex = tx.toHex();
  const txHash = tx.hash.toHex();
  await first.stop();
  nodes.splice(nodes.indexOf(first), 1);

  // Node #2, fresh: the bytes go in first thing, before the API even connects.
  const second = await startDevNode({
    onRpcReady: async ({ send }) => {
      const submitted = await send('author_submitExtrinsic', [hex]);
      const header = await send('chain_getHeader', []);
      const genesisHash = await send('chain_getBlockHash', [0]);
      return { submitted, bestAtSubmission: parseInt(header.number, 16), genesisHash };
    },
  });
  nodes.push(second);
  const { api } = second;
  assert.equal(second.early.error, undefined, `submission: ${second.early.error}`);
  const early = second.early.value;
  assert.equal(early.genesisHash, genesis, 'the dev genesis is deterministic');
  assert.equal(api.genesisHash.toHex(), genesis);
  assert.equal(early.submitted, txHash, 'the pool took the pre-signed bytes');
  console.log(`distribute submitted at best block ${early.bestAtSubmission}`);

  // Find it in the first blocks.
  const found = await waitFor(async () => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let n = 1; n <= best; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const { block } = await api.rpc.chain.getBlock(hash);
      const index = block.extrinsics.findIndex((e) => e.hash.toHex() === txHash);
      if (index >= 0) return { n, hash, index };
    }
    assert.ok(best < 10, `not included in blocks 1..${best}`);
    return null;
  }, { timeoutMs: 60_000, everyMs: 500, what: 'the distribute in a block' });
  console.log(`distribute landed in block ${found.n} (extrinsic ${found.index})`);

  const at = await api.at(found.hash);
  const events = await at.query.system.events();
  const mine = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === found.index);
  const failed = mine.find(({ event }) => event.section === 'system' && event.method === 'ExtrinsicFailed');
  assert.ok(failed, `the distribute failed: ${mine.map(({ event }) => `${event.section}.${event.method}`).join(', ')}`);
  const dispatchError = failed.event.data.dispatchError;
  assert.ok(dispatchError.isModule, dispatchError.toString());
  const meta = api.registry.findMetaError(dispatchError.asModule);
  const expected = found.n === 1 ? 'factory.ScheduleNotStarted' : 'factory.DistributionTooEarly';
  assert.equal(`${meta.section}.${meta.name}`, expected);

  // Nothing was paid out in that block: no non-zero distribution, no reward deposit.
  const distributed = events.filter(({ event }) => event.section === 'factory' && event.method === 'Distributed');
  assert.ok(distributed.every(({ event }) => event.data.amount.toBigInt() === 0n),
    `distributed ${distributed.map(({ event }) => event.data.amount.toString())}`);
  assert.equal(events.filter(({ event }) => event.section === 'lpStaking' && event.method === 'RewardDeposited').length, 0);
  const factory = await factoryAccount();
  const atGenesis = await api.at(genesis);
  const genesisMir = (await atGenesis.query.system.account(factory)).data.free.toBigInt();
  assert.ok(genesisMir > 100_000_000n * UNIT, `the Factory holds the schedule's MIR at genesis: ${genesisMir}`);
  assert.equal((await at.query.system.account(factory)).data.free.toBigInt(), genesisMir,
    'the Factory\'s MIR is untouched in that block');

  // The schedule's origin is set at the end of block 1, not before.
  assert.equal((await atGenesis.query.factory.genesisTime()).toBigInt(), 0n);
  const block1 = await api.at(await api.rpc.chain.getBlockHash(1));
  const origin = (await block1.query.factory.genesisTime()).toBigInt();
  assert.ok(origin > 0n, 'factory.genesisTime is set by block 1');
  assert.equal((await block1.query.factory.lastDistributed()).toBigInt(), origin);
  const now = (await block1.query.timestamp.now()).toBigInt() / 1000n;
  assert.equal(origin, now, 'the origin is block 1\'s time');
});

/** Signs `tx` as `signer` and submits it (author_submitExtrinsic); resolves with the pool's answer. */
async function submit(tx, signer) {
  return tx.signAndSend(signer);
}

/** Waits for `n` more blocks (bounded) and returns the hashes of the blocks after `from`. */
async function blocksAfter(api, from, n) {
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= from + n,
    { timeoutMs: 60_000, everyMs: 500, what: `block ${from + n}` });
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const hashes = [];
  for (let b = from + 1; b <= best; b++) hashes.push((await api.rpc.chain.getBlockHash(b)).toHex());
  return hashes;
}

/** The `oracle.feedPrices` extrinsics of block `hash` signed by `address`. */
async function feedsOf(api, hash, address) {
  const { block } = await api.rpc.chain.getBlock(hash);
  return block.extrinsics
    .map((ext, index) => ({ ext, index }))
    .filter(({ ext }) => ext.isSigned && ext.signer.toString() === address
      && ext.method.section === 'oracle' && ext.method.method === 'feedPrices');
}

async function accountOf(api, who) {
  const a = await api.query.system.account(who);
  return { free: a.data.free.toBigInt(), nonce: a.nonce.toNumber() };
}

/**
 * `signer`'s `tx` is refused by the pool with `Custom error: code`: the submission rejects, nothing
 * of the signer's lands in the next blocks, and its balance and nonce are unchanged.
 */
async function assertRefused(tx, signer, code) {
  const { api } = await shared();
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  const before = await accountOf(api, signer.address);
  await assert.rejects(submit(tx, signer), (e) => {
    const message = String(e.message ?? e);
    assert.match(message, /1010/, message);
    assert.match(message, /Invalid Transaction/i, message);
    assert.match(message, new RegExp(`Custom error: ${code}\\b`), message);
    return true;
  });
  const pending = await api.rpc.author.pendingExtrinsics();
  assert.ok(!pending.some((e) => e.signer.toString() === signer.address), 'the refused feed is not in the pool');
  for (const hash of await blocksAfter(api, from, 2)) {
    const { block } = await api.rpc.chain.getBlock(hash);
    assert.ok(!block.extrinsics.some((e) => e.isSigned && e.signer.toString() === signer.address),
      `nothing of ${signer.address} in block ${hash}`);
  }
  assert.deepEqual(await accountOf(api, signer.address), before, 'a refused feed costs nothing and uses no nonce');
}

test('an empty feed from a non-feeder is refused by the pool (custom error 1) and costs nothing', async () => {
  const { api, bob } = await shared();
  await assertRefused(api.tx.oracle.feedPrices([]), bob, 1);
});

test('an unauthorised feed is refused by the pool (custom error 5) and costs nothing', async () => {
  const { api, bob, feeder } = await shared();
  const before = await api.call.oracleApi.price(MAAPL, 600);
  await assertRefused(api.tx.oracle.feedPrices([[MAAPL, 1n * FIXED]]), bob, 5);
  const info = (await api.call.oracleApi.price(MAAPL, 600)).unwrap();
  assert.notEqual(info.price.isOk && info.price.asOk.price.toBigInt(), 1n * FIXED);
  assert.deepEqual(info.feeds.map((f) => f.feeder.toString()), [feeder.address]);
  assert.equal((await api.call.oracleApi.price(MAAPL, 600)).toHex(), before.toHex(), 'the price is untouched');
});

test('a block cannot be stuffed with free feeds: at most 2 of one feeder land per block', async () => {
  const { api, feeder } = await shared();
  // The dev feeder feeds MIR, mAAPL, mTSLA and mGOOGL on the dev chain. Six feeds, pre-signed with
  // consecutive nonces and submitted at once: each passes the pool alone (it validates against
  // the next block), but building a block runs CheckFeed again, which lets a feeder land only
  // MaxFeedsPerBlock = 2 per block and refuses the rest (custom error 7).
  const assets = ['Native', MAAPL, { WithId: 103 }, { WithId: 105 }, 'Native', MAAPL];
  const prices = [3n * FIXED / 2n, 180n * FIXED, 250n * FIXED, 140n * FIXED, 151n * FIXED / 100n, 181n * FIXED];
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  const before = await accountOf(api, feeder.address);
  const txs = [];
  for (let i = 0; i < assets.length; i++) {
    const tx = api.tx.oracle.feedPrices([[assets[i], prices[i]]]);
    await tx.signAsync(feeder, { nonce: before.nonce + i });
    txs.push(tx);
  }
  const outcomes = new Array(txs.length).fill(null);
  const unsubs = [];
  const submissions = txs.map((tx, i) => tx.send(({ status }) => {
    if (outcomes[i]) return;
    if (status.isInBlock) outcomes[i] = { included: status.asInBlock.toHex() };
    else if (status.isInvalid || status.isDropped || status.isUsurped) outcomes[i] = { dropped: status.type };
  }).then((unsub) => unsubs.push(unsub), (e) => { outcomes[i] = { refused: String(e.message ?? e) }; }));
  await Promise.all(submissions);
  // Settled: each feed is included, refused or dropped, except that the feeds after the first one
  // that did not land wait on its nonce: the pool takes them out of its ready set without a word
  // (they stay as "future" transactions), so for them it is enough that they never land.
  const firstLost = () => outcomes.findIndex((o) => o && !o.included);
  const settled = () => outcomes.every((o, i) => o || (firstLost() >= 0 && i > firstLost()));
  try {
    await waitFor(settled, { timeoutMs: 90_000, everyMs: 500, what: 'every feed settled' });
    // Two more blocks: nothing is left ready to land.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await blocksAfter(api, now, 2);
  } catch (e) {
    throw new Error(`${e.message}: ${JSON.stringify(outcomes)}`);
  } finally {
    for (const u of unsubs) u();
  }
  const ready = await api.rpc.author.pendingExtrinsics();
  assert.ok(!ready.some((e) => e.signer.toString() === feeder.address), 'none of the feeder\'s feeds is still ready');
  const included = outcomes.filter((o) => o && o.included).length;
  const waiting = outcomes.filter((o) => !o).length;
  console.log(`stuffing: ${included} included, ${outcomes.filter((o) => o && !o.included).length} refused or dropped, ${waiting} orphaned behind a refused nonce: ${JSON.stringify(outcomes)}`);
  assert.ok(included >= 2, `the first two feeds land: ${JSON.stringify(outcomes)}`);

  // No block holds more than two of the feeder's feeds, and every one that landed succeeded (for free).
  const hashes = await blocksAfter(api, from, 2);
  let landed = 0;
  for (const hash of hashes) {
    const feeds = await feedsOf(api, hash, feeder.address);
    assert.ok(feeds.length <= 2, `block ${hash} holds ${feeds.length} feeds of the feeder`);
    landed += feeds.length;
    if (feeds.length === 0) continue;
    const events = await (await api.at(hash)).query.system.events();
    for (const { index } of feeds) {
      const mine = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index);
      assert.ok(mine.some(({ event }) => event.section === 'system' && event.method === 'ExtrinsicSuccess'),
        `feed ${index} of block ${hash} succeeded`);
      assert.ok(!mine.some(({ event }) => event.section === 'oracle' && event.method === 'FeedRejected'));
    }
  }
  assert.equal(landed, included, 'the feeds found in blocks are exactly those reported included');
  const after = await accountOf(api, feeder.address);
  assert.equal(after.free, before.free, 'landed feeds are free and refused ones cost nothing');
  assert.equal(after.nonce, before.nonce + included, 'only the landed feeds used nonces');
});
