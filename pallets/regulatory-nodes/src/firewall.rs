//! Motions, their execution, the action log, overturning, freezes and pauses.

use crate::{
	pallet::*, weights::WeightInfo, ActionOf, CallName, FirewallAction, FirewallLevers, FreezeInfo,
	LoggedAction, Motion, MotionId, PauseInfo, ScopeId,
};
use alloc::vec::Vec;
use polity_primitives::traits::{DisputeFlags, EnactmentHold, RecordOwners, ScopeMembership};
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, Saturating},
};

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Whether `action`'s target lies inside `scope` (`None`: the whole chain, which holds
	/// every target). A scope holds its members, the records its members own and its own
	/// proposals; pauses and safe mode reach everyone and so lie inside no scope.
	fn target_inside(action: &ActionOf<T>, scope: Option<ScopeId>) -> bool {
		let Some(scope) = scope else { return true };
		match action {
			FirewallAction::Freeze { who, .. } | FirewallAction::Unfreeze { who } => {
				T::Scopes::is_member(scope, who)
			},
			FirewallAction::Dispute { record } | FirewallAction::ClearDispute { record } => {
				T::Records::owner(record).is_some_and(|owner| T::Scopes::is_member(scope, &owner))
			},
			FirewallAction::HoldEnactment { proposal, .. }
			| FirewallAction::ReleaseEnactment { proposal } => {
				T::Scopes::proposal_scope(*proposal) == Some(scope)
			},
			FirewallAction::Pause { .. }
			| FirewallAction::Unpause { .. }
			| FirewallAction::EnterSafeMode
			| FirewallAction::ExitSafeMode => false,
		}
	}

	/// The first block of the unbroken run of freezes a new freeze of `who` would continue.
	fn freeze_since(who: &T::AccountId) -> BlockNumberFor<T> {
		let now = Self::now();
		Freezes::<T>::get(who).filter(|f| now <= f.until).map_or(now, |f| f.since)
	}

	/// Checks that `action` may be taken now by a motion in `scope`.
	fn check_action(action: &ActionOf<T>, scope: Option<ScopeId>) -> DispatchResult {
		Self::check_action_by(action, scope, true)
	}

	/// Checks that `action` may be taken now in `scope`, by a motion or (`by_motion: false`) by
	/// a stakeholder vote, which no cool-off binds.
	fn check_action_by(
		action: &ActionOf<T>,
		scope: Option<ScopeId>,
		by_motion: bool,
	) -> DispatchResult {
		ensure!(Self::target_inside(action, scope), Error::<T>::TargetOutsideJurisdiction);
		if by_motion && action.restricts() {
			if let Some(end) = CoolOffs::<T>::get(action.target()) {
				ensure!(Self::now() > end, Error::<T>::CoolingOff);
			}
		}
		match action {
			FirewallAction::Freeze { who, until } => {
				let now = Self::now();
				ensure!(
					*until > now && *until <= now.saturating_add(T::MaxFreezeDuration::get()),
					Error::<T>::InvalidFreeze
				);
				ensure!(
					*until <= Self::freeze_since(who).saturating_add(T::MaxFreezeDuration::get()),
					Error::<T>::FreezeTooLong
				);
			},
			FirewallAction::Unfreeze { who } => {
				ensure!(Freezes::<T>::contains_key(who), Error::<T>::NotFrozen)
			},
			FirewallAction::Pause { pallet, call, until } => {
				let now = Self::now();
				ensure!(
					*until > now && *until <= now.saturating_add(T::MaxPauseDuration::get()),
					Error::<T>::InvalidPause
				);
				let key = (pallet.clone(), call.clone());
				ensure!(!Pauses::<T>::contains_key(&key), Error::<T>::AlreadyPaused);
				ensure!(Pauses::<T>::count() < T::MaxPauses::get(), Error::<T>::TooManyPauses);
				T::Levers::can_pause(pallet, call.as_ref().map(|c| c.as_slice()))?;
			},
			FirewallAction::Unpause { pallet, call } => {
				let key = (pallet.clone(), call.clone());
				ensure!(Pauses::<T>::contains_key(&key), Error::<T>::NotPaused);
			},
			// The levers check these when the motion executes.
			FirewallAction::EnterSafeMode
			| FirewallAction::ExitSafeMode
			| FirewallAction::Dispute { .. }
			| FirewallAction::ClearDispute { .. }
			| FirewallAction::HoldEnactment { .. }
			| FirewallAction::ReleaseEnactment { .. } => {},
		}
		if by_motion && action.restricts() {
			// The cap is checked when the motion is proposed and again when it executes (a
			// safe mode's end is known only then).
			let end = match action {
				FirewallAction::EnterSafeMode => Self::now(),
				_ => Self::restriction_end(action),
			};
			Self::spans_with(action, &action.target(), end)?;
		}
		Ok(())
	}

	/// Takes `action`: pulls its lever and keeps the target's restriction spans; returns the
	/// account it concerns, if any.
	fn take_action(
		action: &ActionOf<T>,
		action_id: crate::ActionId,
		by_motion: bool,
	) -> Result<Option<T::AccountId>, DispatchError> {
		let target = action.target();
		// A cool-off ends by itself or by a chain-wide vote (`shorten_cool_off`), never by an
		// action: a regulators' unfreeze does not clear the way for a new freeze. One that has
		// ended is tidied up here.
		if CoolOffs::<T>::get(&target).is_some_and(|end| Self::now() > end) {
			CoolOffs::<T>::remove(&target);
		}
		let subject = Self::pull_lever(action, action_id, &target)?;
		if action.restricts() {
			if by_motion {
				Self::record_restriction(action, &target)?;
			}
		} else {
			Self::end_restriction(&target);
		}
		Ok(subject)
	}

	/// The cap on the total time motions may restrict `action`'s kind of target within the
	/// rolling window.
	fn restriction_cap(action: &ActionOf<T>) -> BlockNumberFor<T> {
		match action {
			FirewallAction::Freeze { .. } | FirewallAction::Dispute { .. } => {
				T::MaxFreezeDuration::get()
			},
			_ => T::MaxPauseDuration::get(),
		}
	}

	/// The block the restriction `action` just imposed ends at (its `until`, counted like
	/// `MaxFreezeDuration`: a restriction from `now` to `until` lasts `until - now` blocks).
	fn restriction_end(action: &ActionOf<T>) -> BlockNumberFor<T> {
		let now = Self::now();
		match action {
			FirewallAction::Freeze { until, .. }
			| FirewallAction::Pause { until, .. }
			| FirewallAction::HoldEnactment { until, .. } => *until,
			FirewallAction::EnterSafeMode => SafeModeEnd::<T>::get().unwrap_or(now),
			// A dispute lasts until cleared or until it lapses: count it to its cap, and give
			// back what is left when it is cleared.
			_ => now.saturating_add(T::MaxFreezeDuration::get()),
		}
	}

	/// The target's spans with the restriction `action` imposes now (ending at `end`) added,
	/// or `RestrictionCapReached` if the total within any rolling window would pass the cap.
	/// The window ending where the new span ends holds the most restricted time of any window
	/// that contains the new span, so that one window is checked.
	fn spans_with(
		action: &ActionOf<T>,
		target: &crate::ActionTarget<T::AccountId>,
		end: BlockNumberFor<T>,
	) -> Result<crate::RestrictionSpansOf<T>, DispatchError> {
		let now = Self::now();
		let end = end.max(now);
		let window = T::RestrictionWindow::get();
		let from = end.saturating_sub(window);
		let mut spans = RestrictionSpans::<T>::get(target);
		// A span that ended before any future window can start never counts again.
		let horizon = now.saturating_sub(window);
		spans.retain(|(_, last)| *last > horizon);
		// A renewal while the restriction is in force continues its span.
		let start = match spans.last() {
			Some((first, last)) if *last > now => {
				let first = *first;
				spans.pop();
				first
			},
			_ => now,
		};
		let overlap =
			|a: BlockNumberFor<T>, b: BlockNumberFor<T>| b.min(end).saturating_sub(a.max(from));
		let used = spans.iter().fold(BlockNumberFor::<T>::zero(), |total, (a, b)| {
			total.saturating_add(overlap(*a, *b))
		});
		ensure!(
			used.saturating_add(overlap(start, end)) <= Self::restriction_cap(action),
			Error::<T>::RestrictionCapReached
		);
		spans.try_push((start, end)).map_err(|_| Error::<T>::TooManyRestrictions)?;
		Ok(spans)
	}

	/// Adds the restriction `action` imposed on `target` now to the target's spans, refusing it
	/// past the cap.
	fn record_restriction(
		action: &ActionOf<T>,
		target: &crate::ActionTarget<T::AccountId>,
	) -> DispatchResult {
		let spans = Self::spans_with(action, target, Self::restriction_end(action))?;
		RestrictionSpans::<T>::insert(target, spans);
		Ok(())
	}

	/// Ends `target`'s current span now: a lifted restriction counts only for the time it
	/// applied.
	pub(crate) fn end_restriction(target: &crate::ActionTarget<T::AccountId>) {
		let now = Self::now();
		RestrictionSpans::<T>::mutate_exists(target, |spans| {
			if let Some((first, last)) = spans.as_mut().and_then(|s| s.last_mut()) {
				if *last > now {
					*last = now.max(*first);
				}
			}
		});
	}

	/// Pulls the action's lever; returns the account it concerns, if any.
	fn pull_lever(
		action: &ActionOf<T>,
		action_id: crate::ActionId,
		target: &crate::ActionTarget<T::AccountId>,
	) -> Result<Option<T::AccountId>, DispatchError> {
		let target = target.clone();
		Ok(match action {
			FirewallAction::Freeze { who, until } => {
				let since = Self::freeze_since(who);
				Freezes::<T>::insert(who, FreezeInfo { until: *until, since, action: action_id });
				Self::deposit_event(Event::Frozen { who: who.clone(), until: *until });
				Some(who.clone())
			},
			FirewallAction::Unfreeze { who } => {
				Freezes::<T>::remove(who);
				Self::deposit_event(Event::Unfrozen { who: who.clone() });
				Some(who.clone())
			},
			FirewallAction::Pause { pallet, call, until } => {
				T::Levers::pause(pallet, call.as_ref().map(|c| c.as_slice()))?;
				Pauses::<T>::insert(
					(pallet.clone(), call.clone()),
					PauseInfo { until: *until, action: action_id },
				);
				let next = NextPauseExpiry::<T>::get().map_or(*until, |n| n.min(*until));
				NextPauseExpiry::<T>::put(next);
				Self::deposit_event(Event::Paused {
					pallet: pallet.clone(),
					call: call.clone(),
					until: *until,
				});
				None
			},
			FirewallAction::Unpause { pallet, call } => {
				Self::lift_pause(pallet.clone(), call.clone())?;
				None
			},
			FirewallAction::EnterSafeMode => {
				let until = T::Levers::enter_safe_mode()?;
				InForce::<T>::insert(target, action_id);
				SafeModeEnd::<T>::put(until);
				None
			},
			FirewallAction::ExitSafeMode => {
				T::Levers::exit_safe_mode()?;
				InForce::<T>::remove(target);
				None
			},
			FirewallAction::Dispute { record } => {
				let owner = T::Disputes::set_disputed(*record, true)?;
				InForce::<T>::insert(target, action_id);
				Some(owner)
			},
			FirewallAction::ClearDispute { record } => {
				let owner = T::Disputes::set_disputed(*record, false)?;
				InForce::<T>::remove(target);
				Some(owner)
			},
			FirewallAction::HoldEnactment { proposal, until } => {
				let proposer = T::Holds::hold_enactment(*proposal, Some(*until))?;
				InForce::<T>::insert(target, action_id);
				Some(proposer)
			},
			FirewallAction::ReleaseEnactment { proposal } => {
				let proposer = T::Holds::hold_enactment(*proposal, None)?;
				InForce::<T>::remove(target);
				Some(proposer)
			},
		})
	}

	/// Ends the pause of `pallet` (or of its `call`). Overlapping pauses never end each other:
	/// a call stays paused while its whole pallet is, and the calls paused on their own stay
	/// paused when the pause of their pallet ends.
	fn lift_pause(pallet: CallName, call: Option<CallName>) -> DispatchResult {
		Pauses::<T>::remove((pallet.clone(), call.clone()));
		let pallet_still_paused = Pauses::<T>::contains_key((pallet.clone(), None::<CallName>));
		if call.is_none() || !pallet_still_paused {
			T::Levers::unpause(&pallet, call.as_ref().map(|c| c.as_slice()))?;
		}
		if call.is_none() {
			let own: Vec<CallName> = Pauses::<T>::iter_keys()
				.take(T::MaxPauses::get() as usize)
				.filter_map(|(p, c)| if p == pallet { c } else { None })
				.collect();
			for c in own {
				T::Levers::pause(&pallet, Some(c.as_slice()))?;
			}
		}
		Self::deposit_event(Event::Unpaused { pallet, call });
		Ok(())
	}

	/// `on_initialize`: ends the pauses whose last block has passed. In blocks where none is
	/// due it reads one value, charged as the measured run over no pauses.
	pub(crate) fn expire_pauses(now: BlockNumberFor<T>) -> Weight {
		match NextPauseExpiry::<T>::get() {
			Some(next) if now > next => {},
			_ => return <T as Config>::WeightInfo::expire_pauses(0),
		}
		let pauses: Vec<_> = Pauses::<T>::iter().take(T::MaxPauses::get() as usize).collect();
		let scanned = pauses.len().saturated_into::<u32>();
		let mut earliest: Option<BlockNumberFor<T>> = None;
		for ((pallet, call), pause) in pauses {
			if pause.until < now {
				// A pause the lever no longer knows is over all the same.
				if Self::lift_pause(pallet.clone(), call.clone()).is_err() {
					Pauses::<T>::remove((pallet, call));
				}
			} else {
				earliest = Some(earliest.map_or(pause.until, |e| e.min(pause.until)));
			}
		}
		NextPauseExpiry::<T>::set(earliest);
		<T as Config>::WeightInfo::expire_pauses(scanned)
	}

	pub(crate) fn do_propose(
		who: T::AccountId,
		action: ActionOf<T>,
		scope: Option<ScopeId>,
		reason: BoundedVec<u8, T::MaxReasonLen>,
	) -> Result<MotionId, DispatchError> {
		ensure!(Regulators::<T>::contains_key(&who), Error::<T>::NotRegulator);
		ensure!(Self::is_covering(&who, scope), Error::<T>::OutsideJurisdiction);
		ensure!(Self::covering(scope) >= Threshold::<T>::get(), Error::<T>::NotEnoughRegulators);
		Self::check_action(&action, scope)?;
		let open = OpenMotions::<T>::get(&who);
		ensure!(open < T::MaxOpenMotions::get(), Error::<T>::TooManyMotions);
		Self::hold_motion_deposit(&who)?;
		let id = NextMotionId::<T>::get();
		NextMotionId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let mut approvals = BoundedVec::new();
		approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyRegulators)?;
		let expires = Self::now().saturating_add(T::MotionDuration::get());
		Motions::<T>::insert(
			id,
			Motion { action, scope, reason, proposer: who.clone(), approvals, expires },
		);
		OpenMotions::<T>::insert(&who, open.saturating_add(1));
		Self::deposit_event(Event::MotionProposed { motion: id, proposer: who });
		Self::execute_if_approved(id)?;
		Ok(id)
	}

	pub(crate) fn do_approve(who: T::AccountId, id: MotionId) -> DispatchResult {
		ensure!(Regulators::<T>::contains_key(&who), Error::<T>::NotRegulator);
		let mut motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(Self::now() <= motion.expires, Error::<T>::MotionExpired);
		ensure!(Self::is_covering(&who, motion.scope), Error::<T>::OutsideJurisdiction);
		ensure!(!motion.approvals.contains(&who), Error::<T>::AlreadyApproved);
		motion.approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyRegulators)?;
		let approvals = motion.approvals.len().saturated_into::<u32>();
		Motions::<T>::insert(id, motion);
		Self::deposit_event(Event::MotionApproved { motion: id, who, approvals });
		Self::execute_if_approved(id)
	}

	/// Removes motion `id`, frees its proposer's slot and returns its deposit.
	fn remove_motion(id: MotionId, proposer: &T::AccountId) {
		Motions::<T>::remove(id);
		Self::release_motion_deposit(proposer);
		OpenMotions::<T>::mutate_exists(proposer, |open| {
			*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Executes motion `id` if the regulators still in office among its approvers reach the
	/// threshold.
	fn execute_if_approved(id: MotionId) -> DispatchResult {
		let Some(motion) = Motions::<T>::get(id) else { return Ok(()) };
		let valid = motion.approvals.iter().filter(|a| Self::is_covering(a, motion.scope)).count();
		if valid.saturated_into::<u32>() < Threshold::<T>::get() {
			return Ok(());
		}
		// The world may have changed since the motion was proposed.
		Self::check_action(&motion.action, motion.scope)?;
		Self::remove_motion(id, &motion.proposer);
		let action_id = Self::log_action(
			motion.action,
			motion.scope,
			motion.reason,
			Some(motion.proposer),
			motion.approvals,
		)?;
		Self::deposit_event(Event::ActionExecuted { motion: id, action: action_id });
		Ok(())
	}

	/// Takes `action` and logs it; returns its log id.
	fn log_action(
		action: ActionOf<T>,
		scope: Option<ScopeId>,
		reason: BoundedVec<u8, T::MaxReasonLen>,
		proposer: Option<T::AccountId>,
		approvals: BoundedVec<T::AccountId, T::MaxRegulators>,
	) -> Result<crate::ActionId, DispatchError> {
		let action_id = NextActionId::<T>::get();
		NextActionId::<T>::put(action_id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let subject = Self::take_action(&action, action_id, proposer.is_some())?;
		ActionLog::<T>::insert(
			action_id,
			LoggedAction {
				action,
				scope,
				reason,
				proposer,
				approvals,
				subject: subject.clone(),
				executed_at: Self::now(),
				overturned_at: None,
			},
		);
		if let Some(subject) = subject {
			ActionsConcerning::<T>::insert(subject, action_id, ());
		}
		Ok(action_id)
	}

	/// A stakeholder vote takes `action` directly: checked like a motion's, but bound by no
	/// cool-off, and logged with no regulator.
	pub(crate) fn do_act(
		action: ActionOf<T>,
		reason: BoundedVec<u8, T::MaxReasonLen>,
	) -> DispatchResult {
		Self::check_action_by(&action, None, false)?;
		let action_id = Self::log_action(action, None, reason, None, BoundedVec::new())?;
		Self::deposit_event(Event::ActionTaken { action: action_id });
		Ok(())
	}

	pub(crate) fn do_close_motion(id: MotionId) -> DispatchResult {
		let motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(Self::now() > motion.expires, Error::<T>::MotionNotExpired);
		Self::remove_motion(id, &motion.proposer);
		Self::deposit_event(Event::MotionExpired { motion: id });
		Ok(())
	}

	pub(crate) fn do_overturn(action_id: crate::ActionId) -> DispatchResult {
		let mut entry = ActionLog::<T>::get(action_id).ok_or(Error::<T>::ActionNotFound)?;
		ensure!(entry.overturned_at.is_none(), Error::<T>::AlreadyOverturned);
		ensure!(entry.action.restricts(), Error::<T>::NotOverturnable);
		let target = entry.action.target();
		// An overturn lifts the regulators' restriction on the target, whichever motion put it
		// there: a renewal made while the vote ran is lifted with it. A restriction the
		// stakeholders imposed themselves (`act`) stays: they overturned the regulators.
		let by_regulators = |id: crate::ActionId| {
			id == action_id || ActionLog::<T>::get(id).is_some_and(|e| e.proposer.is_some())
		};
		let in_force = InForce::<T>::get(&target).filter(|id| by_regulators(*id));
		match &entry.action {
			FirewallAction::Freeze { who, .. }
				if Freezes::<T>::get(who).is_some_and(|f| by_regulators(f.action)) =>
			{
				Freezes::<T>::remove(who);
				Self::deposit_event(Event::Unfrozen { who: who.clone() });
			},
			FirewallAction::Pause { pallet, call, .. } => {
				let key = (pallet.clone(), call.clone());
				if Pauses::<T>::get(&key).is_some_and(|p| by_regulators(p.action)) {
					Self::lift_pause(pallet.clone(), call.clone())?;
				}
			},
			FirewallAction::EnterSafeMode => {
				// Only the safe mode the regulators entered: one that ended by itself and was
				// entered anew by governance is not theirs.
				let entered = SafeModeEnd::<T>::get();
				if in_force.is_some() {
					InForce::<T>::remove(&target);
					if entered.is_some() && T::Levers::safe_mode_until() == entered {
						T::Levers::exit_safe_mode()?;
					}
				}
			},
			// The record may have been purged meanwhile: nothing is left to clear then.
			FirewallAction::Dispute { record } if in_force.is_some() => {
				InForce::<T>::remove(&target);
				let _ = T::Disputes::set_disputed(*record, false);
			},
			// The hold may have ended and the call been enacted meanwhile.
			FirewallAction::HoldEnactment { proposal, .. } if in_force.is_some() => {
				InForce::<T>::remove(&target);
				let _ = T::Holds::hold_enactment(*proposal, None);
			},
			_ => {},
		}
		Self::end_restriction(&target);
		let now = Self::now();
		CoolOffs::<T>::insert(&target, now.saturating_add(T::CoolOffPeriod::get()));
		entry.overturned_at = Some(now);
		ActionLog::<T>::insert(action_id, entry);
		Self::deposit_event(Event::Overturned { action: action_id });
		Ok(())
	}

	pub(crate) fn do_shorten_cool_off(
		target: crate::ActionTarget<T::AccountId>,
		until: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let current = CoolOffs::<T>::get(&target).ok_or(Error::<T>::InvalidCoolOff)?;
		match until {
			Some(until) => {
				ensure!(until < current, Error::<T>::InvalidCoolOff);
				CoolOffs::<T>::insert(&target, until);
			},
			None => CoolOffs::<T>::remove(&target),
		}
		Self::deposit_event(Event::CoolOffSet { target, until });
		Ok(())
	}

	pub(crate) fn do_clear_expired_freeze(who: T::AccountId) -> DispatchResult {
		let freeze = Freezes::<T>::get(&who).ok_or(Error::<T>::NotFrozen)?;
		ensure!(Self::now() > freeze.until, Error::<T>::StillFrozen);
		Freezes::<T>::remove(&who);
		Self::deposit_event(Event::Unfrozen { who });
		Ok(())
	}

	/// Whether `who` is frozen now.
	pub fn is_frozen(who: &T::AccountId) -> bool {
		Freezes::<T>::get(who).is_some_and(|f| Self::now() <= f.until)
	}
}
