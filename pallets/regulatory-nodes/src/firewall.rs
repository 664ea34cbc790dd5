//! Motions, their execution, the action log, overturning, and freezes.

use crate::{
	pallet::*, ActionOf, FirewallAction, FreezeInfo, LoggedAction, Motion, MotionId, ScopeId,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	fn check_action(action: &ActionOf<T>) -> DispatchResult {
		match action {
			FirewallAction::Freeze { until, .. } => {
				let now = Self::now();
				ensure!(
					*until > now && *until <= now.saturating_add(T::MaxFreezeDuration::get()),
					Error::<T>::InvalidFreeze
				);
			},
			FirewallAction::Unfreeze { who } => {
				ensure!(Freezes::<T>::contains_key(who), Error::<T>::NotFrozen)
			},
		}
		Ok(())
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
		Self::check_action(&action)?;
		let id = NextMotionId::<T>::get();
		NextMotionId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let mut approvals = BoundedVec::new();
		approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyRegulators)?;
		let expires = Self::now().saturating_add(T::MotionDuration::get());
		Motions::<T>::insert(
			id,
			Motion { action, scope, reason, proposer: who.clone(), approvals, expires },
		);
		Self::deposit_event(Event::MotionProposed { motion: id, proposer: who });
		Self::execute_if_approved(id)?;
		Ok(id)
	}

	pub(crate) fn do_approve(who: T::AccountId, id: MotionId) -> DispatchResult {
		let mut motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(Self::now() <= motion.expires, Error::<T>::MotionExpired);
		ensure!(Self::is_covering(&who, motion.scope), Error::<T>::OutsideJurisdiction);
		ensure!(!motion.approvals.contains(&who), Error::<T>::AlreadyApproved);
		motion.approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyRegulators)?;
		let approvals = motion.approvals.len() as u32;
		Motions::<T>::insert(id, motion);
		Self::deposit_event(Event::MotionApproved { motion: id, who, approvals });
		Self::execute_if_approved(id)
	}

	/// Executes motion `id` if the regulators still in office among its approvers reach the
	/// threshold.
	fn execute_if_approved(id: MotionId) -> DispatchResult {
		let Some(motion) = Motions::<T>::get(id) else { return Ok(()) };
		let valid = motion.approvals.iter().filter(|a| Self::is_covering(a, motion.scope)).count();
		if (valid as u32) < Threshold::<T>::get() {
			return Ok(());
		}
		// The world may have changed since the motion was proposed.
		Self::check_action(&motion.action)?;
		Motions::<T>::remove(id);
		let action_id = NextActionId::<T>::get();
		NextActionId::<T>::put(action_id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let subject = motion.action.subject().clone();
		match &motion.action {
			FirewallAction::Freeze { who, until } => {
				Freezes::<T>::insert(who, FreezeInfo { until: *until, action: action_id });
				Self::deposit_event(Event::Frozen { who: who.clone(), until: *until });
			},
			FirewallAction::Unfreeze { who } => {
				Freezes::<T>::remove(who);
				Self::deposit_event(Event::Unfrozen { who: who.clone() });
			},
		}
		ActionLog::<T>::insert(
			action_id,
			LoggedAction {
				action: motion.action,
				scope: motion.scope,
				reason: motion.reason,
				proposer: motion.proposer,
				approvals: motion.approvals,
				executed_at: Self::now(),
				overturned_at: None,
			},
		);
		ActionsConcerning::<T>::insert(subject, action_id, ());
		Self::deposit_event(Event::ActionExecuted { motion: id, action: action_id });
		Ok(())
	}

	pub(crate) fn do_close_motion(id: MotionId) -> DispatchResult {
		let motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(Self::now() > motion.expires, Error::<T>::MotionNotExpired);
		Motions::<T>::remove(id);
		Self::deposit_event(Event::MotionExpired { motion: id });
		Ok(())
	}

	pub(crate) fn do_overturn(action_id: crate::ActionId) -> DispatchResult {
		let mut entry = ActionLog::<T>::get(action_id).ok_or(Error::<T>::ActionNotFound)?;
		ensure!(entry.overturned_at.is_none(), Error::<T>::AlreadyOverturned);
		let FirewallAction::Freeze { who, .. } = &entry.action else {
			return Err(Error::<T>::NotOverturnable.into());
		};
		// Lift the freeze only if it is still this action's (a later motion may have replaced it).
		if Freezes::<T>::get(who).is_some_and(|f| f.action == action_id) {
			Freezes::<T>::remove(who);
			Self::deposit_event(Event::Unfrozen { who: who.clone() });
		}
		entry.overturned_at = Some(Self::now());
		ActionLog::<T>::insert(action_id, entry);
		Self::deposit_event(Event::Overturned { action: action_id });
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
