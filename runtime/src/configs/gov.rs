//! Governance: the admin origin every Mirror pallet accepts, Gov, and the classifiers that give
//! a poll its class from the call it carries.

use super::*;

/// The admin origin of every Mirror pallet: Root (the sudo key on the test networks) or a passed
/// governance poll.
pub type MirrorAdmin = EitherOfDiverse<EnsureRoot<AccountId>, pallet_mirror_gov::EnsureGov>;

parameter_types! {
	/// Derives the Gov account: staked MIR, poll deposits and voting rewards.
	pub const GovPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/gov_");
	/// The longest encoded call a poll may carry.
	pub const GovMaxCallLength: u32 = 1_024;
	/// The heaviest call a poll may carry: a quarter of a block.
	pub GovMaxCallWeight: Weight = Perbill::from_percent(25) * RuntimeBlockWeights::get().max_block;
	/// Default polls in progress at once (the original's 50).
	pub const GovMaxPollsInProgress: u32 = 50;
	/// Polls in progress at once counting an auth-admin or migration poll (the original's 60).
	pub const GovMaxAdminPollsInProgress: u32 = 60;
	/// Polls a staker's vote list holds before it must withdraw to prune ended ones.
	pub const GovMaxVotesPerStaker: u32 = 100;
	/// The hold a staker's deposit sits under.
	pub const GovDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Gov(pallet_mirror_gov::HoldReason::StakerDeposit);
}

/// What a staker's records hold while they exist: 0.1 MIR plus 0.001 MIR per byte of its staker
/// record and, per vote, its list entry and voter record (≈ 0.148 MIR with no vote, 0.069 MIR more
/// per vote; docs/parameters.md, "Storage deposits").
pub type StakerDeposit = frame_support::traits::LinearStoragePrice<
	ConstU128<{ MIR / 10 }>,
	ConstU128<{ MIR / 1_000 }>,
	Balance,
>;

/// How deep the classifier looks into batches.
const GOV_CLASSIFY_DEPTH: u32 = 4;

/// Whether `call`, or any call it batches, satisfies `is`.
fn gov_any_call(call: &RuntimeCall, depth: u32, is: &impl Fn(&RuntimeCall) -> bool) -> bool {
	if is(call) {
		return true;
	}
	if depth == 0 {
		return false;
	}
	match call {
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().any(|c| gov_any_call(c, depth - 1, is)),
		RuntimeCall::Utility(
			pallet_utility::Call::as_derivative { call, .. }
			| pallet_utility::Call::with_weight { call, .. }
			| pallet_utility::Call::dispatch_as { call, .. }
			| pallet_utility::Call::dispatch_as_fallible { call, .. },
		) => gov_any_call(call, depth - 1, is),
		RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
			gov_any_call(main, depth - 1, is) || gov_any_call(fallback, depth - 1, is)
		}
		_ => false,
	}
}

/// Runtime upgrades, and applying a scheduled risk raise before its grace period ends (Mint's
/// `apply_risk_change`, the CollateralOracle's `apply_multiplier_change`), alone or batched: they
/// make migration polls, which execute as Root.
pub struct GovMigrationCalls;
impl frame_support::traits::Contains<RuntimeCall> for GovMigrationCalls {
	fn contains(call: &RuntimeCall) -> bool {
		gov_any_call(call, GOV_CLASSIFY_DEPTH, &|c| {
			matches!(
				c,
				RuntimeCall::System(
					frame_system::Call::authorize_upgrade { .. }
						| frame_system::Call::authorize_upgrade_without_checks { .. }
						| frame_system::Call::set_code { .. }
						| frame_system::Call::set_code_without_checks { .. }
				) | RuntimeCall::Mint(pallet_mirror_mint::Call::apply_risk_change { .. })
					| RuntimeCall::CollateralOracle(
						pallet_mirror_collateral_oracle::Call::apply_multiplier_change { .. }
					)
			)
		})
	}
}

/// Changes to governance itself (Gov's parameters), alone or batched: auth-admin polls.
pub struct GovAuthAdminCalls;
impl frame_support::traits::Contains<RuntimeCall> for GovAuthAdminCalls {
	fn contains(call: &RuntimeCall) -> bool {
		gov_any_call(call, GOV_CLASSIFY_DEPTH, &|c| {
			matches!(c, RuntimeCall::Gov(pallet_mirror_gov::Call::update_config { .. }))
		})
	}
}

/// Governance: MIR staking with shares, polls, votes, tallies and execution. Passed default and
/// auth-admin polls dispatch with `Gov`'s origin, which every Mirror pallet's admin origin accepts
/// ([`MirrorAdmin`]); migration polls with Root. Gov's own parameters change by Root or an
/// auth-admin poll.
impl pallet_mirror_gov::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type AdminOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, pallet_mirror_gov::EnsureGovAuthAdmin>;
	type Currency = Balances;
	type MigrationCalls = GovMigrationCalls;
	type AuthAdminCalls = GovAuthAdminCalls;
	type PalletId = GovPalletId;
	type MaxCallLength = GovMaxCallLength;
	type MaxCallWeight = GovMaxCallWeight;
	type MaxPollsInProgress = GovMaxPollsInProgress;
	type MaxAdminPollsInProgress = GovMaxAdminPollsInProgress;
	type MaxVotesPerStaker = GovMaxVotesPerStaker;
	type UnixTime = ChainTime;
	type Consideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		Balances,
		GovDepositReason,
		StakerDeposit,
	>;
	type WeightInfo = pallet_mirror_gov::weights::SubstrateWeight<Runtime>;
}
