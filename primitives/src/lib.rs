//! # Mirror primitives
//!
//! The types every Mirror crate shares and, as the pallets land, the traits through which they talk
//! to each other (a price source, an AMM that quotes and swaps, a short-stake hook, an asset
//! registry, an asset-id allocator). No pallet depends on another pallet's crate: each names what it
//! needs as a `Config` type bound by a trait from this crate, and only the runtime wires them.
//!
//! ## Units
//! Every token has 6 decimals ([`UNIT`] = 1_000_000 base units). Balances are `u128`. Prices,
//! ratios and rates are [`FixedU128`] (18 decimals). Time is seconds ([`Moment`]).
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod amm;
pub mod decimal;
pub mod factory;
pub mod gov;
pub mod mint;
pub mod oracle;
pub mod staking;

pub use amm::{Amm, AssetIdAllocator, PoolCreator, PoolInfo, SetAssetMetadata, SwapQuote};
pub use factory::{
	DistributionInfo, DistributionPeriod, DistributionSchedule, FactoryParameters, PreIpoParams,
	WhitelistParams,
};
pub use gov::{
	GovParameters, GovRewards, GovStakerInfo, GovState, PollClass, PollConfig, PollId, PollInfo,
	PollStatus, VoteOption, VoterInfo,
};
pub use mint::{
	AssetConfig, AuctionQuote, IpoParams, MintParameters, MintRegistry, Position, PositionFilter,
	PositionId, PositionLock, PositionRatio, PositionRatioError, ShortParams, ShortStakeHook,
	SortOrder,
};

pub use frame_support::traits::tokens::fungible::NativeOrWithId;
pub use oracle::{
	CollateralError, CollateralPrice, CollateralRegistry, CollateralStatus, FeedInfo,
	FeederRegistry, OracleAssetConfig, OracleFallback, OraclePrice, PriceError, PriceInfo,
	PriceOrigin, PricePoint, PriceProvider, PriceRange, PriceSource, ProvideCollateralPrice,
	TwapError, TwapProvider,
};
pub use sp_runtime::FixedU128;
pub use staking::{
	RewardIndex, RewardInfo, RewardPools, StakerReward, StakingMigration, StakingParameters,
	StakingPool,
};

/// How a Mirror pallet moves `asset` out of an account: MIR keeps the account's existential deposit
/// (`Preserve`); a `pallet-assets` token may be spent to the last unit (`Expendable`: with
/// `Preserve` an account could never spend its last `min_balance` of it).
pub fn preservation(asset: &AssetId) -> frame_support::traits::tokens::Preservation {
	use frame_support::traits::tokens::Preservation;
	match asset {
		NativeOrWithId::Native => Preservation::Preserve,
		NativeOrWithId::WithId(_) => Preservation::Expendable,
	}
}

/// Whether a token exists: MIR always, a `pallet-assets` id once it has been created. The oracle
/// pallets ask it before they register a feeder or a collateral, so that no feed or collateral
/// entry can name a token that does not exist.
pub trait AssetExists {
	/// Whether `asset` exists.
	fn asset_exists(asset: &AssetId) -> bool;
}

/// [`AssetExists`] read from a `fungibles` implementation (the runtime's union of Balances and
/// Assets, which answers `true` for MIR).
pub struct ExistsInFungibles<F, AccountId>(core::marker::PhantomData<(F, AccountId)>);

impl<F, AccountId> AssetExists for ExistsInFungibles<F, AccountId>
where
	F: frame_support::traits::fungibles::Inspect<AccountId, AssetId = AssetId>,
{
	fn asset_exists(asset: &AssetId) -> bool {
		F::asset_exists(asset.clone())
	}
}

/// [`AssetExists`] for mocks without an assets pallet: MIR and every `pallet-assets` id below
/// `FIRST_MISSING` exist.
pub struct IdsBelow<const FIRST_MISSING: LocalAssetId>;

impl<const FIRST_MISSING: LocalAssetId> AssetExists for IdsBelow<FIRST_MISSING> {
	fn asset_exists(asset: &AssetId) -> bool {
		match asset {
			NativeOrWithId::Native => true,
			NativeOrWithId::WithId(id) => *id < FIRST_MISSING,
		}
	}
}

/// Creates a token for a benchmark that needs one to exist (the oracle pallets' registrations).
#[cfg(feature = "runtime-benchmarks")]
pub trait CreateToken {
	/// Makes `asset` exist (a no-op if it does).
	fn create_token(asset: &AssetId);
}

/// For mocks in which every token the benchmarks name exists already.
#[cfg(feature = "runtime-benchmarks")]
impl CreateToken for () {
	fn create_token(_: &AssetId) {}
}

/// A balance of any Mirror token (MIR, UST, mAssets, LP tokens), in base units.
pub type Balance = u128;

/// The id of an asset of `pallet-assets`.
pub type LocalAssetId = u32;

/// How every Mirror call, event, storage key and runtime API names an asset: `Native` is MIR,
/// `WithId(n)` an asset of `pallet-assets`.
pub type AssetId = NativeOrWithId<LocalAssetId>;

/// Seconds since the Unix epoch, from `pallet-timestamp`.
pub type Moment = u64;

/// Decimals of every Mirror token.
pub const DECIMALS: u8 = 6;

/// One whole token (MIR, UST, an mAsset or an LP token) in base units.
pub const UNIT: Balance = 1_000_000;

/// The `pallet-assets` id of the UST stablecoin.
pub const UST_ASSET_ID: LocalAssetId = 1;

/// UST, the quote asset of every pool and the default collateral.
pub const UST: AssetId = NativeOrWithId::WithId(UST_ASSET_ID);

/// MIR, the native token.
pub const MIR: AssetId = NativeOrWithId::Native;

#[cfg(test)]
mod tests {
	use super::*;
	use codec::{Decode, Encode};

	#[test]
	fn asset_ids_encode_as_the_client_expects() {
		// polkadot.js sends `{ Native: null }` as 0x00 and `{ WithId: 1 }` as 0x01 followed by a u32.
		assert_eq!(MIR.encode(), vec![0u8]);
		assert_eq!(UST.encode(), vec![1u8, 1, 0, 0, 0]);
		assert_eq!(AssetId::decode(&mut &UST.encode()[..]).ok(), Some(UST));
	}

	#[test]
	fn one_unit_has_six_decimals() {
		assert_eq!(UNIT, 10u128.pow(DECIMALS as u32));
	}
}
