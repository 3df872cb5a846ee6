//! # Factory pallet
//!
//! Lists mAssets and pays MIR emissions to their reward pools (spec §2.8, §3.9).
//!
//! ## Listing
//! [`Pallet::whitelist`] (admin; governance will hold it) lists a new mAsset in one call: it
//! creates the token in `pallet-assets` (6 decimals, owned by the Factory's account, so only Mint
//! mints it), registers it in Mint (MCR, auction discount, optional pre-IPO terms), gives it its
//! oracle feeder, creates its UST pool on the AMM, creates its reward pool with that pool's LP
//! token, and records its emission weight. Every step goes through a `mirror-primitives` trait;
//! the call is transactional, so a failure anywhere leaves nothing half-listed.
//! [`Pallet::revoke_asset`] delists an asset at an end price (Mint's `register_migration`) and
//! removes its weight; [`Pallet::migrate_asset`] does the same and lists a new token with the old
//! one's parameters and weight.
//!
//! ## Emission
//! The schedule is a list of `(start, end, amount)` periods, in seconds after genesis (mainnet's
//! four years by default). [`Pallet::distribute`] — anyone, at most once per
//! `distribution_interval` — releases what the schedule accrued since the last distribution,
//! `Σ ⌊from_ratio(amount, end − start) × overlap⌋`, and deposits `⌊released × w / total_weight⌋`
//! into each listed asset's reward pool. The MIR comes from the Factory's account, funded at
//! genesis; nothing is minted. The work is bounded by [`Config::MaxAssets`].
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

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

use alloc::vec::Vec;
use frame_support::{
	dispatch::PostDispatchInfo,
	pallet_prelude::*,
	traits::{
		fungibles::{Create, Inspect, Mutate},
		UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	decimal::{from_ratio, mul_floor},
	AssetConfig, AssetId, AssetIdAllocator, Balance, FeederRegistry, IpoParams, MintRegistry,
	Moment, NativeOrWithId, PoolCreator, PriceProvider, ProvideLiquidity, RewardPools,
	SetAssetMetadata, DECIMALS, UST,
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	FixedU128,
};

/// The MIR pool's weight (`MIRROR_TOKEN_WEIGHT`).
pub const MIR_WEIGHT: u32 = 300;
/// The weight of mAssets listed at genesis.
pub const GENESIS_WEIGHT: u32 = 100;
/// The default weight of newly whitelisted mAssets (`NORMAL_TOKEN_WEIGHT`).
pub const NORMAL_WEIGHT: u32 = 30;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Sets a fresh oracle price for `asset` (for `revoke_asset` without an end price).
	fn set_price(asset: &AssetId, price: FixedU128);
	/// Sets the chain's clock (seconds).
	fn set_time(secs: Moment);
}

