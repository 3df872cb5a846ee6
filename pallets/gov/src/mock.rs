//! A mock runtime for Gov's tests: System, Timestamp, Balances (MIR), Gov, and a `Target`
//! pallet whose call only a passed poll's origin may make.

use crate as pallet_gov;
use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, EitherOfDiverse},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use mirror_primitives::{GovParameters, PollConfig};
use mirror_test_kit::ExtBuilder;
use sp_runtime::{Perbill, Permill};

pub use mirror_test_kit::{ALICE, BOB, CHARLIE, DAVE, ED, T0};

/// A pallet that governance acts on.
#[frame_support::pallet(dev_mode)]
pub mod target {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may set the value.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
	}

	/// The value governance sets.
	#[pallet::storage]
	pub type Value<T> = StorageValue<_, u32, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// The value 13 is refused.
		Unlucky,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the value (13 fails).
		#[pallet::call_index(0)]
		#[pallet::weight(Weight::from_parts(1_000_000, 0))]
		pub fn set_value(origin: OriginFor<T>, value: u32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(value != 13, Error::<T>::Unlucky);
			Value::<T>::put(value);
			Ok(())
		}

		/// A call too heavy for a poll.
		#[pallet::call_index(1)]
		#[pallet::weight(Weight::from_parts(u64::MAX / 2, 0))]
		pub fn heavy(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Ok(())
		}
	}
}

mirror_test_kit::mock_runtime!(Test { Timestamp, Balances } {
	Gov: pallet_gov,
	Target: target,
});

impl target::Config for Test {
	type AdminOrigin = EitherOfDiverse<EnsureRoot<u128>, crate::EnsureGov>;
}

/// Runtime upgrades make migration polls.
pub struct MigrationCalls;
impl Contains<RuntimeCall> for MigrationCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::authorize_upgrade { .. }
					| frame_system::Call::authorize_upgrade_without_checks { .. }
					| frame_system::Call::set_code { .. }
					| frame_system::Call::set_code_without_checks { .. }
			)
		)
	}
}

/// Changing Gov's own parameters makes an auth-admin poll.
pub struct AuthAdminCalls;
impl Contains<RuntimeCall> for AuthAdminCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Gov(crate::Call::update_config { .. }))
	}
}

parameter_types! {
	pub const GovPalletId: PalletId = PalletId(*b"mir/gov_");
	pub const MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);
	pub const StakerDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Gov(pallet_gov::HoldReason::StakerDeposit);
	/// The staker deposit's price: nothing unless a test sets it (the original's tests count
	/// every MIR).
	pub static StakerDepositBase: u128 = 0;
	pub static StakerDepositPerByte: u128 = 0;
}

/// The staker deposit of the mock: [`StakerDepositBase`] + [`StakerDepositPerByte`] per byte.
pub type StakerDeposit = frame_support::traits::fungible::HoldConsideration<
	u128,
	Balances,
	StakerDepositReason,
	frame_support::traits::LinearStoragePrice<StakerDepositBase, StakerDepositPerByte, u128>,
>;

/// MIR `who` has on hold for its staker records.
pub fn held_deposit(who: u128) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	<Balances as InspectHold<u128>>::balance_on_hold(&StakerDepositReason::get(), &who)
}

impl pallet_gov::Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type AdminOrigin = EitherOfDiverse<EnsureRoot<u128>, crate::EnsureGovAuthAdmin>;
	type Currency = Balances;
	type MigrationCalls = MigrationCalls;
	type AuthAdminCalls = AuthAdminCalls;
	type PalletId = GovPalletId;
	type MaxCallLength = ConstU32<256>;
	type MaxCallWeight = MaxCallWeight;
	type MaxPollsInProgress = ConstU32<3>;
	type MaxAdminPollsInProgress = ConstU32<4>;
	type MaxVotesPerStaker = ConstU32<5>;
	type UnixTime = Timestamp;
	type Consideration = StakerDeposit;
	type WeightInfo = ();
}

/// Every test account's MIR.
pub const BALANCE: u128 = 1_000_000;

/// The tests' parameters: the unit tests' of the original (deposits 100 / 300 / 200, periods
/// 10,000 s / 30,000 s / 20,000 s, quorum 30 % / 50 % / 40 %, threshold 50 % / 70 % / 60 %),
/// effective delay 10,000 s, snapshot period 10 s, no voter weight.
pub fn test_parameters() -> GovParameters {
	GovParameters {
		effective_delay: 10_000,
		snapshot_period: 10,
		voter_weight: Permill::zero(),
		default_poll: PollConfig {
			proposal_deposit: 100,
			voting_period: 10_000,
			quorum: Perbill::from_percent(30),
			threshold: Perbill::from_percent(50),
		},
		auth_admin_poll: PollConfig {
			proposal_deposit: 300,
			voting_period: 30_000,
			quorum: Perbill::from_percent(50),
			threshold: Perbill::from_percent(70),
		},
		migration_poll: PollConfig {
			proposal_deposit: 200,
			voting_period: 20_000,
			quorum: Perbill::from_percent(40),
			threshold: Perbill::from_percent(60),
		},
	}
}

/// Externalities: Alice to Dave hold [`BALANCE`] MIR, the Gov account its existential deposit,
/// the clock reads `T0`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::<Test>::default()
		.balances(vec![(ALICE, BALANCE), (BOB, BALANCE), (CHARLIE, BALANCE), (DAVE, BALANCE)])
		.genesis(pallet_gov::GenesisConfig::<Test> {
			parameters: Some(test_parameters()),
			..Default::default()
		})
		.build_at(T0)
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "Gov invariants hold");
}

/// Moves the clock `secs` seconds on.
pub fn advance(secs: u64) {
	set_time(now() + secs);
}
