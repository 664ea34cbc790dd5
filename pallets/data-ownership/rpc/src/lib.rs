//! JSON-RPC methods of data ownership: `dataOwnership_record`, `dataOwnership_recordsOf`,
//! `dataOwnership_versions`, `dataOwnership_grants`, `dataOwnership_hasAccess`, and
//! `dataOwnership_activity`, and `dataOwnership_receipt` / `dataOwnership_registrationReceipt` —
//! a record with everything needed to check it offline against the chain spec alone (see
//! `polity-receipt`): the block's header, a storage proof of the record and of the genesis hash
//! under its state root, GRANDPA finality of the block and the authority-set changes since
//! genesis.

#![deny(missing_docs)]

use std::sync::Arc;

use codec::{Codec, Decode, Encode};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
pub use pallet_data_ownership_runtime_api::DataOwnershipApi as DataOwnershipRuntimeApi;
use pallet_data_ownership_runtime_api::{ActivityEntry, ContentHash, GrantView, RecordView};
use polity_receipt::{Finality, Justified};
use polkadot_sdk::{
	sc_client_api::{AuxStore, BlockBackend, ProofProvider},
	sc_consensus_grandpa::{self, SharedAuthoritySet},
	sp_api::ProvideRuntimeApi,
	sp_blockchain::HeaderBackend,
	sp_consensus_grandpa::GRANDPA_ENGINE_ID,
	sp_core::{Bytes, H256},
	sp_runtime::traits::{Block as BlockT, Header as HeaderT, NumberFor},
	sp_state_machine::read_proof_check,
};
use serde::Serialize;

pub use polity_receipt::Receipt;

/// Data-ownership RPC methods.
#[rpc(server)]
pub trait DataOwnershipApi<BlockHash, BlockNumber, AccountId, Balance> {
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

	/// Up to `limit` (at most 100) entries of a record's activity log from entry `start`,
	/// oldest first.
	#[method(name = "dataOwnership_activity")]
	fn activity(
		&self,
		hash: ContentHash,
		start: Option<u32>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ActivityEntry<AccountId, BlockNumber>>>;

	/// A receipt of `hash`'s record at finalized block `at` (default: the latest finalized).
	#[method(name = "dataOwnership_receipt")]
	fn receipt(&self, hash: ContentHash, at: Option<BlockHash>) -> RpcResult<Receipt>;

	/// A receipt of `hash`'s record at the block it was registered in, once that is finalized.
	#[method(name = "dataOwnership_registrationReceipt")]
	fn registration_receipt(&self, hash: ContentHash) -> RpcResult<Receipt>;
}

/// Serves the methods from a client and, for receipts, GRANDPA's record of authority sets.
pub struct DataOwnership<C, Block: BlockT> {
	client: Arc<C>,
	authority_set: Option<SharedAuthoritySet<Block::Hash, NumberFor<Block>>>,
}

impl<C, Block: BlockT> DataOwnership<C, Block> {
	/// Wraps `client`; receipts need `authority_set` (the node's GRANDPA link gives it).
	pub fn new(
		client: Arc<C>,
		authority_set: Option<SharedAuthoritySet<Block::Hash, NumberFor<Block>>>,
	) -> Self {
		Self { client, authority_set }
	}
}

/// Longest run of headers a receipt carries between its block and the justified one.
const MAX_ANCESTRY: u32 = 4_096;

/// The runtime API or the client failed.
const RUNTIME_ERROR: i32 = 1;
/// The content hash is not registered at the block.
const NOT_REGISTERED: i32 = 2;
/// The block is not finalized (yet), or not in the finalized chain.
const NOT_FINALIZED: i32 = 3;
/// The node lacks what the receipt needs (authority-set history, justifications).
const MISSING_DATA: i32 = 4;

fn error(code: i32, message: &str, e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(code, message, Some(format!("{e:?}")))
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, "Runtime API call failed", e)
}

impl<C, Block, AccountId, Balance, BlockNumber>
	DataOwnershipApiServer<<Block as BlockT>::Hash, BlockNumber, AccountId, Balance>
	for DataOwnership<C, Block>
where
	Block: BlockT<Hash = H256>,
	Block::Header: HeaderT<Number = u32>,
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ ProofProvider<Block>
		+ BlockBackend<Block>
		+ AuxStore
		+ Send
		+ Sync
		+ 'static,
	C::Api: DataOwnershipRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	BlockNumber: Into<u32>,
	RecordView<AccountId, Balance, BlockNumber>: Serialize,
	GrantView<AccountId, BlockNumber>: Serialize,
	ActivityEntry<AccountId, BlockNumber>: Serialize,
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

	fn activity(
		&self,
		hash: ContentHash,
		start: Option<u32>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ActivityEntry<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.activity(at, hash, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)
	}

	fn receipt(&self, hash: ContentHash, at: Option<Block::Hash>) -> RpcResult<Receipt> {
		let at = at.unwrap_or_else(|| self.client.info().finalized_hash);
		self.receipt_at(hash, at)
	}

	fn registration_receipt(&self, hash: ContentHash) -> RpcResult<Receipt> {
		let best = self.client.info().best_hash;
		let number = self
			.client
			.runtime_api()
			.registered_in(best, hash)
			.map_err(runtime_error)?
			.ok_or_else(|| error(NOT_REGISTERED, "Not registered", hash))?
			.into();
		let at = self
			.client
			.hash(number)
			.map_err(runtime_error)?
			.ok_or_else(|| error(NOT_FINALIZED, "Registration block unknown", number))?;
		self.receipt_at(hash, at)
	}
}

