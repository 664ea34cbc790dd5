//! Command-line interface.

use polkadot_sdk::*;

/// Polity node subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream: prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification, e.g. `export-chain-spec --chain local --raw`.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Verify a data-ownership receipt (from `dataOwnership_receipt`) offline.
	VerifyReceipt(crate::receipt::VerifyReceiptCmd),

	/// Benchmark pallets, blocks, storage and the machine (needs `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// The Polity node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options for running the node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Also accept light clients (a citizen's portal running smoldot) that are not in the
	/// licence register, up to `--in-peers-light`. Unlicensed full nodes are still refused: the
	/// node keeps no slot for them (`--in-peers`/`--out-peers` count for nothing). Give the node
	/// a WebSocket listen address (`--listen-addr /ip4/…/tcp/N/ws`) for browsers.
	#[arg(long)]
	pub serve_light_clients: bool,
}
