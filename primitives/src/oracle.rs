//! Prices: what the Oracle and CollateralOracle pallets provide to the rest of Mirror.

use crate::{AssetId, Moment};
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

/// A source of prices in UST.
pub trait PriceProvider {
	/// The price of one unit of `asset` in UST, and when it was last updated (seconds), using only
	/// feeds at most `max_age` seconds old. UST itself is priced 1 and never stale.
	fn price(asset: &AssetId, max_age: Moment) -> Result<(FixedU128, Moment), PriceError>;
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

/// Why an AMM cannot give a time-weighted price.
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
pub enum TwapError {
	/// There is no pool for the pair.
	NoPool,
	/// The pool's price history does not cover the requested window yet.
	NotEnoughHistory,
}

/// An AMM's time-weighted average price, computed from its cumulative price accumulators (never
/// from spot reserves, which one transaction can move).
pub trait TwapProvider {
	/// The average price of one unit of `base` in units of `quote` over the last `window` seconds.
	fn twap(base: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError>;

	/// The average price of one unit of `base` in `quote` over the longest window the history
	/// holds up to `max_window` seconds, and that window. A window is never shorter than the AMM's
	/// observation period; when no observation lies within `max_window`, the shortest window
	/// longer than it is used (the pool was idle, so the price over it is as good).
	fn twap_up_to(
		base: &AssetId,
		quote: &AssetId,
		max_window: Moment,
	) -> Result<(FixedU128, Moment), TwapError> {
		Self::twap(base, quote, max_window).map(|price| (price, max_window))
	}
}

/// No AMM: every pair is unknown.
impl TwapProvider for () {
	fn twap(_: &AssetId, _: &AssetId, _: Moment) -> Result<FixedU128, TwapError> {
		Err(TwapError::NoPool)
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
	/// The least number of fresh feeds whose median is the asset's price (at least 1).
	pub min_fresh_feeds: u32,
	/// The largest accepted relative deviation of a new feed from the current fresh median
	/// (0.2 = 20 %); `None` accepts any. With no fresh median every feed is accepted.
	pub max_deviation: Option<FixedU128>,
	/// Feeds outside this range are rejected; `None` accepts any positive price.
	pub sanity_range: Option<PriceRange>,
}

impl Default for OracleAssetConfig {
	/// One fresh feed makes a price (as in the original); the circuit breaker is off.
	fn default() -> Self {
		Self { min_fresh_feeds: 1, max_deviation: None, sanity_range: None }
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
}

/// An asset's price and everything behind it, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PriceInfo<AccountId> {
	/// The asset.
	pub asset: AssetId,
	/// The median of the fresh feeds and the oldest fresh feed's time, or why there is none.
	pub price: Result<PricePoint, PriceError>,
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
