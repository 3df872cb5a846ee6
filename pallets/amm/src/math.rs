//! Terraswap v2.4.0's pool arithmetic (spec §3.13, §3.14), reproduced to the unit: every product
//! and quotient is floored where the original floors, with 256-bit intermediates. Pure functions,
//! unit- and property-tested alone.

use sp_core::U256;
use sp_runtime::{
	traits::{CheckedSub, One, Saturating},
	FixedU128,
};

/// 10^18: the scale of `Decimal` / `FixedU128`.
const E18: u128 = 1_000_000_000_000_000_000;
/// 10^9: the scale of Mirror's 1e-9 helper maths.
const E9: u128 = 1_000_000_000;

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

/// ⌊a·b/c⌋ with a 256-bit intermediate; `None` if `c` is zero or the result exceeds `u128`.
pub fn mul_div_floor(a: u128, b: u128, c: u128) -> Option<u128> {
	if c == 0 {
		return None;
	}
	to_u128(U256::from(a).checked_mul(U256::from(b))? / U256::from(c))
}

/// `Decimal::from_ratio(n, d)`: ⌊n·10^18/d⌋ as a fixed-point number.
pub fn ratio_floor(n: u128, d: u128) -> Option<FixedU128> {
	mul_div_floor(n, E18, d).map(FixedU128::from_inner)
}

/// `Uint128 × Decimal`: ⌊u × d⌋.
pub fn mul_floor(u: u128, d: FixedU128) -> Option<u128> {
	mul_div_floor(u, d.into_inner(), E18)
}

