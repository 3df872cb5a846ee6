//! A mock runtime for the community pool's tests: System, Balances (MIR) and the pool, spent by
//! Root.

use crate as pallet_community;
use frame_support::{parameter_types, PalletId};
use frame_system::EnsureRoot;
use mirror_test_kit::ExtBuilder;

pub use mirror_test_kit::{ALICE, ED};

mirror_test_kit::mock_runtime!(Test { Balances } {
	Community: pallet_community,
});

parameter_types! {
	pub const CommunityPalletId: PalletId = PalletId(*b"mir/comm");
}

impl pallet_community::Config for Test {
	type SpendOrigin = EnsureRoot<u128>;
	type AdminOrigin = EnsureRoot<u128>;
	type Currency = Balances;
	type PalletId = CommunityPalletId;
	type WeightInfo = ();
}

/// The pool's MIR at genesis.
pub const FUND: u128 = 10_000;
/// The tests' spend limit.
pub const LIMIT: u128 = 1_000;

/// Externalities: the pool holds [`FUND`] with a limit of [`LIMIT`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::<Test>::default()
		.genesis(pallet_community::GenesisConfig::<Test> {
			spend_limit: Some(LIMIT),
			fund: FUND,
			..Default::default()
		})
		.build()
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "Community invariants hold");
}
