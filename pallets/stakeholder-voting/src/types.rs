//! The records the pallet stores: scopes, stakeholders, proposals, votes, delegations,
//! attestations. Tally arithmetic is in `tally.rs`, query views in `views.rs`.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use crate::tally::*;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_core::{Get, H256},
	sp_runtime::{DispatchError, Perbill},
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifies a scope: a matter of common concern with its own electorate.
pub type ScopeId = u32;
/// Identifies a proposal.
pub type ProposalIndex = u32;
/// How much a stakeholder has at stake in a scope. An abstract measure set by the admitting
/// origin (land area, affected population, investment...), not a token balance.
pub type Stake = u64;

/// The chain-wide scope, created at genesis: its electorate decides on scopes, admissions and
/// everything else that concerns the whole chain.
pub const CHAIN_WIDE_SCOPE: ScopeId = 0;

/// Most stake changes of one membership, and most suspensions and resumptions of one
/// stakeholder, kept for the proposals still open (older ones are dropped once no open proposal
/// can need them).
pub const MAX_RECENT_CHANGES: u32 = 8;

/// One of the three mechanisms of governance, equal in rights.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum Sector {
	/// Government bodies.
	Government,
	/// Enterprises and other market actors.
	Market,
	/// Citizens, communities and civil society.
	Community,
}

impl Sector {
	/// All sectors, in a fixed order.
	pub const ALL: [Sector; 3] = [Sector::Government, Sector::Market, Sector::Community];
}

/// How a vote's weight is derived from the voter's stake.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum Weighting {
	/// One stakeholder, one vote.
	Headcount,
	/// Linear in stake; no voter weighs more than `cap` of the electorate's total stake.
	Stake {
		/// Largest share of the electorate's stake one voter can carry.
		cap: Perbill,
	},
	/// The square root of stake: more at stake is more weight, with diminishing returns.
	Quadratic,
	/// `headcount_share` of the decision comes from the headcount tally, the rest from the stake
	/// tally: everyone represented, most at stake most power.
	Hybrid {
		/// Share of the decision decided by headcount.
		headcount_share: Perbill,
	},
}

/// A scope's voting rule: how votes weigh, what passes, and for how long votes are open.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct VotingRule<BlockNumber> {
	/// How votes are weighted.
	pub weighting: Weighting,
	/// The aye share of aye + nay weight must exceed this to pass.
	pub approval: Perbill,
	/// The share of the electorate that voted (abstentions included) must reach this.
	pub quorum: Perbill,
	/// Each sector with members in the electorate must approve by a simple majority of its own
	/// ayes and nays. A sector whose members cast no aye and no nay takes no side and does not
	/// block: silence is not a veto (turnout still counts toward the quorum).
	pub sector_balance: bool,
	/// Blocks from submission to close.
	pub voting_period: BlockNumber,
}

/// A scope and its rule and totals.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct ScopeInfo<BlockNumber, MaxNameLen: Get<u32>> {
	/// Human-readable name, e.g. `district-7-water`.
	pub name: BoundedVec<u8, MaxNameLen>,
	/// Default voting rule of proposals in this scope.
	pub rule: VotingRule<BlockNumber>,
	/// Active stakeholders of the scope, per sector.
	pub totals: SectorTotals,
}

/// Whether a stakeholder may take part.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum StakeholderStatus {
	/// Votes and proposes; counted in scope totals.
	Active,
	/// Neither votes nor proposes; left out of scope totals until resumed.
	Suspended,
}

/// A stakeholder's membership of one scope.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Membership<BlockNumber> {
	/// The scope.
	pub scope: ScopeId,
	/// Stake in it.
	pub stake: Stake,
	/// Block of admission: proposals submitted at or before it are not this member's to vote on.
	pub since: BlockNumber,
}

/// A stakeholder: sector, status and the scopes it belongs to.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxScopes))]
pub struct StakeholderInfo<BlockNumber, MaxScopes: Get<u32>> {
	/// The stakeholder's sector, fixed at admission.
	pub sector: Sector,
	/// Active or suspended.
	pub status: StakeholderStatus,
	/// Scopes and stakes, at most `MaxScopesPerStakeholder`.
	pub memberships: BoundedVec<Membership<BlockNumber>, MaxScopes>,
}

