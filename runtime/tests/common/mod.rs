//! Helpers shared by the runtime's integration tests.
#![allow(dead_code)]

use mirror_runtime::{
	genesis_config_presets, AccountId, BuildStorage, RuntimeGenesisConfig, System,
};
use sp_keyring::Sr25519Keyring;

/// Merges a genesis patch into a full genesis JSON, as the node does with a preset.
pub fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// The storage of the named genesis preset.
pub fn preset_storage(name: &str) -> sp_runtime::Storage {
	let patch = genesis_config_presets::get_preset(&name.into())
		.unwrap_or_else(|| panic!("preset {name} exists"));
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serialises");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the preset is a valid genesis config");
	config.build_storage().expect("the preset builds")
}

/// The genesis time of the tests, in seconds.
pub const GENESIS_SECS: u64 = 1_700_000_000;

/// Externalities with the `development` preset at block 1 and [`GENESIS_SECS`].
pub fn dev_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(preset_storage("development"));
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(GENESIS_SECS);
	});
	ext
}

/// Sets the clock to `secs` seconds.
pub fn set_time(secs: u64) {
	pallet_timestamp::Now::<mirror_runtime::Runtime>::put(secs * 1_000);
}

/// The next block, `secs` seconds later.
pub fn advance(secs: u64) {
	System::set_block_number(System::block_number() + 1);
	set_time(pallet_timestamp::Now::<mirror_runtime::Runtime>::get() / 1_000 + secs);
}

/// A dev account.
pub fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}
