//! A contested oracle price (docs/oracle.md): it fails exactly the operations a user could
//! profit from at a lagging price, and nothing else.

use super::*;

/// Charlie holds genesis mAAPL: he liquidates.
const LIQUIDATOR: u128 = CHARLIE;

#[test]
fn a_contested_asset_price_blocks_minting_withdrawing_and_auctions() {
	run_test(|| {
		let id = open_example();
		set_contested(AAPL, true);
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(BOB), UST, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::PriceContested
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None),
			Error::<Test>::PriceContested
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)),
			Error::<Test>::PriceContested
		);
		// Under water at 1.5, but not auctionable while contested (as if stale).
		price(AAPL, 3, 2);
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 100_000),
			Error::<Test>::PriceContested
		);
		assert_eq!(Mint::liquidatable(id), Err(PositionRatioError::PriceUnavailable));

		// What only makes a position safer, or shows it, goes on.
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(ALICE), id, 500_000));
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 1_000));
		assert!(Mint::collateral_ratio(id).is_ok());
		// Another asset is not affected.
		price(TSLA, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(BOB),
			UST,
			1_000,
			TSLA,
			fx(2, 1),
			None
		));

		// Confirmed (no longer contested): everything works again.
		set_contested(AAPL, false);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None));
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)));
	});
}

#[test]
fn a_contested_collateral_price_blocks_the_same_operations() {
	run_test(|| {
		price(AAPL, 1, 1);
		price(MIR, 3, 2);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(BOB),
			MIR,
			1_000_000,
			AAPL,
			fx(3, 1),
			None
		));
		let id = NextPositionId::<Test>::get() - 1;
		set_contested(MIR, true);
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), MIR, 1_000, AAPL, fx(3, 1), None),
			Error::<Test>::PriceContested
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(BOB), id, 1, None),
			Error::<Test>::PriceContested
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(BOB), id, Some(1)),
			Error::<Test>::PriceContested
		);
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(BOB), id, 1_000));
		assert_ok!(Mint::burn(RuntimeOrigin::signed(BOB), id, 1_000));

		// Delisted: redeeming pays MIR at its price, so it waits too; the end price is firm.
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(1, 1)));
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(CHARLIE), id, 1_000),
			Error::<Test>::PriceContested
		);
		set_contested(MIR, false);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(CHARLIE), id, 1_000));
	});
}

#[test]
fn a_position_without_debt_withdraws_while_contested() {
	run_test(|| {
		let id = open_example();
		let debt = Positions::<Test>::get(id).map(|p| p.asset_amount).unwrap_or_default();
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, debt));
		set_contested(AAPL, true);
		// No debt, no price needed: repaid collateral is never stuck.
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, None));
		assert!(Positions::<Test>::get(id).is_none());
	});
}
