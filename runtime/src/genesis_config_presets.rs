//! Genesis presets: the only place Polity's genesis state is written.
//!
//! - `development` (`--dev`): Alice alone authors and finalizes, dev accounts are funded, and —
//!   in the `--dev` runtime (feature `dev`), the only one with `pallet-sudo` — Alice holds the
//!   sudo key so a developer can try anything at once.
//! - `local_testnet` (`--chain local`): Alice, Bob, Charlie and Dave validate; its runtime has
//!   **no sudo pallet**, so nothing can act as root except what governance grants.
//!
//! Both license the same five nodes (`--node-key 00…01` to `00…05`): the four validators' and
//! the regulators' supervision node. Alice (and Bob) regulate with a threshold of two.

use crate::{
	AccountId, BalancesConfig, BlockNumber, NodeAuthorizationConfig, RegulatoryNodesConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, StakeholderVotingConfig, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use pallet_stakeholder_voting::{Safeguards, Sector, VotingRule, Weighting, CHAIN_WIDE_SCOPE};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::OpaquePeerId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_runtime::Perbill,
};
use serde_json::Value;

/// What each pre-funded account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// A validator: its account and consensus keys.
pub struct Authority {
	/// The validator's account, which registers the keys.
	pub account: AccountId,
	/// Aura (block authoring) key.
	pub aura: AuraId,
	/// GRANDPA (finality) key.
	pub grandpa: GrandpaId,
}

