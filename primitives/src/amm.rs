//! The AMM's roles, each a narrow trait for the pallets that need it (the model is
//! pallet-asset-conversion's `Swap` / `QuotePrice` / `MutateLiquidity`):
//!
//! | role | trait | used by |
//! |---|---|---|
//! | swap | [`Swap`] | Mint (short sales), Collector (fee conversion) |
//! | quote | [`QuoteSwap`] | the runtime API; limit orders |
//! | time-weighted price | [`TwapProvider`] | Oracle (fallback), CollateralOracle, LpStaking (premium) |
//! | provide liquidity | [`ProvideLiquidity`] | LpStaking (auto-stake), Factory (initial liquidity) |
//! | create a pool | [`PoolCreator`] | Factory (listing) |
//!
//! The Amm pallet implements them all; the test kit's `MockAmm` stands in for it in pallet tests.

use crate::{AssetId, Balance, LocalAssetId, Moment};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
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

/// How far a swap's return may fall short before the swap fails (spec §3.13).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub enum SpreadLimit {
	/// No check.
	#[default]
	Unchecked,
	/// Against the pool's spot price: the swap fails if `(spread + commission) / (return +
	/// spread + commission)` exceeds this.
	MaxSpread(FixedU128),
	/// Against the trader's belief: expecting `⌊offer / belief_price⌋`, the swap fails if the
	/// return is below it by more than `max_spread` of it.
	BeliefPrice {
		/// The offer asset the trader believes one unit of the ask asset costs.
		belief_price: FixedU128,
		/// The largest shortfall accepted, as a fraction of the expected return.
		max_spread: FixedU128,
	},
}

impl SpreadLimit {
	/// The limit a `swap` call's two optional arguments ask for: both, a belief-price check; a
	/// max spread alone, a spot-price check; otherwise none (a belief price without a max spread
	/// checks nothing, as in Terraswap).
	pub fn from_options(belief_price: Option<FixedU128>, max_spread: Option<FixedU128>) -> Self {
		match (belief_price, max_spread) {
			(Some(belief_price), Some(max_spread)) => {
				SpreadLimit::BeliefPrice { belief_price, max_spread }
			}
			(None, Some(max_spread)) => SpreadLimit::MaxSpread(max_spread),
			_ => SpreadLimit::Unchecked,
		}
	}
}

/// The swap role: Mint sells a short position's mAssets, the Collector converts fees.
pub trait Swap<AccountId> {
	/// Sells `offer_amount` of `offer` from `payer`'s balance for `ask`, paid to `to`, failing
	/// (and changing nothing) beyond `limit`. The `Swapped` event names `trader`, the account the
	/// swap is made for (a short seller when Mint sells from its own account; else the payer).
	fn swap(
		payer: &AccountId,
		trader: &AccountId,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		limit: SpreadLimit,
		to: &AccountId,
	) -> Result<SwapQuote, DispatchError>;
}

/// The quote role: what a swap would give now, without making it (a resting limit order asks it
/// before it fills).
pub trait QuoteSwap {
	/// What selling `offer_amount` of `offer` for `ask` would return now.
	fn quote(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError>;

	/// What must be offered of `offer` to receive `ask_amount` of `ask` now.
	fn quote_for_return(
		offer: &AssetId,
		ask: &AssetId,
		ask_amount: Balance,
	) -> Result<SwapQuote, DispatchError>;
}

/// The provide-liquidity role: LpStaking's auto-stake and the Factory's initial liquidity.
pub trait ProvideLiquidity<AccountId> {
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

	/// The LP token of the pool of `a` and `b`; `None` without a pool.
	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId>;
}

/// Why an AMM cannot give a time-weighted price.
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
)]
pub enum TwapError {
	/// There is no pool for the pair.
	NoPool,
	/// The pool's price history does not cover the requested window yet.
	NotEnoughHistory,
}

/// An AMM's time-weighted average price, computed from its cumulative price accumulators (never
/// from spot reserves, which one transaction can move).
pub trait TwapProvider {
	/// The average price of one unit of `base` in units of `quote` over the last `window` seconds.
	fn twap(base: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError>;

	/// The average price of one unit of `base` in `quote` over the longest window the history
	/// holds up to `max_window` seconds, and that window. A window is never shorter than the AMM's
	/// observation period; when no observation lies within `max_window`, the shortest window
	/// longer than it is used (the pool was idle, so the price over it is as good).
	fn twap_up_to(
		base: &AssetId,
		quote: &AssetId,
		max_window: Moment,
	) -> Result<(FixedU128, Moment), TwapError> {
		Self::twap(base, quote, max_window).map(|price| (price, max_window))
	}
}

/// No AMM: every pair is unknown.
impl TwapProvider for () {
	fn twap(_: &AssetId, _: &AssetId, _: Moment) -> Result<FixedU128, TwapError> {
		Err(TwapError::NoPool)
	}
}

/// Creates AMM pools for another pallet (the Factory lists an mAsset with its UST pool).
pub trait PoolCreator<AccountId> {
	/// Creates the pool of `a` and `b`, paid for by `creator`; returns its LP token.
	fn create_pool(creator: &AccountId, a: &AssetId, b: &AssetId)
		-> Result<AssetId, DispatchError>;
}
