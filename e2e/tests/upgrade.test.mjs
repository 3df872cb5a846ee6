// A runtime upgrade on the real dev node, with the chain's own code (no second wasm build): the
// upgrade is authorised by its hash (a small call), then anyone applies it with the code
// (`apply_authorized_upgrade`, free when it succeeds). Once through sudo, once through a migration
// poll — a poll cannot carry `set_code` itself, its call is limited to 1,024 bytes. After each,
// the chain keeps producing and finalising blocks. The runtime must fit in a block for this to
// work at all (scripts/check-runtime-size.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents, waitFor } from '../lib/node.mjs';
import { u8aToHex } from '@polkadot/util';
import { UNIT } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

/** The chain's own runtime code (hex: polkadot.js reads a Uint8Array as already SCALE-encoded)
 * and its hash, as System hashes it (BLAKE2-256). */
async function ownCode(api) {
  const bytes = (await api.rpc.state.getStorage(':code')).unwrap().toU8a(true);
  return { bytes, code: u8aToHex(bytes), hash: api.registry.hash(bytes) };
}

/** Applies the authorised upgrade and checks the chain goes on: new blocks, new finality. */
async function applyAndKeepGoing(api, signer, code, hash) {
  const r = await sendAndWait(api, api.tx.system.applyAuthorizedUpgrade(code), signer, { timeoutMs: 120_000 });
  assert.equal(r.error, null);
  const [updated] = findEvents(r.events, 'system', 'CodeUpdated');
  assert.ok(updated, 'no System.CodeUpdated');
  // The authorisation is used up: the same code cannot be applied twice.
  assert.equal((await api.query.system.authorizedUpgrade()).isNone, true);
  // The fee was waived: a successful apply pays nothing.
  const [paid] = findEvents(r.events, 'transactionPayment', 'TransactionFeePaid');
  assert.equal(paid.data.actualFee.toBigInt(), 0n);

  const upgradedAt = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= upgradedAt + 3,
    { timeoutMs: 60_000, what: 'three blocks after the upgrade' });
  await waitFor(async () => {
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    return finalized.number.toNumber() >= upgradedAt + 1;
  }, { timeoutMs: 60_000, what: 'finality past the upgrade' });
  // The code in storage is still the chain's own, and the node still runs it.
  assert.equal(api.registry.hash((await api.rpc.state.getStorage(':code')).unwrap().toU8a(true)).toHex(), hash.toHex());
  const version = await api.rpc.state.getRuntimeVersion();
  assert.equal(version.specName.toString(), 'mirror');
}

test('sudo authorises an upgrade by hash; anyone applies it; blocks go on', async () => {
  const { api, alice, bob } = ctx;
  const { bytes, code, hash } = await ownCode(api);
  assert.ok(bytes.length > 100_000 && bytes.length * 100 <= 5_242_880 * 80, `runtime of ${bytes.length} bytes`);

  let r = await sendAndWait(api, api.tx.sudo.sudo(api.tx.system.authorizeUpgradeWithoutChecks(hash)), alice);
  assert.equal(r.error, null);
  const [authorized] = findEvents(r.events, 'system', 'UpgradeAuthorized');
  assert.equal(authorized.data.codeHash.toHex(), hash.toHex());
  assert.equal(authorized.data.checkVersion.isFalse, true);

  // Code that does not match the hash is refused, and the authorisation stays.
  const wrong = new Uint8Array(bytes);
  wrong[wrong.length - 1] ^= 1;
  r = await sendAndWait(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(wrong)), bob, { timeoutMs: 120_000 });
  assert.equal(r.error, 'system.Unauthorized');
  assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), hash.toHex());

  await applyAndKeepGoing(api, bob, code, hash);
});

test('a migration poll authorises an upgrade by hash; anyone applies it; blocks go on', async () => {
  const { api, alice, bob } = ctx;
  const { code, hash } = await ownCode(api);

  // Bob stakes and votes; Alice proposes. The upgrade call makes it a migration poll.
  let r = await sendAndWait(api, api.tx.gov.stakeVotingTokens(1_000_000n * UNIT), bob);
  assert.equal(r.error, null);
  const authorize = api.tx.system.authorizeUpgradeWithoutChecks(hash);
  r = await sendAndWait(api, api.tx.gov.createPoll('Upgrade', 'Re-apply the current runtime', null, authorize), alice);
  assert.equal(r.error, null);
  const [created] = findEvents(r.events, 'gov', 'PollCreated');
  assert.equal(created.data.class.toString(), 'Migration');
  const pollId = created.data.pollId.toNumber();
  r = await sendAndWait(api, api.tx.gov.castVote(pollId, 'Yes', 1_000_000n * UNIT), bob);
  assert.equal(r.error, null);

  // End it after the voting period, execute it after the effective delay (dev: 30 s and 6 s).
  const poll = (await api.call.govApi.poll(pollId)).unwrap();
  const delay = (await api.call.govApi.parameters()).effectiveDelay.toBigInt();
  const chainSecs = async () => (await api.query.timestamp.now()).toBigInt() / 1000n;
  await waitFor(async () => (await chainSecs()) >= poll.endTime.toBigInt(), { timeoutMs: 90_000, what: 'the end of voting' });
  r = await sendAndWait(api, api.tx.gov.endPoll(pollId), bob);
  assert.equal(findEvents(r.events, 'gov', 'PollEnded')[0].data.status.toString(), 'Passed');
  await waitFor(async () => (await chainSecs()) >= poll.endTime.toBigInt() + delay, { timeoutMs: 60_000, what: 'the effective delay' });
  r = await sendAndWait(api, api.tx.gov.executePoll(pollId), bob);
  assert.equal(r.error, null);
  const [executed] = findEvents(r.events, 'gov', 'PollExecuted');
  assert.ok(executed.data.result.isOk, `poll call failed: ${executed.data.result}`);
  const [authorized] = findEvents(r.events, 'system', 'UpgradeAuthorized');
  assert.equal(authorized.data.codeHash.toHex(), hash.toHex());

  await applyAndKeepGoing(api, bob, code, hash);
});
