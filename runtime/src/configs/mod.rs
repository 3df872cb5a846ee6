//! The configuration of every pallet in the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse,
		VariantCountOf,
	},
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureNever, EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Amm, Assets, Aura, Balance, Balances, Block, BlockNumber, CollateralOracle, Hash,
	LpStaking, Mint, Nonce, Oracle, OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System, Timestamp,
	EXISTENTIAL_DEPOSIT, MILLI_MIR, MIR, SLOT_DURATION, VERSION,
};
use mirror_primitives::AssetId;

/// The admin origin of every Mirror pallet: Root (the sudo key on the test networks) or a passed
/// governance poll.
pub type MirrorAdmin = EitherOfDiverse<EnsureRoot<AccountId>, pallet_mirror_gov::EnsureGov>;

/// The share of a block that normal (non-operational) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The most compute a block may use: half of the 3 s slot, leaving room for import and gossip.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_div(2), u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = super::BLOCK_HASH_COUNT;
	pub const Version: RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		MAXIMUM_BLOCK_WEIGHT,
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks, of which normal transactions may fill [`NORMAL_DISPATCH_RATIO`].
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate address format.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch; Mirror's pallets read it in seconds.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// What a second of block compute costs: 20 MIR, so a transfer (about 0.3 ms with its base
/// weight) costs about 0.006 MIR in weight fee.
pub const FEE_PER_SECOND_OF_WEIGHT: Balance = 20 * MIR;

/// What a byte of transaction costs: 20 micro-MIR, so a 150-byte transfer costs 0.003 MIR in
/// length fee.
pub const FEE_PER_BYTE: Balance = 20;

/// Converts a weight to a fee, linearly in its compute time at [`FEE_PER_SECOND_OF_WEIGHT`].
/// Proof size is not charged: this is a solochain, not a parachain.
pub struct WeightToFee;
impl frame_support::weights::WeightToFee for WeightToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time()).saturating_mul(FEE_PER_SECOND_OF_WEIGHT)
			/ Balance::from(WEIGHT_REF_TIME_PER_SECOND)
	}
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<FEE_PER_BYTE>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const AssetDeposit: Balance = 10 * MIR;
	pub const AssetAccountDeposit: Balance = 10 * MILLI_MIR;
	pub const MetadataDepositBase: Balance = MIR;
	pub const MetadataDepositPerByte: Balance = 10 * MILLI_MIR;
	pub const ApprovalDeposit: Balance = 10 * MILLI_MIR;
}

/// UST, mAssets and LP tokens. Nobody creates assets with a signed call: UST exists from genesis,
/// and mAssets and LP tokens are created by Mirror's pallets (or by Root with `force_create`).
impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = mirror_primitives::LocalAssetId;
	type AssetIdParameter = codec::Compact<mirror_primitives::LocalAssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	/// New assets (LP tokens, mAssets) take consecutive ids from `NextAssetId` (100 at genesis).
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	/// UST's name and symbol in `pallet-assets` metadata.
	pub UstMetadata: (&'static [u8], &'static [u8]) = (b"TerraUSD", b"UST");
}

parameter_types! {
	/// The asset every Mirror price is quoted in: UST.
	pub const QuoteAsset: AssetId = mirror_primitives::UST;
	/// Feeders per asset.
	pub const OracleMaxFeeders: u32 = 16;
	/// Prices per `feed_prices` call.
	pub const OracleMaxPricesPerFeed: u32 = 32;
	/// How old (s) the feeds may be that the circuit breaker compares a new feed with.
	pub const OracleFreshnessWindow: u64 = 60;
	/// Free `feed_prices` one feeder may land per block: one batch of 32 prices, and one more for
	/// a feeder of more than 32 assets or a retry.
	pub const OracleMaxFeedsPerBlock: u32 = 2;
	/// The circuit breaker every asset gets when its first feeder is registered (the Factory's
	/// whitelisting does that): one fresh feed makes a price; a feed more than 10 % from the
	/// other feeders' median (or the last accepted one) waits as pending until a second feeder,
	/// or the same lone feeder in a later block, confirms it; feeds outside 10⁻⁶..10⁹ UST, or
	/// more than ×10 per hour from the last accepted median, are rejected. No fallback: the
	/// admin names one per asset (`set_asset_config`). See docs/oracle.md.
	pub OracleDefaultAssetConfig: mirror_primitives::OracleAssetConfig =
		mirror_primitives::OracleAssetConfig {
			min_fresh_feeds: 1,
			max_deviation: Some(sp_runtime::FixedU128::from_rational(1, 10)),
			sanity_range: Some(mirror_primitives::PriceRange {
				min: sp_runtime::FixedU128::from_rational(1, 1_000_000),
				max: sp_runtime::FixedU128::from_u32(1_000_000_000),
			}),
			max_move_per_hour: Some(sp_runtime::FixedU128::from_u32(10)),
			fallback: None,
		};
	/// Blocks (12 s) a feed may wait in the pool: a feed that waited longer is dropped rather than
	/// landing as a fresh price of a past moment.
	pub const OracleFeedLongevity: u64 = 4;
}

