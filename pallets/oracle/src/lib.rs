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
//! - **Circuit breaker**: on for every asset the runtime lists ([`Config::DefaultAssetConfig`]),
//!   in three stages, each with [`Config::FreshnessWindow`] as its idea of fresh:
//!   1. *Sanity ranges* reject a feed outright ([`Event::FeedRejected`]): an absolute range, and a
//!      relative one around the **last accepted median** (by default ×0.1 to ×10, compounding
//!      per started hour since that median, so assets from 0.01 to 400 UST share one setting).
//!   2. *Maximum deviation*: a feed is measured against its **reference**, the median of the
//!      *other* feeders' fresh feeds — never its own — or the last accepted median when fewer than
//!      `min_fresh_feeds` others are fresh. Within the deviation it is accepted.
//!   3. *Pending*: a feed further away is held as the feeder's pending feed
//!      ([`Event::FeedPending`]), not dropped. When at least `max(min_fresh_feeds, 2)` feeders'
//!      fresh pending feeds agree (within the deviation of each other), they become those
//!      feeders' latest feeds and the median moves ([`Event::PendingConfirmed`]). An asset with a
//!      single feeder confirms a new level by feeding it again in a later block.
//!
//!   While fresh pending feeds of an asset are at least as many as the fresh feeds supporting
//!   its median, its price is **contested** ([`mirror_primitives::OraclePrice::contested`]):
//!   Mint treats it like a stale price for the operations a user could profit from at a lagging
//!   price. One bad feeder among honest ones therefore cannot halt Mint.
//! - **Fallback**: an asset may name a fallback source ([`mirror_primitives::OracleFallback`], the
//!   AMM's time-weighted price against UST over its own window), which answers only when the
//!   feeds are too few or too old, and only within the relative sanity range of the last
//!   accepted median; the price says which source answered.
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
pub mod migrations;
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
	AssetExists, AssetId, FeedInfo, Moment, OracleAssetConfig, OracleFallback, OraclePrice,
	PriceError, PriceInfo, PriceOrigin, PricePoint, PriceProvider, TwapProvider,
};
use sp_runtime::FixedU128;

/// The feeds of one asset as stored.
pub type AssetFeedsOf<T> = AssetFeeds<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxFeeders,
>;

