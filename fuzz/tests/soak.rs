//! The fuzzer in `make test`: 20,000 seeded calls on the real runtime with every invariant
//! checked after each, and the determinism the soak's reproductions rely on.
//!
//! `MIRROR_FUZZ_CALLS` and `MIRROR_FUZZ_SEED` change the run (`make fuzz` runs the long soak).

use mirror_fuzz::{chain, entropy::Entropy, report, run};

fn env_u64(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

#[test]
fn twenty_thousand_random_calls_break_no_invariant() {
	let genesis = chain::development_genesis().expect("the development genesis builds");
	run::quiet_panics();
	let seed = env_u64("MIRROR_FUZZ_SEED", 2026);
	let calls = env_u64("MIRROR_FUZZ_CALLS", 20_000);
	let result = run::run(&genesis, seed, calls, true);
	println!(
		"{} calls, {} blocks, {:.1} s, {:.0} calls/s",
		result.calls,
		result.blocks,
		result.seconds,
		result.calls as f64 / result.seconds
	);
	println!("{}", report::table(&result.stats));
	println!("over weight:\n{}", report::over_weight(&result.stats));
	if let Some(finding) = &result.finding {
		let shortest = run::shrink(&genesis, &result.actions[..=finding.at], &finding.class, 200);
		let sequence: Vec<String> = shortest.iter().map(|a| format!("  {a:?}")).collect();
		panic!(
			"seed {seed}: after action {}: {}\nshortest sequence ({} actions):\n{}",
			finding.at,
			finding.detail,
			shortest.len(),
			sequence.join("\n")
		);
	}
	assert_eq!(result.calls, calls, "the run stopped early");
	// The driver reaches the protocol: most of Mirror's calls succeed within 20,000 calls (all
	// of them within 100,000: docs/reliability.md), and far more calls succeed than fail.
	let unreached = report::unreached(&result.stats);
	let all = report::mirror_calls().len();
	assert!(
		unreached.len() * 5 <= all,
		"{} of {all} Mirror calls never succeeded: {unreached:?}",
		unreached.len()
	);
	let ok: u64 = result.stats.values().map(|s| s.ok).sum();
	assert!(ok * 4 >= result.calls, "only {ok} of {} calls succeeded", result.calls);
}

#[test]
fn the_same_seed_gives_the_same_sequence_and_state_root() {
	let genesis = chain::development_genesis().expect("the development genesis builds");
	run::quiet_panics();
	let a = run::run(&genesis, 7, 1_500, false);
	let b = run::run(&genesis, 7, 1_500, false);
	assert!(a.finding.is_none() && b.finding.is_none(), "{:?}", a.finding);
	assert_eq!(format!("{:?}", a.actions), format!("{:?}", b.actions));
	assert_eq!(a.root, b.root);
	let c = run::run(&genesis, 8, 1_500, false);
	assert_ne!(a.root, c.root, "another seed, another chain");
	// A replay of the recorded actions reaches the same state: shrinking relies on it.
	assert!(run::replay(&genesis, &a.actions).is_none());
	// The bytes the seeded run read, as a libFuzzer input, make the same run: a finding's
	// input joins the coverage-guided corpus (`mirror-fuzz --corpus`).
	let mut bytes = Entropy::bytes(&a.input);
	let d = run::drive(&genesis, &mut bytes, 1_500, false);
	assert_eq!(format!("{:?}", d.actions), format!("{:?}", a.actions));
	assert_eq!(d.root, a.root);
}
