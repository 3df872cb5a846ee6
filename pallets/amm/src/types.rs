//! The Amm pallet's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use mirror_primitives::{Balance, LocalAssetId, Moment};
use scale_info::TypeInfo;

/// A pool of two assets (the pair's key orders them: `asset_a < asset_b`), with its recent price
/// observations: one storage item, so a swap reads and writes the pool once.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxObservations))]
pub struct Pool<MaxObservations: Get<u32>> {
	/// The pool's LP token (a `pallet-assets` asset the pallet owns).
	pub lp_token: LocalAssetId,
	/// The pool's `asset_a` balance, always equal to its account's balance.
	pub reserve_a: Balance,
	/// The pool's `asset_b` balance, always equal to its account's balance.
	pub reserve_b: Balance,
	/// The LP token's supply, including the locked minimum liquidity.
	pub total_shares: Balance,
	/// Σ (price of `a` in `b`) × seconds, as `FixedU128` inner units, wrapping (Uniswap v2).
	pub price_a_cumulative: u128,
	/// Σ (price of `b` in `a`) × seconds, as `FixedU128` inner units, wrapping.
	pub price_b_cumulative: u128,
	/// When the accumulators were last brought up to date (seconds).
	pub last_update: Moment,
	/// When the last observation was recorded (seconds).
	pub last_observation: Moment,
	/// Recent observations of the accumulators, oldest first, at least an observation period
	/// apart.
	pub observations: BoundedVec<Observation, MaxObservations>,
}

impl<MaxObservations: Get<u32>> Pool<MaxObservations> {
	/// The reserves with the given side first: `(a, b)` if `a_first`, else `(b, a)`.
	pub fn reserves_from(&self, a_first: bool) -> (Balance, Balance) {
		if a_first {
			(self.reserve_a, self.reserve_b)
		} else {
			(self.reserve_b, self.reserve_a)
		}
	}
}

/// A snapshot of a pool's price accumulators, kept for time-weighted prices.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Observation {
	/// When (seconds).
	pub timestamp: Moment,
	/// `price_a_cumulative` then.
	pub price_a_cumulative: u128,
	/// `price_b_cumulative` then.
	pub price_b_cumulative: u128,
}
