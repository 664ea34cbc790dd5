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
		Self::ensure_in_electorate(who, proposal)
	}

	/// Checks that `who` is in `proposal`'s electorate: a member of its scope before its
	/// submission, active at it. Returns its stakeholder record and its stake as of the
	/// submission.
	pub(crate) fn ensure_in_electorate(
		who: &T::AccountId,
		proposal: &crate::ProposalOf<T>,
	) -> Result<(crate::StakeholderInfoOf<T>, crate::Stake), DispatchError> {
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

	/// The membership of `who` in `scope`, whatever its status.
	pub(crate) fn membership_of(
		who: &T::AccountId,
		scope: crate::ScopeId,
	) -> Result<crate::Membership<frame_system::pallet_prelude::BlockNumberFor<T>>, DispatchError>
	{
		let info = Stakeholders::<T>::get(who).ok_or(Error::<T>::StakeholderNotFound)?;
		info.membership(scope).copied().ok_or(Error::<T>::NotMember.into())
	}

	/// Records `who`'s vote, replacing `previous` in the tally: O(1).
	pub(crate) fn put_vote(
		index: ProposalIndex,
		who: &T::AccountId,
		proposal: &mut crate::ProposalOf<T>,
		previous: Option<VoteRecord>,
		record: VoteRecord,
	) {
		match previous {
			Some(previous) => proposal.tally.remove(&previous),
			None => VotesByAccount::<T>::insert(who, index, ()),
		}
		proposal.tally.add(&record);
		Votes::<T>::insert(index, who, record);
	}

	/// Whether `origin`'s vote on proposal `index` is free of fees: the origin is a signed
	/// member of the proposal's electorate, the vote is open, and this is the member's first
	/// vote of its own on it. At most one free transaction per member per proposal, so fee-free votes stay
	/// bounded by the electorate and the deposit-bounded number of proposals; a change of vote
	/// pays the normal fee.
	pub fn is_free_vote(origin: &OriginFor<T>, index: ProposalIndex) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else { return false };
		let Some(proposal) = Proposals::<T>::get(index) else { return false };
		// A delegated vote cast for the member does not make its own first vote paid.
		Self::ensure_may_vote(&who, &proposal).is_ok()
			&& !SecretBallots::<T>::contains_key(index)
			&& Votes::<T>::get(index, &who).is_none_or(|v| v.delegated)
	}

	/// Casts `who`'s vote and those of its delegators; returns how many delegators were
	/// looked at.
	pub(crate) fn do_vote(
		who: &T::AccountId,
		index: ProposalIndex,
		choice: VoteChoice,
	) -> Result<u32, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let (info, stake) = Self::ensure_may_vote(who, &proposal)?;
		ensure!(!SecretBallots::<T>::contains_key(index), Error::<T>::SecretBallot);
		let record = VoteRecord {
			choice,
			sector: info.sector,
			weight: vote_weight(&proposal.rule.weighting, stake, &proposal.electorate),
			delegated: false,
		};
		let previous = Votes::<T>::get(index, who);
		Self::put_vote(index, who, &mut proposal, previous, record);
		let delegators = Self::cast_delegated(who, index, &mut proposal, choice);
		if !ProposalSafeguards::<T>::get(index).confirm_period.is_zero() {
			Self::track_passing(index, &proposal);
		}
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted { index, who: who.clone(), choice });
		Ok(delegators)
	}
}
