//! The arithmetic of tallies: counts per sector, each side's weight, and the outcome.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use crate::types::*;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	sp_arithmetic::traits::IntegerSquareRoot,
	sp_runtime::{PerThing, Perbill, Saturating},
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

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

/// `a / (a + b)`, zero when both are zero.
fn share(a: u128, b: u128) -> Perbill {
	let total = a.saturating_add(b);
	if total == 0 {
		Perbill::zero()
	} else {
		Perbill::from_rational(a, total)
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
