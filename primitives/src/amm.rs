//! The AMM: what the Amm pallet provides to Mint (short sales), LpStaking (premium, auto-stake),
//! the Collector (fee conversion) and CollateralOracle (time-weighted prices).

use crate::{AssetId, Balance, LocalAssetId};
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, FixedU128};

/// What a swap returns, as a simulation or after the fact.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct SwapQuote {
	/// The amount offered.
	pub offer_amount: Balance,
	/// What the trader receives (net of commission).
	pub return_amount: Balance,
	/// How much less than the spot price would give.
	pub spread_amount: Balance,
	/// The commission, left in the pool.
	pub commission_amount: Balance,
}

/// A pool as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PoolInfo<AccountId> {
	/// The pool's first asset (the smaller of the two).
	pub asset_a: AssetId,
	/// The pool's second asset.
	pub asset_b: AssetId,
	/// The pool's account.
	pub account: AccountId,
	/// The LP token.
	pub lp_token: LocalAssetId,
	/// `asset_a` held.
	pub reserve_a: Balance,
	/// `asset_b` held.
	pub reserve_b: Balance,
	/// LP tokens in existence.
	pub total_shares: Balance,
}

/// An x·y=k AMM that other pallets quote and trade on.
pub trait Amm<AccountId> {
	/// What selling `offer_amount` of `offer` for `ask` would return now.
	fn quote(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError>;

	/// Sells `offer_amount` of `offer` from `who` for `ask`, paid to `to`, with the spread check
	/// of `belief_price` / `max_spread` (none if both are `None`).
	fn swap(
		who: &AccountId,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		belief_price: Option<FixedU128>,
		max_spread: Option<FixedU128>,
		to: &AccountId,
	) -> Result<SwapQuote, DispatchError>;

	/// Deposits liquidity from `who`, LP tokens to `receiver`; returns the LP tokens minted.
	fn provide_liquidity(
		who: &AccountId,
		asset_a: &AssetId,
		amount_a: Balance,
		asset_b: &AssetId,
		amount_b: Balance,
		slippage_tolerance: Option<FixedU128>,
		receiver: &AccountId,
	) -> Result<Balance, DispatchError>;

	/// The reserves of the pool of `a` and `b`, in that order; `None` without a pool.
	fn reserves(a: &AssetId, b: &AssetId) -> Option<(Balance, Balance)>;

	/// The LP token of the pool of `a` and `b`.
	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId>;
}

/// Sets a token's metadata without a deposit, for tokens the chain's own pallets create and own
/// (LP tokens, mAssets): their storage is paid for by the fee of the call that creates them.
pub trait SetAssetMetadata {
	/// Sets `asset`'s name, symbol and decimals.
	fn set_metadata(
		asset: LocalAssetId,
		name: alloc::vec::Vec<u8>,
		symbol: alloc::vec::Vec<u8>,
		decimals: u8,
	) -> Result<(), DispatchError>;
}

/// Hands out new `pallet-assets` ids (for LP tokens and mAssets), one allocator for the chain.
pub trait AssetIdAllocator {
	/// The id the next created asset must take.
	fn next_asset_id() -> Result<LocalAssetId, DispatchError>;
}

/// Creates AMM pools for another pallet (the Factory lists an mAsset with its UST pool).
pub trait PoolCreator<AccountId> {
	/// Creates the pool of `a` and `b`, paid for by `creator`; returns its LP token.
	fn create_pool(creator: &AccountId, a: &AssetId, b: &AssetId)
		-> Result<AssetId, DispatchError>;
}
