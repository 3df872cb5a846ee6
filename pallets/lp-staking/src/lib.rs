//! # LpStaking pallet
//!
//! MIR rewards for liquidity providers and short sellers (spec §2.6, §2.7, §3.6–3.8), per mAsset
//! (and for MIR itself, whose pool's staking token is the MIR-UST LP token).
//!
//! ## Pools
//! Each registered asset ([`Pallet::register_asset`]) has a [`StakingPool`] with two halves:
//! - **LP**: LP tokens of the asset's UST pool, bonded with [`Pallet::bond`] (or provided and
//!   bonded in one call with [`Pallet::auto_stake`]) and returned by [`Pallet::unbond`];
//! - **short** (sLP): the debt of the asset's short positions, which Mint reports through
//!   [`mirror_primitives::ShortStakeHook`] — nobody bonds sLP directly.
//!
//! ## Rewards
//! MIR deposited for an asset ([`mirror_primitives::RewardPools`], the Factory's emission) is split
//! by the pool's short-reward weight: `⌊R × w⌋` to the short half, the rest to the LP half. Each half
//! keeps a reward-per-share index, so every call is O(1) in the number of stakers: a bond earns
//! `⌊bond × (index_now − index_at_last_settlement)⌋`, settled before every change of the bond.
//! Rewards deposited while a half has no bonds wait and are released by the next deposit that finds
//! bonds. Rounding always favours the pool: paid plus pending never exceeds what was deposited.
//! [`Pallet::withdraw_rewards`] pays an account's LP and sLP rewards of one pool, or of all pools.
//!
//! ## Premium and short-reward weight
//! [`Pallet::adjust_premium`] (anyone, at most once per `premium_min_update_interval` per asset)
//! sets the premium of the AMM price over the oracle price (§3.6) and from it the short-reward
//! weight `W_max · Φ((p − p½) / (p½ / 2))` with the true normal CDF; `W_max` and `p½` are governable
//! ([`Pallet::update_config`]; see `docs/lp-staking.md`). The AMM price is **time-weighted** over
//! the longest window the pool's history holds up to the interval (at least one observation
//! period), never the spot reserves, which one swap just before the call could set for a whole
//! interval; a swap moves the weight by at most its time share of the window. A pool with no such
//! history yet keeps its previous premium and weight (the call still stamps the time and emits
//! the event, with a window of 0).
//!
//! ## LP-token migration
//! [`Pallet::deprecate_staking_token`] replaces an asset's LP token: bonds in the old token earn up
//! to the index at deprecation and can only be unbonded; new bonds use the new token. An account
//! with old bonds must unbond them all before bonding the new token.
//!
//! ## Storage users create
//! A bond record exists only while it holds a bond or unpaid rewards; the fee of the call that
//! creates it (a bond of LP tokens, or Mint's short position) pays for it. Pools are created by the
//! admin only, at most [`Config::MaxPools`].
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod math;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	dispatch::PostDispatchInfo,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		Consideration, Footprint, UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	preservation, AssetId, Balance, Moment, PriceProvider, ProvideLiquidity, RewardPools,
	ShortStakeHook, TwapError, TwapProvider, MIR, UST,
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	FixedU128,
};

/// What the benchmarks need from the runtime: tokens, AMM pools and prices.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates `asset` as a token (if it does not exist).
	fn create_token(asset: &AssetId);
	/// Creates the AMM pool of `asset` against UST with liquidity at `price` UST per unit, and
	/// returns its LP token.
	fn create_amm_pool(asset: &AssetId, price: FixedU128) -> AssetId;
	/// Sets a fresh oracle price for `asset`.
	fn set_price(asset: &AssetId, price: FixedU128);
}

