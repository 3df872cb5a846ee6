//! The kit on a mock runtime of its own pieces.

use crate::{
	amm, collateral, oracle, AmmSettings, ExtBuilder, MockAmm, MockCollateral, MockOracle,
	MockShortStake, OracleSettings, AAPL, ED, MIR, T0, UST,
};
use frame_support::traits::fungibles::{Inspect, Mutate};
use mirror_primitives::{
	CollateralError, CollateralRegistry, FixedU128, Moment, NativeOrWithId, PoolCreator,
	PriceError, PriceProvider, PriceSource, ProvideCollateralPrice, ProvideLiquidity, QuoteSwap,
	ShortStakeHook, SpreadLimit, Swap, TwapError, TwapProvider,
};
use sp_runtime::{traits::One, DispatchError};

crate::mock_runtime!(Test { Timestamp, Balances, Assets } {});

/// A fresh oracle on the mock's clock, UST at 1, unknown assets unknown.
struct Fresh;
impl OracleSettings for Fresh {
	const MISSING: PriceError = PriceError::UnknownAsset;
	const UST_IS_ONE: bool = true;
	const ALWAYS_FRESH: bool = true;

	fn now() -> Moment {
		now()
	}
}

fn new_test_ext() -> sp_io::TestExternalities {
	crate::reset();
	ExtBuilder::<Test>::default()
		.balances(vec![(1, 1_000), (2, ED)])
		.assets(vec![(1, 1, true, 1), (2, 1, false, 1)], vec![(1, 1, 500)], Some(100))
		.build_at(T0)
}

#[test]
fn the_runtime_pieces_fit() {
	new_test_ext().execute_with(|| {
		assert_eq!(System::block_number(), 1);
		assert_eq!(now(), T0);
		crate::next_block::<Test>(6);
		assert_eq!((System::block_number(), now()), (2, T0 + 6));
		assert_eq!(AllAssets::balance(MIR, &1), 1_000);
		assert_eq!(AllAssets::balance(UST, &1), 500);
		assert_eq!(AllAssets::minimum_balance(MIR), ED);
		assert_eq!(pallet_assets::NextAssetId::<Test>::get(), Some(100));
		assert!(AllAssets::mint_into(UST, &2, 7).is_ok());
		assert_eq!(AllAssets::balance(UST, &2), 7);
	});
}

#[test]
fn the_oracle_answers_per_its_settings() {
	new_test_ext().execute_with(|| {
		let five = FixedU128::from_rational(5, 1);
		assert_eq!(MockOracle::<()>::price(&AAPL, 0), Err(PriceError::NoPrice));
		assert_eq!(MockOracle::<Fresh>::price(&AAPL, 0), Err(PriceError::UnknownAsset));
		assert_eq!(MockOracle::<()>::price(&UST, 0), Err(PriceError::NoPrice));
		assert_eq!(MockOracle::<Fresh>::price(&UST, 0), Ok((FixedU128::one(), T0)));
		oracle::set_price(AAPL, five, 7);
		assert_eq!(MockOracle::<()>::price(&AAPL, 0), Ok((five, 7)));
		assert_eq!(MockOracle::<Fresh>::price(&AAPL, 0), Ok((five, T0)));
		assert!(!MockOracle::<()>::oracle_price(&AAPL, 0).unwrap().contested);
		oracle::set_contested(AAPL, true);
		assert!(MockOracle::<()>::oracle_price(&AAPL, 0).unwrap().contested);
		oracle::remove_price(&AAPL);
		assert_eq!(MockOracle::<()>::price(&AAPL, 0), Err(PriceError::NoPrice));
	});
}

#[test]
fn the_collateral_registry_prices_fixed_and_oracle_collateral() {
	new_test_ext().execute_with(|| {
		let two = FixedU128::from_rational(2, 1);
		collateral::insert(UST, Some(FixedU128::one()), FixedU128::one());
		assert_eq!(MockCollateral::<Fresh>::collateral_price(&UST, 0).unwrap().updated_at, T0);
		assert_eq!(
			MockCollateral::<()>::collateral_price(&MIR, 0),
			Err(CollateralError::UnknownCollateral)
		);
		assert!(MockCollateral::<()>::register_collateral(MIR, PriceSource::Oracle, two).is_ok());
		assert_eq!(
			MockCollateral::<()>::register_collateral(MIR, PriceSource::Oracle, two),
			Err(DispatchError::Other("Collateral was already registered"))
		);
		assert_eq!(
			MockCollateral::<()>::collateral_price(&MIR, 0),
			Err(CollateralError::Price(PriceError::NoPrice))
		);
		oracle::set_price(MIR, two, 3);
		let price = MockCollateral::<()>::collateral_price(&MIR, 0).unwrap();
		assert_eq!((price.price, price.updated_at, price.multiplier), (two, 3, two));
		assert!(MockCollateral::<()>::delist_collateral(MIR, FixedU128::one()).is_ok());
		let status = MockCollateral::<()>::collateral_status(&MIR).unwrap();
		assert!(status.is_revoked);
		collateral::set_revoked(&MIR, false);
		assert!(!MockCollateral::<()>::collateral_status(&MIR).unwrap().is_revoked);
	});
}