impl<C, Block> DataOwnership<C, Block>
where
	Block: BlockT<Hash = H256>,
	Block::Header: HeaderT<Number = u32>,
	C: HeaderBackend<Block> + ProofProvider<Block> + BlockBackend<Block> + AuxStore,
{
	fn header(&self, at: H256) -> RpcResult<Block::Header> {
		self.client
			.header(at)
			.map_err(runtime_error)?
			.ok_or_else(|| error(MISSING_DATA, "Header missing", at))
	}

	/// The hash of finalized block `number`; `what` names it in the error.
	fn hash_of(&self, number: u32, what: &str) -> RpcResult<H256> {
		self.client
			.hash(number)
			.map_err(runtime_error)?
			.ok_or_else(|| error(MISSING_DATA, what, number))
	}

	fn justification(&self, at: H256) -> RpcResult<Option<Vec<u8>>> {
		Ok(self
			.client
			.justifications(at)
			.map_err(runtime_error)?
			.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID)))
	}

	/// A receipt of `hash`'s record at the finalized block `at`.
	fn receipt_at(&self, hash: ContentHash, at: H256) -> RpcResult<Receipt> {
		let info = self.client.info();
		let header = self.header(at)?;
		let number = *header.number();
		if number > info.finalized_number
			|| self.client.hash(number).map_err(runtime_error)? != Some(at)
		{
			return Err(error(NOT_FINALIZED, "The block is not finalized yet", at));
		}

		// The record and the genesis hash under the block's state root.
		let key = polity_receipt::record_key(&hash);
		let genesis_key = polity_receipt::genesis_hash_key();
		let proof = self
			.client
			.read_proof(at, &mut [key.as_slice(), genesis_key.as_slice()].into_iter())
			.map_err(runtime_error)?;
		// Read back from the proof itself, so the receipt is consistent by construction.
		let record = read_proof_check::<<Block::Header as HeaderT>::Hashing, _>(
			*header.state_root(),
			proof.clone(),
			[key.as_slice()],
		)
		.map_err(runtime_error)?
		.remove(&key)
		.flatten()
		.ok_or_else(|| error(NOT_REGISTERED, "Not registered at this block", hash))?;

		// The authority sets: (set id, the block that ended it), oldest first.
		let authority_set = self
			.authority_set
			.as_ref()
			.ok_or_else(|| error(MISSING_DATA, "This node does not run GRANDPA", at))?;
		let changes =
			Vec::<(u64, u32)>::decode(&mut &authority_set.authority_set_changes().encode()[..])
				.map_err(runtime_error)?;
		if changes.first().is_some_and(|(set_id, _)| *set_id != 0) {
			return Err(error(
				MISSING_DATA,
				"This node lacks the authority-set history since genesis (it was warp-synced): ask a node synced from genesis",
				changes.first(),
			));
		}
		let mut authority_changes = Vec::new();
		let mut set_end = None;
		for (_, last) in changes {
			if last < number {
				let hash = self.hash_of(last, "Authority change block missing")?;
				let justification = self
					.justification(hash)?
					.ok_or_else(|| error(MISSING_DATA, "Authority change unjustified", last))?;
				authority_changes.push(Justified {
					header: Bytes(self.header(hash)?.encode()),
					justification: Bytes(justification),
				});
			} else {
				set_end = Some(last);
				break;
			}
		}
		let set_id = authority_changes.len() as u64;

		// The first justified block from `number` on, within its authority set.
		let last =
			set_end.unwrap_or(info.finalized_number).min(number.saturating_add(MAX_ANCESTRY));
		let mut headers = Vec::new();
		let mut justification = None;
		for n in number..=last {
			let hash = if n == number { at } else { self.hash_of(n, "Finalized block missing")? };
			if n > number {
				headers.push(Bytes(self.header(hash)?.encode()));
			}
			if let Some(found) = self.justification(hash)? {
				justification = Some(found);
				break;
			}
		}
		let justification = match justification {
			Some(found) => found,
			// Within the current set, the latest round's justification always exists.
			None if set_end.is_none() => {
				let best = sc_consensus_grandpa::best_justification::<_, Block>(&*self.client)
					.map_err(runtime_error)?
					.ok_or_else(|| error(MISSING_DATA, "No GRANDPA justification yet", at))?;
				let (target, _) = best.target();
				if target < number || target > number.saturating_add(MAX_ANCESTRY) {
					return Err(error(MISSING_DATA, "No justification near the block", number));
				}
				headers.truncate(0);
				for n in number.saturating_add(1)..=target {
					let hash = self.hash_of(n, "Finalized block missing")?;
					headers.push(Bytes(self.header(hash)?.encode()));
				}
				best.encode()
			},
			None => {
				return Err(error(MISSING_DATA, "No justification for the block's set", number))
			},
		};

		Ok(Receipt {
			version: polity_receipt::RECEIPT_VERSION,
			content_hash: hash,
			block_hash: at,
			block_number: number,
			header: Bytes(header.encode()),
			storage_key: Bytes(key),
			record: Bytes(record),
			proof: proof.into_iter_nodes().map(Bytes).collect(),
			set_id,
			authority_changes,
			finality: Finality { headers, justification: Bytes(justification) },
		})
	}
}
