//! The Polity node: Aura block production, GRANDPA finality and Polity's RPC.

#![warn(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod cache;
mod chain_spec;
mod cli;
mod command;
mod licence;
mod metrics;
mod receipt;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
