//! `MintApi`: positions, asset configs and collateral ratios, for clients, keepers and the UI.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use mirror_primitives::{
	AssetConfig, AssetId, AuctionQuote, Balance, MintParameters, Position, PositionFilter,
	PositionId, PositionLock, PositionPreview, PositionRatio, PositionRatioError, ScheduledChange,
	SortOrder,
};
use sp_runtime::{DispatchError, FixedU128};

sp_api::decl_runtime_apis! {
	/// Positions and their health.
	///
	/// Version 2 (liquidation protection): `collateral_ratio` also reports the required ratio
	/// once scheduled raises are in force; `asset_config` gives the minimum collateral ratio in
	/// force; new `scheduled_min_collateral_ratio`, `positions_at_risk`, `liquidation_price` and
	/// `simulate_open_position`.
	#[api_version(2)]
	pub trait MintApi<AccountId> where AccountId: Codec {
		/// The position with this id.
		fn position(position_id: PositionId) -> Option<Position<AccountId>>;

		/// A page of positions: those of `filter`, in `order` of id, starting after `start_after`
		/// (exclusive), at most `limit` (0 = 10, at most 30), as the original's `Positions` query.
		fn positions(
			filter: PositionFilter<AccountId>,
			start_after: Option<PositionId>,
			limit: u32,
			order: SortOrder,
		) -> Vec<(PositionId, Position<AccountId>)>;

		/// What Mint knows of an mAsset, with the minimum collateral ratio in force now (a
		/// scheduled raise whose time has come included).
		fn asset_config(asset: AssetId) -> Option<AssetConfig<AccountId>>;

		/// A raise of the mAsset's minimum collateral ratio not yet in force, and when it takes
		/// effect.
		fn scheduled_min_collateral_ratio(asset: AssetId) -> Option<ScheduledChange>;

		/// The id the next position will take.
		fn next_position_id() -> PositionId;

		/// Mint's protocol parameters.
		fn parameters() -> MintParameters;

		/// A position's collateral ratio at current prices, the ratio it must keep, and the ratio
		/// it must keep once scheduled raises (of the MCR, of the multiplier) are in force.
		fn collateral_ratio(position_id: PositionId) -> Result<PositionRatio, PositionRatioError>;

		/// `owner`'s positions that are not liquidatable now but would be, at current prices,
		/// once the scheduled raises are in force: what to top up during the grace period.
		fn positions_at_risk(owner: AccountId) -> Vec<(PositionId, PositionRatio)>;

		/// The mAsset price (UST) at which the position becomes liquidatable, its collateral's
		/// price held; `None` without debt or once delisted.
		fn liquidation_price(position_id: PositionId) -> Result<Option<FixedU128>, PositionRatioError>;

		/// What `open_position(collateral, collateral_amount, asset, collateral_ratio)` would give
		/// now (a long: the mint amount, required ratio, liquidation price and scheduled ratio),
		/// failing as the call would.
		fn simulate_open_position(
			collateral: AssetId,
			collateral_amount: Balance,
			asset: AssetId,
			collateral_ratio: FixedU128,
		) -> Result<PositionPreview, DispatchError>;

		/// Whether the position can be auctioned now (false once its asset is delisted).
		fn liquidatable(position_id: PositionId) -> Result<bool, PositionRatioError>;

		/// What `auction(position_id, amount)` would do now: the mAssets burned and refunded, the
		/// collateral paid to the liquidator, the collector and the owner, the debt forgiven.
		fn simulate_auction(position_id: PositionId, amount: Balance) -> Result<AuctionQuote, DispatchError>;

		/// The debt of `asset` that auctions forgave (bad debt).
		fn forgiven_debt(asset: AssetId) -> Balance;

		/// A short position's locked sale proceeds and when they unlock.
		fn lock(position_id: PositionId) -> Option<PositionLock<AccountId>>;

		/// The locks of `owner`'s positions.
		fn locks(owner: AccountId) -> Vec<(PositionId, PositionLock<AccountId>)>;
	}
}
