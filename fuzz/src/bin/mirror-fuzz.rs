//! The deterministic soak: `mirror-fuzz --calls N --seed S [--chunk C] [--first-chunk K]`.
//!
//! Runs `N` signed calls in chunks of `C` (default: one chunk), chunk `k` a fresh chain from
//! genesis with seed `S + k`, so a soak can resume at any chunk and a finding in chunk `k`
//! reproduces with `--seed S+k --calls C`. Prints calls/s, the per-call table, the calls whose
//! cost exceeded their weight, and on a finding the seed and the shortest reproducing sequence.
//! Exits 1 on a finding, 2 with `--require-coverage` if a Mirror call never succeeded (in the
//! whole run, or in one of its windows of 100,000 calls).
//!
//! `--corpus DIR` writes a finding's input (the bytes the decoder read) to `DIR`, libFuzzer's
//! corpus (`fuzz/libfuzzer/corpus/runtime`), where the coverage-guided mode replays and mutates
//! it; `--save-input FILE` writes the last chunk's input whatever happened.

use mirror_fuzz::{chain, report, run};
use std::collections::BTreeMap;

struct Args {
	calls: u64,
	seed: u64,
	chunk: Option<u64>,
	first_chunk: u64,
	measure: bool,
	shrink_replays: usize,
	require_coverage: bool,
	table: bool,
	corpus: Option<std::path::PathBuf>,
	save_input: Option<std::path::PathBuf>,
}

fn parse() -> Result<Args, String> {
	let mut args = Args {
		calls: 20_000,
		seed: 1,
		chunk: None,
		first_chunk: 0,
		measure: true,
		shrink_replays: 400,
		require_coverage: false,
		table: true,
		corpus: None,
		save_input: None,
	};
	let mut it = std::env::args().skip(1);
	while let Some(arg) = it.next() {
		let mut value = |name: &str| -> Result<u64, String> {
			it.next()
				.ok_or(format!("{name} needs a value"))?
				.replace('_', "")
				.parse::<u64>()
				.map_err(|e| format!("{name}: {e}"))
		};
		match arg.as_str() {
			"--calls" => args.calls = value("--calls")?,
			"--seed" => args.seed = value("--seed")?,
			"--chunk" => args.chunk = Some(value("--chunk")?.max(1)),
			"--first-chunk" => args.first_chunk = value("--first-chunk")?,
			"--shrink-replays" => args.shrink_replays = value("--shrink-replays")? as usize,
			"--no-measure" => args.measure = false,
			"--no-table" => args.table = false,
			"--require-coverage" => args.require_coverage = true,
			"--corpus" => args.corpus = it.next().map(Into::into),
			"--save-input" => args.save_input = it.next().map(Into::into),
			"-h" | "--help" => {
				println!("mirror-fuzz [--calls N] [--seed S] [--chunk C] [--first-chunk K] [--no-measure] [--no-table] [--shrink-replays R] [--require-coverage] [--corpus DIR] [--save-input FILE]");
				std::process::exit(0);
			}
			other => return Err(format!("unknown argument {other}")),
		}
	}
	Ok(args)
}

/// The coverage window: every Mirror call must succeed at least once in each.
const WINDOW: u64 = 100_000;

fn write_input(file: &std::path::Path, input: &[u8]) {
	let written = file
		.parent()
		.map_or(Ok(()), std::fs::create_dir_all)
		.and_then(|()| std::fs::write(file, input));
	match written {
		Ok(()) => println!("input ({} bytes) written to {}", input.len(), file.display()),
		Err(e) => eprintln!("mirror-fuzz: cannot write {}: {e}", file.display()),
	}
}

