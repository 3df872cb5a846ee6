//! Unit tests of the Mint pallet: every call, every error, the original's numbers by hand.

use crate::{
	mock::*, AssetConfigs, Error, Event, NextPositionId, Parameters, Positions, PositionsByAsset,
	PositionsByOwner, UnbackedSupply,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Inspect, Mutate},
	traits::tokens::Preservation,
};
use mirror_primitives::{
	AssetConfig, AssetId, IpoParams, MintParameters, Position, PositionFilter, PositionRatio,
	PositionRatioError, PriceError, ShortParams, SortOrder,
};
use sp_runtime::{DispatchError, FixedU128, Permill};

fn balance(asset: AssetId, who: u128) -> u128 {
	AllAssets::balance(asset, &who)
}

fn held(asset: AssetId) -> u128 {
	crate::Pallet::<Test>::collateral_held(&asset)
}

/// Alice opens a UST position at 150 % against mAAPL at 1 UST: the spec's example.
fn open_example() -> u64 {
	price(AAPL, 1, 1);
	assert_ok!(Mint::open_position(
		RuntimeOrigin::signed(ALICE),
		UST,
		1_000_000,
		AAPL,
		fx(3, 2),
		None
	));
	NextPositionId::<Test>::get() - 1
}

#[test]
fn genesis_registers_the_assets_and_their_collateral() {
	run_test(|| {
		assert_eq!(AssetConfigs::<Test>::get(AAPL), Some(listed()));
		assert!(is_collateral(&AAPL) && is_collateral(&TSLA));
		assert_eq!(UnbackedSupply::<Test>::get(AAPL), GENESIS_AAPL);
		assert_eq!(UnbackedSupply::<Test>::get(TSLA), 0);
		assert_eq!(NextPositionId::<Test>::get(), 1);
		assert_eq!(Parameters::<Test>::get(), MintParameters::original());
		assert_eq!(Parameters::<Test>::get().protocol_fee_rate, fx(15, 1000));
		// The collateral account keeps MIR's existential deposit.
		assert_eq!(balance(MIR, Mint::account_id()), ED);
		assert_eq!(held(MIR), 0);
	});
}

#[test]
fn open_position_mints_the_spec_example() {
	run_test(|| {
		let id = open_example();
		assert_eq!(id, 1);
		assert_eq!(
			Positions::<Test>::get(1),
			Some(Position {
				owner: ALICE,
				collateral_asset: UST,
				collateral_amount: 1_000_000,
				asset: AAPL,
				asset_amount: 666_666,
				is_short: false,
			})
		);
		System::assert_has_event(
			Event::PositionOpened {
				position_id: 1,
				owner: ALICE,
				collateral_asset: UST,
				collateral_amount: 1_000_000,
				asset: AAPL,
				minted_amount: 666_666,
				is_short: false,
			}
			.into(),
		);
		assert_eq!(balance(AAPL, ALICE), 666_666);
		assert_eq!(balance(UST, ALICE), BALANCE - 1_000_000);
		assert_eq!(held(UST), 1_000_000);
		assert_eq!(PositionsByOwner::<Test>::get(ALICE).into_inner(), vec![1]);
		assert!(PositionsByAsset::<Test>::contains_key(AAPL, 1));
		assert_eq!(NextPositionId::<Test>::get(), 2);
	});
}

#[test]
fn mir_collateral_needs_the_multiplier() {
	run_test(|| {
		price(AAPL, 180, 1);
		price(MIR, 3, 2);
		// MCR 1.5 ×₉ 1.3333334 = 2.0000001.
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(BOB), MIR, 1_000_000, AAPL, fx(2, 1), None),
			Error::<Test>::InsufficientCollateralRatio
		);
		let ratio = FixedU128::from_inner(2_000_000_100_000_000_000);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(BOB),
			MIR,
			1_000_000,
			AAPL,
			ratio,
			None
		));
		// ⌊⌊1,000,000 × (1.5 ÷₉ 180)⌋ × inv₉(2.0000001)⌋ = ⌊8,333 × 0.499999975000001249⌋ = 4,166.
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(4_166));
		assert_eq!(held(MIR), 1_000_000);
		// Worth 499,920 MIR; it needs ⌊⌊499,920 × 1.5⌋ × 1.3333334⌋ = 999,840 of its 1,000,000.
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(BOB), 1, Some(160)));
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(BOB), 1, Some(1)),
			Error::<Test>::InsufficientCollateralRatio
		);
		assert_eq!(held(MIR), 999_840);
	});
}

