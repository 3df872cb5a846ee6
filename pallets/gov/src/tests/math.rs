//! Gov's share helpers at their zero divisors, and the text bounds.

use super::*;
use frame_support::traits::ConstU32;

#[test]
fn share_helpers_answer_zero_divisors_as_documented() {
	assert_eq!(mul_div_floor_or_zero(7, 3, 0), Some(0));
	assert_eq!(mul_div_ceil_or_zero(7, 3, 0), Some(0));
	assert_eq!(mul_div_floor_or_zero(7, 3, 2), Some(10));
	assert_eq!(mul_div_ceil_or_zero(7, 3, 2), Some(11));
	assert_eq!(mul_div_floor_or_zero(u128::MAX, 2, 1), None);
	assert_eq!(shares_for_stake(5, 0, 100), Some(5));
	assert_eq!(shares_for_stake(5, 100, 0), Some(5));
	assert_eq!(shares_for_stake(5, 100, 300), Some(1));
}

#[test]
fn text_is_bounded_on_both_sides() {
	type Max = ConstU32<8>;
	assert_eq!(bounded_text::<Max>(b"abc".to_vec(), (4, 8)), Err(TextLength::TooShort));
	assert_eq!(bounded_text::<Max>(b"abcdefghi".to_vec(), (4, 8)), Err(TextLength::TooLong));
	assert_eq!(bounded_text::<Max>(b"abcd".to_vec(), (4, 8)).unwrap().len(), 4);
}