/// Price feeds. The admin is Root (sudo) until governance lands.
impl pallet_mirror_oracle::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type UnixTime = Timestamp;
	type Assets = mirror_primitives::ExistsInFungibles<NativeAndAssets, AccountId>;
	type QuoteAsset = QuoteAsset;
	type MaxFeeders = OracleMaxFeeders;
	type MaxPricesPerFeed = OracleMaxPricesPerFeed;
	type FreshnessWindow = OracleFreshnessWindow;
	type MaxFeedsPerBlock = OracleMaxFeedsPerBlock;
	type FeedLongevity = OracleFeedLongevity;
	type DefaultAssetConfig = OracleDefaultAssetConfig;
	type Twap = Amm;
	type WeightInfo = pallet_mirror_oracle::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

/// The collateral registry; time-weighted prices from the Amm.
impl pallet_mirror_collateral_oracle::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Oracle = Oracle;
	type Twap = Amm;
	type Assets = mirror_primitives::ExistsInFungibles<NativeAndAssets, AccountId>;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_collateral_oracle::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

/// Every token as one `fungibles` implementation: MIR (`Native`) from Balances, the rest from
/// Assets, as pallet-asset-conversion does.
pub type NativeAndAssets = frame_support::traits::fungible::UnionOf<
	Balances,
	Assets,
	frame_support::traits::fungible::NativeFromLeft,
	mirror_primitives::NativeOrWithId<mirror_primitives::LocalAssetId>,
	AccountId,
>;

/// Metadata for the tokens Mirror's pallets create (LP tokens, mAssets), without a deposit: the
/// creating call's fee pays for it.
pub struct ForceAssetMetadata;
impl mirror_primitives::SetAssetMetadata for ForceAssetMetadata {
	fn set_metadata(
		id: mirror_primitives::LocalAssetId,
		name: alloc::vec::Vec<u8>,
		symbol: alloc::vec::Vec<u8>,
		decimals: u8,
	) -> Result<(), sp_runtime::DispatchError> {
		pallet_assets::Pallet::<Runtime>::force_set_metadata(
			RuntimeOrigin::root(),
			id.into(),
			name,
			symbol,
			decimals,
			false,
		)
	}
}

/// The chain's one asset-id allocator: `pallet-assets`' `NextAssetId`.
pub struct NextAssetId;
impl mirror_primitives::AssetIdAllocator for NextAssetId {
	fn next_asset_id() -> Result<mirror_primitives::LocalAssetId, sp_runtime::DispatchError> {
		pallet_assets::NextAssetId::<Runtime>::get()
			.ok_or(sp_runtime::DispatchError::Other("asset id allocation is off"))
	}
}

parameter_types! {
	/// Derives the Amm's pool accounts.
	pub const AmmPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/amm_");
	/// Terraswap's commission: 0.3 % of a swap's return, left in the pool.
	pub AmmCommission: sp_runtime::FixedU128 = sp_runtime::FixedU128::from_rational(3, 1_000);
	/// LP units locked by a pool's first deposit.
	pub const AmmMinimumLiquidity: Balance = 1_000;
	/// MIR burnt by `create_pair`.
	pub const AmmPairCreationFee: Balance = 10 * MIR;
	/// Assets a route may name.
	pub const AmmMaxSwapPathLength: u32 = 4;
	/// Seconds between a pool's recorded observations: the shortest time-weighted window, short
	/// enough for the dev chain's 60 s premium interval.
	pub const AmmObservationPeriod: u64 = 60;
	/// Observations per pool: 64 minutes of history, so mainnet's 3,600 s premium interval has a
	/// full window (12 observations of 300 s could never serve one).
	pub const AmmMaxObservations: u32 = 64;
}

