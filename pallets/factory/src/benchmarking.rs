//! Benchmarks of the Factory pallet, each in its worst case: the most listed assets the bound
//! allows, a listing that creates every piece (token, Mint config, feeder, pool, reward pool).

use super::*;
use frame_benchmarking::v2::*;
use mirror_primitives::{DistributionPeriod, MIR};

fn token_symbol<T: Config>(i: u32) -> SymbolOf<T> {
	let mut s = b"B".to_vec();
	s.extend_from_slice(alloc::format!("{i}").as_bytes());
	BoundedVec::truncate_from(s)
}

fn token_name<T: Config>() -> NameOf<T> {
	BoundedVec::truncate_from(b"Mirrored Benchmark".to_vec())
}

fn listing_params<T: Config>() -> WhitelistParams<T::AccountId> {
	WhitelistParams {
		weight: None,
		auction_discount: FixedU128::from_rational(1, 5),
		min_collateral_ratio: FixedU128::from_rational(3, 2),
		ipo_params: None,
	}
}

/// The Factory's account with MIR for pair-creation fees and emissions; no listings.
fn setup<T: Config>() -> T::AccountId {
	let _ = Listings::<T>::clear(u32::MAX, None);
	let _ = Symbols::<T>::clear(u32::MAX, None);
	TotalWeight::<T>::kill();
	let _ = T::Assets::mint_into(MIR, &Pallet::<T>::account_id(), 1_000_000_000_000_000_000);
	account("feeder", 0, 0)
}

/// `n` full listings.
fn list<T: Config>(n: u32, feeder: &T::AccountId) -> Result<Vec<AssetId>, BenchmarkError> {
	(0..n)
		.map(|i| {
			Pallet::<T>::do_whitelist(
				token_name::<T>(),
				token_symbol::<T>(i),
				feeder.clone(),
				listing_params::<T>(),
			)
			.map_err(|_| BenchmarkError::Stop("whitelist failed"))
		})
		.collect()
}

fn admin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// With all but one of the allowed listings taken.
	#[benchmark]
	fn whitelist_asset() -> Result<(), BenchmarkError> {
		let feeder = setup::<T>();
		list::<T>(T::MaxAssets::get() - 1, &feeder)?;
		let origin = admin::<T>()?;

		#[extrinsic_call]
		whitelist(
			origin as T::RuntimeOrigin,
			token_name::<T>(),
			token_symbol::<T>(9_999),
			feeder,
			listing_params::<T>(),
		);

		assert_eq!(Listings::<T>::count(), T::MaxAssets::get());
		Ok(())
	}

	#[benchmark]
	fn update_weight() -> Result<(), BenchmarkError> {
		let feeder = setup::<T>();
		let assets = list::<T>(1, &feeder)?;
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, assets[0].clone(), 77);

		assert_eq!(TotalWeight::<T>::get(), 77);
		Ok(())
	}

	/// Without an end price: the oracle is asked.
	#[benchmark]
	fn revoke_asset() -> Result<(), BenchmarkError> {
		let feeder = setup::<T>();
		let assets = list::<T>(1, &feeder)?;
		T::BenchmarkHelper::set_price(&assets[0], FixedU128::from_u32(100));
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, assets[0].clone(), None);

		assert!(Listings::<T>::get(&assets[0]).is_none());
		Ok(())
	}

	/// Without an end price, with all but one of the allowed listings taken.
	#[benchmark]
	fn migrate_asset() -> Result<(), BenchmarkError> {
		let feeder = setup::<T>();
		let assets = list::<T>(T::MaxAssets::get() - 1, &feeder)?;
		T::BenchmarkHelper::set_price(&assets[0], FixedU128::from_u32(100));
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			token_name::<T>(),
			token_symbol::<T>(9_999),
			assets[0].clone(),
			None,
		);

		assert!(Listings::<T>::get(&assets[0]).is_none());
		assert_eq!(Listings::<T>::count(), T::MaxAssets::get() - 1);
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let periods: Vec<DistributionPeriod> = (0..8u64)
			.map(|i| DistributionPeriod { start: i * 100, end: i * 100 + 100, amount: 1_000 })
			.collect();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(30), Some(BoundedVec::truncate_from(periods)));

		assert_eq!(Parameters::<T>::get().distribution_interval, 30);
		Ok(())
	}

	/// `n` listed assets, every one paid.
	#[benchmark]
	fn distribute(n: Linear<1, { T::MaxAssets::get() }>) -> Result<(), BenchmarkError> {
		let feeder = setup::<T>();
		list::<T>(n, &feeder)?;
		T::BenchmarkHelper::set_time(1_000_000);
		GenesisTime::<T>::put(1);
		LastDistributed::<T>::put(1);
		let periods = alloc::vec![DistributionPeriod {
			start: 0,
			end: u32::MAX as Moment,
			amount: 1_000_000_000_000_000
		}];
		Parameters::<T>::mutate(|p| {
			p.distribution_schedule = BoundedVec::truncate_from(periods);
			p.distribution_interval = 1;
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(caller));

		assert_eq!(LastDistributed::<T>::get(), 1_000_000);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
