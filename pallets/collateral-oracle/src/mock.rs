//! A mock runtime for the CollateralOracle's tests, with an in-memory price table standing in for
//! the Oracle pallet and an in-memory TWAP table standing in for the AMM.

use crate as pallet_mirror_collateral_oracle;
use core::cell::RefCell;
use frame_system::EnsureRoot;
use mirror_primitives::{
	AssetId, FixedU128, Moment, NativeOrWithId, PriceError, PriceSource, TwapError, TwapProvider,
	UST,
};
use mirror_test_kit::{oracle, ExtBuilder, OracleSettings};
use sp_runtime::traits::One as _;
use std::collections::BTreeMap;

pub use mirror_test_kit::{volatile, AAPL, MIR};

mirror_test_kit::mock_runtime!(Test { Timestamp } {
	CollateralOracle: pallet_mirror_collateral_oracle,
});

/// The oracle as the CollateralOracle sees it: UST is 1 (as of now), other prices as set, unknown
/// assets unknown.
pub struct Prices;
impl OracleSettings for Prices {
	const MISSING: PriceError = PriceError::UnknownAsset;
	const UST_IS_ONE: bool = true;

	fn now() -> Moment {
		now()
	}
}

/// The oracle stand-in: prices set by [`set_price`]; UST is 1.
pub type MockOracle = mirror_test_kit::MockOracle<Prices>;

thread_local! {
	static TWAPS: RefCell<BTreeMap<(AssetId, AssetId), FixedU128>> = const { RefCell::new(BTreeMap::new()) };
}

/// Marks the oracle price of `asset` contested (pending feeds disagree with its median).
pub fn set_contested(asset: AssetId) {
	oracle::set_contested(asset, true);
}

/// The AMM stand-in: time-weighted prices set by [`set_twap`].
pub struct MockTwap;
impl TwapProvider for MockTwap {
	fn twap(base: &AssetId, quote: &AssetId, _window: Moment) -> Result<FixedU128, TwapError> {
		TWAPS.with(|t| {
			t.borrow().get(&(base.clone(), quote.clone())).copied().ok_or(TwapError::NoPool)
		})
	}
}

/// Sets the oracle's answer for `asset`.
pub fn set_price(asset: AssetId, answer: Result<(FixedU128, Moment), PriceError>) {
	oracle::set_answer(asset, answer);
}

/// Sets the AMM's time-weighted price of `base` in `quote`.
pub fn set_twap(base: AssetId, quote: AssetId, price: FixedU128) {
	TWAPS.with(|t| t.borrow_mut().insert((base, quote), price));
}

frame_support::parameter_types! {
	/// How long a raise of a multiplier waits in the tests: 1 day.
	pub static RiskChangeDelay: Moment = DAY;
}

/// A day in seconds.
pub const DAY: Moment = 86_400;

/// The first asset id that does not exist in the tests.
pub const FIRST_MISSING_ID: u32 = 100_000;

impl pallet_mirror_collateral_oracle::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type Oracle = MockOracle;
	type Twap = MockTwap;
	type Assets = mirror_primitives::IdsBelow<FIRST_MISSING_ID>;
	type UnixTime = Timestamp;
	type RiskChangeDelay = RiskChangeDelay;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// LUNA, priced from an AMM pool.
pub const LUNA: AssetId = NativeOrWithId::WithId(9);

/// The tests' clock: 1,000,000 s.
pub const NOW: Moment = 1_000_000;

/// Externalities with UST (fixed 1, multiplier 1) and MIR (oracle, 1.3333334) registered.
pub fn new_test_ext() -> sp_io::TestExternalities {
	mirror_test_kit::reset();
	TWAPS.with(|t| t.borrow_mut().clear());
	ExtBuilder::<Test>::default()
		.genesis(pallet_mirror_collateral_oracle::GenesisConfig::<Test> {
			collaterals: vec![
				(UST, PriceSource::Fixed(FixedU128::one()), FixedU128::one()),
				(MIR, PriceSource::Oracle, volatile()),
			],
			_config: Default::default(),
		})
		.build_at(NOW)
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(
		new_test_ext(),
		test,
		try_state,
		"collateral oracle invariants hold",
	);
}
