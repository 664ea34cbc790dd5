//! JSON-RPC methods of stakeholder voting, wrapping its runtime API:
//! `stakeholderVoting_stakeholder`, `stakeholderVoting_scope`, `stakeholderVoting_proposal`,
//! `stakeholderVoting_votesOf`, `stakeholderVoting_proposalsIn` (a scope's proposals by status)
//! and `stakeholderVoting_ballot` (what an account may vote on now, and how it voted). Each takes
//! an optional block hash (default: best block).

#![deny(missing_docs)]

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
pub use pallet_stakeholder_voting_runtime_api::StakeholderVotingApi as StakeholderVotingRuntimeApi;
use pallet_stakeholder_voting_runtime_api::{
	Ballot, Page, ProposalIndex, ProposalView, ScopeId, ScopeView, StakeholderView, StatusFilter,
	VoteRecord,
};
use polkadot_sdk::{
	sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend, sp_runtime::traits::Block as BlockT,
};

/// Stakeholder-voting RPC methods.
#[rpc(server)]
pub trait StakeholderVotingApi<BlockHash, AccountId, Balance, BlockNumber> {
	/// A stakeholder's sector, status, scopes and stakes.
	#[method(name = "stakeholderVoting_stakeholder")]
	fn stakeholder(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<StakeholderView<BlockNumber>>>;

	/// A scope with its rule and per-sector totals.
	#[method(name = "stakeholderVoting_scope")]
	fn scope(
		&self,
		id: ScopeId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ScopeView<BlockNumber>>>;

	/// A proposal with its live tally and projected outcome.
	#[method(name = "stakeholderVoting_proposal")]
	fn proposal(
		&self,
		index: ProposalIndex,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProposalView<AccountId, Balance, BlockNumber>>>;

	/// Up to `limit` (at most 100) votes of `who`, after `start_after`.
	#[method(name = "stakeholderVoting_votesOf")]
	fn votes_of(
		&self,
		who: AccountId,
		start_after: Option<ProposalIndex>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(ProposalIndex, VoteRecord)>>;

	/// Proposals of `scope` whose status passes `filter` (`Any`, `Ongoing`, `Passed`,
	/// `Rejected`, `Ended`), newest first: up to `limit` (at most 100, default 20) before
	/// `before`; the page's `next` is the next page's `before`.
	#[method(name = "stakeholderVoting_proposalsIn")]
	fn proposals_in(
		&self,
		scope: ScopeId,
		filter: Option<StatusFilter>,
		before: Option<ProposalIndex>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Page<ProposalIndex>>;

	/// The open proposals `who` may vote on now, with its vote so far, newest first.
	#[method(name = "stakeholderVoting_ballot")]
	fn ballot(
		&self,
		who: AccountId,
		before: Option<ProposalIndex>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Page<Ballot<BlockNumber>>>;
}

/// Serves the methods from a client's runtime API.
pub struct StakeholderVoting<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> StakeholderVoting<C, Block> {
	/// Wraps `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

/// The runtime API call failed.
const RUNTIME_ERROR: i32 = 1;

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "Runtime API call failed", Some(format!("{e:?}")))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	StakeholderVotingApiServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber>
	for StakeholderVoting<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: StakeholderVotingRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	StakeholderView<BlockNumber>: serde::Serialize,
	ScopeView<BlockNumber>: serde::Serialize,
	ProposalView<AccountId, Balance, BlockNumber>: serde::Serialize,
	Ballot<BlockNumber>: serde::Serialize,
{
	fn stakeholder(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<StakeholderView<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().stakeholder(at, who).map_err(runtime_error)
	}

	fn scope(
		&self,
		id: ScopeId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ScopeView<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().scope(at, id).map_err(runtime_error)
	}

	fn proposal(
		&self,
		index: ProposalIndex,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProposalView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().proposal(at, index).map_err(runtime_error)
	}

	fn votes_of(
		&self,
		who: AccountId,
		start_after: Option<ProposalIndex>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<(ProposalIndex, VoteRecord)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().votes_of(at, who, start_after, limit).map_err(runtime_error)
	}

	fn proposals_in(
		&self,
		scope: ScopeId,
		filter: Option<StatusFilter>,
		before: Option<ProposalIndex>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Page<ProposalIndex>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.proposals_in(
				at,
				scope,
				filter.unwrap_or(StatusFilter::Any),
				before,
				limit.unwrap_or(20),
			)
			.map_err(runtime_error)
	}

	fn ballot(
		&self,
		who: AccountId,
		before: Option<ProposalIndex>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Page<Ballot<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.ballot(at, who, before, limit.unwrap_or(20))
			.map_err(runtime_error)
	}
}