/// Lists mAssets and pays MIR emissions. The admin (governance) lists an mAsset in one call
/// (`whitelist`: token, Mint terms, feeder, UST pool, reward pool, weight), delists or migrates
/// it and sets its weight; anyone may `distribute` what the emission schedule accrued to every
/// listed asset's reward pool, by weight.
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
		/// Lists, delists and reweighs assets; sets the parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every token: creates mAssets, pays MIR.
		type Assets: Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ Mutate<Self::AccountId>
			+ Create<Self::AccountId>;

		/// Names new mAssets.
		type AssetsMetadata: SetAssetMetadata;

		/// Hands out new asset ids.
		type AssetIdAllocator: AssetIdAllocator;

		/// Creates each new mAsset's UST pool; tells whether a pool exists.
		type Amm: PoolCreator<Self::AccountId> + ProvideLiquidity<Self::AccountId>;

		/// Gives new mAssets their feeder; prices delisted ones.
		type Oracle: PriceProvider + FeederRegistry<Self::AccountId>;

		/// Registers and delists mAssets.
		type Mint: MintRegistry<Self::AccountId>;

		/// Creates reward pools and takes the emission.
		type LpStaking: RewardPools<Self::AccountId>;

		/// Derives the account that owns mAssets and holds the MIR to emit.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most listed assets (MIR included): bounds `distribute`.
		#[pallet::constant]
		type MaxAssets: Get<u32>;

		/// The longest mAsset name.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The longest mAsset symbol (without its `m`).
		#[pallet::constant]
		type MaxSymbolLength: Get<u32>;

		/// The chain's clock.
		type UnixTime: UnixTime;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up prices in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every listed asset: its weight, symbol and feeder.
	#[pallet::storage]
	pub type Listings<T: Config> = CountedStorageMap<_, Blake2_128Concat, AssetId, ListingOf<T>>;

	/// The sum of all weights.
	#[pallet::storage]
	pub type TotalWeight<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The symbols (upper case, without `m`) of listed mAssets.
	#[pallet::storage]
	pub type Symbols<T: Config> = StorageMap<_, Blake2_128Concat, SymbolOf<T>, AssetId>;

	/// When the chain started (seconds): the origin of the emission schedule. Set at the end of
	/// block 1.
	#[pallet::storage]
	pub type GenesisTime<T: Config> = StorageValue<_, Moment, ValueQuery>;

	/// When `distribute` last paid (seconds; the genesis time before the first).
	#[pallet::storage]
	pub type LastDistributed<T: Config> = StorageValue<_, Moment, ValueQuery>;

	/// The parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, FactoryParameters, ValueQuery>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new mAsset was listed.
		Whitelisted {
			/// The new token.
			asset: AssetId,
			/// Its symbol (`m` + the upper-case symbol given).
			symbol: Vec<u8>,
			/// Its emission weight.
			weight: u32,
			/// The LP token of its UST pool, bonded in its reward pool.
			lp_token: AssetId,
			/// Whether it is listed before its IPO.
			is_pre_ipo: bool,
		},
		/// An asset's weight changed.
		WeightUpdated {
			/// The asset.
			asset: AssetId,
			/// Its new weight.
			weight: u32,
		},
		/// An asset was delisted.
		AssetRevoked {
			/// The asset.
			asset: AssetId,
			/// The price its positions settle at.
			end_price: FixedU128,
		},
		/// An asset was delisted and replaced by a new token.
		AssetMigrated {
			/// The delisted asset.
			from_asset: AssetId,
			/// The new token.
			asset: AssetId,
			/// The price the old positions settle at.
			end_price: FixedU128,
		},
		/// Emissions were paid.
		Distributed {
			/// MIR paid over all pools.
			amount: Balance,
			/// Pools paid.
			pools: u32,
		},
		/// The parameters changed.
		ParametersUpdated {
			/// The new parameters.
			parameters: FactoryParameters,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The symbol is empty, not alphanumeric ASCII, or starts with a lower-case `m`
		/// ("invalid symbol format", "symbol should not start with 'm'").
		InvalidSymbol,
		/// The name is empty.
		InvalidName,
		/// A listed mAsset has this symbol already.
		DuplicateSymbol,
		/// The asset is not listed.
		UnknownAsset,
		/// The asset is listed already.
		AlreadyListed,
		/// The most assets are listed already.
		TooManyAssets,
		/// A weight of zero (delist the asset instead).
		ZeroWeight,
		/// `distribute` ran less than the interval ago ("Cannot distribute mirror token before
		/// interval").
		DistributionTooEarly,
		/// No end price given and none known (no oracle price, not pre-IPO).
		NoEndPrice,
		/// A pre-IPO asset cannot be migrated ("Can not migrate a preIPO asset").
		CannotMigratePreIpo,
		/// The asset is not an mAsset Mint knows (MIR cannot be revoked or migrated).
		NotAnMAsset,
		/// The asset has no feeder on record to hand to its successor.
		NoFeeder,
		/// A schedule period ends before it starts, or the interval is zero.
		InvalidParameters,
		/// The Factory's account holds too little MIR for the emission.
		InsufficientFunds,
		/// Arithmetic overflow.
		Overflow,
		/// The emission schedule has no origin yet: it is set at the end of block 1, when the
		/// chain's time is known, so `distribute` waits for block 2.
		ScheduleNotStarted,
	}

	/// Listings and parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Weights of assets that exist already (MIR, genesis mAssets), with their feeders.
		pub listings: Vec<(AssetId, u32, Option<T::AccountId>)>,
		/// New mAssets to list through `whitelist`'s code path, in order (each takes the next
		/// asset id, then its LP token the one after).
		pub whitelist: Vec<GenesisListingOf<T>>,
		/// The parameters; `None` keeps mainnet's.
		pub parameters: Option<FactoryParameters>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(parameters) = &self.parameters {
				assert!(Pallet::<T>::parameters_are_valid(parameters), "invalid parameters");
				Parameters::<T>::put(parameters);
			}
			for (asset, weight, feeder) in &self.listings {
				let listed = Pallet::<T>::add_listing(asset, *weight, None, feeder.clone());
				assert!(listed.is_ok(), "genesis listing {asset:?}: {listed:?}");
			}
			for listing in &self.whitelist {
				let listed = Pallet::<T>::genesis_whitelist(listing);
				assert!(listed.is_ok(), "genesis whitelist {:?}: {listed:?}", listing.symbol);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			if n == One::one() {
				T::DbWeight::get().reads_writes(1, 2)
			} else {
				Weight::zero()
			}
		}

		/// The first block's time is the emission schedule's origin.
		fn on_finalize(n: BlockNumberFor<T>) {
			if n == One::one() && GenesisTime::<T>::get().is_zero() {
				let now = Self::now();
				GenesisTime::<T>::put(now);
				LastDistributed::<T>::put(now);
			}
		}

		fn integrity_test() {
			assert!(T::MaxAssets::get() > 0, "at least one asset");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lists a new mAsset: token `m` + `symbol` (upper-cased) named `name`, its Mint
		/// parameters, its feeder, its UST pool, its reward pool and its weight (`None`: 30).
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidName`, `InvalidSymbol`, `DuplicateSymbol`,
		/// `TooManyAssets`, `ZeroWeight`, and those of Mint (parameters), the
		/// AMM (the pair-creation fee) and LpStaking.
		///
		/// Emits `Whitelisted`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::whitelist_asset())]
		pub fn whitelist(
			origin: OriginFor<T>,
			name: NameOf<T>,
			symbol: SymbolOf<T>,
			oracle_feeder: T::AccountId,
			params: WhitelistParams<T::AccountId>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_whitelist(name, symbol, oracle_feeder, params).map(|_| ())
		}

		/// Sets a listed asset's emission weight.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `UnknownAsset`, `ZeroWeight`.
		///
		/// Emits `WeightUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_weight())]
		pub fn update_weight(origin: OriginFor<T>, asset: AssetId, weight: u32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(weight > 0, Error::<T>::ZeroWeight);
			Listings::<T>::try_mutate(&asset, |listing| {
				let listing = listing.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				let total = TotalWeight::<T>::get()
					.checked_sub(listing.weight)
					.and_then(|t| t.checked_add(weight))
					.ok_or(Error::<T>::Overflow)?;
				TotalWeight::<T>::put(total);
				listing.weight = weight;
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::WeightUpdated { asset, weight });
			Ok(())
		}

		/// Delists an mAsset: Mint settles its positions at `end_price` (`None`: its pre-IPO
		/// price, else its last oracle price of any age) and its weight is removed. Its reward
		/// pool stays for stakers to unbond and withdraw.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `UnknownAsset`, `NotAnMAsset`, `NoEndPrice`.
		///
		/// Emits `AssetRevoked`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_asset())]
		pub fn revoke_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			end_price: Option<FixedU128>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let (end_price, _) = Self::delist(&asset, end_price)?;
			Self::deposit_event(Event::AssetRevoked { asset, end_price });
			Ok(())
		}

		/// Replaces an mAsset by a new token (after a split, say): delists `from_asset` at
		/// `end_price` (`None`: its last oracle price) and lists `m` + `symbol` with its auction
		/// discount, minimum collateral ratio, weight and feeder.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `UnknownAsset`, `NotAnMAsset`, `CannotMigratePreIpo`,
		/// `NoEndPrice`, `NoFeeder`, and `whitelist`'s.
		///
		/// Emits `AssetMigrated` (and the new asset's `Whitelisted`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::migrate_asset())]
		pub fn migrate_asset(
			origin: OriginFor<T>,
			name: NameOf<T>,
			symbol: SymbolOf<T>,
			from_asset: AssetId,
			end_price: Option<FixedU128>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let config = T::Mint::asset_config(&from_asset).ok_or(Error::<T>::NotAnMAsset)?;
			ensure!(config.ipo_params.is_none(), Error::<T>::CannotMigratePreIpo);
			let (end_price, listing) = Self::delist(&from_asset, end_price)?;
			let feeder = listing.feeder.ok_or(Error::<T>::NoFeeder)?;
			let params = WhitelistParams {
				weight: Some(listing.weight),
				auction_discount: config.auction_discount,
				min_collateral_ratio: config.min_collateral_ratio,
				ipo_params: None,
			};
			let asset = Self::do_whitelist(name, symbol, feeder, params)?;
			Self::deposit_event(Event::AssetMigrated { from_asset, asset, end_price });
			Ok(())
		}

		/// Changes the distribution interval and the emission schedule (`None` keeps a value).
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidParameters` (a zero interval, a period ending before it starts).
		///
		/// Emits `ParametersUpdated`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(
			origin: OriginFor<T>,
			distribution_interval: Option<Moment>,
			distribution_schedule: Option<mirror_primitives::DistributionSchedule>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut parameters = Parameters::<T>::get();
			if let Some(interval) = distribution_interval {
				parameters.distribution_interval = interval;
			}
			if let Some(schedule) = distribution_schedule {
				parameters.distribution_schedule = schedule;
			}
			ensure!(Self::parameters_are_valid(&parameters), Error::<T>::InvalidParameters);
			Parameters::<T>::put(&parameters);
			Self::deposit_event(Event::ParametersUpdated { parameters });
			Ok(())
		}

		/// Pays what the emission schedule accrued since the last distribution to every listed
		/// asset's reward pool, by weight.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `ScheduleNotStarted` (in block 1, before the schedule has its origin),
		/// `DistributionTooEarly`, `InsufficientFunds`.
		///
		/// Emits `Distributed`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::distribute(T::MaxAssets::get()))]
		pub fn distribute(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			// Without an origin the schedule would be measured from the Unix epoch and release
			// all of it at once.
			ensure!(!GenesisTime::<T>::get().is_zero(), Error::<T>::ScheduleNotStarted);
			let now = Self::now();
			let last = LastDistributed::<T>::get();
			let interval = Parameters::<T>::get().distribution_interval;
			ensure!(now >= last.saturating_add(interval), Error::<T>::DistributionTooEarly);
			let amounts = Self::amounts(now)?;
			let account = Self::account_id();
			let mut paid: Balance = 0;
			for (asset, amount) in &amounts {
				if amount.is_zero() {
					continue;
				}
				T::LpStaking::deposit_reward(&account, asset, *amount)
					.map_err(|_| Error::<T>::InsufficientFunds)?;
				paid = paid.saturating_add(*amount);
			}
			LastDistributed::<T>::put(now);
			let pools = amounts.len() as u32;
			Self::deposit_event(Event::Distributed { amount: paid, pools });
			Ok(PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::distribute(pools)),
				pays_fee: Pays::Yes,
			})
		}
	}
}

use sp_runtime::traits::One;

impl<T: Config> Pallet<T> {
	/// The account owning mAssets and holding the MIR to emit.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The chain's time in seconds; 0 at genesis, which has no clock yet.
	fn now() -> Moment {
		if frame_system::Pallet::<T>::block_number().is_zero() {
			return 0;
		}
		T::UnixTime::now().as_secs()
	}

	/// Whether `parameters` are acceptable: an interval above zero, periods that end after they
	/// start.
	pub fn parameters_are_valid(parameters: &FactoryParameters) -> bool {
		parameters.distribution_interval > 0
			&& parameters.distribution_schedule.iter().all(|p| p.end > p.start)
	}

	/// Records `asset`'s listing with its weight, symbol and feeder.
	fn add_listing(
		asset: &AssetId,
		weight: u32,
		symbol: Option<SymbolOf<T>>,
		feeder: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(weight > 0, Error::<T>::ZeroWeight);
		ensure!(!Listings::<T>::contains_key(asset), Error::<T>::AlreadyListed);
		ensure!(Listings::<T>::count() < T::MaxAssets::get(), Error::<T>::TooManyAssets);
		let total = TotalWeight::<T>::get().checked_add(weight).ok_or(Error::<T>::Overflow)?;
		if let Some(symbol) = &symbol {
			ensure!(!Symbols::<T>::contains_key(symbol), Error::<T>::DuplicateSymbol);
			Symbols::<T>::insert(symbol, asset);
		}
		TotalWeight::<T>::put(total);
		Listings::<T>::insert(asset, Listing { weight, symbol, feeder });
		Ok(())
	}

	/// Validates and upper-cases a symbol.
	fn normalise_symbol(symbol: SymbolOf<T>) -> Result<SymbolOf<T>, Error<T>> {
		ensure!(!symbol.is_empty(), Error::<T>::InvalidSymbol);
		ensure!(symbol.first() != Some(&b'm'), Error::<T>::InvalidSymbol);
		ensure!(symbol.iter().all(|c| c.is_ascii_alphanumeric()), Error::<T>::InvalidSymbol);
		let upper: Vec<u8> = symbol.iter().map(|c| c.to_ascii_uppercase()).collect();
		upper.try_into().map_err(|_| Error::<T>::InvalidSymbol)
	}

	/// Lists a new mAsset (the call, `migrate_asset` and genesis); returns it.
	pub fn do_whitelist(
		name: NameOf<T>,
		symbol: SymbolOf<T>,
		oracle_feeder: T::AccountId,
		params: WhitelistParams<T::AccountId>,
	) -> Result<AssetId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::InvalidName);
		let symbol = Self::normalise_symbol(symbol)?;
		ensure!(!Symbols::<T>::contains_key(&symbol), Error::<T>::DuplicateSymbol);
		let weight = params.weight.unwrap_or(NORMAL_WEIGHT);
		ensure!(weight > 0, Error::<T>::ZeroWeight);
		ensure!(Listings::<T>::count() < T::MaxAssets::get(), Error::<T>::TooManyAssets);

		// The token, owned by the Factory's account: nobody can mint it through pallet-assets.
		let id = T::AssetIdAllocator::next_asset_id()?;
		let asset = NativeOrWithId::WithId(id);
		let account = Self::account_id();
		T::Assets::create(asset.clone(), account.clone(), false, 1)?;
		let mut token_symbol = Vec::with_capacity(symbol.len() + 1);
		token_symbol.push(b'm');
		token_symbol.extend_from_slice(&symbol);
		T::AssetsMetadata::set_metadata(id, name.to_vec(), token_symbol.clone(), DECIMALS)?;

		// Mint's parameters: a pre-IPO period runs from now.
		let now = Self::now();
		let is_pre_ipo = params.ipo_params.is_some();
		let ipo_params = params.ipo_params.map(|p| IpoParams {
			mint_end: now.saturating_add(p.mint_period),
			pre_ipo_price: p.pre_ipo_price,
			min_collateral_ratio_after_ipo: p.min_collateral_ratio_after_ipo,
			trigger_account: p.trigger_account,
		});
		T::Mint::register_asset(
			asset.clone(),
			AssetConfig {
				auction_discount: params.auction_discount,
				min_collateral_ratio: params.min_collateral_ratio,
				end_price: None,
				ipo_params,
			},
		)?;
		T::Oracle::register_feeder(&asset, &oracle_feeder)?;
		let lp_token = T::Amm::create_pool(&account, &asset, &UST)?;
		T::LpStaking::register_pool(&asset, &lp_token)?;
		Self::add_listing(&asset, weight, Some(symbol), Some(oracle_feeder))?;
		Self::deposit_event(Event::Whitelisted {
			asset: asset.clone(),
			symbol: token_symbol,
			weight,
			lp_token,
			is_pre_ipo,
		});
		Ok(asset)
	}

	/// Lists a genesis mAsset through [`Self::do_whitelist`], then mints its endowments and
	/// seeds its UST pool.
	fn genesis_whitelist(listing: &GenesisListingOf<T>) -> DispatchResult {
		let name =
			BoundedVec::try_from(listing.name.clone()).map_err(|_| Error::<T>::InvalidName)?;
		let symbol =
			BoundedVec::try_from(listing.symbol.clone()).map_err(|_| Error::<T>::InvalidSymbol)?;
		let asset = Self::do_whitelist(
			name,
			symbol,
			listing.oracle_feeder.clone(),
			listing.params.clone(),
		)?;
		for (who, amount) in &listing.endowments {
			T::Mint::issue_unbacked(&asset, who, *amount)?;
		}
		if let Some((provider, amount, ust)) = &listing.liquidity {
			T::Amm::provide_liquidity(provider, &asset, *amount, &UST, *ust, None, provider)?;
		}
		Ok(())
	}

	/// Removes `asset`'s listing and delists it in Mint at `end_price` or its known price;
	/// returns the price and the removed listing.
	fn delist(
		asset: &AssetId,
		end_price: Option<FixedU128>,
	) -> Result<(FixedU128, ListingOf<T>), DispatchError> {
		let listing = Listings::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		let config = T::Mint::asset_config(asset).ok_or(Error::<T>::NotAnMAsset)?;
		let end_price = match end_price {
			Some(price) => price,
			None => match &config.ipo_params {
				Some(ipo) => ipo.pre_ipo_price,
				// The original takes the last price of any age.
				None => T::Oracle::price(asset, Moment::MAX)
					.map(|(price, _)| price)
					.map_err(|_| Error::<T>::NoEndPrice)?,
			},
		};
		ensure!(!end_price.is_zero(), Error::<T>::NoEndPrice);
		T::Mint::register_migration(asset.clone(), end_price)?;
		Listings::<T>::remove(asset);
		TotalWeight::<T>::mutate(|total| *total = total.saturating_sub(listing.weight));
		if let Some(symbol) = &listing.symbol {
			Symbols::<T>::remove(symbol);
		}
		Ok((end_price, listing))
	}

	/// What the schedule releases from the last distribution to `now`:
	/// `Σ ⌊from_ratio(amount, end − start) × (min(end, t) − max(start, t0))⌋` (spec §3.9).
	/// Nothing before the schedule has its origin (block 1).
	pub fn released(now: Moment) -> Result<Balance, DispatchError> {
		let genesis = GenesisTime::<T>::get();
		if genesis.is_zero() {
			return Ok(0);
		}
		let t = now.saturating_sub(genesis);
		let t0 = LastDistributed::<T>::get().saturating_sub(genesis);
		let mut total: Balance = 0;
		for period in Parameters::<T>::get().distribution_schedule.iter() {
			let (from, to) = (period.start.max(t0), period.end.min(t));
			if period.start > t || period.end < t0 || to <= from {
				continue;
			}
			let rate = from_ratio(period.amount, (period.end - period.start) as Balance)
				.ok_or(Error::<T>::Overflow)?;
			let released = mul_floor((to - from) as Balance, rate).ok_or(Error::<T>::Overflow)?;
			total = total.checked_add(released).ok_or(Error::<T>::Overflow)?;
		}
		Ok(total)
	}

	/// Each listed asset's share of what the schedule released by `now`:
	/// `⌊released × weight / total_weight⌋`.
	pub fn amounts(now: Moment) -> Result<Vec<(AssetId, Balance)>, DispatchError> {
		let released = Self::released(now)?;
		let total = TotalWeight::<T>::get() as Balance;
		if total.is_zero() {
			return Ok(Vec::new());
		}
		Listings::<T>::iter()
			.map(|(asset, listing)| {
				let amount =
					released.checked_mul(listing.weight as Balance).ok_or(Error::<T>::Overflow)?
						/ total;
				Ok((asset, amount))
			})
			.collect()
	}

	/// The listed assets with their weights.
	pub fn listings() -> Vec<(AssetId, u32)> {
		Listings::<T>::iter().map(|(asset, listing)| (asset, listing.weight)).collect()
	}

	/// The last and next distribution, and what it would pay now.
	pub fn distribution_info() -> DistributionInfo {
		let now = Self::now();
		let last_distributed = LastDistributed::<T>::get();
		let amounts = Self::amounts(now).unwrap_or_default();
		DistributionInfo {
			last_distributed,
			next_distribution: last_distributed
				.saturating_add(Parameters::<T>::get().distribution_interval),
			pending_amount: Self::released(now).unwrap_or_default(),
			amounts,
		}
	}

	/// The invariants: Σ weights = total weight; every listed asset has its UST pool and reward
	/// pool, and every listed mAsset its Mint config; every symbol points at a listed asset.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut sum: u32 = 0;
		let mut count: u32 = 0;
		for (asset, listing) in Listings::<T>::iter() {
			count += 1;
			sum = sum.saturating_add(listing.weight);
			ensure!(listing.weight > 0, "a listing without weight");
			ensure!(T::LpStaking::pool_exists(&asset), "a listed asset without a reward pool");
			ensure!(T::Amm::lp_token(&asset, &UST).is_some(), "a listed asset without a UST pool");
			if asset != mirror_primitives::MIR {
				ensure!(T::Mint::asset_config(&asset).is_some(), "a listed mAsset unknown to Mint");
			}
			if let Some(symbol) = &listing.symbol {
				ensure!(Symbols::<T>::get(symbol) == Some(asset), "a symbol pointing elsewhere");
			}
		}
		ensure!(sum == TotalWeight::<T>::get(), "weights do not sum to the total");
		ensure!(count == Listings::<T>::count(), "the listing counter is off");
		ensure!(count <= T::MaxAssets::get(), "more listings than allowed");
		for (_, asset) in Symbols::<T>::iter() {
			ensure!(Listings::<T>::contains_key(&asset), "a symbol of an unlisted asset");
		}
		Ok(())
	}
}
