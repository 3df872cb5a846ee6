//! A mock runtime for LpStaking's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets,
//! LP tokens) and LpStaking, with in-memory tables standing in for the Oracle and the AMM.

use crate as pallet_lp_staking;
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
	Amm, AssetId, Balance, FixedU128, Moment, PriceError, PriceProvider, SwapQuote, TwapError,
	TwapProvider,
};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		LpStaking: pallet_lp_staking,
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
}

/// Every token: MIR from Balances, the rest from Assets.
pub type AllAssets = UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, u128>;

thread_local! {
	static PRICES: RefCell<BTreeMap<AssetId, FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	/// The stand-in AMM's pools against UST: (asset reserve, UST reserve, LP token).
	static POOLS: RefCell<BTreeMap<AssetId, (Balance, Balance, AssetId)>> =
		const { RefCell::new(BTreeMap::new()) };
	/// Time-weighted prices that differ from the spot price (`None`: no history yet).
	static TWAPS: RefCell<BTreeMap<AssetId, Option<(FixedU128, Moment)>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// The oracle stand-in: prices set by [`set_price`]; no entry is "no price".
pub struct MockOracle;
impl PriceProvider for MockOracle {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		PRICES
			.with(|p| p.borrow().get(asset).map(|price| (*price, now())).ok_or(PriceError::NoPrice))
	}
}

/// The stand-in AMM: pools of an asset against UST with set reserves; providing liquidity moves
/// both amounts to the AMM's account and mints LP tokens equal to the asset amount.
pub struct MockAmm;
impl Amm<u128> for MockAmm {
	fn quote(_: &AssetId, _: &AssetId, _: Balance) -> Result<SwapQuote, DispatchError> {
		Err(DispatchError::Other("not used by LpStaking"))
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
		Err(DispatchError::Other("not used by LpStaking"))
	}

	fn provide_liquidity(
		who: &u128,
		asset_a: &AssetId,
		amount_a: Balance,
		asset_b: &AssetId,
		amount_b: Balance,
		_slippage_tolerance: Option<FixedU128>,
		receiver: &u128,
	) -> Result<Balance, DispatchError> {
		let lp = Self::lp_token(asset_a, asset_b).ok_or(DispatchError::Other("no pool"))?;
		AllAssets::transfer(asset_a.clone(), who, &AMM, amount_a, Preservation::Expendable)?;
		AllAssets::transfer(asset_b.clone(), who, &AMM, amount_b, Preservation::Expendable)?;
		AllAssets::mint_into(lp, receiver, amount_a)?;
		POOLS.with(|p| {
			if let Some(pool) = p.borrow_mut().get_mut(asset_a) {
				pool.0 += amount_a;
				pool.1 += amount_b;
			}
		});
		Ok(amount_a)
	}

	fn reserves(a: &AssetId, b: &AssetId) -> Option<(Balance, Balance)> {
		if *b != UST {
			return None;
		}
		POOLS.with(|p| p.borrow().get(a).map(|(asset, ust, _)| (*asset, *ust)))
	}

	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId> {
		if *b != UST {
			return None;
		}
		POOLS.with(|p| p.borrow().get(a).map(|(_, _, lp)| lp.clone()))
	}
}

/// The stand-in AMM's time-weighted price: the pool's spot price (as if it had held over the
/// whole window), unless [`set_twap`] said otherwise.
impl TwapProvider for MockAmm {
	fn twap(base: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError> {
		Self::twap_up_to(base, quote, window).map(|(price, _)| price)
	}

	fn twap_up_to(
		base: &AssetId,
		quote: &AssetId,
		max_window: Moment,
	) -> Result<(FixedU128, Moment), TwapError> {
		let (asset_reserve, ust_reserve) = Self::reserves(base, quote).ok_or(TwapError::NoPool)?;
		match TWAPS.with(|t| t.borrow().get(base).cloned()) {
			Some(Some(twap)) => Ok(twap),
			Some(None) => Err(TwapError::NotEnoughHistory),
			None => sp_runtime::FixedPointNumber::checked_from_rational(
				ust_reserve,
				asset_reserve.max(1),
			)
			.map(|price| (price, max_window))
			.ok_or(TwapError::NotEnoughHistory),
		}
	}
}

/// Sets the stand-in AMM's time-weighted price of `asset` and its window (`None`: no history).
pub fn set_twap(asset: AssetId, twap: Option<(FixedU128, Moment)>) {
	TWAPS.with(|t| t.borrow_mut().insert(asset, twap));
}

/// Opens a stand-in AMM pool of `asset` against UST with these reserves and LP token.
pub fn amm_pool(asset: AssetId, asset_reserve: Balance, ust_reserve: Balance, lp: AssetId) {
	POOLS.with(|p| p.borrow_mut().insert(asset, (asset_reserve, ust_reserve, lp)));
}

/// Sets the oracle price of `asset` (`None`: no price).
pub fn set_price(asset: AssetId, price: Option<FixedU128>) {
	PRICES.with(|p| match price {
		Some(price) => p.borrow_mut().insert(asset, price),
		None => p.borrow_mut().remove(&asset),
	});
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"mir/stak");
}

