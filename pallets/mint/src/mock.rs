//! A mock runtime for Mint's tests: System, Timestamp, Balances (MIR), Assets (UST, mAssets) and
//! Mint, with in-memory tables standing in for the Oracle and the CollateralOracle.

use crate as pallet_mint;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use mirror_primitives::{
	Amm, AssetConfig, AssetId, Balance, CollateralError, CollateralPrice, CollateralRegistry,
	CollateralStatus, FixedU128, Moment, OraclePrice, PriceError, PriceOrigin, PriceProvider,
	PriceSource, ProvideCollateralPrice, ShortStakeHook, SwapQuote,
};
use sp_runtime::{traits::One, BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Mint: pallet_mint,
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

/// A collateral in the stand-in registry: fixed price (`Some`) or oracle-priced (`None`),
/// multiplier, revoked.
type CollateralEntry = (Option<FixedU128>, FixedU128, bool);

/// The oracle's answers by asset.
type PriceTable = BTreeMap<AssetId, Result<(FixedU128, Moment), PriceError>>;

thread_local! {
	static PRICES: RefCell<PriceTable> = const { RefCell::new(BTreeMap::new()) };
	/// The assets whose oracle price is contested.
	static CONTESTED: RefCell<BTreeSet<AssetId>> = const { RefCell::new(BTreeSet::new()) };
	static COLLATERALS: RefCell<BTreeMap<AssetId, CollateralEntry>> =
		const { RefCell::new(BTreeMap::new()) };
	/// The stand-in AMM's pools: UST paid per unit sold, and the spread every sale shows.
	static POOLS: RefCell<BTreeMap<AssetId, FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	static SPREAD: RefCell<FixedU128> = const { RefCell::new(FixedU128::from_inner(0)) };
	/// The stand-in staking pallet's short stakes.
	static SHORTS: RefCell<BTreeMap<(AssetId, u128), Balance>> = const { RefCell::new(BTreeMap::new()) };
}

/// The oracle stand-in: prices set by [`set_price`].
pub struct MockOracle;
impl PriceProvider for MockOracle {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		PRICES.with(|p| p.borrow().get(asset).copied().unwrap_or(Err(PriceError::UnknownAsset)))
	}

	fn oracle_price(asset: &AssetId, max_age: Moment) -> Result<OraclePrice, PriceError> {
		let (price, updated_at) = Self::price(asset, max_age)?;
		let contested = CONTESTED.with(|c| c.borrow().contains(asset));
		Ok(OraclePrice { price, updated_at, origin: PriceOrigin::Feeds, contested })
	}
}

/// The CollateralOracle stand-in.
pub struct MockCollateral;
impl ProvideCollateralPrice for MockCollateral {
	fn collateral_price(
		asset: &AssetId,
		max_age: Moment,
	) -> Result<CollateralPrice, CollateralError> {
		let (fixed, multiplier, is_revoked) = COLLATERALS
			.with(|c| c.borrow().get(asset).copied())
			.ok_or(CollateralError::UnknownCollateral)?;
		let (price, updated_at, contested) = match fixed {
			Some(price) => (price, now(), false),
			None => MockOracle::oracle_price(asset, max_age)
				.map(|p| (p.price, p.updated_at, p.contested))
				.map_err(CollateralError::Price)?,
		};
		Ok(CollateralPrice { price, updated_at, contested, multiplier, is_revoked })
	}

	fn collateral_status(asset: &AssetId) -> Result<CollateralStatus, CollateralError> {
		COLLATERALS
			.with(|c| c.borrow().get(asset).copied())
			.map(|(_, multiplier, is_revoked)| CollateralStatus { multiplier, is_revoked })
			.ok_or(CollateralError::UnknownCollateral)
	}
}
impl CollateralRegistry for MockCollateral {
	fn register_collateral(
		asset: AssetId,
		source: PriceSource,
		multiplier: FixedU128,
	) -> Result<(), DispatchError> {
		if is_collateral(&asset) {
			return Err(DispatchError::Other("Collateral was already registered"));
		}
		let fixed = match source {
			PriceSource::Fixed(price) => Some(price),
			_ => None,
		};
		COLLATERALS.with(|c| c.borrow_mut().insert(asset, (fixed, multiplier, false)));
		Ok(())
	}

