//! A mock runtime for the Oracle pallet's tests: System, Timestamp and the Oracle.

use crate as pallet_mirror_oracle;
use core::cell::RefCell;
use frame_support::parameter_types;
use frame_system::EnsureRoot;
use mirror_primitives::{AssetId, Moment, OracleAssetConfig, TwapError, TwapProvider, UST};
use mirror_test_kit::ExtBuilder;
use sp_runtime::FixedU128;

pub use mirror_test_kit::{AAPL, MIR, TSLA};

mirror_test_kit::mock_runtime!(Test { Timestamp } {
	Oracle: pallet_mirror_oracle,
});

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
	TWAP.with(|t| *t.borrow_mut() = None);
	ExtBuilder::<Test>::default()
		.genesis(pallet_mirror_oracle::GenesisConfig::<Test> {
			feeders: vec![(AAPL, ALICE), (MIR, ALICE)],
			configs: vec![],
		})
		.build_at(GENESIS_SECS)
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "oracle invariants hold");
}

/// Moves to the next block, `secs` seconds later.
pub fn advance(secs: u64) {
	mirror_test_kit::next_block::<Test>(secs);
}
