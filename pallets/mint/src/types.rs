//! Mint's types. Those its calls, events, storage and runtime API share with clients (and the
//! Factory) live in `mirror_primitives::mint`, and only there; this file binds them to a runtime
//! (the `…Of<T>` aliases) and holds the types only Mint's own code uses.

use crate::Config;
pub use mirror_primitives::{
	AssetConfig, AuctionQuote, IpoParams, MintParameters, Position, PositionFilter, PositionId,
	PositionPreview, PositionRatio, PositionRatioError, ShortParams, SortOrder,
};

/// A short position's lock as stored.
pub type PositionLockOf<T> =
	mirror_primitives::PositionLock<<T as frame_system::Config>::AccountId>;

/// A position as stored.
pub type PositionOf<T> = Position<<T as frame_system::Config>::AccountId>;

/// An mAsset's configuration as stored.
pub type AssetConfigOf<T> = AssetConfig<<T as frame_system::Config>::AccountId>;

/// A pre-IPO asset's terms as stored.
pub type IpoParamsOf<T> = IpoParams<<T as frame_system::Config>::AccountId>;

/// The positions of one owner, in ascending id order.
pub type OwnerPositions<T> =
	frame_support::BoundedVec<PositionId, <T as Config>::MaxPositionsPerOwner>;

/// What a valuation is for, which decides the prices it accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PriceUse {
	/// Opening or minting: a revoked collateral and a contested price fail.
	Mint,
	/// Paying collateral out at a price (withdrawing with debt, auctioning): a contested price
	/// fails, since a user could profit from a price that lags the market.
	Release,
	/// Burning and the read-only views: any available price.
	Any,
}

/// The prices a position is valued at: collateral and asset in UST, and the collateral's
/// multiplier.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Valuation {
	/// One unit of collateral in UST.
	pub collateral_price: sp_runtime::FixedU128,
	/// One unit of the mAsset in UST.
	pub asset_price: sp_runtime::FixedU128,
	/// The collateral's multiplier.
	pub multiplier: sp_runtime::FixedU128,
}

/// What opening a position takes and gives, checked (`Pallet::plan_open`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct OpenPlan {
	/// The mAssets it mints.
	pub minted_amount: mirror_primitives::Balance,
	/// The least ratio it must keep.
	pub required_ratio: sp_runtime::FixedU128,
	/// The prices and multiplier it is valued at.
	pub valuation: Valuation,
	/// The protocol parameters.
	pub parameters: mirror_primitives::MintParameters,
}
