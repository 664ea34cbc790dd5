//! Casting and changing votes: O(1) per vote.

use crate::{pallet::*, vote_weight, ProposalIndex, ProposalStatus, VoteChoice, VoteRecord};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_vote(
		who: &T::AccountId,
		index: ProposalIndex,
		choice: VoteChoice,
	) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		ensure!(frame_system::Pallet::<T>::block_number() < proposal.end, Error::<T>::VotingEnded);
		let (sector, membership) = Self::active_membership(who, proposal.scope)?;
		// The electorate is fixed at submission: later members do not vote on it.
		ensure!(membership.since < proposal.submitted, Error::<T>::NotInElectorate);
		let record = VoteRecord {
			choice,
			sector,
			weight: vote_weight(&proposal.rule.weighting, membership.stake, &proposal.electorate),
		};
		match Votes::<T>::get(index, who) {
			Some(previous) => proposal.tally.remove(&previous),
			None => VotesByAccount::<T>::insert(who, index, ()),
		}
		proposal.tally.add(&record);
		Votes::<T>::insert(index, who, record);
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Voted { index, who: who.clone(), choice });
		Ok(())
	}
}
