//! Pure price arithmetic: the median of feeds, freshness and deviation.

use mirror_primitives::{Moment, PricePoint};
use sp_runtime::{traits::Zero, FixedPointNumber, FixedU128, Rounding};

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

#[cfg(test)]
#[path = "tests/median.rs"]
mod tests;