impl pallet_mirror_amm::Config for Runtime {
	type Assets = NativeAndAssets;
	type AssetsMetadata = ForceAssetMetadata;
	type AssetIdAllocator = NextAssetId;
	type PalletId = AmmPalletId;
	type Commission = AmmCommission;
	type MinimumLiquidity = AmmMinimumLiquidity;
	type PairCreationFee = AmmPairCreationFee;
	type MaxSwapPathLength = AmmMaxSwapPathLength;
	type ObservationPeriod = AmmObservationPeriod;
	type MaxObservations = AmmMaxObservations;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_amm::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTimestamp;
}

/// Sets the clock in the Amm's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct SetTimestamp;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_mirror_amm::BenchmarkHelper for SetTimestamp {
	fn set_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1_000));
	}
}

parameter_types! {
	/// Derives the account holding every position's collateral.
	pub const MintPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/mint");
	/// Derives the Collector's account, which receives protocol fees.
	pub const CollectorPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/coll");
	/// The account receiving protocol fees.
	pub FeeCollectorAccount: AccountId =
		sp_runtime::traits::AccountIdConversion::into_account_truncating(&CollectorPalletId::get());
	/// Positions per account.
	pub const MintMaxPositionsPerOwner: u32 = 100;
	/// Positions one `unlock_position_funds` may name.
	pub const MintMaxUnlockPositions: u32 = 32;
}

/// Positions, the protocol fee and the mAsset registry. Prices from the Oracle, collateral from
/// the CollateralOracle (which mAssets register in). The admin is [`MirrorAdmin`].
impl pallet_mirror_mint::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Assets = NativeAndAssets;
	type Oracle = Oracle;
	type Collateral = CollateralOracle;
	type Amm = Amm;
	/// Short positions' debt is their owners' sLP stake in LpStaking.
	type ShortStake = LpStaking;
	type ForeignTokens = NotFactoryTokens;
	type MaxUnlockPositions = MintMaxUnlockPositions;
	type PalletId = MintPalletId;
	type FeeCollector = FeeCollectorAccount;
	type MaxPositionsPerOwner = MintMaxPositionsPerOwner;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_mint::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

/// Tokens someone other than the Factory can mint: an Amm LP token (its issuer is the Amm's
/// account), UST and any token Root created for an account (its issuer mints it through
/// pallet-assets). Mint refuses them as mAssets: its books (an mAsset's supply is its positions'
/// debt plus its unbacked supply) hold only for tokens nobody else mints, which is how the
/// Factory creates mAssets (issuer: the Factory's account).
pub struct NotFactoryTokens;
impl frame_support::traits::Contains<AssetId> for NotFactoryTokens {
	fn contains(asset: &AssetId) -> bool {
		let mirror_primitives::NativeOrWithId::WithId(id) = asset else {
			return false;
		};
		let factory: AccountId = sp_runtime::traits::AccountIdConversion::into_account_truncating(
			&FactoryPalletId::get(),
		);
		pallet_assets::Asset::<Runtime>::get(id).is_some_and(|details| details.issuer != factory)
	}
}

