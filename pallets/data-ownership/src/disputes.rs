//! Dispute flags: regulators freeze a record's ownership while a claim over it is reviewed.

use crate::{pallet::*, ContentHash};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};

impl<T: Config> Pallet<T> {
	/// Sets or clears `hash`'s dispute flag; returns the record's owner. Called by the
	/// regulatory firewall once a motion passes, so it has no origin of its own.
	pub fn set_disputed(hash: ContentHash, disputed: bool) -> Result<T::AccountId, DispatchError> {
		let record = Records::<T>::get(hash).ok_or(Error::<T>::NotFound)?;
		if disputed {
			ensure!(!Disputes::<T>::contains_key(hash), Error::<T>::AlreadyDisputed);
			Disputes::<T>::insert(hash, frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::DisputeFlagged { hash });
		} else {
			ensure!(Disputes::<T>::take(hash).is_some(), Error::<T>::NotDisputed);
			Self::deposit_event(Event::DisputeCleared { hash });
		}
		Ok(record.owner)
	}

	/// Fails with `Disputed` while `hash` is disputed.
	pub(crate) fn ensure_undisputed(hash: ContentHash) -> DispatchResult {
		ensure!(!Disputes::<T>::contains_key(hash), Error::<T>::Disputed);
		Ok(())
	}
}

impl<T: Config> polity_primitives::traits::RecordOwners<T::AccountId> for Pallet<T> {
	fn owner(record: &polkadot_sdk::sp_core::H256) -> Option<T::AccountId> {
		Records::<T>::get(record).map(|r| r.owner)
	}
}