#[test]
fn open_position_rejects_bad_input() {
	run_test(|| {
		price(AAPL, 1, 1);
		let open = |who, collateral: AssetId, amount, asset: AssetId, ratio, short| {
			Mint::open_position(RuntimeOrigin::signed(who), collateral, amount, asset, ratio, short)
		};
		assert_noop!(open(ALICE, UST, 0, AAPL, fx(2, 1), None), Error::<Test>::ZeroAmount);
		// A short needs a pool to sell into.
		assert_noop!(
			open(ALICE, UST, 1_000, AAPL, fx(2, 1), Some(ShortParams::default())),
			DispatchError::Other("no pool")
		);
		assert_noop!(open(ALICE, UST, 1_000, OTHER, fx(2, 1), None), Error::<Test>::UnknownAsset);
		assert_noop!(open(ALICE, UST, 1_000, UST, fx(2, 1), None), Error::<Test>::UnknownAsset);
		assert_noop!(
			open(ALICE, OTHER, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(
			open(ALICE, UST, 1_000, AAPL, fx(149, 100), None),
			Error::<Test>::InsufficientCollateralRatio
		);
		assert_noop!(open(ALICE, UST, 1, AAPL, fx(2, 1), None), Error::<Test>::CollateralTooSmall);
		assert_noop!(
			open(ALICE, UST, BALANCE + 1, AAPL, fx(2, 1), None),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			open(ALICE, UST, u128::MAX, AAPL, fx(2, 1), None),
			Error::<Test>::InsufficientBalance
		);
		// u128::MAX of collateral at 1,000 mAAPL per UST is more mAAPL than a balance holds.
		price(AAPL, 1, 1_000);
		assert_noop!(open(ALICE, UST, u128::MAX, AAPL, fx(2, 1), None), Error::<Test>::Overflow);
		price(AAPL, 1, 1);
		// MIR collateral: Alice must keep her existential deposit.
		price(MIR, 1, 1);
		assert_noop!(
			open(ALICE, MIR, BALANCE, AAPL, fx(3, 1), None),
			Error::<Test>::InsufficientBalance
		);
		set_revoked(&UST, true);
		assert_noop!(
			open(ALICE, UST, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::CollateralRevoked
		);
	});
}

#[test]
fn open_position_needs_fresh_prices() {
	run_test(|| {
		// No mAsset price at all.
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), UST, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::PriceUnavailable
		);
		for error in [PriceError::Stale, PriceError::Frozen, PriceError::NoPrice] {
			set_price(AAPL, Err(error));
			assert_noop!(
				Mint::open_position(RuntimeOrigin::signed(ALICE), UST, 1_000, AAPL, fx(2, 1), None),
				Error::<Test>::PriceUnavailable
			);
		}
		// A stale collateral price fails the same way.
		price(AAPL, 1, 1);
		set_price(MIR, Err(PriceError::Stale));
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), MIR, 1_000, AAPL, fx(3, 1), None),
			Error::<Test>::PriceUnavailable
		);
	});
}