	fn delist_collateral(asset: AssetId, price: FixedU128) -> Result<(), DispatchError> {
		COLLATERALS.with(|c| match c.borrow_mut().get_mut(&asset) {
			Some(entry) => {
				entry.0 = Some(price);
				entry.2 = true;
				Ok(())
			}
			None => Err(DispatchError::Other("Collateral not found")),
		})
	}

	fn revoke_collateral(asset: AssetId) -> Result<(), DispatchError> {
		COLLATERALS.with(|c| match c.borrow_mut().get_mut(&asset) {
			Some(entry) => {
				entry.2 = true;
				Ok(())
			}
			None => Err(DispatchError::Other("Collateral not found")),
		})
	}
}

/// The stand-in AMM: sells any asset with a pool for UST at the pool's rate, from its own
/// account's UST; fails a sale whose `max_spread` is below the set spread.
pub struct MockAmm;
impl Amm<u128> for MockAmm {
	fn quote(_: &AssetId, _: &AssetId, _: Balance) -> Result<SwapQuote, DispatchError> {
		Err(DispatchError::Other("not used by Mint"))
	}

	fn swap(
		who: &u128,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		_belief_price: Option<FixedU128>,
		max_spread: Option<FixedU128>,
		to: &u128,
	) -> Result<SwapQuote, DispatchError> {
		use frame_support::traits::fungibles::Mutate;
		let rate = POOLS.with(|p| p.borrow().get(offer).copied());
		let rate = rate.filter(|_| *ask == UST).ok_or(DispatchError::Other("no pool"))?;
		let spread = SPREAD.with(|s| *s.borrow());
		if max_spread.is_some_and(|max| spread > max) {
			return Err(DispatchError::Other("MaxSpreadAssertion"));
		}
		let return_amount = mirror_primitives::decimal::mul_floor(offer_amount, rate)
			.ok_or(DispatchError::Other("overflow"))?;
		let expendable = frame_support::traits::tokens::Preservation::Expendable;
		AllAssets::transfer(offer.clone(), who, &AMM, offer_amount, expendable)?;
		AllAssets::transfer(UST, &AMM, to, return_amount, expendable)?;
		Ok(SwapQuote { offer_amount, return_amount, spread_amount: 0, commission_amount: 0 })
	}

	fn provide_liquidity(
		_: &u128,
		_: &AssetId,
		_: Balance,
		_: &AssetId,
		_: Balance,
		_: Option<FixedU128>,
		_: &u128,
	) -> Result<Balance, DispatchError> {
		Err(DispatchError::Other("not used by Mint"))
	}

	fn reserves(_: &AssetId, _: &AssetId) -> Option<(Balance, Balance)> {
		None
	}

	fn lp_token(_: &AssetId, _: &AssetId) -> Option<AssetId> {
		None
	}
}

/// Opens a stand-in pool selling `asset` at `n / d` UST.
pub fn pool(asset: AssetId, n: u128, d: u128) {
	POOLS.with(|p| p.borrow_mut().insert(asset, FixedU128::from_rational(n, d)));
}

/// Sets the spread every stand-in sale shows.
pub fn set_spread(spread: FixedU128) {
	SPREAD.with(|s| *s.borrow_mut() = spread);
}

/// The stand-in staking pallet: short stakes by asset and owner.
pub struct MockShortStake;
impl ShortStakeHook<u128> for MockShortStake {
	fn increase_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		SHORTS.with(|s| *s.borrow_mut().entry((asset.clone(), *owner)).or_default() += amount);
		Ok(())
	}

	fn decrease_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		SHORTS.with(|s| {
			let mut shorts = s.borrow_mut();
			let stake = shorts.entry((asset.clone(), *owner)).or_default();
			*stake =
				stake.checked_sub(amount).ok_or(DispatchError::Other("short stake below zero"))?;
			Ok(())
		})
	}
}

/// `owner`'s short stake of `asset`, as the staking side sees it.
pub fn short_stake(asset: &AssetId, owner: u128) -> Balance {
	SHORTS.with(|s| s.borrow().get(&(asset.clone(), owner)).copied().unwrap_or_default())
}

/// Marks (or unmarks) the oracle price of `asset` contested.
pub fn set_contested(asset: AssetId, contested: bool) {
	CONTESTED.with(|c| {
		if contested {
			c.borrow_mut().insert(asset)
		} else {
			c.borrow_mut().remove(&asset)
		}
	});
}