impl Authority {
	/// The well-known dev keys of one account, e.g. `//Alice`.
	fn dev(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> Self {
		Self {
			account: aura.to_account_id(),
			aura: aura.public().into(),
			grandpa: grandpa.public().into(),
		}
	}

	fn session_keys(&self) -> SessionKeys {
		SessionKeys { aura: self.aura.clone(), grandpa: self.grandpa.clone() }
	}
}

/// The local scope every preset seeds next to the chain-wide one.
pub const LOCAL_SCOPE: u32 = 1;

/// The chain-wide scope decides for everyone: hybrid weighting, a quorum, and sector balance so
/// that no sector can be overruled by the other two.
fn chain_wide_rule(voting_period: BlockNumber) -> VotingRule<BlockNumber> {
	VotingRule {
		weighting: Weighting::Hybrid { headcount_share: Perbill::from_percent(50) },
		approval: Perbill::from_percent(50),
		quorum: Perbill::from_percent(20),
		sector_balance: true,
		voting_period,
	}
}

/// A local matter: stake-weighted, no voter above 40% of the stake.
fn local_rule(voting_period: BlockNumber) -> VotingRule<BlockNumber> {
	VotingRule {
		weighting: Weighting::Stake { cap: Perbill::from_percent(40) },
		approval: Perbill::from_percent(50),
		quorum: Perbill::from_percent(20),
		sector_balance: false,
		voting_period,
	}
}

/// Scopes `polity` (chain-wide) and `district-7-water`, with Alice (government), Bob (market)
/// and Charlie (community) in both and Dave (community) in the local one. Eve and Ferdie are no
/// stakeholders: they can apply.
fn stakeholder_voting(
	voting_period: BlockNumber,
	root_safeguards: Safeguards<BlockNumber>,
) -> StakeholderVotingConfig {
	use Sr25519Keyring::*;
	StakeholderVotingConfig {
		root_safeguards,
		scope_safeguards: vec![],
		policies: vec![],
		registrars: vec![],
		scopes: vec![
			(b"polity".to_vec(), chain_wide_rule(voting_period)),
			(b"district-7-water".to_vec(), local_rule(voting_period)),
		],
		stakeholders: vec![
			(
				Alice.to_account_id(),
				Sector::Government,
				vec![(CHAIN_WIDE_SCOPE, 100), (LOCAL_SCOPE, 10)],
			),
			(Bob.to_account_id(), Sector::Market, vec![(CHAIN_WIDE_SCOPE, 200), (LOCAL_SCOPE, 60)]),
			(
				Charlie.to_account_id(),
				Sector::Community,
				vec![(CHAIN_WIDE_SCOPE, 300), (LOCAL_SCOPE, 30)],
			),
			(Dave.to_account_id(), Sector::Community, vec![(LOCAL_SCOPE, 20)]),
		],
	}
}

/// The libp2p peer id (multihash bytes) of a node whose ed25519 network key has public key
/// `public`.
fn peer_id(public: [u8; 32]) -> Vec<u8> {
	// Identity multihash (0x00, 36 bytes) of the protobuf-encoded key (ed25519 = 1, 32 bytes).
	let mut id = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	id.extend_from_slice(&public);
	id
}

/// `--node-key 00…01`, `12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp`: Alice's node.
pub const ALICE_NODE_KEY: [u8; 32] = [
	0x4c, 0xb5, 0xab, 0xf6, 0xad, 0x79, 0xfb, 0xf5, 0xab, 0xbc, 0xca, 0xfc, 0xc2, 0x69, 0xd8, 0x5c,
	0xd2, 0x65, 0x1e, 0xd4, 0xb8, 0x85, 0xb5, 0x86, 0x9f, 0x24, 0x1a, 0xed, 0xf0, 0xa5, 0xba, 0x29,
];
/// `--node-key 00…02`, `12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD`: Bob's node.
pub const BOB_NODE_KEY: [u8; 32] = [
	0x74, 0x22, 0xb9, 0x88, 0x75, 0x98, 0x06, 0x8e, 0x32, 0xc4, 0x44, 0x8a, 0x94, 0x9a, 0xdb, 0x29,
	0x0d, 0x0f, 0x4e, 0x35, 0xb9, 0xe0, 0x1b, 0x0e, 0xe5, 0xf1, 0xa1, 0xe6, 0x00, 0xfe, 0x26, 0x74,
];
/// `--node-key 00…03`, `12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x`: Charlie's node.
pub const CHARLIE_NODE_KEY: [u8; 32] = [
	0xf3, 0x81, 0x62, 0x6e, 0x41, 0xe7, 0x02, 0x7e, 0xa4, 0x31, 0xbf, 0xe3, 0x00, 0x9e, 0x94, 0xbd,
	0xd2, 0x5a, 0x74, 0x6b, 0xee, 0xc4, 0x68, 0x94, 0x8d, 0x6c, 0x3c, 0x7c, 0x5d, 0xc9, 0xa5, 0x4b,
];
/// `--node-key 00…04`, `12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st`: Dave's node.
pub const DAVE_NODE_KEY: [u8; 32] = [
	0xfd, 0x50, 0xb8, 0xe3, 0xb1, 0x44, 0xea, 0x24, 0x4f, 0xbf, 0x77, 0x37, 0xf5, 0x50, 0xbc, 0x8d,
	0xd0, 0xc2, 0x65, 0x0b, 0xbc, 0x1a, 0xad, 0xa8, 0x33, 0xca, 0x17, 0xff, 0x8d, 0xbf, 0x32, 0x9b,
];
/// `--node-key 00…05`, `12D3KooWSuTq6MG9gPt7qZqLFKkYrfxMewTZhj9nmRHJkPwzWDG2`: the regulators'
/// non-validating supervision node, licensed to Alice.
pub const SUPERVISION_NODE_KEY: [u8; 32] = [
	0xfd, 0xe4, 0xfb, 0xa0, 0x30, 0xad, 0x00, 0x2f, 0x7c, 0x2f, 0x7d, 0x4c, 0x33, 0x1f, 0x49, 0xd1,
	0x3f, 0xb0, 0xec, 0x74, 0x7e, 0xce, 0xeb, 0xec, 0x63, 0x4f, 0x1f, 0xf4, 0xcb, 0xca, 0x9d, 0xef,
];

/// Alice and Bob regulate the whole chain with their licensed nodes; a firewall motion needs
/// both.
fn regulatory_nodes(validators: Vec<AccountId>, min_validators: u32) -> RegulatoryNodesConfig {
	RegulatoryNodesConfig {
		regulators: vec![
			(
				Sr25519Keyring::Alice.to_account_id(),
				None,
				vec![peer_id(ALICE_NODE_KEY), peer_id(SUPERVISION_NODE_KEY)],
			),
			(Sr25519Keyring::Bob.to_account_id(), None, vec![peer_id(BOB_NODE_KEY)]),
		],
		threshold: 2,
		validators,
		min_validators,
	}
}

/// The network's licensed nodes: the four validators' and the supervision node. Any other node
/// is refused by every node that enforces the register (see the node's offchain worker).
fn licensed_nodes() -> Vec<(OpaquePeerId, AccountId)> {
	use Sr25519Keyring::*;
	[
		(ALICE_NODE_KEY, Alice),
		(BOB_NODE_KEY, Bob),
		(CHARLIE_NODE_KEY, Charlie),
		(DAVE_NODE_KEY, Dave),
		(SUPERVISION_NODE_KEY, Alice),
	]
	.into_iter()
	.map(|(key, owner)| (OpaquePeerId(peer_id(key)), owner.to_account_id()))
	.collect()
}

fn polity_genesis(
	authorities: Vec<Authority>,
	endowed: Vec<AccountId>,
	voting_period: BlockNumber,
	root_safeguards: Safeguards<BlockNumber>,
	min_validators: u32,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
		},
		// Aura and GRANDPA take their authorities from the session's genesis keys.
		session: SessionConfig {
			keys: authorities
				.iter()
				.map(|a| (a.account.clone(), a.account.clone(), a.session_keys()))
				.collect::<Vec<_>>(),
		},
		node_authorization: NodeAuthorizationConfig { nodes: licensed_nodes() },
		stakeholder_voting: stakeholder_voting(voting_period, root_safeguards),
		regulatory_nodes: regulatory_nodes(
			authorities.iter().map(|a| a.account.clone()).collect(),
			min_validators,
		),
	})
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// `--dev`: one validator (Alice), funded dev accounts; in the `--dev` runtime Alice is sudo.
pub fn development_config_genesis() -> Value {
	#[allow(unused_mut)]
	let mut patch = polity_genesis(
		vec![Authority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		MINUTES,
		// The dev chain stays fast: root-level decisions have no safeguards of their own.
		Safeguards::default(),
		1,
	);
	#[cfg(feature = "dev")]
	if let Value::Object(fields) = &mut patch {
		let sudo = crate::SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) };
		if let Ok(sudo) = serde_json::to_value(sudo) {
			fields.insert("sudo".into(), sudo);
		}
	}
	patch
}

