//! The named genesis presets: `development` (`--dev`) and `local_testnet` (`--chain local`), the
//! test networks; `production` (`--chain production`), the base of a live chain's spec (no sudo,
//! mainnet parameters, placeholders an operator replaces: see docs/deploy.md).

use crate::{
	configs::{FactoryPalletId, GovPalletId, UstMetadata},
	AccountId, AmmConfig, AssetsConfig, BalancesConfig, CollateralOracleConfig, CommunityConfig,
	FactoryConfig, GovConfig, LpStakingConfig, MintConfig, OracleConfig, RuntimeGenesisConfig,
	SudoConfig, MIR, UNIT, UST_ASSET_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use mirror_primitives::{
	AssetConfig, AssetId, Balance, FactoryParameters, FixedU128, GovParameters, LocalAssetId,
	MintParameters, PriceSource, StakingParameters, WhitelistParams, DECIMALS,
};
use pallet_mirror_factory::GenesisListing;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::traits::AccountIdConversion;

/// MIR given to every endowed account: ten million.
pub const ENDOWMENT_MIR: Balance = 10_000_000 * MIR;

/// UST given to every endowed account: ten million.
pub const ENDOWMENT_UST: Balance = 10_000_000 * UNIT;

/// The dev feeder's account: the sr25519 key `//Feeder` (the dev seed's hard derivation), which
/// `make run`'s mirror-feeder signs with. It feeds every dev mAsset and MIR on the test networks,
/// so the dev accounts (Alice..Ferdie) stay free for people. A constant rather than a derivation,
/// so the runtime carries no key derivation; `runtime/tests/foundation.rs` checks it.
pub const DEV_FEEDER: [u8; 32] = [
	0xda, 0xfa, 0xd5, 0xff, 0x18, 0x91, 0xb7, 0x65, 0x60, 0x2c, 0xcb, 0xc2, 0x0d, 0x9f, 0x87, 0x6d,
	0xb4, 0x95, 0xf1, 0xea, 0x35, 0xc6, 0xf6, 0x87, 0xc1, 0xf3, 0x48, 0x57, 0xe1, 0x35, 0x63, 0x12,
];

/// The dev feeder's MIR: feeds are free, so this pays only for what else it might sign.
pub const DEV_FEEDER_MIR: Balance = 10_000 * MIR;

/// The dev feeder's account id.
pub fn dev_feeder() -> AccountId {
	AccountId::from(DEV_FEEDER)
}

/// The least UST an account may hold (one base unit: UST is sufficient, so holding any keeps an
/// account alive).
pub const UST_MIN_BALANCE: Balance = 1;

/// The mAssets of the test networks, listed at genesis through the Factory's `whitelist` code
/// path in this order: `(id, name, symbol without the m, price in UST)`. The price sets the ratio
/// of its genesis pool. Ids follow the allocation: the MIR-UST LP token takes
/// [`FIRST_NEW_ASSET_ID`], then each mAsset and its UST pool's LP token the next two.
pub const DEV_MASSETS: [(LocalAssetId, &str, &str, Balance); 3] = [
	(FIRST_NEW_ASSET_ID + 1, "Mirrored Apple", "AAPL", 180),
	(FIRST_NEW_ASSET_ID + 3, "Mirrored Tesla", "TSLA", 250),
	(FIRST_NEW_ASSET_ID + 5, "Mirrored Alphabet", "GOOGL", 140),
];

/// mAssets given to every endowed account.
pub const ENDOWMENT_MASSET: Balance = 1_000 * UNIT;

/// mAssets the root key puts into each genesis pool (against their value in UST).
pub const POOL_MASSET: Balance = 10_000 * UNIT;

/// MIR and UST in the genesis MIR-UST pool (1.5 UST per MIR).
pub const POOL_MIR: (Balance, Balance) = (1_000_000 * MIR, 1_500_000 * UNIT);

/// The first id new assets (LP tokens, mAssets) take; ids below it are for genesis tokens (UST).
pub const FIRST_NEW_ASSET_ID: LocalAssetId = 100;

/// The multiplier of volatile collateral such as MIR: 1.3333334 (spec §2.4).
pub fn volatile_multiplier() -> FixedU128 {
	FixedU128::from_rational(13_333_334, 10_000_000)
}

/// How the test networks list their mAssets in Mint: MCR 150 %, auction discount 20 % (the
/// original's genesis assets).
pub fn dev_masset_config() -> AssetConfig<AccountId> {
	AssetConfig {
		auction_discount: FixedU128::from_rational(1, 5),
		min_collateral_ratio: FixedU128::from_rational(3, 2),
		end_price: None,
		ipo_params: None,
	}
}

/// Mint's parameters on the test networks: mainnet's fee (1.5 %), price age (60 s), close factor
/// (50 %) and full-liquidation ratio (95 %); a short lock (120 s) and a short grace period for
/// risk raises (120 s) so that end-to-end tests finish in minutes; 1 UST of least debt (mainnet:
/// 10) so that small test positions stay possible.
pub fn dev_mint_parameters() -> MintParameters {
	MintParameters {
		lock_period: 120,
		risk_change_delay: 120,
		min_debt_value: mirror_primitives::UNIT,
		..MintParameters::default()
	}
}

/// LpStaking's parameters on the test networks: mainnet's short-reward curve, premium adjustable
/// every 60 s (mainnet: 3,600 s).
pub fn dev_staking_parameters() -> StakingParameters {
	StakingParameters { premium_min_update_interval: 60, ..StakingParameters::default() }
}

/// MIR the Factory holds at genesis to emit: the four-year schedule's 102,937,500 MIR and a
/// margin for pair-creation fees.
pub const FACTORY_MIR: Balance = 103_000_000 * MIR;

/// The Factory's emission on the test networks: mainnet's four years (54.9M, 27.45M, 13.725M,
/// 6.8625M MIR), starting at genesis instead of six hours after, so that `distribute` pays at
/// once; distribution every 60 s as on mainnet.
pub fn dev_factory_parameters() -> mirror_primitives::FactoryParameters {
	let mut parameters = mirror_primitives::FactoryParameters::default();
	if let Some(first) = parameters.distribution_schedule.get_mut(0) {
		first.start = 0;
	}
	parameters
}

/// Gov's parameters on the test networks: mainnet's deposits, quorums and thresholds (spec §2.9),
/// with periods short enough for a poll to run in a minute: voting 30 s, effective delay 6 s,
/// snapshot period 10 s.
pub fn dev_gov_parameters() -> GovParameters {
	let mut parameters =
		GovParameters { effective_delay: 6, snapshot_period: 10, ..GovParameters::default() };
	for config in [
		&mut parameters.default_poll,
		&mut parameters.auth_admin_poll,
		&mut parameters.migration_poll,
	] {
		config.voting_period = 30;
	}
	parameters
}

/// The community pool at genesis: the original's 36.6M MIR.
pub const COMMUNITY_MIR: Balance = 36_600_000 * MIR;

/// The most one community spend may pay on the test networks: 100,000 MIR.
pub const COMMUNITY_SPEND_LIMIT: Balance = 100_000 * MIR;

/// The Factory's account.
pub fn factory_account() -> AccountId {
	FactoryPalletId::get().into_account_truncating()
}

/// The dev accounts funded in both presets.
pub fn dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

fn authority_keys(keyring: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(keyring.public().into(), grandpa.public().into())
}

/// The genesis of a Mirror test network: the given validators, endowed accounts and root key; UST
/// created at id [`UST_ASSET_ID`] (owned by the root key, 6 decimals) and given to every endowed
/// account; the MIR-UST pool; the dev mAssets ([`DEV_MASSETS`]) listed by the Factory with
/// `feeder` feeding their prices and MIR's (and holding [`DEV_FEEDER_MIR`]); UST (fixed 1) and MIR
/// (oracle, multiplier 1.3333334) as collateral.
fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	feeder: AccountId,
) -> Value {
	let ust = UstMetadata::get();
	// Emission weights: the MIR pool 300 here, each genesis mAsset 100 through its listing
	// (spec §2.8).
	let mir_listing: Vec<(AssetId, u32, Option<AccountId>)> =
		vec![(mirror_primitives::MIR, pallet_mirror_factory::MIR_WEIGHT, None)];
	// Each dev mAsset: listed as `whitelist` lists (token, Mint config, feeder, UST pool, reward
	// pool, weight), then endowed and its pool seeded by the root key.
	let whitelist: Vec<GenesisListing<AccountId>> = DEV_MASSETS
		.iter()
		.map(|(_, name, symbol, price)| GenesisListing {
			name: name.as_bytes().to_vec(),
			symbol: symbol.as_bytes().to_vec(),
			oracle_feeder: feeder.clone(),
			params: WhitelistParams {
				weight: Some(pallet_mirror_factory::GENESIS_WEIGHT),
				auction_discount: dev_masset_config().auction_discount,
				min_collateral_ratio: dev_masset_config().min_collateral_ratio,
				ipo_params: None,
			},
			endowments: endowed_accounts
				.iter()
				.map(|k| (k.clone(), ENDOWMENT_MASSET + if *k == root { POOL_MASSET } else { 0 }))
				.collect(),
			liquidity: Some((root.clone(), POOL_MASSET, POOL_MASSET * price)),
		})
		.collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT_MIR))
				// The Factory emits MIR it holds; nothing is minted.
				.chain([(factory_account(), FACTORY_MIR), (feeder.clone(), DEV_FEEDER_MIR)])
				.collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root.clone()) },
		assets: AssetsConfig {
			assets: vec![(UST_ASSET_ID, root.clone(), true, UST_MIN_BALANCE)],
			metadata: vec![(UST_ASSET_ID, ust.0.to_vec(), ust.1.to_vec(), DECIMALS)],
			accounts: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (UST_ASSET_ID, k, ENDOWMENT_UST))
				.collect::<Vec<_>>(),
			next_asset_id: Some(FIRST_NEW_ASSET_ID),
		},
		amm: AmmConfig {
			pools: vec![(
				root.clone(),
				mirror_primitives::MIR,
				POOL_MIR.0,
				mirror_primitives::UST,
				POOL_MIR.1,
			)],
		},
		oracle: OracleConfig { feeders: vec![(mirror_primitives::MIR, feeder)] },
		collateral_oracle: CollateralOracleConfig {
			collaterals: vec![
				(
					mirror_primitives::UST,
					PriceSource::Fixed(FixedU128::from_u32(1)),
					FixedU128::from_u32(1)
				),
				(mirror_primitives::MIR, PriceSource::Oracle, volatile_multiplier()),
			],
		},
		mint: MintConfig { parameters: Some(dev_mint_parameters()) },
		// The MIR pool bonds the MIR-UST LP token; the mAssets' pools come with their listing.
		lp_staking: LpStakingConfig {
			pools: vec![(mirror_primitives::MIR, None::<AssetId>)],
			parameters: Some(dev_staking_parameters()),
		},
		factory: FactoryConfig {
			listings: mir_listing,
			whitelist,
			parameters: Some(dev_factory_parameters()),
		},
		gov: GovConfig { parameters: Some(dev_gov_parameters()) },
		community: CommunityConfig {
			spend_limit: Some(COMMUNITY_SPEND_LIMIT),
			fund: COMMUNITY_MIR
		},
	})
}

