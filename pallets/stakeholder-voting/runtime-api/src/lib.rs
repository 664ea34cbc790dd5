//! Runtime API of the stakeholder-voting pallet: what UIs and regulators read.
//!
//! Metadata v15 describes it, so `@polkadot/api` and Polkadot.js Apps call it with no extra
//! types (`api.call.stakeholderVotingApi.proposal(0)`); the `rpc` crate wraps it as JSON-RPC.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_stakeholder_voting::{
	Ballot, Page, ProposalIndex, ProposalView, ScopeId, ScopeView, StakeholderView, StatusFilter,
	VoteRecord,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Queries of stakeholder voting.
	pub trait StakeholderVotingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A stakeholder's sector, status, scopes and stakes.
		fn stakeholder(who: AccountId) -> Option<StakeholderView<BlockNumber>>;

		/// A scope with its rule and per-sector totals.
		fn scope(id: ScopeId) -> Option<ScopeView<BlockNumber>>;

		/// A proposal with its live tally and projected outcome.
		fn proposal(index: ProposalIndex) -> Option<ProposalView<AccountId, Balance, BlockNumber>>;

		/// Up to `limit` (at most 100) votes of `who`, after `start_after`; pass the last index
		/// of a page to get the next.
		fn votes_of(who: AccountId, start_after: Option<ProposalIndex>, limit: u32) -> Vec<(ProposalIndex, VoteRecord)>;

		/// Proposals of `scope` whose status passes `filter`, newest first: up to `limit` (at
		/// most 100) from before `before`; the page's `next` is the next page's `before`.
		fn proposals_in(scope: ScopeId, filter: StatusFilter, before: Option<ProposalIndex>, limit: u32) -> Page<ProposalIndex>;

		/// The open proposals `who` may vote on now, with its vote so far, newest first;
		/// paginated as `proposals_in`.
		fn ballot(who: AccountId, before: Option<ProposalIndex>, limit: u32) -> Page<Ballot<BlockNumber>>;
	}
}
