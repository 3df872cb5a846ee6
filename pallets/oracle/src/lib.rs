//! # Oracle pallet
//!
//! Mirror's price feeds. Every CDP operation needs a fresh price, and the 2022 LUNC exploit showed
//! what one bad feed costs, so this oracle takes several feeders per asset, prices an asset by the
//! **median of its fresh feeds**, and guards every feed with a per-asset circuit breaker.
//!
//! ## Terminology
//! - **Feeder**: an account the admin registered for an asset; only feeders feed its price.
//! - **Feed**: a feeder's latest price of an asset, stamped with the block's time (seconds).
//! - **Fresh**: a feed at most the caller's `max_age` seconds old (Mint asks for 60 s).
//! - **Price**: the median of the fresh feeds, available only when at least the asset's
//!   `min_fresh_feeds` feeds are fresh (default 1, so a single feeder works as in the original).
//!   Its time is the oldest of the fresh feeds used. UST ([`Config::QuoteAsset`]) is priced 1 and
//!   never stale.
//! - **Circuit breaker**: per asset (off by default), a sanity range and a maximum deviation from
//!   the current fresh median (fresh within [`Config::FreshnessWindow`]). A feed outside them is
//!   skipped with a [`Event::FeedRejected`] event; the rest of its batch applies. With no fresh
//!   median every feed is accepted, so a lone feeder is never locked out after a market pause.
//! - **Frozen**: an asset the admin froze has no price (feeds are still recorded).
//!
//! ## Fees, and why free feeds cannot fill a block
//! A successful `feed_prices` pays no fee (`Pays::No`), so feeders need no MIR float. A free call
//! is a way to fill blocks for nothing, so the runtime's [`CheckFeed`] transaction extension
//! refuses, before a feed enters the transaction pool or a block, every `feed_prices` that would
//! fail: an empty batch, a sender that is not a registered feeder of every asset in it, a
//! repeated asset, a zero price, an asset the feeder already fed in this block, or a feeder that
//! has landed [`Config::MaxFeedsPerBlock`] feeds in this block already. A block therefore holds at
//! most `feeders × MaxFeedsPerBlock` free feeds, and feeders are registered by the admin only.
//!
//! ## Calls
//! - [`Pallet::register_feeder`], [`Pallet::remove_feeder`], [`Pallet::set_asset_config`],
//!   [`Pallet::freeze`], [`Pallet::unfreeze`]: the admin origin.
//! - [`Pallet::feed_prices`]: a signed feeder, a bounded batch of `(asset, price)`.
//!
//! Other pallets read prices through [`mirror_primitives::PriceProvider`]; clients through the
//! `OracleApi` runtime API.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extension;
pub mod median;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::CheckFeed;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::UnixTime};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	AssetExists, AssetId, FeedInfo, Moment, OracleAssetConfig, PriceError, PriceInfo, PricePoint,
	PriceProvider,
};
use sp_runtime::FixedU128;