#[test]
fn an_owner_holds_a_bounded_number_of_positions() {
	run_test(|| {
		price(AAPL, 1, 1);
		for _ in 0..5 {
			assert_ok!(Mint::open_position(
				RuntimeOrigin::signed(ALICE),
				UST,
				1_000,
				AAPL,
				fx(2, 1),
				None
			));
		}
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), UST, 1_000, AAPL, fx(2, 1), None),
			Error::<Test>::TooManyPositions
		);
		// Closing one frees a slot.
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), 3, 500));
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), 3, None));
		assert_eq!(PositionsByOwner::<Test>::get(ALICE).into_inner(), vec![1, 2, 4, 5]);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000,
			AAPL,
			fx(2, 1),
			None
		));
		assert_eq!(PositionsByOwner::<Test>::get(ALICE).into_inner(), vec![1, 2, 4, 5, 6]);
	});
}

#[test]
fn deposit_adds_collateral_without_a_price() {
	run_test(|| {
		let id = open_example();
		set_price(AAPL, Err(PriceError::Stale));
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(ALICE), id, 500));
		System::assert_last_event(
			Event::Deposited { position_id: id, collateral_asset: UST, amount: 500 }.into(),
		);
		assert_eq!(Positions::<Test>::get(id).map(|p| p.collateral_amount), Some(1_000_500));
		assert_eq!(held(UST), 1_000_500);
	});
}

#[test]
fn deposit_rejects_bad_input() {
	run_test(|| {
		let id = open_example();
		assert_noop!(Mint::deposit(RuntimeOrigin::signed(ALICE), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), 7, 1),
			Error::<Test>::UnknownPosition
		);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(BOB), id, 1),
			Error::<Test>::NotPositionOwner
		);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), id, BALANCE),
			Error::<Test>::InsufficientBalance
		);
		set_revoked(&UST, true);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), id, 1),
			Error::<Test>::CollateralRevoked
		);
	});
}

#[test]
fn withdraw_keeps_the_minimum_ratio() {
	run_test(|| {
		let id = open_example();
		// 666,666 mAAPL at 1 need ⌊666,666 × 1.5⌋ = 999,999 UST: 1 is free.
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(2)),
			Error::<Test>::InsufficientCollateralRatio
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, None),
			Error::<Test>::InsufficientCollateralRatio
		);
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)));
		System::assert_last_event(
			Event::Withdrawn { position_id: id, collateral_asset: UST, amount: 1 }.into(),
		);
		assert_eq!(balance(UST, ALICE), BALANCE - 999_999);
		// The price fell: more is free.
		price(AAPL, 1, 2);
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(499_999)));
		assert_eq!(Positions::<Test>::get(id).map(|p| p.collateral_amount), Some(500_000));
		// No fee on withdrawal.
		assert_eq!(balance(UST, COLLECTOR), 0);
	});
}

#[test]
fn withdraw_rejects_bad_input() {
	run_test(|| {
		let id = open_example();
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), 9, Some(1)),
			Error::<Test>::UnknownPosition
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(BOB), id, Some(1)),
			Error::<Test>::NotPositionOwner
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(0)),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1_000_001)),
			Error::<Test>::WithdrawExceedsCollateral
		);
		set_price(AAPL, Err(PriceError::Stale));
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)),
			Error::<Test>::PriceUnavailable
		);
	});
}

#[test]
fn a_repaid_position_withdraws_without_a_price_and_closes() {
	run_test(|| {
		let id = open_example();
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 666_666));
		// Fee ⌊666,666 × 1 × 0.015⌋ = 9,999.
		let left = 1_000_000 - 9_999;
		assert_eq!(
			Positions::<Test>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((left, 0))
		);
		// Feeds stop; the collateral can still leave, and even when revoked.
		set_price(AAPL, Err(PriceError::Frozen));
		set_revoked(&UST, true);
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, None));
		System::assert_has_event(
			Event::Withdrawn { position_id: id, collateral_asset: UST, amount: left }.into(),
		);
		System::assert_last_event(Event::PositionClosed { position_id: id }.into());
		assert_eq!(Positions::<Test>::get(id), None);
		assert!(!PositionsByOwner::<Test>::contains_key(ALICE));
		assert!(!PositionsByAsset::<Test>::contains_key(AAPL, id));
		assert_eq!(balance(UST, ALICE), BALANCE - 9_999);
		assert_eq!(held(UST), 0);
	});
}

