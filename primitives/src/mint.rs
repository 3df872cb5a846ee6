//! Minting: the types of the Mint pallet that its calls, events, storage and runtime API share with
//! clients.

use crate::{AssetId, Balance, Moment};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{DispatchResult, FixedU128, Permill};

/// A position's id. Ids start at 1 and are never reused.
pub type PositionId = u64;

/// How a short position sells what it mints: the AMM's spread check (spec §3.13). `Some` in
/// `open_position` makes the position short; both fields `None` sells with no spread check.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ShortParams {
	/// The price (UST per mAsset) the seller believes in.
	pub belief_price: Option<FixedU128>,
	/// The largest accepted shortfall against the belief (or spot) price.
	pub max_spread: Option<FixedU128>,
}

/// A pre-IPO asset's terms (spec §3.16): minted at a fixed price until `mint_end`, with UST
/// collateral only, until its trigger account calls `trigger_ipo`.
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
pub struct IpoParams<AccountId> {
	/// The end of the minting period (seconds since the Unix epoch).
	pub mint_end: Moment,
	/// The fixed price (UST) used until the IPO.
	pub pre_ipo_price: FixedU128,
	/// The minimum collateral ratio once the IPO is triggered.
	pub min_collateral_ratio_after_ipo: FixedU128,
	/// The account allowed to trigger the IPO.
	pub trigger_account: AccountId,
}

/// What Mint knows of an mAsset (spec §2.1 `AssetConfig`).
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
pub struct AssetConfig<AccountId> {
	/// The discount at which auctions sell a position's collateral (at most 1; capped at MCR − 1
	/// when applied).
	pub auction_discount: FixedU128,
	/// The minimum collateral ratio (MCR, at least 1.1), before the collateral's multiplier.
	pub min_collateral_ratio: FixedU128,
	/// Set when the asset is delisted: every position is valued at this price from then on.
	pub end_price: Option<FixedU128>,
	/// Set while the asset is pre-IPO.
	pub ipo_params: Option<IpoParams<AccountId>>,
}

/// A collateralised debt position.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Position<AccountId> {
	/// Who opened it; only they may withdraw, mint or burn.
	pub owner: AccountId,
	/// The asset locked as collateral.
	pub collateral_asset: AssetId,
	/// How much of it is locked.
	pub collateral_amount: Balance,
	/// The mAsset minted against it.
	pub asset: AssetId,
	/// How much of the mAsset the position owes (minted and not yet burned).
	pub asset_amount: Balance,
	/// Whether the position is short (its mAssets were sold and the proceeds locked).
	pub is_short: bool,
}

/// Mint's protocol parameters, changed by `update_config` (spec §2.1, §2.15, and the liquidation
/// protection of `docs/mint.md`).
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
pub struct MintParameters {
	/// The fee on the value of burned or liquidated mAssets, paid from the collateral to the
	/// collector (below 1).
	pub protocol_fee_rate: FixedU128,
	/// The oldest price (seconds) a position may be valued at.
	pub price_max_age: Moment,
	/// How long (seconds) a short sale's proceeds stay locked.
	pub lock_period: Moment,
	/// The most of a position's debt one auction may repay while the position is not deeply
	/// under water (above 0; 100 % is the original's whole-position auction).
	pub close_factor: Permill,
	/// Below this fraction of its required collateral a position may be auctioned whole
	/// (Aave's 0.95 health factor).
	pub full_liquidation_ratio: Permill,
	/// The least debt (its value in UST base units) a position may keep: opening, minting,
	/// burning and partial auctions leave no debt between 0 and this ("dust"); 0 turns it off.
	pub min_debt_value: Balance,
	/// How long (seconds) a raise of a minimum collateral ratio or a collateral multiplier waits
	/// before it takes effect; 0 applies raises at once.
	pub risk_change_delay: Moment,
}

impl Default for MintParameters {
	/// Mainnet's: 1.5 % fee, 60 s price age, 14 days lock; a 50 % close factor, whole auctions
	/// below 95 % of the required collateral, 10 UST of least debt, a 24 h grace period.
	fn default() -> Self {
		Self {
			protocol_fee_rate: FixedU128::from_inner(15_000_000_000_000_000),
			price_max_age: 60,
			lock_period: 1_209_600,
			close_factor: Permill::from_percent(50),
			full_liquidation_ratio: Permill::from_percent(95),
			min_debt_value: 10 * crate::UNIT,
			risk_change_delay: 86_400,
		}
	}
}

impl MintParameters {
	/// Mainnet's fee, price age and lock with the original's liquidation: whole-position
	/// auctions, no least debt, risk changes at once (what the pallet's own unit tests assume).
	pub fn original() -> Self {
		Self {
			close_factor: Permill::one(),
			full_liquidation_ratio: Permill::zero(),
			min_debt_value: 0,
			risk_change_delay: 0,
			..Self::default()
		}
	}
}

