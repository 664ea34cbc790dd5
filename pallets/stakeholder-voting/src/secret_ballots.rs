//! Secret ballots: commit during the voting period, reveal after it, counted at reveal.
//!
//! A proposal of a scope whose policy asks for secret ballots reveals for `reveal_period` blocks
//! after its voting period and closes then — or, under a confirm period, that many blocks later:
//! the final tally must have been passing for the whole confirm period, in public, before the
//! close (as for an open ballot). Its `end` is the close, and its [`crate::SecretBallot`] record
//! says where the reveal phase starts. During voting only hashes are stored, so nobody — regulators
//! included — can read a choice or a tally; a commitment never revealed counts as absent.

use crate::{
	commitment_of, pallet::*, vote_weight, ProposalIndex, ProposalStatus, ScopeId, ScopePolicy,
	VoteChoice, VoteRecord,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_runtime::{traits::Zero, Saturating},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_policy(
		scope: ScopeId,
		policy: ScopePolicy<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
		if let Some(reveal) = policy.secret_ballot {
			ensure!(
				reveal >= T::MinVotingPeriod::get() && reveal <= T::MaxVotingPeriod::get(),
				Error::<T>::InvalidPolicy
			);
		}
		if policy == ScopePolicy::default() {
			Policies::<T>::remove(scope);
		} else {
			Policies::<T>::insert(scope, policy);
		}
		Self::deposit_event(Event::PolicySet { scope, policy });
		Ok(())
	}

	/// The proposal and its ballot, if `who` may commit to a vote on it now.
	fn ensure_may_commit(
		who: &T::AccountId,
		index: ProposalIndex,
	) -> Result<(crate::ProposalOf<T>, crate::SecretBallot<BlockNumberFor<T>>), DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		let ballot = SecretBallots::<T>::get(index).ok_or(Error::<T>::NotSecretBallot)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() < ballot.reveal_from,
			Error::<T>::VotingEnded
		);
		Self::ensure_in_electorate(who, &proposal)?;
		Ok((proposal, ballot))
	}

	pub(crate) fn do_commit_vote(
		who: &T::AccountId,
		index: ProposalIndex,
		commitment: H256,
	) -> DispatchResult {
		let (_, mut ballot) = Self::ensure_may_commit(who, index)?;
		if !Commitments::<T>::contains_key(index, who) {
			ballot.commitments = ballot.commitments.saturating_add(1);
			SecretBallots::<T>::insert(index, ballot);
		}
		Commitments::<T>::insert(index, who, commitment);
		Self::deposit_event(Event::VoteCommitted { index, who: who.clone() });
		Ok(())
	}

	/// The proposal, its ballot, and `who`'s record and stake, if `choice` and `salt` open
	/// `who`'s commitment on it now: during the reveal phase, by a member still in the
	/// electorate (its membership may have been removed since it committed).
	#[allow(clippy::type_complexity)]
	fn ensure_may_reveal(
		who: &T::AccountId,
		index: ProposalIndex,
		choice: VoteChoice,
		salt: &[u8; 32],
	) -> Result<
		(
			crate::ProposalOf<T>,
			crate::SecretBallot<BlockNumberFor<T>>,
			crate::StakeholderInfoOf<T>,
			crate::Stake,
		),
		DispatchError,
	> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		let ballot = SecretBallots::<T>::get(index).ok_or(Error::<T>::NotSecretBallot)?;
		let now = frame_system::Pallet::<T>::block_number();
		// The reveal phase ends where the confirm period (if any) begins.
		let confirm = ProposalSafeguards::<T>::get(index).confirm_period;
		let reveal_until = proposal.end.saturating_sub(confirm);
		ensure!(now >= ballot.reveal_from && now < reveal_until, Error::<T>::NotRevealPhase);
		let commitment = Commitments::<T>::get(index, who).ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(
			commitment_of(index, who, choice, salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		let (info, stake) = Self::ensure_in_electorate(who, &proposal)?;
		Ok((proposal, ballot, info, stake))
	}

	pub(crate) fn do_reveal_vote(
		who: &T::AccountId,
		index: ProposalIndex,
		choice: VoteChoice,
		salt: [u8; 32],
	) -> DispatchResult {
		let (mut proposal, mut ballot, info, stake) =
			Self::ensure_may_reveal(who, index, choice, &salt)?;
		Commitments::<T>::remove(index, who);
		let record = VoteRecord {
			choice,
			sector: info.sector,
			weight: vote_weight(&proposal.rule.weighting, stake, &proposal.electorate),
			delegated: false,
		};
		Self::put_vote(index, who, &mut proposal, None, record);
		if !ProposalSafeguards::<T>::get(index).confirm_period.is_zero() {
			Self::track_passing(index, &proposal);
		}
		Proposals::<T>::insert(index, proposal);
		ballot.revealed = ballot.revealed.saturating_add(1);
		SecretBallots::<T>::insert(index, ballot);
		Self::deposit_event(Event::VoteRevealed { index, who: who.clone(), choice });
		Ok(())
	}

	/// Whether `origin`'s commitment on `index` is free of fees: exactly when it would succeed
	/// and is the member's first on that proposal.
	pub fn is_free_commitment(origin: &OriginFor<T>, index: ProposalIndex) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else { return false };
		Self::ensure_may_commit(&who, index).is_ok() && !Commitments::<T>::contains_key(index, &who)
	}

	/// Whether `origin`'s reveal on `index` is free of fees: exactly when it would succeed
	/// (the check `reveal_vote` makes). One free reveal per commitment; a reveal that fails —
	/// a wrong choice or salt, or a member no longer in the electorate — pays the normal fee.
	pub fn is_free_reveal(
		origin: &OriginFor<T>,
		index: ProposalIndex,
		choice: VoteChoice,
		salt: &[u8; 32],
	) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else { return false };
		Self::ensure_may_reveal(&who, index, choice, salt).is_ok()
	}
}
