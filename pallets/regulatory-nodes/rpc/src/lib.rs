//! Supervision JSON-RPC methods, wrapping the `SupervisionApi` runtime API:
//! `supervision_auditTrail`, `supervision_regulators`, `supervision_licensedNodes`,
//! `supervision_validators`, `supervision_pauses`, `supervision_freezes`,
//! `supervision_actionLog`, `supervision_actionsConcerning`.
//! Each takes an optional block hash last (default: best block).

#![deny(missing_docs)]

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
pub use pallet_regulatory_nodes_runtime_api::SupervisionApi as SupervisionRuntimeApi;
use pallet_regulatory_nodes_runtime_api::{
	ActionId, ActionView, AuditTrail, FreezeInfo, PauseView, RegulatorView, ValidatorSetView,
};
use polkadot_sdk::{
	sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend, sp_core::Bytes,
	sp_runtime::traits::Block as BlockT,
};
use serde::Serialize;

/// The firewall's pauses in force.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pauses<BlockNumber> {
	/// Paused calls and pallets.
	pub pauses: Vec<PauseView<BlockNumber>>,
	/// Safe mode's last block, if it is entered.
	pub safe_mode_until: Option<BlockNumber>,
}

/// Supervision RPC methods.
#[rpc(server)]
pub trait SupervisionApi<BlockHash, AccountId, BlockNumber> {
	/// The audit trail of `who`: stakeholder status, proposals, votes, records, freeze and
	/// firewall actions; the first `limit` (default 20, at most 100) of each list.
	#[method(name = "supervision_auditTrail")]
	fn audit_trail(
		&self,
		who: AccountId,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<AuditTrail<AccountId, BlockNumber>>;

	/// Every regulator with its jurisdiction and licensed nodes.
	#[method(name = "supervision_regulators")]
	fn regulators(
		&self,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<RegulatorView<AccountId, BlockNumber>>>;

	/// Every licensed node's peer id (raw multihash bytes).
	#[method(name = "supervision_licensedNodes")]
	fn licensed_nodes(&self, at: Option<BlockHash>) -> RpcResult<Vec<Bytes>>;

	/// The validators authoring now, the set governance decided for the next session, and its
	/// floor.
	#[method(name = "supervision_validators")]
	fn validators(&self, at: Option<BlockHash>) -> RpcResult<ValidatorSetView<AccountId>>;

	/// Paused calls and pallets, and safe mode's last block if it is entered.
	#[method(name = "supervision_pauses")]
	fn pauses(&self, at: Option<BlockHash>) -> RpcResult<Pauses<BlockNumber>>;

	/// A page of the freezes in force (an expired freeze not yet cleared is not listed).
	#[method(name = "supervision_freezes")]
	fn freezes(
		&self,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(AccountId, FreezeInfo<BlockNumber>)>>;

	/// A page of the action log, newest first.
	#[method(name = "supervision_actionLog")]
	fn action_log(
		&self,
		before: Option<ActionId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ActionView<AccountId, BlockNumber>>>;

	/// A page of the actions concerning `who`.
	#[method(name = "supervision_actionsConcerning")]
	fn actions_concerning(
		&self,
		who: AccountId,
		start_after: Option<ActionId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ActionView<AccountId, BlockNumber>>>;
}

/// Serves the methods from a client's runtime API.
pub struct Supervision<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> Supervision<C, Block> {
	/// Wraps `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

/// Default page size.
const PAGE: u32 = 20;

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "Runtime API call failed", Some(format!("{e:?}")))
}

impl<C, Block, AccountId, BlockNumber>
	SupervisionApiServer<<Block as BlockT>::Hash, AccountId, BlockNumber> for Supervision<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SupervisionRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	AuditTrail<AccountId, BlockNumber>: Serialize,
	RegulatorView<AccountId, BlockNumber>: Serialize,
	FreezeInfo<BlockNumber>: Serialize,
	ActionView<AccountId, BlockNumber>: Serialize,
	ValidatorSetView<AccountId>: Serialize,
	PauseView<BlockNumber>: Serialize,
	AccountId: Serialize,
{
	fn audit_trail(
		&self,
		who: AccountId,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<AuditTrail<AccountId, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().audit_trail(at, who, limit.unwrap_or(PAGE)).map_err(runtime_error)
	}

	fn regulators(
		&self,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<RegulatorView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().regulators(at).map_err(runtime_error)
	}

	fn licensed_nodes(&self, at: Option<Block::Hash>) -> RpcResult<Vec<Bytes>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let nodes = self.client.runtime_api().licensed_nodes(at).map_err(runtime_error)?;
		Ok(nodes.into_iter().map(Bytes).collect())
	}

	fn validators(&self, at: Option<Block::Hash>) -> RpcResult<ValidatorSetView<AccountId>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().validators(at).map_err(runtime_error)
	}

	fn pauses(&self, at: Option<Block::Hash>) -> RpcResult<Pauses<BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let (pauses, safe_mode_until) =
			self.client.runtime_api().pauses(at).map_err(runtime_error)?;
		Ok(Pauses { pauses, safe_mode_until })
	}

	fn freezes(
		&self,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(AccountId, FreezeInfo<BlockNumber>)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.freezes(at, start_after, limit.unwrap_or(PAGE))
			.map_err(runtime_error)
	}

	fn action_log(
		&self,
		before: Option<ActionId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ActionView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.action_log(at, before, limit.unwrap_or(PAGE))
			.map_err(runtime_error)
	}

	fn actions_concerning(
		&self,
		who: AccountId,
		start_after: Option<ActionId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ActionView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.actions_concerning(at, who, start_after, limit.unwrap_or(PAGE))
			.map_err(runtime_error)
	}
}
