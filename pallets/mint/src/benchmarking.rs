//! Benchmarks of the Mint pallet, each in its worst case: collateral that is a `pallet-assets`
//! token priced by the oracle (the costliest to move and to value), an owner whose position index
//! is one short of full, prices to read on every call that can need them, mainnet's liquidation
//! protection (the close factor computed) and a raise of the MCR pending (read with every ratio).

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::FixedPointNumber;

const ASSET: u32 = 1_000;
const COLLATERAL: u32 = 1_001;
const FUNDS: Balance = 1_000_000_000_000_000;

fn asset() -> AssetId {
	NativeOrWithId::WithId(ASSET)
}

fn collateral() -> AssetId {
	NativeOrWithId::WithId(COLLATERAL)
}

fn listed<T: Config>() -> AssetConfigOf<T> {
	AssetConfig {
		auction_discount: FixedU128::from_rational(1, 5),
		min_collateral_ratio: FixedU128::from_rational(3, 2),
		end_price: None,
		ipo_params: None,
	}
}

/// A raise of the mAsset's MCR to 200 % that never takes effect during a benchmark.
fn pending_raise() -> ScheduledChange {
	ScheduledChange { value: FixedU128::saturating_from_integer(2u32), effective_at: u64::MAX }
}

/// The mAsset (listed, priced 100, a raise of its MCR pending) and the collateral (priced 2,
/// multiplier 4/3), mainnet's parameters, and a funded caller whose position index holds all but
/// one position.
fn setup<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::create_asset(&asset(), FixedU128::saturating_from_integer(100u32));
	T::BenchmarkHelper::create_collateral(
		&collateral(),
		FixedU128::saturating_from_integer(2u32),
		FixedU128::from_rational(4, 3),
	);
	AssetConfigs::<T>::insert(asset(), listed::<T>());
	ScheduledMinCollateralRatios::<T>::insert(asset(), pending_raise());
	Parameters::<T>::put(MintParameters::default());
	let caller: T::AccountId = whitelisted_caller();
	let ed = T::Assets::minimum_balance(NativeOrWithId::Native);
	let _ = T::Assets::mint_into(NativeOrWithId::Native, &caller, ed.saturating_mul(1_000));
	let _ = T::Assets::mint_into(collateral(), &caller, FUNDS);
	let account = Pallet::<T>::account_id();
	if T::Assets::balance(NativeOrWithId::Native, &account) < ed {
		let _ = T::Assets::mint_into(NativeOrWithId::Native, &account, ed);
	}
	let full = T::MaxPositionsPerOwner::get().saturating_sub(1) as u64;
	let ids: Vec<PositionId> = (1_000_000..1_000_000 + full).collect();
	PositionsByOwner::<T>::insert(&caller, OwnerPositions::<T>::truncate_from(ids));
	caller
}

/// Makes position `id` short (as the staking side sees it too) with a lock of 1,000 UST to
/// release.
fn add_lock<T: Config>(id: PositionId, receiver: &T::AccountId) {
	Positions::<T>::mutate(id, |p| {
		if let Some(p) = p {
			p.is_short = true;
			let _ = T::ShortStake::increase_short(&p.asset, &p.owner, p.asset_amount);
		}
	});
	let _ = T::Assets::mint_into(UST, &Pallet::<T>::lock_account(), 1_000);
	Locks::<T>::insert(
		id,
		PositionLock { receiver: receiver.clone(), amount: 1_000, unlock_time: 0 },
	);
	TotalLocked::<T>::mutate(|total| *total += 1_000);
}

fn short() -> Option<ShortParams> {
	Some(ShortParams {
		belief_price: Some(FixedU128::from_rational(1, 100)),
		max_spread: Some(FixedU128::from_rational(1, 2)),
	})
}

