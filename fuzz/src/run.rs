//! One run: decode actions, apply them, check every invariant after each, count outcomes, and on
//! a finding shrink the action sequence to the shortest one that still reproduces it.

use crate::{
	chain::{error_name, Applied, Chain},
	entropy::Entropy,
	generate::{self, Action, View},
	invariants,
};
use frame_support::traits::GetCallMetadata;
use mirror_runtime::{RuntimeCall, RuntimeEvent};
use sp_core::H256;
use sp_runtime::Storage;
use std::{
	collections::{BTreeMap, BTreeSet},
	panic::{self, AssertUnwindSafe},
	sync::Mutex,
	time::Instant,
};

/// How each call fared.
#[derive(Clone, Default, Debug)]
pub struct CallStats {
	/// Dispatched successfully.
	pub ok: u64,
	/// Included, but the dispatch failed: by error.
	pub failed: BTreeMap<String, u64>,
	/// Refused by the block builder (not included, nothing paid): by reason.
	pub invalid: BTreeMap<String, u64>,
	/// Calls whose real execution time exceeded their declared `ref_time`.
	pub over_time: u64,
	/// Calls whose storage proof exceeded their declared `proof_size`.
	pub over_proof: u64,
	/// The largest real / declared execution time seen.
	pub max_time_ratio: f64,
	/// The largest real / declared proof size seen.
	pub max_proof_ratio: f64,
}

impl CallStats {
	/// Every attempt.
	pub fn total(&self) -> u64 {
		self.ok + self.failed.values().sum::<u64>() + self.invalid.values().sum::<u64>()
	}

	/// Adds `other`'s counts.
	pub fn merge(&mut self, other: &CallStats) {
		self.ok += other.ok;
		for (k, v) in &other.failed {
			*self.failed.entry(k.clone()).or_default() += v;
		}
		for (k, v) in &other.invalid {
			*self.invalid.entry(k.clone()).or_default() += v;
		}
		self.over_time += other.over_time;
		self.over_proof += other.over_proof;
		self.max_time_ratio = self.max_time_ratio.max(other.max_time_ratio);
		self.max_proof_ratio = self.max_proof_ratio.max(other.max_proof_ratio);
	}
}

/// A broken invariant or a panic.
#[derive(Clone, Debug)]
pub struct Finding {
	/// What broke, without the numbers (two runs of the same bug share it).
	pub class: String,
	/// What broke, in full.
	pub detail: String,
	/// The index of the action after which it broke.
	pub at: usize,
}

/// What a run did.
pub struct Run {
	/// Signed calls applied (batches count once).
	pub calls: u64,
	/// The actions decoded, in order.
	pub actions: Vec<Action>,
	/// Per `Pallet.call`.
	pub stats: BTreeMap<String, CallStats>,
	/// The first finding, which ends the run.
	pub finding: Option<Finding>,
	/// The state root at the end.
	pub root: H256,
	/// Wall-clock seconds.
	pub seconds: f64,
	/// Blocks built.
	pub blocks: u32,
	/// The bytes the decoder read, when its entropy was recording (a seeded run's always is):
	/// as a libFuzzer input they replay this run.
	pub input: Vec<u8>,
}

thread_local! {
	/// Nanoseconds spent decoding, applying and checking (printed with MIRROR_FUZZ_PROFILE).
	pub static PROFILE: std::cell::RefCell<[u64; 3]> = const { std::cell::RefCell::new([0; 3]) };
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

thread_local! {
	static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the runtime's panic messages for the report instead of printing them (a panic there is
/// a finding); other panics (a test's own assertions) print as usual.
pub fn quiet_panics() {
	static ONCE: std::sync::Once = std::sync::Once::new();
	ONCE.call_once(|| {
		let default = panic::take_hook();
		panic::set_hook(Box::new(move |info| {
			if GUARDED.with(|g| g.get()) {
				if let Ok(mut last) = LAST_PANIC.lock() {
					*last = Some(info.to_string());
				}
			} else {
				default(info)
			}
		}));
	});
}

fn class_of(detail: &str) -> String {
	let mut class: String =
		detail.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).take(120).collect();
	// Account ids and hashes differ between runs of the same bug.
	if let Some(i) = class.find(" account ") {
		class.truncate(i + 8);
	}
	class
}

fn finding(detail: String, at: usize) -> Finding {
	Finding { class: class_of(&detail), detail, at }
}

fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
	let outer = GUARDED.with(|g| g.replace(true));
	let result = panic::catch_unwind(AssertUnwindSafe(f));
	GUARDED.with(|g| g.set(outer));
	result.map_err(|_| {
		let message = LAST_PANIC.lock().ok().and_then(|mut m| m.take());
		format!("panic: {}", message.unwrap_or_else(|| "(no message)".into()))
	})
}

