//! Unit and property tests of `median.rs`.

use super::*;
use proptest::prelude::*;

fn fx(n: u128) -> FixedU128 {
	FixedU128::from_inner(n)
}

#[test]
fn median_of_odd_and_even_counts() {
	assert_eq!(median(&mut []), None);
	assert_eq!(median(&mut [fx(5)]), Some(fx(5)));
	assert_eq!(median(&mut [fx(9), fx(1), fx(5)]), Some(fx(5)));
	// Even: the mean of the two middle values, rounded down.
	assert_eq!(median(&mut [fx(4), fx(1), fx(7), fx(10)]), Some(fx(5)));
	assert_eq!(median(&mut [fx(1), fx(2)]), Some(fx(1)));
	assert_eq!(median(&mut [fx(u128::MAX), fx(u128::MAX - 2)]), Some(fx(u128::MAX - 1)));
}

#[test]
fn freshness_is_inclusive_of_max_age() {
	assert!(is_fresh(100, 160, 60));
	assert!(!is_fresh(100, 161, 60));
	// A feed stamped after `now` (clock skew between blocks cannot happen, but be safe).
	assert!(is_fresh(200, 100, 0));
}

#[test]
fn deviation_is_relative_and_rounds_up() {
	let one = FixedU128::from_u32(1);
	assert_eq!(
		deviation(FixedU128::from_u32(12), FixedU128::from_u32(10)),
		Some(FixedU128::from_rational(1, 5))
	);
	assert_eq!(
		deviation(FixedU128::from_u32(8), FixedU128::from_u32(10)),
		Some(FixedU128::from_rational(1, 5))
	);
	assert_eq!(deviation(one, FixedU128::zero()), None);
	// 1/3 rounds up in the last digit.
	let d = deviation(FixedU128::from_u32(4), FixedU128::from_u32(3)).unwrap();
	assert_eq!(d.into_inner(), 333_333_333_333_333_334);
}

#[test]
fn fresh_median_skips_stale_feeds_and_reports_the_oldest_fresh_time() {
	let pts = [
		PricePoint { price: fx(10), updated_at: 100 },
		PricePoint { price: fx(1_000), updated_at: 10 }, // stale at now = 120, max age 60
		PricePoint { price: fx(20), updated_at: 90 },
		PricePoint { price: fx(30), updated_at: 110 },
	];
	let mut scratch = Vec::new();
	let (p, n) = fresh_median(pts.iter(), 120, 60, &mut scratch).unwrap();
	assert_eq!((p.price, p.updated_at, n), (fx(20), 90, 3));
	assert!(fresh_median(pts.iter(), 1_000, 60, &mut scratch).is_none());
}

fn int(n: u128) -> FixedU128 {
	FixedU128::saturating_from_integer(n)
}

#[test]
fn the_relative_range_is_factor_per_started_hour_and_inclusive() {
	let ten = int(10);
	// Within the first hour (and at once): ×0.1 to ×10, bounds included.
	for elapsed in [0, 1, HOUR] {
		assert!(within_move(int(1_800), int(180), ten, elapsed));
		assert!(within_move(int(18), int(180), ten, elapsed));
		assert!(!within_move(int(1_801), int(180), ten, elapsed));
		assert!(!within_move(FixedU128::from_rational(179, 10), int(180), ten, elapsed));
	}
	// One second into the second hour: ×100.
	assert!(within_move(int(18_000), int(180), ten, HOUR + 1));
	assert!(!within_move(int(18_001), int(180), ten, 2 * HOUR));
	// A long pause saturates the bounds instead of overflowing: everything positive is in.
	assert!(within_move(FixedU128::from_inner(u128::MAX), int(180), ten, Moment::MAX));
	assert!(within_move(FixedU128::from_inner(1), int(180), ten, 1_000 * HOUR));
}

#[test]
fn the_largest_agreement_is_the_biggest_cluster_within_the_deviation() {
	let tenth = FixedU128::from_rational(1, 10);
	assert_eq!(largest_agreement(&mut [], tenth), None);
	assert_eq!(largest_agreement(&mut [int(5)], tenth), Some((int(5), int(5), 1)));
	// 100, 105, 110 agree (110 is exactly 10 % above 100); 150 and 160 form a smaller cluster.
	let mut v = [int(160), int(100), int(150), int(110), int(105)];
	assert_eq!(largest_agreement(&mut v, tenth), Some((int(100), int(110), 3)));
	// 100 and 111 do not agree.
	assert_eq!(largest_agreement(&mut [int(111), int(100)], tenth).map(|a| a.2), Some(1));
}

