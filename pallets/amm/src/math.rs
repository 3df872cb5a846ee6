//! Terraswap v2.4.0's pool arithmetic (spec §3.13, §3.14), reproduced to the unit: every product
//! and quotient is floored where the original floors, with 256-bit intermediates. Pure functions,
//! unit- and property-tested alone.

use mirror_primitives::{
	decimal::{from_ratio, mul_div_floor, mul_floor, reverse_decimal},
	SpreadLimit,
};
use sp_core::U256;
use sp_runtime::{
	traits::{CheckedSub, One, Saturating},
	FixedU128,
};

/// 10^18: the scale of `Decimal` / `FixedU128`.
const E18: u128 = 1_000_000_000_000_000_000;

/// What a swap of `offer_amount` returns, before any spread check.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct SwapOutcome {
	/// What the trader receives: `return_gross − commission`.
	pub return_amount: u128,
	/// How much less than the spot price would give, before commission.
	pub spread_amount: u128,
	/// The commission, left in the pool for liquidity providers.
	pub commission_amount: u128,
}

fn to_u128(x: U256) -> Option<u128> {
	(x <= U256::from(u128::MAX)).then(|| x.low_u128())
}

/// `compute_swap` (spec §3.13): offer pool `x` (before the incoming amount), ask pool `y`, offer
/// `dx`, commission rate `commission` (0.003).
///
/// ```text
/// return_gross = ⌊ y − from_ratio(x·y, x + dx) ⌋
/// spread       = max(0, ⌊dx × from_ratio(y, x)⌋ − return_gross)
/// commission   = ⌊return_gross × rate⌋
/// return       = return_gross − commission
/// ```
pub fn compute_swap(x: u128, y: u128, dx: u128, commission: FixedU128) -> Option<SwapOutcome> {
	if x == 0 || y == 0 {
		return None;
	}
	let cp = U256::from(x).checked_mul(U256::from(y))?;
	let denominator = U256::from(x).checked_add(U256::from(dx))?;
	// from_ratio(cp, x + dx) in 1e-18 units: ⌊cp·10^18/(x+dx)⌋, split so nothing overflows.
	let (q, r) = (cp / denominator, cp % denominator);
	let q18 = q.checked_mul(U256::from(E18))? + r.checked_mul(U256::from(E18))? / denominator;
	let y18 = U256::from(y).checked_mul(U256::from(E18))?;
	// y − q ≥ 0 since x·y/(x+dx) ≤ y.
	let return_gross = to_u128(y18.checked_sub(q18)? / U256::from(E18))?;
	// An absurd offer rounds the remaining side to zero: never pay out a whole side.
	if return_gross >= y {
		return None;
	}
	// ⌊dx × from_ratio(y, x)⌋; exact ⌊dx·y/x⌋ where the ratio exceeds 18-digit range.
	let spot = from_ratio(y, x)
		.and_then(|ratio| mul_floor(dx, ratio))
		.or_else(|| mul_div_floor(dx, y, x))
		.unwrap_or(u128::MAX);
	let spread_amount = spot.saturating_sub(return_gross);
	let commission_amount = mul_floor(return_gross, commission)?;
	Some(SwapOutcome {
		return_amount: return_gross - commission_amount,
		spread_amount,
		commission_amount,
	})
}

/// `compute_offer_amount` (spec §3.13, reverse simulation): the offer that returns `ask` (net of
/// commission) from offer pool `x` and ask pool `y`. `None` if the pool cannot pay `ask`.
///
/// ```text
/// gross      = ask / (1 − rate)               (rounded up)
/// offer      = ⌈x·y / (y − gross)⌉ − x        (rounded up: the offer always buys `ask`)
/// spread     = max(0, offer·y/x − gross)
/// commission = gross · rate
/// ```
pub fn compute_offer_amount(
	x: u128,
	y: u128,
	ask: u128,
	commission: FixedU128,
) -> Option<(u128, SwapOutcome)> {
	if x == 0 || y == 0 {
		return None;
	}
	let one_minus = FixedU128::one().checked_sub(&commission)?;
	// gross = ask / (1 − c), in 1e-18 units, rounded up so the offer covers the ask.
	let gross18 = U256::from(ask)
		.checked_mul(U256::from(E18))?
		.checked_mul(U256::from(E18))?
		.checked_add(U256::from(one_minus.into_inner()) - 1)?
		/ U256::from(one_minus.into_inner());
	let y18 = U256::from(y).checked_mul(U256::from(E18))?;
	if gross18 >= y18 {
		return None;
	}
	let cp18 = U256::from(x).checked_mul(U256::from(y))?.checked_mul(U256::from(E18))?;
	// Rounded up, so that the offer always buys at least `ask`.
	let room = y18 - gross18;
	let offer = to_u128((cp18 + room - 1) / room)?.checked_sub(x)?;
	let gross = to_u128(gross18 / U256::from(E18))?;
	let ideal = mul_div_floor(offer, y, x)?;
	let spread_amount = ideal.saturating_sub(gross);
	let commission_amount = mul_floor(gross, commission)?;
	Some((offer, SwapOutcome { return_amount: ask, spread_amount, commission_amount }))
}

