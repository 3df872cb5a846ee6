//! The helpers reproduce the original's numbers, and never exceed the exact result.

use super::*;
use proptest::prelude::*;

fn d(n: u128, den: u128) -> FixedU128 {
	FixedU128::from_rational(n, den)
}

#[test]
fn the_spec_example_of_open_position() {
	// C = 1,000,000 uusd, Pa = Pc = 1, CR = 1.5 → 666,666 (spec §3.2).
	let cpa = decimal_division(d(1, 1), d(1, 1)).unwrap();
	let inverse = reverse_decimal(d(3, 2)).unwrap();
	assert_eq!(inverse, FixedU128::from_inner(666_666_666_666_666_666));
	assert_eq!(mul_floor(mul_floor(1_000_000, cpa).unwrap(), inverse), Some(666_666));
}

#[test]
fn helpers_truncate_their_operands_to_nine_digits() {
	// 1/3 has 18 digits; the helper sees 0.333333333.
	let third = d(1, 3);
	assert_eq!(
		decimal_multiplication(third, d(3, 1)),
		Some(FixedU128::from_inner(999_999_999_000_000_000))
	);
	assert_eq!(
		decimal_division(d(1, 1), third),
		Some(FixedU128::from_inner(3_000_000_003_000_000_003))
	);
	assert_eq!(
		decimal_subtraction(d(3, 2), third),
		Some(FixedU128::from_inner(1_166_666_667_000_000_000))
	);
	assert_eq!(decimal_subtraction(third, d(1, 1)), None);
	// 150 % × 1.3333334 = 2.0000001.
	assert_eq!(
		decimal_multiplication(d(3, 2), d(13_333_334, 10_000_000)),
		Some(FixedU128::from_inner(2_000_000_100_000_000_000))
	);
}

#[test]
fn division_by_a_value_below_the_precision_is_refused() {
	assert_eq!(decimal_division(d(1, 1), FixedU128::from_inner(999_999_999)), None);
	assert_eq!(reverse_decimal(FixedU128::from_inner(1)), None);
	assert_eq!(from_ratio(1, 0), None);
}

#[test]
fn products_floor_or_ceil() {
	assert_eq!(mul_floor(10, d(1, 3)), Some(3));
	assert_eq!(mul_ceil(10, d(1, 3)), Some(4));
	assert_eq!(mul_floor(u128::MAX, d(2, 1)), None);
}

proptest! {
	#[test]
	fn mul_floor_and_mul_ceil_bracket_the_exact_product(a in 0u128..1u128 << 40, n in 1u128..1_000_000, den in 1u128..1_000_000) {
		let r = d(n, den);
		let exact = a * r.into_inner();
		prop_assert_eq!(mul_floor(a, r), Some(exact / ONE));
		prop_assert_eq!(mul_ceil(a, r), Some(exact.div_ceil(ONE)));
	}

	#[test]
	fn division_then_multiplication_is_at_most_the_original(a in 1u128..1_000_000_000_000, b in 1u128..1_000_000_000_000) {
		// (a/b)·b ≤ a at 1e-9 precision: the helpers round down.
		let x = d(a, 1_000_000);
		let y = d(b, 1_000_000);
		let q = decimal_division(x, y).unwrap();
		let back = decimal_multiplication(q, y).unwrap();
		prop_assert!(back <= x);
	}

	#[test]
	fn reverse_decimal_rounds_down(a in 1u128..1_000_000_000_000) {
		let x = d(a, 1_000);
		let inverse = reverse_decimal(x).unwrap();
		// inverse · x ≤ 1
		prop_assert!(mul_floor(1_000_000_000_000, inverse).unwrap() <= mul_floor(1_000_000_000_000, d(1_000, a)).unwrap());
	}
}