/// Creates tokens, feeds their prices and registers collateral for Mint's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MintBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl MintBenchmarkHelper {
	fn ensure_token(asset: &AssetId) {
		use frame_support::traits::fungibles::Inspect;
		if let mirror_primitives::NativeOrWithId::WithId(id) = asset {
			if !<Assets as Inspect<AccountId>>::asset_exists(*id) {
				// Owned by the Factory's account, as listed mAssets are (Mint refuses others).
				let owner: AccountId =
					sp_runtime::traits::AccountIdConversion::into_account_truncating(
						&FactoryPalletId::get(),
					);
				let _ = Assets::force_create(
					RuntimeOrigin::root(),
					(*id).into(),
					owner.into(),
					true,
					1,
				);
			}
		}
	}

	/// Makes `price` the asset's only fresh feed. A feeder feeds once per block, so a new price
	/// in the same block comes from a new feeder and the earlier ones are removed.
	/// The breaker is set neutral first: set-up moves prices at will, which is not what is measured.
	fn feed(asset: &AssetId, price: sp_runtime::FixedU128) {
		let feeder = |index: u32| -> AccountId { frame_benchmarking::account("feeder", index, 0) };
		for index in 0..4 {
			let _ = Oracle::register_feeder(RuntimeOrigin::root(), asset.clone(), feeder(index));
			let _ = Oracle::set_asset_config(
				RuntimeOrigin::root(),
				asset.clone(),
				mirror_primitives::OracleAssetConfig::default(),
			);
			// Set-up may feed many assets in one block: the per-block limit is not what is measured.
			pallet_mirror_oracle::FeedsInBlock::<Runtime>::remove(feeder(index));
			let prices =
				frame_support::BoundedVec::truncate_from(alloc::vec![(asset.clone(), price)]);
			if Oracle::feed_prices(RuntimeOrigin::signed(feeder(index)), prices).is_ok() {
				for old in 0..index {
					let _ =
						Oracle::remove_feeder(RuntimeOrigin::root(), asset.clone(), feeder(old));
				}
				return;
			}
		}
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl mirror_primitives::CreateToken for MintBenchmarkHelper {
	fn create_token(asset: &AssetId) {
		Self::ensure_token(asset);
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_mirror_mint::BenchmarkHelper<AccountId> for MintBenchmarkHelper {
	fn create_asset(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::ensure_token(asset);
		Self::feed(asset, price);
		// Shorts of the asset stake sLP in its reward pool (UST stands in for its LP token).
		let _ = LpStaking::do_register_asset(asset.clone(), mirror_primitives::UST);
	}

	fn create_pool(asset: &AssetId, price: sp_runtime::FixedU128) {
		use frame_support::traits::fungibles::Mutate;
		let provider: AccountId = frame_benchmarking::account("provider", 0, 0);
		let depth: Balance = 1_000_000_000_000_000;
		let ust_depth = sp_runtime::FixedPointNumber::saturating_mul_int(price, depth);
		let _ = NativeAndAssets::mint_into(AssetId::Native, &provider, 1_000 * MIR);
		let _ = NativeAndAssets::mint_into(asset.clone(), &provider, depth);
		let _ = NativeAndAssets::mint_into(mirror_primitives::UST, &provider, ust_depth);
		let _ = Amm::create_pair(
			RuntimeOrigin::signed(provider.clone()),
			asset.clone(),
			mirror_primitives::UST,
		);
		let _ = Amm::provide_liquidity(
			RuntimeOrigin::signed(provider),
			asset.clone(),
			depth,
			mirror_primitives::UST,
			ust_depth,
			None,
			None,
		);
	}

	fn create_collateral(
		collateral: &AssetId,
		price: sp_runtime::FixedU128,
		multiplier: sp_runtime::FixedU128,
	) {
		Self::ensure_token(collateral);
		Self::feed(collateral, price);
		let _ = super::CollateralOracle::register_collateral_asset(
			RuntimeOrigin::root(),
			collateral.clone(),
			mirror_primitives::PriceSource::Oracle,
			multiplier,
		);
	}
}

parameter_types! {
	/// Derives the account holding bonded LP tokens and undistributed MIR rewards.
	pub const LpStakingPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/stak");
	/// Reward pools: one per mAsset ever listed (a delisted asset keeps its pool for its stakers)
	/// and one for MIR; twice the Factory's bound on listed assets.
	pub const LpStakingMaxPools: u32 = 128;
	/// Assets one `adjust_premium` may name.
	pub const LpStakingMaxPremiumAssets: u32 = 16;
}

/// LP and sLP reward pools. Premiums from the Amm's reserves and the Oracle's prices; Mint reports
/// short positions' debt through its `ShortStake` hook. The admin is [`MirrorAdmin`].
impl pallet_mirror_lp_staking::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Assets = NativeAndAssets;
	type Oracle = Oracle;
	type Amm = Amm;
	type PalletId = LpStakingPalletId;
	type MaxPools = LpStakingMaxPools;
	type MaxPremiumAssets = LpStakingMaxPremiumAssets;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_lp_staking::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mirror_lp_staking::BenchmarkHelper<AccountId> for MintBenchmarkHelper {
	fn create_token(asset: &AssetId) {
		Self::ensure_token(asset);
	}

	/// The pool with a full observation ring (a small trade every observation period), so that
	/// `adjust_premium` measures its time-weighted price at its worst.
	fn create_amm_pool(asset: &AssetId, price: sp_runtime::FixedU128) -> AssetId {
		use frame_support::traits::fungibles::Mutate;
		<Self as pallet_mirror_mint::BenchmarkHelper<AccountId>>::create_pool(asset, price);
		let trader: AccountId = frame_benchmarking::account("trader", 0, 0);
		let _ = NativeAndAssets::mint_into(AssetId::Native, &trader, 1_000 * MIR);
		let _ = NativeAndAssets::mint_into(mirror_primitives::UST, &trader, 1_000_000 * MIR);
		for _ in 0..AmmMaxObservations::get() {
			pallet_timestamp::Now::<Runtime>::mutate(|now| {
				*now = now.saturating_add(AmmObservationPeriod::get() * 1_000)
			});
			let _ = Amm::swap(
				RuntimeOrigin::signed(trader.clone()),
				mirror_primitives::UST,
				asset.clone(),
				MIR,
				None,
				None,
				None,
			);
		}
		pallet_timestamp::Now::<Runtime>::mutate(|now| {
			*now = now.saturating_add(AmmObservationPeriod::get() * 1_000)
		});
		<Amm as mirror_primitives::Amm<AccountId>>::lp_token(asset, &mirror_primitives::UST)
			.unwrap_or(mirror_primitives::UST)
	}

	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}
}

parameter_types! {
	/// Derives the account that owns listed mAssets and holds the MIR to emit.
	pub const FactoryPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/fact");
	/// Listed assets (MIR included); as many as LpStaking has pools.
	pub const FactoryMaxAssets: u32 = 64;
	/// The longest mAsset name.
	pub const FactoryMaxNameLength: u32 = 64;
	/// The longest mAsset symbol (without its `m`).
	pub const FactoryMaxSymbolLength: u32 = 12;
}

/// The listing pipeline and MIR emission. Every piece of a listing goes through a primitives
/// trait: Assets (token), Mint (config), Oracle (feeder), Amm (pool), LpStaking (reward pool and
/// emission). The admin is [`MirrorAdmin`].
impl pallet_mirror_factory::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Assets = NativeAndAssets;
	type AssetsMetadata = ForceAssetMetadata;
	type AssetIdAllocator = NextAssetId;
	type Amm = Amm;
	type Oracle = Oracle;
	type Mint = Mint;
	type Staking = LpStaking;
	type PalletId = FactoryPalletId;
	type MaxAssets = FactoryMaxAssets;
	type MaxNameLength = FactoryMaxNameLength;
	type MaxSymbolLength = FactoryMaxSymbolLength;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_factory::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mirror_factory::BenchmarkHelper<AccountId> for MintBenchmarkHelper {
	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}

	fn set_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1_000));
	}
}

