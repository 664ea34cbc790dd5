//! The one deposit this pallet holds: an open motion's, from its proposer, under
//! `HoldReason::MotionDeposit`, until the motion executes or is closed.

use crate::pallet::*;
use polkadot_sdk::frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};

impl<T: Config> Pallet<T> {
	/// Holds a motion's deposit from `who`; `FundsUnavailable` (and nothing held) without it.
	pub(crate) fn hold_motion_deposit(who: &T::AccountId) -> DispatchResult {
		T::Currency::hold(&HoldReason::MotionDeposit.into(), who, T::MotionDeposit::get())
	}

	/// Returns a motion's deposit to its proposer. Best effort: what is held for motions is
	/// only ever released here, so it cannot fall short.
	pub(crate) fn release_motion_deposit(who: &T::AccountId) {
		let _ = T::Currency::release(
			&HoldReason::MotionDeposit.into(),
			who,
			T::MotionDeposit::get(),
			Precision::BestEffort,
		);
	}
}
