//! Decision safeguards: a minimum voting period, an enactment delay after a pass (cancellable
//! by a chain-wide vote), and a confirm period the proposal must have been passing for.

use crate::{pallet::*, ProposalIndex, ProposalOf, Safeguards, ScopeId};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::Contains},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_safeguards(
		scope: Option<ScopeId>,
		safeguards: Safeguards<BlockNumberFor<T>>,
	) -> DispatchResult {
		let max = T::MaxVotingPeriod::get();
		ensure!(
			safeguards.min_voting_period <= max
				&& safeguards.enactment_delay <= max
				&& safeguards.confirm_period <= max,
			Error::<T>::InvalidSafeguards
		);
		match scope {
			Some(scope) => {
				ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
				ScopeSafeguards::<T>::insert(scope, safeguards);
			},
			None => RootSafeguards::<T>::put(safeguards),
		}
		Self::deposit_event(Event::SafeguardsSet { scope, safeguards });
		Ok(())
	}

	/// The safeguards a proposal of `scope` carrying `call` is submitted under: its scope's,
	/// and the root-level ones for a root-level call, whichever is longer.
	pub(crate) fn safeguards_for(
		scope: ScopeId,
		call: Option<&<T as Config>::RuntimeCall>,
	) -> Safeguards<BlockNumberFor<T>> {
		let own = ScopeSafeguards::<T>::get(scope);
		match call {
			Some(call) if T::RootLevel::contains(call) => own.max(RootSafeguards::<T>::get()),
			_ => own,
		}
	}

	/// After a vote under a confirm period: records when the proposal started passing, or
	/// forgets it when it stops. O(1): one read, at most one write.
	pub(crate) fn track_passing(index: ProposalIndex, proposal: &ProposalOf<T>) {
		let passes = proposal.tally.outcome(&proposal.rule, &proposal.electorate).passes;
		let since = PassingSince::<T>::get(index);
		match (passes, since) {
			(true, None) => {
				PassingSince::<T>::insert(index, frame_system::Pallet::<T>::block_number())
			},
			(false, Some(_)) => PassingSince::<T>::remove(index),
			_ => {},
		}
	}

	/// Whether a proposal that passes at `end` has been passing for its confirm period.
	pub(crate) fn confirmed(
		index: ProposalIndex,
		end: BlockNumberFor<T>,
	) -> (bool, Option<BlockNumberFor<T>>) {
		let confirm = ProposalSafeguards::<T>::get(index).confirm_period;
		let since = PassingSince::<T>::take(index);
		if confirm.is_zero() {
			return (true, since);
		}
		(since.is_some_and(|since| since.saturating_add(confirm) <= end), since)
	}
}
