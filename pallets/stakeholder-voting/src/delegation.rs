//! Liquid delegation: a member's vote in a scope cast by another member, overridable per
//! proposal.
//!
//! Becoming someone's delegate needs their consent: `delegate` only offers the delegation, and
//! it counts once the delegate accepts it (`accept_delegation`). A delegate may refuse an offer
//! or end an accepted delegation (`reject_delegation`), so nobody fills another member's
//! delegator slots or blocks its own delegation (one step only) without its consent.
//!
//! Storage is paid for: each pending offer and each accepted delegation holds
//! `DelegationDeposit` from the delegating member until it ends (withdrawn, refused, ended by
//! either side, or by the member leaving the scope).
//!
//! A delegate's vote carries each delegator's own weight — its stake as of the proposal's
//! submission under the proposal's rule — counted in the delegator's own sector, so delegating
//! across sectors never moves weight between sectors' majorities. Delegation is one step only
//! and bounded by `MaxDelegators` per delegate and scope: a vote costs at most that many
//! delegated records.

use crate::{pallet::*, vote_weight, Delegation, ProposalIndex, ScopeId, VoteChoice, VoteRecord};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
};

impl<T: Config> Pallet<T> {
	/// What a delegation from `who` to `delegate` in `scope` needs, when offered and again when
	/// accepted: two members, not the same, an expiry ahead, and one step only.
	fn check_delegation(
		who: &T::AccountId,
		scope: ScopeId,
		delegate: &T::AccountId,
		expires: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(who != delegate, Error::<T>::CannotDelegateToSelf);
		Self::membership_of(who, scope)?;
		Self::membership_of(delegate, scope)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires.is_none_or(|at| at > now), Error::<T>::InvalidExpiry);
		ensure!(
			!Delegations::<T>::contains_key(delegate, scope)
				&& Delegators::<T>::decode_len(who, scope).unwrap_or(0) == 0,
			Error::<T>::DelegationChain
		);
		Ok(())
	}

	/// `who` offers its vote in `scope` to `delegate`; it counts once `delegate` accepts. A
	/// later offer replaces an earlier one.
	pub(crate) fn do_offer_delegation(
		who: &T::AccountId,
		scope: ScopeId,
		delegate: T::AccountId,
		expires: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::check_delegation(who, scope, &delegate, expires)?;
		if !DelegationOffers::<T>::contains_key(who, scope) {
			Self::hold_delegation_deposit(who)?;
		}
		DelegationOffers::<T>::insert(
			who,
			scope,
			Delegation { delegate: delegate.clone(), expires },
		);
		Self::deposit_event(Event::DelegationOffered {
			who: who.clone(),
			scope,
			delegate,
			expires,
		});
		Ok(())
	}

	/// `delegate` accepts `who`'s offer: the delegation counts from now on.
	pub(crate) fn do_accept_delegation(
		delegate: &T::AccountId,
		scope: ScopeId,
		who: T::AccountId,
	) -> DispatchResult {
		let offer = DelegationOffers::<T>::get(&who, scope)
			.filter(|offer| offer.delegate == *delegate)
			.ok_or(Error::<T>::DelegationNotFound)?;
		// The offer's deposit becomes the delegation's (or goes back, if it replaces one).
		DelegationOffers::<T>::remove(&who, scope);
		Self::release_delegation_deposit(&who);
		Self::do_delegate(&who, scope, delegate.clone(), offer.expires)
	}

	/// `delegate` refuses `who`'s pending offer, or ends `who`'s accepted delegation to it.
	pub(crate) fn do_reject_delegation(
		delegate: &T::AccountId,
		scope: ScopeId,
		who: T::AccountId,
	) -> DispatchResult {
		if DelegationOffers::<T>::get(&who, scope).is_some_and(|o| o.delegate == *delegate) {
			DelegationOffers::<T>::remove(&who, scope);
			Self::release_delegation_deposit(&who);
			Self::deposit_event(Event::DelegationOfferEnded {
				who,
				scope,
				delegate: delegate.clone(),
			});
			return Ok(());
		}
		ensure!(
			Delegations::<T>::get(&who, scope).is_some_and(|d| d.delegate == *delegate),
			Error::<T>::DelegationNotFound
		);
		Self::do_undelegate(&who, scope)
	}

	/// Makes the delegation count: what an accepted offer does (and genesis and benchmarks).
	pub(crate) fn do_delegate(
		who: &T::AccountId,
		scope: ScopeId,
		delegate: T::AccountId,
		expires: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::check_delegation(who, scope, &delegate, expires)?;
		match Delegations::<T>::get(who, scope) {
			Some(previous) => Self::unlink(who, scope, &previous.delegate),
			None => Self::hold_delegation_deposit(who)?,
		}
		Delegators::<T>::try_mutate(&delegate, scope, |list| {
			list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyDelegators)
		})?;
		Delegations::<T>::insert(who, scope, Delegation { delegate: delegate.clone(), expires });
		Self::deposit_event(Event::Delegated { who: who.clone(), scope, delegate, expires });
		Ok(())
	}

	/// Withdraws `who`'s pending offer in `scope`, if any; returns whether there was one.
	fn withdraw_offer(who: &T::AccountId, scope: ScopeId) -> bool {
		let Some(offer) = DelegationOffers::<T>::take(who, scope) else { return false };
		Self::release_delegation_deposit(who);
		Self::deposit_event(Event::DelegationOfferEnded {
			who: who.clone(),
			scope,
			delegate: offer.delegate,
		});
		true
	}

	/// Ends `who`'s delegation in `scope` and withdraws its pending offer there.
	pub(crate) fn do_undelegate_or_withdraw(who: &T::AccountId, scope: ScopeId) -> DispatchResult {
		let withdrawn = Self::withdraw_offer(who, scope);
		match Self::do_undelegate(who, scope) {
			Err(_) if withdrawn => Ok(()),
			result => result,
		}
	}

	pub(crate) fn do_undelegate(who: &T::AccountId, scope: ScopeId) -> DispatchResult {
		let delegation =
			Delegations::<T>::take(who, scope).ok_or(Error::<T>::DelegationNotFound)?;
		Self::unlink(who, scope, &delegation.delegate);
		Self::release_delegation_deposit(who);
		Self::deposit_event(Event::Undelegated { who: who.clone(), scope });
		Ok(())
	}

	/// Takes `who` off `delegate`'s delegators in `scope`.
	fn unlink(who: &T::AccountId, scope: ScopeId, delegate: &T::AccountId) {
		Delegators::<T>::mutate_exists(delegate, scope, |list| {
			if let Some(l) = list {
				l.retain(|d| d != who);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	/// Ends every delegation `who` takes part in within `scope`: it is leaving the scope.
	pub(crate) fn end_delegations(who: &T::AccountId, scope: ScopeId) {
		Self::withdraw_offer(who, scope);
		if Delegations::<T>::contains_key(who, scope) {
			let _ = Self::do_undelegate(who, scope);
		}
		for delegator in Delegators::<T>::take(who, scope) {
			Delegations::<T>::remove(&delegator, scope);
			Self::release_delegation_deposit(&delegator);
			Self::deposit_event(Event::Undelegated { who: delegator, scope });
		}
	}

	/// Casts `choice` on proposal `index` for the members who delegate to `delegate` in the
	/// proposal's scope: those whose delegation still counts, who are in the electorate and have
	/// not voted themselves. Returns how many delegators were looked at (for the weight) — at
	/// most `MaxDelegators`.
	pub(crate) fn cast_delegated(
		delegate: &T::AccountId,
		index: ProposalIndex,
		proposal: &mut crate::ProposalOf<T>,
		choice: VoteChoice,
	) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let delegators = Delegators::<T>::get(delegate, proposal.scope);
		let looked_at = u32::try_from(delegators.len()).unwrap_or(u32::MAX);
		let mut cast = 0u32;
		for delegator in delegators {
			let counts = Delegations::<T>::get(&delegator, proposal.scope)
				.is_some_and(|d| d.delegate == *delegate && d.expires.is_none_or(|at| at > now));
			if !counts {
				continue;
			}
			// A vote of the delegator's own overrides the delegation on this proposal.
			let previous = Votes::<T>::get(index, &delegator);
			if previous.is_some_and(|v| !v.delegated) {
				continue;
			}
			let Ok((info, stake)) = Self::ensure_in_electorate(&delegator, proposal) else {
				continue;
			};
			let record = VoteRecord {
				choice,
				sector: info.sector,
				weight: vote_weight(&proposal.rule.weighting, stake, &proposal.electorate),
				delegated: true,
			};
			Self::put_vote(index, &delegator, proposal, previous, record);
			cast = cast.saturating_add(1);
		}
		if cast > 0 {
			Self::deposit_event(Event::DelegatedVotesCast {
				index,
				delegate: delegate.clone(),
				count: cast,
			});
		}
		looked_at
	}
}