/// `--chain local`: four validators, funded dev accounts; its runtime has no sudo pallet.
pub fn local_testnet_genesis() -> Value {
	polity_genesis(
		vec![
			Authority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			Authority::dev(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			Authority::dev(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			Authority::dev(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		2 * MINUTES,
		// Root-level decisions (upgrades, validators, regulators, the licensed network) vote
		// longer, must have been passing for the vote's last minute, and wait a minute before
		// they take effect — time for a chain-wide vote to cancel them.
		Safeguards {
			min_voting_period: 3 * MINUTES,
			enactment_delay: MINUTES,
			confirm_period: MINUTES,
		},
		// GRANDPA finalizes with more than two thirds online: three keep one fault tolerable.
		3,
	)
}

/// The preset named `id`, as a JSON patch over the default genesis config.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(alloc::string::String::into_bytes)
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

/// The whole genesis config of the preset named `id`: its patch over the default config, as the
/// node builds a chain spec from it. For tests and tools (the fuzzer) that start from a preset.
#[cfg(feature = "std")]
pub fn preset_config(id: &PresetId) -> Option<crate::RuntimeGenesisConfig> {
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}
	let mut config = serde_json::to_value(crate::RuntimeGenesisConfig::default()).ok()?;
	merge(&mut config, serde_json::from_slice(&get_preset(id)?).ok()?);
	serde_json::from_value(config).ok()
}
