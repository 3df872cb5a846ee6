//! What must hold after every call: every pallet's `try_state`, the books of every token, the
//! accounts' reference counts, holds and freezes, and the block's weight.

use frame_support::traits::{TryState, TryStateSelect};
use mirror_primitives::{Balance, NativeOrWithId, UST_ASSET_ID};
use mirror_runtime::{Runtime, RuntimeCall, RuntimeEvent};
use std::collections::{BTreeMap, BTreeSet};

/// The supply of MIR and of every `pallet-assets` asset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supply {
	/// MIR's total issuance.
	pub mir: Balance,
	/// Each asset's recorded supply.
	pub assets: BTreeMap<u32, Balance>,
}

impl Supply {
	/// Reads it from the state.
	pub fn read() -> Self {
		Supply {
			mir: pallet_balances::TotalIssuance::<Runtime>::get(),
			assets: pallet_assets::Asset::<Runtime>::iter().map(|(id, d)| (id, d.supply)).collect(),
		}
	}
}

thread_local! {
	/// Microseconds per check (printed with MIRROR_FUZZ_PROFILE).
	pub static TIMES: std::cell::RefCell<BTreeMap<&'static str, u64>> = Default::default();
}

/// The pallets [`try_state`] checks, in the runtime's order (a test keeps it complete).
pub const PALLETS: [&str; 18] = [
	"System",
	"Timestamp",
	"Aura",
	"Grandpa",
	"Balances",
	"TransactionPayment",
	"Sudo",
	"Utility",
	"Assets",
	"Oracle",
	"CollateralOracle",
	"Amm",
	"Mint",
	"LpStaking",
	"Factory",
	"Gov",
	"Collector",
	"Community",
];

/// Every pallet's `try_state`, one by one so that a failure names its pallet and check.
pub fn try_state() -> Result<(), String> {
	use mirror_runtime::*;
	fn one<P: TryState<u32>>(name: &'static str, n: u32) -> Result<(), String> {
		let t = std::time::Instant::now();
		let r =
			P::try_state(n, TryStateSelect::All).map_err(|e| format!("try_state {name}: {e:?}"));
		TIMES.with(|m| *m.borrow_mut().entry(name).or_default() += t.elapsed().as_micros() as u64);
		r
	}
	let n = System::block_number();
	one::<System>("System", n)?;
	one::<Timestamp>("Timestamp", n)?;
	one::<Aura>("Aura", n)?;
	one::<Grandpa>("Grandpa", n)?;
	one::<Balances>("Balances", n)?;
	one::<TransactionPayment>("TransactionPayment", n)?;
	one::<Sudo>("Sudo", n)?;
	one::<Utility>("Utility", n)?;
	one::<Assets>("Assets", n)?;
	one::<Oracle>("Oracle", n)?;
	one::<CollateralOracle>("CollateralOracle", n)?;
	one::<Amm>("Amm", n)?;
	one::<Mint>("Mint", n)?;
	one::<LpStaking>("LpStaking", n)?;
	one::<Factory>("Factory", n)?;
	one::<Gov>("Gov", n)?;
	one::<Collector>("Collector", n)?;
	one::<Community>("Community", n)?;
	Ok(())
}

/// The books: MIR's issuance is the sum of every account's free and reserved balance, every
/// asset's supply the sum of its accounts; no account has consumers without providers; no
/// account's holds exceed its reserved balance, nor a freeze its balance.
pub fn books() -> Result<(), String> {
	let mut mir: Balance = 0;
	for (who, info) in frame_system::Account::<Runtime>::iter() {
		mir = mir.saturating_add(info.data.free).saturating_add(info.data.reserved);
		if info.consumers > 0 && info.providers == 0 && info.sufficients == 0 {
			return Err(format!("account {who} has {} consumers and no providers", info.consumers));
		}
		let held: Balance = pallet_balances::Holds::<Runtime>::get(&who)
			.iter()
			.fold(0, |sum, hold| sum.saturating_add(hold.amount));
		if held > info.data.reserved {
			return Err(format!(
				"account {who} holds {held}, more than its reserved {}",
				info.data.reserved
			));
		}
		let total = info.data.free.saturating_add(info.data.reserved);
		if let Some(freeze) =
			pallet_balances::Freezes::<Runtime>::get(&who).iter().map(|f| f.amount).max()
		{
			if freeze > total {
				return Err(format!("account {who} has a freeze of {freeze}, above its {total}"));
			}
		}
	}
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	if mir != issuance {
		return Err(format!("MIR issuance {issuance} but the accounts hold {mir}"));
	}
	for (id, details) in pallet_assets::Asset::<Runtime>::iter() {
		let held: Balance = pallet_assets::Account::<Runtime>::iter_prefix(id)
			.fold(0, |sum, (_, account)| sum.saturating_add(account.balance));
		if held != details.supply {
			return Err(format!(
				"asset {id}: supply {} but the accounts hold {held}",
				details.supply
			));
		}
	}
	Ok(())
}

