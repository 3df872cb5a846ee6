//! Storage migrations of the Mint pallet.

use super::*;
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// The storage layout of version 0, before liquidation protection.
// `storage_alias` generates an undocumented prefix type.
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// The parameters without the close factor, the full-liquidation ratio, the least debt and
	/// the delay of risk raises.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct MintParameters {
		/// The protocol fee rate.
		pub protocol_fee_rate: FixedU128,
		/// The price max age.
		pub price_max_age: Moment,
		/// The short lock period.
		pub lock_period: Moment,
	}

	/// [`crate::Parameters`] in version 0.
	#[frame_support::storage_alias]
	pub type Parameters<T: Config> = StorageValue<Pallet<T>, MintParameters>;
}

/// Version 0 to 1: the parameters keep their fee, price age and lock period and take mainnet's
/// liquidation protection (`MintParameters::default()`: 50 % close factor, 95 % full-liquidation
/// ratio, 10 UST least debt, 24 h delay), which governance may then change. A chain that never
/// stored parameters keeps reading the default. No scheduled raise exists yet.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let translated =
			Parameters::<T>::translate::<v0::MintParameters, _>(|old| old.map(upgrade));
		if translated.is_err() {
			// Undecodable parameters (never written by any version): mainnet's, as on a new chain.
			Parameters::<T>::put(MintParameters::default());
		}
		T::DbWeight::get().reads_writes(1, 1)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(v0::Parameters::<T>::get().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Option::<v0::MintParameters>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("bad pre-upgrade state"))?;
		let after = Parameters::<T>::get();
		ensure!(
			after == before.map(upgrade).unwrap_or_default(),
			"the parameters were not carried over"
		);
		Pallet::<T>::do_try_state()
	}
}

/// The parameters of version 0 in version 1.
pub fn upgrade(old: v0::MintParameters) -> MintParameters {
	MintParameters {
		protocol_fee_rate: old.protocol_fee_rate,
		price_max_age: old.price_max_age,
		lock_period: old.lock_period,
		..MintParameters::default()
	}
}

/// Version 0 to 1, run once: [`InnerMigrateV0ToV1`] behind the storage version check.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
