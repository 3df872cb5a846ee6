//! A mock runtime for the Factory's tests: System, Timestamp, Balances (MIR), Assets and the
//! Factory, with the test kit's Oracle and AMM, and in-memory tables standing in for Mint and
//! LpStaking.

use crate as pallet_factory;
use core::cell::RefCell;
use frame_support::{
	parameter_types,
	traits::{fungible::NativeOrWithId, fungibles::Mutate, tokens::Preservation, ConstU32},
	PalletId,
};
use frame_system::EnsureRoot;
use mirror_primitives::{AssetConfig, AssetId, Balance, FixedU128, MintRegistry, RewardPools};
use mirror_test_kit::{amm, oracle, AmmSettings, ExtBuilder};
use sp_runtime::{DispatchError, DispatchResult};
use std::collections::BTreeMap;

pub use mirror_test_kit::{
	fx,
	oracle::{feeders, FEEDERS},
	AAPL, ALICE, ED, MIR, T0, UST,
};

mirror_test_kit::mock_runtime!(Test { Timestamp, Balances, Assets(auto_increment_ids) } {
	Factory: pallet_factory,
});

/// The stand-in Oracle: prices set by [`set_price`] (as of time 0), feeders recorded.
pub type MockOracle = mirror_test_kit::MockOracle;

thread_local! {
	static MINT: RefCell<BTreeMap<AssetId, AssetConfig<u128>>> = const { RefCell::new(BTreeMap::new()) };
	/// The stand-in LpStaking's pools: asset → (LP token, MIR deposited).
	pub static STAKING: RefCell<BTreeMap<AssetId, (AssetId, Balance)>> = const { RefCell::new(BTreeMap::new()) };
	/// Whether the stand-in LpStaking refuses new pools.
	static STAKING_FULL: RefCell<bool> = const { RefCell::new(false) };
}

/// The AMM as the Factory sees it: pools against UST whose LP tokens take pallet-assets' next id;
/// liquidity goes to [`POOL_ACCOUNT`].
pub struct UstPools;
impl AmmSettings for UstPools {
	type Assets = AllAssets;
	const ACCOUNT: u128 = POOL_ACCOUNT;

	fn next_lp_token() -> u32 {
		pallet_assets::NextAssetId::<Test>::get().unwrap_or(1_000)
	}
}

/// The stand-in AMM.
pub type MockAmm = mirror_test_kit::MockAmm<UstPools>;

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
pub struct MockLpStaking;
impl RewardPools<u128> for MockLpStaking {
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

/// Sets the oracle price of `asset`.
pub fn set_price(asset: AssetId, price: FixedU128) {
	oracle::set_price(asset, price, 0);
}

/// The MIR deposited into `asset`'s stand-in reward pool.
pub fn deposited(asset: &AssetId) -> Balance {
	STAKING.with(|s| s.borrow().get(asset).map(|p| p.1).unwrap_or_default())
}

/// Makes the stand-in LpStaking refuse new pools.
pub fn refuse_pools(refuse: bool) {
	STAKING_FULL.with(|f| *f.borrow_mut() = refuse);
}

parameter_types! {
	pub const FactoryPalletId: PalletId = PalletId(*b"mir/fact");
}

impl pallet_factory::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type AssetsMetadata = mirror_test_kit::ForceMetadata<Test>;
	type AssetIdAllocator = mirror_test_kit::NextAssetId<Test>;
	type Amm = MockAmm;
	type Oracle = MockOracle;
	type Mint = MockMint;
	type LpStaking = MockLpStaking;
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

	fn set_time(secs: mirror_primitives::Moment) {
		set_time(secs);
	}
}

pub const FEEDER: u128 = 7;
/// The stand-in AMM's pool account.
pub const POOL_ACCOUNT: u128 = 95;
/// The stand-in LpStaking's account.
pub const STAKING_ACCOUNT: u128 = 96;

/// The Factory's MIR at genesis.
pub const FACTORY_MIR: u128 = 1_000_000_000_000_000;

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
	mirror_test_kit::reset();
	refuse_pools(false);
	amm::set_pool(MIR, 0, 0, NativeOrWithId::WithId(50));
	amm::set_pool(AAPL, 0, 0, NativeOrWithId::WithId(51));
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
	let mut ext = ExtBuilder::<Test>::default()
		.balances(vec![
			(ALICE, 1_000_000),
			(factory, FACTORY_MIR),
			(STAKING_ACCOUNT, ED),
			(POOL_ACCOUNT, ED),
			(FEEDER, ED),
		])
		.assets(
			vec![(1, ALICE, true, 1), (2, ALICE, false, 1)],
			ust.into_iter().map(|(who, amount)| (1, who, amount)).collect(),
			Some(100),
		)
		.genesis(pallet_factory::GenesisConfig::<Test> {
			listings: vec![
				(MIR, crate::MIR_WEIGHT, None),
				(AAPL, crate::GENESIS_WEIGHT, Some(FEEDER)),
			],
			whitelist,
			parameters: None,
		})
		.build_at(T0);
	ext.execute_with(|| {
		<Factory as frame_support::traits::Hooks<u64>>::on_finalize(1);
		System::set_block_number(2);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	let try_state = crate::Pallet::<Test>::do_try_state;
	mirror_test_kit::run_checked(new_test_ext(), test, try_state, "Factory invariants hold");
}
