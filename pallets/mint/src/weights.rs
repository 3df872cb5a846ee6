// This file is part of Mirror on Substrate.
// SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mirror_mint`: a placeholder until `make bench` generates this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_mirror_mint`.
pub trait WeightInfo {
	fn open_position() -> Weight;
	fn deposit() -> Weight;
	fn withdraw() -> Weight;
	fn withdraw_and_close() -> Weight;
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn register_asset() -> Weight;
	fn update_asset() -> Weight;
	fn update_config() -> Weight;
}

/// Weights for `pallet_mirror_mint` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn open_position() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn deposit() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn withdraw_and_close() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn mint() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn burn() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn register_asset() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn update_asset() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn update_config() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn open_position() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn deposit() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw_and_close() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn mint() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn burn() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn register_asset() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn update_asset() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn update_config() -> Weight {
		Weight::from_parts(200_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
}
