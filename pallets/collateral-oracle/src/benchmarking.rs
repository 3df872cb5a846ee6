//! Benchmarks of the CollateralOracle pallet. Every call touches one registry entry, so each case
//! is its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use mirror_primitives::NativeOrWithId;

fn asset() -> AssetId {
	NativeOrWithId::WithId(1_000)
}

fn register<T: Config>() {
	CollateralAssets::<T>::insert(
		asset(),
		CollateralInfo {
			price_source: PriceSource::Oracle,
			multiplier: FixedU128::one(),
			is_revoked: false,
		},
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_collateral_asset() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let source = PriceSource::AmmTwap { quote: NativeOrWithId::Native, window: 600 };
		<T::BenchmarkHelper as mirror_primitives::CreateToken>::create_token(&asset());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), source, FixedU128::from_rational(4, 3));

		assert!(CollateralAssets::<T>::contains_key(asset()));
		Ok(())
	}

	#[benchmark]
	fn update_collateral_price_source() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		register::<T>();
		let source = PriceSource::Fixed(FixedU128::one());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), source.clone());

		assert_eq!(CollateralAssets::<T>::get(asset()).map(|c| c.price_source), Some(source));
		Ok(())
	}

	/// The worst case: a raise replacing a raise pending (two entries read and written).
	#[benchmark]
	fn update_collateral_multiplier() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		register::<T>();
		let pending =
			ScheduledChange { value: FixedU128::from_rational(5, 4), effective_at: u64::MAX };
		ScheduledMultipliers::<T>::insert(asset(), pending);
		let multiplier = FixedU128::from_rational(3, 2);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), multiplier);

		let expected = if T::RiskChangeDelay::get() > 0 {
			ScheduledMultipliers::<T>::get(asset()).map(|c| c.value)
		} else {
			CollateralAssets::<T>::get(asset()).map(|c| c.multiplier)
		};
		assert_eq!(expected, Some(multiplier));
		Ok(())
	}

	#[benchmark]
	fn apply_multiplier_change() -> Result<(), BenchmarkError> {
		register::<T>();
		let multiplier = FixedU128::from_rational(3, 2);
		ScheduledMultipliers::<T>::insert(
			asset(),
			ScheduledChange { value: multiplier, effective_at: u64::MAX },
		);

		#[extrinsic_call]
		_(RawOrigin::Root, asset());

		assert_eq!(CollateralAssets::<T>::get(asset()).map(|c| c.multiplier), Some(multiplier));
		assert!(!ScheduledMultipliers::<T>::contains_key(asset()));
		Ok(())
	}

	#[benchmark]
	fn revoke_collateral_asset() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		register::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset());

		assert_eq!(CollateralAssets::<T>::get(asset()).map(|c| c.is_revoked), Some(true));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
