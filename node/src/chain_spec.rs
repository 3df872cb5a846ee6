//! The built-in chain specifications.

use mirror_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// A chain specification of this node: genesis comes from the runtime's named presets.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The properties every client reads: MIR with 6 decimals, generic SS58 addresses.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "MIR".into());
	properties.insert("tokenDecimals".into(), mirror_runtime::DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm binary is not available: build without SKIP_WASM_BUILD".to_string()
	})
}

/// `--dev`: one validator (Alice), funded dev accounts.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Mirror Development")
		.with_id("mirror_dev")
		.with_protocol_id("mirror")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: four validators (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Mirror Local Testnet")
		.with_id("mirror_local_testnet")
		.with_protocol_id("mirror")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain production`: the base of a live chain's spec. No sudo key, mainnet parameters, and
/// placeholders (one validator, one launch holder) that an operator replaces in the exported
/// JSON before starting the chain (docs/deploy.md).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Mirror")
		.with_id("mirror")
		.with_protocol_id("mirror")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_preset_name(
			mirror_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}
