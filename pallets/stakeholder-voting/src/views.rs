//! What queries return: views of stakeholders, scopes and proposals, filters and pages.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use crate::{tally::*, types::*};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::fmt::Debug;
use polkadot_sdk::sp_core::H256;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// A stakeholder as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StakeholderView<BlockNumber> {
	/// Sector.
	pub sector: Sector,
	/// Active or suspended.
	pub status: StakeholderStatus,
	/// Scopes, stakes and admission blocks.
	pub memberships: alloc::vec::Vec<Membership<BlockNumber>>,
}

/// A scope as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeView<BlockNumber> {
	/// Id.
	pub id: ScopeId,
	/// Name, UTF-8.
	#[serde(with = "polity_primitives::text::utf8")]
	pub name: alloc::vec::Vec<u8>,
	/// Default voting rule.
	pub rule: VotingRule<BlockNumber>,
	/// Active stakeholders per sector.
	pub totals: SectorTotals,
}

/// A proposal as queries return it, with the outcome its live tally would have now.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposalView<AccountId, Balance, BlockNumber> {
	/// Index.
	pub index: ProposalIndex,
	/// Scope deciding it.
	pub scope: ScopeId,
	/// Proposer.
	pub proposer: AccountId,
	/// Title, UTF-8.
	#[serde(with = "polity_primitives::text::utf8")]
	pub title: alloc::vec::Vec<u8>,
	/// Hash of the full description.
	pub description_hash: H256,
	/// The description, UTF-8, when it was noted under its hash (preimage pallet) before the
	/// proposal and is at most `MaxDescriptionLen` bytes.
	#[serde(with = "polity_primitives::text::optional_utf8")]
	pub description: Option<alloc::vec::Vec<u8>>,
	/// SCALE-encoded call to enact, if any.
	pub call: Option<alloc::vec::Vec<u8>>,
	/// Deposit held.
	pub deposit: Balance,
	/// Submission block.
	pub submitted: BlockNumber,
	/// Voting end block.
	pub end: BlockNumber,
	/// Rule as of submission.
	pub rule: VotingRule<BlockNumber>,
	/// Electorate as of submission.
	pub electorate: SectorTotals,
	/// Live tally.
	pub tally: Tally,
	/// Status, with the enactment outcome once passed.
	pub status: ProposalStatus<BlockNumber>,
	/// The outcome of the live tally if the proposal closed now.
	pub projected: Outcome,
	/// The safeguards it was submitted under.
	pub safeguards: Safeguards<BlockNumber>,
	/// While voting, under a confirm period: the block since which it has been passing.
	pub passing_since: Option<BlockNumber>,
	/// For a secret ballot: its phases and how many committed and revealed. Its tally stays
	/// empty until votes are revealed.
	pub secret_ballot: Option<SecretBallot<BlockNumber>>,
}

/// Which proposals a listing returns.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub enum StatusFilter {
	/// Every proposal.
	Any,
	/// Open for votes.
	Ongoing,
	/// Passed: approved, held, waiting out its enactment delay, or awaiting its enactment.
	Passed,
	/// Did not pass.
	Rejected,
	/// Withdrawn or cancelled.
	Ended,
}

impl StatusFilter {
	/// The one filter (besides `Any`) that `status` falls under. The match names every status,
	/// so a new status cannot be added without deciding where listings show it.
	pub fn of<BlockNumber>(status: &ProposalStatus<BlockNumber>) -> Self {
		match status {
			ProposalStatus::Ongoing => StatusFilter::Ongoing,
			ProposalStatus::Approved { .. }
			| ProposalStatus::Held { .. }
			| ProposalStatus::AwaitingEnactment { .. }
			| ProposalStatus::Scheduled { .. } => StatusFilter::Passed,
			ProposalStatus::Rejected { .. } => StatusFilter::Rejected,
			ProposalStatus::Withdrawn { .. } | ProposalStatus::Cancelled { .. } => {
				StatusFilter::Ended
			},
		}
	}

	/// Whether `status` is one this filter returns.
	pub fn matches<BlockNumber>(&self, status: &ProposalStatus<BlockNumber>) -> bool {
		*self == StatusFilter::Any || *self == Self::of(status)
	}
}

/// An open proposal an account may vote on, and its vote so far.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ballot<BlockNumber> {
	/// The proposal.
	pub index: ProposalIndex,
	/// Its scope.
	pub scope: ScopeId,
	/// Last block to vote in (votes are accepted before it).
	pub end: BlockNumber,
	/// The account's vote, if it has voted (for a secret ballot: once revealed).
	pub vote: Option<VoteRecord>,
	/// For a secret ballot: when the reveal phase starts.
	pub reveal_from: Option<BlockNumber>,
	/// For a secret ballot: the account committed and has not revealed yet.
	pub committed: bool,
}

/// A page of a listing, newest first, and where the next page starts (`None`: no more).
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
pub struct Page<Item> {
	/// The items.
	pub items: alloc::vec::Vec<Item>,
	/// Pass it as `before` for the next page.
	pub next: Option<ProposalIndex>,
}
