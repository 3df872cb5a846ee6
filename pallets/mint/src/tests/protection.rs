//! Liquidation protection: the close factor, the least debt ("dust") and the grace period of
//! risk raises, at every boundary (`docs/mint.md`, "Liquidation protection").

use super::*;
use crate::{math, migrations, ScheduledMinCollateralRatios, Valuation};
use mirror_primitives::{AuctionQuote, ScheduledChange};
use mirror_test_kit::collateral;

const LIQUIDATOR: u128 = CHARLIE;
const DAY: u64 = 86_400;

/// Mainnet's protection with a least debt of 0.1 UST (the tests' positions are a few UST).
fn protect() -> MintParameters {
	let parameters = MintParameters { min_debt_value: 100_000, ..MintParameters::default() };
	Parameters::<Test>::put(parameters);
	parameters
}

fn debt_of(id: u64) -> u128 {
	Positions::<Test>::get(id).map(|p| p.asset_amount).unwrap_or_default()
}

fn collateral_of(id: u64) -> u128 {
	Positions::<Test>::get(id).map(|p| p.collateral_amount).unwrap_or_default()
}

fn valuation(asset_price: FixedU128) -> Valuation {
	Valuation { collateral_price: fx(1, 1), asset_price, multiplier: fx(1, 1) }
}

// --- The close factor -------------------------------------------------------------------------

#[test]
fn an_offer_above_the_close_factor_is_served_to_the_limit_and_refunded() {
	run_test(|| {
		protect();
		let id = open_example();
		// At 1.01 the position is liquidatable (threshold 1,009,998 ≥ 1,000,000) but not deep
		// (1,000,000 ≥ ⌊0.95 × 1,009,998⌋): one auction repays at most ⌊50 % × 666,666⌋.
		price(AAPL, 101, 100);
		let (_, quote) = Mint::quote_auction(id, 666_666).unwrap();
		assert_eq!((quote.liquidated_amount, quote.refunded_asset), (333_333, 333_333));
		assert_eq!((quote.leftover_collateral, quote.forgiven_debt), (0, 0));
		let before = balance(AAPL, LIQUIDATOR);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666));
		// Only the limit was burned; the owner keeps the rest of the position.
		assert_eq!(before - balance(AAPL, LIQUIDATOR), 333_333);
		assert_eq!(debt_of(id), 333_333);
		// docs/mint.md's worked example: ⌊333,333 × 1.2625⌋ = 420,832, of which 5,049 is fee.
		assert_eq!((quote.returned_collateral, quote.protocol_fee), (420_832 - 5_049, 5_049));
		assert_eq!(collateral_of(id), 579_168);
		System::assert_last_event(
			Event::Liquidated {
				position_id: id,
				liquidator: LIQUIDATOR,
				liquidated_amount: 333_333,
				returned_collateral: quote.returned_collateral,
				protocol_fee: quote.protocol_fee,
				refunded_asset: 333_333,
			}
			.into(),
		);
		// The ratio rose above the required 150 %: no second auction at this price.
		assert_eq!(Mint::liquidatable(id), Ok(false));
		// A request at the limit or below is served whole (at 1.2: liquidatable, not deep, and a
		// partial auction still helps).
		price(AAPL, 6, 5);
		let (_, quote) = Mint::quote_auction(id, 1_000).unwrap();
		assert_eq!((quote.liquidated_amount, quote.refunded_asset), (1_000, 0));
		// More than the debt is still an error.
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 333_334),
			Error::<Test>::LiquidationExceedsDebt
		);
	});
}

#[test]
fn a_position_deep_under_water_may_be_auctioned_whole() {
	run_test(|| {
		protect();
		let id = open_example();
		// At 1.1 the collateral is 90.9 % of the threshold ⌊733,332 × 1.5⌋ = 1,099,998: below 95 %.
		price(AAPL, 11, 10);
		let (_, quote) = Mint::quote_auction(id, 666_666).unwrap();
		assert_eq!(quote.liquidated_amount, 666_666);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666));
		assert!(Positions::<Test>::get(id).is_none());
	});
}

