//! The pallet's invariants (`do_try_state`), checked after every unit test, every fuzzed block
//! and by try-runtime. Compiled for native builds and try-runtime only: never part of the
//! production wasm.

use crate::pallet::*;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants (run by `try-runtime`, after every unit test and after
	/// every fuzzed block): the regulator count, that open motions are approved only by distinct accounts,
	/// that every freeze points at a logged freeze of that account, and that the index of
	/// actions by account mirrors the log.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use crate::FirewallAction;
		use polkadot_sdk::frame_support::ensure;
		ensure!(
			Regulators::<T>::iter().count().saturated_into::<u32>() == RegulatorCount::<T>::get(),
			"regulator count differs from regulators"
		);
		ensure!(Threshold::<T>::get() >= 1, "threshold below one");
		for (_, motion) in Motions::<T>::iter() {
			let mut approvals = motion.approvals.to_vec();
			approvals.sort();
			approvals.dedup();
			ensure!(approvals.len() == motion.approvals.len(), "duplicate approval");
		}
		for (who, freeze) in Freezes::<T>::iter() {
			let logged = ActionLog::<T>::get(freeze.action).ok_or("freeze without a log entry")?;
			ensure!(
				matches!(logged.action, FirewallAction::Freeze { who: ref w, until } if *w == who && until == freeze.until),
				"freeze differs from its log entry"
			);
			ensure!(logged.overturned_at.is_none(), "an overturned freeze is in force");
		}
		let mut concerning = 0usize;
		for (id, entry) in ActionLog::<T>::iter() {
			if let Some(subject) = entry.subject {
				ensure!(
					ActionsConcerning::<T>::contains_key(subject, id),
					"logged action missing from the account index"
				);
				concerning = concerning.saturating_add(1);
			}
		}
		ensure!(
			ActionsConcerning::<T>::iter().count() == concerning,
			"account index differs from the log"
		);
		ensure!(
			Pauses::<T>::iter().count().saturated_into::<u32>() == Pauses::<T>::count()
				&& Pauses::<T>::count() <= T::MaxPauses::get(),
			"pause count differs from pauses"
		);
		for (_, pause) in Pauses::<T>::iter() {
			ensure!(
				NextPauseExpiry::<T>::get().is_some_and(|next| next <= pause.until),
				"a pause ends before the next expiry looked at"
			);
			let logged = ActionLog::<T>::get(pause.action).ok_or("pause without a log entry")?;
			ensure!(logged.overturned_at.is_none(), "an overturned pause is in force");
		}
		let mut open: alloc::collections::btree_map::BTreeMap<T::AccountId, u32> =
			Default::default();
		for (_, motion) in Motions::<T>::iter() {
			let n = open.entry(motion.proposer).or_default();
			*n = n.saturating_add(1);
		}
		for (who, count) in OpenMotions::<T>::iter() {
			use polkadot_sdk::frame_support::traits::fungible::InspectHold;
			ensure!(open.remove(&who) == Some(count), "open motion count differs from motions");
			ensure!(count <= T::MaxOpenMotions::get(), "more open motions than allowed");
			// Every open motion is paid for by its proposer.
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::MotionDeposit.into(), &who)
					== T::MotionDeposit::get().saturating_mul(count.into()),
				"held motion deposits differ from the open motions"
			);
		}
		ensure!(open.is_empty(), "motions missing from the open motion count");
		for (_, freeze) in Freezes::<T>::iter() {
			ensure!(
				freeze.until <= freeze.since.saturating_add(T::MaxFreezeDuration::get()),
				"a freeze runs longer than MaxFreezeDuration without a break"
			);
		}
		// Total restriction time per target within any rolling window stays within its cap,
		// whatever sequence of motions produced it.
		let window = T::RestrictionWindow::get();
		for (target, spans) in RestrictionSpans::<T>::iter() {
			let cap = match target {
				crate::ActionTarget::Account(_) | crate::ActionTarget::Record(_) => {
					T::MaxFreezeDuration::get()
				},
				_ => T::MaxPauseDuration::get(),
			};
			for pair in spans.windows(2) {
				if let [earlier, later] = pair {
					ensure!(earlier.1 <= later.0, "restriction spans overlap or are out of order");
				}
			}
			for (_, end) in spans.iter() {
				let from = end.saturating_sub(window);
				let total = spans.iter().fold(BlockNumberFor::<T>::default(), |t, (a, b)| {
					t.saturating_add((*b).min(*end).saturating_sub((*a).max(from)))
				});
				ensure!(total <= cap, "a target restricted longer than its cap within the window");
			}
		}
		let validators = Validators::<T>::get();
		ensure!(
			validators.len().saturated_into::<u32>()
				>= MinValidators::<T>::get().min(validators.len().saturated_into::<u32>()),
			"validators below the floor"
		);
		let mut sorted = validators.to_vec();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == validators.len(), "duplicate validator");
		Ok(())
	}
}