/// Mirror's `reverse_decimal` at 1e-9 precision: `from_ratio(10^9, ⌊10^9·a⌋)`.
pub fn reverse_decimal9(a: FixedU128) -> Option<FixedU128> {
	let a9 = a.into_inner() / E9; // ⌊1e9·a⌋
	ratio_floor(E9, a9)
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
	let spot = ratio_floor(y, x)
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
/// - belief price and max spread: `expected = ⌊dx × reverse_decimal(belief)⌋`; fail if the net
///   return is below it by more than `max_spread` of it;
/// - max spread only: against the pool's spot price: fail if
///   `(spread + commission) / (return + spread + commission) > max_spread`;
/// - otherwise: no check (spec §3.13).
pub fn exceeds_max_spread(
	offer_amount: u128,
	outcome: &SwapOutcome,
	belief_price: Option<FixedU128>,
	max_spread: Option<FixedU128>,
) -> bool {
	match (belief_price, max_spread) {
		(Some(belief), Some(max_spread)) => {
			let Some(expected) =
				reverse_decimal9(belief).and_then(|inv| mul_floor(offer_amount, inv))
			else {
				return true;
			};
			outcome.return_amount < expected
				&& ratio_floor(expected - outcome.return_amount, expected)
					.is_none_or(|s| s > max_spread)
		}
		(None, Some(max_spread)) => {
			let shortfall = outcome.spread_amount.saturating_add(outcome.commission_amount);
			let ideal = outcome.return_amount.saturating_add(shortfall);
			ideal > 0 && ratio_floor(shortfall, ideal).is_none_or(|s| s > max_spread)
		}
		_ => false,
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
		match (ratio_floor(a, b), ratio_floor(pa, pb)) {
			(Some(deposit), Some(pool)) => deposit.saturating_mul(keep) > pool,
			_ => true,
		}
	};
	too_far(d0, d1, x0, x1) || too_far(d1, d0, x1, x0)
}

/// What withdrawing `lp` of `supply` shares pays from a pool side of `reserve`:
/// `⌊reserve × from_ratio(lp, supply)⌋`.
pub fn withdraw_share(reserve: u128, lp: u128, supply: u128) -> Option<u128> {
	mul_floor(reserve, ratio_floor(lp, supply)?)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;
	use sp_runtime::traits::Zero;

	fn commission() -> FixedU128 {
		FixedU128::from_rational(3, 1000)
	}

	#[test]
	fn swap_matches_the_formula_by_hand() {
		// x = 1,000,000, y = 2,000,000, dx = 10,000.
		// x·y/(x+dx) = 2e12 / 1,010,000 = 1,980,198.0198019801980198019801…
		// return_gross = ⌊2,000,000 − 1,980,198.019801980198019801⌋ = 19,801
		// spot = ⌊10,000 × 2⌋ = 20,000, spread = 199
		// commission = ⌊19,801 × 0.003⌋ = ⌊59.403⌋ = 59, return = 19,742
		let o = compute_swap(1_000_000, 2_000_000, 10_000, commission()).unwrap();
		assert_eq!(
			o,
			SwapOutcome { return_amount: 19_742, spread_amount: 199, commission_amount: 59 }
		);
	}

	#[test]
	fn a_swap_that_would_drain_a_side_is_refused() {
		// ⌊1,000 − from_ratio(10^6, ~1.7·10^38)⌋ = 1,000: the whole side; refused.
		assert_eq!(compute_swap(1_000, 1_000, u128::MAX / 2, commission()), None);
		assert_eq!(compute_swap(0, 1, 1, commission()), None);
		let o = compute_swap(1_000, 1_000, 1_000_000, commission()).unwrap();
		assert!(o.return_amount + o.commission_amount < 1_000);
	}

	#[test]
	fn reverse_simulation_pays_at_least_the_ask() {
		let (offer, o) = compute_offer_amount(1_000_000, 2_000_000, 19_742, commission()).unwrap();
		let forward = compute_swap(1_000_000, 2_000_000, offer, commission()).unwrap();
		assert!(forward.return_amount >= 19_742, "{offer} returns {forward:?}");
		assert_eq!(o.return_amount, 19_742);
		assert!(compute_offer_amount(1_000, 1_000, 1_000, commission()).is_none());
	}

	#[test]
	fn first_deposit_shares_are_the_geometric_mean() {
		assert_eq!(shares_for_deposit(1_000_000, 4_000_000, 0, 0, 0), Some(2_000_000));
		assert_eq!(shares_for_deposit(2, 3, 0, 0, 0), Some(2)); // ⌊√6⌋
														  // Later: the smaller proportional share; the excess is donated.
		assert_eq!(shares_for_deposit(100, 500, 1_000, 4_000, 2_000), Some(200));
	}

	#[test]
	fn slippage_tolerance_by_hand() {
		// Pool 1:1, deposit 1:1.02: (1.02)(1 − 0.01) = 1.0098 > 1 → fails at 1 %, passes at 2 %.
		let t1 = FixedU128::from_rational(1, 100);
		let t2 = FixedU128::from_rational(2, 100);
		assert!(exceeds_slippage(100, 102, 1_000, 1_000, t1));
		assert!(!exceeds_slippage(100, 102, 1_000, 1_000, t2));
		assert!(!exceeds_slippage(100, 100, 1_000, 1_000, FixedU128::zero()));
	}

	#[test]
	fn spread_check_uses_the_net_return() {
		// Belief 0.5 UST per ask unit (so dx=10,000 expects 20,000), net return 19,742:
		// shortfall 258/20,000 = 1.29 %.
		let o = compute_swap(1_000_000, 2_000_000, 10_000, commission()).unwrap();
		let belief = Some(FixedU128::from_rational(1, 2));
		assert!(exceeds_max_spread(10_000, &o, belief, Some(FixedU128::from_rational(1, 100))));
		assert!(!exceeds_max_spread(10_000, &o, belief, Some(FixedU128::from_rational(13, 1000))));
		// Against spot: (199 + 59)/20,000 = 1.29 % as well.
		assert!(exceeds_max_spread(10_000, &o, None, Some(FixedU128::from_rational(1, 100))));
		assert!(!exceeds_max_spread(10_000, &o, None, Some(FixedU128::from_rational(13, 1000))));
		// The original (gross) check would have passed at 1 %: 199/20,000 = 0.995 %.
		assert!(ratio_floor(199, 20_000).unwrap() <= FixedU128::from_rational(1, 100));
		// Neither: no check.
		assert!(!exceeds_max_spread(10_000, &o, None, None));
	}

	#[test]
	fn withdraw_is_pro_rata_and_floored() {
		assert_eq!(withdraw_share(1_000, 1, 3), Some(333));
		assert_eq!(withdraw_share(1_000, 3, 3), Some(1_000));
	}

	proptest! {
		#[test]
		fn k_never_decreases_on_a_swap(x in 1_000u128..1u128 << 100, y in 1_000u128..1u128 << 100, dx in 1u128..1u128 << 100) {
			if let Some(o) = compute_swap(x, y, dx, commission()) {
				let (nx, ny) = (x + dx, y - o.return_amount);
				prop_assert!(U256::from(nx) * U256::from(ny) >= U256::from(x) * U256::from(y));
			}
		}

		#[test]
		fn a_swap_never_pays_out_the_reserve(x in 1u128..1u128 << 100, y in 1u128..1u128 << 100, dx in 0u128..1u128 << 100) {
			// Either refused, or the pool keeps part of the ask side.
			if let Some(o) = compute_swap(x, y, dx, commission()) {
				prop_assert!(o.return_amount + o.commission_amount < y);
			}
		}

		#[test]
		fn provide_then_withdraw_never_returns_more(
			x0 in 1_000u128..1u128 << 80, x1 in 1_000u128..1u128 << 80,
			supply in 1_000u128..1u128 << 80, d0 in 1u128..1u128 << 80, d1 in 1u128..1u128 << 80,
		) {
			let shares = shares_for_deposit(d0, d1, x0, x1, supply).unwrap();
			let (n0, n1, ns) = (x0 + d0, x1 + d1, supply + shares);
			if shares > 0 {
				prop_assert!(withdraw_share(n0, shares, ns).unwrap() <= d0);
				prop_assert!(withdraw_share(n1, shares, ns).unwrap() <= d1);
			}
		}

		#[test]
		fn integer_sqrt_is_the_floor(n in any::<u128>()) {
			let r = integer_sqrt(U256::from(n));
			prop_assert!(r * r <= U256::from(n));
			prop_assert!((r + 1) * (r + 1) > U256::from(n));
		}
	}
}
