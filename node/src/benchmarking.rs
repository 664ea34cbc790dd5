//! Transactions and inherents for `benchmark overhead` and `benchmark extrinsic`: real signed
//! transactions with every extension of Polity's runtime, from the dev account Alice.

use crate::service::FullClient;
use polity_runtime::{BalancesCall, RuntimeCall, SystemCall};
use polkadot_sdk::{
	frame_benchmarking_cli::ExtrinsicBuilder,
	sc_cli::Result,
	sp_blockchain::HeaderBackend,
	sp_inherents::{InherentData, InherentDataProvider},
	sp_keyring::Sr25519Keyring,
	sp_runtime::OpaqueExtrinsic,
	*,
};
use std::{sync::Arc, time::Duration};

/// Builds `System::remark` transactions: the empty transaction `benchmark overhead` measures.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder for the chain `client` runs.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		Ok(signed(&self.client, SystemCall::remark { remark: vec![] }.into(), nonce))
	}
}

/// Builds `Balances::transfer_keep_alive` transactions of the existential deposit to Bob.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
}

impl TransferKeepAliveBuilder {
	/// A builder for the chain `client` runs.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: polity_runtime::EXISTENTIAL_DEPOSIT,
		};
		Ok(signed(&self.client, call.into(), nonce))
	}
}

fn signed(client: &FullClient, call: RuntimeCall, nonce: u32) -> OpaqueExtrinsic {
	let alice = Sr25519Keyring::Alice;
	polity_runtime::signed_transaction(
		call,
		alice.to_account_id(),
		nonce,
		client.info().genesis_hash,
		|payload| alice.sign(payload).into(),
	)
	.into()
}

/// The inherents of a benchmarked block: the timestamp of slot 0, which Aura accepts in a
/// block without a slot digest.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut data))
		.map_err(|e| format!("creating the inherent data: {e:?}"))?;
	Ok(data)
}
