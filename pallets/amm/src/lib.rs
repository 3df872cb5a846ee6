//! # Amm pallet
//!
//! Terraswap v2.4.0 pairs on Substrate (spec §2.14, §3.13, §3.14): x·y=k pools of any two assets
//! (native MIR included, through `NativeOrWithId`), LP tokens in `pallet-assets`, swaps with a
//! 0.3 % commission left in the pool, a multi-hop router, and Uniswap-v2 style price accumulators so
//! that other pallets price from **time-weighted** averages, never from spot reserves.
//!
//! ## What differs from Terraswap v2.4.0
//! - The max-spread check applies to the **net** amount the trader receives (terraswap issue #31:
//!   the original checked the amount before commission). With a belief price the shortfall is
//!   measured against `offer / belief_price`; without one against the pool's spot price.
//! - The first deposit locks [`Config::MinimumLiquidity`] LP units in the pool's account (as
//!   Terraswap v2.9 does with 1,000 units), so the first depositor cannot inflate the share price
//!   by donating to an almost empty pool and round later depositors' shares to zero.
//! - Creating a pair burns [`Config::PairCreationFee`] MIR: pools are storage users create.
//!
//! ## Pools
//! A pair's key orders its assets (`asset_a < asset_b`); its account derives from the pallet id
//! and the key; its LP token is a new `pallet-assets` asset owned by the pallet. Recorded reserves
//! always equal the pool account's balances (checked by `try_state`).
//!
//! ## Time-weighted prices
//! Every pool change first adds `price × elapsed seconds` to the pool's cumulative prices (the
//! first change in a block does; later ones add nothing), and at most every
//! [`Config::ObservationPeriod`] seconds records an [`Observation`] in a bounded ring of
//! [`Config::MaxObservations`]. `twap(base, quote, window)` divides the growth of the cumulative
//! price since the newest observation at least `window` seconds old by the time elapsed.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod math;
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
	pallet_prelude::*,
	traits::{
		fungibles::{Create, Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	decimal::from_ratio, AssetId, AssetIdAllocator, AssetSymbol, Balance, LocalAssetId, Moment,
	NativeOrWithId, PoolInfo, ProvideLiquidity, QuoteSwap, SetAssetMetadata, SpreadLimit, Swap,
	SwapQuote, TwapError, TwapProvider,
};
use sp_runtime::{
	traits::{AccountIdConversion, BlakeTwo256, Hash as HashT},
	FixedU128,
};

/// What an LP token's name adds to its symbol: `"mAAPL-UST"` is named `"mAAPL-UST LP"`.
pub const LP_TOKEN_NAME_SUFFIX: &[u8] = b" LP";
/// The longest LP token name made from symbols (the runtime's asset metadata takes 50 bytes).
pub const LP_TOKEN_MAX_NAME: usize = 32;
/// Every LP token's decimals.
pub const LP_TOKEN_DECIMALS: u8 = 6;

/// A pool as stored.
pub type PoolOf<T> = Pool<<T as Config>::MaxObservations>;

/// A simulated swap: the pair's key, its pool and the outcome.
type Simulation<T> = ((AssetId, AssetId), PoolOf<T>, math::SwapOutcome);

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Sets the chain's clock to `secs` seconds.
	fn set_time(secs: Moment);
}

