//! Short positions (spec §2.5, §3.5, §3.17) on a stand-in AMM and a stand-in staking hook.

use super::*;
use crate::{Locks, TotalLocked};
use frame_support::{traits::ConstU32, BoundedVec};
use mirror_primitives::PositionLock;

/// The default lock period: 14 days.
const LOCK: u64 = 1_209_600;

fn lock_balance() -> u128 {
	balance(UST, Mint::lock_account())
}

/// Alice shorts mAAPL at 1 UST with 1,000,000 UST at 200 %: 500,000 minted and sold at 0.98.
fn open_short() -> u64 {
	price(AAPL, 1, 1);
	pool(AAPL, 98, 100);
	let short = ShortParams { belief_price: None, max_spread: Some(fx(1, 100)) };
	assert_ok!(Mint::open_position(
		RuntimeOrigin::signed(ALICE),
		UST,
		1_000_000,
		AAPL,
		fx(2, 1),
		Some(short)
	));
	NextPositionId::<Test>::get() - 1
}

#[test]
fn a_short_sells_what_it_mints_and_locks_the_proceeds() {
	run_test(|| {
		let id = open_short();
		let position = Positions::<Test>::get(id).unwrap();
		assert!(position.is_short);
		assert_eq!(position.asset_amount, 500_000);
		// Alice holds none of it: it was sold, ⌊500,000 × 0.98⌋ = 490,000 UST, into the lock.
		assert_eq!(balance(AAPL, ALICE), 0);
		assert_eq!(
			Locks::<Test>::get(id),
			Some(PositionLock { receiver: ALICE, amount: 490_000, unlock_time: T0 + LOCK })
		);
		assert_eq!(TotalLocked::<Test>::get(), 490_000);
		assert_eq!(lock_balance(), 490_000);
		System::assert_has_event(
			Event::PositionOpened {
				position_id: id,
				owner: ALICE,
				collateral_asset: UST,
				collateral_amount: 1_000_000,
				asset: AAPL,
				minted_amount: 500_000,
				is_short: true,
			}
			.into(),
		);
		System::assert_last_event(
			Event::FundsLocked {
				position_id: id,
				amount: 490_000,
				locked_amount: 490_000,
				unlock_time: T0 + LOCK,
			}
			.into(),
		);
		// The staking side saw exactly the minted amount.
		assert_eq!(short_stake(&AAPL, ALICE), 500_000);
	});
}

#[test]
fn a_sale_over_the_max_spread_changes_nothing() {
	run_test(|| {
		price(AAPL, 1, 1);
		pool(AAPL, 98, 100);
		set_spread(fx(2, 100));
		let short = ShortParams { belief_price: None, max_spread: Some(fx(1, 100)) };
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(ALICE),
				UST,
				1_000_000,
				AAPL,
				fx(2, 1),
				Some(short)
			),
			DispatchError::Other("MaxSpreadAssertion")
		);
		assert_eq!(short_stake(&AAPL, ALICE), 0);
		// Without a max spread the sale goes through.
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000_000,
			AAPL,
			fx(2, 1),
			Some(ShortParams::default())
		));
	});
}

#[test]
fn more_short_minting_adds_to_the_lock_and_resets_its_time() {
	run_test(|| {
		let id = open_short();
		set_time(T0 + 1_000);
		price(AAPL, 1, 1);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), id, 100_000, None));
		assert_eq!(
			Locks::<Test>::get(id),
			Some(PositionLock { receiver: ALICE, amount: 588_000, unlock_time: T0 + 1_000 + LOCK })
		);
		assert_eq!(short_stake(&AAPL, ALICE), 600_000);
		assert_eq!(balance(AAPL, ALICE), 0);
		assert_eq!(lock_balance(), 588_000);
	});
}

#[test]
fn unlock_waits_for_maturity_and_refuses_duplicates() {
	run_test(|| {
		let id = open_short();
		let ids = |v: Vec<u64>| -> BoundedVec<u64, ConstU32<4>> { v.try_into().unwrap() };
		assert_noop!(
			Mint::unlock_position_funds(RuntimeOrigin::signed(ALICE), ids(vec![id])),
			Error::<Test>::NothingToUnlock
		);
		set_time(T0 + LOCK);
		assert_noop!(
			Mint::unlock_position_funds(RuntimeOrigin::signed(ALICE), ids(vec![id, id])),
			Error::<Test>::DuplicatePositionId
		);
		// Not Bob's.
		assert_noop!(
			Mint::unlock_position_funds(RuntimeOrigin::signed(BOB), ids(vec![id])),
			Error::<Test>::NothingToUnlock
		);
		let before = balance(UST, ALICE);
		assert_ok!(Mint::unlock_position_funds(RuntimeOrigin::signed(ALICE), ids(vec![7, id])));
		System::assert_last_event(
			Event::FundsUnlocked { who: ALICE, position_ids: vec![id], amount: 490_000 }.into(),
		);
		assert_eq!(balance(UST, ALICE) - before, 490_000);
		assert_eq!((TotalLocked::<Test>::get(), lock_balance()), (0, 0));
		assert_eq!(Locks::<Test>::get(id), None);
		// The position itself stays short and open.
		assert!(Positions::<Test>::get(id).is_some_and(|p| p.is_short));
	});
}

#[test]
fn closing_a_short_releases_its_lock_early() {
	run_test(|| {
		let id = open_short();
		// Alice buys back the 500,000 mAAPL she owes (Charlie sells them to her) and burns them.
		assert_ok!(AllAssets::transfer(AAPL, &CHARLIE, &ALICE, 500_000, Preservation::Expendable));
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 200_000));
		assert_eq!(short_stake(&AAPL, ALICE), 300_000);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 300_000));
		assert_eq!(short_stake(&AAPL, ALICE), 0);
		let before = balance(UST, ALICE);
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, None));
		System::assert_has_event(
			Event::FundsReleased { position_id: id, receiver: ALICE, amount: 490_000 }.into(),
		);
		// The collateral less the fees (⌊500,000 × 0.015⌋ = 7,500) and the lock.
		assert_eq!(balance(UST, ALICE) - before, 1_000_000 - 7_500 + 490_000);
		assert_eq!((TotalLocked::<Test>::get(), lock_balance()), (0, 0));
	});
}

#[test]
fn liquidating_a_short_decreases_its_stake_and_releases_on_close() {
	run_test(|| {
		let id = open_short();
		// mAAPL at 2: 500,000 owed need 1,500,000 > 1,000,000.
		price(AAPL, 2, 1);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(CHARLIE), id, 100_000));
		assert_eq!(short_stake(&AAPL, ALICE), 400_000);
		assert!(Locks::<Test>::get(id).is_some());
		// Buying the rest exhausts the collateral and closes the position: the lock goes to Alice.
		let before = balance(UST, ALICE);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(CHARLIE), id, 400_000));
		assert_eq!(Positions::<Test>::get(id), None);
		assert_eq!(Locks::<Test>::get(id), None);
		assert_eq!(balance(UST, ALICE) - before, 490_000);
		// The stake fell by what was liquidated and what was forgiven: the short is over.
		assert!(crate::ForgivenDebt::<Test>::get(AAPL) > 0);
		assert_eq!(short_stake(&AAPL, ALICE), 0);
	});
}
