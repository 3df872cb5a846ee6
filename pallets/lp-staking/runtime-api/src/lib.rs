//! `LpStakingApi`: reward pools and stakers' pending rewards, for clients and the UI.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use mirror_primitives::{AssetId, RewardInfo, StakingParameters, StakingPool};

sp_api::decl_runtime_apis! {
	/// LP and sLP reward pools.
	pub trait LpStakingApi<AccountId> where AccountId: Codec {
		/// `asset`'s reward pool: total bond, short bond, indices, premium, short-reward weight,
		/// last premium update and LP-token migration.
		fn pool(asset: AssetId) -> Option<StakingPool>;

		/// Every reward pool, by asset.
		fn pools() -> Vec<(AssetId, StakingPool)>;

		/// `staker`'s bonds in `asset`'s pool (`None`: every pool), LP first then sLP, each with
		/// its pending reward settled to the pool's current index.
		fn reward_info(staker: AccountId, asset: Option<AssetId>) -> Vec<RewardInfo>;

		/// The parameters (premium interval, short-reward cap and half-max premium).
		fn parameters() -> StakingParameters;
	}
}
