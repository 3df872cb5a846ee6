//! LpStaking's arithmetic: reward indices (spec §3.8), the premium (§3.6) and the short-reward
//! weight (§3.7). Every function returns `None` on overflow instead of panicking; every rounding
//! favours the pool (rewards are floored).

use mirror_primitives::{
	decimal::{decimal_division, decimal_subtraction, from_ratio, mul_floor},
	Balance, RewardIndex,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedDiv, CheckedMul, CheckedSub, One, Saturating, Zero},
	FixedPointNumber, FixedU128,
};

/// Deposits `amount` of rewards into a pool half (spec §3.8): into the index if anything is
/// bonded (`index += ⌊(amount + pending) / total_bond⌋`, releasing what was pending), else kept
/// pending. `None` on overflow (nothing changes then).
pub fn deposit_reward(pool: &mut RewardIndex, amount: Balance) -> Option<()> {
	if pool.total_bond.is_zero() {
		pool.pending = pool.pending.checked_add(amount)?;
	} else {
		let released = amount.checked_add(pool.pending)?;
		pool.index = pool.index.checked_add(&from_ratio(released, pool.total_bond)?)?;
		pool.pending = 0;
	}
	Some(())
}

/// `⌊bond × (pool_index − staker_index)⌋`: what a bond earned since its index was last brought up
/// to the pool's. The original floors the two products separately, which can pay a unit more than
/// the exact share; flooring the product of the difference never pays more than was deposited.
/// `None` if the staker's index is ahead of the pool's, or on overflow.
pub fn earned(bond: Balance, pool_index: FixedU128, staker_index: FixedU128) -> Option<Balance> {
	mul_floor(bond, pool_index.checked_sub(&staker_index)?)
}

/// Splits a deposit of `amount` by the short-reward weight: `(lp, short)` with
/// `short = ⌊amount × weight⌋` and `lp` the rest.
pub fn split(amount: Balance, short_weight: FixedU128) -> Option<(Balance, Balance)> {
	let short = mul_floor(amount, short_weight)?;
	Some((amount.checked_sub(short)?, short))
}

/// The premium of the pool price over the oracle price (spec §3.6): `(P_amm −₉ P_or) ÷₉ P_or` when
/// the pool trades above the oracle, else 0. `P_amm` is the pool's time-weighted price (UST per
/// mAsset). `None` when the oracle price is zero (no price feed).
pub fn premium(pool_price: FixedU128, oracle_price: FixedU128) -> Option<FixedU128> {
	if oracle_price.is_zero() {
		return None;
	}
	if pool_price <= oracle_price {
		return Some(FixedU128::zero());
	}
	decimal_division(decimal_subtraction(pool_price, oracle_price)?, oracle_price)
}

/// Abramowitz & Stegun 7.1.28: `erf(x) ≈ 1 − (1 + a1·x + … + a6·x⁶)^−16` for `x ≥ 0`, absolute
/// error below 3·10⁻⁷.
const ERF_COEFFICIENTS: [u128; 6] = [
	70_523_078_400_000_000,
	42_282_012_300_000_000,
	9_270_527_200_000_000,
	152_014_300_000_000,
	276_567_200_000_000,
	43_063_800_000_000,
];

/// `erf(x)` for `x ≥ 0` (the error function is odd; callers reflect negative arguments).
pub fn erf(x: FixedU128) -> FixedU128 {
	// erf(6) = 1 − 2·10⁻¹⁷: beyond it, and where the polynomial's 16th power overflows, it is 1.
	if x >= FixedU128::saturating_from_integer(6) {
		return FixedU128::one();
	}
	// Horner: 1 + x·(a1 + x·(a2 + … + x·a6)).
	let mut poly = FixedU128::zero();
	for a in ERF_COEFFICIENTS.iter().rev() {
		poly = FixedU128::from_inner(*a).saturating_add(poly.saturating_mul(x));
	}
	poly = FixedU128::one().saturating_add(poly.saturating_mul(x));
	let mut power = poly;
	for _ in 0..4 {
		power = match power.checked_mul(&power) {
			Some(p) => p,
			None => return FixedU128::one(),
		};
	}
	FixedU128::one().saturating_sub(power.reciprocal().unwrap_or_default())
}

/// √2 to 18 digits.
const SQRT_2: FixedU128 = FixedU128::from_inner(1_414_213_562_373_095_049);

/// `Φ(z)`, the standard normal CDF, of `z = sign · magnitude` (`negative` gives `Φ(−magnitude)`).
pub fn normal_cdf(magnitude: FixedU128, negative: bool) -> FixedU128 {
	let e = erf(magnitude.checked_div(&SQRT_2).unwrap_or(FixedU128::from_inner(u128::MAX)));
	let half = FixedU128::from_rational(1, 2);
	if negative {
		FixedU128::one().saturating_sub(e).saturating_mul(half)
	} else {
		FixedU128::one().saturating_add(e).saturating_mul(half)
	}
}

/// The short-reward weight at `premium` (spec §3.7, the documented curve):
/// `W_max · Φ((premium − p½) / σ)` with `σ = p½ / 2`. With mainnet's `p½` = 2 % this is the
/// original's `W_max · Φ(100·p − 2)`: half of `W_max` at a 2 % premium, `W_max · Φ(−2)` ≈
/// 0.0228 · `W_max` without premium, close to `W_max` from 6 %. Unlike the original code it uses the
/// true Φ below `p½` too (the code evaluated its polynomial at a negative argument there, giving
/// smaller weights than its own documentation). A zero `p½` makes a step: `W_max` above zero.
pub fn short_reward_weight(
	premium: FixedU128,
	max_weight: FixedU128,
	half_max_premium: FixedU128,
) -> FixedU128 {
	if half_max_premium.is_zero() {
		return if premium.is_zero() { FixedU128::zero() } else { max_weight };
	}
	let sigma = half_max_premium.saturating_mul(FixedU128::from_rational(1, 2));
	let (distance, negative) = if premium >= half_max_premium {
		(premium.saturating_sub(half_max_premium), false)
	} else {
		(half_max_premium.saturating_sub(premium), true)
	};
	let z = distance.checked_div(&sigma).unwrap_or(FixedU128::from_inner(u128::MAX));
	// Rounded down: the short side never gets more than the curve gives.
	FixedU128::from_inner(
		mul_floor(normal_cdf(z, negative).into_inner(), max_weight).unwrap_or_default(),
	)
}

#[cfg(test)]
#[path = "tests/math.rs"]
mod tests;
