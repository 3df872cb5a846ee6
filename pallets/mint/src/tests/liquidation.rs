//! Auctions (spec §3.4), pre-IPO triggering and delisting (spec §3.3, §3.16), by hand.

use super::*;
use crate::ForgivenDebt;
use mirror_primitives::AuctionQuote;

/// Charlie holds genesis mAAPL: he liquidates.
const LIQUIDATOR: u128 = CHARLIE;

#[test]
fn a_partial_auction_buys_collateral_at_the_discount() {
	run_test(|| {
		let id = open_example();
		// At 1 the position is safe: ⌊666,666 × 1.5⌋ = 999,999 < 1,000,000.
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 100_000),
			Error::<Test>::PositionSafelyCollateralized
		);
		assert_eq!(Mint::liquidatable(id), Ok(false));
		price(AAPL, 3, 2);
		assert_eq!(Mint::liquidatable(id), Ok(true));
		// cpa 1.5, discount 0.2: P_disc = 1.5 ÷₉ 0.8 = 1.875; V = 187,500; fee ⌊150,000 × 0.015⌋.
		let quote = AuctionQuote {
			liquidated_amount: 100_000,
			refunded_asset: 0,
			returned_collateral: 185_250,
			protocol_fee: 2_250,
			leftover_collateral: 0,
			forgiven_debt: 0,
		};
		assert_eq!(Mint::quote_auction(id, 100_000).map(|(_, q)| q), Ok(quote));
		let before = balance(AAPL, LIQUIDATOR);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 100_000));
		System::assert_last_event(
			Event::Liquidated {
				position_id: id,
				liquidator: LIQUIDATOR,
				liquidated_amount: 100_000,
				returned_collateral: 185_250,
				protocol_fee: 2_250,
				refunded_asset: 0,
			}
			.into(),
		);
		assert_eq!(before - balance(AAPL, LIQUIDATOR), 100_000);
		assert_eq!(balance(UST, LIQUIDATOR), BALANCE + 185_250);
		assert_eq!(balance(UST, COLLECTOR), 2_250);
		assert_eq!(
			Positions::<Test>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((812_500, 566_666))
		);
	});
}

#[test]
fn an_auction_that_repays_the_debt_returns_the_rest_to_the_owner() {
	run_test(|| {
		let id = open_example();
		// At 1.01 the position is just under: ⌊⌊666,666 × 1.01⌋ × 1.5⌋ = 1,009,998.
		price(AAPL, 101, 100);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666));
		// P_disc = 1.01 ÷₉ 0.8 = 1.2625: V = 841,665; fee ⌊673,332 × 0.015⌋ = 10,099.
		System::assert_has_event(
			Event::Liquidated {
				position_id: id,
				liquidator: LIQUIDATOR,
				liquidated_amount: 666_666,
				returned_collateral: 831_566,
				protocol_fee: 10_099,
				refunded_asset: 0,
			}
			.into(),
		);
		System::assert_has_event(
			Event::LeftoverReturned { position_id: id, owner: ALICE, amount: 158_335 }.into(),
		);
		System::assert_last_event(Event::PositionClosed { position_id: id }.into());
		assert_eq!(Positions::<Test>::get(id), None);
		assert_eq!(balance(UST, ALICE), BALANCE - 1_000_000 + 158_335);
		assert_eq!(ForgivenDebt::<Test>::get(AAPL), 0);
	});
}

#[test]
fn an_auction_that_exhausts_the_collateral_records_the_bad_debt() {
	run_test(|| {
		let id = open_example();
		price(AAPL, 2, 1);
		// P_disc = 2.5: V = 1,666,665 > 1,000,000, so all collateral goes and
		// ⌊666,665 × 0.4⌋ = 266,666 of the offer is refunded; 400,000 is liquidated.
		let before = balance(AAPL, LIQUIDATOR);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666));
		System::assert_has_event(
			Event::Liquidated {
				position_id: id,
				liquidator: LIQUIDATOR,
				liquidated_amount: 400_000,
				returned_collateral: 988_000,
				protocol_fee: 12_000,
				refunded_asset: 266_666,
			}
			.into(),
		);
		System::assert_has_event(
			Event::DebtForgiven { position_id: id, asset: AAPL, amount: 266_666 }.into(),
		);
		assert_eq!(before - balance(AAPL, LIQUIDATOR), 400_000);
		assert_eq!(ForgivenDebt::<Test>::get(AAPL), 266_666);
		assert_eq!(Positions::<Test>::get(id), None);
		assert_eq!(held(UST), 0);
		// The supply now counts the forgiven debt: try_state checks it after the test.
	});
}

