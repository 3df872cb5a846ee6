//! A mock runtime for LpStaking's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets,
//! LP tokens) and LpStaking, with the test kit's Oracle and AMM.

use crate as pallet_mirror_lp_staking;
use frame_support::{
	parameter_types,
	traits::{fungible::NativeOrWithId, ConstU32},
	PalletId,
};
use frame_system::EnsureRoot;
use mirror_primitives::{AssetId, Balance, FixedU128, Moment};
use mirror_test_kit::{amm, oracle, AmmAt, ExtBuilder, OracleSettings};

pub use mirror_test_kit::{amm::set_twap, fx, AAPL, ALICE, BOB, CHARLIE, ED, MIR, T0, TSLA, UST};

mirror_test_kit::mock_runtime!(Test { Timestamp, Balances, Assets } {
	LpStaking: pallet_mirror_lp_staking,
});

/// The oracle as LpStaking sees it: every price fresh; no entry is "no price".
pub struct FreshPrices;
impl OracleSettings for FreshPrices {
	const ALWAYS_FRESH: bool = true;

	fn now() -> Moment {
		now()
	}
}

/// The oracle stand-in: prices set by [`set_price`].
pub type MockOracle = mirror_test_kit::MockOracle<FreshPrices>;

/// The stand-in AMM: pools of an asset against UST with set reserves (liquidity goes to [`AMM`]),
/// their spot price as their time-weighted price unless [`set_twap`] said otherwise.
pub type MockAmm = mirror_test_kit::MockAmm<AmmAt<AllAssets, AMM>>;

/// Opens a stand-in AMM pool of `asset` against UST with these reserves and LP token.
pub fn amm_pool(asset: AssetId, asset_reserve: Balance, ust_reserve: Balance, lp: AssetId) {
	amm::set_pool(asset, asset_reserve, ust_reserve, lp);
}

/// Sets the oracle price of `asset` (`None`: no price).
pub fn set_price(asset: AssetId, price: Option<FixedU128>) {
	match price {
		Some(price) => oracle::set_price(asset, price, 0),
		None => oracle::remove_price(&asset),
	}
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"mir/stak");
	pub const StakeDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::LpStaking(pallet_mirror_lp_staking::HoldReason::StakeDeposit);
}

/// A stake record's price in the mock: 100 plus 1 per byte of its footprint.
pub type StakeDepositPrice = frame_support::traits::LinearStoragePrice<
	frame_support::traits::ConstU128<100>,
	frame_support::traits::ConstU128<1>,
	Balance,
>;

/// A stake record's deposit in the mock, held under [`StakeDepositReason`].
pub type StakeDeposit = frame_support::traits::fungible::HoldConsideration<
	u128,
	Balances,
	StakeDepositReason,
	StakeDepositPrice,
>;

/// What one stake record holds in the mock.
pub fn stake_deposit() -> Balance {
	use sp_runtime::traits::Convert;
	StakeDepositPrice::convert(frame_support::traits::Footprint::from_mel::<(
		u128,
		AssetId,
		crate::StakerReward,
	)>())
}

/// MIR `who` has on hold for stake records.
pub fn held_deposits(who: u128) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	<Balances as InspectHold<u128>>::balance_on_hold(&StakeDepositReason::get(), &who)
}

impl pallet_mirror_lp_staking::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type Oracle = MockOracle;
	type Amm = MockAmm;
	type PalletId = StakingPalletId;
	type MaxPools = ConstU32<4>;
	type MaxPremiumAssets = ConstU32<3>;
	type UnixTime = Timestamp;
	type Consideration = StakeDeposit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchSetup;
}

/// Sets up the benchmarks' tokens, pools and prices in the mock.
pub struct BenchSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u128> for BenchSetup {
	fn create_token(asset: &AssetId) {
		use frame_support::traits::fungibles::{Create, Inspect};
		if !AllAssets::asset_exists(asset.clone()) {
			let _ = <AllAssets as Create<u128>>::create(asset.clone(), ALICE, true, 1);
		}
	}

	fn create_amm_pool(asset: &AssetId, price: FixedU128) -> AssetId {
		let NativeOrWithId::WithId(id) = asset else { return UST };
		let lp = NativeOrWithId::WithId(id + 10_000);
		Self::create_token(&lp);
		let reserve = 1_000_000_000_000u128;
		amm_pool(
			asset.clone(),
			reserve,
			mirror_primitives::decimal::mul_floor(reserve, price).unwrap_or(reserve),
			lp.clone(),
		);
		lp
	}

	fn set_price(asset: &AssetId, price: FixedU128) {
		set_price(asset.clone(), Some(price));
	}
}

/// The mAAPL-UST LP token.
pub const AAPL_LP: AssetId = NativeOrWithId::WithId(12);
/// The mTSLA-UST LP token.
pub const TSLA_LP: AssetId = NativeOrWithId::WithId(13);
/// A new mAAPL-UST LP token (for migrations).
pub const AAPL_LP2: AssetId = NativeOrWithId::WithId(22);

/// Deposits rewards (the Factory's role).
pub const FACTORY: u128 = 97;
/// The stand-in AMM's account.
pub const AMM: u128 = 98;

/// Everyone's starting balance of MIR, UST, mAssets and LP tokens.
pub const BALANCE: u128 = 1_000_000_000_000;

/// Externalities: Alice, Bob and Charlie hold MIR, UST, mAAPL, mTSLA and both LP tokens; the
/// factory holds MIR; mAAPL and mTSLA have reward pools (LP tokens 12 and 13) and AMM pools at 1
/// UST per unit; no oracle prices.
pub fn new_test_ext() -> sp_io::TestExternalities {
	mirror_test_kit::reset();
	let people = [ALICE, BOB, CHARLIE];
	let tokens = [1u32, 2, 3, 12, 13, 22];
	let mut ext = ExtBuilder::<Test>::default()
		.balances(
			people.iter().map(|p| (*p, BALANCE)).chain([(FACTORY, BALANCE), (AMM, ED)]).collect(),
		)
		.assets(
			tokens.iter().map(|id| (*id, ALICE, true, 1)).collect(),
			people.iter().flat_map(|p| tokens.iter().map(|id| (*id, *p, BALANCE))).collect(),
			Some(100),
		)
		.genesis(pallet_mirror_lp_staking::GenesisConfig::<Test> {
			pools: vec![(AAPL, Some(AAPL_LP)), (TSLA, Some(TSLA_LP))],
			parameters: None,
			_config: Default::default(),
		})
		.build_at(T0);
	ext.execute_with(|| {
		amm_pool(AAPL, 1_000_000, 1_000_000, AAPL_LP);
		amm_pool(TSLA, 1_000_000, 1_000_000, TSLA_LP);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "LpStaking invariants hold");
}
