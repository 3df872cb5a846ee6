//! A mock runtime for the Amm's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets,
//! LP tokens) and the Amm over their union.

use crate as pallet_mirror_amm;
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use mirror_test_kit::ExtBuilder;
use sp_runtime::FixedU128;

pub use mirror_test_kit::{AAPL, ALICE, BOB, CHARLIE, MIR, T0, TSLA, UST};

mirror_test_kit::mock_runtime!(Test { Timestamp, Balances, Assets(auto_increment_ids) } {
	Amm: pallet_mirror_amm,
});

parameter_types! {
	pub const AmmPalletId: PalletId = PalletId(*b"mir/amm_");
	pub Commission: FixedU128 = FixedU128::from_rational(3, 1000);
}

impl pallet_mirror_amm::Config for Test {
	type Assets = AllAssets;
	type AssetsMetadata = mirror_test_kit::ForceMetadata<Test>;
	type AssetSymbols = mirror_test_kit::AssetSymbols<Test>;
	type AssetIdAllocator = mirror_test_kit::NextAssetId<Test>;
	type PalletId = AmmPalletId;
	type Commission = Commission;
	type MinimumLiquidity = ConstU128<1_000>;
	type PairCreationFee = ConstU128<100>;
	type MaxSwapPathLength = ConstU32<4>;
	type ObservationPeriod = ConstU64<60>;
	type MaxObservations = ConstU32<10>;
	type UnixTime = Timestamp;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTime;
}

/// Sets the mock's clock for the benchmarks.
pub struct SetTime;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for SetTime {
	fn set_time(secs: u64) {
		set_time(secs);
	}
}

/// Everyone's starting balance of every token.
pub const BALANCE: u128 = 1_000_000_000_000;

/// Externalities: Alice, Bob and Charlie hold MIR, UST, mAAPL and mTSLA; new assets from id 100.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let people = [ALICE, BOB, CHARLIE];
	ExtBuilder::<Test>::default()
		.balances(people.iter().map(|p| (*p, BALANCE)).collect())
		.assets(
			vec![(1, ALICE, true, 1), (2, ALICE, false, 1), (3, ALICE, false, 1)],
			people
				.iter()
				.flat_map(|p| [(1, *p, BALANCE), (2, *p, BALANCE), (3, *p, BALANCE)])
				.collect(),
			Some(100),
		)
		.build_at(T0)
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "amm invariants hold");
}

/// The next block, `secs` seconds later.
pub fn advance(secs: u64) {
	mirror_test_kit::next_block::<Test>(secs);
}
