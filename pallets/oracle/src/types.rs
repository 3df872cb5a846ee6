//! The Oracle pallet's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use mirror_primitives::{OracleAssetConfig, PricePoint};
use scale_info::TypeInfo;
use sp_runtime::traits::Get;

/// A registered feeder of an asset and its latest feed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Feed<AccountId, BlockNumber> {
	/// The feeder.
	pub feeder: AccountId,
	/// Its latest price, `None` until it feeds one.
	pub latest: Option<PricePoint>,
	/// The block of its latest feed (accepted or pending): a feeder feeds an asset at most once
	/// per block, since a successful feed is free.
	pub fed_in_block: BlockNumber,
	/// Its latest feed outside the maximum deviation from its reference, held until enough
	/// feeders agree on the new level (then it becomes `latest`); cleared when a feed of it is
	/// accepted.
	pub pending: Option<PricePoint>,
}

/// Everything the oracle keeps about one asset, in one storage item so that a price costs one
/// read and a feed one read and one write.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxFeeders))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct AssetFeeds<AccountId, BlockNumber, MaxFeeders: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The registered feeders with their latest feeds, in registration order.
	pub feeds: BoundedVec<Feed<AccountId, BlockNumber>, MaxFeeders>,
	/// Minimum fresh feeds and the circuit breaker.
	pub config: OracleAssetConfig,
	/// A frozen asset has no price.
	pub frozen: bool,
	/// The median of the fresh feeds when a feed was last accepted, stamped with that time: the
	/// reference of the relative sanity range, and of a feed whose feeder has too few fresh
	/// peers.
	pub last_median: Option<PricePoint>,
}

impl<AccountId, BlockNumber, MaxFeeders> Default for AssetFeeds<AccountId, BlockNumber, MaxFeeders>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxFeeders: Get<u32>,
{
	fn default() -> Self {
		Self {
			feeds: BoundedVec::new(),
			config: OracleAssetConfig::default(),
			frozen: false,
			last_median: None,
		}
	}
}

/// Why the circuit breaker rejected a feed outright (a feed that is only far from its reference
/// is held as pending instead).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	codec::DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum RejectReason {
	/// The price is outside the asset's absolute sanity range.
	OutOfRange,
	/// The price is outside the relative sanity range around the last accepted median.
	TooFarFromLastMedian,
}

/// What the circuit breaker does with one feed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
	/// The feed becomes the feeder's latest.
	Accept,
	/// The feed is held as pending: it deviates from `reference` by more than the maximum.
	Hold {
		/// The price it was measured against.
		reference: sp_runtime::FixedU128,
	},
	/// The feed is dropped.
	Reject(RejectReason),
}

/// Why a `feed_prices` is refused. [`crate::CheckFeed`] refuses such a transaction with
/// `InvalidTransaction::Custom(code)`, the code being this enum's discriminant; the call itself
/// fails with the matching [`crate::Error`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum FeedInvalid {
	/// No price in the batch ([`crate::Error::EmptyFeed`]).
	Empty = 1,
	/// The same asset twice ([`crate::Error::DuplicateAsset`]).
	DuplicateAsset = 2,
	/// A zero price ([`crate::Error::ZeroPrice`]).
	ZeroPrice = 3,
	/// An asset the oracle does not know ([`crate::Error::UnknownAsset`]).
	UnknownAsset = 4,
	/// The sender does not feed one of the assets ([`crate::Error::NotFeeder`]).
	NotFeeder = 5,
	/// The sender fed one of the assets in this block already ([`crate::Error::AlreadyFed`]).
	AlreadyFed = 6,
	/// The sender landed its most feeds for this block ([`crate::Error::TooManyFeedsInBlock`]).
	TooManyFeedsInBlock = 7,
}
