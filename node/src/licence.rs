//! The licence register on the network: which peers this node talks to.
//!
//! `pallet-node-authorization`'s well-known nodes are the licensed network. Every node applies
//! them at start and its offchain worker re-applies them at every imported block (through
//! [`LicenceRegister`], which stands where the offchain worker expects the network).
//!
//! Two modes:
//! - **licensed only** (the default): the sync protocol is reserved-only — a peer outside the
//!   register can neither connect to the node's sync protocol nor sync through it.
//! - **serving light clients** (`--serve-light-clients`): the node also accepts peers whose
//!   handshake declares the *light* role (a citizen's browser running smoldot), up to
//!   `--in-peers-light`. Unlicensed *full* nodes are still refused: the node keeps no slot for
//!   full peers at all (`--in-peers`/`--out-peers` are set to 0), and the licensed peers are the
//!   sync engine's no-slot peers, so they alone are accepted as full peers. A peer that claims
//!   the light role gets what every light client gets — headers, proofs, finality — and nothing
//!   it could not ask any public RPC node for.

use polkadot_sdk::*;
use sc_network::{
	config::MultiaddrWithPeerId,
	service::traits::{NetworkPeers, NetworkService, NetworkStateInfo},
	Multiaddr, ObservedRole, PeerId, ProtocolName, ReputationChange,
};
use sc_network_sync::SyncingService;
use std::{collections::HashSet, sync::Arc};

use polity_runtime::opaque::Block;

/// How this node applies the licence register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LicenceMode {
	/// Only licensed peers, whatever their role.
	LicensedOnly,
	/// Licensed peers, and light clients whoever they are.
	ServeLightClients,
}

/// Shapes the network configuration for `mode` before the network is built.
pub fn configure(network: &mut sc_network::config::NetworkConfiguration, mode: LicenceMode) {
	if mode == LicenceMode::ServeLightClients {
		// No slot for an unlicensed full node; licensed peers take no slot (see `apply`).
		network.default_peers_set_num_full = 0;
		network.default_peers_set.out_peers = 0;
	}
}

/// The network as the licence register sees it: forwards everything to the node's network,
/// and turns "these are the authorised peers" into the mode's rules.
pub struct LicenceRegister {
	network: Arc<dyn NetworkService>,
	sync: Arc<SyncingService<Block>>,
	mode: LicenceMode,
}

impl LicenceRegister {
	/// Wraps the node's network and sync service.
	pub fn new(
		network: Arc<dyn NetworkService>,
		sync: Arc<SyncingService<Block>>,
		mode: LicenceMode,
	) -> Self {
		Self { network, sync, mode }
	}

	/// Applies the register: `peers` are the licensed nodes.
	pub fn apply(&self, peers: HashSet<PeerId>) {
		match self.mode {
			LicenceMode::LicensedOnly => {
				self.network.set_authorized_peers(peers);
				self.network.set_authorized_only(true);
			},
			LicenceMode::ServeLightClients => {
				// Licensed peers are dialled (reserved) and never take a slot; with no slot for
				// full peers, they are the only full peers the sync engine accepts.
				self.sync.set_no_slot_peers(peers.clone());
				self.network.set_authorized_peers(peers);
				self.network.set_authorized_only(false);
			},
		}
	}
}

impl NetworkStateInfo for LicenceRegister {
	fn external_addresses(&self) -> Vec<Multiaddr> {
		self.network.external_addresses()
	}
	fn listen_addresses(&self) -> Vec<Multiaddr> {
		self.network.listen_addresses()
	}
	fn local_peer_id(&self) -> PeerId {
		self.network.local_peer_id()
	}
}

#[async_trait::async_trait]
impl NetworkPeers for LicenceRegister {
	fn set_authorized_peers(&self, peers: HashSet<PeerId>) {
		self.apply(peers);
	}
	/// The mode decides: `pallet-node-authorization`'s worker always asks for `true`.
	fn set_authorized_only(&self, _reserved_only: bool) {}
	fn add_known_address(&self, peer_id: PeerId, addr: Multiaddr) {
		self.network.add_known_address(peer_id, addr)
	}
	fn report_peer(&self, peer_id: PeerId, cost_benefit: ReputationChange) {
		self.network.report_peer(peer_id, cost_benefit)
	}
	fn peer_reputation(&self, peer_id: &PeerId) -> i32 {
		self.network.peer_reputation(peer_id)
	}
	fn disconnect_peer(&self, peer_id: PeerId, protocol: ProtocolName) {
		self.network.disconnect_peer(peer_id, protocol)
	}
	fn accept_unreserved_peers(&self) {
		self.network.accept_unreserved_peers()
	}
	fn deny_unreserved_peers(&self) {
		self.network.deny_unreserved_peers()
	}
	fn add_reserved_peer(&self, peer: MultiaddrWithPeerId) -> Result<(), String> {
		self.network.add_reserved_peer(peer)
	}
	fn remove_reserved_peer(&self, peer_id: PeerId) {
		self.network.remove_reserved_peer(peer_id)
	}
	fn set_reserved_peers(
		&self,
		protocol: ProtocolName,
		peers: HashSet<Multiaddr>,
	) -> Result<(), String> {
		self.network.set_reserved_peers(protocol, peers)
	}
	fn add_peers_to_reserved_set(
		&self,
		protocol: ProtocolName,
		peers: HashSet<Multiaddr>,
	) -> Result<(), String> {
		self.network.add_peers_to_reserved_set(protocol, peers)
	}
	fn remove_peers_from_reserved_set(
		&self,
		protocol: ProtocolName,
		peers: Vec<PeerId>,
	) -> Result<(), String> {
		self.network.remove_peers_from_reserved_set(protocol, peers)
	}
	fn sync_num_connected(&self) -> usize {
		self.network.sync_num_connected()
	}
	fn peer_role(&self, peer_id: PeerId, handshake: Vec<u8>) -> Option<ObservedRole> {
		self.network.peer_role(peer_id, handshake)
	}
	async fn reserved_peers(&self) -> Result<Vec<PeerId>, ()> {
		self.network.reserved_peers().await
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_network::config::NetworkConfiguration;

	#[test]
	fn serving_light_clients_leaves_no_slot_for_a_full_peer() {
		let mut network = NetworkConfiguration::new_local();
		let (in_peers, light) =
			(network.default_peers_set.in_peers, network.default_peers_set_num_full);
		configure(&mut network, LicenceMode::ServeLightClients);
		assert_eq!(
			network.default_peers_set_num_full, 0,
			"no full peer beyond the no-slot licensed ones"
		);
		assert_eq!(network.default_peers_set.out_peers, 0, "never dials an unlicensed peer");
		assert_eq!(
			network.default_peers_set.in_peers, in_peers,
			"inbound slots stay, for light peers"
		);
		assert!(light > 0, "a default node has full-peer slots to take away");
	}

	#[test]
	fn the_licensed_only_mode_keeps_the_configuration() {
		let mut network = NetworkConfiguration::new_local();
		let before = (network.default_peers_set_num_full, network.default_peers_set.out_peers);
		configure(&mut network, LicenceMode::LicensedOnly);
		assert_eq!(
			(network.default_peers_set_num_full, network.default_peers_set.out_peers),
			before
		);
	}
}
