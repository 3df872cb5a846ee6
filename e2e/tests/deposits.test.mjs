// Storage that users create is paid for: a stake record holds a MIR deposit while it exists
// (`Balances.Holds` under `LpStaking.StakeDeposit`, `Gov.StakerDeposit`), and the call that
// removes the record releases it. Bob auto-stakes into the mAAPL pool, then unbonds everything;
// Charlie stakes MIR in Gov, then withdraws it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT, MAAPL } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

/** MIR `who` has held under `reason` (`LpStaking.StakeDeposit`...), at `at` or the best block. */
async function heldFor(api, reason, who, at) {
  const [pallet, name] = reason.split('.');
  const view = at ? await api.at(at) : api;
  const holds = await view.query.balances.holds(who);
  return holds
    .filter((h) => h.id[`is${pallet}`] && h.id[`as${pallet}`][`is${name}`])
    .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
}
const stakeDepositHeld = (api, who, at) => heldFor(api, 'LpStaking.StakeDeposit', who, at);

test('a stake record holds a deposit while it exists and gives it back when it goes', async () => {
  const { api, bob } = ctx;
  assert.equal(await stakeDepositHeld(api, bob.address), 0n);

  // 10 mAAPL and 1,800 UST at the pool's price: a new LP record, and its deposit held.
  let r = await sendAndWait(api, api.tx.lpStaking.autoStake(MAAPL, 10n * UNIT, 1_800n * UNIT, null), bob);
  assert.equal(r.error, null);
  const held = await stakeDepositHeld(api, bob.address, r.blockHash);
  // docs/parameters.md: 0.1 MIR plus 0.001 MIR per byte, about 0.2 MIR.
  assert.ok(held >= 150_000n && held <= 250_000n, `held ${held}`);
  const [hold] = findEvents(r.events, 'balances', 'Held');
  assert.ok(hold, 'no Balances.Held event');
  assert.equal(hold.data.amount.toBigInt(), held);

  // A second bond into the same record holds nothing more.
  r = await sendAndWait(api, api.tx.lpStaking.autoStake(MAAPL, 1n * UNIT, 180n * UNIT, null), bob);
  assert.equal(r.error, null);
  assert.equal(await stakeDepositHeld(api, bob.address, r.blockHash), held);

  // Unbond all of it (no reward has arrived): the record goes, and the deposit comes back.
  const record = (await (await api.at(r.blockHash)).query.lpStaking.lpStakes(bob.address, MAAPL)).unwrap();
  r = await sendAndWait(api, api.tx.lpStaking.unbond(MAAPL, record.bondAmount), bob);
  assert.equal(r.error, null);
  assert.equal((await (await api.at(r.blockHash)).query.lpStaking.lpStakes(bob.address, MAAPL)).isNone, true);
  assert.equal(await stakeDepositHeld(api, bob.address, r.blockHash), 0n);
  const [released] = findEvents(r.events, 'balances', 'Released');
  assert.ok(released, 'no Balances.Released event');
  assert.equal(released.data.amount.toBigInt(), held);
});

test('a Gov staker holds a deposit for its record and gets it back when it leaves', async () => {
  const { api, charlie } = ctx;
  const held = (at) => heldFor(api, 'Gov.StakerDeposit', charlie.address, at);
  assert.equal(await held(), 0n);
  let r = await sendAndWait(api, api.tx.gov.stakeVotingTokens(1_000n * UNIT), charlie);
  assert.equal(r.error, null);
  const deposit = await held(r.blockHash);
  // docs/parameters.md: 0.1 MIR plus 0.001 MIR per byte of the staker record.
  assert.ok(deposit >= 100_000n && deposit <= 200_000n, `held ${deposit}`);
  r = await sendAndWait(api, api.tx.gov.withdrawVotingTokens(null), charlie);
  assert.equal(r.error, null);
  assert.equal((await (await api.at(r.blockHash)).query.gov.stakers(charlie.address)).isNone, true);
  assert.equal(await held(r.blockHash), 0n);
});
