// Offline signers (Ledger's generic app, Polkadot Vault) sign in `CheckMetadataHash` mode 1: the
// signed payload carries the hash of the chain's metadata, which the runtime compares with the
// hash it was built with. The runtime is built with it (runtime/build.rs: MIR, 6 decimals), so a
// mode-1 transaction with the right hash lands, and one with a wrong hash is refused before it
// costs anything. Before that build change, every mode-1 transaction was refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { startDevNode, sendAndWait, findEvents } from '../lib/node.mjs';
import { UNIT } from '../lib/constants.mjs';

let ctx;
before(async () => { ctx = await startDevNode(); });
after(async () => { if (ctx) await ctx.stop(); });

/** The metadata hash as an offline signer computes it: V15 metadata, merkleized with the chain's
 * token, decimals, SS58 prefix and version (RFC-0078). */
async function metadataHash(api) {
  const v15 = (await api.call.metadata.metadataAtVersion(15)).unwrap();
  const version = api.runtimeVersion;
  const props = await api.rpc.system.properties();
  const info = {
    tokenSymbol: props.tokenSymbol.unwrap()[0].toString(),
    decimals: props.tokenDecimals.unwrap()[0].toNumber(),
    base58Prefix: props.ss58Format.unwrap().toNumber(),
    specName: version.specName.toString(),
    specVersion: version.specVersion.toNumber(),
  };
  assert.deepEqual([info.tokenSymbol, info.decimals, info.base58Prefix], ['MIR', 6, 42]);
  return u8aToHex(merkleizeMetadata(v15.toU8a(true), info).digest());
}

test('a transfer signed in metadata-hash mode 1 lands; a wrong hash is refused for free', async () => {
  const { api, alice, bob } = ctx;
  assert.ok(api.registry.signedExtensions.includes('CheckMetadataHash'), api.registry.signedExtensions.join(', '));
  const hash = await metadataHash(api);

  const r = await sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, 2n * UNIT), alice,
    { signOptions: { mode: 1, metadataHash: hash } });
  assert.equal(r.error, null);
  const [transfer] = findEvents(r.events, 'balances', 'Transfer');
  assert.equal(transfer.data.amount.toBigInt(), 2n * UNIT);
  // The extrinsic in the block really is mode 1.
  const block = await api.rpc.chain.getBlock(r.blockHash);
  const xt = block.block.extrinsics.find((e) => e.isSigned && e.signer.toString() === alice.address);
  assert.equal(xt.mode.toNumber(), 1);

  // The same call signed against another metadata hash: a bad signature, refused by the pool.
  const before = (await api.query.system.account(alice.address)).nonce.toNumber();
  const wrong = `0x${'11'.repeat(32)}`;
  await assert.rejects(
    sendAndWait(api, api.tx.balances.transferKeepAlive(bob.address, 2n * UNIT), alice, { signOptions: { mode: 1, metadataHash: wrong } }),
    /1010|bad signature/i,
  );
  assert.equal((await api.query.system.account(alice.address)).nonce.toNumber(), before, 'nothing was charged');
});
