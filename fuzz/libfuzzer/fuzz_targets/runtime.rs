//! libFuzzer's target: its input bytes decoded by the same decoder as the seeded soak, at most
//! 2,000 calls an input; a broken invariant or a panic is a crash (and joins the corpus).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mirror_fuzz::{chain, entropy::Entropy, run};
use std::sync::OnceLock;

static GENESIS: OnceLock<sp_runtime::Storage> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
	let genesis = GENESIS
		.get_or_init(|| chain::development_genesis().expect("the development genesis builds"));
	let mut entropy = Entropy::bytes(data);
	let result = run::drive(genesis, &mut entropy, 2_000, false);
	if let Some(finding) = result.finding {
		panic!("after action {}: {}", finding.at, finding.detail);
	}
});
