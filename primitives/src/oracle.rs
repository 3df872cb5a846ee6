//! Prices: what the Oracle and CollateralOracle pallets provide to the rest of Mirror.

use crate::{amm::TwapError, AssetId, Moment};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{DispatchError, FixedU128};

/// Why no price is available for an asset.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PriceError {
	/// The oracle does not know the asset: no feeder was ever registered for it.
	UnknownAsset,
	/// The asset has feeders but none has fed a price yet.
	NoPrice,
	/// Every feed of the asset is older than the caller's maximum age.
	Stale,
	/// The asset is frozen by the admin: it has no price until unfrozen.
	Frozen,
	/// Some feeds are fresh, but fewer than the asset's minimum number of fresh feeds.
	NotEnoughFeeds,
}

/// Which of an asset's sources gave its price.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PriceOrigin {
	/// The median of the asset's fresh feeds.
	Feeds,
	/// The asset's fallback source: its primary feeds were too few or too old.
	Fallback,
}

/// A price with what a careful caller needs to know about it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct OraclePrice {
	/// The price of one unit in UST.
	pub price: FixedU128,
	/// When it was last updated (seconds).
	pub updated_at: Moment,
	/// Which source answered.
	pub origin: PriceOrigin,
	/// Whether the price is contested: feeders posted a new level the oracle holds as pending,
	/// and they are at least as many as the fresh feeds behind the price, so it may lag the
	/// market. Operations a user could profit from at a lagging price
	/// treat a contested price like a stale one.
	pub contested: bool,
}

/// A source of prices in UST.
pub trait PriceProvider {
	/// The price of one unit of `asset` in UST, and when it was last updated (seconds), using only
	/// feeds at most `max_age` seconds old. UST itself is priced 1 and never stale.
	fn price(asset: &AssetId, max_age: Moment) -> Result<(FixedU128, Moment), PriceError>;

	/// [`Self::price`] with its origin and whether it is contested. A provider without either
	/// notion answers from its primary source, never contested.
	fn oracle_price(asset: &AssetId, max_age: Moment) -> Result<OraclePrice, PriceError> {
		Self::price(asset, max_age).map(|(price, updated_at)| OraclePrice {
			price,
			updated_at,
			origin: PriceOrigin::Feeds,
			contested: false,
		})
	}
}

impl From<PriceError> for DispatchError {
	fn from(e: PriceError) -> Self {
		DispatchError::Other(match e {
			PriceError::UnknownAsset => "price: unknown asset",
			PriceError::NoPrice => "price: no price",
			PriceError::Stale => "price: stale",
			PriceError::Frozen => "price: asset frozen",
			PriceError::NotEnoughFeeds => "price: not enough fresh feeds",
		})
	}
}

/// Where the CollateralOracle takes a collateral asset's price from.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum PriceSource {
	/// The Oracle pallet's median of fresh feeds (subject to the caller's maximum age).
	Oracle,
	/// A fixed price in UST, never stale.
	Fixed(FixedU128),
	/// The AMM's time-weighted price of the asset against `quote` over `window` seconds, times the
	/// oracle price of `quote` (1 when `quote` is UST).
	AmmTwap {
		/// The other asset of the pool.
		quote: AssetId,
		/// The averaging window in seconds.
		window: Moment,
	},
}

/// A collateral asset's price with what Mint needs to value it.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CollateralPrice {
	/// The price of one unit in UST.
	pub price: FixedU128,
	/// When the price was last updated (seconds).
	pub updated_at: Moment,
	/// The collateral's multiplier: the required collateral ratio is the asset's minimum ratio
	/// times this.
	pub multiplier: FixedU128,
	/// Whether the collateral was revoked (no new positions or deposits with it).
	pub is_revoked: bool,
	/// Whether its oracle price is contested (see [`OraclePrice::contested`]).
	pub contested: bool,
	/// A raise of the multiplier not yet in force (see `crate::risk`).
	pub scheduled_multiplier: Option<crate::ScheduledChange>,
}

/// Why a collateral price is not available.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum CollateralError {
	/// The asset is not a registered collateral.
	UnknownCollateral,
	/// The price source gave no price.
	Price(PriceError),
	/// The AMM gave no time-weighted price.
	Twap(TwapError),
}

/// A collateral asset's multiplier and revocation state, which need no price.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CollateralStatus {
	/// The collateral's multiplier.
	pub multiplier: FixedU128,
	/// Whether the collateral was revoked.
	pub is_revoked: bool,
	/// A raise of the multiplier not yet in force (see `crate::risk`).
	pub scheduled_multiplier: Option<crate::ScheduledChange>,
}

/// Collateral prices, for Mint.
pub trait ProvideCollateralPrice {
	/// The price, multiplier and revocation state of collateral `asset`, with feeds at most
	/// `max_age` seconds old.
	fn collateral_price(
		asset: &AssetId,
		max_age: Moment,
	) -> Result<CollateralPrice, CollateralError>;

	/// The multiplier and revocation state of collateral `asset`, without pricing it (a deposit
	/// needs no price).
	fn collateral_status(asset: &AssetId) -> Result<CollateralStatus, CollateralError>;
}

