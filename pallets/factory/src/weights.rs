// This file is part of Mirror on Substrate.
// SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mirror_factory`: placeholder until `make bench` regenerates this file
//! (scripts/benchmark.sh); never edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_mirror_factory`.
pub trait WeightInfo {
	fn whitelist_asset() -> Weight;
	fn update_weight() -> Weight;
	fn revoke_asset() -> Weight;
	fn migrate_asset() -> Weight;
	fn update_config() -> Weight;
	fn distribute(n: u32, ) -> Weight;
}

/// Weights for `pallet_mirror_factory` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn whitelist_asset() -> Weight { Weight::zero() }
	fn update_weight() -> Weight { Weight::zero() }
	fn revoke_asset() -> Weight { Weight::zero() }
	fn migrate_asset() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
	fn distribute(_n: u32, ) -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn whitelist_asset() -> Weight { Weight::zero() }
	fn update_weight() -> Weight { Weight::zero() }
	fn revoke_asset() -> Weight { Weight::zero() }
	fn migrate_asset() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
	fn distribute(_n: u32, ) -> Weight { Weight::zero() }
}
