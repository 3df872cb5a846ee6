// This file is part of Mirror on Substrate.
// SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mirror_lp_staking`: placeholder until the first `make bench` run
//! regenerates this file (scripts/benchmark.sh); never edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_mirror_lp_staking`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_rewards() -> Weight;
	fn withdraw_all_rewards(n: u32, ) -> Weight;
	fn auto_stake() -> Weight;
	fn adjust_premium(n: u32, ) -> Weight;
	fn register_asset() -> Weight;
	fn deprecate_staking_token() -> Weight;
	fn update_config() -> Weight;
	fn deposit_reward() -> Weight;
	fn increase_short() -> Weight;
	fn decrease_short() -> Weight;
}

/// Weights for `pallet_mirror_lp_staking` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn bond() -> Weight { Weight::zero() }
	fn unbond() -> Weight { Weight::zero() }
	fn withdraw_rewards() -> Weight { Weight::zero() }
	fn withdraw_all_rewards(_n: u32, ) -> Weight { Weight::zero() }
	fn auto_stake() -> Weight { Weight::zero() }
	fn adjust_premium(_n: u32, ) -> Weight { Weight::zero() }
	fn register_asset() -> Weight { Weight::zero() }
	fn deprecate_staking_token() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
	fn deposit_reward() -> Weight { Weight::zero() }
	fn increase_short() -> Weight { Weight::zero() }
	fn decrease_short() -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn bond() -> Weight { Weight::zero() }
	fn unbond() -> Weight { Weight::zero() }
	fn withdraw_rewards() -> Weight { Weight::zero() }
	fn withdraw_all_rewards(_n: u32, ) -> Weight { Weight::zero() }
	fn auto_stake() -> Weight { Weight::zero() }
	fn adjust_premium(_n: u32, ) -> Weight { Weight::zero() }
	fn register_asset() -> Weight { Weight::zero() }
	fn deprecate_staking_token() -> Weight { Weight::zero() }
	fn update_config() -> Weight { Weight::zero() }
	fn deposit_reward() -> Weight { Weight::zero() }
	fn increase_short() -> Weight { Weight::zero() }
	fn decrease_short() -> Weight { Weight::zero() }
}