#[test]
fn the_full_liquidation_ratio_boundary_is_at_or_above() {
	let v = valuation(fx(1, 1));
	let parameters = MintParameters {
		full_liquidation_ratio: Permill::from_percent(95),
		..MintParameters::original()
	};
	let parameters = MintParameters { close_factor: Permill::from_percent(50), ..parameters };
	let config = listed();
	let (debt, threshold) = (1_000_000u128, 1_500_000u128);
	let boundary = Permill::from_percent(95).mul_floor(threshold);
	// Exactly at 95 % of the threshold: partial.
	assert_eq!(
		math::repay_limit(debt, boundary, threshold, &v, &config, &parameters).map(|l| l.limit),
		Some(500_000)
	);
	// One unit below: whole.
	assert_eq!(
		math::repay_limit(debt, boundary - 1, threshold, &v, &config, &parameters).map(|l| l.limit),
		Some(debt)
	);
	// A 100 % close factor is the original: whole, whatever the ratio.
	let original = MintParameters::original();
	assert_eq!(
		math::repay_limit(debt, boundary, threshold, &v, &config, &original).map(|l| l.limit),
		Some(debt)
	);
}

#[test]
fn a_ratio_too_low_for_a_partial_auction_to_help_allows_the_whole_debt() {
	// No deep-water rule here: only the discount decides. P_disc = 1 ÷ 0.8 = 1.25.
	let v = valuation(fx(1, 1));
	let parameters =
		MintParameters { close_factor: Permill::from_percent(50), ..MintParameters::original() };
	let config = listed();
	let debt = 1_000_000u128;
	let at_discount =
		math::discounted_price(&v, config.min_collateral_ratio, config.auction_discount)
			.and_then(|p| mirror_primitives::decimal::mul_floor(debt, p))
			.unwrap();
	assert_eq!(at_discount, 1_250_000);
	// Collateral worth exactly the debt at the discounted price (ratio 1/(1 − 0.2)): a partial
	// auction could not raise the ratio, so the whole debt may go.
	assert_eq!(
		math::repay_limit(debt, at_discount, 1_500_000, &v, &config, &parameters).map(|l| l.limit),
		Some(debt)
	);
	assert_eq!(
		math::repay_limit(debt, at_discount, 1_500_000, &v, &config, &parameters)
			.map(|l| l.must_close),
		Some(true)
	);
	// One unit more and a partial auction raises it: the close factor holds.
	assert_eq!(
		math::repay_limit(debt, at_discount + 1, 1_500_000, &v, &config, &parameters)
			.map(|l| l.limit),
		Some(500_000)
	);
}

#[test]
fn a_position_a_partial_auction_cannot_help_must_be_closed() {
	run_test(|| {
		protect();
		let id = open_example();
		// At 1.25: ⌊666,666 × 1.25 ÷ 0.8⌋ = 1,041,665 ≥ 1,000,000; any partial auction would
		// take more collateral per unit than backs it.
		price(AAPL, 5, 4);
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 100_000),
			Error::<Test>::PartialAuctionLowersRatio
		);
		let (_, quote) = Mint::quote_auction(id, 666_666).unwrap();
		assert_eq!(quote.returned_collateral + quote.protocol_fee, 1_000_000);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666));
		assert!(Positions::<Test>::get(id).is_none());
		assert_eq!(crate::ForgivenDebt::<Test>::get(AAPL), quote.forgiven_debt);
	});
}

