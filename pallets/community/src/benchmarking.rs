//! Benchmarks of the community pool.

use super::*;
use frame_benchmarking::v2::*;

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A spend of the whole limit to a new account.
	#[benchmark]
	fn spend() -> Result<(), BenchmarkError> {
		let origin =
			T::SpendOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = SpendLimit::<T>::get();
		let _ = T::Currency::mint_into(
			&Pallet::<T>::account_id(),
			amount.saturating_add(T::Currency::minimum_balance()),
		);
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount, beneficiary.clone());

		assert_eq!(T::Currency::balance(&beneficiary), amount);
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 7);

		assert_eq!(SpendLimit::<T>::get(), 7);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
