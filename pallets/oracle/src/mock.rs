//! A mock runtime for the Oracle pallet's tests: System, Timestamp and the Oracle.

use crate as pallet_mirror_oracle;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU64};
use frame_system::EnsureRoot;
use mirror_primitives::{
	AssetId, Moment, NativeOrWithId, OracleAssetConfig, TwapError, TwapProvider, UST,
};
use sp_runtime::BuildStorage;
use sp_runtime::FixedU128;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Oracle: pallet_mirror_oracle,
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

parameter_types! {
	pub const QuoteAsset: AssetId = UST;
	pub const MaxFeeders: u32 = 5;
	pub const MaxPricesPerFeed: u32 = 4;
	pub const FreshnessWindow: u64 = 60;
	pub const MaxFeedsPerBlock: u32 = 2;
	/// The config a new asset gets: neutral unless a test sets one.
	pub storage DefaultAssetConfig: OracleAssetConfig = OracleAssetConfig::default();
}

thread_local! {
	/// The AMM's time-weighted price of every asset in the tests, with the window it needs.
	static TWAP: RefCell<Option<(FixedU128, Moment)>> = const { RefCell::new(None) };
}

/// An AMM whose every pool averages [`set_twap`]'s price over at most its window.
pub struct MockTwap;

impl TwapProvider for MockTwap {
	fn twap(_: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError> {
		if *quote != UST {
			return Err(TwapError::NoPool);
		}
		match TWAP.with(|t| *t.borrow()) {
			Some((price, history)) if window <= history => Ok(price),
			Some(_) => Err(TwapError::NotEnoughHistory),
			None => Err(TwapError::NoPool),
		}
	}
}

/// Gives every pool a time-weighted price of `price` over up to `history` seconds.
pub fn set_twap(price: FixedU128, history: Moment) {
	TWAP.with(|t| *t.borrow_mut() = Some((price, history)));
}

/// The first asset id that does not exist in the tests.
pub const FIRST_MISSING_ID: u32 = 100_000;

impl pallet_mirror_oracle::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type UnixTime = Timestamp;
	type Assets = mirror_primitives::IdsBelow<FIRST_MISSING_ID>;
	type QuoteAsset = QuoteAsset;
	type MaxFeeders = MaxFeeders;
	type MaxPricesPerFeed = MaxPricesPerFeed;
	type FreshnessWindow = FreshnessWindow;
	type DefaultAssetConfig = DefaultAssetConfig;
	type Twap = MockTwap;
	type MaxFeedsPerBlock = MaxFeedsPerBlock;
	type FeedLongevity = frame_support::traits::ConstU64<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// mAAPL in the tests.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// mTSLA in the tests.
pub const TSLA: AssetId = NativeOrWithId::WithId(3);
/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;

/// Feeders.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
pub const FERDIE: u64 = 6;

/// The genesis time of the tests: 1,000,000 s.
pub const GENESIS_SECS: u64 = 1_000_000;

/// Externalities with Alice feeding mAAPL and MIR, at block 1 and time [`GENESIS_SECS`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_mirror_oracle::GenesisConfig::<Test> {
		feeders: vec![(AAPL, ALICE), (MIR, ALICE)],
		configs: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	TWAP.with(|t| *t.borrow_mut() = None);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(GENESIS_SECS);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("oracle invariants hold");
	});
}

/// Sets the clock to `secs` seconds.
pub fn set_time(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1_000);
}

/// Moves to the next block, `secs` seconds later.
pub fn advance(secs: u64) {
	System::set_block_number(System::block_number() + 1);
	set_time(pallet_timestamp::Now::<Test>::get() / 1_000 + secs);
}
