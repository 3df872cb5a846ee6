//! The named genesis presets: `development` (`--dev`) and `local_testnet` (`--chain local`).

use crate::{
	configs::UstMetadata, AccountId, AssetsConfig, BalancesConfig, CollateralOracleConfig,
	OracleConfig, RuntimeGenesisConfig, SudoConfig, MIR, UNIT, UST_ASSET_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use mirror_primitives::{
	AssetId, Balance, FixedU128, LocalAssetId, NativeOrWithId, PriceSource, DECIMALS,
};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// MIR given to every endowed account: ten million.
pub const ENDOWMENT_MIR: Balance = 10_000_000 * MIR;

/// UST given to every endowed account: ten million.
pub const ENDOWMENT_UST: Balance = 10_000_000 * UNIT;

/// The least UST an account may hold (one base unit: UST is sufficient, so holding any keeps an
/// account alive).
pub const UST_MIN_BALANCE: Balance = 1;

/// The mAssets of the test networks until the Factory lists them: `(id, name, symbol)`.
pub const DEV_MASSETS: [(LocalAssetId, &str, &str); 3] = [
	(2, "Mirrored Apple", "mAAPL"),
	(3, "Mirrored Tesla", "mTSLA"),
	(4, "Mirrored Alphabet", "mGOOGL"),
];

/// The multiplier of volatile collateral such as MIR: 1.3333334 (spec §2.4).
pub fn volatile_multiplier() -> FixedU128 {
	FixedU128::from_rational(13_333_334, 10_000_000)
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
	for (id, name, symbol) in DEV_MASSETS {
		assets.push((id, root.clone(), false, 1));
		metadata.push((id, name.as_bytes().to_vec(), symbol.as_bytes().to_vec(), DECIMALS));
		fed.push((NativeOrWithId::WithId(id), root.clone()));
	}
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT_MIR))
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
			accounts: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (UST_ASSET_ID, k, ENDOWMENT_UST))
				.collect::<Vec<_>>(),
		},
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
