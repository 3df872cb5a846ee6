//! Storage migrations of the Oracle pallet.

use super::*;
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// The storage layout of version 0, before the breaker held pending feeds.
// `storage_alias` generates an undocumented prefix type.
#[allow(missing_docs)]
pub mod v0 {
	use super::*;
	use mirror_primitives::PriceRange;

	/// A feeder and its latest feed, without a pending feed.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Feed<AccountId, BlockNumber> {
		/// The feeder.
		pub feeder: AccountId,
		/// Its latest price.
		pub latest: Option<PricePoint>,
		/// The block of its latest feed.
		pub fed_in_block: BlockNumber,
	}

	/// An asset config without the relative sanity range or a fallback.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct OracleAssetConfig {
		/// The least number of fresh feeds that make a price.
		pub min_fresh_feeds: u32,
		/// The largest deviation from the fresh median.
		pub max_deviation: Option<FixedU128>,
		/// The absolute sanity range.
		pub sanity_range: Option<PriceRange>,
	}

	/// An asset's feeds without a last accepted median.
	#[derive(Encode, Decode)]
	pub struct AssetFeeds<AccountId, BlockNumber, MaxFeeders: Get<u32>> {
		/// The feeders.
		pub feeds: BoundedVec<Feed<AccountId, BlockNumber>, MaxFeeders>,
		/// The config.
		pub config: OracleAssetConfig,
		/// Whether frozen.
		pub frozen: bool,
	}

	/// An asset's feeds as stored in version 0.
	pub type AssetFeedsOf<T> = AssetFeeds<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxFeeders,
	>;

	/// [`crate::Feeds`] in version 0.
	#[frame_support::storage_alias]
	pub type Feeds<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, AssetId, AssetFeedsOf<T>>;
}

/// Version 0 to 1: every asset gets the breaker (the default's maximum deviation, sanity range
/// and relative range where it had none; a config the admin set keeps its values), no pending
/// feeds, and a last accepted median: the median of its latest feeds, stamped with the newest.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let default = T::DefaultAssetConfig::get();
		let mut migrated = 0u64;
		Feeds::<T>::translate::<v0::AssetFeedsOf<T>, _>(|_, old| {
			migrated = migrated.saturating_add(1);
			Some(upgrade::<T>(old, &default))
		});
		T::DbWeight::get().reads_writes(migrated, migrated)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok((v0::Feeds::<T>::iter().count() as u64).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = u64::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("bad pre-upgrade state"))?;
		let mut after = 0u64;
		for (_, entry) in Feeds::<T>::iter() {
			after += 1;
			ensure!(entry.config.max_deviation.is_some(), "an asset has no maximum deviation");
			ensure!(entry.feeds.iter().all(|f| f.pending.is_none()), "a pending feed appeared");
		}
		ensure!(before == after, "the number of assets changed");
		Pallet::<T>::do_try_state()
	}
}

/// One asset's feeds in version 1.
fn upgrade<T: Config>(old: v0::AssetFeedsOf<T>, default: &OracleAssetConfig) -> AssetFeedsOf<T> {
	let config = OracleAssetConfig {
		min_fresh_feeds: old.config.min_fresh_feeds,
		max_deviation: old.config.max_deviation.or(default.max_deviation),
		sanity_range: old.config.sanity_range.or(default.sanity_range),
		max_move_per_hour: default.max_move_per_hour,
		fallback: None,
	};
	let mut prices: Vec<FixedU128> =
		old.feeds.iter().filter_map(|f| f.latest.map(|p| p.price)).collect();
	let newest = old.feeds.iter().filter_map(|f| f.latest.map(|p| p.updated_at)).max();
	let last_median = median::median(&mut prices)
		.zip(newest)
		.map(|(price, updated_at)| PricePoint { price, updated_at });
	let feeds = old.feeds.into_iter().map(|f| Feed {
		feeder: f.feeder,
		latest: f.latest,
		fed_in_block: f.fed_in_block,
		pending: None,
	});
	AssetFeeds {
		// As many feeds as before, so within the same bound.
		feeds: BoundedVec::truncate_from(feeds.collect()),
		config,
		frozen: old.frozen,
		last_median,
	}
}

/// Version 0 to 1, run once: [`InnerMigrateV0ToV1`] behind the storage version check.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