#[test]
fn revoked_collateral_can_leave_a_position_with_debt() {
	run_test(|| {
		let id = open_example();
		set_revoked(&UST, true);
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), id, Some(1)));
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None),
			Error::<Test>::CollateralRevoked
		);
	});
}

#[test]
fn mint_more_up_to_the_minimum_ratio() {
	run_test(|| {
		price(AAPL, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000_000,
			AAPL,
			fx(3, 1),
			None
		));
		// ⌊1,000,000 × inv₉(3)⌋ = ⌊1,000,000 × 0.333333333333333333⌋ = 333,333.
		assert_eq!(balance(AAPL, ALICE), 333_333);
		// At 150 % the position may owe 666,666: ⌊666,666 × 1.5⌋ = 999,999 ≤ 1,000,000; 666,667
		// needs 1,000,000.5 → 1,000,000 (floored) and still passes; 666,668 does not.
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), 1, 333_335, None),
			Error::<Test>::InsufficientCollateralRatio
		);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), 1, 333_334, None));
		System::assert_has_event(
			Event::Minted { position_id: 1, asset: AAPL, amount: 333_334 }.into(),
		);
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(666_667));
		assert_eq!(balance(AAPL, ALICE), 666_667);
		assert_eq!(AllAssets::total_issuance(AAPL), 666_667 + GENESIS_AAPL);
	});
}

#[test]
fn mint_rejects_bad_input() {
	run_test(|| {
		let id = open_example();
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 0, None),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), 5, 1, None),
			Error::<Test>::UnknownPosition
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(BOB), id, 1, None),
			Error::<Test>::NotPositionOwner
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, u128::MAX, None),
			Error::<Test>::Overflow
		);
		set_price(AAPL, Err(PriceError::Stale));
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None),
			Error::<Test>::PriceUnavailable
		);
	});
}

#[test]
fn burn_pays_the_protocol_fee_from_collateral() {
	run_test(|| {
		let id = open_example();
		// mAAPL doubled: burning 100,000 costs ⌊⌊100,000 × 2⌋ × 0.015⌋ = 3,000 UST of fee.
		price(AAPL, 2, 1);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 100_000));
		System::assert_last_event(
			Event::Burned { position_id: id, asset: AAPL, amount: 100_000, protocol_fee: 3_000 }
				.into(),
		);
		assert_eq!(
			Positions::<Test>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((997_000, 566_666))
		);
		assert_eq!(balance(UST, COLLECTOR), 3_000);
		assert_eq!(balance(AAPL, ALICE), 566_666);
		assert_eq!(held(UST), 997_000);
	});
}

#[test]
fn burn_rejects_bad_input() {
	run_test(|| {
		let id = open_example();
		assert_noop!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), 4, 1),
			Error::<Test>::UnknownPosition
		);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(BOB), id, 1),
			Error::<Test>::NotPositionOwner
		);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), id, 666_667),
			Error::<Test>::BurnExceedsDebt
		);
		// Alice gave her mAssets away.
		assert_ok!(AllAssets::transfer(AAPL, &ALICE, &BOB, 666_000, Preservation::Expendable));
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), id, 1_000),
			Error::<Test>::InsufficientBalance
		);
		set_price(AAPL, Err(PriceError::Stale));
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), id, 1),
			Error::<Test>::PriceUnavailable
		);
	});
}

#[test]
fn a_fee_above_the_collateral_fails() {
	run_test(|| {
		price(AAPL, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000,
			AAPL,
			fx(3, 2),
			None
		));
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(666));
		// 666 mAAPL at 100,000 UST: fee ⌊66,600,000 × 0.015⌋ = 999,000 > 1,000 UST of collateral.
		price(AAPL, 100_000, 1);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), 1, 666),
			Error::<Test>::InsufficientCollateralForFee
		);
	});
}