#[test]
fn a_rest_that_would_be_dust_allows_the_whole_debt() {
	let v = valuation(fx(1, 1));
	let config = listed();
	let debt = 1_000_000u128;
	let at = |min_debt_value| MintParameters {
		close_factor: Permill::from_percent(50),
		min_debt_value,
		..MintParameters::original()
	};
	// The rest after half is 500,000 UST: exactly the minimum is not dust.
	assert_eq!(
		math::repay_limit(debt, 1_400_000, 1_500_000, &v, &config, &at(500_000)).map(|l| l.limit),
		Some(500_000)
	);
	assert_eq!(
		math::repay_limit(debt, 1_400_000, 1_500_000, &v, &config, &at(500_001)).map(|l| l.limit),
		Some(debt)
	);
	// A debt too small to split (half of one unit is nothing) goes whole.
	assert_eq!(math::repay_limit(1, 2, 2, &v, &config, &at(0)).map(|l| l.limit), Some(1));
}

#[test]
fn a_partial_auction_may_not_leave_dust() {
	run_test(|| {
		let parameters = protect();
		let id = open_example();
		price(AAPL, 101, 100);
		// Under the close factor the limit keeps the rest above the minimum: a request for all
		// but 99,000 is served up to half.
		assert_eq!(
			Mint::quote_auction(id, 666_666 - 99_000).map(|(_, q)| q.liquidated_amount),
			Ok(333_333)
		);
		// Where the whole debt may go (here: the close factor off), leaving 99,000 mAAPL
		// (⌊99,000 × 1.01⌋ = 99,990 UST < 100,000) is dust.
		Parameters::<Test>::put(MintParameters { close_factor: Permill::one(), ..parameters });
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666 - 99_000),
			Error::<Test>::DebtBelowMinimum
		);
		// ⌊99,010 × 1.01⌋ = 100,000: exactly the minimum.
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 666_666 - 99_010));
		assert_eq!(debt_of(id), 99_010);
	});
}

// --- Dust on opening, minting and burning --------------------------------------------------

#[test]
fn opening_needs_the_least_debt() {
	run_test(|| {
		protect();
		price(AAPL, 1, 1);
		// At 200 % 199,998 UST mints 99,999 mAAPL: dust.
		assert_noop!(
			Mint::open_position(RuntimeOrigin::signed(ALICE), UST, 199_998, AAPL, fx(2, 1), None),
			Error::<Test>::DebtBelowMinimum
		);
		// 200,000 UST mints 100,000: exactly the minimum.
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			200_000,
			AAPL,
			fx(2, 1),
			None
		));
		assert_eq!(debt_of(1), 100_000);
	});
}

#[test]
fn burning_leaves_no_debt_or_at_least_the_minimum() {
	run_test(|| {
		protect();
		price(AAPL, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			400_000,
			AAPL,
			fx(2, 1),
			None
		));
		// 200,000 owed: burning 100,001 leaves 99,999.
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), 1, 100_001),
			Error::<Test>::DebtBelowMinimum
		);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), 1, 100_000));
		assert_eq!(debt_of(1), 100_000);
		// All of it is always fine.
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), 1, 100_000));
		assert_eq!(debt_of(1), 0);
	});
}

#[test]
fn a_debt_below_a_raised_minimum_may_be_repaid_or_grown_but_not_shrunk() {
	run_test(|| {
		price(AAPL, 1, 1);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(ALICE),
			UST,
			100_000,
			AAPL,
			fx(2, 1),
			None
		));
		assert_eq!(debt_of(1), 50_000);
		protect();
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(ALICE), 1, 200_000));
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(ALICE), 1, 49_999, None),
			Error::<Test>::DebtBelowMinimum
		);
		assert_noop!(
			Mint::burn(RuntimeOrigin::signed(ALICE), 1, 1),
			Error::<Test>::DebtBelowMinimum
		);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(ALICE), 1, 50_000, None));
		assert_eq!(debt_of(1), 100_000);
	});
}

// --- The grace period --------------------------------------------------------------------

fn raise_mcr(ratio: FixedU128) -> DispatchResult {
	Mint::update_asset(RuntimeOrigin::root(), AAPL, None, Some(ratio), None)
}

use sp_runtime::DispatchResult;