/// Which positions a listing returns.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum PositionFilter<AccountId> {
	/// Every position.
	All,
	/// The positions of one owner.
	Owner(AccountId),
	/// The positions minting one mAsset.
	Asset(AssetId),
}

/// The order of a listing, by position id.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum SortOrder {
	/// Lowest id first.
	Ascending,
	/// Highest id first (the original's default).
	Descending,
}

/// A position's collateral ratio now, against what it must keep now and once scheduled risk
/// changes take effect.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PositionRatio {
	/// Collateral value over debt value at current prices; `None` without debt.
	pub collateral_ratio: Option<FixedU128>,
	/// The least ratio a mint or withdrawal must leave: the asset's MCR × the collateral's
	/// multiplier.
	pub required_ratio: FixedU128,
	/// The required ratio once every scheduled raise (of the MCR, of the multiplier) is in force,
	/// with the time the first of them takes effect; `None` when none is scheduled.
	pub scheduled: Option<crate::ScheduledChange>,
}

/// What opening a position would give now (`MintApi::simulate_open_position`), without opening
/// it.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PositionPreview {
	/// The mAssets the position would mint (and owe).
	pub minted_amount: Balance,
	/// The least collateral ratio it must keep now: the asset's MCR × the collateral's multiplier.
	pub required_ratio: FixedU128,
	/// The mAsset price (UST) at which it would become liquidatable, the collateral's price held.
	pub liquidation_price: Option<FixedU128>,
	/// The required ratio once scheduled raises are in force, and when the first takes effect.
	pub scheduled: Option<crate::ScheduledChange>,
}

/// Why a position's ratio cannot be given.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
// Its variants' docs reach the metadata, so that a client can show why (the SDK's MirrorError).
#[scale_info(capture_docs = "always")]
pub enum PositionRatioError {
	/// No position has this id.
	UnknownPosition,
	/// The asset's or the collateral's price is missing, stale or frozen.
	PriceUnavailable,
}

/// What an auction of a position returns (or would return now).
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, TypeInfo, Debug)]
pub struct AuctionQuote {
	/// The mAssets burned from the liquidator (the offer less the refund).
	pub liquidated_amount: Balance,
	/// The part of the offer not needed, kept by the liquidator.
	pub refunded_asset: Balance,
	/// Collateral paid to the liquidator, net of the protocol fee.
	pub returned_collateral: Balance,
	/// Collateral paid to the collector.
	pub protocol_fee: Balance,
	/// Collateral returned to the owner when the auction repays the whole debt.
	pub leftover_collateral: Balance,
	/// Debt left unbacked when the auction exhausts the collateral (bad debt).
	pub forgiven_debt: Balance,
}

/// The UST a short sale raised for a position, locked until `unlock_time` (spec §2.5, §3.17).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct PositionLock<AccountId> {
	/// Who receives it: the position's owner.
	pub receiver: AccountId,
	/// The UST locked.
	pub amount: Balance,
	/// When it may be unlocked (seconds); reset by every further short sale.
	pub unlock_time: Moment,
}

/// How Mint tells the staking side about short positions: a short position's owner holds sLP equal
/// to its debt (spec §3.5). The unit type ignores it, so Mint works without LpStaking.
pub trait ShortStakeHook<AccountId> {
	/// `owner` shorted `amount` more of `asset`.
	fn increase_short(asset: &AssetId, owner: &AccountId, amount: Balance) -> DispatchResult;
	/// `owner`'s short of `asset` shrank by `amount` (burned or liquidated).
	fn decrease_short(asset: &AssetId, owner: &AccountId, amount: Balance) -> DispatchResult;
}

impl<AccountId> ShortStakeHook<AccountId> for () {
	fn increase_short(_: &AssetId, _: &AccountId, _: Balance) -> DispatchResult {
		Ok(())
	}
	fn decrease_short(_: &AssetId, _: &AccountId, _: Balance) -> DispatchResult {
		Ok(())
	}
}

/// Mint's asset registry, for the Factory: listing and delisting mAssets.
pub trait MintRegistry<AccountId> {
	/// Registers `asset` with `config` (as the admin call `register_asset` does).
	fn register_asset(asset: AssetId, config: AssetConfig<AccountId>) -> DispatchResult;
	/// Delists `asset` at `end_price` (as the admin call `register_migration` does).
	fn register_migration(asset: AssetId, end_price: FixedU128) -> DispatchResult;
	/// What Mint knows of `asset`.
	fn asset_config(asset: &AssetId) -> Option<AssetConfig<AccountId>>;
	/// Issues `amount` of the registered mAsset `asset` to `to` without collateral, recorded as
	/// unbacked supply: the supply a test network's genesis gives its mAssets.
	fn issue_unbacked(asset: &AssetId, to: &AccountId, amount: Balance) -> DispatchResult;
}