#[test]
fn the_discount_is_capped_at_mcr_minus_one() {
	run_test(|| {
		// MCR 110 % with a 20 % discount: the auction applies 10 % (mirror-contracts #92). With
		// 20 % a liquidation at the threshold paid the liquidator more than the surplus.
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, None, Some(fx(11, 10)), None));
		price(AAPL, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_100_000,
			AAPL,
			fx(11, 10),
			None
		));
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(999_999));
		price(AAPL, 101, 100);
		// P_disc = 1.01 ÷₉ 0.9 = 1.122222222: V = 112,222 (at 20 % it would be 126,250).
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), 1, 100_000));
		System::assert_last_event(
			Event::Liquidated {
				position_id: 1,
				liquidator: LIQUIDATOR,
				liquidated_amount: 100_000,
				returned_collateral: 110_707,
				protocol_fee: 1_515,
				refunded_asset: 0,
			}
			.into(),
		);
		assert_eq!(
			Positions::<Test>::get(1).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((987_778, 899_999))
		);
	});
}

#[test]
fn auction_rejects_bad_input() {
	run_test(|| {
		let id = open_example();
		price(AAPL, 2, 1);
		let auction = |amount| Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, amount);
		assert_noop!(auction(0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), 99, 1),
			Error::<Test>::UnknownPosition
		);
		assert_noop!(auction(666_667), Error::<Test>::LiquidationExceedsDebt);
		// Bob holds no mAAPL.
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(BOB), id, 1_000),
			Error::<Test>::InsufficientBalance
		);
		set_price(AAPL, Err(PriceError::Stale));
		assert_noop!(auction(1_000), Error::<Test>::PriceUnavailable);
		assert_eq!(Mint::liquidatable(id), Err(PositionRatioError::PriceUnavailable));
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(1, 1)));
		assert_noop!(auction(1_000), Error::<Test>::AssetDelisted);
		assert_eq!(Mint::liquidatable(id), Ok(false));
	});
}

#[test]
fn revoked_collateral_can_still_be_liquidated() {
	run_test(|| {
		let id = open_example();
		set_revoked(&UST, true);
		price(AAPL, 3, 2);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 100_000));
	});
}

#[test]
fn trigger_ipo_switches_to_the_after_ipo_terms() {
	run_test(|| {
		let ipo = example_ipo();
		assert_ok!(Mint::register_asset(
			RuntimeOrigin::root(),
			OTHER,
			fx(1, 5),
			fx(10, 1),
			Some(ipo)
		));
		assert_noop!(
			Mint::trigger_ipo(RuntimeOrigin::signed(ALICE), OTHER),
			Error::<Test>::NotTriggerAccount
		);
		assert_noop!(Mint::trigger_ipo(RuntimeOrigin::signed(BOB), AAPL), Error::<Test>::NotPreIpo);
		assert_noop!(
			Mint::trigger_ipo(RuntimeOrigin::signed(BOB), UST),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(Mint::trigger_ipo(RuntimeOrigin::signed(BOB), OTHER));
		System::assert_last_event(
			Event::IpoTriggered { asset: OTHER, min_collateral_ratio: fx(3, 2) }.into(),
		);
		let config = AssetConfigs::<Test>::get(OTHER).unwrap();
		assert_eq!((config.min_collateral_ratio, config.ipo_params), (fx(3, 2), None));
		assert!(is_collateral(&OTHER));
		// Now priced by the oracle: without a feed there is no price.
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), UST, 1_000, OTHER, fx(2, 1), None),
			Error::<Test>::PriceUnavailable
		);
		price(OTHER, 2, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000,
			OTHER,
			fx(2, 1),
			None
		));
		// ⌊⌊1,000 × 0.5⌋ × 0.5⌋ = 250.
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(250));
	});
}

