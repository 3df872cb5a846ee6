//! Benchmarks of the Amm pallet, each in its worst case: pools that already hold liquidity, an
//! observation due on every pool change, both spread checks on a swap, the longest route.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const UNIT: Balance = 1_000_000;

fn new_asset<T: Config>(owner: &T::AccountId) -> AssetId {
	let id = T::AssetIdAllocator::next_asset_id().expect("the allocator has ids");
	T::Assets::create(NativeOrWithId::WithId(id), owner.clone(), true, 1)
		.expect("benchmark assets can be created");
	NativeOrWithId::WithId(id)
}

fn fund<T: Config>(who: &T::AccountId, assets: &[AssetId]) {
	for a in assets.iter().chain(core::iter::once(&NativeOrWithId::Native)) {
		T::Assets::mint_into(a.clone(), who, 1_000_000_000 * UNIT).expect("minting works");
	}
}

/// A pool of two fresh assets with liquidity, observed at time 1,000.
fn pool<T: Config>(caller: &T::AccountId) -> (AssetId, AssetId) {
	let (a, b) = (new_asset::<T>(caller), new_asset::<T>(caller));
	fund::<T>(caller, &[a.clone(), b.clone()]);
	T::BenchmarkHelper::set_time(1_000);
	Pallet::<T>::do_create_pair(caller, a.clone(), b.clone(), 1_000).expect("pair");
	Pallet::<T>::do_provide(
		caller,
		a.clone(),
		1_000_000 * UNIT,
		b.clone(),
		2_000_000 * UNIT,
		None,
		caller,
		1_000,
	)
	.expect("liquidity");
	(a, b)
}

/// Moves the clock so that the next pool change records an observation.
fn observation_due<T: Config>() {
	T::BenchmarkHelper::set_time(1_000 + 2 * T::ObservationPeriod::get());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_pair() {
		let caller: T::AccountId = whitelisted_caller();
		let (a, b) = (new_asset::<T>(&caller), new_asset::<T>(&caller));
		fund::<T>(&caller, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), a.clone(), b.clone());

		assert!(Pallet::<T>::pool_info(a, b).is_some());
	}

	#[benchmark]
	fn provide_liquidity() {
		let caller: T::AccountId = whitelisted_caller();
		let (a, b) = pool::<T>(&caller);
		observation_due::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			a.clone(),
			1_000 * UNIT,
			b.clone(),
			2_000 * UNIT,
			Some(FixedU128::from_rational(1, 100)),
			Some(caller.clone()),
		);

		let info = Pallet::<T>::pool_info(a, b).expect("pool");
		assert!(info.reserve_a + info.reserve_b > 3_000_000 * UNIT);
	}

	#[benchmark]
	fn withdraw_liquidity() {
		let caller: T::AccountId = whitelisted_caller();
		let (a, b) = pool::<T>(&caller);
		observation_due::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), a.clone(), b.clone(), 1_000 * UNIT);

		let info = Pallet::<T>::pool_info(a, b).expect("pool");
		assert!(info.reserve_a + info.reserve_b < 3_000_000 * UNIT);
	}

	#[benchmark]
	fn swap() {
		let caller: T::AccountId = whitelisted_caller();
		let (a, b) = pool::<T>(&caller);
		observation_due::<T>();
		let key = Pallet::<T>::pair_key(&a, &b).expect("distinct");
		// The pool holds 1 a : 2 b, so b costs 0.5 a: the belief price (offer per ask unit).
		let belief = FixedU128::from_rational(1, 2);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			a.clone(),
			b.clone(),
			1_000 * UNIT,
			Some(belief),
			Some(FixedU128::from_rational(1, 2)),
			Some(caller.clone()),
		);

		assert!(
			Pools::<T>::get(&key).is_some_and(|p| p.observations.len() >= 2),
			"the swap recorded an observation"
		);
	}

	#[benchmark]
	fn swap_route(n: Linear<2, { T::MaxSwapPathLength::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::set_time(1_000);
		let mut path = alloc::vec![new_asset::<T>(&caller)];
		fund::<T>(&caller, &path);
		for _ in 1..n {
			let next = new_asset::<T>(&caller);
			fund::<T>(&caller, core::slice::from_ref(&next));
			let last = path.last().cloned().expect("non-empty");
			Pallet::<T>::do_create_pair(&caller, last.clone(), next.clone(), 1_000).expect("pair");
			Pallet::<T>::do_provide(
				&caller,
				last,
				1_000_000 * UNIT,
				next.clone(),
				1_000_000 * UNIT,
				None,
				&caller,
				1_000,
			)
			.expect("liquidity");
			path.push(next);
		}
		observation_due::<T>();
		let last = path.last().cloned().expect("non-empty");
		let path: BoundedVec<_, T::MaxSwapPathLength> = path.try_into().expect("within the bound");
		let before = T::Assets::balance(last.clone(), &caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), path, 1_000 * UNIT, Some(1), None);

		assert!(T::Assets::balance(last, &caller) > before);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
