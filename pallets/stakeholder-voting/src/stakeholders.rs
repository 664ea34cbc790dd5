//! Admission, stake changes, suspension and removal of stakeholders, and applications.

use crate::{
	pallet::*, Application, Membership, ScopeId, Sector, Stake, StakeholderInfo, StakeholderStatus,
	MAX_RECENT_CHANGES,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::ConstU32},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

/// Records a change at `now` of a value that was `before`, dropping the changes no open proposal
/// can need: those at or before the earliest submission of a proposal still open for votes.
fn record_change<T: Config, V>(
	changes: &mut BoundedVec<(BlockNumberFor<T>, V), ConstU32<MAX_RECENT_CHANGES>>,
	before: V,
) -> DispatchResult {
	let now = frame_system::Pallet::<T>::block_number();
	// A proposal open for votes or reveals now was submitted at most this long ago: its voting
	// period, a secret ballot's reveal phase and its confirm period (each at most
	// MaxVotingPeriod), plus the spill of its close queue. A late reveal still finds the stake
	// as of the submission.
	let horizon = T::MaxVotingPeriod::get()
		.saturating_mul(3u32.into())
		.saturating_add(crate::closing::MAX_SPILL.into());
	let oldest_open = now.saturating_sub(horizon);
	changes.retain(|(at, _)| *at > oldest_open);
	changes.try_push((now, before)).map_err(|_| Error::<T>::TooManyChanges.into())
}

/// A value as it was at block `submitted`, from its `changes` (block of the change, value before
/// it; oldest first) and its value `now`.
fn value_at<B: PartialOrd + Copy, V: Copy>(changes: &[(B, V)], submitted: B, now: V) -> V {
	changes.iter().find(|(at, _)| *at > submitted).map_or(now, |(_, before)| *before)
}

impl<T: Config> Pallet<T> {
	/// `who`'s stake in `scope` at the submission of a proposal at `submitted`, given its stake
	/// now: a change after the submission block does not count for that proposal (one in the
	/// submission block does, as it does for the electorate's totals).
	pub(crate) fn stake_at(
		who: &T::AccountId,
		scope: ScopeId,
		submitted: BlockNumberFor<T>,
		now: Stake,
	) -> Stake {
		value_at(&StakeChanges::<T>::get(who, scope), submitted, now)
	}

	/// `who`'s status at the submission of a proposal at `submitted`, given its status now.
	pub(crate) fn status_at(
		who: &T::AccountId,
		submitted: BlockNumberFor<T>,
		now: StakeholderStatus,
	) -> StakeholderStatus {
		value_at(&StatusChanges::<T>::get(who), submitted, now)
	}

	/// Applies `f` to the running totals of `sector` in `scope`.
	fn update_totals(scope: ScopeId, sector: Sector, f: impl FnOnce(&mut crate::Count)) {
		Scopes::<T>::mutate(scope, |info| {
			if let Some(info) = info {
				f(info.totals.of_mut(sector));
			}
		});
	}

	pub(crate) fn do_admit(
		who: &T::AccountId,
		sector: Sector,
		scope: ScopeId,
		stake: Stake,
	) -> DispatchResult {
		ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
		if Policies::<T>::get(scope).attestation_required {
			Self::ensure_attested(who, scope, sector, stake)?;
		}
		let existing = Stakeholders::<T>::get(who);
		let is_new = existing.is_none();
		let mut info = existing.unwrap_or_else(|| StakeholderInfo {
			sector,
			status: StakeholderStatus::Active,
			memberships: Default::default(),
		});
		ensure!(info.sector == sector, Error::<T>::SectorMismatch);
		ensure!(info.membership(scope).is_none(), Error::<T>::AlreadyMember);
		let since = frame_system::Pallet::<T>::block_number();
		info.memberships
			.try_push(Membership { scope, stake, since })
			.map_err(|_| Error::<T>::TooManyMemberships)?;
		if info.status == StakeholderStatus::Active {
			Self::update_totals(scope, sector, |count| count.add(stake));
		}
		Stakeholders::<T>::insert(who, info);
		if is_new {
			// A stakeholder's account exists while it is one, so that it can vote with no
			// balance (its votes are free of fees).
			frame_system::Pallet::<T>::inc_providers(who);
		}
		Self::deposit_event(Event::Admitted { who: who.clone(), sector, scope, stake });
		Ok(())
	}

	/// Drops the provider reference admission took. If the account still has consumers and
	/// nothing else keeps it alive, the reference stays: the account is not destroyed under a
	/// hold.
	fn release_account(who: &T::AccountId) {
		let _ = frame_system::Pallet::<T>::dec_providers(who);
	}

