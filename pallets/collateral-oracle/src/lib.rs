//! # CollateralOracle pallet
//!
//! The registry of assets Mint accepts as collateral, each with a **price source**, a
//! **multiplier** and a **revoked** flag (spec §2.4).
//!
//! ## Price sources
//! - [`PriceSource::Oracle`]: the Oracle pallet's median of fresh feeds, subject to the caller's
//!   maximum age.
//! - [`PriceSource::Fixed`]: a fixed price, never stale (UST is registered as `Fixed(1)`).
//! - [`PriceSource::AmmTwap`]: the AMM's **time-weighted** price against a quote asset over a
//!   window, times the oracle price of the quote asset. Never spot reserves, which one batched
//!   transaction can move (the original's `AmmPair` source read spot reserves).
//!
//! ## Multiplier
//! A position's required collateral ratio is the mAsset's minimum ratio times its collateral's
//! multiplier: 150 % × 1.3333334 ≈ 200 % for MIR collateral.
//!
//! Raising a multiplier can make a safe position liquidatable, so a raise is **scheduled**: it
//! takes effect [`Config::RiskChangeDelay`] seconds later ([`Event::MultiplierChangeScheduled`];
//! [`ScheduledMultipliers`]); lowering applies at once and drops a pending raise. Every read of a
//! multiplier reads its schedule too, so nothing loops over positions when a raise takes effect.
//! Root may apply a scheduled raise at once ([`Pallet::apply_multiplier_change`]).
//!
//! ## Revocation
//! A revoked collateral stays registered and priced (positions holding it must still be valued and
//! liquidated), but Mint accepts it for no new position or deposit.
//!
//! ## Calls
//! All admin: [`Pallet::register_collateral_asset`], [`Pallet::update_collateral_price_source`],
//! [`Pallet::update_collateral_multiplier`], [`Pallet::revoke_collateral_asset`]; Root:
//! [`Pallet::apply_multiplier_change`]. Mint registers
//! and revokes through [`mirror_primitives::CollateralRegistry`] and reads prices through
//! [`mirror_primitives::ProvideCollateralPrice`].
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::{pallet_prelude::*, traits::UnixTime};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	AssetId, CollateralError, CollateralPrice, CollateralRegistry, CollateralStatus, Moment,
	PriceProvider, PriceSource, ProvideCollateralPrice, RiskUpdate, ScheduledChange, TwapProvider,
};
use sp_runtime::{traits::Saturating, FixedU128};

