//! The named genesis presets: `development` (`--dev`) and `local_testnet` (`--chain local`).

use crate::{
	configs::{FactoryPalletId, FeeCollectorAccount, UstMetadata},
	AccountId, AmmConfig, AssetsConfig, BalancesConfig, CollateralOracleConfig, FactoryConfig,
	LpStakingConfig, MintConfig, OracleConfig, RuntimeGenesisConfig, SudoConfig,
	EXISTENTIAL_DEPOSIT, MIR, UNIT, UST_ASSET_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use mirror_primitives::{
	AssetConfig, AssetId, Balance, FixedU128, LocalAssetId, MintParameters, NativeOrWithId,
	PriceSource, StakingParameters, DECIMALS,
};
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

/// The least UST an account may hold (one base unit: UST is sufficient, so holding any keeps an
/// account alive).
pub const UST_MIN_BALANCE: Balance = 1;

/// The mAssets of the test networks until the Factory lists them: `(id, name, symbol, price in
/// UST)`. The price sets the ratio of its genesis pool.
pub const DEV_MASSETS: [(LocalAssetId, &str, &str, Balance); 3] = [
	(2, "Mirrored Apple", "mAAPL", 180),
	(3, "Mirrored Tesla", "mTSLA", 250),
	(4, "Mirrored Alphabet", "mGOOGL", 140),
];

/// mAssets given to every endowed account.
pub const ENDOWMENT_MASSET: Balance = 1_000 * UNIT;

/// mAssets the root key puts into each genesis pool (against their value in UST).
pub const POOL_MASSET: Balance = 10_000 * UNIT;

/// MIR and UST in the genesis MIR-UST pool (1.5 UST per MIR).
pub const POOL_MIR: (Balance, Balance) = (1_000_000 * MIR, 1_500_000 * UNIT);

/// The first id new assets (LP tokens, mAssets) take.
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

/// Mint's parameters on the test networks: mainnet's fee (1.5 %) and price age (60 s), a short
/// lock (120 s) so that end-to-end tests finish in minutes.
pub fn dev_mint_parameters() -> MintParameters {
	MintParameters { lock_period: 120, ..MintParameters::default() }
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
/// account; the dev mAssets ([`DEV_MASSETS`]) with the root key feeding their prices and MIR's;
/// UST (fixed 1) and MIR (oracle, multiplier 1.3333334) as collateral.
fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	let ust = UstMetadata::get();
	let mut assets = vec![(UST_ASSET_ID, root.clone(), true, UST_MIN_BALANCE)];
	let mut metadata = vec![(UST_ASSET_ID, ust.0.to_vec(), ust.1.to_vec(), DECIMALS)];
	let mut fed: Vec<(AssetId, AccountId)> = vec![(NativeOrWithId::Native, root.clone())];
	let mut listed: Vec<(AssetId, AssetConfig<AccountId>)> = Vec::new();
	// Reward pools for MIR and every mAsset, bonding the LP token of their genesis AMM pool.
	let mut staking_pools: Vec<(AssetId, Option<AssetId>)> = vec![(mirror_primitives::MIR, None)];
	// Emission weights: the MIR pool 300, each genesis mAsset 100 (spec §2.8).
	let mut weights: Vec<(AssetId, u32, Option<AccountId>)> =
		vec![(mirror_primitives::MIR, pallet_mirror_factory::MIR_WEIGHT, None)];
	let mut accounts: Vec<(LocalAssetId, AccountId, Balance)> =
		endowed_accounts.iter().cloned().map(|k| (UST_ASSET_ID, k, ENDOWMENT_UST)).collect();
	let mut pools = vec![(
		root.clone(),
		mirror_primitives::MIR,
		POOL_MIR.0,
		mirror_primitives::UST,
		POOL_MIR.1,
	)];
	for (id, name, symbol, price) in DEV_MASSETS {
		assets.push((id, root.clone(), false, 1));
		metadata.push((id, name.as_bytes().to_vec(), symbol.as_bytes().to_vec(), DECIMALS));
		fed.push((NativeOrWithId::WithId(id), root.clone()));
		listed.push((NativeOrWithId::WithId(id), dev_masset_config()));
		staking_pools.push((NativeOrWithId::WithId(id), None));
		weights.push((
			NativeOrWithId::WithId(id),
			pallet_mirror_factory::GENESIS_WEIGHT,
			Some(root.clone()),
		));
		for k in &endowed_accounts {
			let extra = if *k == root { POOL_MASSET } else { 0 };
			accounts.push((id, k.clone(), ENDOWMENT_MASSET + extra));
		}
		pools.push((
			root.clone(),
			NativeOrWithId::WithId(id),
			POOL_MASSET,
			mirror_primitives::UST,
			POOL_MASSET * price,
		));
	}
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT_MIR))
				// The fee collector exists, so fees of any size can be paid to it.
				.chain([(FeeCollectorAccount::get(), EXISTENTIAL_DEPOSIT)])
				// The Factory emits MIR it holds; nothing is minted.
				.chain([(factory_account(), FACTORY_MIR)])
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
			assets,
			metadata,
			accounts,
			next_asset_id: Some(FIRST_NEW_ASSET_ID),
		},
		amm: AmmConfig { pools },
		oracle: OracleConfig { feeders: fed },
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
		mint: MintConfig { assets: listed, parameters: Some(dev_mint_parameters()) },
		lp_staking: LpStakingConfig {
			pools: staking_pools,
			parameters: Some(dev_staking_parameters()),
		},
		factory: FactoryConfig { listings: weights, parameters: Some(dev_factory_parameters()) },
	})
}

/// The `development` preset: Alice is the sole validator and the sudo key; Alice to Ferdie hold MIR
/// and UST.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate; Alice is the sudo key; Alice to
/// Ferdie hold MIR and UST.
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
	)
}

/// The JSON of the named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