/// Price feeds for mAssets. Feeders the admin registers feed prices; an asset's price is the
/// median of its fresh feeds, and every feed passes the asset's circuit breaker (sanity ranges, a
/// maximum deviation, and pending feeds that need other feeders' agreement). The admin registers
/// feeders, sets each asset's minimum fresh feeds and circuit breaker, and can freeze a price.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// How old (seconds) the feeds may be that the circuit breaker compares a new feed with,
		/// and pending feeds that still count (and contest the price).
		#[pallet::constant]
		type FreshnessWindow: Get<Moment>;

		/// The config an asset gets when the oracle first learns of it (its first feeder, which
		/// the Factory registers on listing): the breaker is on unless the admin turns it off.
		#[pallet::constant]
		type DefaultAssetConfig: Get<OracleAssetConfig>;

		/// Time-weighted AMM prices, for assets whose fallback is
		/// [`OracleFallback::AmmTwap`].
		type Twap: TwapProvider;

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
	// `AssetConfigUpdated` carries two configs: an admin event, rare, and its size is what the
	// event says (boxing would not change its encoding).
	#[allow(clippy::large_enum_variant)]
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
		/// A feed deviated from its reference by more than the asset's maximum: it is held as the
		/// feeder's pending feed until enough feeders agree on its level.
		FeedPending {
			/// The asset.
			asset: AssetId,
			/// The feeder.
			feeder: T::AccountId,
			/// The pending price.
			price: FixedU128,
			/// The price it was measured against: the other feeders' fresh median, or the last
			/// accepted median.
			reference: FixedU128,
		},
		/// Enough feeders agreed on a new level: their pending feeds became their latest feeds.
		PendingConfirmed {
			/// The asset.
			asset: AssetId,
			/// How many feeds were confirmed.
			feeds: u32,
			/// The median of the fresh feeds now.
			median: FixedU128,
		},
		/// The circuit breaker rejected a feed (a sanity range); the rest of its batch applied.
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
		/// deviation, a sanity range whose minimum is zero or above its maximum, a maximum move
		/// per hour of 1 or less, or a fallback window of zero.
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
		/// The feeder landed `Config::MaxFeedsPerBlock` feeds in this block already.
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
			assert!(
				Pallet::<T>::config_is_valid(&T::DefaultAssetConfig::get()),
				"the default asset config must be valid"
			);
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
		/// `QuoteAssetNotFed` for UST, `AssetNotFound` for a token that does
		/// not exist, `AlreadyFeeder`, `TooManyFeeders`.
		///
		/// Emits `FeederRegistered`.
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
		/// `UnknownAsset`, `NotFeeder`.
		///
		/// Emits `FeederRemoved`.
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
		/// feed is stamped with the block's time and goes through the asset's circuit breaker: it
		/// is accepted (`PriceFed`), held as pending (`FeedPending`, and
		/// `PendingConfirmed` once enough feeders agree), or rejected by a sanity range
		/// (`FeedRejected`). The others of the batch apply either way.
		///
		/// ## Dispatch Origin
		/// Signed, by a feeder of every asset in the batch. Free when it succeeds.
		///
		/// ## Errors
		/// The whole batch fails on `EmptyFeed`, `UnknownAsset`,
		/// `NotFeeder`, `ZeroPrice`, `DuplicateAsset`,
		/// `AlreadyFed` (the feeder fed that asset in this block already) or
		/// `TooManyFeedsInBlock`. Signed directly, such a call never reaches a block:
		/// `CheckFeed` refuses it first; wrapped in another call (a batch) it pays. A batch
		/// longer than `Config::MaxPricesPerFeed` does not decode.
		///
		/// Emits `PriceFed`, `FeedPending` or `FeedRejected` per price.
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
			FeedsInBlock::<T>::mutate(&feeder, |landed| {
				*landed = match *landed {
					Some((b, count)) if b == block => Some((block, count.saturating_add(1))),
					_ => Some((block, 1)),
				};
			});
			for (asset, price, mut entry, index) in checked {
				let point = PricePoint { price, updated_at: now };
				match Self::judge(&entry, index, price, now, &mut scratch) {
					Verdict::Reject(reason) => {
						Self::deposit_event(Event::FeedRejected {
							asset,
							feeder: feeder.clone(),
							price,
							reason,
						});
					}
					Verdict::Accept => {
						if let Some(feed) = entry.feeds.get_mut(index) {
							feed.latest = Some(point);
							feed.pending = None;
							feed.fed_in_block = block;
						}
						Self::update_last_median(&mut entry, now, &mut scratch);
						Feeds::<T>::insert(&asset, entry);
						Self::deposit_event(Event::PriceFed {
							asset,
							feeder: feeder.clone(),
							price,
							timestamp: now,
						});
					}
					Verdict::Hold { reference } => {
						let previous = entry.feeds.get_mut(index).and_then(|feed| {
							feed.fed_in_block = block;
							feed.pending.replace(point)
						});
						Self::deposit_event(Event::FeedPending {
							asset: asset.clone(),
							feeder: feeder.clone(),
							price,
							reference,
						});
						let confirmed =
							Self::confirm_pending(&mut entry, previous, now, &mut scratch);
						let median = entry.last_median.map(|m| m.price);
						Feeds::<T>::insert(&asset, entry);
						if let (Some(feeds), Some(median)) = (confirmed, median) {
							Self::deposit_event(Event::PendingConfirmed { asset, feeds, median });
						}
					}
				}
			}
			Ok(Pays::No.into())
		}

		/// Sets `asset`'s minimum number of fresh feeds and its circuit breaker.
		///
		/// ## Dispatch Origin
		/// The admin origin.
		///
		/// ## Errors
		/// `UnknownAsset`, `InvalidConfig`.
		///
		/// Emits `AssetConfigUpdated` with the old and new config.
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
		/// `UnknownAsset`, `AlreadyFrozen`.
		///
		/// Emits `AssetFrozen`.
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
		/// `UnknownAsset`, `NotFrozen`.
		///
		/// Emits `AssetUnfrozen`.
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
			let entry = entry.get_or_insert_with(|| AssetFeeds {
				config: T::DefaultAssetConfig::get(),
				..Default::default()
			});
			ensure!(!entry.feeds.iter().any(|f| f.feeder == feeder), Error::<T>::AlreadyFeeder);
			entry
				.feeds
				.try_push(Feed {
					feeder: feeder.clone(),
					latest: None,
					fed_in_block: Zero::zero(),
					pending: None,
				})
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
			let never_fed = fed.latest.is_none() && fed.pending.is_none();
			ensure!(never_fed || fed.fed_in_block != block, FeedInvalid::AlreadyFed);
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
			&& config.max_move_per_hour.is_none_or(|f| f > FixedU128::one())
			&& config.fallback.is_none_or(|f| match f {
				OracleFallback::AmmTwap { window } => window > 0,
			})
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

	/// What the circuit breaker does with `price` fed by the feeder at `index` of `entry`.
	pub fn judge(
		entry: &AssetFeedsOf<T>,
		index: usize,
		price: FixedU128,
		now: Moment,
		scratch: &mut Vec<FixedU128>,
	) -> Verdict {
		let config = &entry.config;
		if config.sanity_range.is_some_and(|range| price < range.min || price > range.max) {
			return Verdict::Reject(RejectReason::OutOfRange);
		}
		if !Self::within_relative_range(entry, price, now) {
			return Verdict::Reject(RejectReason::TooFarFromLastMedian);
		}
		let Some(max_deviation) = config.max_deviation else { return Verdict::Accept };
		// The feeder's own feed is never part of its reference, so it cannot walk the price.
		let others = entry
			.feeds
			.iter()
			.enumerate()
			.filter(|(i, _)| *i != index)
			.filter_map(|(_, f)| f.latest.as_ref());
		let reference = match median::fresh_median(others, now, T::FreshnessWindow::get(), scratch)
		{
			Some((median, fresh)) if fresh >= config.min_fresh_feeds => Some(median.price),
			_ => entry.last_median.map(|m| m.price),
		};
		match reference {
			Some(reference)
				if median::deviation(price, reference).is_none_or(|d| d > max_deviation) =>
			{
				Verdict::Hold { reference }
			}
			_ => Verdict::Accept,
		}
	}

	/// Whether `price` lies within `entry`'s relative sanity range around its last accepted
	/// median (always, without a range or a median).
	fn within_relative_range(entry: &AssetFeedsOf<T>, price: FixedU128, now: Moment) -> bool {
		match (entry.config.max_move_per_hour, entry.last_median) {
			(Some(factor), Some(last)) => {
				median::within_move(price, last.price, factor, now.saturating_sub(last.updated_at))
			}
			_ => true,
		}
	}

	/// Records the median of `entry`'s fresh feeds as its last accepted median, stamped `now`.
	fn update_last_median(entry: &mut AssetFeedsOf<T>, now: Moment, scratch: &mut Vec<FixedU128>) {
		let fresh = median::fresh_median(
			entry.feeds.iter().filter_map(|f| f.latest.as_ref()),
			now,
			T::FreshnessWindow::get(),
			scratch,
		);
		if let Some((median, _)) = fresh {
			entry.last_median = Some(PricePoint { price: median.price, updated_at: now });
		}
	}

	/// Confirms a new level when enough fresh pending feeds of `entry` agree on it: at least
	/// `max(min_fresh_feeds, 2)`, each within the maximum deviation of the lowest. The feeder's
	/// `previous` pending feed counts as a second voice only when it is the asset's one feeder.
	/// The agreeing feeds become their feeders' latest; returns how many.
	fn confirm_pending(
		entry: &mut AssetFeedsOf<T>,
		previous: Option<PricePoint>,
		now: Moment,
		scratch: &mut Vec<FixedU128>,
	) -> Option<u32> {
		let max_deviation = entry.config.max_deviation?;
		let window = T::FreshnessWindow::get();
		let fresh = |p: &PricePoint| median::is_fresh(p.updated_at, now, window);
		scratch.clear();
		scratch.extend(entry.feeds.iter().filter_map(|f| f.pending.filter(fresh)).map(|p| p.price));
		if entry.feeds.len() == 1 {
			scratch.extend(previous.filter(fresh).map(|p| p.price));
		}
		let (low, high, agreeing) = median::largest_agreement(scratch, max_deviation)?;
		if agreeing < entry.config.min_fresh_feeds.max(2) {
			return None;
		}
		let mut confirmed = 0u32;
		for feed in entry.feeds.iter_mut() {
			if let Some(p) = feed.pending.filter(|p| fresh(p) && p.price >= low && p.price <= high)
			{
				feed.latest = Some(p);
				feed.pending = None;
				confirmed = confirmed.saturating_add(1);
			}
		}
		Self::update_last_median(entry, now, scratch);
		Some(confirmed)
	}

	/// Whether `entry`'s price is contested: some feeders' fresh pending feeds disagree with the
	/// accepted median, and they are at least as many as the feeders whose fresh accepted feed
	/// (with no fresh pending one) supports it. One bad feeder of three does not contest a price
	/// the other two keep feeding; a lone feeder's unconfirmed move does.
	fn is_contested(entry: &AssetFeedsOf<T>, now: Moment) -> bool {
		let window = T::FreshnessWindow::get();
		let fresh = |p: &PricePoint| median::is_fresh(p.updated_at, now, window);
		let (mut pending, mut supporting) = (0u32, 0u32);
		for feed in entry.feeds.iter() {
			if feed.pending.as_ref().is_some_and(fresh) {
				pending = pending.saturating_add(1);
			} else if feed.latest.as_ref().is_some_and(fresh) {
				supporting = supporting.saturating_add(1);
			}
		}
		pending > 0 && pending >= supporting
	}

	/// The median of `entry`'s feeds at most `max_age` old at `now`.
	fn primary_price(
		entry: &AssetFeedsOf<T>,
		now: Moment,
		max_age: Moment,
	) -> Result<PricePoint, PriceError> {
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

	/// The price of `asset` (whose entry is `entry`) from feeds at most `max_age` old at `now`,
	/// or from its fallback when they are too few or too old.
	fn aggregate(
		asset: &AssetId,
		entry: &AssetFeedsOf<T>,
		now: Moment,
		max_age: Moment,
	) -> Result<OraclePrice, PriceError> {
		if entry.frozen {
			return Err(PriceError::Frozen);
		}
		let contested = Self::is_contested(entry, now);
		let primary = Self::primary_price(entry, now, max_age);
		let point = match (primary, entry.config.fallback) {
			(Ok(point), _) => return Ok(Self::answer(point, PriceOrigin::Feeds, contested)),
			(Err(e), None) => return Err(e),
			(Err(e), Some(OracleFallback::AmmTwap { window })) => {
				T::Twap::twap(asset, &T::QuoteAsset::get(), window)
					.ok()
					.filter(|price| {
						!price.is_zero() && Self::within_relative_range(entry, *price, now)
					})
					.map(|price| PricePoint { price, updated_at: now })
					.ok_or(e)?
			}
		};
		Ok(Self::answer(point, PriceOrigin::Fallback, contested))
	}

	fn answer(point: PricePoint, origin: PriceOrigin, contested: bool) -> OraclePrice {
		OraclePrice { price: point.price, updated_at: point.updated_at, origin, contested }
	}

	/// The runtime API's view of `asset`; `None` if the oracle does not know it.
	pub fn price_info(asset: AssetId, max_age: Moment) -> Option<PriceInfo<T::AccountId>> {
		let now = Self::now();
		if asset == T::QuoteAsset::get() {
			return Some(PriceInfo {
				asset,
				price: Ok(PricePoint { price: FixedU128::one(), updated_at: now }),
				origin: Some(PriceOrigin::Feeds),
				contested: false,
				last_median: None,
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
		let price = Self::aggregate(&asset, entry, now, max_age);
		// A price says whether it is contested; without one, the feeds still do.
		let contested = match price {
			Ok(p) => p.contested,
			Err(_) => Self::is_contested(entry, now),
		};
		PriceInfo {
			price: price.map(|p| PricePoint { price: p.price, updated_at: p.updated_at }),
			origin: price.ok().map(|p| p.origin),
			contested,
			last_median: entry.last_median,
			asset,
			feeds: entry
				.feeds
				.iter()
				.map(|f| FeedInfo {
					feeder: f.feeder.clone(),
					latest: f.latest,
					fresh: f.latest.is_some_and(|p| median::is_fresh(p.updated_at, now, max_age)),
					pending: f.pending,
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
	/// - every fed price (accepted or pending) is positive and none is stamped in the future;
	/// - an asset with an accepted feed has a positive last accepted median, not in the future;
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
				for p in f.latest.iter().chain(f.pending.iter()) {
					ensure!(!p.price.is_zero(), "a fed price is zero");
					ensure!(p.updated_at <= now, "a feed is stamped in the future");
				}
			}
			if let Some(m) = entry.last_median {
				ensure!(!m.price.is_zero(), "the last accepted median is zero");
				ensure!(m.updated_at <= now, "the last accepted median is in the future");
			}
			ensure!(
				entry.last_median.is_some() || entry.feeds.iter().all(|f| f.latest.is_none()),
				"an asset with an accepted feed has no last accepted median"
			);
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
		Self::oracle_price(asset, max_age).map(|p| (p.price, p.updated_at))
	}

	fn oracle_price(asset: &AssetId, max_age: Moment) -> Result<OraclePrice, PriceError> {
		let now = Self::now();
		if *asset == T::QuoteAsset::get() {
			return Ok(Self::answer(
				PricePoint { price: FixedU128::one(), updated_at: now },
				PriceOrigin::Feeds,
				false,
			));
		}
		let entry = Feeds::<T>::get(asset).ok_or(PriceError::UnknownAsset)?;
		Self::aggregate(asset, &entry, now, max_age)
	}
}

impl<T: Config> mirror_primitives::FeederRegistry<T::AccountId> for Pallet<T> {
	fn register_feeder(asset: &AssetId, feeder: &T::AccountId) -> DispatchResult {
		Self::do_register_feeder(asset.clone(), feeder.clone())
	}
}