parameter_types! {
	/// Derives the Gov account: staked MIR, poll deposits and voting rewards.
	pub const GovPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/gov_");
	/// The longest encoded call a poll may carry.
	pub const GovMaxCallLength: u32 = 1_024;
	/// The heaviest call a poll may carry: a quarter of a block.
	pub GovMaxCallWeight: Weight = Perbill::from_percent(25) * RuntimeBlockWeights::get().max_block;
	/// Default polls in progress at once (the original's 50).
	pub const GovMaxPollsInProgress: u32 = 50;
	/// Polls in progress at once counting an auth-admin or migration poll (the original's 60).
	pub const GovMaxAdminPollsInProgress: u32 = 60;
	/// Polls a staker's vote list holds before it must withdraw to prune ended ones.
	pub const GovMaxVotesPerStaker: u32 = 100;
}

/// How deep the classifier looks into batches.
const GOV_CLASSIFY_DEPTH: u32 = 4;

/// Whether `call`, or any call it batches, satisfies `is`.
fn gov_any_call(call: &RuntimeCall, depth: u32, is: &impl Fn(&RuntimeCall) -> bool) -> bool {
	if is(call) {
		return true;
	}
	if depth == 0 {
		return false;
	}
	match call {
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().any(|c| gov_any_call(c, depth - 1, is)),
		RuntimeCall::Utility(
			pallet_utility::Call::as_derivative { call, .. }
			| pallet_utility::Call::with_weight { call, .. }
			| pallet_utility::Call::dispatch_as { call, .. }
			| pallet_utility::Call::dispatch_as_fallible { call, .. },
		) => gov_any_call(call, depth - 1, is),
		RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
			gov_any_call(main, depth - 1, is) || gov_any_call(fallback, depth - 1, is)
		}
		_ => false,
	}
}

