//! `FactoryApi`: listed assets, their emission weights and the next distribution.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use mirror_primitives::{AssetId, DistributionInfo, FactoryParameters};

sp_api::decl_runtime_apis! {
	/// Listings and emission.
	pub trait FactoryApi {
		/// Every listed asset with its emission weight.
		fn listings() -> Vec<(AssetId, u32)>;

		/// The sum of the weights.
		fn total_weight() -> u32;

		/// The last and next distribution and what `distribute` would pay now, per asset.
		fn distribution_info() -> DistributionInfo;

		/// The distribution interval and emission schedule.
		fn parameters() -> FactoryParameters;
	}
}
