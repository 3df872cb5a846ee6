//! The Collector's unit tests; every test ends with the pallet's invariants checked.

use crate::{mock::*, CollectorParameters, Error, Event, Parameters};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Inspect, Mutate},
};
use sp_runtime::{DispatchError, FixedU128};

type Pallet = crate::Pallet<Test>;

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

fn collector() -> u128 {
	Pallet::account_id()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn genesis_creates_the_account_with_default_bounds() {
	run_test(|| {
		assert_eq!(AllAssets::balance(MIR, &collector()), ED);
		assert_eq!(Parameters::<Test>::get().max_spread, fx(1, 100));
	});
}

#[test]
fn an_masset_fee_is_sold_for_ust_near_the_oracle_price() {
	run_test(|| {
		assert_ok!(AllAssets::mint_into(AAPL, &collector(), 1_000));
		set_price(AAPL, fx(180, 1));
		// The pool pays 0.5 % under the oracle: within the 1 % bound.
		set_rate(AAPL, UST, fx(1791, 10));
		assert_ok!(Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None));
		assert_eq!(AllAssets::balance(AAPL, &collector()), 0);
		assert_eq!(AllAssets::balance(UST, &collector()), 179_100);
		assert_eq!(
			last_event(),
			Event::Converted {
				offer_asset: AAPL,
				ask_asset: UST,
				offer_amount: 1_000,
				return_amount: 179_100
			}
			.into()
		);
	});
}

#[test]
fn ust_is_bought_into_mir_and_distributed_to_gov() {
	run_test(|| {
		assert_ok!(AllAssets::mint_into(UST, &collector(), 3_000));
		set_price(MIR, fx(3, 2));
		set_rate(UST, MIR, fx(2, 3));
		assert_ok!(Pallet::convert(RuntimeOrigin::signed(ALICE), UST, None));
		assert_eq!(AllAssets::balance(MIR, &collector()), ED + 2_000);
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(GOV_RECEIVED.with(|g| *g.borrow()), 2_000);
		assert_eq!(AllAssets::balance(MIR, &collector()), ED);
		assert_eq!(last_event(), Event::Distributed { amount: 2_000 }.into());
	});
}

#[test]
fn a_pool_off_the_oracle_price_fails_the_conversion() {
	// A sandwiched pool: 2 % below the oracle, beyond the 1 % bound. Nothing moves.
	run_test(|| {
		assert_ok!(AllAssets::mint_into(AAPL, &collector(), 1_000));
		set_price(AAPL, fx(180, 1));
		set_rate(AAPL, UST, fx(1764, 10));
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None),
			DispatchError::Other("MaxSpreadAssertion")
		);
		assert_eq!(AllAssets::balance(AAPL, &collector()), 1_000);
	});
}

#[test]
fn convert_and_distribute_reject_bad_input() {
	run_test(|| {
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), MIR, None),
			Error::<Test>::CannotConvertMir
		);
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None),
			Error::<Test>::NothingToConvert
		);
		// A fee balance without a price.
		assert_ok!(AllAssets::mint_into(AAPL, &collector(), 1_000));
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None),
			Error::<Test>::PriceUnavailable
		);
		// With a price but no pool.
		set_price(AAPL, fx(180, 1));
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None),
			DispatchError::Other("UnknownPair")
		);
		assert_noop!(
			Pallet::distribute(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToDistribute
		);
		assert_noop!(Pallet::convert(RuntimeOrigin::none(), AAPL, None), DispatchError::BadOrigin);
	});
}

#[test]
fn update_config_checks_origin_and_values() {
	run_test(|| {
		let parameters = CollectorParameters { max_spread: fx(2, 100), price_max_age: 30 };
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::signed(ALICE), parameters),
			DispatchError::BadOrigin
		);
		for bad in [
			CollectorParameters { max_spread: fx(1, 1), price_max_age: 30 },
			CollectorParameters { max_spread: fx(1, 100), price_max_age: 0 },
		] {
			assert_noop!(
				Pallet::update_config(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidParameters
			);
		}
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), parameters));
		assert_eq!(Parameters::<Test>::get(), parameters);
		assert_eq!(last_event(), Event::ParametersUpdated { parameters }.into());
	});
}

#[test]
fn convert_sells_a_slice_of_the_balance() {
	run_test(|| {
		assert_ok!(AllAssets::mint_into(AAPL, &collector(), 1_000));
		set_price(AAPL, fx(180, 1));
		set_rate(AAPL, UST, fx(1791, 10));
		assert_ok!(Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, Some(400)));
		assert_eq!(AllAssets::balance(AAPL, &collector()), 600);
		assert_eq!(AllAssets::balance(UST, &collector()), 71_640);
		assert_ok!(Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, None));
		assert_eq!(AllAssets::balance(AAPL, &collector()), 0);
		assert_eq!(AllAssets::balance(UST, &collector()), 179_100);
	});
}

#[test]
fn a_slice_must_be_positive_and_within_the_balance() {
	run_test(|| {
		assert_ok!(AllAssets::mint_into(AAPL, &collector(), 1_000));
		set_price(AAPL, fx(180, 1));
		set_rate(AAPL, UST, fx(1791, 10));
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, Some(0)),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, Some(1_001)),
			Error::<Test>::AmountExceedsBalance
		);
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AAPL, Some(u128::MAX)),
			Error::<Test>::AmountExceedsBalance
		);
	});
}

#[test]
fn a_collateral_priced_by_its_own_source_converts() {
	run_test(|| {
		// aUST has no oracle feed: it is a collateral at a fixed 1.2 UST.
		assert_ok!(AllAssets::mint_into(AUST, &collector(), 1_000));
		set_rate(AUST, UST, fx(1195, 1000));
		set_collateral_price(AUST, fx(12, 10));
		assert_ok!(Pallet::convert(RuntimeOrigin::signed(ALICE), AUST, None));
		assert_eq!(AllAssets::balance(AUST, &collector()), 0);
		assert_eq!(AllAssets::balance(UST, &collector()), 1_195);
		// The collateral price bounds the sale: a pool 5 % under it fails.
		assert_ok!(AllAssets::mint_into(AUST, &collector(), 1_000));
		set_rate(AUST, UST, fx(114, 100));
		assert_noop!(
			Pallet::convert(RuntimeOrigin::signed(ALICE), AUST, None),
			DispatchError::Other("MaxSpreadAssertion")
		);
	});
}
