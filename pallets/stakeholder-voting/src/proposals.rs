//! Submitting, withdrawing and cancelling proposals.

use crate::{
	pallet::*, ProposalIndex, ProposalStatus, ScopeId, StakeholderStatus, Tally, CHAIN_WIDE_SCOPE,
};
use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::traits::QueryPreimage as _,
	frame_support::{dispatch::GetDispatchInfo, ensure, pallet_prelude::*, traits::Contains},
	frame_system,
	sp_core::H256,
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// The membership of an active stakeholder of `scope`, or why there is none.
	pub(crate) fn active_membership(
		who: &T::AccountId,
		scope: ScopeId,
	) -> Result<
		(crate::Sector, crate::Membership<frame_system::pallet_prelude::BlockNumberFor<T>>),
		DispatchError,
	> {
		let info = Stakeholders::<T>::get(who).ok_or(Error::<T>::StakeholderNotFound)?;
		ensure!(info.status == StakeholderStatus::Active, Error::<T>::Suspended);
		let membership = *info.membership(scope).ok_or(Error::<T>::NotMember)?;
		Ok((info.sector, membership))
	}

	pub(crate) fn do_propose(
		proposer: T::AccountId,
		scope: ScopeId,
		title: BoundedVec<u8, T::MaxTitleLen>,
		description_hash: H256,
		call: Option<<T as Config>::RuntimeCall>,
	) -> Result<ProposalIndex, DispatchError> {
		let info = Scopes::<T>::get(scope).ok_or(Error::<T>::ScopeNotFound)?;
		Self::active_membership(&proposer, scope)?;
		let open_by = OpenProposalsBy::<T>::get(&proposer);
		let open_in = OpenProposalsIn::<T>::get(scope);
		ensure!(
			open_by < T::MaxOpenProposalsPerProposer::get()
				&& (scope == CHAIN_WIDE_SCOPE || open_in < T::MaxOpenProposalsPerScope::get()),
			Error::<T>::TooManyOpenProposals
		);
		let safeguards = Self::safeguards_for(scope, call.as_ref());
		// A secret ballot keeps its confirm period: it runs after the reveal phase, so the final
		// tally stands in public that long before the ballot closes.
		let secret = Policies::<T>::get(scope).secret_ballot;
		let call = match call {
			Some(call) => {
				ensure!(T::BoundedCallTree::contains(&call), Error::<T>::CallTooComplex);
				ensure!(!T::NotForRoot::contains(&call), Error::<T>::RootCallForbidden);
				ensure!(
					call.get_dispatch_info().call_weight.all_lte(T::MaxEnactmentWeight::get()),
					Error::<T>::CallTooHeavy
				);
				let encoded: Vec<u8> = call.encode();
				// What enactment could not decode is refused now.
				Self::decode_call(&encoded)?;
				Some(BoundedVec::try_from(encoded).map_err(|_| Error::<T>::CallTooLong)?)
			},
			None => None,
		};
		let index = ProposalCount::<T>::get();
		let next = index.checked_add(1).ok_or(Error::<T>::TooManyProposals)?;
		let now = frame_system::Pallet::<T>::block_number();
		// The safeguards lengthen a short rule: at least the minimum, and long enough to
		// confirm.
		let voting_period = info
			.rule
			.voting_period
			.max(safeguards.min_voting_period)
			.max(safeguards.confirm_period);
		let reveal_from = now.saturating_add(voting_period);
		// A secret ballot closes after its reveal phase and, with a confirm period, that much
		// later again.
		let end = match secret {
			Some(reveal) => {
				reveal_from.saturating_add(reveal).saturating_add(safeguards.confirm_period)
			},
			None => reveal_from,
		};
		let end = Self::schedule(end, index)?;
		let mut rule = info.rule;
		rule.voting_period = voting_period;
		let deposit = T::ProposalDeposit::get();
		Self::hold_deposit(HoldReason::ProposalDeposit, &proposer, deposit)?;
		Proposals::<T>::insert(
			index,
			crate::Proposal {
				scope,
				proposer: proposer.clone(),
				title,
				description_hash,
				has_call: call.is_some(),
				deposit,
				submitted: now,
				end,
				rule,
				electorate: info.totals,
				tally: Tally::default(),
				status: ProposalStatus::Ongoing,
			},
		);
		ProposalCount::<T>::put(next);
		if let Some(call) = call {
			ProposalCalls::<T>::insert(index, call);
		}
		if safeguards != Default::default() {
			ProposalSafeguards::<T>::insert(index, safeguards);
		}
		if secret.is_some() {
			SecretBallots::<T>::insert(
				index,
				crate::SecretBallot { reveal_from, commitments: 0, revealed: 0 },
			);
		}
		// A description noted before the proposal stays readable for the proposal's life: its
		// noter may take the deposit back, but the text stays while requested.
		if T::Preimages::len(&description_hash).is_some() {
			T::Preimages::request(&description_hash);
			PinnedDescriptions::<T>::insert(index, ());
		}
		ProposalsBy::<T>::insert(&proposer, index, ());
		OpenProposalsBy::<T>::insert(&proposer, open_by.saturating_add(1));
		OpenProposalsIn::<T>::insert(scope, open_in.saturating_add(1));
		Self::deposit_event(Event::Proposed { index, scope, proposer, end });
		Ok(index)
	}

	/// Ends an ongoing proposal before its vote does (withdrawn or cancelled): out of the
	/// close queue, its hold and confirm tracking dropped, its open-proposal slots freed.
	fn abandon(index: ProposalIndex, proposal: &crate::ProposalOf<T>) {
		Self::unpin_description(index, proposal.description_hash);
		Self::remove_from_schedule(proposal.end, index);
		EnactmentHolds::<T>::remove(index);
		HoldStarts::<T>::remove(index);
		PassingSince::<T>::remove(index);
		Self::end_ongoing(proposal);
	}

	/// Releases the description proposal `index` pinned, if it pinned one: no text stays on
	/// chain for free once no proposal needs it.
	pub(crate) fn unpin_description(index: ProposalIndex, description_hash: H256) {
		if PinnedDescriptions::<T>::take(index).is_some() {
			T::Preimages::unrequest(&description_hash);
		}
	}

	pub(crate) fn do_withdraw(who: &T::AccountId, index: ProposalIndex) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(proposal.proposer == *who, Error::<T>::NotProposer);
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		ensure!(
			proposal.tally.voters() == 0
				&& SecretBallots::<T>::get(index).is_none_or(|b| b.commitments == 0),
			Error::<T>::HasVotes
		);
		Self::abandon(index, &proposal);
		Self::release_deposit(HoldReason::ProposalDeposit, who, proposal.deposit)?;
		proposal.status =
			ProposalStatus::Withdrawn { at: frame_system::Pallet::<T>::block_number() };
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Withdrawn { index });
		Ok(())
	}

	pub(crate) fn do_cancel(index: ProposalIndex) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		match proposal.status {
			ProposalStatus::Ongoing => {
				Self::abandon(index, &proposal);
				Self::burn_deposit(
					HoldReason::ProposalDeposit,
					&proposal.proposer,
					proposal.deposit,
				)?;
			},
			// A passed decision in its enactment delay: its call never runs. The deposit was
			// settled when it passed.
			ProposalStatus::Scheduled { enact_at, .. } => {
				Self::remove_from_schedule(enact_at, index);
			},
			// Held by regulators, or waiting out a pause or safe mode: what delays a decision
			// never takes it out of the stakeholders' hands.
			ProposalStatus::Held { until, .. } => {
				Self::remove_from_schedule(until, index);
				HoldStarts::<T>::remove(index);
			},
			ProposalStatus::AwaitingEnactment { retry, .. } => {
				Self::remove_from_schedule(retry, index);
			},
			_ => return Err(Error::<T>::NotCancellable.into()),
		}
		proposal.status = ProposalStatus::Cancelled { at: now };
		Proposals::<T>::insert(index, proposal);
		Self::deposit_event(Event::Cancelled { index });
		Ok(())
	}
}
