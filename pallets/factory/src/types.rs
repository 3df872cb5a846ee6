//! The Factory's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use mirror_primitives::Balance;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

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

/// An mAsset the genesis lists through `whitelist`'s own code path.
///
/// Test networks also give it a supply: Mint issues the `endowments` as unbacked supply and
/// `liquidity` seeds its new UST pool. On a live network mAssets exist only as Mint
/// issues them against collateral, so a production genesis leaves both empty.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisListing<AccountId> {
	/// The mAsset's name.
	pub name: alloc::vec::Vec<u8>,
	/// Its symbol without the `m`.
	pub symbol: alloc::vec::Vec<u8>,
	/// The account that feeds its price.
	pub oracle_feeder: AccountId,
	/// Its weight and Mint parameters, as `whitelist` takes them.
	pub params: WhitelistParams<AccountId>,
	/// Tokens minted to each account once it is listed.
	pub endowments: alloc::vec::Vec<(AccountId, Balance)>,
	/// `(provider, mAsset, UST)`: liquidity the provider puts into its UST pool from the
	/// provider's balance (endowments included), LP tokens to the provider.
	pub liquidity: Option<(AccountId, Balance, Balance)>,
}

/// A genesis listing of the runtime's account type.
pub type GenesisListingOf<T> = GenesisListing<<T as frame_system::Config>::AccountId>;
