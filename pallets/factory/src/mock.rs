//! A mock runtime for the Factory's tests: System, Timestamp, Balances (MIR), Assets and the
//! Factory, with in-memory tables standing in for the AMM, the Oracle, Mint and LpStaking.

use crate as pallet_factory;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		fungibles::Mutate,
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use mirror_primitives::{
	Amm, AssetConfig, AssetId, Balance, FeederRegistry, FixedU128, LocalAssetId, MintRegistry,
	Moment, PoolCreator, PriceError, PriceProvider, RewardPools, SwapQuote,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Factory: pallet_factory,
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

/// MIR's existential deposit in the mock.
pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
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
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Test>;
}

/// Every token: MIR from Balances, the rest from Assets.
pub type AllAssets = UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, u128>;

thread_local! {
	static PRICES: RefCell<BTreeMap<AssetId, FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	pub static FEEDERS: RefCell<Vec<(AssetId, u128)>> = const { RefCell::new(Vec::new()) };
	/// The stand-in AMM's pools against UST: asset → LP token.
	static POOLS: RefCell<BTreeMap<AssetId, AssetId>> = const { RefCell::new(BTreeMap::new()) };
	static MINT: RefCell<BTreeMap<AssetId, AssetConfig<u128>>> = const { RefCell::new(BTreeMap::new()) };
	/// The stand-in staking pallet's pools: asset → (LP token, MIR deposited).
	pub static STAKING: RefCell<BTreeMap<AssetId, (AssetId, Balance)>> = const { RefCell::new(BTreeMap::new()) };
	/// Whether the stand-in staking pallet refuses new pools.
	static STAKING_FULL: RefCell<bool> = const { RefCell::new(false) };
}

/// The stand-in Oracle: prices set by [`set_price`], feeders recorded.
pub struct MockOracle;
impl PriceProvider for MockOracle {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		PRICES.with(|p| p.borrow().get(asset).map(|price| (*price, 0)).ok_or(PriceError::NoPrice))
	}
}
impl FeederRegistry<u128> for MockOracle {
	fn register_feeder(asset: &AssetId, feeder: &u128) -> DispatchResult {
		FEEDERS.with(|f| f.borrow_mut().push((asset.clone(), *feeder)));
		Ok(())
	}
}

/// The stand-in AMM: creating a pool creates its LP token in Assets.
pub struct MockAmm;
impl PoolCreator<u128> for MockAmm {
	fn create_pool(creator: &u128, a: &AssetId, b: &AssetId) -> Result<AssetId, DispatchError> {
		use frame_support::traits::fungibles::Create;
		// (The table outlives storage reverts between benchmark runs: an entry is overwritten.)
		if *b != UST {
			return Err(DispatchError::Other("UnknownPair"));
		}
		let id = pallet_assets::NextAssetId::<Test>::get().unwrap_or(1_000);
		let lp = NativeOrWithId::WithId(id);
		<AllAssets as Create<u128>>::create(lp.clone(), *creator, false, 1)?;
		POOLS.with(|p| p.borrow_mut().insert(a.clone(), lp.clone()));
		Ok(lp)
	}
}
impl Amm<u128> for MockAmm {
	fn quote(_: &AssetId, _: &AssetId, _: Balance) -> Result<SwapQuote, DispatchError> {
		Err(DispatchError::Other("not used"))
	}
	fn swap(
		_: &u128,
		_: &AssetId,
		_: &AssetId,
		_: Balance,
		_: Option<FixedU128>,
		_: Option<FixedU128>,
		_: &u128,
	) -> Result<SwapQuote, DispatchError> {
		Err(DispatchError::Other("not used"))
	}
	/// Moves both amounts to [`POOL_ACCOUNT`] and mints `amount_a` LP tokens to `receiver`.
	fn provide_liquidity(
		who: &u128,
		a: &AssetId,
		amount_a: Balance,
		b: &AssetId,
		amount_b: Balance,
		_: Option<FixedU128>,
		receiver: &u128,
	) -> Result<Balance, DispatchError> {
		let lp = <Self as Amm<u128>>::lp_token(a, b).ok_or(DispatchError::Other("UnknownPair"))?;
		AllAssets::transfer(a.clone(), who, &POOL_ACCOUNT, amount_a, Preservation::Expendable)?;
		AllAssets::transfer(b.clone(), who, &POOL_ACCOUNT, amount_b, Preservation::Expendable)?;
		AllAssets::mint_into(lp, receiver, amount_a)?;
		Ok(amount_a)
	}
	fn reserves(_: &AssetId, _: &AssetId) -> Option<(Balance, Balance)> {
		None
	}
	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId> {
		if *b != UST {
			return None;
		}
		POOLS.with(|p| p.borrow().get(a).cloned())
	}
}

