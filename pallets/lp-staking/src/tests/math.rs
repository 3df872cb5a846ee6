//! The reward index against the spec's arithmetic, the premium, and the short-reward curve against
//! the documented table.

use super::*;
use proptest::prelude::*;

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

fn close(a: FixedU128, b: FixedU128, tolerance: FixedU128) -> bool {
	a.max(b).saturating_sub(a.min(b)) <= tolerance
}

#[test]
fn deposits_raise_the_index_or_wait_for_bonds() {
	let mut pool = RewardIndex::default();
	// Nothing bonded: the deposit waits.
	assert_eq!(deposit_reward(&mut pool, 1_000), Some(()));
	assert_eq!((pool.index, pool.pending), (FixedU128::zero(), 1_000));
	pool.total_bond = 300;
	// The next deposit releases both: (2,000 + 1,000) / 300 = 10 per unit.
	assert_eq!(deposit_reward(&mut pool, 2_000), Some(()));
	assert_eq!((pool.index, pool.pending), (fx(10, 1), 0));
	// A staker of 100 units that joined at index 0 earned 1,000.
	assert_eq!(earned(100, pool.index, FixedU128::zero()), Some(1_000));
	// from_ratio floors: 1,000 over 3 units is 333.333333333333333333 each.
	let mut thirds = RewardIndex { total_bond: 3, ..Default::default() };
	deposit_reward(&mut thirds, 1_000).unwrap();
	assert_eq!(thirds.index, FixedU128::from_inner(333_333_333_333_333_333_333));
	assert_eq!(earned(1, thirds.index, FixedU128::zero()), Some(333));
	// The product of the difference is floored: 2 units at an index that grew by 0.7 earn 1, where
	// the original's ⌊2 × 1.2⌋ − ⌊2 × 0.5⌋ = 2 − 1 = 1 here but can pay more elsewhere:
	// ⌊3 × 0.9⌋ − ⌊3 × 0.4⌋ = 2 − 1 = 1 = ⌊3 × 0.5⌋, ⌊3 × 1.0⌋ − ⌊3 × 0.6⌋ = 3 − 1 = 2 > ⌊3 × 0.4⌋ = 1.
	assert_eq!(earned(2, fx(12, 10), fx(5, 10)), Some(1));
	assert_eq!(earned(3, fx(1, 1), fx(6, 10)), Some(1));
	// An index behind the staker's is an error, not an underflow.
	assert_eq!(earned(1, FixedU128::zero(), fx(1, 1)), None);
}

#[test]
fn deposits_split_by_the_short_weight() {
	// R_s = ⌊R × w⌋, R_l = R − R_s.
	assert_eq!(split(1_000_001, fx(4, 10)), Some((600_001, 400_000)));
	assert_eq!(split(7, fx(1, 3)), Some((5, 2)));
	assert_eq!(split(7, FixedU128::zero()), Some((7, 0)));
}

#[test]
fn the_premium_of_pool_over_oracle() {
	// A (time-weighted) pool price of 105 against an oracle of 100: 5 %.
	assert_eq!(premium(fx(105, 1), fx(100, 1)), Some(fx(5, 100)));
	// Discounts are no premium.
	assert_eq!(premium(fx(95, 1), fx(100, 1)), Some(FixedU128::zero()));
	assert_eq!(premium(fx(100, 1), fx(100, 1)), Some(FixedU128::zero()));
	// No oracle price is no premium at all.
	assert_eq!(premium(fx(200, 1), FixedU128::zero()), None);
}

#[test]
fn erf_matches_known_values() {
	let tolerance = fx(3, 10_000_000);
	assert_eq!(erf(FixedU128::zero()), FixedU128::zero());
	assert!(close(erf(fx(1, 2)), FixedU128::from_inner(520_499_877_813_046_538), tolerance));
	assert!(close(erf(fx(1, 1)), FixedU128::from_inner(842_700_792_949_714_869), tolerance));
	assert!(close(erf(fx(2, 1)), FixedU128::from_inner(995_322_265_018_952_734), tolerance));
	assert_eq!(erf(fx(7, 1)), FixedU128::one());
}

