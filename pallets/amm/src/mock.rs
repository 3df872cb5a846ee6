//! A mock runtime for the Amm's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets,
//! LP tokens) and the Amm over their union.

use crate as pallet_mirror_amm;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use mirror_primitives::{AssetId, AssetIdAllocator, LocalAssetId};
use sp_runtime::{BuildStorage, DispatchError, FixedU128};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Amm: pallet_mirror_amm,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u128;
	type Lookup = sp_runtime::traits::IdentityLookup<u128>;
	type AccountData = pallet_balances::AccountData<u128>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<10>;
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type AssetId = u32;
	type AssetIdParameter = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<u128>>;
	type ForceOrigin = EnsureRoot<u128>;
	type Freezer = ();
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Test>;
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
}

/// Every token: MIR from Balances, the rest from Assets.
pub type AllAssets = UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, u128>;

/// Metadata through pallet-assets' `force_set_metadata`.
pub struct ForceMetadata;
impl mirror_primitives::SetAssetMetadata for ForceMetadata {
	fn set_metadata(
		id: u32,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> Result<(), DispatchError> {
		Assets::force_set_metadata(RuntimeOrigin::root(), id, name, symbol, decimals, false)
	}
}

/// New asset ids from pallet-assets' `NextAssetId`.
pub struct NextAssetId;
impl AssetIdAllocator for NextAssetId {
	fn next_asset_id() -> Result<LocalAssetId, DispatchError> {
		pallet_assets::NextAssetId::<Test>::get().ok_or(DispatchError::Other("no next asset id"))
	}
}

parameter_types! {
	pub const AmmPalletId: PalletId = PalletId(*b"mir/amm_");
	pub Commission: FixedU128 = FixedU128::from_rational(3, 1000);
}

impl pallet_mirror_amm::Config for Test {
	type Assets = AllAssets;
	type AssetsMetadata = ForceMetadata;
	type AssetIdAllocator = NextAssetId;
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

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// UST.
pub const UST: AssetId = NativeOrWithId::WithId(1);
/// mAAPL.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// mTSLA.
pub const TSLA: AssetId = NativeOrWithId::WithId(3);

pub const ALICE: u128 = 1;
pub const BOB: u128 = 2;
pub const CHARLIE: u128 = 3;

/// Everyone's starting balance of every token.
pub const BALANCE: u128 = 1_000_000_000_000;

/// The genesis time of the tests: 1,000,000 s.
pub const T0: u64 = 1_000_000;

/// Externalities: Alice, Bob and Charlie hold MIR, UST, mAAPL and mTSLA; new assets from id 100.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let people = [ALICE, BOB, CHARLIE];
	pallet_balances::GenesisConfig::<Test> {
		balances: people.iter().map(|p| (*p, BALANCE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(1, ALICE, true, 1), (2, ALICE, false, 1), (3, ALICE, false, 1)],
		metadata: vec![],
		accounts: people
			.iter()
			.flat_map(|p| [(1, *p, BALANCE), (2, *p, BALANCE), (3, *p, BALANCE)])
			.collect(),
		next_asset_id: Some(100),
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(T0);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("amm invariants hold");
	});
}

/// Sets the clock to `secs` seconds.
pub fn set_time(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1_000);
}

/// The next block, `secs` seconds later.
pub fn advance(secs: u64) {
	System::set_block_number(System::block_number() + 1);
	set_time(pallet_timestamp::Now::<Test>::get() / 1_000 + secs);
}