fn name(call: &RuntimeCall) -> String {
	let meta = call.get_call_metadata();
	format!("{}.{}", meta.pallet_name, meta.function_name)
}

/// Counts one applied call, looking through sudo and batches for the calls that really ran.
fn record(stats: &mut BTreeMap<String, CallStats>, call: &RuntimeCall, applied: &Applied) {
	let outer = name(call);
	let entry = stats.entry(outer.clone()).or_default();
	if applied.nanos > 0 {
		let declared_ps = applied.declared.ref_time().max(1) as f64;
		let time_ratio = applied.nanos as f64 * 1_000.0 / declared_ps;
		let proof_ratio = applied.proof as f64 / applied.declared.proof_size().max(1) as f64;
		entry.max_time_ratio = entry.max_time_ratio.max(time_ratio);
		entry.max_proof_ratio = entry.max_proof_ratio.max(proof_ratio);
		entry.over_time += (time_ratio > 1.0) as u64;
		entry.over_proof += (proof_ratio > 1.0) as u64;
	}
	match &applied.result {
		Err(validity) => *entry.invalid.entry(format!("{validity:?}")).or_default() += 1,
		Ok(Err(error)) => *entry.failed.entry(error_name(error)).or_default() += 1,
		Ok(Ok(())) => {
			entry.ok += 1;
			match call {
				RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: inner }) => {
					let result = applied.events.iter().find_map(|e| match e {
						RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => {
							Some(*sudo_result)
						}
						_ => None,
					});
					let inner_entry = stats.entry(name(inner)).or_default();
					match result {
						Some(Ok(())) => inner_entry.ok += 1,
						Some(Err(error)) => {
							*inner_entry.failed.entry(error_name(&error)).or_default() += 1
						}
						None => {}
					}
				}
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }) => {
					for inner in calls {
						stats.entry(name(inner)).or_default().ok += 1;
					}
				}
				_ => {}
			}
		}
	}
}

/// Every invariant, after an action. `tree` names the calls that ran (`None`: block hooks).
fn check(
	chain: &mut Chain,
	before: &invariants::Supply,
	tree: Option<&BTreeSet<String>>,
	events: &[RuntimeEvent],
) -> Result<(), String> {
	let t0 = Instant::now();
	chain.block_weight_ok()?;
	let r = chain.with(|| {
		invariants::try_state()?;
		invariants::books()?;
		let after = invariants::Supply::read();
		invariants::issuance_rules(before, &after, tree, events)
	});
	PROFILE.with(|p| p.borrow_mut()[2] += t0.elapsed().as_nanos() as u64);
	r
}

/// Applies one action and checks every invariant.
fn step(
	chain: &mut Chain,
	action: &Action,
	stats: Option<&mut BTreeMap<String, CallStats>>,
) -> Result<(), String> {
	step_checked(chain, action, stats, true)
}

fn step_checked(
	chain: &mut Chain,
	action: &Action,
	stats: Option<&mut BTreeMap<String, CallStats>>,
	checked: bool,
) -> Result<(), String> {
	if !checked {
		return match action {
			Action::Block { secs } => guarded(|| chain.advance(*secs))?.map_err(|e| e.0),
			Action::Call { who, call } => {
				guarded(|| chain.submit(*who, call.clone()))?.map(|_| ()).map_err(|e| e.0)
			}
		};
	}
	let before = chain.with(invariants::Supply::read);
	match action {
		Action::Block { secs } => {
			guarded(|| chain.advance(*secs))?.map_err(|e| e.0)?;
			guarded(|| check(chain, &before, None, &[]))?
		}
		Action::Call { who, call } => {
			let applied = guarded(|| chain.submit(*who, call.clone()))?.map_err(|e| e.0)?;
			if let Some(stats) = stats {
				record(stats, call, &applied);
			}
			let mut tree = BTreeSet::new();
			invariants::call_tree(call, &mut tree);
			guarded(|| check(chain, &before, Some(&tree), &applied.events))?
		}
	}
}

/// A seeded run of `calls` signed calls from genesis.
pub fn run(genesis: &Storage, seed: u64, calls: u64, measure: bool) -> Run {
	let mut entropy = Entropy::seeded(seed).recording();
	drive(genesis, &mut entropy, calls, measure)
}