/// What kind of token an asset id is, for the issuance rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
	Ust,
	MAsset,
	LpToken,
	Other,
}

fn kinds() -> BTreeMap<u32, Kind> {
	let mut kinds = BTreeMap::new();
	for (_, pool) in pallet_mirror_amm::Pools::<Runtime>::iter() {
		kinds.insert(pool.lp_token, Kind::LpToken);
	}
	for (asset, _) in pallet_mirror_mint::AssetConfigs::<Runtime>::iter() {
		if let NativeOrWithId::WithId(id) = asset {
			kinds.insert(id, Kind::MAsset);
		}
	}
	kinds.insert(UST_ASSET_ID, Kind::Ust);
	kinds
}

/// The `Pallet.call` names of `call` and every call it wraps (batches, sudo).
pub fn call_tree(call: &RuntimeCall, out: &mut BTreeSet<String>) {
	use frame_support::traits::GetCallMetadata;
	let meta = call.get_call_metadata();
	out.insert(format!("{}.{}", meta.pallet_name, meta.function_name));
	match call {
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().for_each(|c| call_tree(c, out)),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo { call }) => call_tree(call, out),
		_ => {}
	}
}

fn any_of(tree: &BTreeSet<String>, prefixes: &[&str]) -> bool {
	tree.iter().any(|name| prefixes.iter().any(|p| name.starts_with(p)))
}

/// Tokens change supply only through their documented paths: MIR is never minted and is burnt
/// only as fees, dust and pair-creation fees; UST only through `pallet-assets` (its owner, or
/// Root); an mAsset through Mint (or Root's `pallet-assets` calls); an LP token through the Amm
/// (LpStaking's auto-stake provides liquidity). `tree` is the calls that ran (`None` for block
/// hooks, which change no supply) and `events` what they emitted.
pub fn issuance_rules(
	before: &Supply,
	after: &Supply,
	tree: Option<&BTreeSet<String>>,
	events: &[RuntimeEvent],
) -> Result<(), String> {
	let empty = BTreeSet::new();
	let tree = tree.unwrap_or(&empty);
	// A passed poll executes any call as Gov or Root: its effects follow no one rule.
	if any_of(tree, &["Gov.execute_poll"]) {
		return Ok(());
	}
	if after.mir > before.mir {
		return Err(format!("MIR was minted: {} -> {}", before.mir, after.mir));
	}
	let mut fees: Balance = 0;
	let mut burnt: Balance = 0;
	for event in events {
		match event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, tip, .. },
			) => fees = fees.saturating_add(*actual_fee).saturating_add(*tip),
			RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => {
				burnt = burnt.saturating_add(*amount)
			}
			RuntimeEvent::Balances(pallet_balances::Event::Burned { amount, .. }) => {
				if !any_of(tree, &["Amm.create_pair", "Factory.whitelist", "Factory.migrate_asset"])
				{
					return Err(format!("MIR burnt ({amount}) outside a pair creation"));
				}
				burnt = burnt.saturating_add(*amount)
			}
			_ => {}
		}
	}
	let decrease = before.mir - after.mir;
	if decrease > fees.saturating_add(burnt) {
		return Err(format!(
			"MIR issuance fell by {decrease}, more than fees {fees} and burns {burnt}"
		));
	}
	let kinds = kinds();
	let ids: BTreeSet<u32> = before.assets.keys().chain(after.assets.keys()).copied().collect();
	for id in ids {
		let old = before.assets.get(&id).copied().unwrap_or(0);
		let new = after.assets.get(&id).copied().unwrap_or(0);
		if old == new {
			continue;
		}
		let kind = kinds.get(&id).copied().unwrap_or(Kind::Other);
		let allowed = any_of(tree, &["Assets."])
			|| match kind {
				Kind::Ust | Kind::Other => false,
				Kind::MAsset => any_of(tree, &["Mint."]),
				Kind::LpToken => any_of(tree, &["Amm.", "LpStaking.auto_stake"]),
			};
		if !allowed {
			return Err(format!(
				"{kind:?} {id} supply changed {old} -> {new} in {}",
				if tree.is_empty() { "block hooks".to_string() } else { format!("{tree:?}") }
			));
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	#[test]
	fn try_state_checks_every_pallet_of_the_runtime() {
		use frame_support::traits::PalletsInfoAccess;
		let runtime: Vec<&str> =
			mirror_runtime::AllPalletsWithSystem::infos().into_iter().map(|i| i.name).collect();
		assert_eq!(runtime, super::PALLETS.to_vec(), "a pallet was added: check it in try_state()");
	}
}
