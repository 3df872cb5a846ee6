#!/usr/bin/env node
// Prints the runtime's public interface as stable JSON: for each pallet its calls (index, name,
// argument names and types), events and errors (names and fields), storage items and constants.
// Compare two runtimes with `diff <(node metadata-summary.mjs) <(...)`: a refactor that promises
// "behaviour unchanged" lists its differences from this. Starts its own `mirror-node --dev --tmp`
// ($MIRROR_NODE or $CARGO_TARGET_DIR/release/mirror-node) and stops it.
import { startDevNode } from '../lib/node.mjs';

const node = await startDevNode();
try {
  const { api } = node;
  const lookup = api.registry.lookup;
  const typeName = (id) => lookup.getTypeDef(id).type;
  const variants = (id) =>
    id === undefined
      ? []
      : lookup.getSiType(id).def.asVariant.variants.map((v) => ({
          index: v.index.toNumber(),
          name: v.name.toString(),
          fields: v.fields.map((f) => `${f.name.isSome ? f.name.unwrap() : '_'}: ${typeName(f.type)}`),
        }));
  const pallets = {};
  for (const p of api.runtimeMetadata.asLatest.pallets) {
    pallets[p.name.toString()] = {
      index: p.index.toNumber(),
      calls: variants(p.calls.isSome ? p.calls.unwrap().type : undefined),
      events: variants(p.events.isSome ? p.events.unwrap().type : undefined),
      errors: variants(p.errors.isSome ? p.errors.unwrap().type : undefined).map((e) => e.name),
      storage: p.storage.isSome
        ? p.storage.unwrap().items.map((s) => {
            const t = s.type.isPlain ? s.type.asPlain : s.type.asMap.value;
            return `${s.name}: ${typeName(t)}`;
          })
        : [],
      constants: p.constants.map((c) => `${c.name}: ${typeName(c.type)}`),
    };
  }
  // Runtime APIs (metadata v15): each method's inputs and output.
  const apis = {};
  const v15 = await api.call.metadata.metadataAtVersion(15);
  if (v15.isSome) {
    const { Metadata, TypeRegistry } = await import('@polkadot/types');
    const registry = new TypeRegistry();
    const metadata = new Metadata(registry, v15.unwrap().toU8a(true));
    registry.setMetadata(metadata);
    const latest = metadata.asLatest;
    const name = (id) => registry.lookup.getTypeDef(id).type;
    for (const a of latest.apis) {
      apis[a.name.toString()] = a.methods.map(
        (m) =>
          `${m.name}(${m.inputs.map((i) => `${i.name}: ${name(i.type)}`).join(', ')}) -> ${name(m.output)}`,
      );
    }
  }
  process.stdout.write(`${JSON.stringify({ pallets, apis }, null, 1)}\n`);
} finally {
  await node.stop();
}
