//! # Collector pallet
//!
//! Turns Mint's protocol fees into MIR for Gov's stakers and voters (spec §2.11, §3.15).
//!
//! Mint pays its fees (UST, mAssets, other collateral) to this pallet's account. Anyone may call
//! [`Pallet::convert`]: an mAsset balance is sold for UST, UST for MIR, on the AMM **with a
//! slippage bound from the oracle**: the swap's `belief_price` is the oracle price (no older than
//! [`CollectorParameters::price_max_age`]) and its `max_spread` is
//! [`CollectorParameters::max_spread`], so a sandwiched pool makes the conversion fail instead of
//! paying the sandwich. [`Pallet::distribute`] sends the account's MIR (above its existential
//! deposit) to Gov through [`GovRewards`], which books its voters' share and raises every
//! staker's balance with the rest.
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
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	AssetId, Balance, CollateralError, GovRewards, PriceProvider, ProvideCollateralPrice,
	SpreadLimit, Swap, MIR, UST,
};
use sp_runtime::{
	traits::{AccountIdConversion, One, Zero},
	FixedU128,
};

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Creates an mAsset with a UST pool holding deep liquidity at `price` (UST per unit), and
	/// MIR's pool likewise; returns the mAsset.
	fn setup_market(price: FixedU128) -> AssetId;
	/// Sets fresh oracle prices.
	fn set_price(asset: &AssetId, price: FixedU128);
}