/// The assets Mint accepts as collateral, each with a price source (the oracle, a fixed price or
/// a time-weighted AMM price), a multiplier on the minimum collateral ratio, and a revoked flag.
/// The admin registers, updates and revokes collateral; a revoked collateral stays priced but is
/// accepted for no new position or deposit.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Registers, updates and revokes collateral assets.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Prices for [`PriceSource::Oracle`] and for the quote asset of
		/// [`PriceSource::AmmTwap`].
		type Oracle: PriceProvider;

		/// Time-weighted AMM prices for [`PriceSource::AmmTwap`].
		type Twap: TwapProvider;

		/// Which tokens exist: only an existing one is registered as collateral.
		type Assets: mirror_primitives::AssetExists;

		/// The chain's clock, for the time of fixed prices and of scheduled multipliers.
		type UnixTime: UnixTime;

		/// How long (seconds) a raise of a multiplier waits before it takes effect (the runtime
		/// reads Mint's `risk_change_delay`, so one parameter governs every risk change).
		type RiskChangeDelay: Get<Moment>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates the tokens the benchmarks register.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: mirror_primitives::CreateToken;
	}

	/// Every registered collateral asset.
	#[pallet::storage]
	pub type CollateralAssets<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, CollateralInfo>;

	/// Raises of multipliers waiting for their time. From `effective_at` on the scheduled value
	/// is the multiplier (every read resolves it); the registry entry catches up at the asset's
	/// next multiplier update.
	#[pallet::storage]
	pub type ScheduledMultipliers<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetId, ScheduledChange>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A collateral asset was registered.
		CollateralRegistered {
			/// The asset.
			asset: AssetId,
			/// Its price source.
			price_source: PriceSource,
			/// Its multiplier.
			multiplier: FixedU128,
		},
		/// A collateral's price source changed.
		PriceSourceUpdated {
			/// The asset.
			asset: AssetId,
			/// The source before.
			old: PriceSource,
			/// The source now.
			new: PriceSource,
		},
		/// A collateral's multiplier changed.
		MultiplierUpdated {
			/// The asset.
			asset: AssetId,
			/// The multiplier before.
			old: FixedU128,
			/// The multiplier now.
			new: FixedU128,
		},
		/// A collateral was revoked.
		CollateralRevoked {
			/// The asset.
			asset: AssetId,
		},
		/// A raise of a multiplier was scheduled: positions keep the multiplier in force until
		/// `effective_at`.
		MultiplierChangeScheduled {
			/// The asset.
			asset: AssetId,
			/// The multiplier from `effective_at` on.
			multiplier: FixedU128,
			/// When it takes effect (seconds).
			effective_at: Moment,
		},
		/// A scheduled raise was dropped by a later update before it took effect.
		MultiplierChangeCancelled {
			/// The asset.
			asset: AssetId,
			/// The multiplier that was scheduled.
			multiplier: FixedU128,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The asset is not a registered collateral.
		UnknownCollateral,
		/// The asset is already a registered collateral.
		AlreadyRegistered,
		/// A multiplier of zero.
		ZeroMultiplier,
		/// A fixed price of zero, or a time-weighted source with a zero window or quoted in the
		/// asset itself.
		InvalidPriceSource,
		/// The collateral is already revoked.
		AlreadyRevoked,
		/// No such token exists (only an existing token can be registered as collateral).
		AssetNotFound,
		/// The collateral has no scheduled multiplier change.
		NoScheduledChange,
	}

	/// Collateral assets at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(asset, price source, multiplier)` to register.
		pub collaterals: alloc::vec::Vec<(AssetId, PriceSource, FixedU128)>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (asset, source, multiplier) in &self.collaterals {
				let result = Pallet::<T>::do_register(asset.clone(), source.clone(), *multiplier);
				assert!(result.is_ok(), "genesis collateral {asset:?} invalid: {result:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `asset` as collateral with a price source and a multiplier.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// `AssetNotFound` (no such token), `AlreadyRegistered`,
		/// `ZeroMultiplier`, `InvalidPriceSource`.
		///
		/// Emits `CollateralRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_collateral_asset())]
		pub fn register_collateral_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			price_source: PriceSource,
			multiplier: FixedU128,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register(asset, price_source, multiplier)
		}

		/// Changes where `asset`'s price comes from.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// `UnknownCollateral`, `InvalidPriceSource`.
		///
		/// Emits `PriceSourceUpdated` with the old and new source.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_collateral_price_source())]
		pub fn update_collateral_price_source(
			origin: OriginFor<T>,
			asset: AssetId,
			price_source: PriceSource,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(Self::source_is_valid(&asset, &price_source), Error::<T>::InvalidPriceSource);
			let old = CollateralAssets::<T>::try_mutate(&asset, |info| {
				let info = info.as_mut().ok_or(Error::<T>::UnknownCollateral)?;
				Ok::<_, Error<T>>(core::mem::replace(&mut info.price_source, price_source.clone()))
			})?;
			Self::deposit_event(Event::PriceSourceUpdated { asset, old, new: price_source });
			Ok(())
		}

		/// Changes `asset`'s multiplier. A raise (above the multiplier in force) is scheduled for
		/// `Config::RiskChangeDelay` seconds from now, replacing any raise pending; positions are
		/// valued with the multiplier in force until then. Anything else applies at once and drops
		/// a pending raise.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// `UnknownCollateral`, `ZeroMultiplier`.
		///
		/// Emits `MultiplierChangeScheduled` for a raise, else `MultiplierUpdated` with the old
		/// and new multiplier; `MultiplierChangeCancelled` when it drops a pending raise.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::update_collateral_multiplier())]
		pub fn update_collateral_multiplier(
			origin: OriginFor<T>,
			asset: AssetId,
			multiplier: FixedU128,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!multiplier.is_zero(), Error::<T>::ZeroMultiplier);
			let mut info =
				CollateralAssets::<T>::get(&asset).ok_or(Error::<T>::UnknownCollateral)?;
			let now = T::UnixTime::now().as_secs();
			let pending = Self::settle(&asset, &mut info, now);
			if let Some(dropped) = pending {
				Self::deposit_event(Event::MultiplierChangeCancelled {
					asset: asset.clone(),
					multiplier: dropped.value,
				});
			}
			match RiskUpdate::decide(info.multiplier, multiplier, now, T::RiskChangeDelay::get()) {
				RiskUpdate::Now(new) => {
					let old = core::mem::replace(&mut info.multiplier, new);
					ScheduledMultipliers::<T>::remove(&asset);
					CollateralAssets::<T>::insert(&asset, info);
					Self::deposit_event(Event::MultiplierUpdated { asset, old, new });
				}
				RiskUpdate::Later(change) => {
					ScheduledMultipliers::<T>::insert(&asset, change);
					CollateralAssets::<T>::insert(&asset, info);
					Self::deposit_event(Event::MultiplierChangeScheduled {
						asset,
						multiplier: change.value,
						effective_at: change.effective_at,
					});
				}
			}
			Ok(())
		}

		/// Revokes `asset`: it stays priced, but Mint accepts it for no new position or deposit.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// `UnknownCollateral`, `AlreadyRevoked`.
		///
		/// Emits `CollateralRevoked`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_collateral_asset())]
		pub fn revoke_collateral_asset(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_revoke(asset)
		}

		/// Applies `asset`'s scheduled multiplier now, before its time: an emergency measure for
		/// Root (sudo on a test chain; a migration-class poll on a chain without sudo).
		///
		/// ## Dispatch Origin
		/// Root.
		///
		/// ## Errors
		/// `NoScheduledChange`, `UnknownCollateral`.
		///
		/// Emits `MultiplierUpdated` with the old and new multiplier.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::apply_multiplier_change())]
		pub fn apply_multiplier_change(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			ensure_root(origin)?;
			let change =
				ScheduledMultipliers::<T>::get(&asset).ok_or(Error::<T>::NoScheduledChange)?;
			let old = CollateralAssets::<T>::try_mutate(&asset, |info| {
				let info = info.as_mut().ok_or(Error::<T>::UnknownCollateral)?;
				Ok::<_, Error<T>>(core::mem::replace(&mut info.multiplier, change.value))
			})?;
			ScheduledMultipliers::<T>::remove(&asset);
			Self::deposit_event(Event::MultiplierUpdated { asset, old, new: change.value });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Folds `asset`'s scheduled multiplier into `info` if its time has come (removing the
	/// schedule); returns the schedule still pending.
	fn settle(asset: &AssetId, info: &mut CollateralInfo, now: Moment) -> Option<ScheduledChange> {
		let scheduled = ScheduledMultipliers::<T>::get(asset)?;
		let (in_force, pending) = ScheduledChange::resolve(info.multiplier, Some(scheduled), now);
		info.multiplier = in_force;
		if pending.is_none() {
			ScheduledMultipliers::<T>::remove(asset);
		}
		pending
	}

	/// The multiplier in force now and the raise still pending, from `info` and the schedule.
	fn multiplier_of(
		asset: &AssetId,
		info: &CollateralInfo,
	) -> (FixedU128, Option<ScheduledChange>) {
		ScheduledChange::resolve(
			info.multiplier,
			ScheduledMultipliers::<T>::get(asset),
			T::UnixTime::now().as_secs(),
		)
	}

	fn source_is_valid(asset: &AssetId, source: &PriceSource) -> bool {
		match source {
			PriceSource::Oracle => true,
			PriceSource::Fixed(price) => !price.is_zero(),
			PriceSource::AmmTwap { quote, window } => *window > 0 && quote != asset,
		}
	}

	fn do_register(
		asset: AssetId,
		price_source: PriceSource,
		multiplier: FixedU128,
	) -> DispatchResult {
		ensure!(
			<T::Assets as mirror_primitives::AssetExists>::asset_exists(&asset),
			Error::<T>::AssetNotFound
		);
		ensure!(!multiplier.is_zero(), Error::<T>::ZeroMultiplier);
		ensure!(Self::source_is_valid(&asset, &price_source), Error::<T>::InvalidPriceSource);
		ensure!(!CollateralAssets::<T>::contains_key(&asset), Error::<T>::AlreadyRegistered);
		CollateralAssets::<T>::insert(
			&asset,
			CollateralInfo { price_source: price_source.clone(), multiplier, is_revoked: false },
		);
		Self::deposit_event(Event::CollateralRegistered { asset, price_source, multiplier });
		Ok(())
	}

	fn do_revoke(asset: AssetId) -> DispatchResult {
		CollateralAssets::<T>::try_mutate(&asset, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownCollateral)?;
			ensure!(!info.is_revoked, Error::<T>::AlreadyRevoked);
			info.is_revoked = true;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::CollateralRevoked { asset });
		Ok(())
	}

	/// The price of `asset` from `source`, with feeds at most `max_age` old: the price, when it
	/// was last updated, and whether the oracle price behind it is contested (see
	/// [`mirror_primitives::OraclePrice::contested`]).
	fn source_price(
		asset: &AssetId,
		source: &PriceSource,
		max_age: Moment,
	) -> Result<(FixedU128, Moment, bool), CollateralError> {
		match source {
			PriceSource::Oracle => {
				let oracle =
					T::Oracle::oracle_price(asset, max_age).map_err(CollateralError::Price)?;
				Ok((oracle.price, oracle.updated_at, oracle.contested))
			}
			PriceSource::Fixed(price) => Ok((*price, T::UnixTime::now().as_secs(), false)),
			PriceSource::AmmTwap { quote, window } => {
				let twap = T::Twap::twap(asset, quote, *window).map_err(CollateralError::Twap)?;
				let quote_price =
					T::Oracle::oracle_price(quote, max_age).map_err(CollateralError::Price)?;
				// Rounded down: collateral is never valued above its price.
				Ok((
					twap.saturating_mul(quote_price.price),
					quote_price.updated_at,
					quote_price.contested,
				))
			}
		}
	}

	/// The invariants of the registry:
	/// - every multiplier is positive, scheduled ones too, and only registered collateral has a
	///   schedule;
	/// - every price source is valid (a positive fixed price; a positive window and a quote asset
	///   other than the collateral itself).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (asset, info) in CollateralAssets::<T>::iter() {
			ensure!(!info.multiplier.is_zero(), "a collateral multiplier is zero");
			ensure!(Self::source_is_valid(&asset, &info.price_source), "a price source is invalid");
		}
		for (asset, change) in ScheduledMultipliers::<T>::iter() {
			ensure!(
				CollateralAssets::<T>::contains_key(&asset),
				"a schedule outlived its collateral"
			);
			ensure!(!change.value.is_zero(), "a scheduled multiplier is zero");
		}
		Ok(())
	}
}

