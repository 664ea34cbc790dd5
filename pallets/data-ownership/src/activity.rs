//! Each record's activity log: bounded, paginated, kept for good.

use crate::{pallet::*, Activity, ActivityEntry, ContentHash};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_runtime::{traits::Zero, Saturating},
};

impl<T: Config> Pallet<T> {
	/// Appends what `owner` did to `hash`'s log and holds `ActivityDeposit` from it for the
	/// entry; fails with `ActivityLogFull` once the current owner made `MaxActivity` entries
	/// during its ownership, so one owner cannot grow a record's storage without end — and what
	/// others logged before never counts against it.
	pub(crate) fn log_owner(
		hash: ContentHash,
		owner: &T::AccountId,
		activity: Activity<T::AccountId>,
	) -> DispatchResult {
		let own = ActivityCount::<T>::get(hash).saturating_sub(TenureStart::<T>::get(hash));
		ensure!(own < T::MaxActivity::get(), Error::<T>::ActivityLogFull);
		let deposit = T::ActivityDeposit::get();
		if !deposit.is_zero() {
			Self::hold_deposit(HoldReason::ActivityDeposit, owner, deposit)?;
			LogDeposits::<T>::mutate(hash, |held| held.saturating_accrue(deposit));
		}
		Self::log(hash, activity);
		Ok(())
	}

	/// Returns the log's deposit to `owner`: a preempted registration never was the record's.
	pub(crate) fn release_log_deposit(hash: ContentHash, owner: &T::AccountId) -> DispatchResult {
		Self::release_deposit(HoldReason::ActivityDeposit, owner, LogDeposits::<T>::take(hash))
	}

	/// A new owner's part of `hash`'s log starts here (registration, transfer, resolution).
	pub(crate) fn begin_tenure(hash: ContentHash) {
		TenureStart::<T>::insert(hash, ActivityCount::<T>::get(hash));
	}

	/// Appends what regulators, a vote or another registrant did: never refused, as those
	/// steps must not be blocked by a full log; their number is bounded by the motions,
	/// votes and reveals that make them.
	pub(crate) fn log(hash: ContentHash, activity: Activity<T::AccountId>) {
		let n = ActivityCount::<T>::get(hash);
		Activities::<T>::insert(
			hash,
			n,
			ActivityEntry { at: frame_system::Pallet::<T>::block_number(), activity },
		);
		ActivityCount::<T>::insert(hash, n.saturating_add(1));
	}
}
