//! `OracleApi`: what the Oracle pallet knows of an asset's price, for clients and keepers.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use mirror_primitives::{AssetId, Moment, PriceInfo};

sp_api::decl_runtime_apis! {
	/// Prices, their age and the feeds behind them.
	pub trait OracleApi<AccountId> where AccountId: Codec {
		/// The asset's price from feeds at most `max_age` seconds old (or why there is none),
		/// with every feeder's latest feed; `None` if the oracle does not know the asset.
		fn price(asset: AssetId, max_age: Moment) -> Option<PriceInfo<AccountId>>;

		/// Every asset the oracle knows, as `price` shows it.
		fn all_prices(max_age: Moment) -> Vec<PriceInfo<AccountId>>;
	}
}