impl<T: Config> ProvideCollateralPrice for Pallet<T> {
	fn collateral_price(
		asset: &AssetId,
		max_age: Moment,
	) -> Result<CollateralPrice, CollateralError> {
		let info = CollateralAssets::<T>::get(asset).ok_or(CollateralError::UnknownCollateral)?;
		let (price, updated_at, contested) =
			Self::source_price(asset, &info.price_source, max_age)?;
		let (multiplier, scheduled_multiplier) = Self::multiplier_of(asset, &info);
		Ok(CollateralPrice {
			price,
			updated_at,
			contested,
			multiplier,
			is_revoked: info.is_revoked,
			scheduled_multiplier,
		})
	}

	fn collateral_status(asset: &AssetId) -> Result<CollateralStatus, CollateralError> {
		let info = CollateralAssets::<T>::get(asset).ok_or(CollateralError::UnknownCollateral)?;
		let (multiplier, scheduled_multiplier) = Self::multiplier_of(asset, &info);
		Ok(CollateralStatus { multiplier, is_revoked: info.is_revoked, scheduled_multiplier })
	}
}

impl<T: Config> CollateralRegistry for Pallet<T> {
	fn register_collateral(
		asset: AssetId,
		source: PriceSource,
		multiplier: FixedU128,
	) -> Result<(), DispatchError> {
		Self::do_register(asset, source, multiplier)
	}

	fn revoke_collateral(asset: AssetId) -> Result<(), DispatchError> {
		Self::do_revoke(asset)
	}

	fn delist_collateral(asset: AssetId, price: FixedU128) -> Result<(), DispatchError> {
		ensure!(!price.is_zero(), Error::<T>::InvalidPriceSource);
		let new = PriceSource::Fixed(price);
		let (old, was_revoked) = CollateralAssets::<T>::try_mutate(&asset, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownCollateral)?;
			let old = core::mem::replace(&mut info.price_source, new.clone());
			let was_revoked = core::mem::replace(&mut info.is_revoked, true);
			Ok::<_, Error<T>>((old, was_revoked))
		})?;
		Self::deposit_event(Event::PriceSourceUpdated { asset: asset.clone(), old, new });
		if !was_revoked {
			Self::deposit_event(Event::CollateralRevoked { asset });
		}
		Ok(())
	}
}
