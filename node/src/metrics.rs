//! Governance activity as node metrics (`polity_*`), next to Substrate's own on the node's
//! Prometheus endpoint.
//!
//! Why in the node: Prometheus scrapes nodes, and every node already holds the state these
//! figures come from. No exporter process to deploy and secure, no RPC polling; a supervision
//! node with its RPC closed still reports them. Gauges are read from each new best block's
//! state; counters from each finalized block's events, so a block is counted once, and a
//! re-org never counts twice.

use codec::Decode;
use futures::StreamExt;
use polity_runtime::{Runtime, RuntimeEvent};
use polkadot_sdk::{
	frame_support::{self, storage::StoragePrefixedMap},
	frame_system, pallet_safe_mode,
	sc_client_api::{BlockchainEvents, StorageProvider},
	sp_core::{storage::StorageKey, H256},
	substrate_prometheus_endpoint::{register, Counter, Gauge, PrometheusError, Registry, U64},
};
use std::sync::Arc;

use crate::service::FullClient;

/// Counting stops here: a gauge of map entries reads at most this many keys per block.
const MAX_COUNTED: usize = 100_000;

/// The `polity_*` metrics.
pub struct GovernanceMetrics {
	open_proposals: Gauge<U64>,
	proposals: Gauge<U64>,
	votes: Counter<U64>,
	registrations: Counter<U64>,
	enactments: Counter<U64>,
	freezes: Gauge<U64>,
	pauses: Gauge<U64>,
	safe_mode: Gauge<U64>,
	regulators: Gauge<U64>,
	validators: Gauge<U64>,
}

impl GovernanceMetrics {
	/// Registers every metric with the node's registry.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		let counter = |name: &str, help: &str| register(Counter::new(name, help)?, registry);
		Ok(Self {
			open_proposals: gauge(
				"polity_open_proposals",
				"Proposals open for votes, in every scope (best block)",
			)?,
			proposals: gauge("polity_proposals", "Proposals ever submitted (best block)")?,
			votes: counter(
				"polity_votes_total",
				"Votes cast and secret votes revealed, in finalized blocks",
			)?,
			registrations: counter(
				"polity_registrations_total",
				"Data-ownership records registered, in finalized blocks",
			)?,
			enactments: counter(
				"polity_enactments_total",
				"Passed proposals whose call was dispatched, in finalized blocks",
			)?,
			freezes: gauge("polity_active_freezes", "Accounts frozen by regulators (best block)")?,
			pauses: gauge(
				"polity_active_pauses",
				"Calls or pallets paused by regulators (best block)",
			)?,
			safe_mode: gauge("polity_safe_mode", "1 while the chain is in safe mode (best block)")?,
			regulators: gauge("polity_regulators", "Appointed regulators (best block)")?,
			validators: gauge(
				"polity_validators",
				"Validators governance decided, active from the next session (best block)",
			)?,
		})
	}
}

/// Reads and decodes one storage value at `hash`; `None` if absent or undecodable (a runtime
/// upgrade may change a layout: the metric then keeps its last value).
fn read<T: Decode>(client: &FullClient, hash: H256, key: &[u8]) -> Option<T> {
	let data = client.storage(hash, &StorageKey(key.to_vec())).ok()??;
	T::decode(&mut &data.0[..]).ok()
}

/// The keys under `prefix` at `hash`, at most `MAX_COUNTED`.
fn keys(client: &FullClient, hash: H256, prefix: &[u8]) -> Vec<StorageKey> {
	match client.storage_keys(hash, Some(&StorageKey(prefix.to_vec())), None) {
		Ok(iter) => iter.take(MAX_COUNTED).collect(),
		Err(_) => Vec::new(),
	}
}

fn update_gauges(client: &FullClient, hash: H256, m: &GovernanceMetrics) {
	use pallet_regulatory_nodes::{Freezes, Pauses, RegulatorCount, Validators};
	use pallet_stakeholder_voting::{OpenProposalsIn, ProposalCount};

	let open: u64 = keys(client, hash, &OpenProposalsIn::<Runtime>::final_prefix())
		.iter()
		.filter_map(|k| read::<u32>(client, hash, &k.0))
		.map(u64::from)
		.sum();
	m.open_proposals.set(open);
	if let Some(count) = read::<u32>(client, hash, &ProposalCount::<Runtime>::hashed_key()) {
		m.proposals.set(count.into());
	}
	m.freezes.set(keys(client, hash, &Freezes::<Runtime>::final_prefix()).len() as u64);
	m.pauses.set(
		read::<u32>(client, hash, &Pauses::<Runtime>::counter_storage_final_key())
			.unwrap_or(0)
			.into(),
	);
	let entered = read::<polity_runtime::BlockNumber>(
		client,
		hash,
		&pallet_safe_mode::EnteredUntil::<Runtime>::hashed_key(),
	);
	m.safe_mode.set(u64::from(entered.is_some()));
	if let Some(count) = read::<u32>(client, hash, &RegulatorCount::<Runtime>::hashed_key()) {
		m.regulators.set(count.into());
	}
	if let Some(set) =
		read::<Vec<polity_runtime::AccountId>>(client, hash, &Validators::<Runtime>::hashed_key())
	{
		m.validators.set(set.len() as u64);
	}
}

fn count_events(client: &FullClient, hash: H256, m: &GovernanceMetrics) {
	use pallet_data_ownership::Event as Data;
	use pallet_stakeholder_voting::Event as Voting;

	let Some(events) = read::<Vec<frame_system::EventRecord<RuntimeEvent, H256>>>(
		client,
		hash,
		// `frame_system::Events` is private to its pallet: its key, `System` `Events`.
		&frame_support::storage::storage_prefix(b"System", b"Events"),
	) else {
		return;
	};
	for record in events {
		match record.event {
			RuntimeEvent::StakeholderVoting(Voting::Voted { .. } | Voting::VoteRevealed { .. }) => {
				m.votes.inc()
			},
			RuntimeEvent::StakeholderVoting(Voting::Enacted { .. }) => m.enactments.inc(),
			RuntimeEvent::DataOwnership(Data::Registered { .. }) => m.registrations.inc(),
			_ => {},
		}
	}
}

/// Keeps the metrics current until the node stops.
pub async fn run(client: Arc<FullClient>, metrics: GovernanceMetrics) {
	let mut imports = client.import_notification_stream().fuse();
	let mut finality = client.finality_notification_stream().fuse();
	loop {
		futures::select! {
			n = imports.next() => match n {
				Some(n) if n.is_new_best => update_gauges(&client, n.hash, &metrics),
				Some(_) => {},
				None => return,
			},
			f = finality.next() => match f {
				// `tree_route` holds the blocks finalized before `hash` by this notification,
				// oldest first.
				Some(f) => {
					for hash in f.tree_route.iter().chain(std::iter::once(&f.hash)) {
						count_events(&client, *hash, &metrics);
					}
				},
				None => return,
			},
		}
	}
}