#[test]
fn register_migration_delists() {
	run_test(|| {
		let id = open_example();
		assert_noop!(
			Mint::register_migration(RuntimeOrigin::signed(ALICE), AAPL, fx(6, 5)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Mint::register_migration(RuntimeOrigin::root(), OTHER, fx(6, 5)),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(0, 1)),
			Error::<Test>::InvalidEndPrice
		);
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(6, 5)));
		System::assert_last_event(Event::AssetDelisted { asset: AAPL, end_price: fx(6, 5) }.into());
		let config = AssetConfigs::<Test>::get(AAPL).unwrap();
		assert_eq!((config.end_price, config.min_collateral_ratio), (Some(fx(6, 5)), fx(1, 1)));
		// As collateral, mAAPL is revoked and priced at its end price.
		assert_eq!(
			<MockCollateral as mirror_primitives::ProvideCollateralPrice>::collateral_price(
				&AAPL, 60
			)
			.map(|c| (c.price, c.is_revoked)),
			Ok((fx(6, 5), true))
		);
		// Opening, minting, depositing and updating are refused; no oracle price is needed.
		set_price(AAPL, Err(PriceError::Frozen));
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(BOB), UST, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::AssetDelisted
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None),
			Error::<Test>::AssetDelisted
		);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), id, 1),
			Error::<Test>::AssetDelisted
		);
		assert_noop!(
			Mint::update_asset(RuntimeOrigin::root(), AAPL, None, Some(fx(2, 1)), None),
			Error::<Test>::AssetDelisted
		);
		// The owner withdraws what the debt does not need at the end price and MCR 100 %:
		// ⌊666,666 × 1.2⌋ = 799,999.
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(200_001)));
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)),
			Error::<Test>::InsufficientCollateralRatio
		);
	});
}

#[test]
fn anyone_redeems_a_delisted_asset() {
	run_test(|| {
		let id = open_example();
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(6, 5)));
		// Charlie burns 100,000: min(⌊100,000 × 1.2⌋, ⌊100,000 × 1.500001500001500001⌋) = 120,000
		// redeemed, fee ⌊120,000 × 0.015⌋ = 1,800.
		assert_ok!(Mint::burn(RuntimeOrigin::signed(CHARLIE), id, 100_000));
		System::assert_has_event(
			Event::Burned { position_id: id, asset: AAPL, amount: 100_000, protocol_fee: 1_800 }
				.into(),
		);
		System::assert_last_event(
			Event::Redeemed { position_id: id, who: CHARLIE, collateral_amount: 118_200 }.into(),
		);
		assert_eq!(balance(UST, CHARLIE), BALANCE + 118_200);
		assert_eq!(
			Positions::<Test>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((880_000, 566_666))
		);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(CHARLIE), id, 566_667),
			Error::<Test>::BurnExceedsDebt
		);
	});
}

#[test]
fn redeeming_the_whole_debt_closes_the_position() {
	run_test(|| {
		let id = open_example();
		// At an end price of 2 the pro-rata share binds: ⌊666,666 × 1.500001500001500001⌋ =
		// 999,999 of the 1,000,000; the last unit goes back to Alice.
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(2, 1)));
		assert_ok!(Mint::burn(RuntimeOrigin::signed(CHARLIE), id, 666_666));
		System::assert_has_event(
			Event::Redeemed { position_id: id, who: CHARLIE, collateral_amount: 980_000 }.into(),
		);
		System::assert_last_event(Event::PositionClosed { position_id: id }.into());
		assert_eq!(Positions::<Test>::get(id), None);
		assert_eq!(balance(UST, COLLECTOR), 19_999);
		assert_eq!(balance(UST, ALICE), BALANCE - 1_000_000 + 1);
		assert_eq!(held(UST), 0);
	});
}
