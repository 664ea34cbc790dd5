//! Builds two wasm blobs of this runtime from the same wasm project (only this crate is compiled
//! twice; every dependency is shared):
//! - `wasm_binary.rs` / `polity_runtime.compact.compressed.wasm`: the runtime every chain but
//!   `--dev` runs — no `pallet-sudo`;
//! - `wasm_binary_dev.rs` / `wasm_binary_dev.rs.compact.compressed.wasm`: the `--dev` runtime,
//!   with the cargo feature `dev`.

fn main() {
	// The target dir lives outside the clone ($HOME/.cache/polity/target), where the wasm builder
	// cannot find the workspace's Cargo.lock by itself; point it at the workspace. Set here, not
	// for the whole build, so other crates' wasm builds keep their own defaults.
	#[cfg(feature = "std")]
	{
		std::env::set_var(
			"WASM_BUILD_WORKSPACE_HINT",
			std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
		);
		build(true);
		// The native build may have `dev` on (the node's native types are the superset); the
		// wasm builder forwards every enabled feature, so hide it from the production build.
		std::env::remove_var("CARGO_FEATURE_DEV");
		// Built last: `scripts/build-next-runtime.sh` starts from the wasm project as it is left.
		build(false);
	}
}

#[cfg(feature = "std")]
fn build(dev: bool) {
	let mut builder = substrate_wasm_builder::WasmBuilder::init_with_defaults();
	if dev {
		builder = builder.enable_feature("dev").set_file_name("wasm_binary_dev.rs");
	}
	#[cfg(feature = "metadata-hash")]
	{
		builder = builder.enable_metadata_hash("POL", 12);
	}
	builder.build();
}