/// MIR rewards for liquidity providers and short sellers, per mAsset. Providers bond the LP
/// token of the asset's UST pool (`bond`, or `auto_stake` to provide and bond in one call) and
/// withdraw MIR rewards; short positions earn from the pool's short half, whose share follows the
/// asset's premium of AMM price over oracle price (`adjust_premium`).
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Registers pools, migrates LP tokens and sets the parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every token: MIR (rewards, `Native`), LP tokens.
		type Assets: Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ Mutate<Self::AccountId>;

		/// Oracle prices for the premium.
		type Oracle: PriceProvider;

		/// Time-weighted pool prices for the premium; liquidity for `auto_stake`.
		type Amm: ProvideLiquidity<Self::AccountId> + TwapProvider;

		/// Derives the account holding bonded LP tokens and undistributed MIR.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most reward pools.
		#[pallet::constant]
		type MaxPools: Get<u32>;

		/// The most assets one `adjust_premium` may name.
		#[pallet::constant]
		type MaxPremiumAssets: Get<u32>;

		/// The chain's clock.
		type UnixTime: UnixTime;

		/// The deposit a staker pays for each stake record it creates (an LP bond or an sLP bond
		/// of one asset): held while the record exists, released when it goes. The runtime holds
		/// MIR under `HoldReason::StakeDeposit`.
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up tokens, pools and prices in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every asset's reward pool.
	#[pallet::storage]
	pub type Pools<T: Config> = CountedStorageMap<_, Blake2_128Concat, AssetId, StakingPool>;

	/// LP bonds: staker → asset → bond.
	#[pallet::storage]
	pub type LpStakes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		AssetId,
		StakerReward,
	>;

	/// sLP bonds (short positions' debt): staker → asset → bond.
	#[pallet::storage]
	pub type ShortStakes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		AssetId,
		StakerReward,
	>;

	/// The parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, StakingParameters, ValueQuery>;

	/// The deposit each stake record holds: staker → (asset, half) → its ticket. Records made
	/// before version 1 hold none until they go and are made again.
	#[pallet::storage]
	pub type StakeDeposits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		(AssetId, Half),
		T::Consideration,
	>;

	/// Why LpStaking holds a staker's funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a stake record (an LP or an sLP bond of one asset).
		#[codec(index = 0)]
		StakeDeposit,
	}

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A reward pool was created.
		PoolRegistered {
			/// The asset.
			asset: AssetId,
			/// Its LP token.
			staking_token: AssetId,
		},
		/// An asset's LP token was replaced.
		StakingTokenDeprecated {
			/// The asset.
			asset: AssetId,
			/// The old LP token: its bonds earn up to now and can only be unbonded.
			deprecated_staking_token: AssetId,
			/// The LP token new bonds use.
			new_staking_token: AssetId,
		},
		/// LP tokens were bonded (by `bond`, or provided and bonded by `auto_stake`).
		Bonded {
			/// The staker.
			who: T::AccountId,
			/// The asset.
			asset: AssetId,
			/// LP tokens bonded.
			amount: Balance,
		},
		/// LP tokens were unbonded and returned.
		Unbonded {
			/// The staker.
			who: T::AccountId,
			/// The asset.
			asset: AssetId,
			/// LP tokens returned.
			amount: Balance,
			/// The LP token returned (a deprecated one for an old bond).
			staking_token: AssetId,
		},
		/// A short position's debt grew: its owner's sLP bond with it.
		ShortStakeIncreased {
			/// The short seller.
			who: T::AccountId,
			/// The asset.
			asset: AssetId,
			/// sLP added.
			amount: Balance,
		},
		/// A short position's debt shrank: its owner's sLP bond with it.
		ShortStakeDecreased {
			/// The short seller.
			who: T::AccountId,
			/// The asset.
			asset: AssetId,
			/// sLP removed.
			amount: Balance,
		},
		/// Rewards were paid.
		RewardsWithdrawn {
			/// The staker.
			who: T::AccountId,
			/// The pool (`None`: every pool).
			asset: Option<AssetId>,
			/// MIR paid.
			amount: Balance,
		},
		/// MIR rewards were deposited for an asset.
		RewardDeposited {
			/// The asset.
			asset: AssetId,
			/// MIR deposited.
			amount: Balance,
			/// The LP half's share.
			lp_amount: Balance,
			/// The short half's share.
			short_amount: Balance,
		},
		/// An asset's premium and short-reward weight were updated.
		PremiumAdjusted {
			/// The asset.
			asset: AssetId,
			/// The pool price's premium over the oracle price.
			premium_rate: FixedU128,
			/// The window (seconds) of the time-weighted pool price used; 0 when the pool had no
			/// history yet and the previous premium and weight were kept.
			twap_window: Moment,
			/// The short half's share of future deposits.
			short_reward_weight: FixedU128,
		},
		/// The parameters were changed.
		ParametersUpdated {
			/// The new parameters.
			parameters: StakingParameters,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// A zero amount.
		ZeroAmount,
		/// The asset has no reward pool.
		PoolNotFound,
		/// The asset already has a reward pool ("Asset was already registered").
		PoolAlreadyRegistered,
		/// The most reward pools exist already.
		TooManyPools,
		/// The token is not the pool's LP token, does not exist, is the asset itself ("Invalid
		/// staking token"), or is MIR, the reward token: bonds and rewards would share one balance.
		InvalidStakingToken,
		/// The asset's LP token was migrated already ("This asset LP token has already been
		/// migrated").
		AlreadyMigrated,
		/// The account still has bonds in the deprecated LP token: unbond them first ("The LP
		/// token for this asset has been deprecated, withdraw all your deprecated tokens to migrate
		/// your position").
		StakingTokenDeprecated,
		/// The account has no bond in the pool.
		NoStake,
		/// Unbonding more than is bonded ("Cannot unbond more than bond amount").
		InsufficientBond,
		/// No rewards to withdraw.
		NothingToWithdraw,
		/// The premium was adjusted less than the interval ago ("cannot adjust premium before
		/// premium_min_update_interval passed").
		PremiumUpdateTooEarly,
		/// The asset has no UST pool on the AMM.
		NoAmmPool,
		/// The short-reward cap is above 1.
		InvalidShortRewardCap,
		/// The account holds less than the amount.
		InsufficientBalance,
		/// Arithmetic overflow.
		Overflow,
		/// The staker cannot pay the deposit a new stake record holds (MIR).
		CannotPayDeposit,
	}

	/// Reward pools and parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Pools: each asset with its LP token (`None`: the LP token of its AMM pool against UST,
		/// which must exist by then).
		pub pools: Vec<(AssetId, Option<AssetId>)>,
		/// The parameters; `None` keeps mainnet's.
		pub parameters: Option<StakingParameters>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(parameters) = self.parameters {
				assert!(Pallet::<T>::parameters_are_valid(&parameters), "invalid parameters");
				Parameters::<T>::put(parameters);
			}
			for (asset, lp_token) in &self.pools {
				let lp_token = lp_token.clone().or_else(|| T::Amm::lp_token(asset, &UST));
				assert!(lp_token.is_some(), "no LP token for {asset:?}");
				let Some(lp_token) = lp_token else { continue };
				let registered = Pallet::<T>::do_register_asset(asset.clone(), lp_token);
				assert!(registered.is_ok(), "genesis pool {asset:?}: {registered:?}");
			}
			// The account keeps MIR's existential deposit, so rewards of any size can be paid.
			let account = Pallet::<T>::account_id();
			let ed = T::Assets::minimum_balance(MIR);
			let held = T::Assets::balance(MIR, &account);
			if held < ed {
				let minted = T::Assets::mint_into(MIR, &account, ed - held);
				assert!(minted.is_ok(), "funding the LpStaking account: {minted:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPools::get() > 0, "at least one pool");
			assert!(T::MaxPremiumAssets::get() > 0, "adjust_premium needs at least one asset");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bonds `lp_amount` of `asset`'s LP token: moves it to the pallet and settles the
		/// account's rewards first.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `PoolNotFound`, `StakingTokenDeprecated` (old
		/// bonds in a deprecated LP token remain), `InsufficientBalance`.
		///
		/// Emits `Bonded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			asset: AssetId,
			#[pallet::compact] lp_amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!lp_amount.is_zero(), Error::<T>::ZeroAmount);
			let token = Self::increase_lp_bond(&who, &asset, lp_amount)?;
			Self::move_in(&token, &who, lp_amount)?;
			Self::deposit_event(Event::Bonded { who, asset, amount: lp_amount });
			Ok(())
		}

		/// Unbonds `lp_amount` of LP tokens and returns them (in the deprecated token for a bond
		/// made before a migration), settling the account's rewards first. The rewards stay
		/// withdrawable.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `PoolNotFound`, `NoStake`,
		/// `InsufficientBond`.
		///
		/// Emits `Unbonded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(
			origin: OriginFor<T>,
			asset: AssetId,
			#[pallet::compact] lp_amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!lp_amount.is_zero(), Error::<T>::ZeroAmount);
			let token = Self::decrease_lp_bond(&who, &asset, lp_amount)?;
			T::Assets::transfer(
				token.clone(),
				&Self::account_id(),
				&who,
				lp_amount,
				preservation(&token),
			)?;
			Self::deposit_event(Event::Unbonded {
				who,
				asset,
				amount: lp_amount,
				staking_token: token,
			});
			Ok(())
		}

		/// Pays the account's LP and sLP rewards of `asset`'s pool (`None`: of every pool) in MIR.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `PoolNotFound`, `NothingToWithdraw`.
		///
		/// Emits `RewardsWithdrawn`.
		#[pallet::call_index(2)]
		#[pallet::weight(match asset {
			Some(_) => T::WeightInfo::withdraw_rewards(),
			None => T::WeightInfo::withdraw_all_rewards(T::MaxPools::get()),
		})]
		pub fn withdraw_rewards(
			origin: OriginFor<T>,
			asset: Option<AssetId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (amount, actual_weight) = match &asset {
				Some(asset) => {
					ensure!(Pools::<T>::contains_key(asset), Error::<T>::PoolNotFound);
					(Self::take_rewards(&who, asset)?, None)
				}
				None => {
					let (amount, pools) = Self::take_all_rewards(&who)?;
					(amount, Some(T::WeightInfo::withdraw_all_rewards(pools)))
				}
			};
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Assets::transfer(MIR, &Self::account_id(), &who, amount, preservation(&MIR))?;
			Self::deposit_event(Event::RewardsWithdrawn { who, asset, amount });
			Ok(PostDispatchInfo { actual_weight, pays_fee: Pays::Yes })
		}

		/// Provides `asset_amount` of `asset` and `ust_amount` of UST to the asset's AMM pool and
		/// bonds the LP tokens minted, in one call (`slippage_tolerance` as in the AMM's
		/// `provide_liquidity`).
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `PoolNotFound`, `InvalidStakingToken` (the AMM
		/// pool's LP token is not the staking token), `StakingTokenDeprecated`, and the
		/// AMM's errors (slippage, balances).
		///
		/// Emits `Bonded`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::auto_stake())]
		pub fn auto_stake(
			origin: OriginFor<T>,
			asset: AssetId,
			#[pallet::compact] asset_amount: Balance,
			#[pallet::compact] ust_amount: Balance,
			slippage_tolerance: Option<FixedU128>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!asset_amount.is_zero() && !ust_amount.is_zero(), Error::<T>::ZeroAmount);
			let pool = Pools::<T>::get(&asset).ok_or(Error::<T>::PoolNotFound)?;
			ensure!(
				T::Amm::lp_token(&asset, &UST).as_ref() == Some(&pool.staking_token),
				Error::<T>::InvalidStakingToken
			);
			// The LP tokens go straight to the pallet's account: no second transfer.
			let minted = T::Amm::provide_liquidity(
				&who,
				&asset,
				asset_amount,
				&UST,
				ust_amount,
				slippage_tolerance,
				&Self::account_id(),
			)?;
			ensure!(!minted.is_zero(), Error::<T>::ZeroAmount);
			Self::increase_lp_bond(&who, &asset, minted)?;
			Self::deposit_event(Event::Bonded { who, asset, amount: minted });
			Ok(())
		}

		/// Sets each asset's premium (time-weighted AMM price over oracle price, spec §3.6) and
		/// short-reward weight (§3.7). An asset without an oracle price gets premium and weight
		/// 0; a pool without price history yet keeps the previous ones.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `PoolNotFound`, `PremiumUpdateTooEarly` (each asset at most once per
		/// `premium_min_update_interval`), `NoAmmPool`.
		///
		/// Emits `PremiumAdjusted` per asset.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::adjust_premium(assets.len() as u32))]
		pub fn adjust_premium(origin: OriginFor<T>, assets: PremiumAssets<T>) -> DispatchResult {
			ensure_signed(origin)?;
			let parameters = Parameters::<T>::get();
			let now = Self::now();
			for asset in assets {
				Self::do_adjust_premium(asset, &parameters, now)?;
			}
			Ok(())
		}

		/// Creates `asset`'s reward pool, bonding `lp_token`.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `PoolAlreadyRegistered`, `TooManyPools`,
		/// `InvalidStakingToken`.
		///
		/// Emits `PoolRegistered`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_asset())]
		pub fn register_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			lp_token: AssetId,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register_asset(asset, lp_token)
		}

		/// Replaces `asset`'s LP token with `new_lp_token`: bonds in the old token earn up to the
		/// current index and can only be unbonded; new bonds use the new token. Once per asset.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `PoolNotFound`, `AlreadyMigrated`, `InvalidStakingToken`
		/// (the same token, the asset itself, or no such token).
		///
		/// Emits `StakingTokenDeprecated`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deprecate_staking_token())]
		pub fn deprecate_staking_token(
			origin: OriginFor<T>,
			asset: AssetId,
			new_lp_token: AssetId,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(
				Self::valid_staking_token(&asset, &new_lp_token),
				Error::<T>::InvalidStakingToken
			);
			let old = Pools::<T>::try_mutate(&asset, |maybe_pool| {
				let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
				ensure!(pool.migration.is_none(), Error::<T>::AlreadyMigrated);
				ensure!(pool.staking_token != new_lp_token, Error::<T>::InvalidStakingToken);
				let old = core::mem::replace(&mut pool.staking_token, new_lp_token.clone());
				pool.migration = Some(StakingMigration {
					index_snapshot: pool.lp.index,
					deprecated_staking_token: old.clone(),
					total_bond: core::mem::take(&mut pool.lp.total_bond),
				});
				Ok::<_, Error<T>>(old)
			})?;
			Self::deposit_event(Event::StakingTokenDeprecated {
				asset,
				deprecated_staking_token: old,
				new_staking_token: new_lp_token,
			});
			Ok(())
		}

		/// Changes the parameters (`None` keeps a value).
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidShortRewardCap` (a cap above 1).
		///
		/// Emits `ParametersUpdated`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(
			origin: OriginFor<T>,
			premium_min_update_interval: Option<Moment>,
			short_reward_cap: Option<FixedU128>,
			premium_half_max: Option<FixedU128>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut parameters = Parameters::<T>::get();
			if let Some(interval) = premium_min_update_interval {
				parameters.premium_min_update_interval = interval;
			}
			if let Some(cap) = short_reward_cap {
				parameters.short_reward_cap = cap;
			}
			if let Some(half_max) = premium_half_max {
				parameters.premium_half_max = half_max;
			}
			ensure!(Self::parameters_are_valid(&parameters), Error::<T>::InvalidShortRewardCap);
			Parameters::<T>::put(parameters);
			Self::deposit_event(Event::ParametersUpdated { parameters });
			Ok(())
		}

		/// Deposits `amount` of the sender's MIR as rewards for `asset`'s pool, split between its
		/// LP and short halves by the pool's short-reward weight. The Factory's emission arrives
		/// the same way (through `RewardPools`); as in the original, any MIR holder may add to
		/// a pool's rewards.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `PoolNotFound`, `InsufficientBalance`.
		///
		/// Emits `RewardDeposited`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::deposit_reward())]
		pub fn deposit_reward(
			origin: OriginFor<T>,
			asset: AssetId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			<Self as RewardPools<T::AccountId>>::deposit_reward(&who, &asset, amount)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The account holding bonded LP tokens and undistributed MIR.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::UnixTime::now().as_secs()
	}

	/// Whether `parameters` are acceptable: a short-reward cap of at most 1.
	pub fn parameters_are_valid(parameters: &StakingParameters) -> bool {
		parameters.short_reward_cap <= FixedU128::from_u32(1)
	}

	/// Creates `asset`'s pool (the admin call and genesis).
	pub fn do_register_asset(asset: AssetId, lp_token: AssetId) -> DispatchResult {
		ensure!(!Pools::<T>::contains_key(&asset), Error::<T>::PoolAlreadyRegistered);
		ensure!(Pools::<T>::count() < T::MaxPools::get(), Error::<T>::TooManyPools);
		ensure!(Self::valid_staking_token(&asset, &lp_token), Error::<T>::InvalidStakingToken);
		Pools::<T>::insert(&asset, StakingPool::new(lp_token.clone()));
		Self::deposit_event(Event::PoolRegistered { asset, staking_token: lp_token });
		Ok(())
	}

	/// Whether `token` may be bonded in `asset`'s pool: an existing token other than the asset
	/// and other than MIR, which the pallet holds as rewards (a MIR bond would be paid out as
	/// rewards, and rewards unbonded).
	fn valid_staking_token(asset: &AssetId, token: &AssetId) -> bool {
		token != asset && *token != MIR && T::Assets::asset_exists(token.clone())
	}

	/// Moves `amount` of `token` from `who` to the pallet (MIR keeps `who`'s existential deposit).
	/// The transfer checks the balance itself; its failure is reported as Mint reports it.
	fn move_in(token: &AssetId, who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Assets::transfer(token.clone(), who, &Self::account_id(), amount, preservation(token))
			.map(|_| ())
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Brings `record` up to `index`: adds what its bond earned to its pending reward.
	fn settle(record: &mut StakerReward, index: FixedU128) -> Result<(), Error<T>> {
		let reward =
			math::earned(record.bond_amount, index, record.index).ok_or(Error::<T>::Overflow)?;
		record.pending_reward =
			record.pending_reward.checked_add(reward).ok_or(Error::<T>::Overflow)?;
		record.index = index;
		Ok(())
	}

	/// Whether an LP record's bond is in the pool's deprecated token, and the index it earns to.
	fn lp_index(pool: &StakingPool, record: &StakerReward) -> (bool, FixedU128) {
		match &pool.migration {
			Some(migration)
				if !record.bond_amount.is_zero()
					&& record.staking_token.as_ref() != Some(&pool.staking_token) =>
			{
				(true, migration.index_snapshot)
			}
			_ => (false, pool.lp.index),
		}
	}

	/// Adds `amount` to `who`'s LP bond of `asset` (settling first); returns the LP token to take.
	fn increase_lp_bond(
		who: &T::AccountId,
		asset: &AssetId,
		amount: Balance,
	) -> Result<AssetId, DispatchError> {
		// One layer: a refused bond holds no deposit.
		frame_support::storage::with_storage_layer(|| {
			Self::hold_record_deposit(who, asset, Half::Lp)?;
			Self::add_lp_bond(who, asset, amount)
		})
	}

	/// [`Self::increase_lp_bond`]'s bookkeeping, without the deposit.
	fn add_lp_bond(
		who: &T::AccountId,
		asset: &AssetId,
		amount: Balance,
	) -> Result<AssetId, DispatchError> {
		Pools::<T>::try_mutate(asset, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			LpStakes::<T>::try_mutate(who, asset, |maybe_record| {
				let mut record = maybe_record.take().unwrap_or_default();
				let (legacy, index) = Self::lp_index(pool, &record);
				ensure!(!legacy, Error::<T>::StakingTokenDeprecated);
				Self::settle(&mut record, index)?;
				record.staking_token = Some(pool.staking_token.clone());
				record.bond_amount =
					record.bond_amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				pool.lp.total_bond =
					pool.lp.total_bond.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				*maybe_record = Some(record);
				Ok(pool.staking_token.clone())
			})
		})
	}

	/// Takes `amount` off `who`'s LP bond of `asset` (settling first); returns the LP token to
	/// give back.
	fn decrease_lp_bond(
		who: &T::AccountId,
		asset: &AssetId,
		amount: Balance,
	) -> Result<AssetId, DispatchError> {
		frame_support::storage::with_storage_layer(|| {
			let token = Self::take_lp_bond(who, asset, amount)?;
			Self::release_record_deposit(who, asset, Half::Lp)?;
			Ok(token)
		})
	}

	/// [`Self::decrease_lp_bond`]'s bookkeeping, without the deposit.
	fn take_lp_bond(
		who: &T::AccountId,
		asset: &AssetId,
		amount: Balance,
	) -> Result<AssetId, DispatchError> {
		Pools::<T>::try_mutate(asset, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			LpStakes::<T>::try_mutate_exists(who, asset, |maybe_record| {
				let record = maybe_record.as_mut().ok_or(Error::<T>::NoStake)?;
				let (legacy, index) = Self::lp_index(pool, record);
				Self::settle(record, index)?;
				ensure!(record.bond_amount >= amount, Error::<T>::InsufficientBond);
				let token = if legacy {
					let migration = pool.migration.as_mut().ok_or(Error::<T>::Overflow)?;
					migration.total_bond =
						migration.total_bond.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
					migration.deprecated_staking_token.clone()
				} else {
					pool.lp.total_bond =
						pool.lp.total_bond.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
					pool.staking_token.clone()
				};
				record.bond_amount -= amount;
				if record.bond_amount.is_zero() {
					if record.pending_reward.is_zero() {
						*maybe_record = None;
					} else {
						// Migrated: a later bond starts from the current index in the new token.
						record.staking_token = Some(pool.staking_token.clone());
						record.index = pool.lp.index;
					}
				}
				Ok(token)
			})
		})
	}

	/// Adds `amount` to `who`'s sLP bond of `asset` (settling first; a new record if none).
	fn bond_short(who: &T::AccountId, asset: &AssetId, amount: Balance) -> DispatchResult {
		// One layer: a refused bond holds no deposit.
		frame_support::storage::with_storage_layer(|| {
			Self::hold_record_deposit(who, asset, Half::Short)?;
			Self::add_short_bond(who, asset, amount)
		})
	}

	/// [`Self::bond_short`]'s bookkeeping, without the deposit.
	fn add_short_bond(who: &T::AccountId, asset: &AssetId, amount: Balance) -> DispatchResult {
		Pools::<T>::try_mutate(asset, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			ShortStakes::<T>::try_mutate(who, asset, |maybe_record| {
				let record = maybe_record.get_or_insert_with(Default::default);
				Self::settle(record, pool.short.index)?;
				record.bond_amount =
					record.bond_amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				pool.short.total_bond =
					pool.short.total_bond.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})
		})
	}

	/// Takes `amount` from `who`'s sLP bond of `asset` (settling first); removes the record when
	/// nothing is left in it.
	fn unbond_short(who: &T::AccountId, asset: &AssetId, amount: Balance) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			Self::take_short_bond(who, asset, amount)?;
			Self::release_record_deposit(who, asset, Half::Short)
		})
	}

	/// [`Self::unbond_short`]'s bookkeeping, without the deposit.
	fn take_short_bond(who: &T::AccountId, asset: &AssetId, amount: Balance) -> DispatchResult {
		Pools::<T>::try_mutate(asset, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			ShortStakes::<T>::try_mutate_exists(who, asset, |maybe_record| {
				let record = maybe_record.as_mut().ok_or(Error::<T>::NoStake)?;
				Self::settle(record, pool.short.index)?;
				ensure!(record.bond_amount >= amount, Error::<T>::InsufficientBond);
				record.bond_amount -= amount;
				pool.short.total_bond =
					pool.short.total_bond.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
				if record.bond_amount.is_zero() && record.pending_reward.is_zero() {
					*maybe_record = None;
				}
				Ok(())
			})
		})
	}

	/// Settles and takes `who`'s LP and sLP rewards of `asset`; removes records left empty.
	fn take_rewards(who: &T::AccountId, asset: &AssetId) -> Result<Balance, DispatchError> {
		let Some(pool) = Pools::<T>::get(asset) else { return Ok(0) };
		let mut total: Balance = 0;
		if let Some(mut record) = LpStakes::<T>::get(who, asset) {
			let (_, index) = Self::lp_index(&pool, &record);
			Self::settle(&mut record, index)?;
			total = total.saturating_add(core::mem::take(&mut record.pending_reward));
			if record.bond_amount.is_zero() {
				LpStakes::<T>::remove(who, asset);
			} else {
				LpStakes::<T>::insert(who, asset, record);
			}
		}
		if let Some(mut record) = ShortStakes::<T>::get(who, asset) {
			Self::settle(&mut record, pool.short.index)?;
			total = total.saturating_add(core::mem::take(&mut record.pending_reward));
			if record.bond_amount.is_zero() {
				ShortStakes::<T>::remove(who, asset);
			} else {
				ShortStakes::<T>::insert(who, asset, record);
			}
		}
		Self::release_record_deposit(who, asset, Half::Lp)?;
		Self::release_record_deposit(who, asset, Half::Short)?;
		Ok(total)
	}

	/// Whether `who` has a `half` record of `asset`.
	fn record_exists(who: &T::AccountId, asset: &AssetId, half: Half) -> bool {
		match half {
			Half::Lp => LpStakes::<T>::contains_key(who, asset),
			Half::Short => ShortStakes::<T>::contains_key(who, asset),
		}
	}

	/// What one stake record occupies: its key and value.
	fn record_footprint() -> Footprint {
		Footprint::from_mel::<(T::AccountId, AssetId, StakerReward)>()
	}

	/// Holds the deposit of `who`'s `half` record of `asset` when the record is about to be
	/// made (nothing when it exists: it holds its deposit already, or was made before deposits).
	fn hold_record_deposit(who: &T::AccountId, asset: &AssetId, half: Half) -> DispatchResult {
		if Self::record_exists(who, asset, half)
			|| StakeDeposits::<T>::contains_key(who, (asset, half))
		{
			return Ok(());
		}
		let ticket = T::Consideration::new(who, Self::record_footprint())
			.map_err(|_| Error::<T>::CannotPayDeposit)?;
		StakeDeposits::<T>::insert(who, (asset.clone(), half), ticket);
		Ok(())
	}

	/// Releases the deposit of `who`'s `half` record of `asset` once the record is gone.
	fn release_record_deposit(who: &T::AccountId, asset: &AssetId, half: Half) -> DispatchResult {
		if Self::record_exists(who, asset, half) {
			return Ok(());
		}
		if let Some(ticket) = StakeDeposits::<T>::take(who, (asset.clone(), half)) {
			ticket.drop(who)?;
		}
		Ok(())
	}

	/// Takes `who`'s rewards of every pool; returns them and how many pools the account has
	/// records in (at most [`Config::MaxPools`] per half).
	fn take_all_rewards(who: &T::AccountId) -> Result<(Balance, u32), DispatchError> {
		let mut assets: Vec<AssetId> = LpStakes::<T>::iter_key_prefix(who).collect();
		let lp_records = assets.len() as u32;
		let mut short_records = 0u32;
		for asset in ShortStakes::<T>::iter_key_prefix(who) {
			short_records += 1;
			if !assets.contains(&asset) {
				assets.push(asset);
			}
		}
		let mut total: Balance = 0;
		for asset in &assets {
			total = total.saturating_add(Self::take_rewards(who, asset)?);
		}
		Ok((total, lp_records.max(short_records)))
	}

	fn do_adjust_premium(
		asset: AssetId,
		parameters: &StakingParameters,
		now: Moment,
	) -> DispatchResult {
		let mut pool = Pools::<T>::get(&asset).ok_or(Error::<T>::PoolNotFound)?;
		ensure!(
			pool.premium_updated_time.is_zero()
				|| now
					>= pool
						.premium_updated_time
						.saturating_add(parameters.premium_min_update_interval),
			Error::<T>::PremiumUpdateTooEarly
		);
		// The pool price is time-weighted over (at most) the interval, never the spot reserves
		// that one swap right before this call could set.
		let twap = match T::Amm::twap_up_to(&asset, &UST, parameters.premium_min_update_interval) {
			Ok(twap) => Some(twap),
			Err(TwapError::NoPool) => return Err(Error::<T>::NoAmmPool.into()),
			Err(TwapError::NotEnoughHistory) => None,
		};
		// The original asks the oracle for its latest price, of any age; no price is premium 0.
		let oracle_price =
			T::Oracle::price(&asset, Moment::MAX).map(|(p, _)| p).unwrap_or_default();
		let twap_window = twap.map_or(0, |(_, window)| window);
		// No history yet (a young pool): the previous premium and weight stand.
		if let Some((pool_price, _)) = twap {
			let premium = math::premium(pool_price, oracle_price);
			pool.premium_rate = premium.unwrap_or_default();
			pool.short_reward_weight = premium.map_or_else(FixedU128::zero, |premium| {
				math::short_reward_weight(
					premium,
					parameters.short_reward_cap,
					parameters.premium_half_max,
				)
			});
		}
		pool.premium_updated_time = now;
		let (premium_rate, short_reward_weight) = (pool.premium_rate, pool.short_reward_weight);
		Pools::<T>::insert(&asset, pool);
		Self::deposit_event(Event::PremiumAdjusted {
			asset,
			premium_rate,
			short_reward_weight,
			twap_window,
		});
		Ok(())
	}

	/// Splits `amount` of MIR (already held by the pallet) into `asset`'s pool halves.
	fn credit_reward(
		asset: &AssetId,
		amount: Balance,
	) -> Result<(Balance, Balance), DispatchError> {
		Pools::<T>::try_mutate(asset, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			let (lp, short) =
				math::split(amount, pool.short_reward_weight).ok_or(Error::<T>::Overflow)?;
			math::deposit_reward(&mut pool.lp, lp).ok_or(Error::<T>::Overflow)?;
			math::deposit_reward(&mut pool.short, short).ok_or(Error::<T>::Overflow)?;
			Ok((lp, short))
		})
	}

	/// `asset`'s pool.
	pub fn pool(asset: &AssetId) -> Option<StakingPool> {
		Pools::<T>::get(asset)
	}

	/// Every pool, by asset.
	pub fn pools() -> Vec<(AssetId, StakingPool)> {
		Pools::<T>::iter().collect()
	}

	/// `staker`'s bonds with their pending rewards settled to now, in `asset`'s pool or in every
	/// pool: LP bonds first, then sLP.
	pub fn reward_info(staker: &T::AccountId, asset: Option<AssetId>) -> Vec<RewardInfo> {
		let lp: Vec<(AssetId, StakerReward)> = match &asset {
			Some(a) => LpStakes::<T>::get(staker, a).map(|r| (a.clone(), r)).into_iter().collect(),
			None => LpStakes::<T>::iter_prefix(staker).collect(),
		};
		let short: Vec<(AssetId, StakerReward)> = match &asset {
			Some(a) => {
				ShortStakes::<T>::get(staker, a).map(|r| (a.clone(), r)).into_iter().collect()
			}
			None => ShortStakes::<T>::iter_prefix(staker).collect(),
		};
		let mut out = Vec::new();
		for (is_short, records) in [(false, lp), (true, short)] {
			for (asset, mut record) in records {
				let Some(pool) = Pools::<T>::get(&asset) else { continue };
				let (legacy, index) = if is_short {
					(false, pool.short.index)
				} else {
					Self::lp_index(&pool, &record)
				};
				if Self::settle(&mut record, index).is_err() {
					continue;
				}
				out.push(RewardInfo {
					asset,
					bond_amount: record.bond_amount,
					pending_reward: record.pending_reward,
					is_short,
					should_migrate: legacy,
				});
			}
		}
		out
	}

	/// The parameters.
	pub fn parameters() -> StakingParameters {
		Parameters::<T>::get()
	}

	/// The invariants: per staking token, bonds sum to the pool totals and to the pallet's
	/// balance of the token (a deprecated token keeps its own sums); sLP bonds sum to the short
	/// totals; the pallet's MIR covers every reward owed (settled or not).
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut lp_sums: BTreeMap<AssetId, (Balance, Balance)> = BTreeMap::new();
		let mut short_sums: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut owed: Balance = 0;
		for (_, asset, record) in LpStakes::<T>::iter() {
			let pool = Pools::<T>::get(&asset).ok_or("an LP record without a pool")?;
			let (legacy, index) = Self::lp_index(&pool, &record);
			let sums = lp_sums.entry(asset).or_default();
			if legacy {
				sums.1 = sums.1.saturating_add(record.bond_amount);
			} else {
				ensure!(
					record.bond_amount.is_zero()
						|| record.staking_token.as_ref() == Some(&pool.staking_token),
					"an LP record in an unknown token"
				);
				sums.0 = sums.0.saturating_add(record.bond_amount);
			}
			ensure!(record.index <= index, "an LP record ahead of its pool");
			let reward = math::earned(record.bond_amount, index, record.index).ok_or("overflow")?;
			owed = owed.saturating_add(record.pending_reward).saturating_add(reward);
			ensure!(
				!record.bond_amount.is_zero() || !record.pending_reward.is_zero(),
				"an empty LP record"
			);
		}
		for (_, asset, record) in ShortStakes::<T>::iter() {
			let pool = Pools::<T>::get(&asset).ok_or("an sLP record without a pool")?;
			*short_sums.entry(asset).or_default() += record.bond_amount;
			ensure!(record.index <= pool.short.index, "an sLP record ahead of its pool");
			let reward = math::earned(record.bond_amount, pool.short.index, record.index)
				.ok_or("overflow")?;
			owed = owed.saturating_add(record.pending_reward).saturating_add(reward);
			ensure!(
				!record.bond_amount.is_zero() || !record.pending_reward.is_zero(),
				"an empty sLP record"
			);
		}
		// Every deposit belongs to a record that exists.
		for (who, (asset, half), _) in StakeDeposits::<T>::iter() {
			ensure!(Self::record_exists(&who, &asset, half), "a stake deposit without its record");
		}
		let mut token_sums: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut pools = 0u32;
		for (asset, pool) in Pools::<T>::iter() {
			pools += 1;
			let (current, legacy) = lp_sums.get(&asset).copied().unwrap_or_default();
			ensure!(current == pool.lp.total_bond, "LP bonds differ from the pool's total");
			let legacy_total = pool.migration.as_ref().map(|m| m.total_bond).unwrap_or_default();
			ensure!(legacy == legacy_total, "old LP bonds differ from the migration's total");
			ensure!(
				short_sums.get(&asset).copied().unwrap_or_default() == pool.short.total_bond,
				"sLP bonds differ from the pool's short total"
			);
			*token_sums.entry(pool.staking_token.clone()).or_default() += pool.lp.total_bond;
			if let Some(migration) = &pool.migration {
				*token_sums.entry(migration.deprecated_staking_token.clone()).or_default() +=
					migration.total_bond;
			}
			owed = owed.saturating_add(pool.lp.pending).saturating_add(pool.short.pending);
		}
		ensure!(pools == Pools::<T>::count(), "the pool counter is off");
		ensure!(pools <= T::MaxPools::get(), "more pools than allowed");
		let account = Self::account_id();
		for (token, bonded) in token_sums {
			ensure!(
				T::Assets::balance(token, &account) == bonded,
				"the pallet's LP balance differs from the bonds"
			);
		}
		let mir = T::Assets::balance(MIR, &account).saturating_sub(T::Assets::minimum_balance(MIR));
		ensure!(mir >= owed, "the pallet owes more MIR than it holds");
		Ok(())
	}
}

impl<T: Config> ShortStakeHook<T::AccountId> for Pallet<T> {
	fn increase_short(asset: &AssetId, owner: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Self::bond_short(owner, asset, amount)?;
		Self::deposit_event(Event::ShortStakeIncreased {
			who: owner.clone(),
			asset: asset.clone(),
			amount,
		});
		Ok(())
	}

	fn decrease_short(asset: &AssetId, owner: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Self::unbond_short(owner, asset, amount)?;
		Self::deposit_event(Event::ShortStakeDecreased {
			who: owner.clone(),
			asset: asset.clone(),
			amount,
		});
		Ok(())
	}
}

impl<T: Config> RewardPools<T::AccountId> for Pallet<T> {
	fn register_pool(asset: &AssetId, staking_token: &AssetId) -> DispatchResult {
		Self::do_register_asset(asset.clone(), staking_token.clone())
	}

	fn pool_exists(asset: &AssetId) -> bool {
		Pools::<T>::contains_key(asset)
	}

	fn deposit_reward(from: &T::AccountId, asset: &AssetId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let (lp_amount, short_amount) = frame_support::storage::with_storage_layer(|| {
			let split = Self::credit_reward(asset, amount)?;
			Self::move_in(&MIR, from, amount)?;
			Ok::<_, DispatchError>(split)
		})?;
		Self::deposit_event(Event::RewardDeposited {
			asset: asset.clone(),
			amount,
			lp_amount,
			short_amount,
		});
		Ok(())
	}
}
