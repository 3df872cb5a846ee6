//! libFuzzer's target: its input bytes decoded by the same decoder as the seeded soak; an input
//! runs until its bytes run out (at most 100,000 calls). A broken invariant or a panic is a
//! crash. The corpus (`fuzz/libfuzzer/corpus/runtime`) starts from the seeded runs' inputs and
//! every finding's (`mirror-fuzz --corpus`), which replay exactly as they did seeded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mirror_fuzz::{chain, entropy::Entropy, run};
use std::sync::OnceLock;

static GENESIS: OnceLock<sp_runtime::Storage> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
	let genesis = GENESIS
		.get_or_init(|| chain::development_genesis().expect("the development genesis builds"));
	let mut entropy = Entropy::bytes(data);
	let result = run::drive(genesis, &mut entropy, 100_000, false);
	if let Some(finding) = result.finding {
		panic!("after action {}: {}", finding.at, finding.detail);
	}
});
