//! Disputes: regulators freeze a record's ownership while a claim over it is reviewed; the
//! dispute ends when regulators clear it, a chain-wide vote resolves it (handing the record to
//! its rightful owner if need be), or it lapses after `MaxDisputeDuration`.

use crate::{pallet::*, Activity, ContentHash};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// Whether a dispute flagged at `since` is still in force.
	fn in_force(since: frame_system::pallet_prelude::BlockNumberFor<T>) -> bool {
		frame_system::Pallet::<T>::block_number()
			<= since.saturating_add(T::MaxDisputeDuration::get())
	}

	/// Whether `hash` is disputed now (a lapsed dispute no longer counts).
	pub fn is_disputed(hash: ContentHash) -> bool {
		Disputes::<T>::get(hash).is_some_and(Self::in_force)
	}

	/// Sets or clears `hash`'s dispute flag; returns the record's owner. Reached only through
	/// [`DisputeFlags`](polity_primitives::traits::DisputeFlags), by a passed firewall motion,
	/// so it has no origin of its own. A lapsed dispute may be flagged anew.
	pub(crate) fn do_set_disputed(
		hash: ContentHash,
		disputed: bool,
	) -> Result<T::AccountId, DispatchError> {
		let record = Records::<T>::get(hash).ok_or(Error::<T>::NotFound)?;
		if disputed {
			ensure!(!Self::is_disputed(hash), Error::<T>::AlreadyDisputed);
			Disputes::<T>::insert(hash, frame_system::Pallet::<T>::block_number());
			Self::log(hash, Activity::Disputed);
			Self::deposit_event(Event::DisputeFlagged { hash });
		} else {
			ensure!(Disputes::<T>::take(hash).is_some(), Error::<T>::NotDisputed);
			Self::log(hash, Activity::DisputeCleared);
			Self::deposit_event(Event::DisputeCleared { hash });
		}
		Ok(record.owner)
	}

	/// Fails with `Disputed` while `hash` is disputed.
	pub(crate) fn ensure_undisputed(hash: ContentHash) -> DispatchResult {
		ensure!(!Self::is_disputed(hash), Error::<T>::Disputed);
		Ok(())
	}

	pub(crate) fn do_expire_dispute(hash: ContentHash) -> DispatchResult {
		let since = Disputes::<T>::get(hash).ok_or(Error::<T>::NotDisputed)?;
		ensure!(!Self::in_force(since), Error::<T>::DisputeNotExpired);
		Disputes::<T>::remove(hash);
		Self::log(hash, Activity::DisputeExpired);
		Self::deposit_event(Event::DisputeExpired { hash });
		Ok(())
	}

	pub(crate) fn do_resolve_dispute(
		hash: ContentHash,
		rightful: Option<T::AccountId>,
	) -> DispatchResult {
		let mut record = Records::<T>::get(hash).ok_or(Error::<T>::NotFound)?;
		ensure!(Disputes::<T>::take(hash).is_some(), Error::<T>::NotDisputed);
		let from = record.owner.clone();
		// Handing the record to its current owner changes nothing but the dispute.
		let to = rightful.filter(|to| *to != from);
		if let Some(to) = &to {
			// The deposits move with the record: the wrongful owner has paid them already.
			Self::hand_over_deposit(HoldReason::RecordDeposit, &from, to, record.deposit)?;
			Self::hand_over_deposit(
				HoldReason::ActivityDeposit,
				&from,
				to,
				LogDeposits::<T>::get(hash),
			)?;
			record.owner = to.clone();
			Records::<T>::insert(hash, record);
			RecordsByOwner::<T>::remove(&from, hash);
			RecordsByOwner::<T>::insert(to, hash, ());
			Self::withdraw_offer(hash, &from)?;
			Self::clear_licences(hash, &from)?;
		}
		Self::log(hash, Activity::Resolved { from: from.clone(), to: to.clone() });
		if to.is_some() {
			Self::begin_tenure(hash);
		}
		Self::deposit_event(Event::DisputeResolved { hash, from, to });
		Ok(())
	}
}

impl<T: Config> polity_primitives::traits::RecordOwners<T::AccountId> for Pallet<T> {
	fn owner(record: &polkadot_sdk::sp_core::H256) -> Option<T::AccountId> {
		Records::<T>::get(record).map(|r| r.owner)
	}
}

impl<T: Config> polity_primitives::traits::DisputeFlags<T::AccountId> for Pallet<T> {
	fn set_disputed(record: ContentHash, disputed: bool) -> Result<T::AccountId, DispatchError> {
		Self::do_set_disputed(record, disputed)
	}
}
