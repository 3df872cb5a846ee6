/// Builds the runtime's wasm with the metadata hash (`RUNTIME_METADATA_HASH`) that
/// `CheckMetadataHash` compares in mode 1: MIR, 6 decimals, as the chain spec's properties say.
#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MIR", 6)
		.build();
}

/// The wasm builder is off when this crate is itself compiled to wasm.
#[cfg(not(feature = "std"))]
fn main() {}
