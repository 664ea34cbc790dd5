//! The records the pallet stores and the arithmetic of tallies.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_arithmetic::traits::IntegerSquareRoot,
	sp_core::{Get, H256},
	sp_runtime::{DispatchError, PerThing, Perbill, Saturating},
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

/// Headcount and stake of a group of stakeholders.
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
pub struct Count {
	/// Number of stakeholders.
	pub members: u32,
	/// Their total stake.
	pub stake: u128,
}

impl Count {
	/// Adds one member with `stake`.
	pub fn add(&mut self, stake: Stake) {
		self.members = self.members.saturating_add(1);
		self.stake = self.stake.saturating_add(stake.into());
	}

	/// Removes one member with `stake`.
	pub fn remove(&mut self, stake: Stake) {
		self.members = self.members.saturating_sub(1);
		self.stake = self.stake.saturating_sub(stake.into());
	}
}

/// One value per sector: the three sectors side by side, equal in rights.
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
pub struct PerSector<T> {
	/// Government's.
	pub government: T,
	/// Market's.
	pub market: T,
	/// Community's.
	pub community: T,
}

impl<T> PerSector<T> {
	/// One sector's value.
	pub fn of(&self, sector: Sector) -> &T {
		match sector {
			Sector::Government => &self.government,
			Sector::Market => &self.market,
			Sector::Community => &self.community,
		}
	}

	/// One sector's value, mutably.
	pub fn of_mut(&mut self, sector: Sector) -> &mut T {
		match sector {
			Sector::Government => &mut self.government,
			Sector::Market => &mut self.market,
			Sector::Community => &mut self.community,
		}
	}
}

/// Running totals of a scope per sector, kept so nothing iterates over stakeholders.
pub type SectorTotals = PerSector<Count>;

impl PerSector<Count> {
	/// All stakeholders across sectors.
	pub fn members(&self) -> u32 {
		self.government
			.members
			.saturating_add(self.market.members)
			.saturating_add(self.community.members)
	}

	/// Total stake across sectors.
	pub fn stake(&self) -> u128 {
		self.government.stake.saturating_add(self.market.stake).saturating_add(self.community.stake)
	}
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

/// Votes on one side: how many and how much weight.
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
pub struct Side {
	/// Number of voters.
	pub count: u32,
	/// Their stake-side weight.
	pub weight: u128,
}

/// One sector's votes.
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
pub struct SectorTally {
	/// Votes for.
	pub ayes: Side,
	/// Votes against.
	pub nays: Side,
	/// Abstentions.
	pub abstentions: Side,
}

impl SectorTally {
	fn side_mut(&mut self, choice: VoteChoice) -> &mut Side {
		match choice {
			VoteChoice::Aye => &mut self.ayes,
			VoteChoice::Nay => &mut self.nays,
			VoteChoice::Abstain => &mut self.abstentions,
		}
	}

	/// Voters in this sector, abstentions included.
	pub fn voters(&self) -> u32 {
		self.ayes.count.saturating_add(self.nays.count).saturating_add(self.abstentions.count)
	}
}

/// A proposal's running tally, per sector.
pub type Tally = PerSector<SectorTally>;

/// Whether a proposal passes now, and why.
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
pub struct Outcome {
	/// Share of the electorate that voted, abstentions included.
	pub turnout: Perbill,
	/// Share of aye weight among aye + nay under the rule's weighting.
	pub approval: Perbill,
	/// `turnout` reaches the rule's quorum.
	pub quorum_reached: bool,
	/// `approval` exceeds the rule's threshold.
	pub approval_reached: bool,
	/// Every sector with members approves by its own majority (true when the rule does not ask).
	pub sectors_approve: bool,
	/// All of the above: the proposal passes.
	pub passes: bool,
}

/// `a / (a + b)`, zero when both are zero.
fn share(a: u128, b: u128) -> Perbill {
	let total = a.saturating_add(b);
	if total == 0 {
		Perbill::zero()
	} else {
		Perbill::from_rational(a, total)
	}
}

impl PerSector<SectorTally> {
	/// Counts a vote.
	pub fn add(&mut self, vote: &VoteRecord) {
		let side = self.of_mut(vote.sector).side_mut(vote.choice);
		side.count = side.count.saturating_add(1);
		side.weight = side.weight.saturating_add(vote.weight);
	}