	pub(crate) fn do_set_stake(who: &T::AccountId, scope: ScopeId, stake: Stake) -> DispatchResult {
		Stakeholders::<T>::try_mutate(who, |info| {
			let info = info.as_mut().ok_or(Error::<T>::StakeholderNotFound)?;
			let membership = info
				.memberships
				.iter_mut()
				.find(|m| m.scope == scope)
				.ok_or(Error::<T>::NotMember)?;
			let old = core::mem::replace(&mut membership.stake, stake);
			StakeChanges::<T>::try_mutate(who, scope, |changes| {
				record_change::<T, _>(changes, old)
			})?;
			if info.status == StakeholderStatus::Active {
				Self::update_totals(scope, info.sector, |count| {
					count.stake =
						count.stake.saturating_sub(old.into()).saturating_add(stake.into());
				});
			}
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::StakeChanged { who: who.clone(), scope, stake });
		Ok(())
	}

	pub(crate) fn do_remove_from_scope(who: &T::AccountId, scope: ScopeId) -> DispatchResult {
		let mut info = Stakeholders::<T>::get(who).ok_or(Error::<T>::StakeholderNotFound)?;
		let position =
			info.memberships.iter().position(|m| m.scope == scope).ok_or(Error::<T>::NotMember)?;
		let membership = info.memberships.remove(position);
		// A member who leaves votes on nothing of the scope's any more, for itself or others.
		StakeChanges::<T>::remove(who, scope);
		Self::end_delegations(who, scope);
		if info.status == StakeholderStatus::Active {
			Self::update_totals(scope, info.sector, |count| count.remove(membership.stake));
		}
		if info.memberships.is_empty() {
			Stakeholders::<T>::remove(who);
			StatusChanges::<T>::remove(who);
			Self::release_account(who);
		} else {
			Stakeholders::<T>::insert(who, info);
		}
		Self::deposit_event(Event::LeftScope { who: who.clone(), scope });
		Ok(())
	}

	pub(crate) fn do_suspend(who: &T::AccountId) -> DispatchResult {
		Stakeholders::<T>::try_mutate(who, |info| {
			let info = info.as_mut().ok_or(Error::<T>::StakeholderNotFound)?;
			ensure!(info.status == StakeholderStatus::Active, Error::<T>::Suspended);
			StatusChanges::<T>::try_mutate(who, |changes| {
				record_change::<T, _>(changes, StakeholderStatus::Active)
			})?;
			info.status = StakeholderStatus::Suspended;
			for m in info.memberships.iter() {
				Self::update_totals(m.scope, info.sector, |count| count.remove(m.stake));
			}
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::Suspended { who: who.clone() });
		Ok(())
	}

	pub(crate) fn do_resume(who: &T::AccountId) -> DispatchResult {
		Stakeholders::<T>::try_mutate(who, |info| {
			let info = info.as_mut().ok_or(Error::<T>::StakeholderNotFound)?;
			ensure!(info.status == StakeholderStatus::Suspended, Error::<T>::NotSuspended);
			StatusChanges::<T>::try_mutate(who, |changes| {
				record_change::<T, _>(changes, StakeholderStatus::Suspended)
			})?;
			info.status = StakeholderStatus::Active;
			for m in info.memberships.iter() {
				Self::update_totals(m.scope, info.sector, |count| count.add(m.stake));
			}
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::Resumed { who: who.clone() });
		Ok(())
	}

	pub(crate) fn do_remove(who: &T::AccountId) -> DispatchResult {
		let info = Stakeholders::<T>::take(who).ok_or(Error::<T>::StakeholderNotFound)?;
		for m in info.memberships.iter() {
			StakeChanges::<T>::remove(who, m.scope);
			Self::end_delegations(who, m.scope);
		}
		StatusChanges::<T>::remove(who);
		Self::release_account(who);
		if info.status == StakeholderStatus::Active {
			for m in info.memberships.iter() {
				Self::update_totals(m.scope, info.sector, |count| count.remove(m.stake));
			}
		}
		Self::deposit_event(Event::Removed { who: who.clone() });
		Ok(())
	}

	pub(crate) fn do_apply(
		who: &T::AccountId,
		sector: Sector,
		scope: ScopeId,
		stake: Stake,
	) -> DispatchResult {
		ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
		ensure!(!Applications::<T>::contains_key(who), Error::<T>::ApplicationAlreadyExists);
		if let Some(info) = Stakeholders::<T>::get(who) {
			ensure!(info.sector == sector, Error::<T>::SectorMismatch);
			ensure!(info.membership(scope).is_none(), Error::<T>::AlreadyMember);
		}
		let deposit = T::ApplicationDeposit::get();
		Self::hold_deposit(HoldReason::ApplicationDeposit, who, deposit)?;
		Applications::<T>::insert(who, Application { sector, scope, stake, deposit });
		Self::deposit_event(Event::Applied { who: who.clone(), scope });
		Ok(())
	}

	/// The scope `who` applied to: the argument of the origin that decides the application.
	pub(crate) fn application_scope(who: &T::AccountId) -> Result<ScopeId, DispatchError> {
		Applications::<T>::get(who).map(|a| a.scope).ok_or(Error::<T>::ApplicationNotFound.into())
	}

	fn take_application(
		who: &T::AccountId,
	) -> Result<Application<crate::BalanceOf<T>>, DispatchError> {
		Applications::<T>::take(who).ok_or(Error::<T>::ApplicationNotFound.into())
	}

	pub(crate) fn do_approve_application(who: &T::AccountId, stake: Stake) -> DispatchResult {
		let application = Self::take_application(who)?;
		Self::release_deposit(HoldReason::ApplicationDeposit, who, application.deposit)?;
		Self::do_admit(who, application.sector, application.scope, stake)
	}

	pub(crate) fn do_reject_application(who: &T::AccountId, slash: bool) -> DispatchResult {
		let application = Self::take_application(who)?;
		if slash {
			Self::burn_deposit(HoldReason::ApplicationDeposit, who, application.deposit)?;
		} else {
			Self::release_deposit(HoldReason::ApplicationDeposit, who, application.deposit)?;
		}
		Self::deposit_event(Event::ApplicationRejected { who: who.clone(), slashed: slash });
		Ok(())
	}

	pub(crate) fn do_withdraw_application(who: &T::AccountId) -> DispatchResult {
		let application = Self::take_application(who)?;
		Self::release_deposit(HoldReason::ApplicationDeposit, who, application.deposit)?;
		Self::deposit_event(Event::ApplicationWithdrawn { who: who.clone() });
		Ok(())
	}
}
