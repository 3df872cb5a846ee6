//! A mock runtime for Mint's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets) and
//! Mint, with the test kit's in-memory tables standing in for the Oracle, the CollateralOracle, the
//! AMM and LpStaking.

use crate as pallet_mint;
use frame_support::{
	parameter_types,
	traits::{fungible::NativeOrWithId, ConstU32},
	PalletId,
};
use frame_system::EnsureRoot;
use mirror_primitives::{AssetConfig, AssetId, FixedU128, Moment, PriceError};
use mirror_test_kit::{amm, collateral, oracle, AmmAt, ExtBuilder, MockShortStake, OracleSettings};
use sp_runtime::traits::One;

pub use mirror_test_kit::{
	amm::set_spread,
	collateral::{is_collateral, set_revoked},
	fx,
	oracle::set_contested,
	short_stake::short_stake,
	volatile, AAPL, ALICE, BOB, CHARLIE, ED, MIR, T0, TSLA, UST,
};

mirror_test_kit::mock_runtime!(Test { Timestamp, Balances, Assets } {
	Mint: pallet_mint,
});

/// The oracle as Mint sees it: prices as of when they were set, unknown assets unknown.
pub struct Prices;
impl OracleSettings for Prices {
	const MISSING: PriceError = PriceError::UnknownAsset;

	fn now() -> Moment {
		now()
	}
}

/// The Oracle stand-in: prices set by [`set_price`].
pub type MockOracle = mirror_test_kit::MockOracle<Prices>;

/// The CollateralOracle stand-in: a fixed price is as of now, any other the oracle's.
pub type MockCollateral = mirror_test_kit::MockCollateral<Prices>;

/// The stand-in AMM: sales for UST at the rates of [`pool`], paid from [`AMM`]'s UST.
pub type MockAmm = mirror_test_kit::MockAmm<AmmAt<AllAssets, AMM>>;

/// Opens a stand-in pool selling `asset` at `n / d` UST.
pub fn pool(asset: AssetId, n: u128, d: u128) {
	amm::set_rate(asset, UST, FixedU128::from_rational(n, d));
}

/// Sets the oracle's answer for `asset`.
pub fn set_price(asset: AssetId, answer: Result<(FixedU128, Moment), PriceError>) {
	oracle::set_answer(asset, answer);
}

/// Sets a fresh oracle price for `asset`, `n / d` UST.
pub fn price(asset: AssetId, n: u128, d: u128) {
	set_price(asset, Ok((FixedU128::from_rational(n, d), now())));
}

parameter_types! {
	pub const MintPalletId: PalletId = PalletId(*b"mir/mint");
	pub const Collector: u128 = COLLECTOR;
}

impl pallet_mint::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type Oracle = MockOracle;
	type Collateral = MockCollateral;
	type Amm = MockAmm;
	type ShortStake = MockShortStake;
	type MaxUnlockPositions = ConstU32<4>;
	type ForeignTokens = ForeignTokens;
	type PalletId = MintPalletId;
	type FeeCollector = Collector;
	type MaxPositionsPerOwner = ConstU32<5>;
	type UnixTime = Timestamp;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchSetup;
}

/// Sets up the benchmarks' assets and prices in the mock.
pub struct BenchSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u128> for BenchSetup {
	fn create_asset(asset: &AssetId, price: FixedU128) {
		create_token(asset);
		set_price(asset.clone(), Ok((price, now())));
	}

	fn create_pool(asset: &AssetId, price: FixedU128) {
		amm::set_rate(asset.clone(), UST, price);
	}

