//! A mock runtime for the Collector's tests: System, Balances (MIR), Assets (UST, mAAPL) and the
//! Collector, with in-memory stand-ins for the AMM (fixed rates, Terraswap's spread check), the
//! oracle and Gov.

use crate as pallet_collector;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		fungibles::Mutate,
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use mirror_primitives::{
	Amm, AssetId, Balance, CollateralError, CollateralPrice, CollateralStatus, GovRewards, Moment,
	PriceError, PriceProvider, ProvideCollateralPrice, SwapQuote,
};
use sp_runtime::{
	traits::{CheckedDiv, One},
	BuildStorage, DispatchError, DispatchResult, FixedPointNumber, FixedU128,
};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Collector: pallet_collector,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u128;
	type Lookup = sp_runtime::traits::IdentityLookup<u128>;
	type AccountData = pallet_balances::AccountData<u128>;
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
	/// Oracle prices in UST.
	pub static PRICES: RefCell<BTreeMap<AssetId, FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	/// The stand-in AMM's rates: units of `ask` per unit of `offer`.
	pub static RATES: RefCell<BTreeMap<(AssetId, AssetId), FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	/// Collateral prices from a source other than the oracle (a fixed or AMM price).
	pub static COLLATERAL_PRICES: RefCell<BTreeMap<AssetId, FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	/// MIR the stand-in Gov received.
	pub static GOV_RECEIVED: RefCell<Balance> = const { RefCell::new(0) };
}

/// The stand-in oracle.
pub struct MockOracle;
impl PriceProvider for MockOracle {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		if *asset == mirror_primitives::UST {
			return Ok((FixedU128::one(), 0));
		}
		PRICES.with(|p| p.borrow().get(asset).map(|p| (*p, 0)).ok_or(PriceError::NoPrice))
	}
}

/// The stand-in collateral oracle: assets given a price by [`set_collateral_price`] are
/// collaterals with that price; no other asset is a collateral.
pub struct MockCollateral;
impl ProvideCollateralPrice for MockCollateral {
	fn collateral_price(asset: &AssetId, _: Moment) -> Result<CollateralPrice, CollateralError> {
		COLLATERAL_PRICES
			.with(|p| p.borrow().get(asset).copied())
			.map(|price| CollateralPrice {
				price,
				updated_at: 0,
				contested: false,
				multiplier: FixedU128::one(),
				is_revoked: false,
			})
			.ok_or(CollateralError::UnknownCollateral)
	}
	fn collateral_status(asset: &AssetId) -> Result<CollateralStatus, CollateralError> {
		Self::collateral_price(asset, 0)
			.map(|c| CollateralStatus { multiplier: c.multiplier, is_revoked: c.is_revoked })
	}
}

/// The stand-in AMM: trades at a fixed rate against [`POOL`] (which mints what it pays), with
/// Terraswap's check of the return against `offer / belief_price`.
pub struct MockAmm;
impl Amm<u128> for MockAmm {
	fn quote(_: &AssetId, _: &AssetId, _: Balance) -> Result<SwapQuote, DispatchError> {
		Err(DispatchError::Other("not used"))
	}
	fn swap(
		who: &u128,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		belief_price: Option<FixedU128>,
		max_spread: Option<FixedU128>,
		to: &u128,
	) -> Result<SwapQuote, DispatchError> {
		let rate = RATES
			.with(|r| r.borrow().get(&(offer.clone(), ask.clone())).copied())
			.ok_or(DispatchError::Other("UnknownPair"))?;
		let return_amount = rate.saturating_mul_int(offer_amount);
		if let (Some(belief), Some(max)) = (belief_price, max_spread) {
			let expected = FixedU128::one()
				.checked_div(&belief)
				.ok_or(DispatchError::Other("bad belief"))?
				.saturating_mul_int(offer_amount);
			let spread = expected.saturating_sub(return_amount);
			if FixedU128::saturating_from_rational(spread, expected) > max {
				return Err(DispatchError::Other("MaxSpreadAssertion"));
			}
		}
		AllAssets::transfer(offer.clone(), who, &POOL, offer_amount, Preservation::Expendable)?;
		AllAssets::mint_into(ask.clone(), to, return_amount)?;
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
		Err(DispatchError::Other("not used"))
	}
	fn reserves(_: &AssetId, _: &AssetId) -> Option<(Balance, Balance)> {
		None
	}
	fn lp_token(_: &AssetId, _: &AssetId) -> Option<AssetId> {
		None
	}
}

/// The stand-in Gov: takes the MIR into [`GOV`].
pub struct MockGov;
impl GovRewards<u128> for MockGov {
	fn deposit_reward(from: &u128, amount: Balance) -> DispatchResult {
		AllAssets::transfer(mirror_primitives::MIR, from, &GOV, amount, Preservation::Preserve)?;
		GOV_RECEIVED.with(|g| *g.borrow_mut() += amount);
		Ok(())
	}
}

parameter_types! {
	pub const CollectorPalletId: PalletId = PalletId(*b"mir/coll");
	pub const GovDepositWeight: Weight = Weight::from_parts(1_000, 0);
}

impl pallet_collector::Config for Test {
	type AdminOrigin = EnsureRoot<u128>;
	type Assets = AllAssets;
	type Amm = MockAmm;
	type Oracle = MockOracle;
	type CollateralPrices = MockCollateral;
	type Gov = MockGov;
	type GovDepositWeight = GovDepositWeight;
	type PalletId = CollectorPalletId;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchSetup;
}

/// Markets for the benchmarks: mAAPL sells at its price.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for BenchSetup {
	fn setup_market(price: FixedU128) -> AssetId {
		set_rate(AAPL, UST, price);
		AAPL
	}
	fn set_price(asset: &AssetId, price: FixedU128) {
		set_price(asset.clone(), price);
	}
}

/// MIR.
pub const MIR: AssetId = NativeOrWithId::Native;
/// UST.
pub const UST: AssetId = NativeOrWithId::WithId(1);
/// mAAPL.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// aUST, a collateral at a fixed price.
pub const AUST: AssetId = NativeOrWithId::WithId(3);

pub const ALICE: u128 = 1;
/// The stand-in AMM's account.
pub const POOL: u128 = 90;
/// The stand-in Gov's account.
pub const GOV: u128 = 91;

/// Sets an oracle price.
pub fn set_price(asset: AssetId, price: FixedU128) {
	PRICES.with(|p| p.borrow_mut().insert(asset, price));
}

/// Makes `asset` a collateral priced at `price` by a source other than the oracle.
pub fn set_collateral_price(asset: AssetId, price: FixedU128) {
	COLLATERAL_PRICES.with(|p| p.borrow_mut().insert(asset, price));
}

/// Sets the stand-in AMM's rate of `offer` for `ask`.
pub fn set_rate(offer: AssetId, ask: AssetId, rate: FixedU128) {
	RATES.with(|r| r.borrow_mut().insert((offer, ask), rate));
}

/// Externalities: UST (sufficient) and mAAPL exist; Alice, the pool and Gov hold MIR; the
/// Collector's account exists.
pub fn new_test_ext() -> sp_io::TestExternalities {
	PRICES.with(|p| p.borrow_mut().clear());
	RATES.with(|r| r.borrow_mut().clear());
	COLLATERAL_PRICES.with(|p| p.borrow_mut().clear());
	GOV_RECEIVED.with(|g| *g.borrow_mut() = 0);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 1_000_000), (POOL, ED), (GOV, ED)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(1, ALICE, true, 1), (2, ALICE, false, 1), (3, ALICE, false, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_collector::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("Collector invariants hold");
	});
}
