//! LP and sLP staking: the types the LpStaking pallet shares with clients, and the trait through
//! which MIR rewards reach its pools.

use crate::{AssetId, Balance, Moment};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{traits::Zero, DispatchResult, FixedU128};

/// One half of an asset's reward pool (LP or short): the bonded total, the MIR paid per bonded
/// unit so far, and rewards deposited while nothing was bonded (spec §3.8). Its arithmetic is
/// LpStaking's (`pallet_mirror_lp_staking::math`).
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct RewardIndex {
	/// Units bonded (LP tokens or sLP).
	pub total_bond: Balance,
	/// MIR per bonded unit, accumulated.
	pub index: FixedU128,
	/// MIR deposited while `total_bond` was zero, released into the index by the next deposit
	/// that finds bonds.
	pub pending: Balance,
}

/// An LP token replaced by a new one (`deprecate_staking_token`): bonds still in it earn up to the
/// index at deprecation and can only be unbonded.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct StakingMigration {
	/// The LP index when the token was deprecated: what old bonds earn up to.
	pub index_snapshot: FixedU128,
	/// The deprecated LP token.
	pub deprecated_staking_token: AssetId,
	/// Units of the deprecated token still bonded.
	pub total_bond: Balance,
}

/// An mAsset's reward pool (spec §2.7 `PoolInfo`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct StakingPool {
	/// The LP token bonded for LP rewards.
	pub staking_token: AssetId,
	/// The LP half: bonded LP tokens.
	pub lp: RewardIndex,
	/// The short half: sLP, the debt of the asset's short positions.
	pub short: RewardIndex,
	/// The pool price's premium over the oracle price at the last `adjust_premium`.
	pub premium_rate: FixedU128,
	/// The share of each reward deposit that goes to the short half.
	pub short_reward_weight: FixedU128,
	/// When `adjust_premium` last ran for the asset (seconds; 0 = never).
	pub premium_updated_time: Moment,
	/// The deprecated LP token, if `deprecate_staking_token` replaced it.
	pub migration: Option<StakingMigration>,
}

impl StakingPool {
	/// A new pool with nothing bonded, no premium and no short weight.
	pub fn new(staking_token: AssetId) -> Self {
		Self {
			staking_token,
			lp: RewardIndex::default(),
			short: RewardIndex::default(),
			premium_rate: FixedU128::zero(),
			short_reward_weight: FixedU128::zero(),
			premium_updated_time: 0,
			migration: None,
		}
	}
}

/// A staker's bond in one half of one pool (spec §2.7 `RewardInfo`).
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct StakerReward {
	/// Units bonded.
	pub bond_amount: Balance,
	/// The pool index the bond has been settled to.
	pub index: FixedU128,
	/// MIR earned and not yet withdrawn.
	pub pending_reward: Balance,
	/// The LP token the bond is in (`None` for sLP): a bond in a since-deprecated token earns up
	/// to the deprecation snapshot and can only be unbonded.
	pub staking_token: Option<AssetId>,
}

/// The LpStaking parameters (spec §2.7, §3.7).
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
pub struct StakingParameters {
	/// The least time between two `adjust_premium` of one asset, in seconds (mainnet 3,600).
	pub premium_min_update_interval: Moment,
	/// `W_max`: the short-reward weight at high premiums (0.8 since May 2022).
	pub short_reward_cap: FixedU128,
	/// `p½`: the premium at which the short weight is half its cap (2 %).
	pub premium_half_max: FixedU128,
}

impl Default for StakingParameters {
	fn default() -> Self {
		Self {
			premium_min_update_interval: 3_600,
			short_reward_cap: FixedU128::from_rational(4, 5),
			premium_half_max: FixedU128::from_rational(2, 100),
		}
	}
}

/// A staker's position in one pool, as the runtime API shows it (spec §2.7 `RewardInfo` query).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct RewardInfo {
	/// The mAsset.
	pub asset: AssetId,
	/// Units bonded.
	pub bond_amount: Balance,
	/// MIR withdrawable now (settled to the pool's current index).
	pub pending_reward: Balance,
	/// Whether this is the sLP half.
	pub is_short: bool,
	/// Whether the bond is in a deprecated LP token (unbond it, then bond the new token).
	pub should_migrate: bool,
}

/// Deposits MIR rewards into an asset's reward pool: how the Factory's emission reaches LP and sLP
/// stakers without depending on LpStaking.
pub trait RewardPools<AccountId> {
	/// Creates `asset`'s reward pool, bonding `staking_token` (its LP token).
	fn register_pool(asset: &AssetId, staking_token: &AssetId) -> DispatchResult;
	/// Whether `asset` has a reward pool.
	fn pool_exists(asset: &AssetId) -> bool;
	/// Moves `amount` of MIR from `from` into `asset`'s pool, split between its LP and short halves
	/// by the pool's short-reward weight.
	fn deposit_reward(from: &AccountId, asset: &AssetId, amount: Balance) -> DispatchResult;
}
