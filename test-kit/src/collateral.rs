//! The CollateralOracle stand-in: a thread-local registry over [`MockOracle`].

use crate::oracle::{MockOracle, OracleSettings};
use core::{cell::RefCell, marker::PhantomData};
use mirror_primitives::{
	AssetId, CollateralError, CollateralPrice, CollateralRegistry, CollateralStatus, FixedU128,
	Moment, PriceProvider, PriceSource, ProvideCollateralPrice, ScheduledChange,
};
use sp_runtime::DispatchError;
use std::collections::BTreeMap;

/// A collateral: fixed price (`Some`) or oracle-priced (`None`), multiplier, revoked, a scheduled
/// raise of the multiplier.
type Entry = (Option<FixedU128>, FixedU128, bool, Option<ScheduledChange>);

thread_local! {
	static COLLATERALS: RefCell<BTreeMap<AssetId, Entry>> = const { RefCell::new(BTreeMap::new()) };
}

/// The CollateralOracle stand-in: collaterals set by [`insert`] or registered through
/// [`CollateralRegistry`]; a fixed price is as of `S::now()`, any other is
/// [`MockOracle<S>`]'s.
pub struct MockCollateral<S = ()>(PhantomData<S>);

impl<S: OracleSettings> ProvideCollateralPrice for MockCollateral<S> {
	fn collateral_price(
		asset: &AssetId,
		max_age: Moment,
	) -> Result<CollateralPrice, CollateralError> {
		let (fixed, multiplier, is_revoked, scheduled) = COLLATERALS
			.with(|c| c.borrow().get(asset).copied())
			.ok_or(CollateralError::UnknownCollateral)?;
		let (multiplier, scheduled_multiplier) =
			ScheduledChange::resolve(multiplier, scheduled, S::now());
		let (price, updated_at, contested) = match fixed {
			Some(price) => (price, S::now(), false),
			None => MockOracle::<S>::oracle_price(asset, max_age)
				.map(|p| (p.price, p.updated_at, p.contested))
				.map_err(CollateralError::Price)?,
		};
		Ok(CollateralPrice {
			price,
			updated_at,
			contested,
			multiplier,
			is_revoked,
			scheduled_multiplier,
		})
	}

	fn collateral_status(asset: &AssetId) -> Result<CollateralStatus, CollateralError> {
		COLLATERALS
			.with(|c| c.borrow().get(asset).copied())
			.map(|(_, multiplier, is_revoked, scheduled)| {
				let (multiplier, scheduled_multiplier) =
					ScheduledChange::resolve(multiplier, scheduled, S::now());
				CollateralStatus { multiplier, is_revoked, scheduled_multiplier }
			})
			.ok_or(CollateralError::UnknownCollateral)
	}
}

impl<S> CollateralRegistry for MockCollateral<S> {
	fn register_collateral(
		asset: AssetId,
		source: PriceSource,
		multiplier: FixedU128,
	) -> Result<(), DispatchError> {
		if is_collateral(&asset) {
			return Err(DispatchError::Other("Collateral was already registered"));
		}
		let fixed = match source {
			PriceSource::Fixed(price) => Some(price),
			_ => None,
		};
		insert(asset, fixed, multiplier);
		Ok(())
	}

	fn delist_collateral(asset: AssetId, price: FixedU128) -> Result<(), DispatchError> {
		COLLATERALS.with(|c| match c.borrow_mut().get_mut(&asset) {
			Some(entry) => {
				entry.0 = Some(price);
				entry.2 = true;
				Ok(())
			}
			None => Err(DispatchError::Other("Collateral not found")),
		})
	}

	fn revoke_collateral(asset: AssetId) -> Result<(), DispatchError> {
		COLLATERALS.with(|c| match c.borrow_mut().get_mut(&asset) {
			Some(entry) => {
				entry.2 = true;
				Ok(())
			}
			None => Err(DispatchError::Other("Collateral not found")),
		})
	}
}

/// Makes `asset` a collateral (not revoked) at a fixed price (`Some`) or the oracle's (`None`).
pub fn insert(asset: AssetId, fixed: Option<FixedU128>, multiplier: FixedU128) {
	COLLATERALS.with(|c| c.borrow_mut().insert(asset, (fixed, multiplier, false, None)));
}

/// Schedules (`Some`) or drops (`None`) a raise of `asset`'s multiplier, as the CollateralOracle's
/// `update_collateral_multiplier` would.
pub fn schedule_multiplier(asset: &AssetId, change: Option<ScheduledChange>) {
	COLLATERALS.with(|c| {
		if let Some(entry) = c.borrow_mut().get_mut(asset) {
			entry.3 = change;
		}
	});
}

/// Whether `asset` is a collateral.
pub fn is_collateral(asset: &AssetId) -> bool {
	COLLATERALS.with(|c| c.borrow().contains_key(asset))
}

/// Revokes or restores a collateral.
pub fn set_revoked(asset: &AssetId, revoked: bool) {
	COLLATERALS.with(|c| {
		if let Some(entry) = c.borrow_mut().get_mut(asset) {
			entry.2 = revoked;
		}
	});
}

pub(crate) fn reset() {
	COLLATERALS.with(|c| c.borrow_mut().clear());
}
