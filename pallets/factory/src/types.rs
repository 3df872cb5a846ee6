//! The Factory's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;

pub use mirror_primitives::{
	DistributionInfo, DistributionPeriod, DistributionSchedule, FactoryParameters, PreIpoParams,
	WhitelistParams,
};

/// A listed asset: its emission weight, the symbol it holds (mAssets listed by the Factory) and
/// the feeder its successor inherits on migration.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxSymbol))]
pub struct Listing<AccountId, MaxSymbol>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxSymbol: frame_support::traits::Get<u32>,
{
	/// Its share of emissions.
	pub weight: u32,
	/// Its symbol without the `m`, upper case.
	pub symbol: Option<BoundedVec<u8, MaxSymbol>>,
	/// Its oracle feeder.
	pub feeder: Option<AccountId>,
}

/// A listing as stored.
pub type ListingOf<T> =
	Listing<<T as frame_system::Config>::AccountId, <T as crate::Config>::MaxSymbolLength>;

/// An mAsset's name as `whitelist` takes it.
pub type NameOf<T> = BoundedVec<u8, <T as crate::Config>::MaxNameLength>;

/// An mAsset's symbol (without `m`) as `whitelist` takes it.
pub type SymbolOf<T> = BoundedVec<u8, <T as crate::Config>::MaxSymbolLength>;

/// A genesis listing through `whitelist`'s path: `(name, symbol, feeder, params)`.
pub type GenesisWhitelistOf<T> = (
	alloc::vec::Vec<u8>,
	alloc::vec::Vec<u8>,
	<T as frame_system::Config>::AccountId,
	WhitelistParams<<T as frame_system::Config>::AccountId>,
);