	/// Takes back a vote counted before.
	pub fn remove(&mut self, vote: &VoteRecord) {
		let side = self.of_mut(vote.sector).side_mut(vote.choice);
		side.count = side.count.saturating_sub(1);
		side.weight = side.weight.saturating_sub(vote.weight);
	}

	/// All voters, abstentions included.
	pub fn voters(&self) -> u32 {
		Sector::ALL.iter().fold(0u32, |n, s| n.saturating_add(self.of(*s).voters()))
	}

	fn sum(&self) -> SectorTally {
		let mut all = SectorTally::default();
		for sector in Sector::ALL {
			let t = self.of(sector);
			for (into, from) in [
				(&mut all.ayes, &t.ayes),
				(&mut all.nays, &t.nays),
				(&mut all.abstentions, &t.abstentions),
			] {
				into.count = into.count.saturating_add(from.count);
				into.weight = into.weight.saturating_add(from.weight);
			}
		}
		all
	}

	/// The outcome of these votes under `rule`, against the fixed `electorate`.
	pub fn outcome<BlockNumber>(
		&self,
		rule: &VotingRule<BlockNumber>,
		electorate: &SectorTotals,
	) -> Outcome {
		let turnout = if electorate.members() == 0 {
			Perbill::zero()
		} else {
			Perbill::from_rational(self.voters(), electorate.members())
		};
		let approval = approval_of(&self.sum(), &rule.weighting);
		let quorum_reached = turnout >= rule.quorum && self.voters() > 0;
		let approval_reached = approval > rule.approval;
		// A sector whose members cast no aye and no nay takes no side: silence is not a veto.
		let sectors_approve = !rule.sector_balance
			|| Sector::ALL.iter().all(|s| {
				let votes = self.of(*s);
				electorate.of(*s).members == 0
					|| votes.ayes.count.saturating_add(votes.nays.count) == 0
					|| approval_of(votes, &rule.weighting) > Perbill::from_percent(50)
			});
		Outcome {
			turnout,
			approval,
			quorum_reached,
			approval_reached,
			sectors_approve,
			passes: quorum_reached && approval_reached && sectors_approve,
		}
	}
}

/// The aye share of a group of votes under `weighting`.
fn approval_of(votes: &SectorTally, weighting: &Weighting) -> Perbill {
	let by_count = share(votes.ayes.count.into(), votes.nays.count.into());
	let by_weight = share(votes.ayes.weight, votes.nays.weight);
	match weighting {
		Weighting::Headcount => by_count,
		Weighting::Stake { .. } | Weighting::Quadratic => by_weight,
		Weighting::Hybrid { headcount_share } => headcount_share
			.saturating_mul(by_count)
			.saturating_add(headcount_share.left_from_one().saturating_mul(by_weight)),
	}
}

/// The stake-side weight of a voter with `stake` under `weighting`.
pub fn vote_weight(weighting: &Weighting, stake: Stake, electorate: &SectorTotals) -> u128 {
	let stake = u128::from(stake);
	match weighting {
		Weighting::Headcount => 0,
		Weighting::Stake { cap } => stake.min(cap.mul_floor(electorate.stake())),
		Weighting::Quadratic => stake.integer_sqrt(),
		Weighting::Hybrid { .. } => stake,
	}
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
	/// Passed: approved, held, or awaiting its enactment.
	Passed,
	/// Did not pass.
	Rejected,
	/// Withdrawn or cancelled.
	Ended,
}

impl StatusFilter {
	/// Whether `status` is one this filter returns.
	pub fn matches<BlockNumber>(&self, status: &ProposalStatus<BlockNumber>) -> bool {
		match self {
			StatusFilter::Any => true,
			StatusFilter::Ongoing => matches!(status, ProposalStatus::Ongoing),
			StatusFilter::Passed => matches!(
				status,
				ProposalStatus::Approved { .. }
					| ProposalStatus::Held { .. }
					| ProposalStatus::AwaitingEnactment { .. }
			),
			StatusFilter::Rejected => matches!(status, ProposalStatus::Rejected { .. }),
			StatusFilter::Ended => {
				matches!(
					status,
					ProposalStatus::Withdrawn { .. } | ProposalStatus::Cancelled { .. }
				)
			},
		}
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