/// The `development` preset: Alice is the sole validator and the sudo key; Alice to Ferdie hold MIR
/// and UST; the dev feeder ([`DEV_FEEDER`], `//Feeder`) feeds the prices.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		dev_feeder(),
	)
}

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate; Alice is the sudo key; Alice to
/// Ferdie hold MIR and UST; the dev feeder ([`DEV_FEEDER`], `//Feeder`) feeds the prices.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		dev_feeder(),
	)
}

/// The name of the production preset (`--chain production`).
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// The MIR the production genesis gives its launch holder (a placeholder account, replaced in the
/// exported spec by the launch's real distribution): enough for the first stakers to stake, make
/// polls and pay fees, ten million.
pub const PRODUCTION_LAUNCH_MIR: Balance = 10_000_000 * MIR;

/// The most one community spend may pay on the production chain: the 50,000,000 MIR of the
/// original's deployment script (the spec's only figure).
pub const PRODUCTION_COMMUNITY_SPEND_LIMIT: Balance = 50_000_000 * MIR;

/// Gov's account: it owns UST on the production chain, so only governance can mint or manage it.
pub fn gov_account() -> AccountId {
	GovPalletId::get().into_account_truncating()
}

/// The placeholder validator of the production preset (the well-known `One` keys): an operator
/// replaces it in the exported spec with the real validators' Aura (sr25519) and GRANDPA
/// (ed25519) keys.
pub fn production_placeholder_validator() -> (AuraId, GrandpaId) {
	authority_keys(Sr25519Keyring::One, Ed25519Keyring::One)
}

