//! `AmmApi`: pools and swap simulations, for clients, keepers and the UI.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use mirror_primitives::{AssetId, Balance, PoolInfo, SwapQuote};
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Pools and simulations.
	pub trait AmmApi<AccountId> where AccountId: Codec {
		/// The pool of `a` and `b` (either order): reserves, LP token and its supply.
		fn pool(a: AssetId, b: AssetId) -> Option<PoolInfo<AccountId>>;

		/// What selling `offer_amount` of `offer` for `ask` returns now: return, spread and
		/// commission amounts.
		fn simulate_swap(offer: AssetId, ask: AssetId, offer_amount: Balance) -> Result<SwapQuote, DispatchError>;

		/// What must be sold of `offer` to receive `ask_amount` of `ask` now.
		fn reverse_simulate_swap(offer: AssetId, ask: AssetId, ask_amount: Balance) -> Result<SwapQuote, DispatchError>;

		/// What selling `offer_amount` of `path[0]` along `path` returns now.
		fn simulate_route(path: Vec<AssetId>, offer_amount: Balance) -> Result<Balance, DispatchError>;
	}
}
