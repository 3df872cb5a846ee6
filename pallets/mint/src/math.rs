//! The position formulas of spec §3.1–3.3, bit-exact with the original (Mirror's 1e-9 helpers and
//! its floor order). Every function returns `None` on overflow or division by zero.

use crate::types::Valuation;
use mirror_primitives::{
	decimal::{
		decimal_division, decimal_multiplication, decimal_subtraction, from_ratio, mul_floor,
		reverse_decimal,
	},
	AssetConfig, Balance, MintParameters,
};
use sp_runtime::{FixedU128, Permill};

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

/// `P_disc = cpa ÷₉ (1 −₉ d_eff)` with `cpa = Pa ÷₉ Pc`: what an auction charges, in collateral,
/// for one unit of the mAsset.
pub fn discounted_price(
	v: &Valuation,
	min_collateral_ratio: FixedU128,
	discount: FixedU128,
) -> Option<FixedU128> {
	let cpa = decimal_division(v.asset_price, v.collateral_price)?;
	let discount = effective_discount(discount, min_collateral_ratio)?;
	decimal_division(cpa, decimal_subtraction(FixedU128::from_u32(1), discount)?)
}

/// The auction of spec §3.4: `V = ⌊x × P_disc⌋`; if `V > C` the whole collateral goes and the
/// excess mAsset `⌊(V − C) × inv₉(P_disc)⌋` is refunded; the fee is `⌊⌊liquidated × cpa⌋ × f⌋`,
/// at most what is returned.
pub fn auction(
	amount: Balance,
	collateral: Balance,
	v: &Valuation,
	min_collateral_ratio: FixedU128,
	discount: FixedU128,
	fee_rate: FixedU128,
) -> Option<AuctionOutcome> {
	let cpa = decimal_division(v.asset_price, v.collateral_price)?;
	let discounted = discounted_price(v, min_collateral_ratio, discount)?;
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

/// The mAsset price (UST) at which a position of `collateral` owing `debt` becomes liquidatable,
/// the collateral's price held: `C × Pc ÷ (A × required_ratio)`, rounded down (a warning price
/// errs early; the threshold's floors, [`required_collateral`], move the exact turn by at most
/// one base unit of value). `None` without debt or on overflow.
pub fn liquidation_price(
	collateral: Balance,
	debt: Balance,
	v: &Valuation,
	required_ratio: FixedU128,
) -> Option<FixedU128> {
	use sp_runtime::{
		traits::{CheckedDiv, CheckedMul},
		FixedPointNumber,
	};
	if debt == 0 {
		return None;
	}
	FixedU128::checked_from_rational(collateral, debt)?
		.checked_mul(&v.collateral_price)?
		.checked_div(&required_ratio)
}

/// `⌊A × Pa⌋`: the value of a debt in UST base units.
pub fn debt_value(asset_amount: Balance, v: &Valuation) -> Option<Balance> {
	mul_floor(asset_amount, v.asset_price)
}

/// Whether a debt of `asset_amount` is dust: neither zero nor worth `min_debt_value` UST.
pub fn is_dust(asset_amount: Balance, v: &Valuation, min_debt_value: Balance) -> Option<bool> {
	if asset_amount == 0 || min_debt_value == 0 {
		return Some(false);
	}
	Some(debt_value(asset_amount, v)? < min_debt_value)
}

/// How much of a liquidatable position's debt one auction may repay.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RepayLimit {
	/// The most one auction may repay.
	pub limit: Balance,
	/// A partial auction would lower the ratio (see [`repay_limit`]): an auction must close the
	/// position, buying all of its collateral or repaying all of its debt.
	pub must_close: bool,
}

/// The most of a liquidatable position's debt one auction may repay. The whole `debt` when
/// - the close factor is 100 % (the original), or
/// - the collateral is below `⌊threshold × full_liquidation_ratio⌋` (deep under water; `threshold`
///   is the position's [`required_collateral`]), or
/// - a partial auction cannot raise the ratio: the whole debt at the discounted price,
///   `⌊A × P_disc⌋`, is worth at least the collateral (a ratio at or below `1 / (1 − d_eff)`);
///   then, with a close factor below 100 %, an auction must also close the position, since
///   any partial one would lower the ratio, or
/// - the rest after `⌊A × close_factor⌋` would be dust (or that part is zero);
///
/// else `⌊A × close_factor⌋`. Below the limit a partial auction strictly raises the ratio: each
/// unit repaid takes at most `P_disc` of collateral, less than the `C / A` each unit is backed
/// by.
pub fn repay_limit(
	debt: Balance,
	collateral: Balance,
	threshold: Balance,
	v: &Valuation,
	config: &AssetConfig<impl Sized>,
	parameters: &MintParameters,
) -> Option<RepayLimit> {
	let whole = |must_close| Some(RepayLimit { limit: debt, must_close });
	if parameters.close_factor == Permill::one() {
		return whole(false);
	}
	let discounted = discounted_price(v, config.min_collateral_ratio, config.auction_discount)?;
	if mul_floor(debt, discounted)? >= collateral {
		return whole(true);
	}
	if collateral < parameters.full_liquidation_ratio.mul_floor(threshold) {
		return whole(false);
	}
	let partial = parameters.close_factor.mul_floor(debt);
	if partial == 0 || is_dust(debt - partial, v, parameters.min_debt_value)? {
		return whole(false);
	}
	Some(RepayLimit { limit: partial, must_close: false })
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
