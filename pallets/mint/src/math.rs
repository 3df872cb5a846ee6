//! The position formulas of spec §3.1–3.3, bit-exact with the original (Mirror's 1e-9 helpers and
//! its floor order). Every function returns `None` on overflow or division by zero.

use crate::types::Valuation;
use mirror_primitives::{
	decimal::{decimal_division, decimal_multiplication, from_ratio, mul_floor, reverse_decimal},
	Balance,
};
use sp_runtime::FixedU128;

/// `⌊A × (Pa ÷₉ Pc)⌋`: the value of `asset_amount` in units of collateral.
pub fn value_in_collateral(asset_amount: Balance, v: &Valuation) -> Option<Balance> {
	mul_floor(asset_amount, decimal_division(v.asset_price, v.collateral_price)?)
}

/// `⌊⌊value_in_collateral(A) × MCR⌋ × m⌋`: the least collateral a debt of `asset_amount` needs.
/// A mint or withdrawal succeeds iff the collateral left is at least this; a position is
/// liquidatable iff its collateral is at most this.
pub fn required_collateral(
	asset_amount: Balance,
	v: &Valuation,
	min_collateral_ratio: FixedU128,
) -> Option<Balance> {
	let value = value_in_collateral(asset_amount, v)?;
	mul_floor(mul_floor(value, min_collateral_ratio)?, v.multiplier)
}

/// `MCR ×₉ m`: the least collateral ratio a position may be opened at.
pub fn required_ratio(min_collateral_ratio: FixedU128, multiplier: FixedU128) -> Option<FixedU128> {
	decimal_multiplication(min_collateral_ratio, multiplier)
}

/// `⌊⌊C × (Pc ÷₉ Pa)⌋ × inv₉(CR)⌋`: what opening with `collateral` at `collateral_ratio` mints.
pub fn mint_amount(
	collateral: Balance,
	v: &Valuation,
	collateral_ratio: FixedU128,
) -> Option<Balance> {
	let value = mul_floor(collateral, decimal_division(v.collateral_price, v.asset_price)?)?;
	mul_floor(value, reverse_decimal(collateral_ratio)?)
}

/// `⌊⌊x × (Pa ÷₉ Pc)⌋ × f⌋`: the protocol fee, in collateral, on burning `burned` mAssets.
pub fn protocol_fee(burned: Balance, v: &Valuation, fee_rate: FixedU128) -> Option<Balance> {
	mul_floor(value_in_collateral(burned, v)?, fee_rate)
}

/// `C / value_in_collateral(A)`: the position's collateral ratio; `None` when the debt is worth
/// nothing (no debt).
pub fn collateral_ratio(
	collateral: Balance,
	asset_amount: Balance,
	v: &Valuation,
) -> Option<FixedU128> {
	let value = value_in_collateral(asset_amount, v)?;
	from_ratio(collateral, value)
}

#[cfg(test)]
#[path = "tests/math.rs"]
mod tests;
