//! Governance activity as node metrics (`polity_*`), next to Substrate's own on the node's
//! Prometheus endpoint.
//!
//! Why in the node: Prometheus scrapes nodes, and every node already holds the state these
//! figures come from. No exporter process to deploy and secure, no RPC polling; a supervision
//! node with its RPC closed still reports them. Every figure comes from one runtime API call
//! (`GovernanceMetricsApi`), so the runtime at each block reads its own storage and events: an
//! upgrade that changes a layout cannot make the node misread it. Gauges come from each new
//! best block; counters from each finalized block's events, so a block is counted once, and a
//! re-org never counts twice.

use futures::StreamExt;
use polity_primitives::metrics::{GovernanceFigures, GovernanceMetricsApi};
use polity_runtime::opaque::Block;
use polkadot_sdk::{
	sc_client_api::BlockchainEvents,
	sp_api::ProvideRuntimeApi,
	sp_core::H256,
	substrate_prometheus_endpoint::{register, Counter, Gauge, PrometheusError, Registry, U64},
};
use std::sync::Arc;

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

/// The runtime's figures at `hash`; `None` if the runtime there cannot answer (a runtime
/// from before the API): the metrics then keep their last values.
fn figures<C>(client: &C, hash: H256) -> Option<GovernanceFigures>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: GovernanceMetricsApi<Block>,
{
	client.runtime_api().governance_figures(hash).ok()
}

fn update_gauges(f: &GovernanceFigures, m: &GovernanceMetrics) {
	m.open_proposals.set(f.open_proposals);
	m.proposals.set(f.proposals);
	m.freezes.set(f.freezes);
	m.pauses.set(f.pauses);
	m.safe_mode.set(u64::from(f.safe_mode));
	m.regulators.set(f.regulators);
	m.validators.set(f.validators);
}

fn count_events(f: &GovernanceFigures, m: &GovernanceMetrics) {
	m.votes.inc_by(f.votes_in_block);
	m.registrations.inc_by(f.registrations_in_block);
	m.enactments.inc_by(f.enactments_in_block);
}

/// Keeps the metrics current until the node stops: one runtime call per new best block (the
/// gauges) and one per finalized block (the counters).
pub async fn run<C>(client: Arc<C>, metrics: GovernanceMetrics)
where
	C: ProvideRuntimeApi<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: GovernanceMetricsApi<Block>,
{
	let mut imports = client.import_notification_stream().fuse();
	let mut finality = client.finality_notification_stream().fuse();
	loop {
		futures::select! {
			n = imports.next() => match n {
				Some(n) if n.is_new_best => {
					if let Some(f) = figures(&*client, n.hash) {
						update_gauges(&f, &metrics);
					}
				},
				Some(_) => {},
				None => return,
			},
			f = finality.next() => match f {
				// `tree_route` holds the blocks finalized before `hash` by this notification,
				// oldest first.
				Some(f) => {
					for hash in f.tree_route.iter().chain(std::iter::once(&f.hash)) {
						if let Some(f) = figures(&*client, *hash) {
							count_events(&f, &metrics);
						}
					}
				},
				None => return,
			},
		}
	}
}
