fn main() {
	// The target dir lives outside the clone ($HOME/.cache/polity/target), where the wasm builder
	// cannot find the workspace's Cargo.lock by itself; point it at the workspace. Set here, not
	// for the whole build, so other crates' wasm builds keep their own defaults.
	#[cfg(feature = "std")]
	std::env::set_var(
		"WASM_BUILD_WORKSPACE_HINT",
		std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
	);

	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();

	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("POL", 12)
		.build();
}
