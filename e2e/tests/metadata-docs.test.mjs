// What a UI (polkadot-js Apps, a wallet) shows of the Mirror pallets, read from the node's
// metadata: every pallet has docs, every call, event and error has a doc, and no doc carries
// rustdoc's intra-doc link syntax (``[`Error::X`]``, `[text](crate::item)`), which UIs print raw.
// And the SDK's runtime-API wrappers turn an error inside an answer into a `MirrorError`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import { clientModule } from '../lib/bots.mjs';

const { MirrorClient, MirrorError, UST } = await import(clientModule());

const MIRROR_PALLETS = [
  'Oracle', 'CollateralOracle', 'Amm', 'Mint', 'LpStaking', 'Factory', 'Gov', 'Collector', 'Community',
];

/** A rustdoc link: ``[`X`]`` not followed by an http(s) target, or `[..](target)` to a non-http(s) target. */
const RUSTDOC_LINK = /\[`[^\]]*`\](?!\(https?:\/\/)|\]\((?!https?:\/\/)[^)]*\)/;

let ctx;
let client;
before(async () => {
  ctx = await startDevNode({ connect: (url) => MirrorClient.connect(url, { timeoutMs: 5_000 }) });
  client = ctx.api;
});
after(async () => { if (ctx) await ctx.stop(); });

const text = (docs) => docs.map((d) => d.toString()).join('\n').trim();

/** Every doc string of `pallet` in the metadata, as { where, doc, required }. */
function palletDocs(pallet) {
  const { lookup } = client.api.registry;
  const out = [{ where: 'pallet', doc: text(pallet.docs), required: true }];
  const variants = (kind, opt) => {
    if (opt.isNone) return;
    for (const v of lookup.getSiType(opt.unwrap().type).def.asVariant.variants) {
      out.push({ where: `${kind} ${v.name}`, doc: text(v.docs), required: true });
      for (const f of v.fields) {
        const name = f.name.isSome ? f.name.unwrap().toString() : '_';
        out.push({ where: `${kind} ${v.name}.${name}`, doc: text(f.docs), required: false });
      }
    }
  };
  variants('call', pallet.calls);
  variants('event', pallet.events);
  variants('error', pallet.errors);
  if (pallet.storage.isSome) {
    for (const s of pallet.storage.unwrap().items) out.push({ where: `storage ${s.name}`, doc: text(s.docs), required: false });
  }
  for (const c of pallet.constants) out.push({ where: `constant ${c.name}`, doc: text(c.docs), required: false });
  return out;
}

function mirrorPallets() {
  const pallets = client.api.runtimeMetadata.asLatest.pallets.filter((p) => MIRROR_PALLETS.includes(p.name.toString()));
  assert.deepEqual(pallets.map((p) => p.name.toString()).sort(), [...MIRROR_PALLETS].sort(), 'a Mirror pallet is missing');
  return pallets.map((p) => ({ name: p.name.toString(), docs: palletDocs(p) }));
}

test('the link pattern flags rustdoc links and nothing else', () => {
  for (const bad of ['[`Error::NotOwner`]', 'see [`Config::MaxFeeders`].', '[`crate::math`]', '[the math](crate::math)', '[`x`](Pallet::x)']) {
    assert.ok(RUSTDOC_LINK.test(bad), bad);
  }
  for (const good of ['`NotOwner`', '[the spec](https://example.com/spec)', '[`spec`](https://example.com)', '`path[0]`', 'a [b] c', 'f(x) [1]']) {
    assert.ok(!RUSTDOC_LINK.test(good), good);
  }
});

test('every Mirror pallet has docs, every call, event and error has a doc, and no doc has a rustdoc link', () => {
  const failures = [];
  let total = 0;
  let withLinks = 0;
  let emptyPallets = 0;
  let emptyItems = 0;
  for (const { name, docs } of mirrorPallets()) {
    const links = docs.filter((d) => RUSTDOC_LINK.test(d.doc));
    const empty = docs.filter((d) => d.required && d.doc === '');
    const nonEmpty = docs.filter((d) => d.doc !== '').length;
    total += nonEmpty;
    withLinks += links.length;
    emptyItems += empty.length;
    if (docs[0].doc === '') emptyPallets += 1;
    console.log(`${name}: ${nonEmpty} docs, ${links.length} with rustdoc links, ${empty.length} missing (${empty.map((d) => d.where).join(', ') || '-'})`);
    for (const d of links) failures.push(`${name} ${d.where}: rustdoc link in "${d.doc.replace(/\s+/g, ' ').slice(0, 160)}"`);
    for (const d of empty) failures.push(`${name} ${d.where}: no docs`);
  }
  console.log(`all Mirror pallets: ${total} docs, ${withLinks} with rustdoc links, ${emptyPallets} pallets without docs, ${emptyItems} pallets/calls/events/errors without docs`);
  assert.deepEqual(failures, []);
});

test('runtime-API answers carrying an error throw MirrorError with the pallet and error name', async () => {
  const missing = (await client.mint.nextPositionId()) + 1000n;
  const expect = (code) => (e) => {
    assert.ok(e instanceof MirrorError, `not a MirrorError: ${e}`);
    assert.equal(e.code, code);
    return true;
  };
  // A module error inside MintApi.simulate_auction's Result, with its docs from the metadata.
  await assert.rejects(client.mint.simulateAuction(missing, 1n), (e) => {
    expect('mint.UnknownPosition')(e);
    assert.ok(e.docs.length > 0, 'no docs');
    assert.ok(!RUSTDOC_LINK.test(e.docs), e.docs);
    return true;
  });
  await assert.rejects(client.mint.simulateAuction(missing, 0n), expect('mint.ZeroAmount'));
  // The same through an `at` view, and from the AMM's runtime API.
  const at = await client.at(await client.api.rpc.chain.getFinalizedHead());
  await assert.rejects(at.mint.simulateAuction(missing, 1n), expect('mint.UnknownPosition'));
  await assert.rejects(client.amm.simulateSwap(UST, UST, 1n), expect('amm.IdenticalAssets'));
  // MintApi.collateral_ratio's own error enum, with its variant's docs (captured into metadata).
  await assert.rejects(client.mint.collateralRatio(missing), (e) => {
    expect('mint.UnknownPosition')(e);
    assert.match(e.docs, /No position has this id/);
    return true;
  });
});