/// Sets the oracle's answer for `asset`.
pub fn set_price(asset: AssetId, answer: Result<(FixedU128, Moment), PriceError>) {
	PRICES.with(|p| p.borrow_mut().insert(asset, answer));
}

/// Sets a fresh oracle price for `asset`, `n / d` UST.
pub fn price(asset: AssetId, n: u128, d: u128) {
	set_price(asset, Ok((FixedU128::from_rational(n, d), now())));
}

/// Whether `asset` is a collateral in the stand-in registry.
pub fn is_collateral(asset: &AssetId) -> bool {
	COLLATERALS.with(|c| c.borrow().contains_key(asset))
}

/// Revokes or restores a collateral in the stand-in registry.
pub fn set_revoked(asset: &AssetId, revoked: bool) {
	COLLATERALS.with(|c| {
		if let Some(entry) = c.borrow_mut().get_mut(asset) {
			entry.2 = revoked;
		}
	});
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
		Self::pool(asset, price);
	}

	fn create_collateral(collateral: &AssetId, price: FixedU128, multiplier: FixedU128) {
		create_token(collateral);
		set_price(collateral.clone(), Ok((price, now())));
		if !is_collateral(collateral) {
			let _ = MockCollateral::register_collateral(
				collateral.clone(),
				PriceSource::Oracle,
				multiplier,
			);
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchSetup {
	fn pool(asset: &AssetId, price: FixedU128) {
		POOLS.with(|p| p.borrow_mut().insert(asset.clone(), price));
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

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// UST.
pub const UST: AssetId = NativeOrWithId::WithId(1);
/// mAAPL.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// mTSLA.
pub const TSLA: AssetId = NativeOrWithId::WithId(3);
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

pub const ALICE: u128 = 1;
pub const BOB: u128 = 2;
pub const CHARLIE: u128 = 3;
/// The fee collector.
pub const COLLECTOR: u128 = 99;
/// The stand-in AMM's account.
pub const AMM: u128 = 98;

/// Everyone's starting balance of MIR, UST and OTHER.
pub const BALANCE: u128 = 1_000_000_000_000;
/// mAAPL given to Charlie at genesis (unbacked supply).
pub const GENESIS_AAPL: u128 = 5_000_000;

/// The genesis time of the tests: 1,000,000 s.
pub const T0: u64 = 1_000_000;

/// 1.3333334, the multiplier of volatile collateral.
pub fn volatile() -> FixedU128 {
	FixedU128::from_rational(13_333_334, 10_000_000)
}

/// `n / d` as a [`FixedU128`].
pub fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

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
/// are collateral; protocol fee 1.5 %. No price is set: tests set what they need.
pub fn new_test_ext() -> sp_io::TestExternalities {
	PRICES.with(|p| p.borrow_mut().clear());
	CONTESTED.with(|c| c.borrow_mut().clear());
	POOLS.with(|p| p.borrow_mut().clear());
	SHORTS.with(|s| s.borrow_mut().clear());
	set_spread(FixedU128::from_inner(0));
	COLLATERALS.with(|c| {
		let mut c = c.borrow_mut();
		c.clear();
		c.insert(UST, (Some(FixedU128::one()), FixedU128::one(), false));
		c.insert(MIR, (None, volatile(), false));
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let people = [ALICE, BOB, CHARLIE];
	pallet_balances::GenesisConfig::<Test> {
		balances: people
			.iter()
			.map(|p| (*p, BALANCE))
			.chain([(COLLECTOR, ED), (AMM, ED)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![
			(1, ALICE, true, 1),
			(2, ALICE, false, 1),
			(3, ALICE, false, 1),
			(9, ALICE, false, 1),
			(10, ALICE, false, 1),
		],
		metadata: vec![],
		accounts: people
			.iter()
			.flat_map(|p| [(1, *p, BALANCE), (9, *p, BALANCE)])
			.chain([(2, CHARLIE, GENESIS_AAPL), (1, AMM, BALANCE)])
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
	// Mint's genesis registers collateral through the thread-local registry, so it runs inside.
	ext.execute_with(|| {
		let genesis = pallet_mint::GenesisConfig::<Test> {
			assets: vec![(AAPL, listed()), (TSLA, listed())],
			parameters: None,
		};
		frame_support::traits::BuildGenesisConfig::build(&genesis);
	});
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("mint invariants hold");
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
