//! The community pool's unit tests; every test ends with the pallet's invariants checked.

use crate::{mock::*, Error, Event, SpendLimit};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::DispatchError;

type Pallet = crate::Pallet<Test>;

#[test]
fn genesis_funds_the_pool_and_sets_the_limit() {
	run_test(|| {
		assert_eq!(Balances::balance(&Pallet::account_id()), FUND);
		assert_eq!(Pallet::balance(), FUND - ED);
		assert_eq!(SpendLimit::<Test>::get(), LIMIT);
	});
}

#[test]
fn the_spend_origin_pays_up_to_the_limit() {
	run_test(|| {
		assert_ok!(Pallet::spend(RuntimeOrigin::root(), LIMIT, ALICE));
		assert_eq!(Balances::balance(&ALICE), LIMIT);
		assert_eq!(Balances::balance(&Pallet::account_id()), FUND - LIMIT);
		assert_eq!(
			System::events().pop().unwrap().event,
			Event::Spent { beneficiary: ALICE, amount: LIMIT }.into()
		);
	});
}

#[test]
fn spend_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			Pallet::spend(RuntimeOrigin::signed(ALICE), 1, ALICE),
			DispatchError::BadOrigin
		);
		assert_noop!(Pallet::spend(RuntimeOrigin::root(), 0, ALICE), Error::<Test>::ZeroAmount);
		assert_noop!(
			Pallet::spend(RuntimeOrigin::root(), LIMIT + 1, ALICE),
			Error::<Test>::SpendLimitExceeded
		);
		// The pool keeps its existential deposit: it cannot pay out all it holds.
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), u128::MAX));
		assert_noop!(
			Pallet::spend(RuntimeOrigin::root(), FUND, ALICE),
			Error::<Test>::InsufficientFunds
		);
		assert_ok!(Pallet::spend(RuntimeOrigin::root(), FUND - ED, ALICE));
	});
}

#[test]
fn update_config_sets_the_limit_by_admin_only() {
	run_test(|| {
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::signed(ALICE), 5),
			DispatchError::BadOrigin
		);
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), 5));
		assert_eq!(SpendLimit::<Test>::get(), 5);
		assert_eq!(
			System::events().pop().unwrap().event,
			Event::SpendLimitUpdated { spend_limit: 5 }.into()
		);
		assert_noop!(
			Pallet::spend(RuntimeOrigin::root(), 6, ALICE),
			Error::<Test>::SpendLimitExceeded
		);
	});
}

#[test]
fn try_state_catches_a_reaped_account() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::burn_from(
			&Pallet::account_id(),
			FUND,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force,
		);
		assert!(Pallet::do_try_state().is_err());
	});
}