#[test]
fn the_curve_follows_the_documented_table() {
	// MD `staking-tokens-lp-and-slp.md`, W_max = 0.4 and the true Φ: 0 % → 0.0091001,
	// 1 % → 0.0634621, 2 % → 0.2, 4 % → 0.3909.
	let w = |p: FixedU128| short_reward_weight(p, fx(4, 10), fx(2, 100));
	let tolerance = fx(2, 10_000_000);
	assert!(
		close(w(FixedU128::zero()), fx(91_001, 10_000_000), tolerance),
		"{:?}",
		w(FixedU128::zero())
	);
	assert!(close(w(fx(1, 100)), fx(634_621, 10_000_000), tolerance), "{:?}", w(fx(1, 100)));
	assert!(close(w(fx(2, 100)), fx(2, 10), tolerance));
	assert!(close(w(fx(4, 100)), fx(39_090, 100_000), fx(1, 10_000)));
	// Mainnet's cap since May 2022 doubles every weight; the cap is never exceeded.
	let w8 = |p: FixedU128| short_reward_weight(p, fx(8, 10), fx(2, 100));
	assert!(close(w8(fx(2, 100)), fx(4, 10), tolerance));
	assert!(w8(fx(15, 100)) <= fx(8, 10));
	assert!(close(w8(fx(15, 100)), fx(8, 10), tolerance));
	// A half-max premium of 4 % stretches the curve: 4 % gives half the cap, 0 % still Φ(−2).
	let stretched = |p: FixedU128| short_reward_weight(p, fx(8, 10), fx(4, 100));
	assert!(close(stretched(fx(4, 100)), fx(4, 10), tolerance));
	assert!(close(stretched(FixedU128::zero()), w8(FixedU128::zero()), tolerance));
	// A zero half-max premium is a step.
	assert_eq!(
		short_reward_weight(FixedU128::zero(), fx(8, 10), FixedU128::zero()),
		FixedU128::zero()
	);
	assert_eq!(short_reward_weight(fx(1, 1_000), fx(8, 10), FixedU128::zero()), fx(8, 10));
}

proptest! {
	/// Paid plus pending never exceeds what was deposited, whatever the order of bonds, unbonds,
	/// deposits and claims; and a staker who claims every step earns what an identical staker who
	/// never claims earns, less at most one unit of dust per claim, kept by the pool.
	#[test]
	fn rewards_never_exceed_deposits(
		steps in proptest::collection::vec((0u8..4, 0u128..1_000_000), 1..60),
	) {
		let mut pool = RewardIndex::default();
		// Three stakers: (bond, index, settled pending, paid). 0 claims every step, 1 never claims
		// and always bonds as 0 does; 2 bonds and unbonds on its own.
		let mut stakers = [(0u128, FixedU128::zero(), 0u128, 0u128); 3];
		let mut deposited = 0u128;
		let settle = |pool: &RewardIndex, s: &mut (u128, FixedU128, u128, u128)| {
			s.2 += earned(s.0, pool.index, s.1).unwrap();
			s.1 = pool.index;
		};
		for (kind, amount) in steps {
			match kind {
				0 => {
					deposit_reward(&mut pool, amount).unwrap();
					deposited += amount;
				},
				1 => for staker in stakers.iter_mut().take(2) {
					settle(&pool, staker);
					staker.0 += amount;
					pool.total_bond += amount;
				},
				2 => {
					settle(&pool, &mut stakers[2]);
					let change = amount.min(stakers[2].0);
					if amount % 2 == 0 {
						stakers[2].0 += amount;
						pool.total_bond += amount;
					} else {
						stakers[2].0 -= change;
						pool.total_bond -= change;
					}
				},
				_ => {
					settle(&pool, &mut stakers[0]);
					stakers[0].3 += stakers[0].2;
					stakers[0].2 = 0;
				},
			}
			// Staker 0 claims every step.
			settle(&pool, &mut stakers[0]);
			stakers[0].3 += stakers[0].2;
			stakers[0].2 = 0;
		}
		for s in stakers.iter_mut() {
			settle(&pool, s);
		}
		let owed: u128 = stakers.iter().map(|s| s.2 + s.3).sum();
		prop_assert!(owed + pool.pending <= deposited);
		let (frequent, patient) = (stakers[0].3 + stakers[0].2, stakers[1].2 + stakers[1].3);
		prop_assert!(frequent <= patient);
		prop_assert!(patient - frequent <= 2 * 60 + 1, "{} vs {}", frequent, patient);
	}

	/// The weight rises with the premium and stays within the cap.
	#[test]
	fn the_weight_is_monotone_and_capped(a in 0u128..200_000, b in 0u128..200_000) {
		let (lo, hi) = (fx(a.min(b), 1_000_000), fx(a.max(b), 1_000_000));
		let w = |p| short_reward_weight(p, fx(8, 10), fx(2, 100));
		prop_assert!(w(lo) <= w(hi));
		prop_assert!(w(hi) <= fx(8, 10));
	}
}
