//! Licences: time-limited access for a purpose.

use crate::{pallet::*, Activity, ContentHash, Grant, RecordStatus};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant_access(
		who: &T::AccountId,
		hash: ContentHash,
		to: T::AccountId,
		purpose: BoundedVec<u8, T::MaxPurposeLen>,
		expires: BlockNumberFor<T>,
	) -> DispatchResult {
		let record = Self::owned(who, hash)?;
		ensure!(
			matches!(record.status, RecordStatus::Active | RecordStatus::Superseded { .. }),
			Error::<T>::NotActive
		);
		// An earlier commitment may still claim it: nothing is licensed on a claim that may fall.
		ensure!(!Self::is_provisional(&record), Error::<T>::Provisional);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires > now, Error::<T>::InvalidExpiry);
		if !Grants::<T>::contains_key(hash, &to) {
			GrantCount::<T>::try_mutate(hash, |count| {
				ensure!(*count < T::MaxGrantsPerRecord::get(), Error::<T>::TooManyGrants);
				*count = count.saturating_add(1);
				Ok::<_, DispatchError>(())
			})?;
			// A new licence is paid for; renewing one already held is not.
			Self::hold_deposit(HoldReason::GrantDeposit, who, T::GrantDeposit::get())?;
		}
		Self::log_owner(hash, who, Activity::Licensed { to: to.clone() })?;
		Grants::<T>::insert(hash, &to, Grant { purpose, expires, granted_at: now });
		Self::deposit_event(Event::AccessGranted { hash, to, expires });
		Ok(())
	}

	pub(crate) fn do_revoke_access(
		owner: &T::AccountId,
		hash: ContentHash,
		who: T::AccountId,
	) -> DispatchResult {
		Self::owned(owner, hash)?;
		Grants::<T>::take(hash, &who).ok_or(Error::<T>::GrantNotFound)?;
		Self::log_owner(hash, owner, Activity::LicenceRevoked { who: who.clone() })?;
		GrantCount::<T>::mutate_exists(hash, |count| {
			*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
		});
		Self::release_deposit(HoldReason::GrantDeposit, owner, T::GrantDeposit::get())?;
		Self::deposit_event(Event::AccessRevoked { hash, who });
		Ok(())
	}

	/// Ends every licence of `hash` (at most `MaxGrantsPerRecord`) and returns their deposits
	/// to `owner`, who granted them.
	pub(crate) fn clear_licences(hash: ContentHash, owner: &T::AccountId) -> DispatchResult {
		let _ = Grants::<T>::clear_prefix(hash, T::MaxGrantsPerRecord::get(), None);
		let count = GrantCount::<T>::take(hash);
		Self::release_deposit(
			HoldReason::GrantDeposit,
			owner,
			T::GrantDeposit::get().saturating_mul(count.into()),
		)
	}

	/// Whether `who` may access the content of `hash` now: its owner always, a grantee until
	/// the licence expires; nobody once the record is revoked or purged.
	pub fn has_access(hash: ContentHash, who: &T::AccountId) -> bool {
		let Some(record) = Records::<T>::get(hash) else { return false };
		if matches!(record.status, RecordStatus::Revoked { .. } | RecordStatus::Purged { .. }) {
			return false;
		}
		record.owner == *who
			|| Grants::<T>::get(hash, who)
				.is_some_and(|g| frame_system::Pallet::<T>::block_number() < g.expires)
	}
}