impl pallet_lp_staking::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type Oracle = MockOracle;
	type Amm = MockAmm;
	type PalletId = StakingPalletId;
	type MaxPools = ConstU32<4>;
	type MaxPremiumAssets = ConstU32<3>;
	type UnixTime = Timestamp;
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

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// UST.
pub const UST: AssetId = NativeOrWithId::WithId(1);
/// mAAPL.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// mTSLA.
pub const TSLA: AssetId = NativeOrWithId::WithId(3);
/// The mAAPL-UST LP token.
pub const AAPL_LP: AssetId = NativeOrWithId::WithId(12);
/// The mTSLA-UST LP token.
pub const TSLA_LP: AssetId = NativeOrWithId::WithId(13);
/// A new mAAPL-UST LP token (for migrations).
pub const AAPL_LP2: AssetId = NativeOrWithId::WithId(22);

pub const ALICE: u128 = 1;
pub const BOB: u128 = 2;
pub const CHARLIE: u128 = 3;
/// Deposits rewards (the Factory's role).
pub const FACTORY: u128 = 97;
/// The stand-in AMM's account.
pub const AMM: u128 = 98;

/// Everyone's starting balance of MIR, UST, mAssets and LP tokens.
pub const BALANCE: u128 = 1_000_000_000_000;

/// The genesis time of the tests: 1,000,000 s.
pub const T0: u64 = 1_000_000;

/// `n / d` as a [`FixedU128`].
pub fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// Externalities: Alice, Bob and Charlie hold MIR, UST, mAAPL, mTSLA and both LP tokens; the
/// factory holds MIR; mAAPL and mTSLA have reward pools (LP tokens 12 and 13) and AMM pools at 1
/// UST per unit; no oracle prices.
pub fn new_test_ext() -> sp_io::TestExternalities {
	PRICES.with(|p| p.borrow_mut().clear());
	POOLS.with(|p| p.borrow_mut().clear());
	TWAPS.with(|t| t.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let people = [ALICE, BOB, CHARLIE];
	pallet_balances::GenesisConfig::<Test> {
		balances: people
			.iter()
			.map(|p| (*p, BALANCE))
			.chain([(FACTORY, BALANCE), (AMM, ED)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let tokens = [1u32, 2, 3, 12, 13, 22];
	pallet_assets::GenesisConfig::<Test> {
		assets: tokens.iter().map(|id| (*id, ALICE, true, 1)).collect(),
		metadata: vec![],
		accounts: people.iter().flat_map(|p| tokens.iter().map(|id| (*id, *p, BALANCE))).collect(),
		next_asset_id: Some(100),
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_lp_staking::GenesisConfig::<Test> {
		pools: vec![(AAPL, Some(AAPL_LP)), (TSLA, Some(TSLA_LP))],
		parameters: None,
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(T0);
		amm_pool(AAPL, 1_000_000, 1_000_000, AAPL_LP);
		amm_pool(TSLA, 1_000_000, 1_000_000, TSLA_LP);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("LpStaking invariants hold");
	});
}

/// Sets the clock to `secs` seconds.
pub fn set_time(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1_000);
}

/// The clock, in seconds.
pub fn now() -> Moment {
	pallet_timestamp::Now::<Test>::get() / 1_000
}
