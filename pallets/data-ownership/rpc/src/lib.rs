//! JSON-RPC methods of data ownership: `dataOwnership_record`, `dataOwnership_recordsOf`,
//! `dataOwnership_versions`, `dataOwnership_grants`, `dataOwnership_hasAccess`, and
//! `dataOwnership_receipt` — a record with everything needed to check it without trusting the
//! node: the finalized header and a storage proof of the record under its state root.

#![deny(missing_docs)]

use std::sync::Arc;

use codec::{Codec, Encode};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
pub use pallet_data_ownership_runtime_api::DataOwnershipApi as DataOwnershipRuntimeApi;
use pallet_data_ownership_runtime_api::{ContentHash, GrantView, RecordView};
use polkadot_sdk::{
	sc_client_api::{BlockBackend, ProofProvider},
	sp_api::ProvideRuntimeApi,
	sp_blockchain::HeaderBackend,
	sp_consensus_grandpa::GRANDPA_ENGINE_ID,
	sp_core::Bytes,
	sp_runtime::traits::{Block as BlockT, Header as HeaderT},
	sp_state_machine::read_proof_check,
};
use serde::{Deserialize, Serialize};

/// A record's proof of registration, checkable offline against the block header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt<Hash, Number> {
	/// The content hash the receipt is for.
	pub content_hash: ContentHash,
	/// The finalized block the proof is taken at.
	pub block_hash: Hash,
	/// Its number.
	pub block_number: Number,
	/// The SCALE-encoded block header: its hash must equal `block_hash`, and its state root
	/// anchors the proof.
	pub header: Bytes,
	/// The storage key of the record.
	pub storage_key: Bytes,
	/// The SCALE-encoded record as stored.
	pub record: Bytes,
	/// Trie nodes proving `record` under the header's state root.
	pub proof: Vec<Bytes>,
	/// The block's GRANDPA justification, when the node keeps one for it.
	pub justification: Option<Bytes>,
}

/// Data-ownership RPC methods.
#[rpc(server)]
pub trait DataOwnershipApi<BlockHash, BlockNumber, AccountId, Balance, Number> {
	/// A record with its pending offer.
	#[method(name = "dataOwnership_record")]
	fn record(
		&self,
		hash: ContentHash,
		at: Option<BlockHash>,
	) -> RpcResult<Option<RecordView<AccountId, Balance, BlockNumber>>>;

	/// Up to `limit` (at most 100) hashes of records `owner` holds, after `start_after`.
	#[method(name = "dataOwnership_recordsOf")]
	fn records_of(
		&self,
		owner: AccountId,
		start_after: Option<ContentHash>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ContentHash>>;

	/// The chain of versions `hash` belongs to, first to latest (up to 100 from `start`).
	#[method(name = "dataOwnership_versions")]
	fn versions(
		&self,
		hash: ContentHash,
		start: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ContentHash>>;

	/// The licences of a record.
	#[method(name = "dataOwnership_grants")]
	fn grants(
		&self,
		hash: ContentHash,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<GrantView<AccountId, BlockNumber>>>;

	/// Whether `who` may access the content.
	#[method(name = "dataOwnership_hasAccess")]
	fn has_access(
		&self,
		hash: ContentHash,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<bool>;

	/// The record of `hash` with a storage proof under the latest finalized header.
	#[method(name = "dataOwnership_receipt")]
	fn receipt(&self, hash: ContentHash) -> RpcResult<Receipt<BlockHash, Number>>;
}

/// Serves the methods from a client.
pub struct DataOwnership<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> DataOwnership<C, Block> {
	/// Wraps `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

/// The runtime API or the client failed.
const RUNTIME_ERROR: i32 = 1;
/// The content hash is not registered as of the finalized block.
const NOT_REGISTERED: i32 = 2;

fn error(code: i32, message: &str, e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(code, message, Some(format!("{e:?}")))
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, "Runtime API call failed", e)
}

impl<C, Block, AccountId, Balance, BlockNumber>
	DataOwnershipApiServer<
		<Block as BlockT>::Hash,
		BlockNumber,
		AccountId,
		Balance,
		<<Block as BlockT>::Header as HeaderT>::Number,
	> for DataOwnership<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ ProofProvider<Block>
		+ BlockBackend<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: DataOwnershipRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	RecordView<AccountId, Balance, BlockNumber>: Serialize,
	GrantView<AccountId, BlockNumber>: Serialize,
{
	fn record(
		&self,
		hash: ContentHash,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<RecordView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().record(at, hash).map_err(runtime_error)
	}

	fn records_of(
		&self,
		owner: AccountId,
		start_after: Option<ContentHash>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ContentHash>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().records_of(at, owner, start_after, limit).map_err(runtime_error)
	}

	fn versions(
		&self,
		hash: ContentHash,
		start: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ContentHash>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().versions(at, hash, start.unwrap_or(0), 100).map_err(runtime_error)
	}

	fn grants(
		&self,
		hash: ContentHash,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<GrantView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().grants(at, hash).map_err(runtime_error)
	}

	fn has_access(
		&self,
		hash: ContentHash,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<bool> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().has_access(at, hash, who).map_err(runtime_error)
	}

	fn receipt(
		&self,
		hash: ContentHash,
	) -> RpcResult<Receipt<Block::Hash, <<Block as BlockT>::Header as HeaderT>::Number>> {
		let at = self.client.info().finalized_hash;
		let key = self.client.runtime_api().record_storage_key(at, hash).map_err(runtime_error)?;
		let header = self
			.client
			.header(at)
			.map_err(runtime_error)?
			.ok_or_else(|| error(RUNTIME_ERROR, "Finalized header missing", at))?;
		let proof = self
			.client
			.read_proof(at, &mut std::iter::once(key.as_slice()))
			.map_err(runtime_error)?;
		// The value is read back from the proof itself, so the receipt is consistent by
		// construction.
		let record = read_proof_check::<<<Block as BlockT>::Header as HeaderT>::Hashing, _>(
			*header.state_root(),
			proof.clone(),
			[key.as_slice()],
		)
		.map_err(runtime_error)?
		.remove(&key)
		.flatten()
		.ok_or_else(|| {
			error(NOT_REGISTERED, "Not registered as of the latest finalized block", hash)
		})?;
		let justification = self
			.client
			.justifications(at)
			.map_err(runtime_error)?
			.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID))
			.map(Bytes);
		Ok(Receipt {
			content_hash: hash,
			block_hash: at,
			block_number: *header.number(),
			header: Bytes(header.encode()),
			storage_key: Bytes(key),
			record: Bytes(record),
			proof: proof.into_iter_nodes().map(Bytes).collect(),
			justification,
		})
	}
}
