//! LpStaking's storage types (shared with clients through `mirror-primitives`).

pub use mirror_primitives::{
	RewardIndex, RewardInfo, StakerReward, StakingMigration, StakingParameters, StakingPool,
};

/// Which half of a pool a bond is in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub enum Half {
	/// Bonded LP tokens.
	Lp,
	/// sLP: the debt of short positions, told by Mint.
	Short,
}

/// The assets one `adjust_premium` names.
pub type PremiumAssets<T> =
	frame_support::BoundedVec<mirror_primitives::AssetId, <T as crate::Config>::MaxPremiumAssets>;