/// A run decoding `entropy` until `calls` calls or the input runs out.
pub fn drive(genesis: &Storage, entropy: &mut Entropy, calls: u64, measure: bool) -> Run {
	let start = Instant::now();
	let mut run = Run {
		calls: 0,
		actions: Vec::new(),
		stats: BTreeMap::new(),
		finding: None,
		root: H256::zero(),
		seconds: 0.0,
		blocks: 0,
		input: Vec::new(),
	};
	let mut chain = match guarded(|| Chain::new(genesis, measure)) {
		Ok(Ok(chain)) => chain,
		Ok(Err(e)) => {
			run.finding = Some(finding(e.0, 0));
			return run;
		}
		Err(e) => {
			run.finding = Some(finding(e, 0));
			return run;
		}
	};
	let signers = chain.signers().ids().to_vec();
	while run.calls < calls && !entropy.is_exhausted() {
		let now = chain.now_secs();
		let t0 = Instant::now();
		let action = match guarded(|| {
			chain.with(|| generate::action(entropy, &View::read(&signers, now)))
		}) {
			Ok(action) => action,
			Err(e) => {
				run.finding = Some(finding(format!("decoder: {e}"), run.actions.len()));
				break;
			}
		};
		if matches!(action, Action::Call { .. }) {
			run.calls += 1;
		}
		run.actions.push(action.clone());
		PROFILE.with(|p| p.borrow_mut()[0] += t0.elapsed().as_nanos() as u64);
		if let Err(detail) = step(&mut chain, &action, Some(&mut run.stats)) {
			run.finding = Some(finding(detail, run.actions.len() - 1));
			break;
		}
	}
	if std::env::var("MIRROR_FUZZ_PROFILE").is_ok() {
		PROFILE.with(|p| eprintln!("decode / check ms: {:?}", p.borrow().map(|n| n / 1_000_000)));
		invariants::TIMES.with(|t| {
			eprintln!(
				"try_state ms: {:?}",
				t.borrow().iter().map(|(k, v)| (*k, v / 1_000)).collect::<Vec<_>>()
			)
		});
	}
	run.blocks = chain.number();
	run.root = guarded(|| chain.finish()).unwrap_or_default();
	if std::env::var("MIRROR_FUZZ_DUMP").is_ok() {
		for (k, v) in chain.dump() {
			eprintln!("{} {v:?}", sp_core::hexdisplay::HexDisplay::from(&k));
		}
	}
	run.input = entropy.recorded().map(<[u8]>::to_vec).unwrap_or_default();
	run.seconds = start.elapsed().as_secs_f64();
	run
}

/// Replays `actions` from genesis; the first finding, if any.
pub fn replay(genesis: &Storage, actions: &[Action]) -> Option<Finding> {
	let mut chain = match guarded(|| Chain::new(genesis, false)) {
		Ok(Ok(chain)) => chain,
		Ok(Err(e)) => return Some(finding(e.0, 0)),
		Err(e) => return Some(finding(e, 0)),
	};
	for (i, action) in actions.iter().enumerate() {
		if let Err(detail) = step(&mut chain, action, None) {
			return Some(finding(detail, i));
		}
	}
	None
}

/// Replays `actions` from genesis checking the invariants only after the last one (panics are
/// caught throughout): whether the chain ends in a finding of `class`. The shrinker's test, many
/// times faster than [`replay`]: a broken invariant stays broken.
fn ends_broken(genesis: &Storage, actions: &[Action], class: &str) -> bool {
	let Ok(Ok(mut chain)) = guarded(|| Chain::new(genesis, false)) else {
		return false;
	};
	let Some((last, rest)) = actions.split_last() else {
		return false;
	};
	for action in rest {
		if let Err(detail) = step_checked(&mut chain, action, None, false) {
			return class_of(&detail) == class;
		}
	}
	match step(&mut chain, last, None) {
		Err(detail) => class_of(&detail) == class,
		Ok(()) => false,
	}
}

/// The shortest sequence (delta debugging, within `max_replays`) that still ends in a finding
/// of `class`.
pub fn shrink(
	genesis: &Storage,
	actions: &[Action],
	class: &str,
	max_replays: usize,
) -> Vec<Action> {
	let mut best: Vec<Action> = actions.to_vec();
	let mut replays = 0;
	let mut parts = 2usize;
	while best.len() >= 2 && replays < max_replays {
		let chunk = best.len().div_ceil(parts);
		let mut reduced = false;
		for i in 0..parts {
			let from = i * chunk;
			if from >= best.len() {
				break;
			}
			let to = (from + chunk).min(best.len());
			let candidate: Vec<Action> =
				best[..from].iter().chain(best[to..].iter()).cloned().collect();
			replays += 1;
			if ends_broken(genesis, &candidate, class) {
				best = candidate;
				parts = (parts - 1).max(2);
				reduced = true;
				break;
			}
			if replays >= max_replays {
				break;
			}
		}
		if !reduced {
			if parts >= best.len() {
				break;
			}
			parts = (parts * 2).min(best.len());
		}
	}
	best
}
