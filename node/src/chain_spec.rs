//! Chain specifications. Genesis state comes only from the runtime's presets; this file adds what
//! the node needs around it: name, id, chain type and the token's properties.

use polity_runtime::{dev_wasm, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use polkadot_sdk::{
	sc_service::{ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	*,
};

/// A Polity chain spec: no client extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Symbol, decimals and SS58 prefix, so wallets and Polkadot.js show balances in POL.
pub fn token_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm(blob: Option<&'static [u8]>) -> Result<&'static [u8], String> {
	blob.ok_or_else(|| {
		"The runtime's wasm binary is not available; rebuild without SKIP_WASM_BUILD".to_string()
	})
}

/// `--dev`: a single-validator chain for development. The only chain whose runtime has
/// `pallet-sudo` (the `--dev` runtime, built with the runtime's cargo feature `dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm(dev_wasm::WASM_BINARY)?, None)
		.with_name("Polity Development")
		.with_id("polity_dev")
		.with_protocol_id("polity")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(token_properties())
		.build())
}

/// `--chain local`: a four-validator local testnet; its runtime has no sudo pallet.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm(WASM_BINARY)?, None)
		.with_name("Polity Local Testnet")
		.with_id("polity_local")
		.with_protocol_id("polity")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(token_properties())
		.build())
}
