/// Builds the runtime's wasm with the metadata hash (`RUNTIME_METADATA_HASH`) that
/// `CheckMetadataHash` compares in mode 1: MIR, 6 decimals, as the chain spec's properties say.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MIR", 6)
		.build();
}

/// Builds the runtime's wasm without the metadata hash (mode-1 transactions are refused).
#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is off when this crate is itself compiled to wasm.
#[cfg(not(feature = "std"))]
fn main() {}