/// Runtime upgrades, alone or batched: they make migration polls, which execute as Root.
pub struct GovMigrationCalls;
impl frame_support::traits::Contains<RuntimeCall> for GovMigrationCalls {
	fn contains(call: &RuntimeCall) -> bool {
		gov_any_call(call, GOV_CLASSIFY_DEPTH, &|c| {
			matches!(
				c,
				RuntimeCall::System(
					frame_system::Call::authorize_upgrade { .. }
						| frame_system::Call::authorize_upgrade_without_checks { .. }
						| frame_system::Call::set_code { .. }
						| frame_system::Call::set_code_without_checks { .. }
				)
			)
		})
	}
}

/// Changes to governance itself (Gov's parameters), alone or batched: auth-admin polls.
pub struct GovAuthAdminCalls;
impl frame_support::traits::Contains<RuntimeCall> for GovAuthAdminCalls {
	fn contains(call: &RuntimeCall) -> bool {
		gov_any_call(call, GOV_CLASSIFY_DEPTH, &|c| {
			matches!(c, RuntimeCall::Gov(pallet_mirror_gov::Call::update_config { .. }))
		})
	}
}

/// Governance: MIR staking with shares, polls, votes, tallies and execution. Passed default and
/// auth-admin polls dispatch with `Gov`'s origin, which every Mirror pallet's admin origin accepts
/// ([`MirrorAdmin`]); migration polls with Root. Gov's own parameters change by Root or an
/// auth-admin poll.
impl pallet_mirror_gov::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type AdminOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, pallet_mirror_gov::EnsureGovAuthAdmin>;
	type Currency = Balances;
	type MigrationCalls = GovMigrationCalls;
	type AuthAdminCalls = GovAuthAdminCalls;
	type PalletId = GovPalletId;
	type MaxCallLength = GovMaxCallLength;
	type MaxCallWeight = GovMaxCallWeight;
	type MaxPollsInProgress = GovMaxPollsInProgress;
	type MaxAdminPollsInProgress = GovMaxAdminPollsInProgress;
	type MaxVotesPerStaker = GovMaxVotesPerStaker;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_mirror_gov::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Gov's reward deposit at its worst (every poll in progress shares): added to the
	/// Collector's `distribute`.
	pub GovDepositWeight: Weight =
		<pallet_mirror_gov::weights::SubstrateWeight<Runtime> as pallet_mirror_gov::WeightInfo>::deposit_reward(
			GovMaxAdminPollsInProgress::get(),
		);
}

/// Protocol fees (Mint pays them to this pallet's account) sold for UST, then MIR, on the Amm
/// within an oracle-priced spread bound, and paid to Gov's stakers and voters.
impl pallet_mirror_collector::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Assets = NativeAndAssets;
	type Amm = Amm;
	type Oracle = Oracle;
	type CollateralPrices = CollateralOracle;
	type Gov = super::Gov;
	type GovDepositWeight = GovDepositWeight;
	type PalletId = CollectorPalletId;
	type WeightInfo = pallet_mirror_collector::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mirror_collector::BenchmarkHelper for MintBenchmarkHelper {
	fn setup_market(price: sp_runtime::FixedU128) -> AssetId {
		let asset = AssetId::WithId(9_000);
		Self::ensure_token(&asset);
		<Self as pallet_mirror_mint::BenchmarkHelper<AccountId>>::create_pool(&asset, price);
		asset
	}

	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}
}

parameter_types! {
	/// Derives the community pool's account.
	pub const CommunityPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/comm");
}

/// The community pool: spent by Root or a passed Gov poll, up to a limit the same origins set.
impl pallet_mirror_community::Config for Runtime {
	type SpendOrigin = MirrorAdmin;
	type AdminOrigin = MirrorAdmin;
	type Currency = Balances;
	type PalletId = CommunityPalletId;
	type WeightInfo = pallet_mirror_community::weights::SubstrateWeight<Runtime>;
}