#[test]
fn pre_ipo_assets_use_their_fixed_price_and_window() {
	run_test(|| {
		let ipo = example_ipo();
		let config = AssetConfig {
			auction_discount: fx(1, 5),
			min_collateral_ratio: fx(2, 1),
			end_price: None,
			ipo_params: Some(ipo),
		};
		assert_ok!(Mint::register_asset(
			RuntimeOrigin::root(),
			OTHER,
			fx(1, 5),
			fx(2, 1),
			config.ipo_params.clone()
		));
		// Pre-IPO assets are not collateral.
		assert!(!is_collateral(&OTHER));
		assert_eq!(UnbackedSupply::<Test>::get(OTHER), 3 * BALANCE);
		// No oracle price is needed: 1,000,000 UST at 200 % and 50 UST mints 10,000.
		price(MIR, 1, 1);
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(ALICE),
				MIR,
				1_000_000,
				OTHER,
				fx(3, 1),
				None
			),
			Error::<Test>::PreIpoCollateralNotUst
		);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			1_000_000,
			OTHER,
			fx(2, 1),
			None
		));
		assert_eq!(Positions::<Test>::get(1).map(|p| p.asset_amount), Some(10_000));
		set_time(T0 + 101);
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(ALICE),
				UST,
				1_000_000,
				OTHER,
				fx(2, 1),
				None
			),
			Error::<Test>::MintPeriodEnded
		);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), 1, 1, None),
			Error::<Test>::MintPeriodEnded
		);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), 1, 1),
			Error::<Test>::MintPeriodEnded
		);
		// Deposits and withdrawals go on.
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(ALICE), 1, 10));
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(ALICE), 1, Some(10)));
	});
}

#[test]
fn register_asset_validates_and_registers_collateral() {
	run_test(|| {
		let register = |asset: AssetId, discount, ratio| {
			Mint::register_asset(RuntimeOrigin::root(), asset, discount, ratio, None)
		};
		assert_noop!(
			Mint::register_asset(RuntimeOrigin::signed(ALICE), OTHER, fx(1, 5), fx(3, 2), None),
			DispatchError::BadOrigin
		);
		assert_noop!(register(OTHER, fx(11, 10), fx(3, 2)), Error::<Test>::InvalidAuctionDiscount);
		assert_noop!(
			register(OTHER, fx(1, 5), fx(109, 100)),
			Error::<Test>::MinCollateralRatioTooLow
		);
		assert_noop!(register(UST, fx(1, 5), fx(3, 2)), Error::<Test>::InvalidAsset);
		assert_noop!(register(MIR, fx(1, 5), fx(3, 2)), Error::<Test>::InvalidAsset);
		// Found by the fuzzer: an LP token registered as an mAsset broke Mint's books at the
		// next liquidity deposit (its supply moved without a position).
		assert_noop!(register(FOREIGN, fx(1, 5), fx(3, 2)), Error::<Test>::InvalidAsset);
		assert_noop!(
			register(AssetId::WithId(77), fx(1, 5), fx(3, 2)),
			Error::<Test>::InvalidAsset
		);
		assert_noop!(register(AAPL, fx(1, 5), fx(3, 2)), Error::<Test>::AssetAlreadyRegistered);
		let bad_ipo = IpoParams {
			mint_end: T0,
			pre_ipo_price: fx(1, 1),
			min_collateral_ratio_after_ipo: fx(1, 1),
			trigger_account: BOB,
		};
		assert_noop!(
			Mint::register_asset(
				RuntimeOrigin::root(),
				OTHER,
				fx(1, 5),
				fx(3, 2),
				Some(bad_ipo.clone())
			),
			Error::<Test>::MinCollateralRatioTooLow
		);
		let free_ipo = IpoParams {
			pre_ipo_price: FixedU128::from_inner(0),
			min_collateral_ratio_after_ipo: fx(3, 2),
			..bad_ipo
		};
		assert_noop!(
			Mint::register_asset(RuntimeOrigin::root(), OTHER, fx(1, 5), fx(3, 2), Some(free_ipo)),
			Error::<Test>::InvalidPreIpoPrice
		);
		// Exactly 110 % and a discount of 1 are allowed.
		assert_ok!(register(OTHER, fx(1, 1), fx(11, 10)));
		let config = AssetConfig {
			auction_discount: fx(1, 1),
			min_collateral_ratio: fx(11, 10),
			end_price: None,
			ipo_params: None,
		};
		System::assert_last_event(
			Event::AssetRegistered { asset: OTHER, config: config.clone() }.into(),
		);
		assert_eq!(AssetConfigs::<Test>::get(OTHER), Some(config));
		assert!(is_collateral(&OTHER));
	});
}

