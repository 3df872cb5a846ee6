//! The position formulas of spec §3.1–3.3, bit-exact with the original (Mirror's 1e-9 helpers and
//! its floor order). Every function returns `None` on overflow or division by zero.

use crate::types::Valuation;
use mirror_primitives::{
	decimal::{
		decimal_division, decimal_multiplication, decimal_subtraction, from_ratio, mul_floor,
		reverse_decimal,
	},
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

/// What an auction of `amount` mAssets against a position does (spec §3.4), before closing rules.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AuctionOutcome {
	/// mAssets burned: `amount` less the refund.
	pub liquidated: Balance,
	/// mAssets of the offer not needed.
	pub refunded: Balance,
	/// Collateral taken from the position (the liquidator's share plus the fee).
	pub returned: Balance,
	/// The part of `returned` paid to the collector.
	pub fee: Balance,
}

/// `min(d, MCR −₉ 1)`: the discount an auction applies, capped so that a liquidation at the
/// threshold cannot pay the liquidator more than the position's surplus (mirror-contracts #92).
pub fn effective_discount(
	discount: FixedU128,
	min_collateral_ratio: FixedU128,
) -> Option<FixedU128> {
	Some(discount.min(decimal_subtraction(min_collateral_ratio, FixedU128::from_u32(1))?))
}

/// The auction of spec §3.4: `P_disc = cpa ÷₉ (1 −₉ d_eff)`, `V = ⌊x × P_disc⌋`; if `V > C` the
/// whole collateral goes and the excess mAsset `⌊(V − C) × inv₉(P_disc)⌋` is refunded; the fee is
/// `⌊⌊liquidated × cpa⌋ × f⌋`, at most what is returned.
pub fn auction(
	amount: Balance,
	collateral: Balance,
	v: &Valuation,
	min_collateral_ratio: FixedU128,
	discount: FixedU128,
	fee_rate: FixedU128,
) -> Option<AuctionOutcome> {
	let cpa = decimal_division(v.asset_price, v.collateral_price)?;
	let discount = effective_discount(discount, min_collateral_ratio)?;
	let discounted = decimal_division(cpa, decimal_subtraction(FixedU128::from_u32(1), discount)?)?;
	let value = mul_floor(amount, discounted)?;
	let (returned, refunded) = if value > collateral {
		(collateral, mul_floor(value - collateral, reverse_decimal(discounted)?)?)
	} else {
		(value, 0)
	};
	let liquidated = amount.checked_sub(refunded)?;
	let fee = mul_floor(mul_floor(liquidated, cpa)?, fee_rate)?.min(returned);
	Some(AuctionOutcome { liquidated, refunded, returned, fee })
}

/// What burning `amount` of a delisted asset redeems from a position (spec §3.3): the smaller of
/// its value at the end price and its pro-rata share of the collateral, and the fee on the former
/// (at most the redemption). Returns `(redeemed, fee)`.
pub fn redemption(
	amount: Balance,
	collateral: Balance,
	asset_amount: Balance,
	end_price: FixedU128,
	collateral_price: FixedU128,
	fee_rate: FixedU128,
) -> Option<(Balance, Balance)> {
	let at_end_price = mul_floor(amount, decimal_division(end_price, collateral_price)?)?;
	let pro_rata = mul_floor(amount, from_ratio(collateral, asset_amount)?)?;
	let redeemed = at_end_price.min(pro_rata);
	let fee = mul_floor(at_end_price, fee_rate)?.min(redeemed);
	Some((redeemed, fee))
}

#[cfg(test)]
#[path = "tests/math.rs"]
mod tests;
