//! Unit and property tests of `math.rs`.

use super::*;
use mirror_primitives::SpreadLimit;
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
	assert_eq!(o, SwapOutcome { return_amount: 19_742, spread_amount: 199, commission_amount: 59 });
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
	assert!(exceeds_max_spread(
		10_000,
		&o,
		SpreadLimit::from_options(belief, Some(FixedU128::from_rational(1, 100)))
	));
	assert!(!exceeds_max_spread(
		10_000,
		&o,
		SpreadLimit::from_options(belief, Some(FixedU128::from_rational(13, 1000)))
	));
	// Against spot: (199 + 59)/20,000 = 1.29 % as well.
	assert!(exceeds_max_spread(
		10_000,
		&o,
		SpreadLimit::from_options(None, Some(FixedU128::from_rational(1, 100)))
	));
	assert!(!exceeds_max_spread(
		10_000,
		&o,
		SpreadLimit::from_options(None, Some(FixedU128::from_rational(13, 1000)))
	));
	// The original (gross) check would have passed at 1 %: 199/20,000 = 0.995 %.
	assert!(
		mirror_primitives::decimal::from_ratio(199, 20_000).unwrap()
			<= FixedU128::from_rational(1, 100)
	);
	// Neither: no check.
	assert!(!exceeds_max_spread(10_000, &o, SpreadLimit::from_options(None, None)));
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
