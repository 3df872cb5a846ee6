//! Storage migrations of the Gov pallet.

use super::*;
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// Version 0 to 1: stakers pay a deposit for their records ([`StakerDeposits`], held under
/// `HoldReason::StakerDeposit`). The stakers that exist hold none: nothing is taken from stakers
/// who may not have the MIR, and each is charged when its state next grows (a stake or a vote).
/// So no data moves; the version marks that [`StakerDeposits`] is there, and the checks make sure
/// the stakers are untouched.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		Weight::zero()
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok((Stakers::<T>::iter().count() as u64, Voters::<T>::iter().count() as u64).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = <(u64, u64)>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("bad pre-upgrade state"))?;
		let after = (Stakers::<T>::iter().count() as u64, Voters::<T>::iter().count() as u64);
		ensure!(before == after, "the number of stakers or votes changed");
		ensure!(StakerDeposits::<T>::iter().next().is_none(), "a deposit appeared");
		Pallet::<T>::do_try_state()
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