#[test]
fn a_raised_mcr_waits_for_the_delay_and_the_owner_can_top_up() {
	run_test(|| {
		protect();
		let id = open_example();
		assert_ok!(raise_mcr(fx(2, 1)));
		let change = ScheduledChange { value: fx(2, 1), effective_at: T0 + DAY };
		System::assert_last_event(
			Event::RiskChangeScheduled {
				asset: AAPL,
				min_collateral_ratio: fx(2, 1),
				effective_at: T0 + DAY,
			}
			.into(),
		);
		// Nothing changes before its time: the config, the threshold, what may be minted.
		assert_eq!(AssetConfigs::<Test>::get(AAPL), Some(listed()));
		assert_eq!(Mint::asset_config(&AAPL), Some(listed()));
		assert_eq!(Mint::scheduled_min_collateral_ratio(&AAPL), Some(change));
		set_time(T0 + DAY - 1);
		price(AAPL, 1, 1);
		assert_eq!(Mint::liquidatable(id), Ok(false));
		let ratio = Mint::collateral_ratio(id).unwrap();
		assert_eq!(ratio.required_ratio, fx(3, 2));
		assert_eq!(ratio.scheduled, Some(change));
		assert_eq!(
			Mint::positions_at_risk(&ALICE).into_iter().map(|(i, _)| i).collect::<Vec<_>>(),
			vec![id]
		);
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 1_000),
			Error::<Test>::PositionSafelyCollateralized
		);
		// From its time on it is the MCR, with no call in between.
		set_time(T0 + DAY);
		price(AAPL, 1, 1);
		assert_eq!(Mint::liquidatable(id), Ok(true));
		assert_eq!(Mint::asset_config(&AAPL).map(|c| c.min_collateral_ratio), Some(fx(2, 1)));
		assert_eq!(Mint::scheduled_min_collateral_ratio(&AAPL), None);
		assert_eq!(
			Mint::collateral_ratio(id).map(|r| (r.required_ratio, r.scheduled)),
			Ok((fx(2, 1), None))
		);
	});
}

#[test]
fn an_owner_who_tops_up_in_the_grace_period_is_never_liquidatable() {
	run_test(|| {
		protect();
		let id = open_example();
		assert_ok!(raise_mcr(fx(2, 1)));
		// ⌊666,666 × 2⌋ = 1,333,332 must stay below the collateral: add 333,333.
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(ALICE), id, 333_333));
		assert!(Mint::positions_at_risk(&ALICE).is_empty());
		set_time(T0 + DAY);
		price(AAPL, 1, 1);
		assert_eq!(Mint::liquidatable(id), Ok(false));
	});
}

#[test]
fn lowering_the_mcr_applies_at_once_and_drops_a_pending_raise() {
	run_test(|| {
		protect();
		assert_ok!(raise_mcr(fx(2, 1)));
		assert_ok!(raise_mcr(fx(13, 10)));
		System::assert_has_event(
			Event::RiskChangeCancelled { asset: AAPL, min_collateral_ratio: fx(2, 1) }.into(),
		);
		let config = AssetConfig { min_collateral_ratio: fx(13, 10), ..listed() };
		System::assert_last_event(
			Event::AssetUpdated { asset: AAPL, config: config.clone() }.into(),
		);
		assert_eq!(AssetConfigs::<Test>::get(AAPL), Some(config));
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_none());
		// An update of other fields keeps a pending raise.
		assert_ok!(raise_mcr(fx(14, 10)));
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, Some(fx(1, 10)), None, None));
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_some());
		// A raise validates the new ratio now.
		assert_noop!(raise_mcr(fx(1, 1)), Error::<Test>::MinCollateralRatioTooLow);
	});
}

#[test]
fn a_raise_in_force_is_folded_in_at_the_next_update() {
	run_test(|| {
		protect();
		assert_ok!(raise_mcr(fx(2, 1)));
		set_time(T0 + DAY);
		assert_ok!(Mint::update_asset(RuntimeOrigin::root(), AAPL, Some(fx(1, 10)), None, None));
		assert_eq!(AssetConfigs::<Test>::get(AAPL).map(|c| c.min_collateral_ratio), Some(fx(2, 1)));
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_none());
		// Raising from 2 to 2.5 waits again; lowering to 1.8 is at once.
		assert_ok!(raise_mcr(fx(5, 2)));
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_some());
		assert_ok!(raise_mcr(fx(9, 5)));
		assert_eq!(Mint::asset_config(&AAPL).map(|c| c.min_collateral_ratio), Some(fx(9, 5)));
	});
}

