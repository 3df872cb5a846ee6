//! # Mint pallet
//!
//! Collateralised debt positions that mint mAssets (spec §2.1, §3.1–3.3): anyone locks collateral
//! and mints an mAsset worth a fraction of it at oracle prices; the position must keep its
//! collateral worth at least the asset's **minimum collateral ratio** (MCR) times the collateral's
//! **multiplier**; burning mAssets pays a **protocol fee** on their value from the collateral.
//!
//! ## Positions
//! [`Pallet::open_position`] locks collateral (UST, MIR or any asset registered in the
//! CollateralOracle and not revoked) and mints
//! `⌊⌊C × (Pc ÷₉ Pa)⌋ × inv₉(collateral_ratio)⌋` of the mAsset, where `collateral_ratio` must be at
//! least `MCR ×₉ multiplier`. Then the owner may [`Pallet::deposit`] more collateral,
//! [`Pallet::withdraw`] some (`None` = all; a position with neither collateral nor debt is
//! removed), [`Pallet::mint`] more or [`Pallet::burn`] some; a mint or withdrawal must leave
//! `⌊⌊⌊A × (Pa ÷₉ Pc)⌋ × MCR⌋ × m⌋ ≤ C`. The formulas and their floor order are the original's,
//! bit-exact (see [`math`] and `mirror_primitives::decimal`).
//!
//! ## Prices
//! Asset and collateral prices come from the [`Config::Oracle`] and [`Config::Collateral`] traits,
//! no older than [`MintParameters::price_max_age`] (60 s). A missing, stale or frozen price fails
//! the call with [`Error::PriceUnavailable`]. A deposit needs no price; neither does withdrawing
//! from a position without debt (the original required one, so repaid collateral was stuck while
//! a feed was stale). A pre-IPO asset is priced at its fixed pre-IPO price.
//!
//! A **contested** price (the oracle holds a new level as pending, so its price may lag the
//! market; `mirror_primitives::OraclePrice::contested`) fails with [`Error::PriceContested`] the
//! operations a user could profit from at a lagging price: opening, minting, withdrawing from a
//! position with debt, auctioning (and `MintApi::liquidatable` answers as for a stale price) and
//! redeeming a delisted asset. Depositing, burning and the read-only views go on: they only make
//! a position safer or show it. See `docs/oracle.md`.
//!
//! ## Protocol fee
//! `⌊⌊x × (Pa ÷₉ Pc)⌋ × f⌋` of collateral per burn of `x`, to the [`Config::FeeCollector`]; none on
//! withdrawal (the V2 rule).
//!
//! ## Asset registry
//! [`Pallet::register_asset`], [`Pallet::update_asset`] and [`Pallet::update_config`] are admin
//! calls with the original's validations (MCR ≥ 110 %, auction discount ≤ 1, fee < 1) and a
//! positive close factor.
//! Registering an asset that is not pre-IPO registers it as collateral (oracle-priced, multiplier
//! 1) through [`Config::Collateral`].
//!
//! ## Storage users create
//! Each owner may hold at most [`Config::MaxPositionsPerOwner`] positions; each position locks
//! collateral worth more than what it mints, and its transaction fee pays for its three entries.
//!
//! ## Liquidation
//! [`Pallet::auction`]: anyone may buy the collateral of a position at or below its threshold
//! (`⌊⌊⌊A × (Pa ÷₉ Pc)⌋ × MCR⌋ × m⌋ ≥ C`) with its mAsset, at the discount
//! `min(auction_discount, MCR − 1)` (spec §3.4). Debt left on a position whose collateral is
//! exhausted is recorded in [`ForgivenDebt`] with [`Event::DebtForgiven`]; the original dropped it
//! silently.
//!
//! Liquidation takes no more than it must (`docs/mint.md`, "Liquidation protection"):
//! - **close factor**: one auction repays at most [`MintParameters::close_factor`] of the debt,
//!   unless the collateral is below [`MintParameters::full_liquidation_ratio`] of the threshold,
//!   or a partial auction cannot raise the ratio (the whole debt at the discounted price is worth
//!   at least the collateral: then an auction must close the position,
//!   [`Error::PartialAuctionLowersRatio`]), or the rest would be dust; an offer above the limit
//!   is served up to it and the rest refunded ([`math::repay_limit`]);
//! - **dust**: opening, minting, burning and partial auctions leave no debt worth less than
//!   [`MintParameters::min_debt_value`] UST other than zero ([`Error::DebtBelowMinimum`]);
//! - **grace period**: raising an mAsset's MCR ([`Pallet::update_asset`]) is scheduled
//!   [`MintParameters::risk_change_delay`] ahead ([`ScheduledMinCollateralRatios`],
//!   [`Event::RiskChangeScheduled`]), as the CollateralOracle schedules raised multipliers;
//!   lowering applies at once. Every read of an MCR resolves its schedule, so nothing loops over
//!   positions. Root may apply a scheduled raise at once ([`Pallet::apply_risk_change`]).
//!
//! ## Pre-IPO and delisted assets
//! A pre-IPO asset is minted at its fixed price until `mint_end`, with UST only, until its trigger
//! account calls [`Pallet::trigger_ipo`]. [`Pallet::register_migration`] delists an asset at an end
//! price: MCR 100 %, collateral revoked and priced at the end price; anyone may then burn it to
//! redeem collateral.
//!
//! ## Shorts
//! `Some(short_params)` opens a short position: the minted mAssets are sold on the AMM and the UST
//! raised stays locked for the lock period ([`Pallet::unlock_position_funds`] releases it); the
//! position's debt is its owner's sLP stake, reported to [`Config::ShortStake`].
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
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		ConstU64, Contains, UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mirror_primitives::{
	AssetId, Balance, CollateralError, CollateralRegistry, MintRegistry, Moment, NativeOrWithId,
	PositionLock, PriceProvider, PriceSource, ProvideCollateralPrice, RiskUpdate, ScheduledChange,
	ShortStakeHook, SpreadLimit, Swap, UST,
};
use sp_runtime::{
	traits::{AccountIdConversion, One, Zero},
	FixedU128, Permill,
};

/// The least minimum collateral ratio an asset may have: 110 % (`MIN_CR_ALLOWED`).
pub const MIN_CR_ALLOWED: FixedU128 = FixedU128::from_inner(1_100_000_000_000_000_000);

/// A page of positions when the caller asks for 0.
pub const DEFAULT_LIMIT: u32 = 10;
/// The largest page of positions.
pub const MAX_LIMIT: u32 = 30;
/// How many ids past the cursor a listing of all positions probes for one page.
pub const MAX_PROBES: u64 = 10_000;

/// What the benchmarks need from the runtime: an mAsset and a collateral that exist, with fresh
/// prices.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates `asset` as a token (if needed) with a fresh oracle price.
	fn create_asset(asset: &AssetId, price: FixedU128);
	/// Creates `collateral` as a token (if needed) and registers it as collateral with a fresh
	/// oracle price and `multiplier` — the costliest kind to value.
	fn create_collateral(collateral: &AssetId, price: FixedU128, multiplier: FixedU128);
	/// Creates a pool of `asset` against UST at `price`, deep enough for the benchmarks' sales.
	fn create_pool(asset: &AssetId, price: FixedU128);
}

