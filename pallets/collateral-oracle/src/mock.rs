//! A mock runtime for the CollateralOracle's tests, with an in-memory price table standing in for
//! the Oracle pallet and an in-memory TWAP table standing in for the AMM.

use crate as pallet_mirror_collateral_oracle;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU64};
use frame_system::EnsureRoot;
use mirror_primitives::{
	AssetId, FixedU128, Moment, NativeOrWithId, OraclePrice, PriceError, PriceOrigin,
	PriceProvider, PriceSource, TwapError, TwapProvider, UST,
};
use sp_runtime::traits::One as _;
use sp_runtime::BuildStorage;
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		CollateralOracle: pallet_mirror_collateral_oracle,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// The oracle's answers by asset.
type PriceTable = BTreeMap<AssetId, Result<(FixedU128, Moment), PriceError>>;

thread_local! {
	static PRICES: RefCell<PriceTable> = const { RefCell::new(BTreeMap::new()) };
	static TWAPS: RefCell<BTreeMap<(AssetId, AssetId), FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	static CONTESTED: RefCell<BTreeSet<AssetId>> = const { RefCell::new(BTreeSet::new()) };
}

/// The oracle stand-in: prices set by [`set_price`]; UST is 1.
pub struct MockOracle;
impl PriceProvider for MockOracle {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		if *asset == UST {
			return Ok((FixedU128::one(), now()));
		}
		PRICES.with(|p| p.borrow().get(asset).copied().unwrap_or(Err(PriceError::UnknownAsset)))
	}

	fn oracle_price(asset: &AssetId, max_age: Moment) -> Result<OraclePrice, PriceError> {
		let (price, updated_at) = Self::price(asset, max_age)?;
		let contested = CONTESTED.with(|c| c.borrow().contains(asset));
		Ok(OraclePrice { price, updated_at, origin: PriceOrigin::Feeds, contested })
	}
}

/// Marks the oracle price of `asset` contested (pending feeds disagree with its median).
pub fn set_contested(asset: AssetId) {
	CONTESTED.with(|c| c.borrow_mut().insert(asset));
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
	PRICES.with(|p| p.borrow_mut().insert(asset, answer));
}

/// Sets the AMM's time-weighted price of `base` in `quote`.
pub fn set_twap(base: AssetId, quote: AssetId, price: FixedU128) {
	TWAPS.with(|t| t.borrow_mut().insert((base, quote), price));
}

/// The first asset id that does not exist in the tests.
pub const FIRST_MISSING_ID: u32 = 100_000;

impl pallet_mirror_collateral_oracle::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type Oracle = MockOracle;
	type Twap = MockTwap;
	type Assets = mirror_primitives::IdsBelow<FIRST_MISSING_ID>;
	type UnixTime = Timestamp;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// mAAPL.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// LUNA, priced from an AMM pool.
pub const LUNA: AssetId = NativeOrWithId::WithId(9);

/// The tests' clock: 1,000,000 s.
pub const NOW: Moment = 1_000_000;

fn now() -> Moment {
	pallet_timestamp::Now::<Test>::get() / 1_000
}

/// 1.3333334, the multiplier of volatile collateral.
pub fn volatile() -> FixedU128 {
	FixedU128::from_rational(13_333_334, 10_000_000)
}

/// Externalities with UST (fixed 1, multiplier 1) and MIR (oracle, 1.3333334) registered.
pub fn new_test_ext() -> sp_io::TestExternalities {
	PRICES.with(|p| p.borrow_mut().clear());
	TWAPS.with(|t| t.borrow_mut().clear());
	CONTESTED.with(|c| c.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_mirror_collateral_oracle::GenesisConfig::<Test> {
		collaterals: vec![
			(UST, PriceSource::Fixed(FixedU128::one()), FixedU128::one()),
			(MIR, PriceSource::Oracle, volatile()),
		],
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(NOW * 1_000);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("collateral oracle invariants hold");
	});
}
