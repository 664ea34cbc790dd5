//! Read-only queries behind the supervision runtime API, and the pallet's invariants.

use crate::{pallet::*, ActionId, ActionView, FreezeInfo, Jurisdiction, RegulatorView};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::{self, pallet_prelude::BlockNumberFor},
};

pub use polity_primitives::paging::MAX_PAGE;

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
		use polity_primitives::paging::page;
		let now = frame_system::Pallet::<T>::block_number();
		let in_force = |(_, f): &(T::AccountId, FreezeInfo<BlockNumberFor<T>>)| now <= f.until;
		match start_after {
			Some(after) => page(
				Freezes::<T>::iter_from(Freezes::<T>::hashed_key_for(after)).filter(in_force),
				limit,
			),
			None => page(Freezes::<T>::iter().filter(in_force), limit),
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
		polity_primitives::paging::page((0..end).rev(), limit)
			.into_iter()
			.filter_map(Self::view)
			.collect()
	}

	/// A page of the actions concerning `who`, after `start_after` in storage order.
	pub fn actions_concerning(
		who: &T::AccountId,
		start_after: Option<ActionId>,
		limit: u32,
	) -> Vec<ActionView<T::AccountId, BlockNumberFor<T>>> {
		let ids = polity_primitives::paging::keys_after::<ActionsConcerning<T>, _, _, _>(
			who,
			start_after,
			limit,
		);
		ids.into_iter().filter_map(Self::view).collect()
	}
}
