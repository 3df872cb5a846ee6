//! Bootstrap weights: replaced by `make bench` output before this pallet is wired in.
#![allow(missing_docs)]
use core::marker::PhantomData;
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn create_pair() -> Weight;
	fn provide_liquidity() -> Weight;
	fn withdraw_liquidity() -> Weight;
	fn swap() -> Weight;
	fn swap_route(n: u32) -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn create_pair() -> Weight {
		Weight::zero()
	}
	fn provide_liquidity() -> Weight {
		Weight::zero()
	}
	fn withdraw_liquidity() -> Weight {
		Weight::zero()
	}
	fn swap() -> Weight {
		Weight::zero()
	}
	fn swap_route(_n: u32) -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn create_pair() -> Weight {
		Weight::zero()
	}
	fn provide_liquidity() -> Weight {
		Weight::zero()
	}
	fn withdraw_liquidity() -> Weight {
		Weight::zero()
	}
	fn swap() -> Weight {
		Weight::zero()
	}
	fn swap_route(_n: u32) -> Weight {
		Weight::zero()
	}
}