/// Registering and revoking collateral from another pallet (Mint registers every mAsset it lists
/// and revokes delisted ones).
pub trait CollateralRegistry {
	/// Registers `asset` as collateral. Fails if it already is one, or the multiplier is zero.
	fn register_collateral(
		asset: AssetId,
		source: PriceSource,
		multiplier: FixedU128,
	) -> Result<(), DispatchError>;
	/// Revokes collateral `asset`. Fails if it is not a registered collateral.
	fn revoke_collateral(asset: AssetId) -> Result<(), DispatchError>;

	/// Revokes collateral `asset` (if not yet revoked) and fixes its price at `price`: a delisted
	/// mAsset is valued at its end price from then on. Fails if it is not a registered collateral.
	fn delist_collateral(asset: AssetId, price: FixedU128) -> Result<(), DispatchError>;
}

/// A price and when it was fed (seconds).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PricePoint {
	/// The price of one unit in UST.
	pub price: FixedU128,
	/// When it was fed, in seconds since the Unix epoch.
	pub updated_at: Moment,
}

/// An inclusive range of acceptable prices.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct PriceRange {
	/// The least acceptable price.
	pub min: FixedU128,
	/// The greatest acceptable price.
	pub max: FixedU128,
}

/// Where an asset's price comes from when its feeds are too few or too old.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum OracleFallback {
	/// The AMM's time-weighted price of the asset against UST over `window` seconds. Its maximum
	/// age is its window: it averages no trade older than that, whatever age the caller asks
	/// for, and it needs pool history covering the whole window.
	AmmTwap {
		/// The averaging window, seconds (at least one).
		window: Moment,
	},
}

/// An asset's oracle settings: how many fresh feeds make a price, and the circuit breaker.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct OracleAssetConfig {
	/// The least number of fresh feeds whose median is the asset's price (at least 1). It is
	/// also how many feeders must agree on a new level outside the maximum deviation (at least
	/// two; a lone feeder must repeat it in a later block).
	pub min_fresh_feeds: u32,
	/// The largest relative deviation (0.1 = 10 %) of a feed from its reference (the median of
	/// the *other* feeders' fresh feeds, or the last accepted median when fewer than
	/// `min_fresh_feeds` others are fresh) for the feed to be accepted at once. A feed further
	/// away is held as pending until enough feeders agree. `None` accepts any.
	pub max_deviation: Option<FixedU128>,
	/// Feeds outside this absolute range are rejected; `None` accepts any positive price.
	pub sanity_range: Option<PriceRange>,
	/// The relative sanity range: a feed more than this factor above or below the last
	/// accepted median is rejected (10 = from ×0.1 to ×10). The factor compounds per started
	/// hour since that median (×100 in the second hour), so a market that reopens after a
	/// pause can still move. `None` accepts any; above 1 otherwise.
	pub max_move_per_hour: Option<FixedU128>,
	/// The source that answers when too few feeds are fresh; `None` has none.
	pub fallback: Option<OracleFallback>,
}

impl Default for OracleAssetConfig {
	/// One fresh feed makes a price (as in the original), and no breaker or fallback: a neutral
	/// value. The runtime gives every asset it lists its own default, with the breaker on.
	fn default() -> Self {
		Self {
			min_fresh_feeds: 1,
			max_deviation: None,
			sanity_range: None,
			max_move_per_hour: None,
			fallback: None,
		}
	}
}

/// One feeder's latest feed, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FeedInfo<AccountId> {
	/// The feeder.
	pub feeder: AccountId,
	/// Its latest price, if it has fed one.
	pub latest: Option<PricePoint>,
	/// Whether that price is within the requested maximum age.
	pub fresh: bool,
	/// A feed outside the maximum deviation the oracle holds until enough feeders agree.
	pub pending: Option<PricePoint>,
}

/// An asset's price and everything behind it, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PriceInfo<AccountId> {
	/// The asset.
	pub asset: AssetId,
	/// The median of the fresh feeds and the oldest fresh feed's time (or the fallback's price
	/// and time), or why there is none.
	pub price: Result<PricePoint, PriceError>,
	/// Which source gave `price`; `None` when there is none.
	pub origin: Option<PriceOrigin>,
	/// Whether pending feeds contest the price (see [`OraclePrice::contested`]).
	pub contested: bool,
	/// The median accepted last, which the relative sanity range and a feeder without enough
	/// fresh peers are measured against.
	pub last_median: Option<PricePoint>,
	/// Every feeder of the asset with its latest feed.
	pub feeds: alloc::vec::Vec<FeedInfo<AccountId>>,
	/// The asset's settings.
	pub config: OracleAssetConfig,
	/// Whether the admin froze the asset.
	pub frozen: bool,
}

/// Authorises price feeders for another pallet (the Factory gives a new mAsset its feeder).
pub trait FeederRegistry<AccountId> {
	/// Lets `feeder` feed `asset`'s price.
	fn register_feeder(asset: &AssetId, feeder: &AccountId) -> Result<(), DispatchError>;
}
