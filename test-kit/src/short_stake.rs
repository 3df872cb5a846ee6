//! LpStaking's short stakes, as a thread-local table.

use core::cell::RefCell;
use mirror_primitives::{AssetId, Balance, ShortStakeHook};
use sp_runtime::{DispatchError, DispatchResult};
use std::collections::BTreeMap;

thread_local! {
	static SHORTS: RefCell<BTreeMap<(AssetId, u128), Balance>> = const { RefCell::new(BTreeMap::new()) };
}

/// LpStaking stand-in: short stakes by asset and owner; a decrease below zero fails.
pub struct MockShortStake;

impl ShortStakeHook<u128> for MockShortStake {
	fn increase_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		SHORTS.with(|s| *s.borrow_mut().entry((asset.clone(), *owner)).or_default() += amount);
		Ok(())
	}

	fn decrease_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		SHORTS.with(|s| {
			let mut shorts = s.borrow_mut();
			let stake = shorts.entry((asset.clone(), *owner)).or_default();
			*stake =
				stake.checked_sub(amount).ok_or(DispatchError::Other("short stake below zero"))?;
			Ok(())
		})
	}
}

/// `owner`'s short stake of `asset`, as LpStaking sees it.
pub fn short_stake(asset: &AssetId, owner: u128) -> Balance {
	SHORTS.with(|s| s.borrow().get(&(asset.clone(), owner)).copied().unwrap_or_default())
}

pub(crate) fn reset() {
	SHORTS.with(|s| s.borrow_mut().clear());
}