/// The stand-in Mint: a table of asset configs.
pub struct MockMint;
impl MintRegistry<u128> for MockMint {
	fn register_asset(asset: AssetId, config: AssetConfig<u128>) -> DispatchResult {
		if config.min_collateral_ratio < FixedU128::from_rational(11, 10) {
			return Err(DispatchError::Other("MinCollateralRatioTooLow"));
		}
		MINT.with(|m| m.borrow_mut().insert(asset, config));
		Ok(())
	}
	fn register_migration(asset: AssetId, end_price: FixedU128) -> DispatchResult {
		MINT.with(|m| match m.borrow_mut().get_mut(&asset) {
			Some(config) => {
				config.end_price = Some(end_price);
				config.ipo_params = None;
				Ok(())
			}
			None => Err(DispatchError::Other("UnknownAsset")),
		})
	}
	fn asset_config(asset: &AssetId) -> Option<AssetConfig<u128>> {
		MINT.with(|m| m.borrow().get(asset).cloned())
	}
	fn issue_unbacked(asset: &AssetId, to: &u128, amount: Balance) -> DispatchResult {
		if Self::asset_config(asset).is_none() {
			return Err(DispatchError::Other("UnknownAsset"));
		}
		AllAssets::mint_into(asset.clone(), to, amount).map(|_| ())
	}
}

/// The stand-in LpStaking: pools, and MIR deposits moved to [`STAKING_ACCOUNT`].
pub struct MockStaking;
impl RewardPools<u128> for MockStaking {
	fn register_pool(asset: &AssetId, staking_token: &AssetId) -> DispatchResult {
		if STAKING_FULL.with(|f| *f.borrow()) {
			return Err(DispatchError::Other("TooManyPools"));
		}
		STAKING.with(|s| s.borrow_mut().insert(asset.clone(), (staking_token.clone(), 0)));
		Ok(())
	}
	fn pool_exists(asset: &AssetId) -> bool {
		STAKING.with(|s| s.borrow().contains_key(asset))
	}
	fn deposit_reward(from: &u128, asset: &AssetId, amount: Balance) -> DispatchResult {
		if !Self::pool_exists(asset) {
			return Err(DispatchError::Other("PoolNotFound"));
		}
		AllAssets::transfer(MIR, from, &STAKING_ACCOUNT, amount, Preservation::Preserve)?;
		STAKING.with(|s| {
			if let Some(pool) = s.borrow_mut().get_mut(asset) {
				pool.1 += amount;
			}
		});
		Ok(())
	}
}

/// Names tokens through pallet-assets' force origin.
pub struct ForceMetadata;
impl mirror_primitives::SetAssetMetadata for ForceMetadata {
	fn set_metadata(
		asset: LocalAssetId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> DispatchResult {
		Assets::force_set_metadata(RuntimeOrigin::root(), asset, name, symbol, decimals, false)
	}
}

/// pallet-assets' next id.
pub struct NextId;
impl mirror_primitives::AssetIdAllocator for NextId {
	fn next_asset_id() -> Result<LocalAssetId, DispatchError> {
		let id = pallet_assets::NextAssetId::<Test>::get().ok_or(DispatchError::Other("no id"))?;
		Ok(id)
	}
}

/// Sets the oracle price of `asset`.
pub fn set_price(asset: AssetId, price: FixedU128) {
	PRICES.with(|p| p.borrow_mut().insert(asset, price));
}

/// Feeders registered so far.
pub fn feeders() -> Vec<(AssetId, u128)> {
	FEEDERS.with(|f| f.borrow().clone())
}

/// The MIR deposited into `asset`'s stand-in reward pool.
pub fn deposited(asset: &AssetId) -> Balance {
	STAKING.with(|s| s.borrow().get(asset).map(|p| p.1).unwrap_or_default())
}

/// Makes the stand-in staking pallet refuse new pools.
pub fn refuse_pools(refuse: bool) {
	STAKING_FULL.with(|f| *f.borrow_mut() = refuse);
}

parameter_types! {
	pub const FactoryPalletId: PalletId = PalletId(*b"mir/fact");
}

impl pallet_factory::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type AssetsMetadata = ForceMetadata;
	type AssetIdAllocator = NextId;
	type Amm = MockAmm;
	type Oracle = MockOracle;
	type Mint = MockMint;
	type Staking = MockStaking;
	type PalletId = FactoryPalletId;
	type MaxAssets = ConstU32<5>;
	type MaxNameLength = ConstU32<32>;
	type MaxSymbolLength = ConstU32<8>;
	type UnixTime = Timestamp;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchSetup;
}

