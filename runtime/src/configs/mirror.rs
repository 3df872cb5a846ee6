//! The Mirror pallets: Oracle, CollateralOracle, Amm, Mint, LpStaking, Factory, Collector and
//! Community, each wired to the others only through the traits in `mirror-primitives`.

use super::*;
use frame_support::traits::{fungible::HoldConsideration, LinearStoragePrice};

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
	type UnixTime = ChainTime;
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
	type BenchmarkHelper = MirrorBenchmarkHelper;
}

/// The collateral registry; time-weighted prices from the Amm; a raised multiplier waits Mint's
/// `risk_change_delay`.
impl pallet_mirror_collateral_oracle::Config for Runtime {
	type AdminOrigin = MirrorAdmin;
	type Oracle = Oracle;
	type Twap = Amm;
	type Assets = mirror_primitives::ExistsInFungibles<NativeAndAssets, AccountId>;
	type UnixTime = ChainTime;
	type RiskChangeDelay = pallet_mirror_mint::RiskChangeDelay<Runtime>;
	type WeightInfo = pallet_mirror_collateral_oracle::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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
	type AssetSymbols = AssetSymbols;
	type AssetIdAllocator = NextAssetId;
	type PalletId = AmmPalletId;
	type Commission = AmmCommission;
	type MinimumLiquidity = AmmMinimumLiquidity;
	type PairCreationFee = AmmPairCreationFee;
	type MaxSwapPathLength = AmmMaxSwapPathLength;
	type ObservationPeriod = AmmObservationPeriod;
	type MaxObservations = AmmMaxObservations;
	type UnixTime = ChainTime;
	type WeightInfo = pallet_mirror_amm::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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
	type UnixTime = ChainTime;
	type WeightInfo = pallet_mirror_mint::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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

parameter_types! {
	/// Derives the account holding bonded LP tokens and undistributed MIR rewards.
	pub const LpStakingPalletId: frame_support::PalletId = frame_support::PalletId(*b"mir/stak");
	/// Reward pools: one per mAsset ever listed (a delisted asset keeps its pool for its stakers)
	/// and one for MIR; twice the Factory's bound on listed assets.
	pub const LpStakingMaxPools: u32 = 128;
	/// Assets one `adjust_premium` may name.
	pub const LpStakingMaxPremiumAssets: u32 = 16;
	/// The hold a stake record's deposit sits under.
	pub const LpStakingDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::LpStaking(pallet_mirror_lp_staking::HoldReason::StakeDeposit);
}

/// What a stake record (an LP or sLP bond of one asset) holds while it exists: 0.1 MIR plus
/// 0.001 MIR per byte of its footprint (its key and value, 91 bytes), about 0.191 MIR in all
/// (docs/parameters.md, "Storage deposits").
pub type StakeRecordDeposit =
	LinearStoragePrice<ConstU128<{ MIR / 10 }>, ConstU128<{ MIR / 1_000 }>, Balance>;

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
	type UnixTime = ChainTime;
	type Consideration =
		HoldConsideration<AccountId, Balances, LpStakingDepositReason, StakeRecordDeposit>;
	type WeightInfo = pallet_mirror_lp_staking::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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
	type LpStaking = LpStaking;
	type PalletId = FactoryPalletId;
	type MaxAssets = FactoryMaxAssets;
	type MaxNameLength = FactoryMaxNameLength;
	type MaxSymbolLength = FactoryMaxSymbolLength;
	type UnixTime = ChainTime;
	type WeightInfo = pallet_mirror_factory::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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
	type Gov = crate::Gov;
	type GovDepositWeight = GovDepositWeight;
	type PalletId = CollectorPalletId;
	type WeightInfo = pallet_mirror_collector::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MirrorBenchmarkHelper;
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
