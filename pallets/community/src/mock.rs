//! A mock runtime for the community pool's tests: System, Balances (MIR) and the pool, spent by
//! Root.

use crate as pallet_community;
use frame_support::{derive_impl, parameter_types, traits::ConstU128, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Community: pallet_community,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u128;
	type Lookup = sp_runtime::traits::IdentityLookup<u128>;
	type AccountData = pallet_balances::AccountData<u128>;
}

/// MIR's existential deposit in the mock.
pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
}

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

pub const ALICE: u128 = 1;
/// The pool's MIR at genesis.
pub const FUND: u128 = 10_000;
/// The tests' spend limit.
pub const LIMIT: u128 = 1_000;

/// Externalities: the pool holds [`FUND`] with a limit of [`LIMIT`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_community::GenesisConfig::<Test> {
		spend_limit: Some(LIMIT),
		fund: FUND,
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("Community invariants hold");
	});
}