#[test]
fn short_stakes_never_go_below_zero() {
	new_test_ext().execute_with(|| {
		assert!(MockShortStake::increase_short(&AAPL, &1, 5).is_ok());
		assert!(MockShortStake::decrease_short(&AAPL, &1, 6).is_err());
		assert!(MockShortStake::decrease_short(&AAPL, &1, 5).is_ok());
		assert_eq!(crate::short_stake::short_stake(&AAPL, 1), 0);
	});
}

/// Sales paid from account 2's holdings.
struct FromAccount;
impl AmmSettings for FromAccount {
	type Assets = AllAssets;
	const ACCOUNT: u128 = 2;
}

/// Sales that mint, with Terraswap's belief check.
struct Minting;
impl AmmSettings for Minting {
	type Assets = AllAssets;
	const ACCOUNT: u128 = 2;
	const MINTS: bool = true;
	const CHECKS_BELIEF: bool = true;
}

#[test]
fn the_amm_sells_and_quotes_at_its_rates() {
	new_test_ext().execute_with(|| {
		let half = FixedU128::from_rational(1, 2);
		let unchecked = SpreadLimit::Unchecked;
		assert_eq!(
			MockAmm::<FromAccount>::swap(&1, &1, &MIR, &UST, 100, unchecked, &1),
			Err(DispatchError::Other("UnknownPair"))
		);
		amm::set_rate(MIR, UST, half);
		assert_eq!(MockAmm::<FromAccount>::quote(&MIR, &UST, 100).unwrap().return_amount, 50);
		assert_eq!(
			MockAmm::<FromAccount>::quote_for_return(&MIR, &UST, 51).unwrap().offer_amount,
			102
		);
		assert!(AllAssets::mint_into(UST, &2, 50).is_ok());
		let sale = MockAmm::<FromAccount>::swap(&1, &1, &MIR, &UST, 100, unchecked, &3).unwrap();
		assert_eq!(sale.return_amount, 50);
		assert_eq!((AllAssets::balance(UST, &3), AllAssets::balance(UST, &2)), (50, 0));
		amm::set_spread(FixedU128::from_rational(2, 100));
		let max = FixedU128::from_rational(1, 100);
		assert_eq!(
			MockAmm::<FromAccount>::swap(&1, &1, &MIR, &UST, 100, SpreadLimit::MaxSpread(max), &3),
			Err(DispatchError::Other("MaxSpreadAssertion"))
		);
		amm::set_spread(FixedU128::from_inner(0));
		// Expecting 1 UST per MIR, getting a half: a 50 % shortfall.
		let belief =
			|max_spread| SpreadLimit::BeliefPrice { belief_price: FixedU128::one(), max_spread };
		assert_eq!(
			MockAmm::<Minting>::swap(&1, &1, &MIR, &UST, 100, belief(max), &3),
			Err(DispatchError::Other("MaxSpreadAssertion"))
		);
		assert!(MockAmm::<Minting>::swap(&1, &1, &MIR, &UST, 100, belief(half), &3).is_ok());
		assert_eq!(AllAssets::balance(UST, &3), 100);
	});
}

#[test]
fn the_amm_pools_take_liquidity_and_price_by_reserves() {
	new_test_ext().execute_with(|| {
		let lp = MockAmm::<FromAccount>::create_pool(&1, &AAPL, &UST).unwrap();
		assert_eq!(lp, NativeOrWithId::WithId(1_000));
		assert_eq!(MockAmm::<FromAccount>::lp_token(&AAPL, &UST), Some(lp.clone()));
		assert!(AllAssets::mint_into(AAPL, &1, 1_000).is_ok());
		assert_eq!(
			MockAmm::<FromAccount>::provide_liquidity(&1, &AAPL, 100, &UST, 200, None, &1),
			Ok(100)
		);
		assert_eq!(AllAssets::balance(lp, &1), 100);
		assert_eq!(MockAmm::<FromAccount>::reserves(&AAPL, &UST), Some((100, 200)));
		let two = FixedU128::from_rational(2, 1);
		assert_eq!(MockAmm::<FromAccount>::twap_up_to(&AAPL, &UST, 60), Ok((two, 60)));
		amm::set_twap(AAPL, None);
		assert_eq!(MockAmm::<FromAccount>::twap(&AAPL, &UST, 60), Err(TwapError::NotEnoughHistory));
		assert_eq!(MockAmm::<FromAccount>::twap(&MIR, &UST, 60), Err(TwapError::NoPool));
	});
}
