//! The position formulas against the spec's numbers and their rounding direction.

use super::*;
use proptest::prelude::*;

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

fn valuation(
	collateral_price: FixedU128,
	asset_price: FixedU128,
	multiplier: FixedU128,
) -> Valuation {
	Valuation { collateral_price, asset_price, multiplier }
}

#[test]
fn the_spec_numbers() {
	let one = fx(1, 1);
	let v = valuation(one, one, one);
	assert_eq!(mint_amount(1_000_000, &v, fx(3, 2)), Some(666_666));
	assert_eq!(required_collateral(666_666, &v, fx(3, 2)), Some(999_999));
	assert_eq!(protocol_fee(666_666, &v, fx(15, 1000)), Some(9_999));
	assert_eq!(
		required_ratio(fx(3, 2), fx(13_333_334, 10_000_000)),
		Some(FixedU128::from_inner(2_000_000_100_000_000_000))
	);
	// MIR at 1.5 against mAAPL at 180.
	let mir = valuation(fx(3, 2), fx(180, 1), fx(13_333_334, 10_000_000));
	assert_eq!(
		mint_amount(1_000_000, &mir, FixedU128::from_inner(2_000_000_100_000_000_000)),
		Some(4_166)
	);
	assert_eq!(value_in_collateral(4_166, &mir), Some(499_920));
	assert_eq!(required_collateral(4_166, &mir, fx(3, 2)), Some(999_840));
	assert_eq!(collateral_ratio(1_000_000, 0, &v), None);
}

#[test]
fn a_zero_price_values_nothing() {
	let v = valuation(fx(1, 1), FixedU128::from_inner(0), fx(1, 1));
	assert_eq!(mint_amount(1_000, &v, fx(2, 1)), None);
	assert_eq!(value_in_collateral(1_000, &v), Some(0));
}

proptest! {
	/// A freshly opened position always passes the mint/withdraw check: what `open` mints at a
	/// ratio at or above the required one never needs more collateral than was locked.
	#[test]
	fn an_opened_position_is_within_its_ratio(
		collateral in 1u128..1_000_000_000_000_000,
		pc in 1u128..1_000_000,
		pa in 1u128..1_000_000,
		extra_pct in 0u128..500,
		mcr_pct in 110u128..300,
		multiplier_pct in 100u128..200,
	) {
		let v = valuation(fx(pc, 1_000), fx(pa, 1_000), fx(multiplier_pct, 100));
		let mcr = fx(mcr_pct, 100);
		let required = required_ratio(mcr, v.multiplier).unwrap();
		let ratio = required + fx(extra_pct, 100);
		let minted = mint_amount(collateral, &v, ratio).unwrap();
		prop_assert!(required_collateral(minted, &v, mcr).unwrap() <= collateral);
	}

	/// The fee never exceeds the burned value's share, and the required collateral grows with the
	/// debt.
	#[test]
	fn fees_and_requirements_are_monotone(a in 0u128..1_000_000_000_000, b in 0u128..1_000_000_000_000, pa in 1u128..1_000_000) {
		let v = valuation(fx(1, 1), fx(pa, 1_000), fx(1, 1));
		let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
		prop_assert!(required_collateral(lo, &v, fx(3, 2)).unwrap() <= required_collateral(hi, &v, fx(3, 2)).unwrap());
		prop_assert!(protocol_fee(hi, &v, fx(15, 1000)).unwrap() <= value_in_collateral(hi, &v).unwrap() / 66 + 1);
	}
}
