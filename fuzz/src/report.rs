//! The soak's tables: per-call outcomes, Mirror's calls never reached, and calls that cost more
//! than they declare.

use crate::run::CallStats;
use frame_support::traits::GetCallMetadata;
use mirror_runtime::RuntimeCall;
use std::collections::BTreeMap;

/// The pallets whose every call the driver must reach: Mirror's nine, the runtime's last.
pub fn mirror_pallets() -> &'static [&'static str] {
	&crate::invariants::PALLETS[9..]
}

/// Every call of every Mirror pallet, as `Pallet.call`.
pub fn mirror_calls() -> Vec<String> {
	let mut calls = Vec::new();
	for pallet in mirror_pallets() {
		for call in RuntimeCall::get_call_names(pallet) {
			calls.push(format!("{pallet}.{call}"));
		}
	}
	calls
}

/// Mirror's calls that never dispatched successfully.
pub fn unreached(stats: &BTreeMap<String, CallStats>) -> Vec<String> {
	mirror_calls().into_iter().filter(|c| stats.get(c).map(|s| s.ok == 0).unwrap_or(true)).collect()
}

fn top(errors: &BTreeMap<String, u64>, n: usize) -> String {
	let mut sorted: Vec<_> = errors.iter().collect();
	sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
	sorted.iter().take(n).map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
}

/// The per-call table, Markdown.
pub fn table(stats: &BTreeMap<String, CallStats>) -> String {
	let mut out = String::from(
		"| call | attempts | ok | failed (top errors) | refused (top reasons) | max time/weight | max proof/weight |\n|---|---:|---:|---|---|---:|---:|\n",
	);
	let mut names: Vec<&String> = stats.keys().collect();
	for call in mirror_calls() {
		if !stats.contains_key(&call) {
			out.push_str(&format!("| {call} | 0 | 0 | | | | |\n"));
		}
	}
	names.sort();
	for name in names {
		let s = &stats[name];
		out.push_str(&format!(
			"| {name} | {} | {} | {} | {} | {:.2} | {:.2} |\n",
			s.total(),
			s.ok,
			top(&s.failed, 3),
			top(&s.invalid, 2),
			s.max_time_ratio,
			s.max_proof_ratio,
		));
	}
	out
}

/// Calls whose real cost exceeded their declared weight at least once.
pub fn over_weight(stats: &BTreeMap<String, CallStats>) -> String {
	let mut out = String::new();
	for (name, s) in stats {
		if s.over_time > 0 || s.over_proof > 0 {
			out.push_str(&format!(
				"{name}: time above weight {}x (max {:.2}), proof above weight {}x (max {:.2})\n",
				s.over_time, s.max_time_ratio, s.over_proof, s.max_proof_ratio
			));
		}
	}
	out
}