/// A position of the caller: 1,000,000 collateral at 300 %.
fn open<T: Config>(caller: &T::AccountId) -> Result<PositionId, BenchmarkError> {
	Pallet::<T>::open_position(
		RawOrigin::Signed(caller.clone()).into(),
		collateral(),
		1_000_000_000,
		asset(),
		FixedU128::saturating_from_integer(3u32),
		None,
	)
	.map_err(|_| BenchmarkError::Stop("cannot open a position"))?;
	Ok(NextPositionId::<T>::get() - 1)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_position() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			collateral(),
			1_000_000_000,
			asset(),
			FixedU128::saturating_from_integer(3u32),
			None,
		);

		assert_eq!(Positions::<T>::get(1).map(|p| p.owner), Some(caller));
		Ok(())
	}

	/// A short: the minted mAssets are sold on the AMM (with a spread check) and the proceeds
	/// locked.
	#[benchmark]
	fn open_short_position() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		T::BenchmarkHelper::create_pool(&asset(), FixedU128::saturating_from_integer(100u32));

		#[extrinsic_call]
		open_position(
			RawOrigin::Signed(caller),
			collateral(),
			1_000_000_000,
			asset(),
			FixedU128::saturating_from_integer(3u32),
			short(),
		);

		assert!(Locks::<T>::contains_key(1));
		Ok(())
	}

	#[benchmark]
	fn mint_short() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		T::BenchmarkHelper::create_pool(&asset(), FixedU128::saturating_from_integer(100u32));
		Pallet::<T>::open_position(
			RawOrigin::Signed(caller.clone()).into(),
			collateral(),
			1_000_000_000,
			asset(),
			FixedU128::saturating_from_integer(3u32),
			short(),
		)
		.map_err(|_| BenchmarkError::Stop("cannot open a short"))?;
		let id = NextPositionId::<T>::get() - 1;
		let locked = Locks::<T>::get(id).map(|l| l.amount).unwrap_or_default();
		// The worst case: the owner's sLP record is gone (a burn took the short stake to zero with
		// no reward left), so this mint makes it again and LpStaking holds its deposit once more.
		let debt = Positions::<T>::get(id).map(|p| p.asset_amount).unwrap_or_default();
		T::ShortStake::decrease_short(&asset(), &caller, debt)
			.map_err(|_| BenchmarkError::Stop("cannot clear the short stake"))?;

		#[extrinsic_call]
		mint(RawOrigin::Signed(caller), id, 1_000, short());

		assert!(Locks::<T>::get(id).map(|l| l.amount).unwrap_or_default() > locked);
		Ok(())
	}

	/// `n` matured locks of the caller, all paid.
	#[benchmark]
	fn unlock_position_funds(
		n: Linear<1, { T::MaxUnlockPositions::get() }>,
	) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let ids: Vec<PositionId> = (1..=n as u64).collect();
		for id in &ids {
			Locks::<T>::insert(
				id,
				PositionLock { receiver: caller.clone(), amount: 1_000, unlock_time: 0 },
			);
		}
		let total = 1_000 * n as Balance;
		let _ = T::Assets::mint_into(UST, &Pallet::<T>::lock_account(), total);
		TotalLocked::<T>::put(total);
		let ids = BoundedVec::<PositionId, T::MaxUnlockPositions>::truncate_from(ids);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), ids);

		assert_eq!(TotalLocked::<T>::get(), 0);
		Ok(())
	}

	#[benchmark]
	fn deposit() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, 1_000);

		assert_eq!(Positions::<T>::get(id).map(|p| p.collateral_amount), Some(1_000_001_000));
		Ok(())
	}

	/// A partial withdrawal from a position with debt: both prices are read.
	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, Some(1_000));

		assert_eq!(Positions::<T>::get(id).map(|p| p.collateral_amount), Some(999_999_000));
		Ok(())
	}

	/// Withdrawing the last collateral of a repaid position: it and its index entries go.
	#[benchmark]
	fn withdraw_and_close() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;
		let debt = Positions::<T>::get(id).map(|p| p.asset_amount).unwrap_or_default();
		Pallet::<T>::burn(RawOrigin::Signed(caller.clone()).into(), id, debt)
			.map_err(|_| BenchmarkError::Stop("cannot burn"))?;
		add_lock::<T>(id, &caller);

		#[extrinsic_call]
		withdraw(RawOrigin::Signed(caller), id, None);

		assert!(!Positions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn mint() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, 1_000, None);

		Ok(())
	}

	#[benchmark]
	fn burn() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;
		let debt = Positions::<T>::get(id).map(|p| p.asset_amount).unwrap_or_default();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, debt / 2);

		assert!(T::Assets::balance(collateral(), &T::FeeCollector::get()) > 0);
		Ok(())
	}

	/// Burning a delisted asset from another account: it redeems the whole position, which
	/// closes and pays its last unit to the owner.
	#[benchmark]
	fn burn_delisted() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;
		let debt = Positions::<T>::get(id).map(|p| p.asset_amount).unwrap_or_default();
		AssetConfigs::<T>::mutate(asset(), |config| {
			if let Some(config) = config {
				config.end_price = Some(FixedU128::saturating_from_integer(1_000u32));
				config.min_collateral_ratio = FixedU128::one();
			}
		});
		add_lock::<T>(id, &caller);
		let burner: T::AccountId = account("burner", 0, 0);
		T::Assets::transfer(asset(), &caller, &burner, debt, Preservation::Expendable)
			.map_err(|_| BenchmarkError::Stop("cannot fund the burner"))?;

		#[extrinsic_call]
		burn(RawOrigin::Signed(burner), id, debt);

		assert!(!Positions::<T>::contains_key(id));
		Ok(())
	}

	/// An auction that repays the whole debt: three payments (liquidator, collector, owner) and
	/// the position closed.
	/// The closing auction of a short (the most writes), with the close factor computed: at 160
	/// the collateral is 93.75 % of what the debt needs, below the 95 % of a whole auction.
	#[benchmark]
	fn auction() -> Result<(), BenchmarkError> {
		let caller = setup::<T>();
		let id = open::<T>(&caller)?;
		let debt = Positions::<T>::get(id).map(|p| p.asset_amount).unwrap_or_default();
		// At 160 the position needs more than its collateral.
		T::BenchmarkHelper::create_asset(&asset(), FixedU128::saturating_from_integer(160u32));
		add_lock::<T>(id, &caller);
		let liquidator: T::AccountId = account("liquidator", 0, 0);
		T::Assets::transfer(asset(), &caller, &liquidator, debt, Preservation::Expendable)
			.map_err(|_| BenchmarkError::Stop("cannot fund the liquidator"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(liquidator), id, debt);

		assert!(!Positions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn trigger_ipo() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::create_asset(&asset(), FixedU128::saturating_from_integer(100u32));
		let trigger: T::AccountId = whitelisted_caller();
		let after = FixedU128::from_rational(3, 2);
		AssetConfigs::<T>::insert(
			asset(),
			AssetConfig {
				ipo_params: Some(IpoParams {
					mint_end: 1,
					pre_ipo_price: FixedU128::one(),
					min_collateral_ratio_after_ipo: after,
					trigger_account: trigger.clone(),
				}),
				min_collateral_ratio: FixedU128::saturating_from_integer(10u32),
				..listed::<T>()
			},
		);
		ScheduledMinCollateralRatios::<T>::insert(asset(), pending_raise());

		#[extrinsic_call]
		_(RawOrigin::Signed(trigger), asset());

		assert_eq!(AssetConfigs::<T>::get(asset()).map(|c| c.min_collateral_ratio), Some(after));
		Ok(())
	}

	#[benchmark]
	fn register_migration() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		T::BenchmarkHelper::create_collateral(
			&asset(),
			FixedU128::saturating_from_integer(100u32),
			FixedU128::one(),
		);
		AssetConfigs::<T>::insert(asset(), listed::<T>());
		ScheduledMinCollateralRatios::<T>::insert(asset(), pending_raise());
		let end_price = FixedU128::saturating_from_integer(90u32);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(), end_price);

		assert_eq!(AssetConfigs::<T>::get(asset()).and_then(|c| c.end_price), Some(end_price));
		Ok(())
	}

	#[benchmark]
	fn register_asset() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		T::BenchmarkHelper::create_asset(&asset(), FixedU128::saturating_from_integer(100u32));
		let config = listed::<T>();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			asset(),
			config.auction_discount,
			config.min_collateral_ratio,
			None,
		);

		assert!(AssetConfigs::<T>::contains_key(asset()));
		Ok(())
	}

	/// The worst case: a raise of the MCR replacing a raise pending.
	#[benchmark]
	fn update_asset() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		AssetConfigs::<T>::insert(asset(), listed::<T>());
		ScheduledMinCollateralRatios::<T>::insert(asset(), pending_raise());
		Parameters::<T>::put(MintParameters::default());
		let ratio = FixedU128::from_rational(17, 10);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			asset(),
			Some(FixedU128::from_rational(1, 10)),
			Some(ratio),
			None,
		);

		assert_eq!(ScheduledMinCollateralRatios::<T>::get(asset()).map(|c| c.value), Some(ratio));
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			Some(FixedU128::from_rational(1, 100)),
			Some(30),
			Some(600),
			Some(Permill::from_percent(40)),
			Some(Permill::from_percent(90)),
			Some(5_000_000),
			Some(3_600),
		);

		assert_eq!(Parameters::<T>::get().price_max_age, 30);
		assert_eq!(Parameters::<T>::get().risk_change_delay, 3_600);
		Ok(())
	}

	#[benchmark]
	fn apply_risk_change() -> Result<(), BenchmarkError> {
		AssetConfigs::<T>::insert(asset(), listed::<T>());
		ScheduledMinCollateralRatios::<T>::insert(asset(), pending_raise());

		#[extrinsic_call]
		_(RawOrigin::Root, asset());

		assert_eq!(
			AssetConfigs::<T>::get(asset()).map(|c| c.min_collateral_ratio),
			Some(pending_raise().value)
		);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
