//! # Mirror primitives
//!
//! The types every Mirror crate shares and the traits through which the pallets talk to each
//! other: a price source, the AMM's roles (swap, quote, time-weighted price, provide liquidity,
//! create a pool), a short-stake hook, an asset-id allocator. No pallet depends on another
//! pallet's crate: each names what it needs as a `Config` type bound by a narrow trait from this
//! crate, and only the runtime wires them.
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
pub mod lp_staking;
pub mod mint;
pub mod oracle;
pub mod risk;
pub mod tokens;

pub use amm::{
	PoolCreator, PoolInfo, ProvideLiquidity, QuoteSwap, SpreadLimit, Swap, SwapQuote, TwapError,
	TwapProvider,
};
pub use factory::{
	DistributionInfo, DistributionPeriod, DistributionSchedule, FactoryParameters, PreIpoParams,
	WhitelistParams,
};
pub use gov::{
	GovParameters, GovRewards, GovStakerInfo, GovState, PollClass, PollConfig, PollId, PollStatus,
	VoteOption, VoterInfo,
};
pub use mint::{
	AssetConfig, AuctionQuote, IpoParams, MintParameters, MintRegistry, Position, PositionFilter,
	PositionId, PositionLock, PositionPreview, PositionRatio, PositionRatioError, ShortParams,
	ShortStakeHook, SortOrder,
};

pub use frame_support::traits::tokens::fungible::NativeOrWithId;
pub use lp_staking::{
	RewardIndex, RewardInfo, RewardPools, StakerReward, StakingMigration, StakingParameters,
	StakingPool,
};
pub use oracle::{
	CollateralError, CollateralPrice, CollateralRegistry, CollateralStatus, FeedInfo,
	FeederRegistry, OracleAssetConfig, OracleFallback, OraclePrice, PriceError, PriceInfo,
	PriceOrigin, PricePoint, PriceProvider, PriceRange, PriceSource, ProvideCollateralPrice,
};
pub use risk::{RiskUpdate, ScheduledChange};
pub use sp_runtime::FixedU128;
#[cfg(feature = "runtime-benchmarks")]
pub use tokens::CreateToken;
pub use tokens::{
	preservation, AssetExists, AssetIdAllocator, AssetSymbol, ExistsInFungibles, IdsBelow,
	SetAssetMetadata,
};

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
