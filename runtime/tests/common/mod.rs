//! What the runtime's integration tests share: chains built from the runtime's own presets.

// Each test file uses some of these, not all.
#![allow(dead_code)]

use polity_runtime::{genesis_config_presets, System};
use polkadot_sdk::{sp_io::TestExternalities, sp_runtime::BuildStorage};

/// The chain of genesis preset `preset`, at block 1.
pub fn chain(preset: &str) -> TestExternalities {
	let config = genesis_config_presets::preset_config(&preset.into()).unwrap();
	let mut ext: TestExternalities = config.build_storage().unwrap().into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The `--dev` chain at block 1.
pub fn dev_chain() -> TestExternalities {
	chain("development")
}