/// Constant-product (x·y=k) pools of any two assets, with LP tokens and a 0.3 % commission left
/// in the pool. Anyone may create a pair (burning a MIR fee), provide and withdraw liquidity, and
/// swap, directly or along a path of pools, with a slippage bound (`belief_price`, `max_spread`).
/// Pools keep time-weighted prices, which other pallets price from.
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
		/// Every token: MIR as `Native`, `pallet-assets` tokens as `WithId`.
		type Assets: Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ Mutate<Self::AccountId>
			+ Create<Self::AccountId>;

		/// Sets the LP tokens' metadata (name, symbol, 6 decimals), paid for by the creation fee.
		type AssetsMetadata: SetAssetMetadata;

		/// The symbols of the pair's assets, which name its LP token.
		type AssetSymbols: AssetSymbol;

		/// Hands out the ids of new LP tokens.
		type AssetIdAllocator: AssetIdAllocator;

		/// Derives the pallet's and the pools' accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The commission on a swap's return, left in the pool (0.003).
		#[pallet::constant]
		type Commission: Get<FixedU128>;

		/// LP units locked in the pool's account by the first deposit.
		#[pallet::constant]
		type MinimumLiquidity: Get<Balance>;

		/// MIR burnt by `create_pair`, paying for the pool's storage.
		#[pallet::constant]
		type PairCreationFee: Get<Balance>;

		/// The most assets a route may name (hops + 1).
		#[pallet::constant]
		type MaxSwapPathLength: Get<u32>;

		/// The least time (seconds) between two recorded observations of a pool.
		#[pallet::constant]
		type ObservationPeriod: Get<Moment>;

		/// Observations kept per pool: the longest time-weighted window is about this times the
		/// observation period.
		#[pallet::constant]
		type MaxObservations: Get<u32>;

		/// The chain's clock.
		type UnixTime: UnixTime;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets the clock in benchmarks, so that they measure the observation writes.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Every pool, by its ordered pair of assets, with its price observations.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Blake2_128Concat, (AssetId, AssetId), PoolOf<T>>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pair was created.
		PairCreated {
			/// Who created it (and paid the fee).
			creator: T::AccountId,
			/// The pair's first asset.
			asset_a: AssetId,
			/// The pair's second asset.
			asset_b: AssetId,
			/// The pool's account.
			pool_account: T::AccountId,
			/// The LP token.
			lp_token: LocalAssetId,
		},
		/// Liquidity was deposited.
		LiquidityProvided {
			/// Who deposited.
			who: T::AccountId,
			/// Who received the LP tokens.
			receiver: T::AccountId,
			/// The pair's first asset.
			asset_a: AssetId,
			/// The pair's second asset.
			asset_b: AssetId,
			/// `asset_a` deposited.
			amount_a: Balance,
			/// `asset_b` deposited.
			amount_b: Balance,
			/// LP tokens minted to the receiver.
			lp_minted: Balance,
		},
		/// Liquidity was withdrawn.
		LiquidityWithdrawn {
			/// Who withdrew.
			who: T::AccountId,
			/// The pair's first asset.
			asset_a: AssetId,
			/// The pair's second asset.
			asset_b: AssetId,
			/// LP tokens burnt.
			lp_burned: Balance,
			/// `asset_a` paid out.
			amount_a: Balance,
			/// `asset_b` paid out.
			amount_b: Balance,
		},
		/// A swap (or one hop of a route) was made.
		Swapped {
			/// Who sold.
			who: T::AccountId,
			/// The asset sold.
			offer_asset: AssetId,
			/// The asset bought.
			ask_asset: AssetId,
			/// How much was sold.
			offer_amount: Balance,
			/// What was received, net of commission.
			return_amount: Balance,
			/// The shortfall against the spot price, before commission.
			spread_amount: Balance,
			/// The commission left in the pool.
			commission_amount: Balance,
			/// Who received the return.
			to: T::AccountId,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The two assets are the same.
		IdenticalAssets,
		/// The pair already exists.
		PairExists,
		/// There is no pair of these assets.
		UnknownPair,
		/// An asset that does not exist.
		UnknownAsset,
		/// A zero amount.
		ZeroAmount,
		/// The return falls short of the belief price or spot price by more than the max spread.
		MaxSpreadAssertion,
		/// The deposit's ratio is further from the pool's than the slippage tolerance allows.
		MaxSlippageAssertion,
		/// The route returns less than the minimum receive.
		MinimumReceiveNotMet,
		/// A route must name at least two assets.
		InvalidPath,
		/// The account holds less than the amount (keeping its MIR existential deposit).
		InsufficientBalance,
		/// The pool cannot pay this (empty, or the trade would drain it).
		InsufficientLiquidity,
		/// The deposit mints no LP tokens (the first must mint more than the locked minimum).
		InsufficientLiquidityMinted,
		/// The withdrawal pays nothing.
		InsufficientLiquidityBurned,
		/// The LP token could not be created.
		LpTokenCreationFailed,
		/// Arithmetic overflow: amounts too large for the pool.
		Overflow,
		/// A slippage tolerance above 1 (100 %).
		InvalidSlippageTolerance,
		/// The swap or withdrawal would leave a pool reserve below its asset's minimum balance
		/// (MIR's existential deposit): the pool's account would lose it as dust and the
		/// recorded reserve would no longer match the balance.
		ReserveLeftLessThanMinimal,
	}

	/// Pools at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(provider, asset_a, amount_a, asset_b, amount_b)`: a pool created and seeded by
		/// `provider` (who pays the creation fee and receives the LP tokens).
		pub pools: Vec<(T::AccountId, AssetId, Balance, AssetId, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, a, da, b, db) in &self.pools {
				// Genesis has no clock yet: pools start at time 0.
				let created = Pallet::<T>::do_create_pair(who, a.clone(), b.clone(), 0);
				assert!(created.is_ok(), "genesis pool {a:?}/{b:?}: {created:?}");
				let provided =
					Pallet::<T>::do_provide(who, a.clone(), *da, b.clone(), *db, None, who, 0);
				assert!(provided.is_ok(), "genesis liquidity {a:?}/{b:?}: {provided:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::Commission::get() < FixedU128::one(), "commission must be below 100 %");
			assert!(T::MaxSwapPathLength::get() >= 2, "a route needs two assets");
			assert!(T::MaxObservations::get() >= 2, "a time-weighted price needs two observations");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the pair of `asset_a` and `asset_b` (either order), its pool account and its
		/// LP token. Burns `Config::PairCreationFee` MIR from the sender.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `IdenticalAssets`, `UnknownAsset`, `PairExists`,
		/// `InsufficientBalance` (for the fee).
		///
		/// Emits `PairCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_pair())]
		pub fn create_pair(
			origin: OriginFor<T>,
			asset_a: AssetId,
			asset_b: AssetId,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_pair(&creator, asset_a, asset_b, Self::now()).map(|_| ())
		}

		/// Deposits `amount_a` of `asset_a` and `amount_b` of `asset_b` into their pool and mints
		/// LP tokens to `receiver` (the sender if `None`): `⌊√(a·b)⌋` minus the locked minimum for
		/// the first deposit, else the smaller of the two proportional shares (the excess of the
		/// other side stays in the pool). With a `slippage_tolerance` the deposit's ratio must be
		/// within it of the pool's.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `IdenticalAssets`, `UnknownPair`, `ZeroAmount`,
		/// `MaxSlippageAssertion`, `InvalidSlippageTolerance` (above 1),
		/// `InsufficientBalance`,
		/// `InsufficientLiquidityMinted`.
		///
		/// Emits `LiquidityProvided`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::provide_liquidity())]
		pub fn provide_liquidity(
			origin: OriginFor<T>,
			asset_a: AssetId,
			amount_a: Balance,
			asset_b: AssetId,
			amount_b: Balance,
			slippage_tolerance: Option<FixedU128>,
			receiver: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let receiver = receiver.unwrap_or_else(|| who.clone());
			Self::do_provide(
				&who,
				asset_a,
				amount_a,
				asset_b,
				amount_b,
				slippage_tolerance,
				&receiver,
				Self::now(),
			)
			.map(|_| ())
		}

		/// Burns `lp_amount` LP tokens of the pair and pays out the pro-rata share of both
		/// reserves: `⌊reserve × from_ratio(lp, supply)⌋` each.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `IdenticalAssets`, `UnknownPair`, `ZeroAmount`,
		/// `InsufficientBalance` (LP tokens), `InsufficientLiquidityBurned`,
		/// `ReserveLeftLessThanMinimal` (a reserve would fall below its asset's minimum
		/// balance: the last withdrawal from a small pool leaves at least that much behind).
		///
		/// Emits `LiquidityWithdrawn`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_liquidity())]
		pub fn withdraw_liquidity(
			origin: OriginFor<T>,
			asset_a: AssetId,
			asset_b: AssetId,
			lp_amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, asset_a, asset_b, lp_amount)
		}

		/// Sells `offer_amount` of `offer_asset` for `ask_asset`, paying the return (net of the
		/// 0.3 % commission) to `to` (the sender if `None`). With `belief_price` and `max_spread`
		/// the net return must be within `max_spread` of `offer / belief_price`; with `max_spread`
		/// alone within it of the spot price; with neither there is no check (spec §3.13).
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `IdenticalAssets`, `UnknownPair`, `ZeroAmount`,
		/// `InsufficientBalance`, `InsufficientLiquidity`,
		/// `MaxSpreadAssertion`, `ReserveLeftLessThanMinimal` (the return
		/// would leave the asked reserve below its asset's minimum balance).
		///
		/// Emits `Swapped`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::swap())]
		pub fn swap(
			origin: OriginFor<T>,
			offer_asset: AssetId,
			ask_asset: AssetId,
			offer_amount: Balance,
			belief_price: Option<FixedU128>,
			max_spread: Option<FixedU128>,
			to: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let to = to.unwrap_or_else(|| who.clone());
			let limit = SpreadLimit::from_options(belief_price, max_spread);
			Self::execute_swap(Some(&who), &who, &offer_asset, &ask_asset, offer_amount, limit, &to)
				.map(|_| ())
		}

		/// Sells `offer_amount` of `path[0]` along `path` (one pool per hop, intermediate amounts
		/// moving from pool to pool) and pays the last asset to `to` (the sender if `None`),
		/// failing unless it is at least `minimum_receive`.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `InvalidPath` (fewer than two assets, or a repeated neighbour),
		/// `UnknownPair`, `ZeroAmount`, `InsufficientBalance`,
		/// `InsufficientLiquidity`, `ReserveLeftLessThanMinimal`,
		/// `MinimumReceiveNotMet`. A path longer than
		/// `Config::MaxSwapPathLength` does not decode.
		///
		/// Emits `Swapped` per hop.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::swap_route(path.len() as u32))]
		pub fn swap_route(
			origin: OriginFor<T>,
			path: BoundedVec<AssetId, T::MaxSwapPathLength>,
			offer_amount: Balance,
			minimum_receive: Option<Balance>,
			to: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let to = to.unwrap_or_else(|| who.clone());
			ensure!(path.len() >= 2, Error::<T>::InvalidPath);
			ensure!(offer_amount > 0, Error::<T>::ZeroAmount);
			let hops = path.len() - 1;
			// Check every pool exists before moving anything.
			let mut keys = Vec::with_capacity(hops);
			for w in path.windows(2) {
				let key = Self::pair_key(&w[0], &w[1]).map_err(|_| Error::<T>::InvalidPath)?;
				ensure!(Pools::<T>::contains_key(&key), Error::<T>::UnknownPair);
				keys.push(key);
			}
			let mut amount = offer_amount;
			for (i, w) in path.windows(2).enumerate() {
				// Each hop pays straight into the next hop's pool; the last pays `to`.
				let recipient = match keys.get(i + 1) {
					Some(next) => Self::pool_account(next),
					None => to.clone(),
				};
				let payer = if i == 0 { Some(&who) } else { None };
				let quote = Self::execute_swap(
					payer,
					&who,
					&w[0],
					&w[1],
					amount,
					SpreadLimit::Unchecked,
					&recipient,
				)?;
				amount = quote.return_amount;
			}
			if let Some(minimum) = minimum_receive {
				ensure!(amount >= minimum, Error::<T>::MinimumReceiveNotMet);
			}
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The pair's key: its two assets in order. Fails for identical assets.
	pub fn pair_key(a: &AssetId, b: &AssetId) -> Result<(AssetId, AssetId), Error<T>> {
		match a.cmp(b) {
			core::cmp::Ordering::Less => Ok((a.clone(), b.clone())),
			core::cmp::Ordering::Greater => Ok((b.clone(), a.clone())),
			core::cmp::Ordering::Equal => Err(Error::<T>::IdenticalAssets),
		}
	}

	/// The account of the pool with `key`.
	pub fn pool_account(key: &(AssetId, AssetId)) -> T::AccountId {
		// Hashed, so that a key longer than the account's room never collides on truncation.
		T::PalletId::get().into_sub_account_truncating(<BlakeTwo256 as HashT>::hash_of(key))
	}

	/// The pallet's own account: owner of every LP token.
	pub fn pallet_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::UnixTime::now().as_secs()
	}

	/// An LP token's name and symbol: `"mAAPL-UST LP"` and `"mAAPL-UST"` from its assets' symbols,
	/// UST (the quote asset) last, otherwise in the order given. A pair whose assets lack a symbol,
	/// or whose name would be longer than [`LP_TOKEN_MAX_NAME`] bytes, is named by its ids:
	/// `"LP 7-9"` (MIR is 0).
	pub fn lp_token_metadata(a: &AssetId, b: &AssetId) -> (Vec<u8>, Vec<u8>) {
		let (first, second) = if *a == mirror_primitives::UST { (b, a) } else { (a, b) };
		let pair = T::AssetSymbols::symbol(first).zip(T::AssetSymbols::symbol(second)).map(
			|(mut pair, second)| {
				pair.push(b'-');
				pair.extend(second);
				pair
			},
		);
		match pair {
			Some(symbol) if symbol.len() + LP_TOKEN_NAME_SUFFIX.len() <= LP_TOKEN_MAX_NAME => {
				let mut name = symbol.clone();
				name.extend_from_slice(LP_TOKEN_NAME_SUFFIX);
				(name, symbol)
			}
			_ => {
				let id = |asset: &AssetId| match asset {
					NativeOrWithId::Native => 0,
					NativeOrWithId::WithId(id) => *id,
				};
				let name = alloc::format!("LP {}-{}", id(first), id(second)).into_bytes();
				(name.clone(), name)
			}
		}
	}

	fn do_create_pair(
		creator: &T::AccountId,
		asset_a: AssetId,
		asset_b: AssetId,
		now: Moment,
	) -> Result<(AssetId, AssetId), DispatchError> {
		let key = Self::pair_key(&asset_a, &asset_b)?;
		ensure!(!Pools::<T>::contains_key(&key), Error::<T>::PairExists);
		ensure!(
			T::Assets::asset_exists(key.0.clone()) && T::Assets::asset_exists(key.1.clone()),
			Error::<T>::UnknownAsset
		);
		let fee = T::PairCreationFee::get();
		if fee > 0 {
			T::Assets::burn_from(
				NativeOrWithId::Native,
				creator,
				fee,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		let lp_token = T::AssetIdAllocator::next_asset_id()?;
		T::Assets::create(NativeOrWithId::WithId(lp_token), Self::pallet_account(), false, 1)
			.map_err(|_| Error::<T>::LpTokenCreationFailed)?;
		// Named after its pair, so that a wallet tells LP tokens apart; 6 decimals like every
		// Mirror token.
		let (name, symbol) = Self::lp_token_metadata(&asset_a, &asset_b);
		T::AssetsMetadata::set_metadata(lp_token, name, symbol, LP_TOKEN_DECIMALS)?;
		let pool_account = Self::pool_account(&key);
		// The pool account holds whatever it is given, sufficient asset or not.
		frame_system::Pallet::<T>::inc_providers(&pool_account);
		Pools::<T>::insert(
			&key,
			Pool {
				lp_token,
				reserve_a: 0,
				reserve_b: 0,
				total_shares: 0,
				price_a_cumulative: 0,
				price_b_cumulative: 0,
				last_update: now,
				last_observation: 0,
				observations: BoundedVec::new(),
			},
		);
		Self::deposit_event(Event::PairCreated {
			creator: creator.clone(),
			asset_a: key.0.clone(),
			asset_b: key.1.clone(),
			pool_account,
			lp_token,
		});
		Ok(key)
	}

	/// Brings the pool's price accumulators up to `now` with its current reserves. Called before
	/// every change of reserves.
	fn accumulate(pool: &mut PoolOf<T>, now: Moment) {
		let elapsed = now.saturating_sub(pool.last_update);
		if elapsed > 0 && pool.reserve_a > 0 && pool.reserve_b > 0 {
			let (pa, pb) = Self::spot_prices(pool);
			pool.price_a_cumulative =
				pool.price_a_cumulative.wrapping_add(pa.wrapping_mul(elapsed as u128));
			pool.price_b_cumulative =
				pool.price_b_cumulative.wrapping_add(pb.wrapping_mul(elapsed as u128));
		}
		pool.last_update = now;
	}

	/// Records an observation of the accumulators (already brought up to `now`) if one is due and
	/// the pool holds liquidity. Called after every change of reserves.
	fn observe(pool: &mut PoolOf<T>, now: Moment) {
		// A pool's first observation is recorded at once (at genesis too), so a pool has price
		// history from its first liquidity on, traded or not.
		let due = pool.observations.is_empty()
			|| now.saturating_sub(pool.last_observation) >= T::ObservationPeriod::get();
		if due && pool.total_shares > 0 {
			let observation = Observation {
				timestamp: now,
				price_a_cumulative: pool.price_a_cumulative,
				price_b_cumulative: pool.price_b_cumulative,
			};
			if pool.observations.is_full() {
				pool.observations.remove(0);
			}
			// Cannot fail: a slot was freed above.
			let _ = pool.observations.try_push(observation);
			pool.last_observation = now;
		}
	}

	/// The pool's spot prices as `FixedU128` inner units: `a` in `b`, and `b` in `a`.
	fn spot_prices(pool: &PoolOf<T>) -> (u128, u128) {
		let pa = from_ratio(pool.reserve_b, pool.reserve_a).map_or(0, |p| p.into_inner());
		let pb = from_ratio(pool.reserve_a, pool.reserve_b).map_or(0, |p| p.into_inner());
		(pa, pb)
	}

	#[allow(clippy::too_many_arguments)]
	fn do_provide(
		who: &T::AccountId,
		asset_a: AssetId,
		amount_a: Balance,
		asset_b: AssetId,
		amount_b: Balance,
		slippage_tolerance: Option<FixedU128>,
		receiver: &T::AccountId,
		now: Moment,
	) -> Result<Balance, DispatchError> {
		let key = Self::pair_key(&asset_a, &asset_b)?;
		let mut pool = Pools::<T>::get(&key).ok_or(Error::<T>::UnknownPair)?;
		ensure!(amount_a > 0 && amount_b > 0, Error::<T>::ZeroAmount);
		ensure!(
			slippage_tolerance.is_none_or(|t| t <= FixedU128::one()),
			Error::<T>::InvalidSlippageTolerance
		);
		// A deposit larger than the payer holds is that, not an overflow of the pool's maths.
		for (asset, amount) in [(&asset_a, amount_a), (&asset_b, amount_b)] {
			let spendable = T::Assets::reducible_balance(
				asset.clone(),
				who,
				mirror_primitives::preservation(asset),
				Fortitude::Polite,
			);
			ensure!(amount <= spendable, Error::<T>::InsufficientBalance);
		}
		// Amounts in key order.
		let (d0, d1) = if asset_a == key.0 { (amount_a, amount_b) } else { (amount_b, amount_a) };
		let (x0, x1) = (pool.reserve_a, pool.reserve_b);
		if let Some(tolerance) = slippage_tolerance {
			if pool.total_shares > 0 {
				ensure!(
					!math::exceeds_slippage(d0, d1, x0, x1, tolerance),
					Error::<T>::MaxSlippageAssertion
				);
			}
		}
		let first = pool.total_shares == 0;
		let shares = math::shares_for_deposit(d0, d1, x0, x1, pool.total_shares)
			.ok_or(Error::<T>::Overflow)?;
		let minted = if first {
			shares
				.checked_sub(T::MinimumLiquidity::get())
				.filter(|s| *s > 0)
				.ok_or(Error::<T>::InsufficientLiquidityMinted)?
		} else {
			ensure!(shares > 0, Error::<T>::InsufficientLiquidityMinted);
			shares
		};

		Self::accumulate(&mut pool, now);
		let pool_account = Self::pool_account(&key);
		// A payer short of funds fails here; the dispatch's storage layer undoes anything done.
		T::Assets::transfer(
			key.0.clone(),
			who,
			&pool_account,
			d0,
			mirror_primitives::preservation(&key.0),
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Assets::transfer(
			key.1.clone(),
			who,
			&pool_account,
			d1,
			mirror_primitives::preservation(&key.1),
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		let lp = NativeOrWithId::WithId(pool.lp_token);
		if first {
			T::Assets::mint_into(lp.clone(), &pool_account, T::MinimumLiquidity::get())?;
		}
		T::Assets::mint_into(lp, receiver, minted)?;
		pool.reserve_a = x0.checked_add(d0).ok_or(Error::<T>::Overflow)?;
		pool.reserve_b = x1.checked_add(d1).ok_or(Error::<T>::Overflow)?;
		pool.total_shares = pool.total_shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		Self::observe(&mut pool, now);
		Pools::<T>::insert(&key, pool);
		Self::deposit_event(Event::LiquidityProvided {
			who: who.clone(),
			receiver: receiver.clone(),
			asset_a: key.0,
			asset_b: key.1,
			amount_a: d0,
			amount_b: d1,
			lp_minted: minted,
		});
		Ok(minted)
	}

	fn do_withdraw(
		who: &T::AccountId,
		asset_a: AssetId,
		asset_b: AssetId,
		lp_amount: Balance,
	) -> DispatchResult {
		let key = Self::pair_key(&asset_a, &asset_b)?;
		let mut pool = Pools::<T>::get(&key).ok_or(Error::<T>::UnknownPair)?;
		ensure!(lp_amount > 0, Error::<T>::ZeroAmount);
		let lp = NativeOrWithId::WithId(pool.lp_token);
		let out_a = math::withdraw_share(pool.reserve_a, lp_amount, pool.total_shares)
			.ok_or(Error::<T>::Overflow)?;
		let out_b = math::withdraw_share(pool.reserve_b, lp_amount, pool.total_shares)
			.ok_or(Error::<T>::Overflow)?;
		ensure!(out_a > 0 || out_b > 0, Error::<T>::InsufficientLiquidityBurned);
		// The locked minimum liquidity keeps both reserves positive; they must also stay at or
		// above their assets' minimum balances, or the pool's account loses them as dust.
		ensure!(
			Self::keeps_minimum(&key.0, pool.reserve_a, out_a)
				&& Self::keeps_minimum(&key.1, pool.reserve_b, out_b),
			Error::<T>::ReserveLeftLessThanMinimal
		);

		let now = Self::now();
		Self::accumulate(&mut pool, now);
		T::Assets::burn_from(
			lp,
			who,
			lp_amount,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)
		// The burn is the balance check: an account without the LP tokens fails here.
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		let pool_account = Self::pool_account(&key);
		T::Assets::transfer(key.0.clone(), &pool_account, who, out_a, Preservation::Expendable)?;
		T::Assets::transfer(key.1.clone(), &pool_account, who, out_b, Preservation::Expendable)?;
		pool.reserve_a -= out_a;
		pool.reserve_b -= out_b;
		pool.total_shares -= lp_amount;
		Self::observe(&mut pool, now);
		Pools::<T>::insert(&key, pool);
		Self::deposit_event(Event::LiquidityWithdrawn {
			who: who.clone(),
			asset_a: key.0,
			asset_b: key.1,
			lp_burned: lp_amount,
			amount_a: out_a,
			amount_b: out_b,
		});
		Ok(())
	}

	/// What selling `offer_amount` of `offer` for `ask` returns now, with the key and the pool.
	fn simulate(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<Simulation<T>, DispatchError> {
		let key = Self::pair_key(offer, ask)?;
		let pool = Pools::<T>::get(&key).ok_or(Error::<T>::UnknownPair)?;
		ensure!(offer_amount > 0, Error::<T>::ZeroAmount);
		let (x, y) = pool.reserves_from(*offer == key.0);
		let outcome = math::compute_swap(x, y, offer_amount, T::Commission::get())
			.ok_or(Error::<T>::InsufficientLiquidity)?;
		ensure!(outcome.return_amount > 0, Error::<T>::InsufficientLiquidity);
		ensure!(
			Self::keeps_minimum(ask, y, outcome.return_amount),
			Error::<T>::ReserveLeftLessThanMinimal
		);
		Ok((key, pool, outcome))
	}

	/// Whether paying `out` from a `reserve` of `asset` leaves at least the asset's minimum
	/// balance in the pool's account (below it, the account's balance is dust and is lost).
	fn keeps_minimum(asset: &AssetId, reserve: Balance, out: Balance) -> bool {
		reserve.saturating_sub(out) >= T::Assets::minimum_balance(asset.clone())
	}

	/// One swap: `payer` pays `offer_amount` into the pool (`None`: a previous hop of a route
	/// already sent it there), the pool pays the return to `to`; the `Swapped` event names
	/// `trader`.
	fn execute_swap(
		payer: Option<&T::AccountId>,
		trader: &T::AccountId,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		limit: SpreadLimit,
		to: &T::AccountId,
	) -> Result<SwapQuote, DispatchError> {
		let (key, mut pool, outcome) = Self::simulate(offer, ask, offer_amount)?;
		ensure!(
			!math::exceeds_max_spread(offer_amount, &outcome, limit),
			Error::<T>::MaxSpreadAssertion
		);
		let now = Self::now();
		Self::accumulate(&mut pool, now);
		let pool_account = Self::pool_account(&key);
		if let Some(payer) = payer {
			T::Assets::transfer(
				offer.clone(),
				payer,
				&pool_account,
				offer_amount,
				mirror_primitives::preservation(offer),
			)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		T::Assets::transfer(
			ask.clone(),
			&pool_account,
			to,
			outcome.return_amount,
			Preservation::Expendable,
		)?;
		if *offer == key.0 {
			pool.reserve_a =
				pool.reserve_a.checked_add(offer_amount).ok_or(Error::<T>::Overflow)?;
			pool.reserve_b -= outcome.return_amount;
		} else {
			pool.reserve_b =
				pool.reserve_b.checked_add(offer_amount).ok_or(Error::<T>::Overflow)?;
			pool.reserve_a -= outcome.return_amount;
		}
		Self::observe(&mut pool, now);
		Pools::<T>::insert(&key, pool);
		Self::deposit_event(Event::Swapped {
			who: trader.clone(),
			offer_asset: offer.clone(),
			ask_asset: ask.clone(),
			offer_amount,
			return_amount: outcome.return_amount,
			spread_amount: outcome.spread_amount,
			commission_amount: outcome.commission_amount,
			to: to.clone(),
		});
		Ok(SwapQuote {
			offer_amount,
			return_amount: outcome.return_amount,
			spread_amount: outcome.spread_amount,
			commission_amount: outcome.commission_amount,
		})
	}

	/// The runtime API's view of a pool.
	pub fn pool_info(a: AssetId, b: AssetId) -> Option<PoolInfo<T::AccountId>> {
		let key = Self::pair_key(&a, &b).ok()?;
		let pool = Pools::<T>::get(&key)?;
		Some(PoolInfo {
			account: Self::pool_account(&key),
			asset_a: key.0,
			asset_b: key.1,
			lp_token: pool.lp_token,
			reserve_a: pool.reserve_a,
			reserve_b: pool.reserve_b,
			total_shares: pool.total_shares,
		})
	}

	/// What selling `offer_amount` of `offer` for `ask` would return now.
	pub fn simulate_swap(
		offer: AssetId,
		ask: AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		let (_, _, o) = Self::simulate(&offer, &ask, offer_amount)?;
		Ok(SwapQuote {
			offer_amount,
			return_amount: o.return_amount,
			spread_amount: o.spread_amount,
			commission_amount: o.commission_amount,
		})
	}

	/// What must be offered of `offer` to receive `ask_amount` of `ask` now.
	pub fn reverse_simulate_swap(
		offer: AssetId,
		ask: AssetId,
		ask_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		let key = Self::pair_key(&offer, &ask)?;
		let pool = Pools::<T>::get(&key).ok_or(Error::<T>::UnknownPair)?;
		ensure!(ask_amount > 0, Error::<T>::ZeroAmount);
		let (x, y) = pool.reserves_from(offer == key.0);
		let (offer_amount, o) = math::compute_offer_amount(x, y, ask_amount, T::Commission::get())
			.ok_or(Error::<T>::InsufficientLiquidity)?;
		Ok(SwapQuote {
			offer_amount,
			return_amount: ask_amount,
			spread_amount: o.spread_amount,
			commission_amount: o.commission_amount,
		})
	}

	/// What selling `offer_amount` of `path[0]` along `path` would return now.
	pub fn simulate_route(
		path: Vec<AssetId>,
		offer_amount: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(path.len() >= 2, Error::<T>::InvalidPath);
		ensure!(path.len() <= T::MaxSwapPathLength::get() as usize, Error::<T>::InvalidPath);
		let mut amount = offer_amount;
		for w in path.windows(2) {
			amount = Self::simulate_swap(w[0].clone(), w[1].clone(), amount)?.return_amount;
		}
		Ok(amount)
	}

	/// The invariants of the pools:
	/// - each pool's recorded reserves equal its account's balances;
	/// - each pool's LP supply equals its recorded total shares;
	/// - a pool with shares has both reserves positive;
	/// - observations are in increasing time order.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (key, pool) in Pools::<T>::iter() {
			let account = Self::pool_account(&key);
			ensure!(
				T::Assets::balance(key.0.clone(), &account) == pool.reserve_a,
				"pool reserve a differs from the pool account's balance"
			);
			ensure!(
				T::Assets::balance(key.1.clone(), &account) == pool.reserve_b,
				"pool reserve b differs from the pool account's balance"
			);
			ensure!(
				T::Assets::total_issuance(NativeOrWithId::WithId(pool.lp_token))
					== pool.total_shares,
				"LP supply differs from the pool's total shares"
			);
			ensure!(
				pool.total_shares == 0 || (pool.reserve_a > 0 && pool.reserve_b > 0),
				"a pool with shares has an empty side"
			);
			ensure!(
				pool.observations.windows(2).all(|w| w[0].timestamp < w[1].timestamp),
				"observations out of order"
			);
		}
		Ok(())
	}
}

impl<T: Config> Swap<T::AccountId> for Pallet<T> {
	fn swap(
		payer: &T::AccountId,
		trader: &T::AccountId,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		limit: SpreadLimit,
		to: &T::AccountId,
	) -> Result<SwapQuote, DispatchError> {
		// Another pallet may handle the error and carry on: leave nothing half done.
		frame_support::storage::with_storage_layer(|| {
			Self::execute_swap(Some(payer), trader, offer, ask, offer_amount, limit, to)
		})
	}
}

impl<T: Config> QuoteSwap for Pallet<T> {
	fn quote(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		Self::simulate_swap(offer.clone(), ask.clone(), offer_amount)
	}

	fn quote_for_return(
		offer: &AssetId,
		ask: &AssetId,
		ask_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		Self::reverse_simulate_swap(offer.clone(), ask.clone(), ask_amount)
	}
}

impl<T: Config> ProvideLiquidity<T::AccountId> for Pallet<T> {
	fn provide_liquidity(
		who: &T::AccountId,
		asset_a: &AssetId,
		amount_a: Balance,
		asset_b: &AssetId,
		amount_b: Balance,
		slippage_tolerance: Option<FixedU128>,
		receiver: &T::AccountId,
	) -> Result<Balance, DispatchError> {
		// Another pallet may handle the error and carry on: leave nothing half done.
		frame_support::storage::with_storage_layer(|| {
			Self::do_provide(
				who,
				asset_a.clone(),
				amount_a,
				asset_b.clone(),
				amount_b,
				slippage_tolerance,
				receiver,
				Self::now(),
			)
		})
	}

	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId> {
		let key = Self::pair_key(a, b).ok()?;
		Pools::<T>::get(&key).map(|p| NativeOrWithId::WithId(p.lp_token))
	}
}

impl<T: Config> Pallet<T> {
	/// The reserves of the pool of `a` and `b`, in that order; `None` without a pool.
	pub fn reserves(a: &AssetId, b: &AssetId) -> Option<(Balance, Balance)> {
		let key = Self::pair_key(a, b).ok()?;
		let pool = Pools::<T>::get(&key)?;
		Some(pool.reserves_from(*a == key.0))
	}
}

impl<T: Config> Pallet<T> {
	/// The average price of `base` in `quote` since the observation `pick` chooses (given the
	/// observations, oldest first, and now), and the window in seconds.
	fn twap_since(
		base: &AssetId,
		quote: &AssetId,
		pick: impl Fn(&[Observation], Moment) -> Option<Observation>,
	) -> Result<(FixedU128, Moment), TwapError> {
		let key = Self::pair_key(base, quote).map_err(|_| TwapError::NoPool)?;
		let pool = Pools::<T>::get(&key).ok_or(TwapError::NoPool)?;
		if pool.reserve_a == 0 || pool.reserve_b == 0 {
			return Err(TwapError::NotEnoughHistory);
		}
		let now = Self::now();
		// The accumulators extrapolated to now with the current reserves.
		let elapsed = now.saturating_sub(pool.last_update) as u128;
		let (pa, pb) = Self::spot_prices(&pool);
		let cum_a = pool.price_a_cumulative.wrapping_add(pa.wrapping_mul(elapsed));
		let cum_b = pool.price_b_cumulative.wrapping_add(pb.wrapping_mul(elapsed));
		let start = pick(&pool.observations, now).ok_or(TwapError::NotEnoughHistory)?;
		let span = now.saturating_sub(start.timestamp);
		if span == 0 {
			return Err(TwapError::NotEnoughHistory);
		}
		let growth = if *base == key.0 {
			cum_a.wrapping_sub(start.price_a_cumulative)
		} else {
			cum_b.wrapping_sub(start.price_b_cumulative)
		};
		Ok((FixedU128::from_inner(growth / span as u128), span))
	}
}

impl<T: Config> TwapProvider for Pallet<T> {
	fn twap(base: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError> {
		Self::twap_since(base, quote, |observations, now| {
			let since = now.checked_sub(window)?;
			observations.iter().rev().find(|o| o.timestamp <= since).cloned()
		})
		.map(|(price, _)| price)
	}

	fn twap_up_to(
		base: &AssetId,
		quote: &AssetId,
		max_window: Moment,
	) -> Result<(FixedU128, Moment), TwapError> {
		let min_window = T::ObservationPeriod::get().max(1);
		Self::twap_since(base, quote, |observations, now| {
			let age = |o: &Observation| now.saturating_sub(o.timestamp);
			// The oldest observation within the window, if it is old enough...
			observations
				.iter()
				.find(|o| age(o) <= max_window && age(o) >= min_window)
				// ...else the newest one older than the window.
				.or_else(|| {
					observations.iter().rev().find(|o| age(o) > max_window && age(o) >= min_window)
				})
				.cloned()
		})
	}
}

impl<T: Config> mirror_primitives::PoolCreator<T::AccountId> for Pallet<T> {
	fn create_pool(
		creator: &T::AccountId,
		a: &AssetId,
		b: &AssetId,
	) -> Result<AssetId, DispatchError> {
		let key = Self::do_create_pair(creator, a.clone(), b.clone(), Self::now())?;
		let pool = Pools::<T>::get(&key).ok_or(Error::<T>::UnknownPair)?;
		Ok(NativeOrWithId::WithId(pool.lp_token))
	}
}
