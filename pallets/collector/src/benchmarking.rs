//! Benchmarks of the Collector: a conversion through a real pool and a distribution to Gov.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An mAsset fee balance sold for UST within the oracle bound.
	#[benchmark]
	fn convert() -> Result<(), BenchmarkError> {
		let price = FixedU128::from_u32(100);
		let asset = T::BenchmarkHelper::setup_market(price);
		T::BenchmarkHelper::set_price(&asset, price);
		let account = Pallet::<T>::account_id();
		T::Assets::mint_into(asset.clone(), &account, 1_000_000)
			.map_err(|_| BenchmarkError::Stop("mint failed"))?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), asset.clone(), None);

		assert_eq!(T::Assets::balance(asset, &account), 0);
		Ok(())
	}

	/// The account's MIR to Gov (Gov's own loop is charged separately).
	#[benchmark]
	fn distribute() -> Result<(), BenchmarkError> {
		let account = Pallet::<T>::account_id();
		let _ = T::Assets::mint_into(MIR, &account, 1_000_000_000);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller));

		assert_eq!(T::Assets::balance(MIR, &account), T::Assets::minimum_balance(MIR));
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let parameters =
			CollectorParameters { max_spread: FixedU128::from_rational(1, 50), price_max_age: 30 };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters);

		assert_eq!(Parameters::<T>::get(), parameters);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