/// The placeholder launch holder of the production preset (the well-known `Two` account): an
/// operator replaces it with the launch's distribution.
pub fn production_placeholder_holder() -> AccountId {
	Sr25519Keyring::Two.to_account_id()
}

/// The `production` preset: a chain people put money on.
///
/// - **No sudo key.** Every Mirror admin call takes `MirrorAdmin` (Root or a passed Gov poll), and
///   Root is reached only by a passed migration poll: Gov's origin is the only admin.
/// - **Mainnet parameters** (spec §2): Mint's 14-day lock, Gov's 7-day polls, LpStaking's hourly
///   premium, the Factory's four-year emission starting six hours after the first block.
/// - **MIR**: the Factory holds the emission ([`FACTORY_MIR`]), the community pool its 36.6M
///   ([`COMMUNITY_MIR`]), the launch holder [`PRODUCTION_LAUNCH_MIR`]; nothing else exists.
/// - **UST** exists (id [`UST_ASSET_ID`], 6 decimals) owned by Gov's account, with no supply;
///   mAssets and LP tokens are created and owned by the pallets, as on every network. UST (fixed
///   price 1) and MIR (oracle, multiplier 1.3333334) are registered collateral; no asset is listed
///   and no feeder registered: governance lists the first mAssets and the MIR-UST pool.
/// - **Placeholders**: one validator ([`production_placeholder_validator`]) and one launch holder
///   ([`production_placeholder_holder`]), replaced in the exported JSON.
pub fn production_config_genesis() -> Value {
	let ust = UstMetadata::get();
	let (aura, grandpa) = production_placeholder_validator();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: vec![
				(factory_account(), FACTORY_MIR),
				(production_placeholder_holder(), PRODUCTION_LAUNCH_MIR),
			],
		},
		aura: pallet_aura::GenesisConfig { authorities: vec![aura] },
		grandpa: pallet_grandpa::GenesisConfig { authorities: vec![(grandpa, 1)] },
		sudo: SudoConfig { key: None },
		assets: AssetsConfig {
			assets: vec![(UST_ASSET_ID, gov_account(), true, UST_MIN_BALANCE)],
			metadata: vec![(UST_ASSET_ID, ust.0.to_vec(), ust.1.to_vec(), DECIMALS)],
			next_asset_id: Some(FIRST_NEW_ASSET_ID),
		},
		collateral_oracle: CollateralOracleConfig {
			collaterals: vec![
				(
					mirror_primitives::UST,
					PriceSource::Fixed(FixedU128::from_u32(1)),
					FixedU128::from_u32(1)
				),
				(mirror_primitives::MIR, PriceSource::Oracle, volatile_multiplier()),
			],
		},
		mint: MintConfig { parameters: Some(MintParameters::default()) },
		lp_staking: LpStakingConfig { parameters: Some(StakingParameters::default()) },
		factory: FactoryConfig { parameters: Some(FactoryParameters::default()) },
		gov: GovConfig { parameters: Some(GovParameters::default()) },
		community: CommunityConfig {
			spend_limit: Some(PRODUCTION_COMMUNITY_SPEND_LIMIT),
			fund: COMMUNITY_MIR
		},
	})
}

/// The JSON of the named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}
