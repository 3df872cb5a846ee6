//! Pure price arithmetic: the median of feeds, freshness, deviation, the relative sanity range
//! and agreement among pending feeds.

use mirror_primitives::{Moment, PricePoint};
use sp_runtime::{
	traits::{Saturating, Zero},
	FixedPointNumber, FixedU128, Rounding,
};

/// Whether a feed made at `updated_at` is at most `max_age` seconds old at `now`.
pub fn is_fresh(updated_at: Moment, now: Moment, max_age: Moment) -> bool {
	now.saturating_sub(updated_at) <= max_age
}

/// The median of `prices` (sorted in place): the middle price for an odd count, the mean of the
/// two middle prices (rounded down) for an even count; `None` for no prices.
pub fn median(prices: &mut [FixedU128]) -> Option<FixedU128> {
	if prices.is_empty() {
		return None;
	}
	prices.sort_unstable();
	let mid = prices.len() / 2;
	if prices.len() % 2 == 1 {
		return prices.get(mid).copied();
	}
	let (lo, hi) = (prices.get(mid - 1)?.into_inner(), prices.get(mid)?.into_inner());
	// lo <= hi, so this neither overflows nor underflows.
	Some(FixedU128::from_inner(lo + (hi - lo) / 2))
}

/// The median price of the feeds at most `max_age` seconds old at `now`, with the oldest of their
/// timestamps and their count; `None` if no feed is fresh.
pub fn fresh_median<'a>(
	points: impl Iterator<Item = &'a PricePoint>,
	now: Moment,
	max_age: Moment,
	scratch: &mut alloc::vec::Vec<FixedU128>,
) -> Option<(PricePoint, u32)> {
	scratch.clear();
	let mut oldest = Moment::MAX;
	for p in points.filter(|p| is_fresh(p.updated_at, now, max_age)) {
		scratch.push(p.price);
		oldest = oldest.min(p.updated_at);
	}
	let count = scratch.len() as u32;
	median(scratch).map(|price| (PricePoint { price, updated_at: oldest }, count))
}

/// The relative distance of `price` from `reference`: |price − reference| / reference, rounded up
/// (so the circuit breaker errs on the side of rejecting). `None` if `reference` is zero.
pub fn deviation(price: FixedU128, reference: FixedU128) -> Option<FixedU128> {
	if reference.is_zero() {
		return None;
	}
	let (p, r) = (price.into_inner(), reference.into_inner());
	let diff = p.max(r) - p.min(r);
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		FixedU128::accuracy(),
		diff,
		r,
		Rounding::Up,
	)
	.map(FixedU128::from_inner)
}

/// Seconds in an hour: the relative sanity range compounds per started hour.
pub const HOUR: Moment = 3_600;

/// Whether `price` lies within the relative sanity range around `reference`: no more than
/// `factor^h` above or below it, where `h` is the number of started hours in `elapsed` seconds
/// (at least one). The bounds saturate, so a long pause opens the range rather than overflowing;
/// the lower bound rounds down and the upper bound up, so a price on a bound is accepted.
pub fn within_move(
	price: FixedU128,
	reference: FixedU128,
	factor: FixedU128,
	elapsed: Moment,
) -> bool {
	// `saturating_pow` truncates its exponent to `u32`, so it is capped there (half a million
	// years; any factor above 1 saturates long before).
	let hours = elapsed.div_ceil(HOUR).clamp(1, Moment::from(u32::MAX));
	let hours = usize::try_from(hours).unwrap_or(u32::MAX as usize);
	let band = factor.saturating_pow(hours);
	if band.is_zero() {
		return false;
	}
	let upper = reference.saturating_mul(band);
	let lower = FixedU128::checked_from_rational(reference.into_inner(), band.into_inner())
		.unwrap_or_default();
	price >= lower && price <= upper
}

/// The largest set of `prices` (sorted in place) within `max_deviation` of each other: each is
/// at most `max_deviation` above the set's lowest. Returns the set's lowest and highest price and
/// its size; `None` for no prices.
pub fn largest_agreement(
	prices: &mut [FixedU128],
	max_deviation: FixedU128,
) -> Option<(FixedU128, FixedU128, u32)> {
	prices.sort_unstable();
	let mut best: Option<(FixedU128, FixedU128, u32)> = None;
	let mut end = 0;
	for (start, low) in prices.iter().enumerate() {
		end = end.max(start);
		while prices
			.get(end + 1)
			.is_some_and(|p| deviation(*p, *low).is_some_and(|d| d <= max_deviation))
		{
			end += 1;
		}
		let size = (end - start + 1) as u32;
		if best.is_none_or(|(_, _, s)| size > s) {
			best = prices.get(end).map(|high| (*low, *high, size));
		}
	}
	best
}

#[cfg(test)]
#[path = "tests/median.rs"]
mod tests;
