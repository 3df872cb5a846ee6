//! A mock runtime for the Collector's tests: System, Balances (MIR), Assets (UST, mAAPL) and the
//! Collector, with the test kit's oracle, collateral oracle and AMM (fixed rates, Terraswap's spread
//! check), and an in-memory stand-in for Gov.

use crate as pallet_collector;
use core::cell::RefCell;
use frame_support::{
	parameter_types,
	traits::{fungible::NativeOrWithId, fungibles::Mutate, tokens::Preservation},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use mirror_primitives::{AssetId, Balance, GovRewards};
use mirror_test_kit::{collateral, oracle, AmmSettings, ExtBuilder, OracleSettings};
use sp_runtime::{traits::One, DispatchResult, FixedU128};

pub use mirror_test_kit::{amm::set_rate, AAPL, ALICE, ED, MIR, UST};

mirror_test_kit::mock_runtime!(Test { Balances, Assets } {
	Collector: pallet_collector,
});

/// The oracle as the Collector sees it: UST at 1, other prices set by [`set_price`], all as of
/// time 0 (the mock has no clock).
pub struct UstAtOne;
impl OracleSettings for UstAtOne {
	const UST_IS_ONE: bool = true;
}

/// The stand-in oracle.
pub type MockOracle = mirror_test_kit::MockOracle<UstAtOne>;

/// The stand-in collateral oracle: assets given a price by [`set_collateral_price`] are
/// collaterals with that price; no other asset is a collateral.
pub type MockCollateral = mirror_test_kit::MockCollateral<UstAtOne>;

thread_local! {
	/// MIR the stand-in Gov received.
	pub static GOV_RECEIVED: RefCell<Balance> = const { RefCell::new(0) };
}

/// The AMM as the Collector sees it: trades at the rates of [`set_rate`] against [`POOL`], which
/// mints what it pays, with Terraswap's check of the return against `offer / belief_price`.
pub struct FixedRates;
impl AmmSettings for FixedRates {
	type Assets = AllAssets;
	const ACCOUNT: u128 = POOL;
	const MINTS: bool = true;
	const CHECKS_BELIEF: bool = true;
}

/// The stand-in AMM.
pub type MockAmm = mirror_test_kit::MockAmm<FixedRates>;

/// The stand-in Gov: takes the MIR into [`GOV`].
pub struct MockGov;
impl GovRewards<u128> for MockGov {
	fn deposit_reward(from: &u128, amount: Balance) -> DispatchResult {
		AllAssets::transfer(mirror_primitives::MIR, from, &GOV, amount, Preservation::Preserve)?;
		GOV_RECEIVED.with(|g| *g.borrow_mut() += amount);
		Ok(())
	}
}

parameter_types! {
	pub const CollectorPalletId: PalletId = PalletId(*b"mir/coll");
	pub const GovDepositWeight: Weight = Weight::from_parts(1_000, 0);
}

impl pallet_collector::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type Amm = MockAmm;
	type Oracle = MockOracle;
	type CollateralPrices = MockCollateral;
	type Gov = MockGov;
	type GovDepositWeight = GovDepositWeight;
	type PalletId = CollectorPalletId;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchSetup;
}

/// Markets for the benchmarks: mAAPL sells at its price.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for BenchSetup {
	fn setup_market(price: FixedU128) -> AssetId {
		set_rate(AAPL, UST, price);
		AAPL
	}
	fn set_price(asset: &AssetId, price: FixedU128) {
		set_price(asset.clone(), price);
	}
}

/// aUST, a collateral at a fixed price.
pub const AUST: AssetId = NativeOrWithId::WithId(3);

/// The stand-in AMM's account.
pub const POOL: u128 = 90;
/// The stand-in Gov's account.
pub const GOV: u128 = 91;

/// Sets an oracle price.
pub fn set_price(asset: AssetId, price: FixedU128) {
	oracle::set_price(asset, price, 0);
}

/// Makes `asset` a collateral priced at `price` by a source other than the oracle.
pub fn set_collateral_price(asset: AssetId, price: FixedU128) {
	collateral::insert(asset, Some(price), FixedU128::one());
}

/// Externalities: UST (sufficient) and mAAPL exist; Alice, the pool and Gov hold MIR; the
/// Collector's account exists.
pub fn new_test_ext() -> sp_io::TestExternalities {
	mirror_test_kit::reset();
	GOV_RECEIVED.with(|g| *g.borrow_mut() = 0);
	ExtBuilder::<Test>::default()
		.balances(vec![(ALICE, 1_000_000), (POOL, ED), (GOV, ED)])
		.assets(vec![(1, ALICE, true, 1), (2, ALICE, false, 1), (3, ALICE, false, 1)], vec![], None)
		.genesis(pallet_collector::GenesisConfig::<Test>::default())
		.build()
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "Collector invariants hold");
}
