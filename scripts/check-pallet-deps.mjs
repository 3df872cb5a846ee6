#!/usr/bin/env node
// Loose coupling, checked: no Mirror pallet crate depends on another Mirror pallet crate (as a
// normal, dev or build dependency). Pallets talk through the traits in primitives/ and are wired
// together only in runtime/. Reads `cargo metadata`; exits 1 naming every offending edge.
import { execFileSync } from 'node:child_process';

const metadata = JSON.parse(
	execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	}),
);
const root = metadata.workspace_root;
// A pallet is a crate at pallets/<name>/; the crates under it (its runtime API) are its own.
const folderOf = (manifest) => manifest.match(new RegExp(`^${root}/pallets/([^/]+)/`))?.[1];
const pallets = metadata.packages.filter((p) =>
	new RegExp(`^${root}/pallets/[^/]+/Cargo.toml$`).test(p.manifest_path),
);
const palletNames = new Map(
	metadata.packages
		.filter((p) => folderOf(p.manifest_path))
		.map((p) => [p.name, folderOf(p.manifest_path)]),
);
const edges = [];
for (const pallet of pallets) {
	const own = folderOf(pallet.manifest_path);
	for (const dep of pallet.dependencies) {
		const folder = dep.path ? folderOf(`${dep.path}/Cargo.toml`) : palletNames.get(dep.name);
		if (folder && folder !== own) {
			edges.push(`${pallet.name} -> ${dep.name}${dep.kind ? ` (${dep.kind})` : ''}`);
		}
	}
}
if (pallets.length === 0) {
	console.error('check-pallet-deps: no pallet crates found under pallets/');
	process.exit(1);
}
if (edges.length > 0) {
	console.error('A Mirror pallet depends on the crate of another Mirror pallet (use a trait in primitives/):');
	for (const edge of edges) console.error(`  ${edge}`);
	process.exit(1);
}
console.log(`check-pallet-deps: ${pallets.length} pallet crates, none depends on another`);