/// Collateralised debt positions that mint mAssets. An owner locks collateral and mints an mAsset
/// at oracle prices, then deposits, withdraws, mints more or burns (paying a protocol fee); the
/// collateral must stay worth the asset's minimum collateral ratio times the collateral's
/// multiplier, and anyone may auction a position below it. A short position sells the minted
/// mAssets for UST and locks the proceeds for a while.
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
		/// Registers and updates assets and the protocol parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every token: collateral (MIR as `Native`, the rest in `pallet-assets`) and mAssets.
		type Assets: Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ Mutate<Self::AccountId>;

		/// mAsset prices in UST.
		type Oracle: PriceProvider;

		/// Collateral prices, multipliers and revocation; mAssets register here as collateral.
		type Collateral: ProvideCollateralPrice + CollateralRegistry;

		/// Sells short positions' mAssets for UST.
		type Amm: Swap<Self::AccountId>;

		/// Told of every change of a short position's debt (the sLP stake); `()` ignores it.
		type ShortStake: ShortStakeHook<Self::AccountId>;

		/// Tokens someone else can mint (the runtime: every token the Factory did not create,
		/// such as the Amm's LP tokens or a token with an issuer account): never mAssets, since
		/// Mint's books (an mAsset's supply is its positions' debt plus its unbacked supply) hold
		/// only for tokens Mint alone mints.
		type ForeignTokens: Contains<AssetId>;

		/// The most positions one `unlock_position_funds` may name.
		#[pallet::constant]
		type MaxUnlockPositions: Get<u32>;

		/// Derives the account that holds every position's collateral, and the sub-account that
		/// holds short sales' locked UST.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Receives protocol fees.
		type FeeCollector: Get<Self::AccountId>;

		/// The most positions one account may hold.
		#[pallet::constant]
		type MaxPositionsPerOwner: Get<u32>;

		/// The chain's clock.
		type UnixTime: UnixTime;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up assets, collateral and prices in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every open position.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageMap<_, Twox64Concat, PositionId, PositionOf<T>>;

	/// The id the next position takes; ids start at 1.
	#[pallet::storage]
	pub type NextPositionId<T: Config> = StorageValue<_, PositionId, ValueQuery, ConstU64<1>>;

	/// Each owner's positions, in ascending id order.
	#[pallet::storage]
	pub type PositionsByOwner<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OwnerPositions<T>, ValueQuery>;

	/// The positions minting each mAsset.
	#[pallet::storage]
	pub type PositionsByAsset<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AssetId, Twox64Concat, PositionId, ()>;

	/// Every mAsset Mint knows.
	#[pallet::storage]
	pub type AssetConfigs<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, AssetConfigOf<T>>;

	/// mAssets in circulation that no position owes and no auction forgave: the supply when the
	/// asset was registered, plus what was issued without collateral
	/// (`MintRegistry::issue_unbacked`: a test network's genesis supply). An mAsset's supply is
	/// always its positions' debt plus this plus its `ForgivenDebt`.
	#[pallet::storage]
	pub type UnbackedSupply<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetId, Balance, ValueQuery>;

	/// mAssets whose debt auctions forgave: the debt left on positions whose collateral an
	/// auction exhausted (bad debt the original dropped silently).
	#[pallet::storage]
	pub type ForgivenDebt<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetId, Balance, ValueQuery>;

	/// Each short position's locked sale proceeds.
	#[pallet::storage]
	pub type Locks<T: Config> = StorageMap<_, Twox64Concat, PositionId, PositionLockOf<T>>;

	/// The UST locked over all positions: always the lock account's balance.
	#[pallet::storage]
	pub type TotalLocked<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The protocol parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, MintParameters, ValueQuery>;

	/// Raises of mAssets' minimum collateral ratios waiting for their time. From `effective_at`
	/// on the scheduled value is the MCR (every read resolves it); `AssetConfigs` catches up at
	/// the asset's next update.
	#[pallet::storage]
	pub type ScheduledMinCollateralRatios<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetId, ScheduledChange>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A position was opened.
		PositionOpened {
			/// The new position.
			position_id: PositionId,
			/// Its owner.
			owner: T::AccountId,
			/// The collateral asset.
			collateral_asset: AssetId,
			/// The collateral locked.
			collateral_amount: Balance,
			/// The mAsset minted.
			asset: AssetId,
			/// How much was minted.
			minted_amount: Balance,
			/// Whether the position is short.
			is_short: bool,
		},
		/// Collateral was added to a position.
		Deposited {
			/// The position.
			position_id: PositionId,
			/// The collateral asset.
			collateral_asset: AssetId,
			/// How much was added.
			amount: Balance,
		},
		/// Collateral was taken out of a position.
		Withdrawn {
			/// The position.
			position_id: PositionId,
			/// The collateral asset.
			collateral_asset: AssetId,
			/// How much was paid to the owner.
			amount: Balance,
		},
		/// More of the mAsset was minted against a position.
		Minted {
			/// The position.
			position_id: PositionId,
			/// The mAsset.
			asset: AssetId,
			/// How much was minted.
			amount: Balance,
		},
		/// mAssets were burned to repay a position's debt.
		Burned {
			/// The position.
			position_id: PositionId,
			/// The mAsset.
			asset: AssetId,
			/// How much was burned.
			amount: Balance,
			/// The fee taken from the collateral and paid to the collector.
			protocol_fee: Balance,
		},
		/// A delisted asset was burned to redeem collateral.
		Redeemed {
			/// The position.
			position_id: PositionId,
			/// Who burned and received the collateral.
			who: T::AccountId,
			/// Collateral paid to them, net of the protocol fee.
			collateral_amount: Balance,
		},
		/// A position was liquidated.
		Liquidated {
			/// The position.
			position_id: PositionId,
			/// Who bought the collateral.
			liquidator: T::AccountId,
			/// mAssets burned.
			liquidated_amount: Balance,
			/// Collateral paid to the liquidator, net of the protocol fee.
			returned_collateral: Balance,
			/// Collateral paid to the collector.
			protocol_fee: Balance,
			/// mAssets of the offer the liquidator kept.
			refunded_asset: Balance,
		},
		/// An auction repaid a position's whole debt; the rest of its collateral went to its owner.
		LeftoverReturned {
			/// The position.
			position_id: PositionId,
			/// Its owner.
			owner: T::AccountId,
			/// The collateral returned.
			amount: Balance,
		},
		/// An auction exhausted a position's collateral: its remaining debt is unbacked.
		DebtForgiven {
			/// The position.
			position_id: PositionId,
			/// The mAsset.
			asset: AssetId,
			/// The debt forgiven.
			amount: Balance,
		},
		/// A short sale's proceeds were locked for a position.
		FundsLocked {
			/// The position.
			position_id: PositionId,
			/// The UST this sale added.
			amount: Balance,
			/// The position's whole lock now.
			locked_amount: Balance,
			/// When it may be unlocked.
			unlock_time: Moment,
		},
		/// Matured locks were paid to their receiver.
		FundsUnlocked {
			/// Who was paid.
			who: T::AccountId,
			/// The positions whose locks were paid.
			position_ids: Vec<PositionId>,
			/// The UST paid.
			amount: Balance,
		},
		/// A closed position's lock was paid to its owner, matured or not.
		FundsReleased {
			/// The position.
			position_id: PositionId,
			/// Who was paid.
			receiver: T::AccountId,
			/// The UST paid.
			amount: Balance,
		},
		/// A position with neither collateral nor debt was removed.
		PositionClosed {
			/// The position.
			position_id: PositionId,
		},
		/// An mAsset was registered.
		AssetRegistered {
			/// The mAsset.
			asset: AssetId,
			/// Its configuration.
			config: AssetConfigOf<T>,
		},
		/// An mAsset's configuration was changed.
		AssetUpdated {
			/// The mAsset.
			asset: AssetId,
			/// Its new configuration.
			config: AssetConfigOf<T>,
		},
		/// A pre-IPO asset's IPO was triggered.
		IpoTriggered {
			/// The mAsset.
			asset: AssetId,
			/// Its minimum collateral ratio from now on.
			min_collateral_ratio: FixedU128,
		},
		/// An mAsset was delisted at an end price.
		AssetDelisted {
			/// The mAsset.
			asset: AssetId,
			/// The price every position is valued at from now on.
			end_price: FixedU128,
		},
		/// The protocol parameters were changed.
		ParametersUpdated {
			/// The new parameters.
			parameters: MintParameters,
		},
		/// A raise of an mAsset's minimum collateral ratio was scheduled: positions keep the
		/// ratio in force until `effective_at`.
		RiskChangeScheduled {
			/// The mAsset.
			asset: AssetId,
			/// The minimum collateral ratio from `effective_at` on.
			min_collateral_ratio: FixedU128,
			/// When it takes effect (seconds).
			effective_at: Moment,
		},
		/// A scheduled raise was dropped by a later update before it took effect.
		RiskChangeCancelled {
			/// The mAsset.
			asset: AssetId,
			/// The minimum collateral ratio that was scheduled.
			min_collateral_ratio: FixedU128,
		},
		/// Root applied a scheduled raise before its time.
		RiskChangeApplied {
			/// The mAsset.
			asset: AssetId,
			/// Its minimum collateral ratio from now on.
			min_collateral_ratio: FixedU128,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// A zero amount ("Wrong collateral", "Wrong asset").
		ZeroAmount,
		/// No position has this id.
		UnknownPosition,
		/// Only the position's owner may do this ("unauthorized").
		NotPositionOwner,
		/// Mint does not know this mAsset ("no asset data stored").
		UnknownAsset,
		/// The mAsset is already registered.
		AssetAlreadyRegistered,
		/// The asset cannot be an mAsset (UST, MIR, a token someone else can mint such as an LP
		/// token: `Config::ForeignTokens`) or does not exist as a token.
		InvalidAsset,
		/// The asset is not a registered collateral ("Collateral asset not found").
		UnknownCollateral,
		/// The collateral was revoked ("The collateral asset provided is no longer valid").
		CollateralRevoked,
		/// The asset is delisted ("Operation is not allowed for the deprecated asset").
		AssetDelisted,
		/// A price is missing, stale or frozen.
		PriceUnavailable,
		/// The position would fall below the minimum collateral ratio.
		InsufficientCollateralRatio,
		/// The collateral mints nothing at this ratio ("collateral is too small").
		CollateralTooSmall,
		/// The position is above its liquidation threshold ("Cannot liquidate a safely
		/// collateralized position").
		PositionSafelyCollateralized,
		/// Liquidating more than the position owes ("Cannot liquidate more than the position
		/// amount").
		LiquidationExceedsDebt,
		/// The asset is not pre-IPO ("Asset does not have IPO params").
		NotPreIpo,
		/// Only the asset's trigger account may trigger its IPO.
		NotTriggerAccount,
		/// The end price is zero.
		InvalidEndPrice,
		/// Burning more than the position owes ("Cannot burn asset more than you mint").
		BurnExceedsDebt,
		/// Withdrawing more than the position holds ("Cannot withdraw more than you provide").
		WithdrawExceedsCollateral,
		/// The position's collateral cannot pay the burn's protocol fee.
		InsufficientCollateralForFee,
		/// The pre-IPO asset's minting period has ended.
		MintPeriodEnded,
		/// Pre-IPO assets take only UST as collateral.
		PreIpoCollateralNotUst,
		/// The auction discount is above 1.
		InvalidAuctionDiscount,
		/// The minimum collateral ratio is below 110 %.
		MinCollateralRatioTooLow,
		/// The pre-IPO price is zero.
		InvalidPreIpoPrice,
		/// The protocol fee rate is not below 1.
		InvalidProtocolFeeRate,
		/// The price max age is zero.
		InvalidPriceMaxAge,
		/// The owner already holds the most positions allowed.
		TooManyPositions,
		/// The short sale raised no UST to lock ("Nothing to lock").
		NothingToLock,
		/// A position id appears twice ("Duplicate position_idx").
		DuplicatePositionId,
		/// None of the positions has a matured lock of the sender's ("There are no unlockable
		/// funds for the provided positions").
		NothingToUnlock,
		/// The account holds less than the amount (keeping its MIR existential deposit).
		InsufficientBalance,
		/// Arithmetic overflow: amounts or prices out of range.
		Overflow,
		/// `short_params` given for a long position, which sells nothing.
		ShortParamsOnLongPosition,
		/// The asset's or the collateral's oracle price is contested (feeders hold a new level
		/// as pending): opening, minting, withdrawing with debt, auctioning and redeeming wait
		/// until it is confirmed or withdrawn.
		PriceContested,
		/// The position would be left with debt worth less than `min_debt_value` UST ("dust"):
		/// repay all of it or leave at least the minimum.
		DebtBelowMinimum,
		/// The close factor is zero (an auction could repay nothing).
		InvalidCloseFactor,
		/// The mAsset has no scheduled change of its minimum collateral ratio.
		NoScheduledChange,
		/// The position's collateral is worth less than its debt at the auction's discounted
		/// price: a partial auction would lower its ratio, so an auction must close it (offer at
		/// least what `simulate_auction` of the whole debt burns).
		PartialAuctionLowersRatio,
	}

	/// mAssets and parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// mAssets registered at genesis (as `register_asset` does, collateral included); their
		/// supply at genesis is recorded as unbacked.
		pub assets: Vec<(AssetId, AssetConfigOf<T>)>,
		/// The protocol parameters; `None` keeps mainnet's.
		pub parameters: Option<MintParameters>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(parameters) = self.parameters {
				let valid = Pallet::<T>::validate_parameters(&parameters);
				assert!(valid.is_ok(), "invalid Mint parameters: {valid:?}");
				Parameters::<T>::put(parameters);
			}
			for (asset, config) in &self.assets {
				let registered = Pallet::<T>::do_register_asset(asset.clone(), config.clone());
				assert!(registered.is_ok(), "genesis mAsset {asset:?}: {registered:?}");
			}
			// The account holding collateral keeps MIR's existential deposit, so that MIR
			// collateral of any size can be deposited and withdrawn without reaping it.
			let account = Pallet::<T>::account_id();
			let ed = T::Assets::minimum_balance(NativeOrWithId::Native);
			let held = T::Assets::balance(NativeOrWithId::Native, &account);
			if held < ed {
				let minted = T::Assets::mint_into(NativeOrWithId::Native, &account, ed - held);
				assert!(minted.is_ok(), "funding the Mint account: {minted:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPositionsPerOwner::get() > 0, "owners need at least one position");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens a position: locks `collateral_amount` of `collateral_asset` and mints
		/// `⌊⌊C × (Pc ÷₉ Pa)⌋ × inv₉(collateral_ratio)⌋` of `asset` to the sender.
		///
		/// `collateral_ratio` must be at least the asset's MCR ×₉ the collateral's multiplier
		/// (those in force now), and the debt worth at least `min_debt_value` UST.
		/// `short_params`: `Some` opens a **short** position (spec §3.5): the minted mAssets are
		/// sold on the AMM for UST with its belief price and max spread (both `None`: no spread
		/// check), the proceeds are locked for the position for the lock period, and the owner's
		/// short stake grows by the minted amount.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `UnknownAsset`,
		/// `AssetDelisted`, `MintPeriodEnded`, `PreIpoCollateralNotUst`,
		/// `UnknownCollateral`, `CollateralRevoked`, `PriceUnavailable`,
		/// `PriceContested`, `InsufficientCollateralRatio`,
		/// `CollateralTooSmall`, `DebtBelowMinimum`,
		/// `TooManyPositions`, `InsufficientBalance`; for a short, the AMM's
		/// errors (no pool, `MaxSpreadAssertion`) and `NothingToLock`.
		///
		/// Emits `PositionOpened`, and for a short `FundsLocked`.
		#[pallet::call_index(0)]
		#[pallet::weight(if short_params.is_some() {
			T::WeightInfo::open_short_position()
		} else {
			T::WeightInfo::open_position()
		})]
		pub fn open_position(
			origin: OriginFor<T>,
			collateral_asset: AssetId,
			#[pallet::compact] collateral_amount: Balance,
			asset: AssetId,
			collateral_ratio: FixedU128,
			short_params: Option<ShortParams>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let OpenPlan { minted_amount, parameters, .. } =
				Self::plan_open(&collateral_asset, collateral_amount, &asset, collateral_ratio)?;

			let position_id = NextPositionId::<T>::get();
			PositionsByOwner::<T>::try_mutate(&owner, |ids| ids.try_push(position_id))
				.map_err(|_| Error::<T>::TooManyPositions)?;
			NextPositionId::<T>::put(position_id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			Self::take_collateral(&collateral_asset, &owner, collateral_amount)?;
			let is_short = short_params.is_some();
			Self::deposit_event(Event::PositionOpened {
				position_id,
				owner: owner.clone(),
				collateral_asset: collateral_asset.clone(),
				collateral_amount,
				asset: asset.clone(),
				minted_amount,
				is_short,
			});
			match short_params {
				Some(short) => Self::sell_short(
					position_id,
					&owner,
					&asset,
					minted_amount,
					short,
					parameters.lock_period,
				)?,
				None => Self::mint_to(&asset, &owner, minted_amount)?,
			}
			Positions::<T>::insert(
				position_id,
				Position {
					owner,
					collateral_asset,
					collateral_amount,
					asset: asset.clone(),
					asset_amount: minted_amount,
					is_short,
				},
			);
			PositionsByAsset::<T>::insert(&asset, position_id, ());
			Ok(())
		}

		/// Adds `amount` of the position's collateral asset to it. Needs no price.
		///
		/// ## Dispatch Origin
		/// Signed, the position's owner.
		///
		/// ## Errors
		/// `ZeroAmount`, `UnknownPosition`, `NotPositionOwner`,
		/// `AssetDelisted`, `UnknownCollateral`, `CollateralRevoked`,
		/// `InsufficientBalance`.
		///
		/// Emits `Deposited`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(
			origin: OriginFor<T>,
			position_id: PositionId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut position = Self::owned_position(position_id, &who)?;
			Self::listed_config(&position.asset)?;
			let status = T::Collateral::collateral_status(&position.collateral_asset)
				.map_err(Self::collateral_error)?;
			ensure!(!status.is_revoked, Error::<T>::CollateralRevoked);
			// The payer's balance first: an amount above it is `InsufficientBalance`, not an
			// overflow of the position's sum.
			Self::take_collateral(&position.collateral_asset, &who, amount)?;
			position.collateral_amount =
				position.collateral_amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let collateral_asset = position.collateral_asset.clone();
			Positions::<T>::insert(position_id, position);
			Self::deposit_event(Event::Deposited { position_id, collateral_asset, amount });
			Ok(())
		}

		/// Pays `amount` of the position's collateral (`None` = all of it) to its owner. With debt,
		/// what is left must cover `⌊⌊⌊A × (Pa ÷₉ Pc)⌋ × MCR⌋ × m⌋`; without debt no price is
		/// needed. A position left with neither collateral nor debt is removed. No fee.
		///
		/// ## Dispatch Origin
		/// Signed, the position's owner.
		///
		/// ## Errors
		/// `UnknownPosition`, `NotPositionOwner`, `ZeroAmount`,
		/// `WithdrawExceedsCollateral`, `PriceUnavailable`,
		/// `PriceContested`, `InsufficientCollateralRatio`.
		///
		/// Emits `Withdrawn`, and `PositionClosed` when it empties the position.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw().max(T::WeightInfo::withdraw_and_close()))]
		pub fn withdraw(
			origin: OriginFor<T>,
			position_id: PositionId,
			amount: Option<Balance>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut position = Self::owned_position(position_id, &who)?;
			let amount = amount.unwrap_or(position.collateral_amount);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let left = position
				.collateral_amount
				.checked_sub(amount)
				.ok_or(Error::<T>::WithdrawExceedsCollateral)?;
			if !position.asset_amount.is_zero() {
				let config = Self::config_in_force(&position.asset)?;
				let parameters = Parameters::<T>::get();
				let valuation =
					Self::position_valuation(&position, &config, &parameters, PriceUse::Release)?;
				let required = math::required_collateral(
					position.asset_amount,
					&valuation,
					config.min_collateral_ratio,
				)
				.ok_or(Error::<T>::Overflow)?;
				ensure!(required <= left, Error::<T>::InsufficientCollateralRatio);
			}
			position.collateral_amount = left;
			Self::pay_collateral(&position.collateral_asset, &who, amount)?;
			let collateral_asset = position.collateral_asset.clone();
			Self::deposit_event(Event::Withdrawn { position_id, collateral_asset, amount });
			if left.is_zero() && position.asset_amount.is_zero() {
				Self::close_position(position_id, &position)?;
			} else {
				Positions::<T>::insert(position_id, position);
			}
			Ok(())
		}

		/// Mints `amount` more of the position's mAsset to its owner; the collateral must cover
		/// `⌊⌊⌊(A + amount) × (Pa ÷₉ Pc)⌋ × MCR⌋ × m⌋` and the debt be worth at least
		/// `min_debt_value` UST. A short position sells the new mAssets
		/// with `short_params` (`None`: no spread check), adds the proceeds to its lock and resets
		/// the lock's time; a long position takes no `short_params`.
		///
		/// ## Dispatch Origin
		/// Signed, the position's owner.
		///
		/// ## Errors
		/// `ZeroAmount`, `UnknownPosition`, `NotPositionOwner`,
		/// `ShortParamsOnLongPosition`, `AssetDelisted`,
		/// `MintPeriodEnded`, `UnknownCollateral`, `CollateralRevoked`,
		/// `PriceUnavailable`, `PriceContested`,
		/// `InsufficientCollateralRatio`, `DebtBelowMinimum`.
		///
		/// Emits `Minted`, and for a short position `FundsLocked`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::mint().max(T::WeightInfo::mint_short()))]
		pub fn mint(
			origin: OriginFor<T>,
			position_id: PositionId,
			#[pallet::compact] amount: Balance,
			short_params: Option<ShortParams>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut position = Self::owned_position(position_id, &who)?;
			ensure!(
				position.is_short || short_params.is_none(),
				Error::<T>::ShortParamsOnLongPosition
			);
			let config = Self::mintable_config(&position.asset)?;
			let parameters = Parameters::<T>::get();
			let valuation =
				Self::position_valuation(&position, &config, &parameters, PriceUse::Mint)?;
			let debt = position.asset_amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let required = math::required_collateral(debt, &valuation, config.min_collateral_ratio)
				.ok_or(Error::<T>::Overflow)?;
			ensure!(
				required <= position.collateral_amount,
				Error::<T>::InsufficientCollateralRatio
			);
			Self::ensure_no_dust(debt, &valuation, &parameters)?;
			position.asset_amount = debt;
			Self::deposit_event(Event::Minted {
				position_id,
				asset: position.asset.clone(),
				amount,
			});
			if position.is_short {
				Self::sell_short(
					position_id,
					&who,
					&position.asset,
					amount,
					short_params.unwrap_or_default(),
					parameters.lock_period,
				)?;
			} else {
				Self::mint_to(&position.asset, &who, amount)?;
			}
			Positions::<T>::insert(position_id, position);
			Ok(())
		}

		/// Burns `amount` of the position's mAsset, repaying that much debt.
		///
		/// Normally only the owner may burn, and the protocol fee `⌊⌊amount × (Pa ÷₉ Pc)⌋ × f⌋`
		/// is taken from the collateral and paid to the collector; the position stays open, even
		/// without debt. The debt left must be zero or worth at least `min_debt_value` UST. Once the asset is **delisted** anyone may burn to redeem: the burner
		/// receives the smaller of the amount's value at the end price and its pro-rata share of
		/// the collateral, less the fee on the former; a position left with no debt and at most one
		/// unit of collateral is closed (that unit going to its owner).
		///
		/// ## Dispatch Origin
		/// Signed: the position's owner, or anyone for a delisted asset.
		///
		/// ## Errors
		/// `ZeroAmount`, `UnknownPosition`, `NotPositionOwner`,
		/// `BurnExceedsDebt`, `MintPeriodEnded`, `PriceUnavailable`, `DebtBelowMinimum`,
		/// `InsufficientCollateralForFee`, `InsufficientBalance`; redeeming,
		/// `PriceContested` for a contested collateral price.
		///
		/// Emits `Burned`, and for a delisted asset `Redeemed` (and
		/// `PositionClosed` when it empties the position).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::burn().max(T::WeightInfo::burn_delisted()))]
		pub fn burn(
			origin: OriginFor<T>,
			position_id: PositionId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut position =
				Positions::<T>::get(position_id).ok_or(Error::<T>::UnknownPosition)?;
			let config = AssetConfigs::<T>::get(&position.asset).ok_or(Error::<T>::UnknownAsset)?;
			if let Some(end_price) = config.end_price {
				return Self::redeem(who, position_id, position, end_price, amount);
			}
			ensure!(position.owner == who, Error::<T>::NotPositionOwner);
			let debt =
				position.asset_amount.checked_sub(amount).ok_or(Error::<T>::BurnExceedsDebt)?;
			if let Some(ipo) = &config.ipo_params {
				ensure!(Self::now() <= ipo.mint_end, Error::<T>::MintPeriodEnded);
			}
			let parameters = Parameters::<T>::get();
			let valuation =
				Self::position_valuation(&position, &config, &parameters, PriceUse::Any)?;
			Self::ensure_no_dust(debt, &valuation, &parameters)?;
			let protocol_fee = math::protocol_fee(amount, &valuation, parameters.protocol_fee_rate)
				.ok_or(Error::<T>::Overflow)?;
			position.collateral_amount = position
				.collateral_amount
				.checked_sub(protocol_fee)
				.ok_or(Error::<T>::InsufficientCollateralForFee)?;
			position.asset_amount = debt;
			Self::burn_from(&position.asset, &who, amount)?;
			if !protocol_fee.is_zero() {
				Self::pay_collateral(
					&position.collateral_asset,
					&T::FeeCollector::get(),
					protocol_fee,
				)?;
			}
			if position.is_short {
				T::ShortStake::decrease_short(&position.asset, &position.owner, amount)?;
			}
			let asset = position.asset.clone();
			Positions::<T>::insert(position_id, position);
			Self::deposit_event(Event::Burned { position_id, asset, amount, protocol_fee });
			Ok(())
		}

		/// Liquidates a position below its minimum collateral ratio (`⌊⌊⌊A × (Pa ÷₉ Pc)⌋ × MCR⌋
		/// × m⌋ ≥ C`): the sender offers `amount` of its mAsset and buys collateral at the
		/// discount `min(auction_discount, MCR − 1)` (spec §3.4). At most the close factor of the
		/// debt is repaid unless the position is deep under water (below `full_liquidation_ratio`
		/// of its threshold), a partial auction cannot raise its ratio (then an auction must
		/// close it), or the rest would be dust (`math::repay_limit`); the offer above the
		/// limit, and what the collateral cannot pay for, is refunded (not burned). A partial
		/// auction may not leave dust. The protocol fee on the liquidated value goes to the
		/// collector. A repaid position is closed and its leftover collateral returned to its
		/// owner; a position whose collateral is exhausted is closed and its remaining debt
		/// **recorded** as forgiven (`ForgivenDebt`, `DebtForgiven`).
		///
		/// ## Dispatch Origin
		/// Signed, anyone.
		///
		/// ## Errors
		/// `ZeroAmount`, `UnknownPosition`, `LiquidationExceedsDebt`,
		/// `AssetDelisted`, `PriceUnavailable`, `PriceContested`,
		/// `PositionSafelyCollateralized`, `DebtBelowMinimum`, `PartialAuctionLowersRatio`,
		/// `InsufficientBalance`.
		///
		/// Emits `Liquidated`, and `PositionClosed` with
		/// `LeftoverReturned` or `DebtForgiven` when it closes the position.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::auction())]
		pub fn auction(
			origin: OriginFor<T>,
			position_id: PositionId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let liquidator = ensure_signed(origin)?;
			let (position, quote) = Self::quote_auction(position_id, amount)?;
			Self::burn_from(&position.asset, &liquidator, quote.liquidated_amount)?;
			Self::pay_collateral(
				&position.collateral_asset,
				&liquidator,
				quote.returned_collateral,
			)?;
			if !quote.protocol_fee.is_zero() {
				Self::pay_collateral(
					&position.collateral_asset,
					&T::FeeCollector::get(),
					quote.protocol_fee,
				)?;
			}
			if position.is_short {
				// A closing auction ends the whole short, forgiven debt included.
				T::ShortStake::decrease_short(
					&position.asset,
					&position.owner,
					quote.liquidated_amount.saturating_add(quote.forgiven_debt),
				)?;
			}
			Self::deposit_event(Event::Liquidated {
				position_id,
				liquidator,
				liquidated_amount: quote.liquidated_amount,
				returned_collateral: quote.returned_collateral,
				protocol_fee: quote.protocol_fee,
				refunded_asset: quote.refunded_asset,
			});
			let collateral_left = position
				.collateral_amount
				.saturating_sub(quote.returned_collateral)
				.saturating_sub(quote.protocol_fee);
			let debt_left = position.asset_amount.saturating_sub(quote.liquidated_amount);
			if collateral_left.is_zero() || debt_left.is_zero() {
				if !quote.leftover_collateral.is_zero() {
					Self::pay_collateral(
						&position.collateral_asset,
						&position.owner,
						quote.leftover_collateral,
					)?;
					Self::deposit_event(Event::LeftoverReturned {
						position_id,
						owner: position.owner.clone(),
						amount: quote.leftover_collateral,
					});
				}
				if !quote.forgiven_debt.is_zero() {
					ForgivenDebt::<T>::mutate(&position.asset, |total| {
						*total = total.saturating_add(quote.forgiven_debt)
					});
					Self::deposit_event(Event::DebtForgiven {
						position_id,
						asset: position.asset.clone(),
						amount: quote.forgiven_debt,
					});
				}
				Self::close_position(position_id, &position)?;
			} else {
				Positions::<T>::insert(
					position_id,
					Position {
						collateral_amount: collateral_left,
						asset_amount: debt_left,
						..position
					},
				);
			}
			Ok(())
		}

		/// Ends a pre-IPO asset's fixed-price period: its minimum collateral ratio becomes the
		/// after-IPO one at once (the terms every pre-IPO position opened under; a pending raise
		/// is dropped), it is priced by the oracle and registered as collateral (multiplier 1).
		///
		/// ## Dispatch Origin
		/// Signed, the asset's trigger account.
		///
		/// ## Errors
		/// `UnknownAsset`, `NotPreIpo`, `NotTriggerAccount`, and the
		/// collateral registry's error if the asset already is a collateral.
		///
		/// Emits `IpoTriggered`, and `RiskChangeCancelled` if it drops a pending raise.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::trigger_ipo())]
		pub fn trigger_ipo(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let min_collateral_ratio = AssetConfigs::<T>::try_mutate(&asset, |config| {
				let config = config.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				let ipo = config.ipo_params.take().ok_or(Error::<T>::NotPreIpo)?;
				ensure!(ipo.trigger_account == who, Error::<T>::NotTriggerAccount);
				config.min_collateral_ratio = ipo.min_collateral_ratio_after_ipo;
				Ok::<_, DispatchError>(config.min_collateral_ratio)
			})?;
			// The after-IPO ratio was known when every pre-IPO position opened: it replaces any
			// pending raise at once.
			Self::cancel_scheduled_ratio(&asset);
			T::Collateral::register_collateral(asset.clone(), PriceSource::Oracle, One::one())?;
			Self::deposit_event(Event::IpoTriggered { asset, min_collateral_ratio });
			Ok(())
		}

		/// Pays the sender every matured lock among `position_ids` whose receiver it is (locks
		/// not yet matured, of others or absent are skipped). A repeated id fails the whole call:
		/// the 2021 lock exploit summed one position several times.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `DuplicatePositionId`, `NothingToUnlock`.
		///
		/// Emits `FundsUnlocked`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unlock_position_funds(position_ids.len() as u32))]
		pub fn unlock_position_funds(
			origin: OriginFor<T>,
			position_ids: BoundedVec<PositionId, T::MaxUnlockPositions>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut sorted = position_ids.clone().into_inner();
			sorted.sort_unstable();
			ensure!(sorted.windows(2).all(|w| w[0] < w[1]), Error::<T>::DuplicatePositionId);
			let now = Self::now();
			let mut unlocked = Vec::new();
			let mut amount: Balance = 0;
			for id in position_ids {
				if let Some(lock) = Locks::<T>::get(id) {
					if lock.receiver == who && now >= lock.unlock_time {
						Locks::<T>::remove(id);
						amount = amount.saturating_add(lock.amount);
						unlocked.push(id);
					}
				}
			}
			ensure!(!amount.is_zero(), Error::<T>::NothingToUnlock);
			TotalLocked::<T>::mutate(|total| *total = total.saturating_sub(amount));
			T::Assets::transfer(
				UST,
				&Self::lock_account(),
				&who,
				amount,
				Preservation::Expendable,
			)?;
			Self::deposit_event(Event::FundsUnlocked { who, position_ids: unlocked, amount });
			Ok(())
		}

		/// Registers `asset` as an mAsset. Unless it is pre-IPO, also registers it as collateral
		/// (oracle-priced, multiplier 1). Its supply now is recorded as unbacked.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidAuctionDiscount`, `MinCollateralRatioTooLow`,
		/// `InvalidPreIpoPrice`, `InvalidAsset`, `AssetAlreadyRegistered`,
		/// and the collateral registry's error if the asset already is a collateral.
		///
		/// Emits `AssetRegistered`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::register_asset())]
		pub fn register_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			auction_discount: FixedU128,
			min_collateral_ratio: FixedU128,
			ipo_params: Option<IpoParamsOf<T>>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register_asset(
				asset,
				AssetConfig { auction_discount, min_collateral_ratio, end_price: None, ipo_params },
			)
		}

		/// Changes an mAsset's auction discount, minimum collateral ratio or pre-IPO terms
		/// (`None` = unchanged; for the pre-IPO terms `Some(None)` clears them, ending the pre-IPO
		/// phase). A **raise** of the minimum collateral ratio (above the one in force) is
		/// scheduled `risk_change_delay` seconds ahead, replacing any raise pending: positions
		/// keep the ratio in force until then, and owners have that long to add collateral. A
		/// lower or equal ratio, and every other change, applies at once (and drops a pending
		/// raise).
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `UnknownAsset`, `AssetDelisted`, `InvalidAuctionDiscount`,
		/// `MinCollateralRatioTooLow`, `InvalidPreIpoPrice`.
		///
		/// Emits `AssetUpdated` (with the ratio in force), `RiskChangeScheduled` for a raise and
		/// `RiskChangeCancelled` when it drops a pending raise.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::update_asset())]
		pub fn update_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			auction_discount: Option<FixedU128>,
			min_collateral_ratio: Option<FixedU128>,
			ipo_params: Option<Option<IpoParamsOf<T>>>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut config = AssetConfigs::<T>::get(&asset).ok_or(Error::<T>::UnknownAsset)?;
			ensure!(config.end_price.is_none(), Error::<T>::AssetDelisted);
			let pending = Self::resolve_ratio(&asset, &mut config);
			if let Some(discount) = auction_discount {
				config.auction_discount = discount;
			}
			if let Some(ipo) = ipo_params {
				config.ipo_params = ipo;
			}
			let update = min_collateral_ratio.map(|ratio| {
				RiskUpdate::decide(
					config.min_collateral_ratio,
					ratio,
					Self::now(),
					Parameters::<T>::get().risk_change_delay,
				)
			});
			// The new ratio is validated whether it applies now or later.
			let mut validated = config.clone();
			if let Some(ratio) = min_collateral_ratio {
				validated.min_collateral_ratio = ratio;
			}
			Self::validate_asset_config(&validated)?;
			if let Some(RiskUpdate::Now(ratio)) = update {
				config.min_collateral_ratio = ratio;
			}
			let schedule = match update {
				Some(RiskUpdate::Later(change)) => Some(change),
				Some(RiskUpdate::Now(_)) => None,
				None => pending,
			};
			if let (Some(dropped), true) = (pending, update.is_some()) {
				Self::deposit_event(Event::RiskChangeCancelled {
					asset: asset.clone(),
					min_collateral_ratio: dropped.value,
				});
			}
			match schedule {
				Some(change) => ScheduledMinCollateralRatios::<T>::insert(&asset, change),
				None => ScheduledMinCollateralRatios::<T>::remove(&asset),
			}
			AssetConfigs::<T>::insert(&asset, &config);
			Self::deposit_event(Event::AssetUpdated { asset: asset.clone(), config });
			if let Some(RiskUpdate::Later(change)) = update {
				Self::deposit_event(Event::RiskChangeScheduled {
					asset,
					min_collateral_ratio: change.value,
					effective_at: change.effective_at,
				});
			}
			Ok(())
		}

		/// Delists `asset` at `end_price` (spec §2.1 `RegisterMigration`): its minimum collateral
		/// ratio becomes 100 % (a pending raise is dropped), its pre-IPO terms go, it is revoked as
		/// collateral and valued at the end price from then on. Opening, minting, depositing and auctions are refused; anyone
		/// may burn it to redeem collateral; owners may withdraw what the debt does not need. A
		/// second call corrects the end price.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `UnknownAsset`, `InvalidEndPrice` (zero).
		///
		/// Emits `AssetDelisted`, and `RiskChangeCancelled` if it drops a pending raise.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::register_migration())]
		pub fn register_migration(
			origin: OriginFor<T>,
			asset: AssetId,
			end_price: FixedU128,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register_migration(asset, end_price)
		}

		/// Changes the protocol parameters (`None` = unchanged): the protocol fee rate, the price
		/// max age, the short lock period, and the liquidation protection: the close factor, the
		/// full-liquidation ratio, the least debt value (UST base units) and the delay of risk
		/// raises (seconds). A new least debt applies to later operations only: a position below
		/// it may still repay in full or add debt.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin`.
		///
		/// ## Errors
		/// `InvalidProtocolFeeRate` (not below 1), `InvalidPriceMaxAge` (zero),
		/// `InvalidCloseFactor` (zero).
		///
		/// Emits `ParametersUpdated`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::update_config())]
		#[allow(clippy::too_many_arguments)]
		pub fn update_config(
			origin: OriginFor<T>,
			protocol_fee_rate: Option<FixedU128>,
			price_max_age: Option<Moment>,
			lock_period: Option<Moment>,
			close_factor: Option<Permill>,
			full_liquidation_ratio: Option<Permill>,
			min_debt_value: Option<Balance>,
			risk_change_delay: Option<Moment>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut parameters = Parameters::<T>::get();
			if let Some(rate) = protocol_fee_rate {
				parameters.protocol_fee_rate = rate;
			}
			if let Some(age) = price_max_age {
				parameters.price_max_age = age;
			}
			if let Some(period) = lock_period {
				parameters.lock_period = period;
			}
			if let Some(factor) = close_factor {
				parameters.close_factor = factor;
			}
			if let Some(ratio) = full_liquidation_ratio {
				parameters.full_liquidation_ratio = ratio;
			}
			if let Some(value) = min_debt_value {
				parameters.min_debt_value = value;
			}
			if let Some(delay) = risk_change_delay {
				parameters.risk_change_delay = delay;
			}
			Self::validate_parameters(&parameters)?;
			Parameters::<T>::put(parameters);
			Self::deposit_event(Event::ParametersUpdated { parameters });
			Ok(())
		}

		/// Applies `asset`'s scheduled minimum collateral ratio now, before its time: an
		/// emergency measure for Root (sudo on a test chain; a migration-class poll on a chain
		/// without sudo).
		///
		/// ## Dispatch Origin
		/// Root.
		///
		/// ## Errors
		/// `NoScheduledChange`, `UnknownAsset`.
		///
		/// Emits `RiskChangeApplied`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::apply_risk_change())]
		pub fn apply_risk_change(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			ensure_root(origin)?;
			let change = ScheduledMinCollateralRatios::<T>::get(&asset)
				.ok_or(Error::<T>::NoScheduledChange)?;
			AssetConfigs::<T>::try_mutate(&asset, |config| {
				let config = config.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				config.min_collateral_ratio = change.value;
				Ok::<_, Error<T>>(())
			})?;
			ScheduledMinCollateralRatios::<T>::remove(&asset);
			Self::deposit_event(Event::RiskChangeApplied {
				asset,
				min_collateral_ratio: change.value,
			});
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The account that holds every position's collateral.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::UnixTime::now().as_secs()
	}

	fn validate_parameters(parameters: &MintParameters) -> DispatchResult {
		ensure!(
			parameters.protocol_fee_rate < FixedU128::one(),
			Error::<T>::InvalidProtocolFeeRate
		);
		ensure!(!parameters.price_max_age.is_zero(), Error::<T>::InvalidPriceMaxAge);
		ensure!(!parameters.close_factor.is_zero(), Error::<T>::InvalidCloseFactor);
		Ok(())
	}

	/// Resolves `asset`'s scheduled minimum collateral ratio into `config` (the ratio in force
	/// now); returns the raise still pending.
	fn resolve_ratio(asset: &AssetId, config: &mut AssetConfigOf<T>) -> Option<ScheduledChange> {
		let (ratio, pending) = ScheduledChange::resolve(
			config.min_collateral_ratio,
			ScheduledMinCollateralRatios::<T>::get(asset),
			Self::now(),
		);
		config.min_collateral_ratio = ratio;
		pending
	}

	/// `asset`'s config with the minimum collateral ratio in force now.
	fn config_in_force(asset: &AssetId) -> Result<AssetConfigOf<T>, DispatchError> {
		let mut config = AssetConfigs::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		Self::resolve_ratio(asset, &mut config);
		Ok(config)
	}

	/// What Mint knows of `asset` now: its config with the minimum collateral ratio in force
	/// (see `MintApi::asset_config`).
	pub fn asset_config(asset: &AssetId) -> Option<AssetConfigOf<T>> {
		Self::config_in_force(asset).ok()
	}

	/// The raise of `asset`'s minimum collateral ratio still pending (see
	/// `MintApi::scheduled_min_collateral_ratio`).
	pub fn scheduled_min_collateral_ratio(asset: &AssetId) -> Option<ScheduledChange> {
		let mut config = AssetConfigs::<T>::get(asset)?;
		Self::resolve_ratio(asset, &mut config)
	}

	/// Drops `asset`'s scheduled raise: the caller has just written the ratio (announcing the
	/// drop if the raise was still pending).
	fn cancel_scheduled_ratio(asset: &AssetId) {
		if let Some(change) = ScheduledMinCollateralRatios::<T>::take(asset) {
			if Self::now() < change.effective_at {
				Self::deposit_event(Event::RiskChangeCancelled {
					asset: asset.clone(),
					min_collateral_ratio: change.value,
				});
			}
		}
	}

	/// The checks and amounts of opening a position: fails as `open_position` would, before it
	/// moves anything.
	fn plan_open(
		collateral_asset: &AssetId,
		collateral_amount: Balance,
		asset: &AssetId,
		collateral_ratio: FixedU128,
	) -> Result<OpenPlan, DispatchError> {
		ensure!(!collateral_amount.is_zero(), Error::<T>::ZeroAmount);
		let config = Self::mintable_config(asset)?;
		if config.ipo_params.is_some() {
			ensure!(*collateral_asset == UST, Error::<T>::PreIpoCollateralNotUst);
		}
		let parameters = Parameters::<T>::get();
		let valuation =
			Self::valuation(collateral_asset, asset, &config, &parameters, PriceUse::Mint)?;
		let required_ratio =
			math::required_ratio(config.min_collateral_ratio, valuation.multiplier)
				.ok_or(Error::<T>::Overflow)?;
		ensure!(collateral_ratio >= required_ratio, Error::<T>::InsufficientCollateralRatio);
		let minted_amount = math::mint_amount(collateral_amount, &valuation, collateral_ratio)
			.ok_or(Error::<T>::Overflow)?;
		ensure!(!minted_amount.is_zero(), Error::<T>::CollateralTooSmall);
		Self::ensure_no_dust(minted_amount, &valuation, &parameters)?;
		Ok(OpenPlan { minted_amount, required_ratio, valuation, parameters })
	}

	/// What opening a position would give now (see `MintApi::simulate_open_position`): fails as
	/// `open_position` would.
	pub fn simulate_open_position(
		collateral_asset: AssetId,
		collateral_amount: Balance,
		asset: AssetId,
		collateral_ratio: FixedU128,
	) -> Result<PositionPreview, DispatchError> {
		let plan = Self::plan_open(&collateral_asset, collateral_amount, &asset, collateral_ratio)?;
		let mut config = AssetConfigs::<T>::get(&asset).ok_or(Error::<T>::UnknownAsset)?;
		let scheduled_ratio = Self::resolve_ratio(&asset, &mut config);
		let scheduled = Self::scheduled_required_ratio(
			&collateral_asset,
			&config,
			plan.valuation.multiplier,
			scheduled_ratio,
		)
		.ok_or(Error::<T>::Overflow)?;
		Ok(PositionPreview {
			minted_amount: plan.minted_amount,
			required_ratio: plan.required_ratio,
			liquidation_price: math::liquidation_price(
				collateral_amount,
				plan.minted_amount,
				&plan.valuation,
				plan.required_ratio,
			),
			scheduled,
		})
	}

	/// The required ratio once the scheduled raises of `config`'s MCR (`scheduled_ratio`) and of
	/// `collateral`'s multiplier are in force, with when the first takes effect; `Some(None)`
	/// when none is scheduled, `None` on overflow.
	fn scheduled_required_ratio(
		collateral: &AssetId,
		config: &AssetConfigOf<T>,
		multiplier: FixedU128,
		scheduled_ratio: Option<ScheduledChange>,
	) -> Option<Option<ScheduledChange>> {
		// A delisted asset's multiplier is 1 whatever its collateral's schedule says.
		let scheduled_multiplier = match config.end_price {
			Some(_) => None,
			None => T::Collateral::collateral_status(collateral)
				.ok()
				.and_then(|status| status.scheduled_multiplier),
		};
		if scheduled_ratio.is_none() && scheduled_multiplier.is_none() {
			return Some(None);
		}
		let value = math::required_ratio(
			scheduled_ratio.map_or(config.min_collateral_ratio, |r| r.value),
			scheduled_multiplier.map_or(multiplier, |m| m.value),
		)?;
		let effective_at = [scheduled_ratio, scheduled_multiplier]
			.into_iter()
			.flatten()
			.map(|c| c.effective_at)
			.min()
			.unwrap_or_default();
		Some(Some(ScheduledChange { value, effective_at }))
	}

	/// Fails with `DebtBelowMinimum` if a debt of `debt` is neither zero nor worth at least
	/// `min_debt_value` UST at the valuation's asset price.
	fn ensure_no_dust(
		debt: Balance,
		valuation: &Valuation,
		parameters: &MintParameters,
	) -> DispatchResult {
		let dust = math::is_dust(debt, valuation, parameters.min_debt_value)
			.ok_or(Error::<T>::Overflow)?;
		ensure!(!dust, Error::<T>::DebtBelowMinimum);
		Ok(())
	}

	fn validate_asset_config(config: &AssetConfigOf<T>) -> DispatchResult {
		ensure!(config.auction_discount <= FixedU128::one(), Error::<T>::InvalidAuctionDiscount);
		ensure!(
			config.min_collateral_ratio >= MIN_CR_ALLOWED,
			Error::<T>::MinCollateralRatioTooLow
		);
		if let Some(ipo) = &config.ipo_params {
			ensure!(
				ipo.min_collateral_ratio_after_ipo >= MIN_CR_ALLOWED,
				Error::<T>::MinCollateralRatioTooLow
			);
			ensure!(!ipo.pre_ipo_price.is_zero(), Error::<T>::InvalidPreIpoPrice);
		}
		Ok(())
	}

	fn do_register_migration(asset: AssetId, end_price: FixedU128) -> DispatchResult {
		ensure!(!end_price.is_zero(), Error::<T>::InvalidEndPrice);
		AssetConfigs::<T>::try_mutate(&asset, |config| {
			let config = config.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			config.end_price = Some(end_price);
			config.min_collateral_ratio = One::one();
			config.ipo_params = None;
			Ok::<_, Error<T>>(())
		})?;
		Self::cancel_scheduled_ratio(&asset);
		// A pre-IPO asset never became collateral; every other one is delisted there too.
		if T::Collateral::collateral_status(&asset).is_ok() {
			T::Collateral::delist_collateral(asset.clone(), end_price)?;
		}
		Self::deposit_event(Event::AssetDelisted { asset, end_price });
		Ok(())
	}

	fn do_register_asset(asset: AssetId, config: AssetConfigOf<T>) -> DispatchResult {
		Self::validate_asset_config(&config)?;
		ensure!(
			matches!(asset, NativeOrWithId::WithId(_))
				&& asset != UST
				&& !T::ForeignTokens::contains(&asset),
			Error::<T>::InvalidAsset
		);
		ensure!(T::Assets::asset_exists(asset.clone()), Error::<T>::InvalidAsset);
		ensure!(!AssetConfigs::<T>::contains_key(&asset), Error::<T>::AssetAlreadyRegistered);
		if config.ipo_params.is_none() {
			T::Collateral::register_collateral(asset.clone(), PriceSource::Oracle, One::one())?;
		}
		UnbackedSupply::<T>::insert(&asset, T::Assets::total_issuance(asset.clone()));
		AssetConfigs::<T>::insert(&asset, &config);
		Self::deposit_event(Event::AssetRegistered { asset, config });
		Ok(())
	}

	/// The config of `asset` (the ratio in force), listed and not delisted.
	fn listed_config(asset: &AssetId) -> Result<AssetConfigOf<T>, DispatchError> {
		let config = Self::config_in_force(asset)?;
		ensure!(config.end_price.is_none(), Error::<T>::AssetDelisted);
		Ok(config)
	}

	/// The config of `asset` if it can be minted now: listed, not delisted and, for a pre-IPO
	/// asset, within its mint period.
	fn mintable_config(asset: &AssetId) -> Result<AssetConfigOf<T>, DispatchError> {
		let config = Self::listed_config(asset)?;
		if let Some(ipo) = &config.ipo_params {
			ensure!(Self::now() <= ipo.mint_end, Error::<T>::MintPeriodEnded);
		}
		Ok(config)
	}

	/// The position, if `who` owns it.
	fn owned_position(
		position_id: PositionId,
		who: &T::AccountId,
	) -> Result<PositionOf<T>, DispatchError> {
		let position = Positions::<T>::get(position_id).ok_or(Error::<T>::UnknownPosition)?;
		ensure!(position.owner == *who, Error::<T>::NotPositionOwner);
		Ok(position)
	}

	fn collateral_error(e: CollateralError) -> DispatchError {
		match e {
			CollateralError::UnknownCollateral => Error::<T>::UnknownCollateral.into(),
			CollateralError::Price(_) | CollateralError::Twap(_) => {
				Error::<T>::PriceUnavailable.into()
			}
		}
	}

	/// The asset's price and whether it is contested: its pre-IPO price while pre-IPO, its end
	/// price once delisted (neither ever contested), else the oracle's, at most `max_age` old.
	fn asset_price(
		asset: &AssetId,
		config: &AssetConfigOf<T>,
		max_age: Moment,
	) -> Result<(FixedU128, bool), DispatchError> {
		if let Some(end_price) = config.end_price {
			return Ok((end_price, false));
		}
		if let Some(ipo) = &config.ipo_params {
			return Ok((ipo.pre_ipo_price, false));
		}
		T::Oracle::oracle_price(asset, max_age)
			.map(|p| (p.price, p.contested))
			.map_err(|_| Error::<T>::PriceUnavailable.into())
	}

	/// Prices and multiplier to value a position of `asset` against `collateral` for `price_use`
	/// (which decides whether a revoked collateral or a contested price fails). A delisted
	/// asset's debt needs collateral worth the debt at the end price: its multiplier is 1 (spec
	/// §3.1).
	fn valuation(
		collateral: &AssetId,
		asset: &AssetId,
		config: &AssetConfigOf<T>,
		parameters: &MintParameters,
		price_use: PriceUse,
	) -> Result<Valuation, DispatchError> {
		let collateral_price =
			T::Collateral::collateral_price(collateral, parameters.price_max_age)
				.map_err(Self::collateral_error)?;
		ensure!(
			!(price_use == PriceUse::Mint && collateral_price.is_revoked),
			Error::<T>::CollateralRevoked
		);
		let (asset_price, asset_contested) =
			Self::asset_price(asset, config, parameters.price_max_age)?;
		ensure!(
			!collateral_price.price.is_zero() && !asset_price.is_zero(),
			Error::<T>::PriceUnavailable
		);
		ensure!(
			price_use == PriceUse::Any || !(collateral_price.contested || asset_contested),
			Error::<T>::PriceContested
		);
		let multiplier = match config.end_price {
			Some(_) => FixedU128::one(),
			None => collateral_price.multiplier,
		};
		Ok(Valuation { collateral_price: collateral_price.price, asset_price, multiplier })
	}

	/// [`Self::valuation`] of an existing position.
	fn position_valuation(
		position: &PositionOf<T>,
		config: &AssetConfigOf<T>,
		parameters: &MintParameters,
		price_use: PriceUse,
	) -> Result<Valuation, DispatchError> {
		Self::valuation(&position.collateral_asset, &position.asset, config, parameters, price_use)
	}

	/// Moves `amount` of collateral from `who` into the pallet's account.
	fn take_collateral(asset: &AssetId, who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Assets::transfer(
			asset.clone(),
			who,
			&Self::account_id(),
			amount,
			mirror_primitives::preservation(asset),
		)
		.map(|_| ())
		.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Pays `amount` of collateral from the pallet's account (which keeps its MIR existential
	/// deposit).
	fn pay_collateral(asset: &AssetId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let preservation = mirror_primitives::preservation(asset);
		T::Assets::transfer(asset.clone(), &Self::account_id(), to, amount, preservation)
			.map(|_| ())
	}

	/// The account holding short sales' locked UST.
	pub fn lock_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(*b"lock")
	}

	/// The short flow of spec §3.5: grows the owner's short stake (which may hold its record's
	/// deposit), mints `amount` to the pallet, sells it for UST into the lock account with the
	/// seller's spread check and locks the proceeds for `lock_period` (resetting the position's
	/// unlock time).
	fn sell_short(
		position_id: PositionId,
		owner: &T::AccountId,
		asset: &AssetId,
		amount: Balance,
		short: ShortParams,
		lock_period: Moment,
	) -> DispatchResult {
		// The short stake first: a seller who cannot pay its record's deposit is refused before
		// anything is minted or sold.
		T::ShortStake::increase_short(asset, owner, amount)?;
		let account = Self::account_id();
		Self::mint_to(asset, &account, amount)?;
		let limit = SpreadLimit::from_options(short.belief_price, short.max_spread);
		let sale =
			T::Amm::swap(&account, owner, asset, &UST, amount, limit, &Self::lock_account())?;
		ensure!(!sale.return_amount.is_zero(), Error::<T>::NothingToLock);
		let unlock_time = Self::now().saturating_add(lock_period);
		let locked_amount = Locks::<T>::mutate(position_id, |lock| {
			let lock = lock.get_or_insert_with(|| PositionLock {
				receiver: owner.clone(),
				amount: 0,
				unlock_time,
			});
			lock.amount = lock.amount.saturating_add(sale.return_amount);
			lock.unlock_time = unlock_time;
			lock.amount
		});
		TotalLocked::<T>::mutate(|total| *total = total.saturating_add(sale.return_amount));
		Self::deposit_event(Event::FundsLocked {
			position_id,
			amount: sale.return_amount,
			locked_amount,
			unlock_time,
		});
		Ok(())
	}

	/// Pays a closing position's lock to its receiver, matured or not (spec §2.5
	/// `ReleasePositionFunds`); nothing without a lock.
	fn release_lock(position_id: PositionId) -> DispatchResult {
		let Some(lock) = Locks::<T>::take(position_id) else { return Ok(()) };
		TotalLocked::<T>::mutate(|total| *total = total.saturating_sub(lock.amount));
		T::Assets::transfer(
			UST,
			&Self::lock_account(),
			&lock.receiver,
			lock.amount,
			Preservation::Expendable,
		)?;
		Self::deposit_event(Event::FundsReleased {
			position_id,
			receiver: lock.receiver,
			amount: lock.amount,
		});
		Ok(())
	}

	/// The locks of `owner`'s positions (see `MintApi::locks`).
	pub fn locks_of(owner: &T::AccountId) -> Vec<(PositionId, PositionLockOf<T>)> {
		PositionsByOwner::<T>::get(owner)
			.into_iter()
			.filter_map(|id| Locks::<T>::get(id).map(|lock| (id, lock)))
			.collect()
	}

	/// Burns `amount` of `asset` from `who` (the burn is the balance check).
	fn burn_from(asset: &AssetId, who: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Assets::burn_from(
			asset.clone(),
			who,
			amount,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map(|_| ())
		.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// The delisted path of `burn`: `who` burns `amount` and redeems collateral (spec §3.3).
	fn redeem(
		who: T::AccountId,
		position_id: PositionId,
		mut position: PositionOf<T>,
		end_price: FixedU128,
		amount: Balance,
	) -> DispatchResult {
		let debt = position.asset_amount.checked_sub(amount).ok_or(Error::<T>::BurnExceedsDebt)?;
		let parameters = Parameters::<T>::get();
		let collateral_price =
			T::Collateral::collateral_price(&position.collateral_asset, parameters.price_max_age)
				.map_err(Self::collateral_error)?;
		ensure!(!collateral_price.contested, Error::<T>::PriceContested);
		let collateral_price = collateral_price.price;
		let (redeemed, protocol_fee) = math::redemption(
			amount,
			position.collateral_amount,
			position.asset_amount,
			end_price,
			collateral_price,
			parameters.protocol_fee_rate,
		)
		.ok_or(Error::<T>::Overflow)?;
		position.collateral_amount =
			position.collateral_amount.checked_sub(redeemed).ok_or(Error::<T>::Overflow)?;
		position.asset_amount = debt;
		Self::burn_from(&position.asset, &who, amount)?;
		let paid = redeemed.saturating_sub(protocol_fee);
		Self::pay_collateral(&position.collateral_asset, &who, paid)?;
		Self::pay_collateral(&position.collateral_asset, &T::FeeCollector::get(), protocol_fee)?;
		Self::deposit_event(Event::Burned {
			position_id,
			asset: position.asset.clone(),
			amount,
			protocol_fee,
		});
		Self::deposit_event(Event::Redeemed { position_id, who, collateral_amount: paid });
		if position.is_short {
			T::ShortStake::decrease_short(&position.asset, &position.owner, amount)?;
		}
		if position.asset_amount.is_zero() && position.collateral_amount <= 1 {
			// The original left this last unit in the contract; it is the owner's.
			Self::pay_collateral(
				&position.collateral_asset,
				&position.owner,
				position.collateral_amount,
			)?;
			Self::close_position(position_id, &position)?;
		} else {
			Positions::<T>::insert(position_id, position);
		}
		Ok(())
	}

	/// What auctioning `amount` of position `position_id` does now, with the position; fails as
	/// the call would (see [`Pallet::auction`]).
	pub fn quote_auction(
		position_id: PositionId,
		amount: Balance,
	) -> Result<(PositionOf<T>, AuctionQuote), DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let position = Positions::<T>::get(position_id).ok_or(Error::<T>::UnknownPosition)?;
		ensure!(amount <= position.asset_amount, Error::<T>::LiquidationExceedsDebt);
		let config = Self::config_in_force(&position.asset)?;
		ensure!(config.end_price.is_none(), Error::<T>::AssetDelisted);
		let parameters = Parameters::<T>::get();
		let valuation =
			Self::position_valuation(&position, &config, &parameters, PriceUse::Release)?;
		let threshold = math::required_collateral(
			position.asset_amount,
			&valuation,
			config.min_collateral_ratio,
		)
		.ok_or(Error::<T>::Overflow)?;
		ensure!(threshold >= position.collateral_amount, Error::<T>::PositionSafelyCollateralized);
		let limit = math::repay_limit(
			position.asset_amount,
			position.collateral_amount,
			threshold,
			&valuation,
			&config,
			&parameters,
		)
		.ok_or(Error::<T>::Overflow)?;
		let offered = amount.min(limit.limit);
		let outcome = math::auction(
			offered,
			position.collateral_amount,
			&valuation,
			config.min_collateral_ratio,
			config.auction_discount,
			parameters.protocol_fee_rate,
		)
		.ok_or(Error::<T>::Overflow)?;
		let collateral_left = position.collateral_amount.saturating_sub(outcome.returned);
		let debt_left = position.asset_amount.saturating_sub(outcome.liquidated);
		let (leftover_collateral, forgiven_debt) = if collateral_left.is_zero() {
			(0, debt_left)
		} else if debt_left.is_zero() {
			(collateral_left, 0)
		} else {
			ensure!(!limit.must_close, Error::<T>::PartialAuctionLowersRatio);
			Self::ensure_no_dust(debt_left, &valuation, &parameters)?;
			(0, 0)
		};
		let quote = AuctionQuote {
			liquidated_amount: outcome.liquidated,
			refunded_asset: outcome.refunded.saturating_add(amount - offered),
			returned_collateral: outcome.returned.saturating_sub(outcome.fee),
			protocol_fee: outcome.fee,
			leftover_collateral,
			forgiven_debt,
		};
		Ok((position, quote))
	}

	/// Whether position `position_id` can be auctioned now (see `MintApi::liquidatable`).
	pub fn liquidatable(position_id: PositionId) -> Result<bool, PositionRatioError> {
		let position =
			Positions::<T>::get(position_id).ok_or(PositionRatioError::UnknownPosition)?;
		let config = Self::config_in_force(&position.asset)
			.map_err(|_| PositionRatioError::UnknownPosition)?;
		if config.end_price.is_some() || position.asset_amount.is_zero() {
			return Ok(false);
		}
		let parameters = Parameters::<T>::get();
		let valuation =
			Self::position_valuation(&position, &config, &parameters, PriceUse::Release)
				.map_err(|_| PositionRatioError::PriceUnavailable)?;
		let threshold = math::required_collateral(
			position.asset_amount,
			&valuation,
			config.min_collateral_ratio,
		)
		.ok_or(PositionRatioError::PriceUnavailable)?;
		Ok(threshold >= position.collateral_amount)
	}

	fn mint_to(asset: &AssetId, who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Assets::mint_into(asset.clone(), who, amount).map(|_| ())
	}

	/// Closes a position: removes it and its index entries, pays its short lock (if any) to the
	/// lock's receiver ([`Event::FundsReleased`]) and emits [`Event::PositionClosed`], the last
	/// event of the call that closes it.
	fn close_position(position_id: PositionId, position: &PositionOf<T>) -> DispatchResult {
		Self::remove_position(position_id, position);
		Self::release_lock(position_id)?;
		Self::deposit_event(Event::PositionClosed { position_id });
		Ok(())
	}

	fn remove_position(position_id: PositionId, position: &PositionOf<T>) {
		Positions::<T>::remove(position_id);
		PositionsByAsset::<T>::remove(&position.asset, position_id);
		PositionsByOwner::<T>::mutate_exists(&position.owner, |ids| {
			if let Some(list) = ids {
				list.retain(|id| *id != position_id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
	}

	/// The collateral the pallet's account holds of `asset` for positions (MIR net of the
	/// account's existential deposit).
	pub fn collateral_held(asset: &AssetId) -> Balance {
		let balance = T::Assets::balance(asset.clone(), &Self::account_id());
		match asset {
			NativeOrWithId::Native => {
				balance.saturating_sub(T::Assets::minimum_balance(NativeOrWithId::Native))
			}
			NativeOrWithId::WithId(_) => balance,
		}
	}

	/// A page of positions for the runtime API (see `MintApi::positions`).
	pub fn positions(
		filter: PositionFilter<T::AccountId>,
		start_after: Option<PositionId>,
		limit: u32,
		order: SortOrder,
	) -> Vec<(PositionId, PositionOf<T>)> {
		let limit = match limit {
			0 => DEFAULT_LIMIT,
			n => n.min(MAX_LIMIT),
		} as usize;
		let in_page = |id: &PositionId| match (order, start_after) {
			(_, None) => true,
			(SortOrder::Ascending, Some(after)) => *id > after,
			(SortOrder::Descending, Some(after)) => *id < after,
		};
		let ids: Vec<PositionId> = match filter {
			PositionFilter::Owner(owner) => {
				let mut ids: Vec<_> =
					PositionsByOwner::<T>::get(owner).into_iter().filter(in_page).collect();
				if order == SortOrder::Descending {
					ids.reverse();
				}
				ids.truncate(limit);
				ids
			}
			PositionFilter::Asset(asset) => {
				// The index is hashed: an asset's page sorts all of its ids (off-chain only).
				let mut ids: Vec<_> =
					PositionsByAsset::<T>::iter_key_prefix(asset).filter(in_page).collect();
				ids.sort_unstable();
				if order == SortOrder::Descending {
					ids.reverse();
				}
				ids.truncate(limit);
				ids
			}
			PositionFilter::All => {
				// Ids are dense: walk them from the cursor, skipping closed positions.
				let next = NextPositionId::<T>::get();
				let mut ids = Vec::new();
				let mut probes = 0u64;
				let mut id = match (order, start_after) {
					(SortOrder::Ascending, None) => 1,
					(SortOrder::Ascending, Some(after)) => after.saturating_add(1),
					(SortOrder::Descending, None) => next.saturating_sub(1),
					(SortOrder::Descending, Some(after)) => after.min(next).saturating_sub(1),
				};
				while id > 0 && id < next && ids.len() < limit && probes < MAX_PROBES {
					if Positions::<T>::contains_key(id) {
						ids.push(id);
					}
					probes += 1;
					id = match order {
						SortOrder::Ascending => id + 1,
						SortOrder::Descending => id - 1,
					};
				}
				ids
			}
		};
		ids.into_iter().filter_map(|id| Positions::<T>::get(id).map(|p| (id, p))).collect()
	}

	/// A position's collateral ratio now, the ratio it must keep now and once scheduled raises
	/// are in force (see `MintApi::collateral_ratio`).
	pub fn collateral_ratio(position_id: PositionId) -> Result<PositionRatio, PositionRatioError> {
		let position =
			Positions::<T>::get(position_id).ok_or(PositionRatioError::UnknownPosition)?;
		let mut config =
			AssetConfigs::<T>::get(&position.asset).ok_or(PositionRatioError::UnknownPosition)?;
		let scheduled_ratio = Self::resolve_ratio(&position.asset, &mut config);
		let parameters = Parameters::<T>::get();
		let valuation = Self::position_valuation(&position, &config, &parameters, PriceUse::Any)
			.map_err(|_| PositionRatioError::PriceUnavailable)?;
		let required_ratio =
			math::required_ratio(config.min_collateral_ratio, valuation.multiplier)
				.ok_or(PositionRatioError::PriceUnavailable)?;
		let collateral_ratio =
			math::collateral_ratio(position.collateral_amount, position.asset_amount, &valuation);
		let scheduled = Self::scheduled_required_ratio(
			&position.collateral_asset,
			&config,
			valuation.multiplier,
			scheduled_ratio,
		)
		.ok_or(PositionRatioError::PriceUnavailable)?;
		Ok(PositionRatio { collateral_ratio, required_ratio, scheduled })
	}

	/// The mAsset price at which a position becomes liquidatable, its collateral's price held
	/// (see `MintApi::liquidation_price`); `None` without debt or once delisted.
	pub fn liquidation_price(
		position_id: PositionId,
	) -> Result<Option<FixedU128>, PositionRatioError> {
		let position =
			Positions::<T>::get(position_id).ok_or(PositionRatioError::UnknownPosition)?;
		let config = Self::config_in_force(&position.asset)
			.map_err(|_| PositionRatioError::UnknownPosition)?;
		if config.end_price.is_some() {
			return Ok(None);
		}
		let parameters = Parameters::<T>::get();
		let valuation = Self::position_valuation(&position, &config, &parameters, PriceUse::Any)
			.map_err(|_| PositionRatioError::PriceUnavailable)?;
		let required_ratio =
			math::required_ratio(config.min_collateral_ratio, valuation.multiplier)
				.ok_or(PositionRatioError::PriceUnavailable)?;
		Ok(math::liquidation_price(
			position.collateral_amount,
			position.asset_amount,
			&valuation,
			required_ratio,
		))
	}

	/// `owner`'s positions that are not liquidatable now but would be, at current prices, once
	/// the scheduled raises are in force (see `MintApi::positions_at_risk`).
	pub fn positions_at_risk(owner: &T::AccountId) -> Vec<(PositionId, PositionRatio)> {
		PositionsByOwner::<T>::get(owner)
			.into_iter()
			.filter_map(|id| Self::collateral_ratio(id).ok().map(|ratio| (id, ratio)))
			.filter(|(_, ratio)| match (ratio.collateral_ratio, ratio.scheduled) {
				(Some(now), Some(scheduled)) => {
					now > ratio.required_ratio && now <= scheduled.value
				}
				_ => false,
			})
			.collect()
	}

	/// The invariants of Mint:
	/// - per collateral asset, the positions' collateral sums to what the pallet's account holds;
	/// - per mAsset, the positions' debt plus the unbacked supply is the asset's supply;
	/// - every position is in its owner's and its asset's index, and the indexes hold nothing else;
	/// - every position id is below the next id; no position is empty;
	/// - every scheduled ratio belongs to a listed, not delisted mAsset and is at least 110 %.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut collateral: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut debt: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let next = NextPositionId::<T>::get();
		let mut count = 0usize;
		for (id, position) in Positions::<T>::iter() {
			count += 1;
			ensure!(id > 0 && id < next, "a position id is not below the next id");
			ensure!(
				!(position.collateral_amount.is_zero() && position.asset_amount.is_zero()),
				"an empty position is stored"
			);
			ensure!(
				PositionsByOwner::<T>::get(&position.owner).contains(&id),
				"a position is missing from its owner's index"
			);
			ensure!(
				PositionsByAsset::<T>::contains_key(&position.asset, id),
				"a position is missing from its asset's index"
			);
			let c = collateral.entry(position.collateral_asset.clone()).or_default();
			*c = c.saturating_add(position.collateral_amount);
			let d = debt.entry(position.asset.clone()).or_default();
			*d = d.saturating_add(position.asset_amount);
		}
		let owner_entries: usize = PositionsByOwner::<T>::iter_values().map(|ids| ids.len()).sum();
		ensure!(owner_entries == count, "the owner index holds closed positions");
		ensure!(
			PositionsByOwner::<T>::iter_values()
				.all(|ids| !ids.is_empty() && ids.windows(2).all(|w| w[0] < w[1])),
			"an owner index is empty or out of order"
		);
		ensure!(
			PositionsByAsset::<T>::iter_keys().count() == count,
			"the asset index holds closed positions"
		);
		// UST and MIR are always checked: with no position left their holdings must be zero.
		collateral.entry(UST).or_default();
		collateral.entry(NativeOrWithId::Native).or_default();
		for (asset, held) in collateral {
			ensure!(
				Self::collateral_held(&asset) == held,
				"collateral held differs from the positions' sum"
			);
		}
		for asset in AssetConfigs::<T>::iter_keys() {
			let owed = debt.get(&asset).copied().unwrap_or_default();
			ensure!(
				T::Assets::total_issuance(asset.clone())
					== owed
						.saturating_add(UnbackedSupply::<T>::get(&asset))
						.saturating_add(ForgivenDebt::<T>::get(&asset)),
				"an mAsset's supply differs from its debt, unbacked supply and forgiven debt"
			);
		}
		let mut locked: Balance = 0;
		for (id, lock) in Locks::<T>::iter() {
			let position = Positions::<T>::get(id).ok_or("a lock outlived its position")?;
			ensure!(position.is_short, "a long position has a lock");
			ensure!(lock.receiver == position.owner, "a lock's receiver is not the owner");
			locked = locked.saturating_add(lock.amount);
		}
		ensure!(TotalLocked::<T>::get() == locked, "total locked differs from the locks' sum");
		for (asset, change) in ScheduledMinCollateralRatios::<T>::iter() {
			let config = AssetConfigs::<T>::get(&asset).ok_or("a schedule outlived its asset")?;
			ensure!(config.end_price.is_none(), "a delisted asset has a scheduled ratio");
			ensure!(change.value >= MIN_CR_ALLOWED, "a scheduled ratio is below 110 %");
		}
		ensure!(
			T::Assets::balance(UST, &Self::lock_account()) == locked,
			"total locked differs from the lock account's balance"
		);
		Ok(())
	}
}

/// Mint's `risk_change_delay`, for the runtime to give the CollateralOracle: one parameter
/// governs every risk raise.
pub struct RiskChangeDelay<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<Moment> for RiskChangeDelay<T> {
	fn get() -> Moment {
		Parameters::<T>::get().risk_change_delay
	}
}

impl<T: Config> MintRegistry<T::AccountId> for Pallet<T> {
	fn register_asset(asset: AssetId, config: AssetConfigOf<T>) -> DispatchResult {
		Self::do_register_asset(asset, config)
	}

	fn register_migration(asset: AssetId, end_price: FixedU128) -> DispatchResult {
		Self::do_register_migration(asset, end_price)
	}

	fn asset_config(asset: &AssetId) -> Option<AssetConfigOf<T>> {
		Self::config_in_force(asset).ok()
	}

	fn issue_unbacked(asset: &AssetId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(AssetConfigs::<T>::contains_key(asset), Error::<T>::UnknownAsset);
		let unbacked =
			UnbackedSupply::<T>::get(asset).checked_add(amount).ok_or(Error::<T>::Overflow)?;
		T::Assets::mint_into(asset.clone(), to, amount)?;
		UnbackedSupply::<T>::insert(asset, unbacked);
		Ok(())
	}
}
