// This file is part of Mirror on Substrate.
// SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mirror_gov`: a placeholder until `make bench` (scripts/benchmark.sh)
//! generates this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_mirror_gov`.
pub trait WeightInfo {
	fn stake_voting_tokens() -> Weight;
	fn withdraw_voting_tokens(n: u32, ) -> Weight;
	fn create_poll() -> Weight;
	fn cast_vote() -> Weight;
	fn snapshot_poll() -> Weight;
	fn end_poll() -> Weight;
	fn execute_poll() -> Weight;
	fn update_config() -> Weight;
}

/// Placeholder until generated.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn stake_voting_tokens() -> Weight { Weight::zero() }
	fn withdraw_voting_tokens(_n: u32, ) -> Weight { Weight::zero() }
	fn create_poll() -> Weight { Weight::zero() }
	fn cast_vote() -> Weight { Weight::zero() }
	fn snapshot_poll() -> Weight { Weight::zero() }
	fn end_poll() -> Weight { Weight::zero() }
	fn execute_poll() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn stake_voting_tokens() -> Weight { Weight::zero() }
	fn withdraw_voting_tokens(_n: u32, ) -> Weight { Weight::zero() }
	fn create_poll() -> Weight { Weight::zero() }
	fn cast_vote() -> Weight { Weight::zero() }
	fn snapshot_poll() -> Weight { Weight::zero() }
	fn end_poll() -> Weight { Weight::zero() }
	fn execute_poll() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
}