#[test]
fn register_asset_fails_whole_when_the_asset_is_already_collateral() {
	run_test(|| {
		assert_ok!(<MockCollateral as mirror_primitives::CollateralRegistry>::register_collateral(
			OTHER,
			mirror_primitives::PriceSource::Oracle,
			fx(1, 1)
		));
		assert_noop!(
			Mint::register_asset(RuntimeOrigin::root(), OTHER, fx(1, 5), fx(3, 2), None),
			DispatchError::Other("Collateral was already registered")
		);
		assert_eq!(AssetConfigs::<Test>::get(OTHER), None);
	});
}

#[test]
fn update_asset_changes_given_fields() {
	run_test(|| {
		assert_noop!(
			Mint::update_asset(RuntimeOrigin::signed(ALICE), AAPL, None, None, None),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Mint::update_asset(RuntimeOrigin::root(), OTHER, None, None, None),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Mint::update_asset(RuntimeOrigin::root(), AAPL, None, Some(fx(1, 1)), None),
			Error::<Test>::MinCollateralRatioTooLow
		);
		assert_noop!(
			Mint::update_asset(RuntimeOrigin::root(), AAPL, Some(fx(2, 1)), None, None),
			Error::<Test>::InvalidAuctionDiscount
		);
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, None, Some(fx(13, 10)), None));
		let config = AssetConfig { min_collateral_ratio: fx(13, 10), ..listed() };
		System::assert_last_event(
			Event::AssetUpdated { asset: AAPL, config: config.clone() }.into(),
		);
		assert_eq!(AssetConfigs::<Test>::get(AAPL), Some(config));
		// The new ratio applies to open positions at once: 1,000,000 at MCR 1.3 can owe 769,231
		// (⌊769,231 × 1.3⌋ = 1,000,000).
		let id = open_example();
		assert_eq!(Positions::<Test>::get(id).map(|p| p.asset_amount), Some(666_666));
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), id, 769_231 - 666_666, None));
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None),
			Error::<Test>::InsufficientCollateralRatio
		);
	});
}

#[test]
fn update_config_validates() {
	run_test(|| {
		assert_noop!(
			Mint::update_config(
				RuntimeOrigin::signed(ALICE),
				None,
				None,
				None,
				None,
				None,
				None,
				None
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Mint::update_config(
				RuntimeOrigin::root(),
				Some(fx(1, 1)),
				None,
				None,
				None,
				None,
				None,
				None
			),
			Error::<Test>::InvalidProtocolFeeRate
		);
		assert_noop!(
			Mint::update_config(RuntimeOrigin::root(), None, Some(0), None, None, None, None, None),
			Error::<Test>::InvalidPriceMaxAge
		);
		assert_noop!(
			Mint::update_config(
				RuntimeOrigin::root(),
				None,
				None,
				None,
				Some(Permill::zero()),
				None,
				None,
				None
			),
			Error::<Test>::InvalidCloseFactor
		);
		assert_ok!(Mint::update_config(
			RuntimeOrigin::root(),
			Some(fx(1, 100)),
			None,
			Some(120),
			Some(Permill::from_percent(40)),
			Some(Permill::from_percent(90)),
			Some(7),
			Some(600),
		));
		let parameters = MintParameters {
			protocol_fee_rate: fx(1, 100),
			price_max_age: 60,
			lock_period: 120,
			close_factor: Permill::from_percent(40),
			full_liquidation_ratio: Permill::from_percent(90),
			min_debt_value: 7,
			risk_change_delay: 600,
		};
		System::assert_last_event(Event::ParametersUpdated { parameters }.into());
		assert_eq!(Parameters::<Test>::get(), parameters);
		// A zero fee burns without paying the collector.
		assert_ok!(Mint::update_config(
			RuntimeOrigin::root(),
			Some(fx(0, 1)),
			None,
			None,
			None,
			None,
			None,
			None
		));
		let id = open_example();
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 1_000));
		System::assert_last_event(
			Event::Burned { position_id: id, asset: AAPL, amount: 1_000, protocol_fee: 0 }.into(),
		);
		assert_eq!(balance(UST, COLLECTOR), 0);
	});
}

