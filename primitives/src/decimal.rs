//! Mirror's decimal arithmetic (spec §0.1), bit-exact with the original contracts: the one home
//! of the fixed-point helpers every pallet shares. A pallet's own formulas live in its `math.rs`
//! and are built from these.
//!
//! `Decimal` is [`FixedU128`] (18 fractional digits). Every product of an amount and a decimal is
//! floored at once (`a * p * r` is `⌊⌊a·p⌋·r⌋`). Mirror's helpers (`mirror_mint/src/math.rs`, copied
//! into staking, factory and short reward) work at **1e-9** precision: they first truncate their
//! operands to nine fractional digits. Every function returns `None` on division by zero or
//! overflow, never panics.

use crate::Balance;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, FixedU128, Rounding};

/// `1e9`: the precision of Mirror's helpers.
pub const DECIMAL_FRACTIONAL: u128 = 1_000_000_000;

/// `10^18`: one in [`FixedU128`]'s inner representation.
const ONE: u128 = 1_000_000_000_000_000_000;

/// `⌊10^9 · a⌋`: `a` truncated to nine fractional digits, as an integer.
fn nine_digits(a: FixedU128) -> u128 {
	a.into_inner() / DECIMAL_FRACTIONAL
}

/// `⌊a × b / c⌋` with a 256-bit intermediate; `None` when `c` is zero or the result exceeds
/// `u128`.
pub fn mul_div_floor(a: u128, b: u128, c: u128) -> Option<u128> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
}

/// `⌈a × b / c⌉` with a 256-bit intermediate; `None` when `c` is zero or the result exceeds
/// `u128`.
pub fn mul_div_ceil(a: u128, b: u128, c: u128) -> Option<u128> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Up)
}

/// `Decimal::from_ratio(n, d)`: `⌊n · 10^18 / d⌋ / 10^18`, with a 256-bit intermediate; `None`
/// when `d` is zero.
pub fn from_ratio(n: u128, d: u128) -> Option<FixedU128> {
	mul_div_floor(n, ONE, d).map(FixedU128::from_inner)
}

/// `Uint128 * Decimal`: `⌊amount × d⌋`.
pub fn mul_floor(amount: Balance, d: FixedU128) -> Option<Balance> {
	mul_div_floor(amount, d.into_inner(), ONE)
}

/// `Uint128 * Decimal`, rounded up (for amounts owed to the protocol).
pub fn mul_ceil(amount: Balance, d: FixedU128) -> Option<Balance> {
	mul_div_ceil(amount, d.into_inner(), ONE)
}

/// `decimal_division(a, b)` = `from_ratio(⌊10^9·a⌋, ⌊10^9·b⌋)`: `a / b` at 1e-9 precision.
pub fn decimal_division(a: FixedU128, b: FixedU128) -> Option<FixedU128> {
	from_ratio(nine_digits(a), nine_digits(b))
}

/// `decimal_multiplication(a, b)` = `from_ratio(⌊⌊10^9·a⌋ × b⌋, 10^9)`: `a × b` at 1e-9 precision.
pub fn decimal_multiplication(a: FixedU128, b: FixedU128) -> Option<FixedU128> {
	let product = mul_floor(nine_digits(a), b)?;
	product.checked_mul(ONE / DECIMAL_FRACTIONAL).map(FixedU128::from_inner)
}

/// `decimal_subtraction(a, b)` = `from_ratio(⌊10^9·a⌋ − ⌊10^9·b⌋, 10^9)`; `None` if negative.
pub fn decimal_subtraction(a: FixedU128, b: FixedU128) -> Option<FixedU128> {
	let difference = nine_digits(a).checked_sub(nine_digits(b))?;
	difference.checked_mul(ONE / DECIMAL_FRACTIONAL).map(FixedU128::from_inner)
}

/// `reverse_decimal(a)` = `from_ratio(10^9, ⌊10^9·a⌋)`: `1 / a` at 1e-9 precision.
pub fn reverse_decimal(a: FixedU128) -> Option<FixedU128> {
	from_ratio(DECIMAL_FRACTIONAL, nine_digits(a))
}

#[cfg(test)]
#[path = "tests/decimal.rs"]
mod tests;
