//! # Community pallet
//!
//! Mirror's community pool (spec §2.12): MIR held by the pallet's account, funded at genesis, spent
//! only by [`Config::SpendOrigin`] — in the runtime, Root or a passed Gov poll — and never more
//! than the governable [`SpendLimit`] in one spend.
//!
//! A small pallet rather than pallet-treasury: the original's community contract is exactly a
//! capped `spend(amount, recipient)` by governance. pallet-treasury's model (spend periods,
//! burns, approved spends that a second `payout` call executes through a paymaster, asset kinds
//! and validity windows) adds two calls and state per spend that Mirror does not need; its
//! `spend_local` is deprecated in stable2609.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::Balance;
use sp_runtime::traits::{AccountIdConversion, Zero};

/// Mirror's community pool: MIR held by the pallet's account, spent by governance (Root or a
/// passed Gov poll) to a beneficiary, never more than the governable spend limit in one spend.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Spends from the pool: Root or a passed poll.
		type SpendOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the spend limit.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// MIR.
		type Currency: Inspect<Self::AccountId, Balance = Balance> + Mutate<Self::AccountId>;

		/// Derives the pool's account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The most MIR one spend may pay.
	#[pallet::storage]
	pub type SpendLimit<T: Config> = StorageValue<_, Balance, ValueQuery, DefaultSpendLimit>;

	/// The community pool's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` MIR went from the pool to `beneficiary`.
		Spent {
			/// Who received it.
			beneficiary: T::AccountId,
			/// MIR paid.
			amount: Balance,
		},
		/// The spend limit changed.
		SpendLimitUpdated {
			/// The new limit.
			spend_limit: Balance,
		},
	}

	/// The community pool's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// An amount of zero.
		ZeroAmount,
		/// More than the spend limit ("Cannot spend more than spend_limit").
		SpendLimitExceeded,
		/// The pool holds less than the amount (above its existential deposit).
		InsufficientFunds,
	}

	/// The spend limit and the pool's MIR at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The spend limit; `None` keeps the default.
		pub spend_limit: Option<Balance>,
		/// MIR minted into the pool's account (at least the existential deposit is).
		pub fund: Balance,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(limit) = self.spend_limit {
				SpendLimit::<T>::put(limit);
			}
			let account = Pallet::<T>::account_id();
			let target = self.fund.max(T::Currency::minimum_balance());
			let held = T::Currency::balance(&account);
			if held < target {
				let minted = T::Currency::mint_into(&account, target - held);
				assert!(minted.is_ok(), "funding the community pool: {minted:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pays `amount` MIR from the pool to `beneficiary`.
		///
		/// ## Dispatch Origin
		/// `Config::SpendOrigin`.
		///
		/// ## Errors
		/// `ZeroAmount`, `SpendLimitExceeded`, `InsufficientFunds`.
		///
		/// Emits `Spent`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::spend())]
		pub fn spend(
			origin: OriginFor<T>,
			amount: Balance,
			beneficiary: T::AccountId,
		) -> DispatchResult {
			T::SpendOrigin::ensure_origin(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(amount <= SpendLimit::<T>::get(), Error::<T>::SpendLimitExceeded);
			T::Currency::transfer(
				&Self::account_id(),
				&beneficiary,
				amount,
				Preservation::Preserve,
			)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
			Self::deposit_event(Event::Spent { beneficiary, amount });
			Ok(())
		}

		/// Sets the most one spend may pay.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// Emits `SpendLimitUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(origin: OriginFor<T>, spend_limit: Balance) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			SpendLimit::<T>::put(spend_limit);
			Self::deposit_event(Event::SpendLimitUpdated { spend_limit });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The pool's account.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The pool's MIR that may be spent (above its existential deposit).
	pub fn balance() -> Balance {
		T::Currency::reducible_balance(
			&Self::account_id(),
			Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		)
	}

	/// The invariant: the pool's account exists (holds at least the existential deposit).
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			T::Currency::balance(&Self::account_id()) >= T::Currency::minimum_balance(),
			"the community pool's account is gone"
		);
		Ok(())
	}
}
