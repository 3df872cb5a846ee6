//! Bootstrap weights: replaced by `make bench` output before this pallet is wired in.
#![allow(missing_docs)]
use frame_support::weights::Weight;
use core::marker::PhantomData;
pub trait WeightInfo {
	fn register_collateral_asset() -> Weight;
	fn update_collateral_price_source() -> Weight;
	fn update_collateral_multiplier() -> Weight;
	fn revoke_collateral_asset() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn register_collateral_asset() -> Weight { Weight::zero() }
	fn update_collateral_price_source() -> Weight { Weight::zero() }
	fn update_collateral_multiplier() -> Weight { Weight::zero() }
	fn revoke_collateral_asset() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn register_collateral_asset() -> Weight { Weight::zero() }
	fn update_collateral_price_source() -> Weight { Weight::zero() }
	fn update_collateral_multiplier() -> Weight { Weight::zero() }
	fn revoke_collateral_asset() -> Weight { Weight::zero() }
}