/// Turns Mint's protocol fees into MIR for Gov. Anyone may `convert` the fees held by the
/// pallet's account (mAssets to UST, UST to MIR, on the AMM, bounded by the oracle price) and
/// `distribute` its MIR to Gov's stakers and voters as rewards.
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
		/// Sets the parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every token: the fees held and the MIR paid out.
		type Assets: Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ Mutate<Self::AccountId>;

		/// Where conversions trade.
		type Amm: Swap<Self::AccountId>;

		/// Prices that bound conversions: MIR's, and any fee asset's that is not a collateral.
		type Oracle: PriceProvider;

		/// Prices of fee assets that are collaterals, each from its own source (oracle, fixed or
		/// the AMM's time-weighted price), as Mint values them.
		type CollateralPrices: ProvideCollateralPrice;

		/// Where the MIR goes: Gov's stakers and voters.
		type Gov: GovRewards<Self::AccountId>;

		/// The weight of `Config::Gov`'s reward deposit at its worst (its loop over polls).
		#[pallet::constant]
		type GovDepositWeight: Get<Weight>;

		/// Derives the account that receives the protocol fees.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up markets for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The conversion bounds.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, CollectorParameters, ValueQuery>;

	/// The Collector's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The balance of `offer_asset` was sold for `ask_asset`.
		Converted {
			/// What was sold.
			offer_asset: AssetId,
			/// What was bought.
			ask_asset: AssetId,
			/// The amount sold.
			offer_amount: Balance,
			/// The amount bought.
			return_amount: Balance,
		},
		/// MIR went to Gov as rewards.
		Distributed {
			/// MIR paid.
			amount: Balance,
		},
		/// The parameters changed.
		ParametersUpdated {
			/// The new parameters.
			parameters: CollectorParameters,
		},
	}

	/// The Collector's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// MIR is distributed, not converted.
		CannotConvertMir,
		/// The account holds none of the asset.
		NothingToConvert,
		/// No fresh oracle price bounds the conversion.
		PriceUnavailable,
		/// The account holds no MIR above its existential deposit.
		NothingToDistribute,
		/// A spread of 100 % or more, or a price age of zero.
		InvalidParameters,
		/// An amount of zero.
		ZeroAmount,
		/// More than the account holds of the asset.
		AmountExceedsBalance,
	}

	/// The parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps the defaults.
		pub parameters: Option<CollectorParameters>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(parameters) = &self.parameters {
				assert!(
					Pallet::<T>::parameters_are_valid(parameters),
					"invalid Collector parameters"
				);
				Parameters::<T>::put(parameters);
			}
			// The account exists from genesis, so fees of any size can be paid to it.
			let account = Pallet::<T>::account_id();
			let ed = T::Assets::minimum_balance(MIR);
			let held = T::Assets::balance(MIR, &account);
			if held < ed {
				let minted = T::Assets::mint_into(MIR, &account, ed - held);
				assert!(minted.is_ok(), "funding the Collector: {minted:?}");
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
		/// Sells `amount` (`None`: the whole balance) of the account's `asset`: an mAsset (or
		/// other fee token) for UST, UST for MIR, at no less than the oracle price minus
		/// `max_spread`. The bound includes the pool's commission, so a balance large against the
		/// pool is sold in slices, each small enough to stay within it.
		///
		/// The fee asset's price comes from its collateral source when it is a collateral (so a
		/// fixed-priced or AMM-priced collateral converts), else from the oracle; MIR's from the
		/// oracle.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `CannotConvertMir`, `NothingToConvert`, `ZeroAmount`,
		/// `AmountExceedsBalance`, `PriceUnavailable`; the AMM's errors (no
		/// pool, `MaxSpreadAssertion` when the pool is off the oracle price by more than the
		/// bound).
		///
		/// Emits `Converted`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::convert())]
		pub fn convert(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: Option<Balance>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(asset != MIR, Error::<T>::CannotConvertMir);
			let account = Self::account_id();
			let balance = T::Assets::reducible_balance(
				asset.clone(),
				&account,
				Preservation::Expendable,
				Fortitude::Polite,
			);
			ensure!(!balance.is_zero(), Error::<T>::NothingToConvert);
			let amount = amount.unwrap_or(balance);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(amount <= balance, Error::<T>::AmountExceedsBalance);
			let parameters = Parameters::<T>::get();
			// Terraswap's belief price is the offer per unit asked.
			let (ask, belief_price) = if asset == UST {
				(MIR, Self::price(&MIR, parameters.price_max_age)?)
			} else {
				let p = Self::price(&asset, parameters.price_max_age)?;
				(UST, FixedU128::one().checked_div(&p).ok_or(Error::<T>::PriceUnavailable)?)
			};
			let limit =
				SpreadLimit::BeliefPrice { belief_price, max_spread: parameters.max_spread };
			let quote = T::Amm::swap(&account, &account, &asset, &ask, amount, limit, &account)?;
			Self::deposit_event(Event::Converted {
				offer_asset: asset,
				ask_asset: ask,
				offer_amount: amount,
				return_amount: quote.return_amount,
			});
			Ok(())
		}

		/// Sends the account's MIR above its existential deposit to Gov as rewards.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `NothingToDistribute`; Gov's errors (a reward too small to share).
		///
		/// Emits `Distributed`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::distribute().saturating_add(T::GovDepositWeight::get()))]
		pub fn distribute(origin: OriginFor<T>) -> DispatchResult {
			ensure_signed(origin)?;
			let account = Self::account_id();
			let amount = T::Assets::reducible_balance(
				MIR,
				&account,
				Preservation::Preserve,
				Fortitude::Polite,
			);
			ensure!(!amount.is_zero(), Error::<T>::NothingToDistribute);
			T::Gov::deposit_reward(&account, amount)?;
			Self::deposit_event(Event::Distributed { amount });
			Ok(())
		}

		/// Replaces the conversion bounds.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidParameters`.
		///
		/// Emits `ParametersUpdated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(
			origin: OriginFor<T>,
			parameters: CollectorParameters,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(Self::parameters_are_valid(&parameters), Error::<T>::InvalidParameters);
			Parameters::<T>::put(parameters);
			Self::deposit_event(Event::ParametersUpdated { parameters });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The account that receives the protocol fees.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// `asset`'s price in UST, no older than `max_age`: a collateral's from its own source, any
	/// other asset's from the oracle. A zero price is no price.
	fn price(asset: &AssetId, max_age: mirror_primitives::Moment) -> Result<FixedU128, Error<T>> {
		let price = match T::CollateralPrices::collateral_price(asset, max_age) {
			Ok(collateral) => Some(collateral.price),
			Err(CollateralError::UnknownCollateral) => {
				T::Oracle::price(asset, max_age).map(|(p, _)| p).ok()
			}
			Err(_) => None,
		};
		price.filter(|p| !p.is_zero()).ok_or(Error::<T>::PriceUnavailable)
	}

	/// Whether `parameters` are acceptable: a spread below 100 %, a price age above zero.
	pub fn parameters_are_valid(parameters: &CollectorParameters) -> bool {
		parameters.max_spread < FixedU128::one() && parameters.price_max_age > 0
	}

	/// The invariants: the account exists, the parameters are valid.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			T::Assets::balance(MIR, &Self::account_id()) >= T::Assets::minimum_balance(MIR),
			"the Collector's account is gone"
		);
		ensure!(Self::parameters_are_valid(&Parameters::<T>::get()), "invalid parameters");
		Ok(())
	}
}