/// The spread check, applied to the **net** amount the trader receives (terraswap issue #31: the
/// original checked `return + commission`). Returns `true` if the swap must fail.
///
/// - [`SpreadLimit::BeliefPrice`]: `expected = ⌊dx × reverse_decimal(belief)⌋`; fail if the net
///   return is below it by more than `max_spread` of it;
/// - [`SpreadLimit::MaxSpread`]: against the pool's spot price: fail if
///   `(spread + commission) / (return + spread + commission) > max_spread`;
/// - [`SpreadLimit::Unchecked`]: no check (spec §3.13).
pub fn exceeds_max_spread(offer_amount: u128, outcome: &SwapOutcome, limit: SpreadLimit) -> bool {
	match limit {
		SpreadLimit::BeliefPrice { belief_price, max_spread } => {
			let Some(expected) =
				reverse_decimal(belief_price).and_then(|inv| mul_floor(offer_amount, inv))
			else {
				return true;
			};
			outcome.return_amount < expected
				&& from_ratio(expected - outcome.return_amount, expected)
					.is_none_or(|s| s > max_spread)
		}
		SpreadLimit::MaxSpread(max_spread) => {
			let shortfall = outcome.spread_amount.saturating_add(outcome.commission_amount);
			let ideal = outcome.return_amount.saturating_add(shortfall);
			ideal > 0 && from_ratio(shortfall, ideal).is_none_or(|s| s > max_spread)
		}
		SpreadLimit::Unchecked => false,
	}
}

/// ⌊√n⌋ (integer square root, Newton's method).
pub fn integer_sqrt(n: U256) -> U256 {
	if n.is_zero() {
		return n;
	}
	let mut x = n;
	let mut y = (x + 1) >> 1;
	while y < x {
		x = y;
		y = (x + n / x) >> 1;
	}
	x
}

/// LP shares for a deposit (spec §3.14): `⌊√(d0·d1)⌋` into an empty pool, otherwise
/// `min(⌊d0·S/x0⌋, ⌊d1·S/x1⌋)` (the excess of the other side stays in the pool).
pub fn shares_for_deposit(d0: u128, d1: u128, x0: u128, x1: u128, supply: u128) -> Option<u128> {
	if supply == 0 {
		return to_u128(integer_sqrt(U256::from(d0).checked_mul(U256::from(d1))?));
	}
	Some(mul_div_floor(d0, supply, x0)?.min(mul_div_floor(d1, supply, x1)?))
}

/// The slippage check of a deposit (spec §3.14): with tolerance `t`, fail if
/// `(d0/d1)·(1−t) > x0/x1` or `(d1/d0)·(1−t) > x1/x0`. Returns `true` if the deposit must fail.
pub fn exceeds_slippage(d0: u128, d1: u128, x0: u128, x1: u128, tolerance: FixedU128) -> bool {
	let Some(keep) = FixedU128::one().checked_sub(&tolerance) else { return true };
	let too_far = |a: u128, b: u128, pa: u128, pb: u128| -> bool {
		match (from_ratio(a, b), from_ratio(pa, pb)) {
			(Some(deposit), Some(pool)) => deposit.saturating_mul(keep) > pool,
			_ => true,
		}
	};
	too_far(d0, d1, x0, x1) || too_far(d1, d0, x1, x0)
}

/// What withdrawing `lp` of `supply` shares pays from a pool side of `reserve`:
/// `⌊reserve × from_ratio(lp, supply)⌋`.
pub fn withdraw_share(reserve: u128, lp: u128, supply: u128) -> Option<u128> {
	mul_floor(reserve, from_ratio(lp, supply)?)
}

#[cfg(test)]
#[path = "tests/math.rs"]
mod tests;
