//! The Oracle stand-in: prices from a thread-local table.

use core::{cell::RefCell, marker::PhantomData};
use mirror_primitives::{
	AssetId, FeederRegistry, FixedU128, Moment, OraclePrice, PriceError, PriceOrigin,
	PriceProvider, UST,
};
use sp_runtime::{traits::One, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

/// The oracle's answers by asset.
type PriceTable = BTreeMap<AssetId, Result<(FixedU128, Moment), PriceError>>;

thread_local! {
	static PRICES: RefCell<PriceTable> = const { RefCell::new(BTreeMap::new()) };
	/// The assets whose oracle price is contested.
	static CONTESTED: RefCell<BTreeSet<AssetId>> = const { RefCell::new(BTreeSet::new()) };
	/// The feeders registered, in order.
	pub static FEEDERS: RefCell<Vec<(AssetId, u128)>> = const { RefCell::new(Vec::new()) };
}

/// How a mock's oracle answers beyond its table.
pub trait OracleSettings {
	/// The answer for an asset without a price.
	const MISSING: PriceError = PriceError::NoPrice;
	/// Whether UST is priced 1 as of [`Self::now`], whatever the table says.
	const UST_IS_ONE: bool = false;
	/// Whether every price is as of [`Self::now`] (rather than as of the time set with it).
	const ALWAYS_FRESH: bool = false;

	/// The clock, in seconds (0 in a mock without one).
	fn now() -> Moment {
		0
	}
}

/// No price but those set (as of the time set with them); no price is "no price".
impl OracleSettings for () {}

/// The Oracle stand-in: prices set by [`set_answer`] or [`set_price`], contested by
/// [`set_contested`]; registered feeders recorded in [`FEEDERS`].
pub struct MockOracle<S = ()>(PhantomData<S>);

impl<S: OracleSettings> PriceProvider for MockOracle<S> {
	fn price(asset: &AssetId, _max_age: Moment) -> Result<(FixedU128, Moment), PriceError> {
		if S::UST_IS_ONE && *asset == UST {
			return Ok((FixedU128::one(), S::now()));
		}
		let answer = PRICES.with(|p| p.borrow().get(asset).copied()).unwrap_or(Err(S::MISSING));
		match answer {
			Ok((price, _)) if S::ALWAYS_FRESH => Ok((price, S::now())),
			answer => answer,
		}
	}

	fn oracle_price(asset: &AssetId, max_age: Moment) -> Result<OraclePrice, PriceError> {
		let (price, updated_at) = Self::price(asset, max_age)?;
		let contested = CONTESTED.with(|c| c.borrow().contains(asset));
		Ok(OraclePrice { price, updated_at, origin: PriceOrigin::Feeds, contested })
	}
}

impl<S> FeederRegistry<u128> for MockOracle<S> {
	fn register_feeder(asset: &AssetId, feeder: &u128) -> DispatchResult {
		FEEDERS.with(|f| f.borrow_mut().push((asset.clone(), *feeder)));
		Ok(())
	}
}

/// Sets the oracle's answer for `asset`.
pub fn set_answer(asset: AssetId, answer: Result<(FixedU128, Moment), PriceError>) {
	PRICES.with(|p| p.borrow_mut().insert(asset, answer));
}

/// Sets the price of `asset`, updated at `updated_at`.
pub fn set_price(asset: AssetId, price: FixedU128, updated_at: Moment) {
	set_answer(asset, Ok((price, updated_at)));
}

/// Removes the price of `asset`.
pub fn remove_price(asset: &AssetId) {
	PRICES.with(|p| p.borrow_mut().remove(asset));
}

/// Marks (or unmarks) the oracle price of `asset` contested.
pub fn set_contested(asset: AssetId, contested: bool) {
	CONTESTED.with(|c| {
		if contested {
			c.borrow_mut().insert(asset)
		} else {
			c.borrow_mut().remove(&asset)
		}
	});
}

/// The feeders registered so far.
pub fn feeders() -> Vec<(AssetId, u128)> {
	FEEDERS.with(|f| f.borrow().clone())
}

pub(crate) fn reset() {
	PRICES.with(|p| p.borrow_mut().clear());
	CONTESTED.with(|c| c.borrow_mut().clear());
	FEEDERS.with(|f| f.borrow_mut().clear());
}