	fn create_collateral(collateral: &AssetId, price: FixedU128, multiplier: FixedU128) {
		create_token(collateral);
		set_price(collateral.clone(), Ok((price, now())));
		if !is_collateral(collateral) {
			let _ = <MockCollateral as mirror_primitives::CollateralRegistry>::register_collateral(
				collateral.clone(),
				mirror_primitives::PriceSource::Oracle,
				multiplier,
			);
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
fn create_token(asset: &AssetId) {
	use frame_support::traits::fungibles::{Create, Inspect};
	if let NativeOrWithId::WithId(_) = asset {
		if !AllAssets::asset_exists(asset.clone()) {
			let _ = <AllAssets as Create<u128>>::create(asset.clone(), ALICE, true, 1);
		}
	}
}

/// A token that is not an mAsset.
pub const OTHER: AssetId = NativeOrWithId::WithId(9);
/// A token another pallet mints (an AMM LP token).
pub const FOREIGN: AssetId = NativeOrWithId::WithId(10);

/// The tokens Mint must not register: [`FOREIGN`].
pub struct ForeignTokens;
impl frame_support::traits::Contains<AssetId> for ForeignTokens {
	fn contains(asset: &AssetId) -> bool {
		*asset == FOREIGN
	}
}

/// The fee collector.
pub const COLLECTOR: u128 = 99;
/// The stand-in AMM's account.
pub const AMM: u128 = 98;

/// Everyone's starting balance of MIR, UST and OTHER.
pub const BALANCE: u128 = 1_000_000_000_000;
/// mAAPL given to Charlie at genesis (unbacked supply).
pub const GENESIS_AAPL: u128 = 5_000_000;

/// Pre-IPO terms of the tests: minting until `T0 + 100` at a fixed 50 UST, MCR 150 % after the
/// IPO, which Bob triggers.
pub fn example_ipo() -> mirror_primitives::IpoParams<u128> {
	mirror_primitives::IpoParams {
		mint_end: T0 + 100,
		pre_ipo_price: sp_runtime::FixedU128::from_rational(50, 1),
		min_collateral_ratio_after_ipo: sp_runtime::FixedU128::from_rational(3, 2),
		trigger_account: BOB,
	}
}

/// mAAPL and mTSLA at MCR 150 %, discount 20 %.
pub fn listed() -> AssetConfig<u128> {
	AssetConfig {
		auction_discount: fx(1, 5),
		min_collateral_ratio: fx(3, 2),
		end_price: None,
		ipo_params: None,
	}
}

/// Externalities: Alice, Bob and Charlie hold MIR, UST and OTHER; Charlie holds some mAAPL; mAAPL
/// and mTSLA are registered mAssets (and collateral); UST (fixed 1) and MIR (oracle, 1.3333334)
/// are collateral; protocol fee 1.5 %, the original's liquidation. No price is set: tests set
/// what they need.
pub fn new_test_ext() -> sp_io::TestExternalities {
	mirror_test_kit::reset();
	collateral::insert(UST, Some(FixedU128::one()), FixedU128::one());
	collateral::insert(MIR, None, volatile());
	let people = [ALICE, BOB, CHARLIE];
	let mut ext = ExtBuilder::<Test>::default()
		.balances(
			people.iter().map(|p| (*p, BALANCE)).chain([(COLLECTOR, ED), (AMM, ED)]).collect(),
		)
		.assets(
			vec![
				(1, ALICE, true, 1),
				(2, ALICE, false, 1),
				(3, ALICE, false, 1),
				(9, ALICE, false, 1),
				(10, ALICE, false, 1),
			],
			people
				.iter()
				.flat_map(|p| [(1, *p, BALANCE), (9, *p, BALANCE)])
				.chain([(2, CHARLIE, GENESIS_AAPL), (1, AMM, BALANCE)])
				.collect(),
			Some(100),
		)
		.build_at(T0);
	// Mint's genesis registers collateral through the thread-local registry, so it runs inside.
	ext.execute_with(|| {
		let genesis = pallet_mint::GenesisConfig::<Test> {
			assets: vec![(AAPL, listed()), (TSLA, listed())],
			// The original's liquidation (whole auctions, no least debt, risk changes at once):
			// the liquidation-protection tests set what they test.
			parameters: Some(mirror_primitives::MintParameters::original()),
		};
		frame_support::traits::BuildGenesisConfig::build(&genesis);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "mint invariants hold");
}