#[test]
fn listings_page_by_owner_asset_and_id() {
	run_test(|| {
		price(AAPL, 1, 1);
		price(TSLA, 1, 1);
		for (who, asset) in [(ALICE, AAPL), (BOB, TSLA), (ALICE, TSLA), (BOB, AAPL), (ALICE, AAPL)]
		{
			assert_ok!(Mint::open_position(
				RuntimeOrigin::signed(who),
				UST,
				10_000,
				asset,
				fx(2, 1),
				None
			));
		}
		// Close position 2.
		assert_ok!(Mint::burn(RuntimeOrigin::signed(BOB), 2, 5_000));
		assert_ok!(Mint::withdraw(RuntimeOrigin::signed(BOB), 2, None));
		let ids = |filter, after, limit, order| -> Vec<u64> {
			Mint::positions(filter, after, limit, order).into_iter().map(|(id, _)| id).collect()
		};
		use SortOrder::*;
		assert_eq!(ids(PositionFilter::All, None, 0, Ascending), vec![1, 3, 4, 5]);
		assert_eq!(ids(PositionFilter::All, None, 0, Descending), vec![5, 4, 3, 1]);
		assert_eq!(ids(PositionFilter::All, Some(4), 0, Descending), vec![3, 1]);
		assert_eq!(ids(PositionFilter::All, Some(1), 2, Ascending), vec![3, 4]);
		assert_eq!(ids(PositionFilter::All, Some(99), 0, Descending), vec![5, 4, 3, 1]);
		assert_eq!(ids(PositionFilter::Owner(ALICE), None, 0, Descending), vec![5, 3, 1]);
		assert_eq!(ids(PositionFilter::Owner(ALICE), Some(1), 1, Ascending), vec![3]);
		assert_eq!(ids(PositionFilter::Owner(CHARLIE), None, 0, Ascending), Vec::<u64>::new());
		assert_eq!(ids(PositionFilter::Asset(AAPL), None, 0, Ascending), vec![1, 4, 5]);
		assert_eq!(ids(PositionFilter::Asset(AAPL), Some(5), 0, Descending), vec![4, 1]);
		assert_eq!(ids(PositionFilter::Asset(TSLA), None, 0, Descending), vec![3]);
		// At most 30 per page.
		assert_eq!(Mint::positions(PositionFilter::All, None, 1_000, Ascending).len(), 4);
		let (_, first) = &Mint::positions(PositionFilter::All, None, 1, Ascending)[0];
		assert_eq!(first.owner, ALICE);
	});
}

#[test]
fn collateral_ratio_reports_health() {
	run_test(|| {
		let id = open_example();
		assert_eq!(
			Mint::collateral_ratio(id),
			Ok(PositionRatio {
				// 1,000,000 / 666,666 = 1.500001500001500001
				collateral_ratio: Some(FixedU128::from_inner(1_500_001_500_001_500_001)),
				required_ratio: fx(3, 2),
				scheduled: None,
			})
		);
		assert_eq!(Mint::collateral_ratio(42), Err(PositionRatioError::UnknownPosition));
		set_price(AAPL, Err(PriceError::Stale));
		assert_eq!(Mint::collateral_ratio(id), Err(PositionRatioError::PriceUnavailable));
		price(AAPL, 1, 1);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 666_666));
		assert_eq!(Mint::collateral_ratio(id).map(|r| r.collateral_ratio), Ok(None));
	});
}