/// Sets prices for the benchmarks.
pub struct BenchSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u128> for BenchSetup {
	fn set_price(asset: &AssetId, price: FixedU128) {
		set_price(asset.clone(), price);
	}

	fn set_time(secs: Moment) {
		set_time(secs);
	}
}

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// UST.
pub const UST: AssetId = NativeOrWithId::WithId(1);
/// mAAPL, listed at genesis.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);

pub const ALICE: u128 = 1;
pub const FEEDER: u128 = 7;
/// The stand-in AMM's pool account.
pub const POOL_ACCOUNT: u128 = 95;
/// The stand-in staking pallet's account.
pub const STAKING_ACCOUNT: u128 = 96;

/// The Factory's MIR at genesis.
pub const FACTORY_MIR: u128 = 1_000_000_000_000_000;

/// The genesis time of the tests: 1,000,000 s.
pub const T0: u64 = 1_000_000;

/// `n / d` as a [`FixedU128`].
pub fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// Externalities: UST and mAAPL exist with UST pools and reward pools; MIR (300) and mAAPL (100)
/// are listed; the Factory holds MIR; the chain started at `T0`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(vec![], vec![])
}

/// [`new_test_ext`] with these UST balances and these mAssets listed at genesis.
pub fn new_test_ext_with(
	ust: Vec<(u128, Balance)>,
	whitelist: Vec<crate::GenesisListingOf<Test>>,
) -> sp_io::TestExternalities {
	PRICES.with(|p| p.borrow_mut().clear());
	FEEDERS.with(|f| f.borrow_mut().clear());
	refuse_pools(false);
	POOLS.with(|p| {
		let mut p = p.borrow_mut();
		p.clear();
		p.insert(MIR, NativeOrWithId::WithId(50));
		p.insert(AAPL, NativeOrWithId::WithId(51));
	});
	STAKING.with(|s| {
		let mut s = s.borrow_mut();
		s.clear();
		s.insert(MIR, (NativeOrWithId::WithId(50), 0));
		s.insert(AAPL, (NativeOrWithId::WithId(51), 0));
	});
	MINT.with(|m| {
		let mut m = m.borrow_mut();
		m.clear();
		m.insert(
			AAPL,
			AssetConfig {
				auction_discount: fx(1, 5),
				min_collateral_ratio: fx(3, 2),
				end_price: None,
				ipo_params: None,
			},
		);
	});
	let factory = crate::Pallet::<Test>::account_id();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 1_000_000),
			(factory, FACTORY_MIR),
			(STAKING_ACCOUNT, ED),
			(POOL_ACCOUNT, ED),
			(FEEDER, ED),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(1, ALICE, true, 1), (2, ALICE, false, 1)],
		metadata: vec![],
		accounts: ust.into_iter().map(|(who, amount)| (1, who, amount)).collect(),
		next_asset_id: Some(100),
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_factory::GenesisConfig::<Test> {
		listings: vec![(MIR, crate::MIR_WEIGHT, None), (AAPL, crate::GENESIS_WEIGHT, Some(FEEDER))],
		whitelist,
		parameters: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		set_time(T0);
		System::set_block_number(1);
		<Factory as frame_support::traits::Hooks<u64>>::on_finalize(1);
		System::set_block_number(2);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("Factory invariants hold");
	});
}

/// Sets the clock to `secs` seconds.
pub fn set_time(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1_000);
}
