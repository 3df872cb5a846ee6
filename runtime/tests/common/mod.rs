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

/// The dev feeder's key, `//Feeder`: it feeds every dev mAsset and MIR.
pub fn feeder_pair() -> sp_core::sr25519::Pair {
	use sp_core::Pair as _;
	sp_core::sr25519::Pair::from_string("//Feeder", None).expect("a valid derivation")
}

/// The dev feeder's account.
pub fn feeder() -> AccountId {
	genesis_config_presets::dev_feeder()
}

/// `call` signed by `who` with `nonce`, immortal, as a wallet would send it.
pub fn signed(
	who: &sp_core::sr25519::Pair,
	call: mirror_runtime::RuntimeCall,
	nonce: u32,
) -> mirror_runtime::UncheckedExtrinsic {
	let extension: mirror_runtime::TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		mirror_runtime::CheckFeed::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let payload =
		mirror_runtime::SignedPayload::new(call.clone(), extension.clone()).expect("a payload");
	let signature = codec::Encode::using_encoded(&payload, |bytes| sp_core::Pair::sign(who, bytes));
	mirror_runtime::UncheckedExtrinsic::new_signed(
		call,
		mirror_runtime::AccountId::from(sp_core::Pair::public(who)).into(),
		sp_runtime::MultiSignature::Sr25519(signature),
		extension,
	)
}