/// The feeds of one asset as stored.
pub type AssetFeedsOf<T> = AssetFeeds<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxFeeders,
>;

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
		/// Registers and removes feeders, sets asset configs, freezes and unfreezes.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The chain's clock (`pallet-timestamp`).
		type UnixTime: UnixTime;

		/// Which tokens exist: a feeder is registered only for an existing one.
		type Assets: AssetExists;

		/// The asset every price is quoted in (UST): priced 1, never fed.
		#[pallet::constant]
		type QuoteAsset: Get<AssetId>;

		/// The most feeders an asset may have.
		#[pallet::constant]
		type MaxFeeders: Get<u32>;

		/// The most prices one `feed_prices` call may carry.
		#[pallet::constant]
		type MaxPricesPerFeed: Get<u32>;

		/// How old (seconds) the feeds may be that the circuit breaker compares a new feed with.
		#[pallet::constant]
		type FreshnessWindow: Get<Moment>;

		/// The most `feed_prices` calls one feeder may land in one block (they are free).
		#[pallet::constant]
		type MaxFeedsPerBlock: Get<u32>;

		/// Blocks a feed may wait in the transaction pool before it is dropped. A feed is stamped
		/// with the time of the block that includes it, so a price that waited longer (behind a
		/// feed refused at block building, say) would land as a fresh price of a past moment.
		#[pallet::constant]
		type FeedLongevity: Get<u64>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates the tokens the benchmarks register.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: mirror_primitives::CreateToken;
	}

	/// Every asset the oracle knows: its feeders with their latest feeds, its config, whether it
	/// is frozen.
	#[pallet::storage]
	pub type Feeds<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, AssetFeedsOf<T>>;

	/// Per feeder: the block of its latest landed `feed_prices` and how many it landed in that
	/// block. One entry per account that ever fed, and only registered feeders can feed.
	#[pallet::storage]
	pub type FeedsInBlock<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32)>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A feeder fed a price.
		PriceFed {
			/// The asset.
			asset: AssetId,
			/// The feeder.
			feeder: T::AccountId,
			/// The price in UST.
			price: FixedU128,
			/// The block's time, seconds.
			timestamp: Moment,
		},
		/// The circuit breaker skipped a feed; the rest of its batch applied.
		FeedRejected {
			/// The asset.
			asset: AssetId,
			/// The feeder.
			feeder: T::AccountId,
			/// The rejected price.
			price: FixedU128,
			/// Why.
			reason: RejectReason,
		},
		/// A feeder was registered for an asset.
		FeederRegistered {
			/// The asset.
			asset: AssetId,
			/// The feeder.
			feeder: T::AccountId,
		},
		/// A feeder was removed from an asset, with its feed.
		FeederRemoved {
			/// The asset.
			asset: AssetId,
			/// The feeder.
			feeder: T::AccountId,
		},
		/// An asset's config changed.
		AssetConfigUpdated {
			/// The asset.
			asset: AssetId,
			/// The config before.
			old: OracleAssetConfig,
			/// The config now.
			new: OracleAssetConfig,
		},
		/// An asset was frozen: it has no price until unfrozen.
		AssetFrozen {
			/// The asset.
			asset: AssetId,
		},
		/// An asset was unfrozen.
		AssetUnfrozen {
			/// The asset.
			asset: AssetId,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The sender is not a registered feeder of the asset.
		NotFeeder,
		/// The oracle does not know the asset (no feeder was ever registered for it).
		UnknownAsset,
		/// A price of zero.
		ZeroPrice,
		/// The same asset twice in one batch.
		DuplicateAsset,
		/// The account already feeds the asset.
		AlreadyFeeder,
		/// The asset has the most feeders allowed.
		TooManyFeeders,
		/// The feeder already fed the asset in this block.
		AlreadyFed,
		/// The quote asset (UST) is priced 1 by definition and has no feeders.
		QuoteAssetNotFed,
		/// An asset config with `min_fresh_feeds` of 0 or above the feeder limit, a zero maximum
		/// deviation, or a sanity range whose minimum is zero or above its maximum.
		InvalidConfig,
		/// The asset is already frozen.
		AlreadyFrozen,
		/// The asset is not frozen.
		NotFrozen,
		/// No feed of the asset is fresh enough.
		PriceStale,
		/// The asset is frozen.
		AssetFrozen,
		/// The asset has no price: unknown, never fed, or too few fresh feeds.
		NoPrice,
		/// A `feed_prices` with no price in it.
		EmptyFeed,
		/// The feeder landed [`Config::MaxFeedsPerBlock`] feeds in this block already.
		TooManyFeedsInBlock,
		/// No such token exists (a feeder can be registered only for an existing one).
		AssetNotFound,
	}

	/// Feeders and configs at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(asset, feeder)` pairs to register.
		pub feeders: Vec<(AssetId, T::AccountId)>,
		/// `(asset, config)` pairs to set (after the feeders).
		pub configs: Vec<(AssetId, OracleAssetConfig)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (asset, feeder) in &self.feeders {
				let result = Pallet::<T>::do_register_feeder(asset.clone(), feeder.clone());
				assert!(result.is_ok(), "genesis feeder {asset:?} invalid: {result:?}");
			}
			for (asset, config) in &self.configs {
				let result = Pallet::<T>::do_set_asset_config(asset.clone(), *config);
				assert!(result.is_ok(), "genesis oracle config {asset:?} invalid: {result:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxFeeders::get() > 0, "an asset needs room for a feeder");
			assert!(T::MaxPricesPerFeed::get() > 0, "a feed needs room for a price");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `feeder` as a feeder of `asset`; the oracle then knows the asset.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// [`Error::QuoteAssetNotFed`] for UST, [`Error::AssetNotFound`] for a token that does
		/// not exist, [`Error::AlreadyFeeder`], [`Error::TooManyFeeders`].
		///
		/// Emits [`Event::FeederRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_feeder())]
		pub fn register_feeder(
			origin: OriginFor<T>,
			asset: AssetId,
			feeder: T::AccountId,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register_feeder(asset, feeder)
		}

		/// Removes `feeder` and its feed from `asset`. The asset stays known (with its config)
		/// even without feeders.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// [`Error::UnknownAsset`], [`Error::NotFeeder`].
		///
		/// Emits [`Event::FeederRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_feeder())]
		pub fn remove_feeder(
			origin: OriginFor<T>,
			asset: AssetId,
			feeder: T::AccountId,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Feeds::<T>::try_mutate(&asset, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				let index = entry
					.feeds
					.iter()
					.position(|f| f.feeder == feeder)
					.ok_or(Error::<T>::NotFeeder)?;
				entry.feeds.remove(index);
				Ok(())
			})?;
			Self::deposit_event(Event::FeederRemoved { asset, feeder });
			Ok(())
		}

		/// Feeds prices: for each `(asset, price)` the sender must be a feeder of the asset. Each
		/// feed is stamped with the block's time. A feed the circuit breaker refuses is skipped
		/// with [`Event::FeedRejected`]; the others apply.
		///
		/// ## Dispatch Origin
		/// Signed, by a feeder of every asset in the batch. Free when it succeeds.
		///
		/// ## Errors
		/// The whole batch fails on [`Error::EmptyFeed`], [`Error::UnknownAsset`],
		/// [`Error::NotFeeder`], [`Error::ZeroPrice`], [`Error::DuplicateAsset`],
		/// [`Error::AlreadyFed`] (the feeder fed that asset in this block already) or
		/// [`Error::TooManyFeedsInBlock`]. Signed directly, such a call never reaches a block:
		/// [`CheckFeed`] refuses it first; wrapped in another call (a batch) it pays. A batch
		/// longer than [`Config::MaxPricesPerFeed`] does not decode.
		///
		/// Emits [`Event::PriceFed`] or [`Event::FeedRejected`] per price.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::feed_prices(prices.len() as u32))]
		pub fn feed_prices(
			origin: OriginFor<T>,
			prices: BoundedVec<(AssetId, FixedU128), T::MaxPricesPerFeed>,
		) -> DispatchResultWithPostInfo {
			let feeder = ensure_signed(origin)?;
			// Everything is checked first, so that a failing batch changes nothing. The
			// `CheckFeed` extension runs the same checks before the call enters a block.
			let checked = Self::check_feed(&feeder, &prices).map_err(Error::<T>::from)?;
			let now = Self::now();
			let block = frame_system::Pallet::<T>::block_number();
			let mut scratch = Vec::with_capacity(T::MaxFeeders::get() as usize);
			let updates = checked.into_iter().map(|(asset, price, entry, index)| {
				let verdict = Self::circuit_breaker(&entry, price, now, &mut scratch);
				(asset, price, entry, index, verdict)
			});
			FeedsInBlock::<T>::mutate(&feeder, |landed| {
				*landed = match *landed {
					Some((b, count)) if b == block => Some((block, count.saturating_add(1))),
					_ => Some((block, 1)),
				};
			});
			for (asset, price, mut entry, index, verdict) in updates {
				if let Err(reason) = verdict {
					Self::deposit_event(Event::FeedRejected {
						asset,
						feeder: feeder.clone(),
						price,
						reason,
					});
					continue;
				}
				if let Some(feed) = entry.feeds.get_mut(index) {
					feed.latest = Some(PricePoint { price, updated_at: now });
					feed.fed_in_block = block;
				}
				Feeds::<T>::insert(&asset, entry);
				Self::deposit_event(Event::PriceFed {
					asset,
					feeder: feeder.clone(),
					price,
					timestamp: now,
				});
			}
			Ok(Pays::No.into())
		}

		/// Sets `asset`'s minimum number of fresh feeds and its circuit breaker.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// [`Error::UnknownAsset`], [`Error::InvalidConfig`].
		///
		/// Emits [`Event::AssetConfigUpdated`] with the old and new config.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_asset_config())]
		pub fn set_asset_config(
			origin: OriginFor<T>,
			asset: AssetId,
			config: OracleAssetConfig,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_asset_config(asset, config)
		}

		/// Freezes `asset`: it has no price until unfrozen. Feeds are still recorded.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// [`Error::UnknownAsset`], [`Error::AlreadyFrozen`].
		///
		/// Emits [`Event::AssetFrozen`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::set_frozen(&asset, true)?;
			Self::deposit_event(Event::AssetFrozen { asset });
			Ok(())
		}

		/// Unfreezes `asset`.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// [`Error::UnknownAsset`], [`Error::NotFrozen`].
		///
		/// Emits [`Event::AssetUnfrozen`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::set_frozen(&asset, false)?;
			Self::deposit_event(Event::AssetUnfrozen { asset });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The block's time in seconds.
	pub fn now() -> Moment {
		T::UnixTime::now().as_secs()
	}

	fn do_register_feeder(asset: AssetId, feeder: T::AccountId) -> DispatchResult {
		ensure!(asset != T::QuoteAsset::get(), Error::<T>::QuoteAssetNotFed);
		ensure!(T::Assets::asset_exists(&asset), Error::<T>::AssetNotFound);
		Feeds::<T>::try_mutate(&asset, |entry| -> DispatchResult {
			let entry = entry.get_or_insert_with(Default::default);
			ensure!(!entry.feeds.iter().any(|f| f.feeder == feeder), Error::<T>::AlreadyFeeder);
			entry
				.feeds
				.try_push(Feed { feeder: feeder.clone(), latest: None, fed_in_block: Zero::zero() })
				.map_err(|_| Error::<T>::TooManyFeeders)?;
			Ok(())
		})?;
		Self::deposit_event(Event::FeederRegistered { asset, feeder });
		Ok(())
	}

	/// Checks a `feed_prices` of `feeder` without changing anything, and returns each price with
	/// its asset's entry and the feeder's index in it. Used by the call and by [`CheckFeed`].
	#[allow(clippy::type_complexity)]
	pub fn check_feed(
		feeder: &T::AccountId,
		prices: &[(AssetId, FixedU128)],
	) -> Result<Vec<(AssetId, FixedU128, AssetFeedsOf<T>, usize)>, FeedInvalid> {
		ensure!(!prices.is_empty(), FeedInvalid::Empty);
		let block = frame_system::Pallet::<T>::block_number();
		if let Some((landed_in, count)) = FeedsInBlock::<T>::get(feeder) {
			ensure!(
				landed_in != block || count < T::MaxFeedsPerBlock::get(),
				FeedInvalid::TooManyFeedsInBlock
			);
		}
		let mut checked = Vec::with_capacity(prices.len());
		for (i, (asset, price)) in prices.iter().enumerate() {
			ensure!(
				!prices.iter().skip(i + 1).any(|(other, _)| other == asset),
				FeedInvalid::DuplicateAsset
			);
			ensure!(!price.is_zero(), FeedInvalid::ZeroPrice);
			let entry = Feeds::<T>::get(asset).ok_or(FeedInvalid::UnknownAsset)?;
			let index = entry
				.feeds
				.iter()
				.position(|f| &f.feeder == feeder)
				.ok_or(FeedInvalid::NotFeeder)?;
			let fed = entry.feeds.get(index).ok_or(FeedInvalid::NotFeeder)?;
			ensure!(fed.latest.is_none() || fed.fed_in_block != block, FeedInvalid::AlreadyFed);
			checked.push((asset.clone(), *price, entry, index));
		}
		Ok(checked)
	}

	fn do_set_asset_config(asset: AssetId, config: OracleAssetConfig) -> DispatchResult {
		ensure!(Self::config_is_valid(&config), Error::<T>::InvalidConfig);
		let old = Feeds::<T>::try_mutate(&asset, |entry| -> Result<_, DispatchError> {
			let entry = entry.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			Ok(core::mem::replace(&mut entry.config, config))
		})?;
		Self::deposit_event(Event::AssetConfigUpdated { asset, old, new: config });
		Ok(())
	}

	fn config_is_valid(config: &OracleAssetConfig) -> bool {
		(1..=T::MaxFeeders::get()).contains(&config.min_fresh_feeds)
			&& config.max_deviation.is_none_or(|d| !d.is_zero())
			&& config.sanity_range.is_none_or(|r| !r.min.is_zero() && r.min <= r.max)
	}

	fn set_frozen(asset: &AssetId, frozen: bool) -> DispatchResult {
		Feeds::<T>::try_mutate(asset, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			if frozen {
				ensure!(!entry.frozen, Error::<T>::AlreadyFrozen);
			} else {
				ensure!(entry.frozen, Error::<T>::NotFrozen);
			}
			entry.frozen = frozen;
			Ok(())
		})
	}

	/// Whether the circuit breaker lets `price` through for the asset of `entry`.
	fn circuit_breaker(
		entry: &AssetFeedsOf<T>,
		price: FixedU128,
		now: Moment,
		scratch: &mut Vec<FixedU128>,
	) -> Result<(), RejectReason> {
		if let Some(range) = entry.config.sanity_range {
			if price < range.min || price > range.max {
				return Err(RejectReason::OutOfRange);
			}
		}
		if let Some(max_deviation) = entry.config.max_deviation {
			let reference = median::fresh_median(
				entry.feeds.iter().filter_map(|f| f.latest.as_ref()),
				now,
				T::FreshnessWindow::get(),
				scratch,
			);
			if let Some((reference, _)) = reference {
				let too_far =
					median::deviation(price, reference.price).is_none_or(|d| d > max_deviation);
				if too_far {
					return Err(RejectReason::TooFarFromMedian);
				}
			}
		}
		Ok(())
	}

	/// The price of `entry`'s asset from feeds at most `max_age` old at `now`.
	fn aggregate(
		entry: &AssetFeedsOf<T>,
		now: Moment,
		max_age: Moment,
	) -> Result<PricePoint, PriceError> {
		if entry.frozen {
			return Err(PriceError::Frozen);
		}
		if !entry.feeds.iter().any(|f| f.latest.is_some()) {
			return Err(PriceError::NoPrice);
		}
		let mut scratch = Vec::with_capacity(entry.feeds.len());
		let (point, fresh) = median::fresh_median(
			entry.feeds.iter().filter_map(|f| f.latest.as_ref()),
			now,
			max_age,
			&mut scratch,
		)
		.ok_or(PriceError::Stale)?;
		if fresh < entry.config.min_fresh_feeds {
			return Err(PriceError::NotEnoughFeeds);
		}
		Ok(point)
	}

	/// The runtime API's view of `asset`; `None` if the oracle does not know it.
	pub fn price_info(asset: AssetId, max_age: Moment) -> Option<PriceInfo<T::AccountId>> {
		let now = Self::now();
		if asset == T::QuoteAsset::get() {
			return Some(PriceInfo {
				asset,
				price: Ok(PricePoint { price: FixedU128::one(), updated_at: now }),
				feeds: Vec::new(),
				config: OracleAssetConfig::default(),
				frozen: false,
			});
		}
		Feeds::<T>::get(&asset).map(|entry| Self::info_of(asset, &entry, now, max_age))
	}

	fn info_of(
		asset: AssetId,
		entry: &AssetFeedsOf<T>,
		now: Moment,
		max_age: Moment,
	) -> PriceInfo<T::AccountId> {
		PriceInfo {
			asset,
			price: Self::aggregate(entry, now, max_age),
			feeds: entry
				.feeds
				.iter()
				.map(|f| FeedInfo {
					feeder: f.feeder.clone(),
					latest: f.latest,
					fresh: f.latest.is_some_and(|p| median::is_fresh(p.updated_at, now, max_age)),
				})
				.collect(),
			config: entry.config,
			frozen: entry.frozen,
		}
	}

	/// Every known asset as the runtime API shows it. Off-chain only: it reads every asset.
	pub fn all_price_infos(max_age: Moment) -> Vec<PriceInfo<T::AccountId>> {
		let now = Self::now();
		Feeds::<T>::iter()
			.map(|(asset, entry)| Self::info_of(asset, &entry, now, max_age))
			.collect()
	}

	/// Maps a [`PriceError`] to this pallet's error, for callers that want a dispatch error.
	pub fn price_error(e: PriceError) -> Error<T> {
		match e {
			PriceError::Stale => Error::<T>::PriceStale,
			PriceError::Frozen => Error::<T>::AssetFrozen,
			PriceError::UnknownAsset | PriceError::NoPrice | PriceError::NotEnoughFeeds => {
				Error::<T>::NoPrice
			}
		}
	}

	/// The invariants of the oracle's storage:
	/// - the quote asset has no feeds entry (it is priced 1 by definition);
	/// - no asset lists a feeder twice;
	/// - every fed price is positive and no feed is stamped in the future;
	/// - every asset's config is valid (as `set_asset_config` requires).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			!Feeds::<T>::contains_key(T::QuoteAsset::get()),
			"the quote asset must not have feeds"
		);
		let now = Self::now();
		for (_, entry) in Feeds::<T>::iter() {
			for (i, f) in entry.feeds.iter().enumerate() {
				ensure!(
					!entry.feeds.iter().skip(i + 1).any(|g| g.feeder == f.feeder),
					"a feeder is listed twice for one asset"
				);
				if let Some(p) = f.latest {
					ensure!(!p.price.is_zero(), "a fed price is zero");
					ensure!(p.updated_at <= now, "a feed is stamped in the future");
				}
			}
			ensure!(Self::config_is_valid(&entry.config), "an asset config is invalid");
		}
		Ok(())
	}
}