#[test]
fn try_state_catches_a_collateral_mismatch() {
	new_test_ext().execute_with(|| {
		let id = open_example();
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		Positions::<Test>::mutate(id, |p| {
			if let Some(p) = p {
				p.collateral_amount += 1;
			}
		});
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_unbacked_mint() {
	new_test_ext().execute_with(|| {
		let _ = open_example();
		assert_ok!(AllAssets::mint_into(AAPL, &BOB, 1));
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}

#[test]
fn issue_unbacked_records_genesis_supply() {
	use mirror_primitives::MintRegistry;
	run_test(|| {
		let before = UnbackedSupply::<Test>::get(AAPL);
		let bob = balance(AAPL, BOB);
		assert_ok!(<crate::Pallet<Test> as MintRegistry<_>>::issue_unbacked(&AAPL, &BOB, 500));
		assert_eq!(UnbackedSupply::<Test>::get(AAPL), before + 500);
		assert_eq!(balance(AAPL, BOB), bob + 500);
		// Only registered mAssets, and the record cannot overflow.
		assert_noop!(
			<crate::Pallet<Test> as MintRegistry<_>>::issue_unbacked(&UST, &BOB, 1),
			Error::<Test>::UnknownAsset
		);
		UnbackedSupply::<Test>::insert(AAPL, u128::MAX);
		assert_noop!(
			<crate::Pallet<Test> as MintRegistry<_>>::issue_unbacked(&AAPL, &BOB, 1),
			Error::<Test>::Overflow
		);
		UnbackedSupply::<Test>::insert(AAPL, before + 500);
	});
}

#[path = "tests/properties.rs"]
mod properties;

#[path = "tests/liquidation.rs"]
mod liquidation;

#[path = "tests/shorts.rs"]
mod shorts;

#[path = "tests/contested.rs"]
mod contested;

#[path = "tests/protection.rs"]
mod protection;

// --- hardening: explicit meanings for what used to be silent or generic -----------------------

#[test]
fn update_asset_sets_and_clears_pre_ipo_terms() {
	run_test(|| {
		let ipo = example_ipo();
		// `None`: unchanged.
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, None, None, None));
		assert_eq!(AssetConfigs::<Test>::get(AAPL).and_then(|c| c.ipo_params), None);
		// `Some(Some(_))`: set.
		assert_ok!(Mint::update_asset(
			RuntimeOrigin::root(),
			AAPL,
			None,
			Some(fx(2, 1)),
			Some(Some(ipo.clone()))
		));
		assert_eq!(AssetConfigs::<Test>::get(AAPL).and_then(|c| c.ipo_params), Some(ipo.clone()));
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, None, None, None));
		assert_eq!(AssetConfigs::<Test>::get(AAPL).and_then(|c| c.ipo_params), Some(ipo));
		// `Some(None)`: cleared; the asset is priced by the oracle again.
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, None, None, Some(None)));
		let config = AssetConfigs::<Test>::get(AAPL).expect("listed");
		assert_eq!(config.ipo_params, None);
		System::assert_last_event(Event::AssetUpdated { asset: AAPL, config }.into());
	});
}

#[test]
fn minting_a_long_position_with_short_params_is_refused() {
	run_test(|| {
		let id = open_example();
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, Some(ShortParams::default())),
			Error::<Test>::ShortParamsOnLongPosition
		);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), id, 1, None));
	});
}

#[test]
fn a_deposit_above_the_balance_is_insufficient_balance_not_overflow() {
	run_test(|| {
		let id = open_example();
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), id, u128::MAX),
			Error::<Test>::InsufficientBalance
		);
		let held = balance(UST, ALICE);
		assert_noop!(
			Mint::deposit(RuntimeOrigin::signed(ALICE), id, held + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}
