//! LpStaking's short stakes, kept in the test externalities' storage, so that a call that fails
//! rolls them back as it rolls back the real LpStaking's records.

use frame_support::pallet_prelude::Encode;
use frame_support::storage::unhashed;
use mirror_primitives::{AssetId, Balance, ShortStakeHook};
use sp_runtime::{DispatchError, DispatchResult};

/// The storage key of `owner`'s short stake of `asset`.
fn key(asset: &AssetId, owner: &u128) -> Vec<u8> {
	(b"mirror-test-kit/short-stake", asset, owner).encode()
}

/// LpStaking stand-in: short stakes by asset and owner; a decrease below zero fails.
pub struct MockShortStake;

impl ShortStakeHook<u128> for MockShortStake {
	fn increase_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		let key = key(asset, owner);
		let stake: Balance = unhashed::get_or_default(&key);
		unhashed::put(&key, &stake.saturating_add(amount));
		Ok(())
	}

	fn decrease_short(asset: &AssetId, owner: &u128, amount: Balance) -> DispatchResult {
		let key = key(asset, owner);
		let stake: Balance = unhashed::get_or_default(&key);
		let left =
			stake.checked_sub(amount).ok_or(DispatchError::Other("short stake below zero"))?;
		unhashed::put(&key, &left);
		Ok(())
	}
}

/// `owner`'s short stake of `asset`, as LpStaking sees it.
pub fn short_stake(asset: &AssetId, owner: u128) -> Balance {
	unhashed::get_or_default(&key(asset, &owner))
}

/// Nothing to reset: the stakes live in each test's own externalities.
pub(crate) fn reset() {}
