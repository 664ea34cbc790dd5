//! The chain specs the node exports: genesis comes from the runtime presets, token properties
//! are set, and only `--dev` has a sudo key.

use std::process::Command;

fn export(chain: &str) -> serde_json::Value {
	let out = Command::new(env!("CARGO_BIN_EXE_polity-node"))
		.args(["export-chain-spec", "--chain", chain])
		.output()
		.expect("polity-node runs");
	assert!(
		out.status.success(),
		"export-chain-spec failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	serde_json::from_slice(&out.stdout).expect("the chain spec is JSON")
}

#[test]
fn local_testnet_has_four_validators_and_no_sudo_key() {
	let spec = export("local");
	assert_eq!(spec["id"], "polity_local");
	assert_eq!(spec["chainType"], "Local");
	assert_eq!(spec["properties"]["tokenSymbol"], "POL");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 7013);
	// The runtime's `local_testnet` preset, as a patch over the default genesis config.
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	// Validators are the session's genesis keys; Aura and GRANDPA take them from there.
	assert_eq!(patch["session"]["keys"].as_array().map(Vec::len), Some(4));
	assert_eq!(patch["regulatoryNodes"]["validators"].as_array().map(Vec::len), Some(4));
	assert_eq!(patch["regulatoryNodes"]["minValidators"], 3);
	// Four validators' nodes and the regulators' supervision node are licensed.
	assert_eq!(patch["nodeAuthorization"]["nodes"].as_array().map(Vec::len), Some(5));
	assert!(patch["sudo"]["key"].is_null(), "no sudo key in the local testnet");
	let scopes = patch["stakeholderVoting"]["scopes"].as_array().expect("voting scopes seeded");
	assert_eq!(scopes.len(), 2, "a chain-wide and a local scope");
	// The same, as the raw storage the runtime builds from it.
	let raw = Command::new(env!("CARGO_BIN_EXE_polity-node"))
		.args(["export-chain-spec", "--chain", "local", "--raw"])
		.output()
		.expect("polity-node runs");
	assert!(raw.status.success());
	let raw: serde_json::Value = serde_json::from_slice(&raw.stdout).expect("raw spec is JSON");
	let top = raw["genesis"]["raw"]["top"].as_object().expect("raw genesis storage");
	// twox128("Sudo") ++ twox128("Key"): absent when no sudo key is set.
	let sudo_key = "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b";
	assert!(!top.contains_key(sudo_key), "no sudo key in the local testnet");
	// twox128("Aura") ++ twox128("Authorities"): four sr25519 keys, SCALE-compact length 4 (0x10).
	let aura = "0x57f8dc2f5ab09467896f47300f0424385e0621c4869aa60c02be9adcc98a0d1d";
	let authorities = top.get(aura).and_then(|v| v.as_str()).expect("aura authorities set");
	assert!(authorities.starts_with("0x10"), "four aura authorities, got {authorities}");
}

#[test]
fn development_chain_has_a_sudo_key() {
	let spec = export("dev");
	assert_eq!(spec["id"], "polity_dev");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["session"]["keys"].as_array().map(Vec::len), Some(1));
	assert!(patch["sudo"]["key"].is_string(), "Alice is sudo on --dev");
	let raw = Command::new(env!("CARGO_BIN_EXE_polity-node"))
		.args(["export-chain-spec", "--chain", "dev", "--raw"])
		.output()
		.expect("polity-node runs");
	let raw: serde_json::Value = serde_json::from_slice(&raw.stdout).expect("raw spec is JSON");
	let sudo_key = "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b";
	assert!(raw["genesis"]["raw"]["top"].get(sudo_key).is_some(), "Alice is sudo on --dev");
}