impl<BlockNumber, MaxScopes: Get<u32>> StakeholderInfo<BlockNumber, MaxScopes> {
	/// The membership of `scope`, if any.
	pub fn membership(&self, scope: ScopeId) -> Option<&Membership<BlockNumber>> {
		self.memberships.iter().find(|m| m.scope == scope)
	}
}

/// An account's application to become a stakeholder of a scope.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Application<Balance> {
	/// The sector the applicant claims.
	pub sector: Sector,
	/// The scope applied to.
	pub scope: ScopeId,
	/// The stake the applicant claims; the admitting origin may set another on approval.
	pub stake: Stake,
	/// Deposit held until the application is decided or withdrawn.
	pub deposit: Balance,
}

/// A stakeholder's choice.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum VoteChoice {
	/// For.
	Aye,
	/// Against.
	Nay,
	/// Present, counted for turnout, neither for nor against.
	Abstain,
}

/// A cast vote, kept so that changing it updates the tally in O(1).
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct VoteRecord {
	/// The choice.
	pub choice: VoteChoice,
	/// The voter's sector.
	pub sector: Sector,
	/// The stake-side weight the vote carries under the proposal's rule.
	pub weight: u128,
	/// Cast by the voter's delegate: a vote of the voter's own replaces it.
	pub delegated: bool,
}

/// How a passed proposal's call fared.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum Enactment {
	/// The call was dispatched and succeeded.
	Enacted,
	/// The call was dispatched and failed.
	EnactmentFailed {
		/// Why it failed.
		error: DispatchError,
	},
}

/// Where a proposal stands.
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
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum ProposalStatus<BlockNumber> {
	/// Open for votes until its end block.
	Ongoing,
	/// Passed; `enactment` is the outcome of its call, `None` if it had none.
	Approved {
		/// Block it closed at.
		at: BlockNumber,
		/// The call's outcome.
		enactment: Option<Enactment>,
	},
	/// Passed; regulators hold its call's enactment for review until `until`, when it is
	/// enacted automatically (or by anyone calling `close`).
	Held {
		/// Block it closed at.
		at: BlockNumber,
		/// Block its call is enacted at.
		until: BlockNumber,
	},
	/// Passed, but a pause or safe mode blocked its call; it is tried again at `retry`, every
	/// `EnactmentRetryPeriod`, until it runs or a chain-wide vote cancels it.
	AwaitingEnactment {
		/// Block it closed at.
		at: BlockNumber,
		/// Block of the next attempt.
		retry: BlockNumber,
		/// Attempts made so far.
		attempts: u32,
	},
	/// Did not pass.
	Rejected {
		/// Block it closed at.
		at: BlockNumber,
	},
	/// Withdrawn by its proposer before any vote.
	Withdrawn {
		/// Block it was withdrawn at.
		at: BlockNumber,
	},
	/// Cancelled: for abuse while voting (the deposit was slashed), or by a chain-wide vote
	/// during its enactment delay (the call never ran).
	Cancelled {
		/// Block it was cancelled at.
		at: BlockNumber,
	},
	/// Passed; its call waits out the enactment delay, during which a chain-wide vote may
	/// cancel it.
	Scheduled {
		/// Block it closed at.
		at: BlockNumber,
		/// Block its call is enacted at.
		enact_at: BlockNumber,
	},
}

/// The time a scope's decisions must give people, beyond its voting rule. Set per scope, and
/// for root-level decisions, by the chain-wide scope; a proposal keeps those of its submission.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Safeguards<BlockNumber> {
	/// Shortest voting period: a rule's shorter period is lengthened to this.
	pub min_voting_period: BlockNumber,
	/// Blocks from a pass to the enactment of its call: time to react, and for a chain-wide
	/// vote to cancel it.
	pub enactment_delay: BlockNumber,
	/// The proposal passes only if it has been passing, without interruption, for at least
	/// this many blocks when its vote ends: no last-minute swing decides.
	pub confirm_period: BlockNumber,
}

