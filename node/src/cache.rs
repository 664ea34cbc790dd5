//! What a node start would otherwise compute again every time: the raw genesis of a built-in
//! chain (`--dev`, `--chain local`) and the runtime's compiled machine code.
//!
//! A built-in chain's genesis comes from a runtime preset, which the node must compile the
//! runtime to evaluate; the client then compiles the same runtime again to run it. On a 2-core
//! machine each compilation takes seconds, and several nodes starting at once take each other's
//! cores. Both results depend only on their inputs, so they are kept under the cache directory:
//! `$POLITY_CACHE_DIR`, else `$XDG_CACHE_HOME/polity`, else `$HOME/.cache/polity`. When none can
//! be written the node computes as before; `POLITY_CACHE_DIR=off` turns the cache off.

use crate::chain_spec::ChainSpec;
use polkadot_sdk::sp_io::hashing::blake2_256;
use std::{
	fs,
	path::{Path, PathBuf},
	sync::atomic::{AtomicBool, Ordering},
};

/// Whether the running command may use the cached raw genesis. Only a running node does:
/// `build-spec` and `export-chain-spec` print a built-in chain's spec as the preset makes it.
static RAW_GENESIS: AtomicBool = AtomicBool::new(false);

/// Lets `load_spec` hand the running node a cached raw genesis.
pub fn use_raw_genesis() {
	RAW_GENESIS.store(true, Ordering::Relaxed);
}

/// The cache directory `sub` inside Polity's cache, created if missing.
pub fn dir(sub: &str) -> Option<PathBuf> {
	let root = match std::env::var_os("POLITY_CACHE_DIR") {
		Some(v) if v == "off" => return None,
		Some(v) if !v.is_empty() => PathBuf::from(v),
		_ => match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
			Some(xdg) => PathBuf::from(xdg).join("polity"),
			None => PathBuf::from(std::env::var_os("HOME")?).join(".cache").join("polity"),
		},
	};
	let dir = root.join(sub);
	fs::create_dir_all(&dir).ok()?;
	Some(dir)
}

/// `spec` with its genesis storage built once per spec content and then read from the cache.
///
/// The key is the BLAKE2-256 of the spec as written (runtime code, preset, name, id, properties
/// …), so a changed runtime or spec never meets an old genesis.
pub fn with_cached_genesis(spec: ChainSpec) -> Result<ChainSpec, String> {
	if !RAW_GENESIS.load(Ordering::Relaxed) {
		return Ok(spec);
	}
	let Some(dir) = dir("chain-specs") else { return Ok(spec) };
	let plain = spec.as_json(false)?;
	let key = blake2_256(plain.as_bytes());
	let file = dir.join(format!("{}-{}.json", spec.id(), hex(&key[..12])));
	if let Ok(cached) = ChainSpec::from_json_file(file.clone()) {
		return Ok(cached);
	}
	let raw = spec.as_json(true)?;
	// Written aside and renamed: nodes starting at once never read a half-written file.
	let _ = write_atomically(&file, raw.as_bytes());
	ChainSpec::from_json_bytes(raw.into_bytes())
}

fn write_atomically(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
	let tmp = file.with_extension(format!("tmp.{}", std::process::id()));
	fs::write(&tmp, bytes)?;
	fs::rename(&tmp, file).inspect_err(|_| {
		let _ = fs::remove_file(&tmp);
	})
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
