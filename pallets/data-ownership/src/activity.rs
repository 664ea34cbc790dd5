//! Each record's activity log: bounded, paginated, kept for good.

use crate::{pallet::*, Activity, ActivityEntry, ContentHash};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};

impl<T: Config> Pallet<T> {
	/// Appends what the owner did to `hash`'s log; fails with `ActivityLogFull` at
	/// `MaxActivity` entries, so one owner cannot grow a record's storage without end.
	pub(crate) fn log_owner(hash: ContentHash, activity: Activity<T::AccountId>) -> DispatchResult {
		ensure!(ActivityCount::<T>::get(hash) < T::MaxActivity::get(), Error::<T>::ActivityLogFull);
		Self::log(hash, activity);
		Ok(())
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