impl<BlockNumber: PartialOrd + Copy> Safeguards<BlockNumber> {
	/// The stricter of two: the longer of each period.
	pub fn max(self, other: Self) -> Self {
		let longer = |a: BlockNumber, b: BlockNumber| if b > a { b } else { a };
		Self {
			min_voting_period: longer(self.min_voting_period, other.min_voting_period),
			enactment_delay: longer(self.enactment_delay, other.enactment_delay),
			confirm_period: longer(self.confirm_period, other.confirm_period),
		}
	}
}

/// The most an encoded proposal call may take, as a bound type.
pub type EncodedCall<MaxCallLen> = BoundedVec<u8, MaxCallLen>;

/// A proposal: what is asked, who may decide, and how the vote stands.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxTitleLen))]
pub struct Proposal<AccountId, Balance, BlockNumber, MaxTitleLen: Get<u32>> {
	/// The scope deciding it.
	pub scope: ScopeId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// A short title.
	pub title: BoundedVec<u8, MaxTitleLen>,
	/// Hash of the full description, kept off chain.
	pub description_hash: H256,
	/// Whether it carries a call to dispatch if it passes; the call itself is kept apart, in
	/// `ProposalCalls`, so that a vote does not read or rewrite it.
	pub has_call: bool,
	/// The proposer's deposit, held until the proposal ends.
	pub deposit: Balance,
	/// Block of submission; the electorate is fixed as of it.
	pub submitted: BlockNumber,
	/// Block at which voting closes.
	pub end: BlockNumber,
	/// The scope's rule as of submission.
	pub rule: VotingRule<BlockNumber>,
	/// The scope's totals as of submission: the denominator of turnout.
	pub electorate: SectorTotals,
	/// The running tally.
	pub tally: Tally,
	/// Where it stands.
	pub status: ProposalStatus<BlockNumber>,
}

/// A member's delegation of its vote in one scope.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Delegation<AccountId, BlockNumber> {
	/// The member who votes for the delegator.
	pub delegate: AccountId,
	/// The first block at which the delegation no longer counts; `None`: until undelegated.
	pub expires: Option<BlockNumber>,
}

/// How a scope votes and whom it admits. Set by the chain-wide scope.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ScopePolicy<BlockNumber> {
	/// `Some(reveal_period)`: the scope votes by secret ballot. Members commit to a vote during
	/// the voting period and reveal it in the `reveal_period` blocks after it; the tally is
	/// empty until then and an unrevealed commitment counts as absent.
	pub secret_ballot: Option<BlockNumber>,
	/// Admission (by `admit`, an approved application or `join`) needs a registrar's valid
	/// attestation of the member's sector and stake; one attested person holds one membership.
	pub attestation_required: bool,
}

/// A secret ballot's phases and counts.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct SecretBallot<BlockNumber> {
	/// First block of the reveal phase: commitments are accepted before it, reveals from it
	/// until the proposal's end.
	pub reveal_from: BlockNumber,
	/// Members who committed.
	pub commitments: u32,
	/// Members whose vote was revealed and counted.
	pub revealed: u32,
}

/// A registrar's attestation of a person's sector and stake in a scope.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Attestation<AccountId, BlockNumber> {
	/// The registrar who attested.
	pub registrar: AccountId,
	/// Who the person is, as the registrar identifies people (say, the hash of an id number
	/// salted per scope): one person, one attested account per scope.
	pub person: H256,
	/// The attested sector.
	pub sector: Sector,
	/// The attested stake.
	pub stake: Stake,
	/// Hash of the evidence the registrar examined, kept off chain.
	pub evidence: H256,
	/// The first block at which the attestation no longer counts.
	pub expires: BlockNumber,
}

/// The hash a secret-ballot voter commits to:
/// `blake2_256(SCALE(index: u32, voter: AccountId, choice: VoteChoice, salt: [u8; 32]))`.
/// The salt must be secret and random, or the three possible choices are easily tried.
pub fn commitment_of<AccountId: Encode>(
	index: ProposalIndex,
	voter: &AccountId,
	choice: VoteChoice,
	salt: &[u8; 32],
) -> H256 {
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(&(index, voter, choice, salt).encode())
}
