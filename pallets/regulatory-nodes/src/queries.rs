//! Read-only queries behind the supervision runtime API, and the pallet's invariants.

use crate::{pallet::*, ActionId, ActionView, FreezeInfo, Jurisdiction, RegulatorView};
use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

/// Most items one page returns.
pub const MAX_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// Every regulator with its jurisdiction and licensed nodes (at most `MaxRegulators`).
	pub fn regulators() -> Vec<RegulatorView<T::AccountId, BlockNumberFor<T>>> {
		Regulators::<T>::iter()
			.take(T::MaxRegulators::get() as usize)
			.map(|(account, r)| RegulatorView {
				account,
				scopes: match r.jurisdiction {
					Jurisdiction::ChainWide => None,
					Jurisdiction::Scopes(s) => Some(s.into_inner()),
				},
				nodes: r.nodes.into_iter().map(|n| n.into_inner()).collect(),
				appointed_at: r.appointed_at,
			})
			.collect()
	}

	/// Pauses in force (at most `MaxPauses`).
	pub fn pauses() -> Vec<crate::PauseView<BlockNumberFor<T>>> {
		Pauses::<T>::iter()
			.take(T::MaxPauses::get() as usize)
			.map(|((pallet, call), p)| crate::PauseView {
				pallet: pallet.into_inner(),
				call: call.map(|c| alloc::string::String::from_utf8_lossy(&c).into_owned()),
				until: p.until,
				action: p.action,
			})
			.collect()
	}

	/// The validator set governance decided and its floor, next to the `active` one.
	pub fn validator_set(active: Vec<T::AccountId>) -> crate::ValidatorSetView<T::AccountId> {
		crate::ValidatorSetView {
			active,
			validators: Validators::<T>::get().into_inner(),
			min_validators: MinValidators::<T>::get(),
			pending: ValidatorsChanged::<T>::get(),
		}
	}

	/// Every licensed node's peer id.
	pub fn licensed_nodes() -> Vec<Vec<u8>> {
		Regulators::<T>::iter_values()
			.take(T::MaxRegulators::get() as usize)
			.flat_map(|r| r.nodes.into_iter().map(|n| n.into_inner()))
			.collect()
	}

	/// `who`'s freeze, if it is in force.
	pub fn freeze_of(who: &T::AccountId) -> Option<FreezeInfo<BlockNumberFor<T>>> {
		Freezes::<T>::get(who).filter(|_| Self::is_frozen(who))
	}

	/// A page of the freezes in force (those whose last block has not passed; an expired
	/// freeze not yet cleared is not in force, as `CheckFirewall` and the audit trail agree),
	/// after `start_after` in storage order.
	pub fn freezes(
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<(T::AccountId, FreezeInfo<BlockNumberFor<T>>)> {
		let limit = limit.min(MAX_PAGE) as usize;
		let now = frame_system::Pallet::<T>::block_number();
		let in_force = |(_, f): &(T::AccountId, FreezeInfo<BlockNumberFor<T>>)| now <= f.until;
		match start_after {
			Some(after) => Freezes::<T>::iter_from(Freezes::<T>::hashed_key_for(after))
				.filter(in_force)
				.take(limit)
				.collect(),
			None => Freezes::<T>::iter().filter(in_force).take(limit).collect(),
		}
	}

	fn view(id: ActionId) -> Option<ActionView<T::AccountId, BlockNumberFor<T>>> {
		ActionLog::<T>::get(id).map(|a| ActionView {
			id,
			action: a.action,
			scope: a.scope,
			reason: a.reason.into_inner(),
			proposer: a.proposer,
			approvals: a.approvals.into_inner(),
			subject: a.subject,
			executed_at: a.executed_at,
			overturned_at: a.overturned_at,
		})
	}

	/// A page of the action log, newest first, before action `before` (default: the newest).
	pub fn action_log(
		before: Option<ActionId>,
		limit: u32,
	) -> Vec<ActionView<T::AccountId, BlockNumberFor<T>>> {
		let end = before.unwrap_or_else(NextActionId::<T>::get);
		(0..end).rev().take(limit.min(MAX_PAGE) as usize).filter_map(Self::view).collect()
	}

	/// A page of the actions concerning `who`, after `start_after` in storage order.
	pub fn actions_concerning(
		who: &T::AccountId,
		start_after: Option<ActionId>,
		limit: u32,
	) -> Vec<ActionView<T::AccountId, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let ids: Vec<ActionId> = match start_after {
			Some(after) => ActionsConcerning::<T>::iter_key_prefix_from(
				who,
				ActionsConcerning::<T>::hashed_key_for(who, after),
			)
			.take(limit)
			.collect(),
			None => ActionsConcerning::<T>::iter_key_prefix(who).take(limit).collect(),
		};
		ids.into_iter().filter_map(Self::view).collect()
	}
}

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
