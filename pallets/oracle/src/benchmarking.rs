//! Benchmarks of the Oracle pallet, each in its worst case: assets with the most feeders, every
//! feeder with a fresh price, every stage of the circuit breaker on (so every feed computes its
//! reference median), and the caller last in the feeder list. `feed_prices` moves every asset to
//! a new level: every other feeder has a fresh pending feed there, so the caller's feed is held,
//! completes the agreement, and every pending feed is confirmed.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use mirror_primitives::{NativeOrWithId, PriceRange};
use sp_runtime::FixedPointNumber;

fn asset(i: u32) -> AssetId {
	// Ids above the quote asset's, so none is the quote asset.
	NativeOrWithId::WithId(1_000 + i)
}

fn price(n: u128) -> FixedU128 {
	FixedU128::saturating_from_integer(n)
}

/// The level every other feeder's pending feed sits at in [`full_asset`].
const NEW_LEVEL: u128 = 150;

/// Fills `asset` with `MaxFeeders` feeders (the last one `last`), each with a fresh price near 100
/// and, but for `last`, a fresh pending feed at [`NEW_LEVEL`]; turns every stage of the circuit
/// breaker on, with a last accepted median of 100.
fn full_asset<T: Config>(asset: &AssetId, last: &T::AccountId) {
	let max = T::MaxFeeders::get();
	let now = Pallet::<T>::now();
	let mut entry = AssetFeedsOf::<T>::default();
	for i in 0..max {
		let is_last = i + 1 == max;
		let feeder = if is_last { last.clone() } else { account("feeder", i, 0) };
		let p = PricePoint { price: price(100 + (i % 3) as u128), updated_at: now };
		let pending = (!is_last).then_some(PricePoint { price: price(NEW_LEVEL), updated_at: now });
		let feed = Feed { feeder, latest: Some(p), fed_in_block: Zero::zero(), pending };
		assert!(entry.feeds.try_push(feed).is_ok());
	}
	entry.config = OracleAssetConfig {
		min_fresh_feeds: max,
		max_deviation: Some(FixedU128::from_rational(1, 10)),
		sanity_range: Some(PriceRange { min: price(1), max: price(1_000_000) }),
		max_move_per_hour: Some(price(10)),
		fallback: None,
	};
	entry.last_median = Some(PricePoint { price: price(100), updated_at: now });
	Feeds::<T>::insert(asset, entry);
}

/// A feed of `n` prices by the whitelisted caller, each of a [`full_asset`]; the caller has landed
/// a feed in an earlier block (its per-block count is read and rewritten) and none in this one.
#[allow(clippy::type_complexity)]
fn full_feed<T: Config>(
	n: u32,
) -> Result<(T::AccountId, BoundedVec<(AssetId, FixedU128), T::MaxPricesPerFeed>), BenchmarkError> {
	let feeder: T::AccountId = whitelisted_caller();
	let mut prices = Vec::new();
	for i in 0..n {
		full_asset::<T>(&asset(i), &feeder);
		prices.push((asset(i), price(NEW_LEVEL)));
	}
	frame_system::Pallet::<T>::set_block_number(10u32.into());
	FeedsInBlock::<T>::insert(&feeder, (BlockNumberFor::<T>::from(9u32), 1));
	let prices = prices.try_into().map_err(|_| BenchmarkError::Weightless)?;
	Ok((feeder, prices))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_feeder() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let a = asset(0);
		<T::BenchmarkHelper as mirror_primitives::CreateToken>::create_token(&a);
		full_asset::<T>(&a, &account("last", 0, 0));
		// Room for exactly one more feeder.
		Feeds::<T>::mutate(&a, |e| {
			if let Some(e) = e {
				e.feeds.pop();
			}
		});
		let feeder: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, a.clone(), feeder.clone());

		assert!(Feeds::<T>::get(&a).is_some_and(|e| e.feeds.iter().any(|f| f.feeder == feeder)));
		Ok(())
	}

	#[benchmark]
	fn remove_feeder() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let a = asset(0);
		let last: T::AccountId = account("last", 0, 0);
		full_asset::<T>(&a, &last);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, a.clone(), last.clone());

		assert!(Feeds::<T>::get(&a).is_some_and(|e| !e.feeds.iter().any(|f| f.feeder == last)));
		Ok(())
	}

	#[benchmark]
	fn feed_prices(n: Linear<1, { T::MaxPricesPerFeed::get() }>) -> Result<(), BenchmarkError> {
		let (feeder, prices) = full_feed::<T>(n)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(feeder.clone()), prices);

		// The move was confirmed: the median is at the new level.
		let moved = Feeds::<T>::get(asset(n - 1)).and_then(|e| e.last_median);
		assert_eq!(moved.map(|p| p.price), Some(price(NEW_LEVEL)));
		Ok(())
	}

	/// [`CheckFeed`]'s validation of a `feed_prices` of `n` prices: the same reads as the call.
	#[benchmark]
	fn check_feed(n: Linear<1, { T::MaxPricesPerFeed::get() }>) -> Result<(), BenchmarkError> {
		let (feeder, prices) = full_feed::<T>(n)?;
		let checked;

		#[block]
		{
			checked = Pallet::<T>::check_feed(&feeder, &prices);
		}

		assert_eq!(checked.map(|c| c.len() as u32).ok(), Some(n));
		Ok(())
	}

	#[benchmark]
	fn set_asset_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let a = asset(0);
		full_asset::<T>(&a, &account("last", 0, 0));
		let config = OracleAssetConfig {
			min_fresh_feeds: 1,
			max_deviation: Some(FixedU128::from_rational(1, 5)),
			sanity_range: None,
			max_move_per_hour: Some(price(10)),
			fallback: Some(OracleFallback::AmmTwap { window: 600 }),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, a.clone(), config);

		assert_eq!(Feeds::<T>::get(&a).map(|e| e.config), Some(config));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let a = asset(0);
		full_asset::<T>(&a, &account("last", 0, 0));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, a.clone());

		assert_eq!(Feeds::<T>::get(&a).map(|e| e.frozen), Some(true));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let a = asset(0);
		full_asset::<T>(&a, &account("last", 0, 0));
		Feeds::<T>::mutate(&a, |e| {
			if let Some(e) = e {
				e.frozen = true;
			}
		});

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, a.clone());

		assert_eq!(Feeds::<T>::get(&a).map(|e| e.frozen), Some(false));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