fn main() {
	let args = match parse() {
		Ok(args) => args,
		Err(e) => {
			eprintln!("mirror-fuzz: {e}");
			std::process::exit(64);
		}
	};
	let genesis = match chain::development_genesis() {
		Ok(genesis) => genesis,
		Err(e) => {
			eprintln!("mirror-fuzz: the development genesis does not build: {e}");
			std::process::exit(70);
		}
	};
	run::quiet_panics();
	let chunk = args.chunk.unwrap_or(args.calls).max(1);
	let chunks = args.calls.div_ceil(chunk);
	let mut stats: BTreeMap<String, run::CallStats> = BTreeMap::new();
	let (mut calls, mut seconds, mut blocks) = (0u64, 0f64, 0u64);
	// Coverage per window of 100,000 calls: every Mirror call must succeed in each.
	let mut window: BTreeMap<String, run::CallStats> = BTreeMap::new();
	let (mut window_start, mut window_calls, mut windows_short) = (0u64, 0u64, 0u32);
	for k in args.first_chunk..chunks {
		let seed = args.seed.wrapping_add(k);
		let n = chunk.min(args.calls - k * chunk);
		let result = run::run(&genesis, seed, n, args.measure);
		calls += result.calls;
		seconds += result.seconds;
		blocks += result.blocks as u64;
		for (name, s) in &result.stats {
			stats.entry(name.clone()).or_default().merge(s);
			window.entry(name.clone()).or_default().merge(s);
		}
		window_calls += result.calls;
		println!(
			"chunk {k}: seed {seed}, {} calls in {} blocks, {:.1} s, {:.0} calls/s, state root {:?}",
			result.calls,
			result.blocks,
			result.seconds,
			result.calls as f64 / result.seconds.max(1e-9),
			result.root
		);
		if window_calls >= WINDOW {
			let unreached = report::unreached(&window);
			windows_short += !unreached.is_empty() as u32;
			println!(
				"calls {window_start}..{}: Mirror calls never dispatched successfully: {}",
				window_start + window_calls,
				if unreached.is_empty() { "none".to_string() } else { unreached.join(", ") }
			);
			window_start += window_calls;
			window_calls = 0;
			window.clear();
		}
		if let Some(file) = &args.save_input {
			write_input(file, &result.input);
		}
		if let Some(finding) = result.finding {
			if let Some(dir) = &args.corpus {
				write_input(
					&dir.join(format!("finding-seed-{seed}-call-{}", result.calls)),
					&result.input,
				);
			}
			println!(
				"\nFINDING in chunk {k} (seed {seed}, calls {n}) after action {}, at call {}:",
				finding.at, result.calls
			);
			println!("  {}", finding.detail);
			let prefix = &result.actions[..=finding.at];
			if args.shrink_replays == 0 {
				std::process::exit(1);
			}
			let shortest = run::shrink(&genesis, prefix, &finding.class, args.shrink_replays);
			println!(
				"\nshortest reproducing sequence ({} of {} actions; replay with `mirror-fuzz --seed {seed} --calls {n}`):",
				shortest.len(),
				prefix.len()
			);
			for action in &shortest {
				println!("  {action:?}");
			}
			std::process::exit(1);
		}
	}
	println!(
		"\n{calls} calls in {blocks} blocks, {seconds:.1} s, {:.0} calls/s, no invariant broken, no panic",
		calls as f64 / seconds.max(1e-9)
	);
	if args.table {
		println!("\n{}", report::table(&stats));
	}
	if args.measure {
		let over = report::over_weight(&stats);
		println!(
			"calls whose real cost exceeded their declared weight (native time vs ref_time, proof vs proof_size):\n{}",
			if over.is_empty() { "none\n".to_string() } else { over }
		);
	}
	let unreached = report::unreached(&stats);
	println!(
		"Mirror calls never dispatched successfully: {}",
		if unreached.is_empty() { "none".to_string() } else { unreached.join(", ") }
	);
	if windows_short > 0 {
		println!(
			"windows of {WINDOW} calls in which a Mirror call never succeeded: {windows_short}"
		);
	}
	if args.require_coverage && (!unreached.is_empty() || windows_short > 0) {
		std::process::exit(2);
	}
}
