//! Casting and changing votes: O(1) per vote.

use crate::{
	pallet::*, vote_weight, ProposalIndex, ProposalStatus, StakeholderStatus, VoteChoice,
	VoteRecord,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::OriginFor},
	sp_runtime::traits::Zero,
};

impl<T: Config> Pallet<T> {
	/// Checks that `who` may vote on `proposal` now; returns its stakeholder record and its
	/// stake as of the submission. The electorate is fixed at submission, and so is each
	/// member's weight: later members do not vote on it, and a suspension, resumption or stake
	/// change since changes nothing for it.
	pub(crate) fn ensure_may_vote(
		who: &T::AccountId,
		proposal: &crate::ProposalOf<T>,
	) -> Result<(crate::StakeholderInfoOf<T>, crate::Stake), DispatchError> {
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		ensure!(frame_system::Pallet::<T>::block_number() < proposal.end, Error::<T>::VotingEnded);
		let info = Stakeholders::<T>::get(who).ok_or(Error::<T>::StakeholderNotFound)?;
		let membership = *info.membership(proposal.scope).ok_or(Error::<T>::NotMember)?;
		ensure!(
			Self::status_at(who, proposal.submitted, info.status) == StakeholderStatus::Active,
			Error::<T>::Suspended
		);
		ensure!(membership.since < proposal.submitted, Error::<T>::NotInElectorate);
		let stake = Self::stake_at(who, proposal.scope, proposal.submitted, membership.stake);
		Ok((info, stake))
	}

	/// Whether `origin`'s vote on proposal `index` is free of fees: the origin is a signed
	/// member of the proposal's electorate, the vote is open, and this is the member's first
	/// vote on it. At most one free transaction per member per proposal, so fee-free votes stay
	/// bounded by the electorate and the deposit-bounded number of proposals; a change of vote
	/// pays the normal fee.
	pub fn is_free_vote(origin: &OriginFor<T>, index: ProposalIndex) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else { return false };
		let Some(proposal) = Proposals::<T>::get(index) else { return false };
		Self::ensure_may_vote(&who, &proposal).is_ok() && !Votes::<T>::contains_key(index, &who)
	}

	pub(crate) fn do_vote(
		who: &T::AccountId,
		index: ProposalIndex,
		choice: VoteChoice,
	) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let (info, stake) = Self::ensure_may_vote(who, &proposal)?;
		let record = VoteRecord {
			choice,
			sector: info.sector,
			weight: vote_weight(&proposal.rule.weighting, stake, &proposal.electorate),
		};
		match Votes::<T>::get(index, who) {
			Some(previous) => proposal.tally.remove(&previous),
			None => VotesByAccount::<T>::insert(who, index, ()),
		}
		proposal.tally.add(&record);
		if !ProposalSafeguards::<T>::get(index).confirm_period.is_zero() {
			Self::track_passing(index, &proposal);
		}
		Votes::<T>::insert(index, who, record);
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted { index, who: who.clone(), choice });
		Ok(())
	}
}