#[test]
fn with_no_delay_a_raise_applies_at_once() {
	run_test(|| {
		assert_ok!(raise_mcr(fx(2, 1)));
		assert_eq!(AssetConfigs::<Test>::get(AAPL).map(|c| c.min_collateral_ratio), Some(fx(2, 1)));
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_none());
	});
}

#[test]
fn root_applies_a_scheduled_raise_at_once() {
	run_test(|| {
		protect();
		assert_noop!(
			Mint::apply_risk_change(RuntimeOrigin::root(), AAPL),
			Error::<Test>::NoScheduledChange
		);
		let id = open_example();
		assert_ok!(raise_mcr(fx(2, 1)));
		assert_noop!(
			Mint::apply_risk_change(RuntimeOrigin::signed(ALICE), AAPL),
			DispatchError::BadOrigin
		);
		assert_ok!(Mint::apply_risk_change(RuntimeOrigin::root(), AAPL));
		System::assert_last_event(
			Event::RiskChangeApplied { asset: AAPL, min_collateral_ratio: fx(2, 1) }.into(),
		);
		assert_eq!(Mint::liquidatable(id), Ok(true));
	});
}

#[test]
fn delisting_and_the_ipo_drop_a_pending_raise() {
	run_test(|| {
		protect();
		assert_ok!(raise_mcr(fx(2, 1)));
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), AAPL, fx(1, 1)));
		System::assert_has_event(
			Event::RiskChangeCancelled { asset: AAPL, min_collateral_ratio: fx(2, 1) }.into(),
		);
		assert!(ScheduledMinCollateralRatios::<Test>::get(AAPL).is_none());
		assert_noop!(raise_mcr(fx(2, 1)), Error::<Test>::AssetDelisted);
	});
}

#[test]
fn a_scheduled_multiplier_is_reported_and_exposes_positions_at_its_time() {
	run_test(|| {
		protect();
		let id = open_example();
		let change = ScheduledChange { value: fx(2, 1), effective_at: T0 + 100 };
		collateral::schedule_multiplier(&UST, Some(change));
		price(AAPL, 1, 1);
		let ratio = Mint::collateral_ratio(id).unwrap();
		assert_eq!(ratio.required_ratio, fx(3, 2));
		// 150 % × 2 = 300 %, from T0 + 100.
		assert_eq!(
			ratio.scheduled,
			Some(ScheduledChange { value: fx(3, 1), effective_at: T0 + 100 })
		);
		assert_eq!(Mint::positions_at_risk(&ALICE).len(), 1);
		assert_eq!(Mint::liquidatable(id), Ok(false));
		set_time(T0 + 100);
		price(AAPL, 1, 1);
		assert_eq!(Mint::liquidatable(id), Ok(true));
		// Both scheduled: the ratio after both, from the first one's time.
		collateral::schedule_multiplier(
			&UST,
			Some(ScheduledChange { value: fx(2, 1), effective_at: T0 + 500 }),
		);
		assert_ok!(raise_mcr(fx(2, 1)));
		// MCR 2 from T0 + 100 + 1 day, multiplier 2 from T0 + 500: 400 % in the end, from T0 + 500.
		assert_eq!(
			Mint::collateral_ratio(id).map(|r| r.scheduled),
			Ok(Some(ScheduledChange { value: fx(4, 1), effective_at: T0 + 500 }))
		);
	});
}

// --- Migration -----------------------------------------------------------------------------