proptest! {
	#[test]
	fn the_agreement_is_within_the_deviation_and_no_cluster_is_larger(
		v in prop::collection::vec(1u128..1_000u128, 1..16),
		pct in 1u128..50,
	) {
		let d = FixedU128::from_rational(pct, 100);
		let mut prices: Vec<_> = v.iter().map(|p| int(*p)).collect();
		let (low, high, size) = largest_agreement(&mut prices, d).unwrap();
		prop_assert!(deviation(high, low).unwrap() <= d);
		let inside = prices.iter().filter(|p| **p >= low && **p <= high).count() as u32;
		prop_assert_eq!(inside, size);
		// Brute force: no price starts a larger cluster.
		for start in prices.iter() {
			let n = prices.iter().filter(|p| **p >= *start && deviation(**p, *start).unwrap() <= d).count() as u32;
			prop_assert!(n <= size);
		}
	}

	#[test]
	fn a_price_within_the_relative_range_is_never_further_than_the_factor(
		reference in 1u128..1_000_000u128,
		price in 1u128..100_000_000u128,
		factor in 2u128..20,
	) {
		let (r, p, f) = (int(reference), int(price), int(factor));
		let inside = within_move(p, r, f, 1);
		prop_assert_eq!(inside, price <= reference * factor && price * factor >= reference);
	}

	#[test]
	fn median_lies_between_min_and_max(v in prop::collection::vec(1u128..=u128::MAX / 2, 1..40)) {
		let mut prices: Vec<_> = v.iter().copied().map(fx).collect();
		let m = median(&mut prices).unwrap();
		prop_assert!(m >= *prices.iter().min().unwrap());
		prop_assert!(m <= *prices.iter().max().unwrap());
	}

	#[test]
	fn median_does_not_depend_on_order(mut v in prop::collection::vec(1u128..1_000_000_000_000u128, 1..40), seed in any::<u64>()) {
		let a = median(&mut v.iter().copied().map(fx).collect::<Vec<_>>());
		// A deterministic shuffle.
		let n = v.len();
		for i in 0..n { let j = (seed as usize).wrapping_mul(i + 7) % n; v.swap(i, j); }
		let b = median(&mut v.iter().copied().map(fx).collect::<Vec<_>>());
		prop_assert_eq!(a, b);
	}

	#[test]
	fn at_least_half_the_prices_are_on_each_side_of_the_median(v in prop::collection::vec(1u128..1_000_000u128, 1..40)) {
		let mut prices: Vec<_> = v.iter().copied().map(fx).collect();
		let m = median(&mut prices).unwrap();
		let n = prices.len();
		let le = prices.iter().filter(|p| **p <= m).count();
		let ge = prices.iter().filter(|p| **p >= m).count();
		// For an even count the mean of the middle pair has half on each side.
		prop_assert!(le * 2 >= n && ge * 2 >= n);
	}

	#[test]
	fn a_feed_is_fresh_exactly_when_its_age_is_within_max_age(updated in 0u64..1_000_000, now in 0u64..1_000_000, max_age in 0u64..10_000) {
		let fresh = is_fresh(updated, now, max_age);
		prop_assert_eq!(fresh, updated >= now || now - updated <= max_age);
	}

	#[test]
	fn stale_feeds_never_move_the_median(
		fresh in prop::collection::vec(1u128..1_000_000u128, 1..16),
		stale in prop::collection::vec(1u128..1_000_000u128, 0..16),
	) {
		let now = 10_000;
		let mut pts: Vec<_> = fresh.iter().map(|p| PricePoint { price: fx(*p), updated_at: now - 5 }).collect();
		let only_fresh = median(&mut fresh.iter().copied().map(fx).collect::<Vec<_>>()).unwrap();
		pts.extend(stale.iter().map(|p| PricePoint { price: fx(*p), updated_at: now - 61 }));
		let mut scratch = Vec::new();
		let (p, n) = fresh_median(pts.iter(), now, 60, &mut scratch).unwrap();
		prop_assert_eq!(p.price, only_fresh);
		prop_assert_eq!(n as usize, fresh.len());
	}
}
