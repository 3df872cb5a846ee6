// This file is part of Mirror on Substrate.
// SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mirror_collector`: a placeholder until `make bench` generates this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_mirror_collector`.
pub trait WeightInfo {
	fn convert() -> Weight;
	fn distribute() -> Weight;
	fn update_config() -> Weight;
}

/// Placeholder until generated.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn convert() -> Weight { Weight::zero() }
	fn distribute() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn convert() -> Weight { Weight::zero() }
	fn distribute() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
}