impl<T: Config> From<FeedInvalid> for Error<T> {
	fn from(reason: FeedInvalid) -> Self {
		match reason {
			FeedInvalid::Empty => Error::<T>::EmptyFeed,
			FeedInvalid::DuplicateAsset => Error::<T>::DuplicateAsset,
			FeedInvalid::ZeroPrice => Error::<T>::ZeroPrice,
			FeedInvalid::UnknownAsset => Error::<T>::UnknownAsset,
			FeedInvalid::NotFeeder => Error::<T>::NotFeeder,
			FeedInvalid::AlreadyFed => Error::<T>::AlreadyFed,
			FeedInvalid::TooManyFeedsInBlock => Error::<T>::TooManyFeedsInBlock,
		}
	}
}

impl<T: Config> PriceProvider for Pallet<T> {
	fn price(asset: &AssetId, max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		let now = Self::now();
		if *asset == T::QuoteAsset::get() {
			return Ok((FixedU128::one(), now));
		}
		let entry = Feeds::<T>::get(asset).ok_or(PriceError::UnknownAsset)?;
		Self::aggregate(&entry, now, max_age).map(|p| (p.price, p.updated_at))
	}
}

impl<T: Config> mirror_primitives::FeederRegistry<T::AccountId> for Pallet<T> {
	fn register_feeder(asset: &AssetId, feeder: &T::AccountId) -> DispatchResult {
		Self::do_register_feeder(asset.clone(), feeder.clone())
	}
}
