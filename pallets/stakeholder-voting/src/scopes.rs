//! Creating and configuring scopes.

use crate::{pallet::*, ScopeId, ScopeInfo, SectorTotals, VotingRule};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::BlockNumberFor,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn ensure_valid_rule(rule: &VotingRule<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(
			rule.voting_period >= T::MinVotingPeriod::get()
				&& rule.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::InvalidRule
		);
		Ok(())
	}

	pub(crate) fn do_create_scope(
		name: BoundedVec<u8, T::MaxNameLen>,
		rule: VotingRule<BlockNumberFor<T>>,
	) -> Result<ScopeId, DispatchError> {
		Self::ensure_valid_rule(&rule)?;
		let scope = NextScopeId::<T>::get();
		let next = scope.checked_add(1).ok_or(Error::<T>::TooManyScopes)?;
		Scopes::<T>::insert(scope, ScopeInfo { name, rule, totals: SectorTotals::default() });
		NextScopeId::<T>::put(next);
		Self::deposit_event(Event::ScopeCreated { scope });
		Ok(scope)
	}

	pub(crate) fn do_set_rule(
		scope: ScopeId,
		rule: VotingRule<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::ensure_valid_rule(&rule)?;
		Scopes::<T>::try_mutate(scope, |info| {
			let info = info.as_mut().ok_or(Error::<T>::ScopeNotFound)?;
			info.rule = rule;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::RuleChanged { scope });
		Ok(())
	}
}