#[test]
fn the_v0_parameters_migrate_with_mainnet_protection() {
	run_test(|| {
		use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
		let old = migrations::v0::MintParameters {
			protocol_fee_rate: fx(2, 100),
			price_max_age: 30,
			lock_period: 600,
		};
		migrations::v0::Parameters::<Test>::put(old);
		StorageVersion::new(0).put::<crate::Pallet<Test>>();
		migrations::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(
			Parameters::<Test>::get(),
			MintParameters {
				protocol_fee_rate: fx(2, 100),
				price_max_age: 30,
				lock_period: 600,
				..MintParameters::default()
			}
		);
		assert_eq!(crate::Pallet::<Test>::on_chain_storage_version(), 1);
	});
}

/// A quote a property test can read.
fn quote(id: u64, amount: u128) -> Option<AuctionQuote> {
	Mint::quote_auction(id, amount).ok().map(|(_, q)| q)
}

#[test]
fn quotes_match_the_auction() {
	run_test(|| {
		protect();
		let id = open_example();
		price(AAPL, 101, 100);
		let q = quote(id, 500_000).unwrap();
		assert_ok!(Mint::auction(RuntimeOrigin::signed(LIQUIDATOR), id, 500_000));
		assert_eq!(debt_of(id), 666_666 - q.liquidated_amount);
	});
}

// --- Liquidation price and the preview of a position ---------------------------------------

#[test]
fn the_liquidation_price_is_where_the_position_turns_liquidatable() {
	run_test(|| {
		let id = open_example();
		// 1,000,000 UST ÷ (666,666 × 1.5) = 1.000001000001…, rounded down.
		let at = Mint::liquidation_price(id).unwrap().unwrap();
		assert_eq!(at, FixedU128::from_inner(1_000_001_000_001_000_000));
		// 0.001 % below it the position is safe, 0.001 % above it liquidatable (the threshold's
		// floors move the exact turn by at most one base unit of value).
		let hair = FixedU128::from_inner(at.into_inner() / 100_000);
		set_price(AAPL, Ok((at - hair, now())));
		assert_eq!(Mint::liquidatable(id), Ok(false));
		set_price(AAPL, Ok((at + hair, now())));
		assert_eq!(Mint::liquidatable(id), Ok(true));
		assert_eq!(Mint::liquidation_price(42), Err(PositionRatioError::UnknownPosition));
		// Without debt there is none.
		price(AAPL, 1, 1);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(ALICE), id, 666_666));
		assert_eq!(Mint::liquidation_price(id), Ok(None));
	});
}

#[test]
fn a_preview_gives_what_opening_gives_and_fails_as_it_would() {
	run_test(|| {
		protect();
		price(AAPL, 1, 1);
		let preview = Mint::simulate_open_position(UST, 1_000_000, AAPL, fx(3, 2)).unwrap();
		assert_eq!(preview.minted_amount, 666_666);
		assert_eq!(preview.required_ratio, fx(3, 2));
		assert_eq!(preview.scheduled, None);
		let id = open_example();
		assert_eq!(debt_of(id), preview.minted_amount);
		assert_eq!(Mint::liquidation_price(id), Ok(preview.liquidation_price));
		// The call's own errors.
		assert_eq!(
			Mint::simulate_open_position(UST, 1_000_000, AAPL, fx(14, 10)),
			Err(Error::<Test>::InsufficientCollateralRatio.into())
		);
		assert_eq!(
			Mint::simulate_open_position(UST, 100, AAPL, fx(2, 1)),
			Err(Error::<Test>::DebtBelowMinimum.into())
		);
		assert_eq!(
			Mint::simulate_open_position(UST, 0, AAPL, fx(2, 1)),
			Err(Error::<Test>::ZeroAmount.into())
		);
		// A raise pending shows in the preview.
		assert_ok!(raise_mcr(fx(2, 1)));
		assert_eq!(
			Mint::simulate_open_position(UST, 1_000_000, AAPL, fx(3, 2)).map(|p| p.scheduled),
			Ok(Some(ScheduledChange { value: fx(2, 1), effective_at: T0 + DAY }))
		);
	});
}
