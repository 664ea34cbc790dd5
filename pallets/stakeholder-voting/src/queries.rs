//! Read-only queries behind the runtime API, and the pallet's invariants.

use crate::{
	pallet::*, BalanceOf, Ballot, Page, ProposalIndex, ProposalView, ScopeId, ScopeView,
	StakeholderView, StatusFilter, VoteRecord,
};
use alloc::vec::Vec;
use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use polkadot_sdk::sp_core::H256;

use polity_primitives::paging::keys_after;
pub use polity_primitives::paging::MAX_PAGE;

/// Most proposals one page of a listing reads: a page may hold fewer items than asked; go on
/// from its `next`.
pub const MAX_SCAN: u32 = 1_000;

impl<T: Config> Pallet<T> {
	/// A stakeholder's sector, status, scopes and stakes.
	pub fn stakeholder(who: &T::AccountId) -> Option<StakeholderView<BlockNumberFor<T>>> {
		Stakeholders::<T>::get(who).map(|s| StakeholderView {
			sector: s.sector,
			status: s.status,
			memberships: s.memberships.into_inner(),
		})
	}

	/// A scope with its rule and per-sector totals.
	pub fn scope(id: ScopeId) -> Option<ScopeView<BlockNumberFor<T>>> {
		Scopes::<T>::get(id).map(|s| ScopeView {
			id,
			name: s.name.into_inner(),
			rule: s.rule,
			totals: s.totals,
		})
	}

	/// A proposal with its live tally and projected outcome.
	pub fn proposal(
		index: ProposalIndex,
	) -> Option<ProposalView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Proposals::<T>::get(index).map(|p| ProposalView {
			index,
			projected: p.tally.outcome(&p.rule, &p.electorate),
			scope: p.scope,
			proposer: p.proposer,
			title: p.title.into_inner(),
			description: Self::description(&p.description_hash),
			description_hash: p.description_hash,
			call: ProposalCalls::<T>::get(index).map(|c| c.into_inner()),
			deposit: p.deposit,
			submitted: p.submitted,
			end: p.end,
			rule: p.rule,
			electorate: p.electorate,
			tally: p.tally,
			status: p.status,
			safeguards: ProposalSafeguards::<T>::get(index),
			passing_since: PassingSince::<T>::get(index),
			secret_ballot: SecretBallots::<T>::get(index),
		})
	}

	/// The description noted under `hash`, if it is there and at most `MaxDescriptionLen`.
	pub fn description(hash: &H256) -> Option<Vec<u8>> {
		use polkadot_sdk::frame_support::traits::{Get, QueryPreimage};
		let len = T::Preimages::len(hash).filter(|len| *len <= T::MaxDescriptionLen::get())?;
		T::Preimages::fetch(hash, Some(len)).ok().map(|text| text.into_owned())
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) proposals `who` submitted, after `start_after` in
	/// storage order.
	pub fn proposals_of(
		who: &T::AccountId,
		start_after: Option<ProposalIndex>,
		limit: u32,
	) -> Vec<ProposalIndex> {
		keys_after::<ProposalsBy<T>, _, _, _>(who, start_after, limit)
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) votes of `who`, after proposal `start_after` in
	/// storage order; pass the last index of a page to get the next.
	pub fn votes_of(
		who: &T::AccountId,
		start_after: Option<ProposalIndex>,
		limit: u32,
	) -> Vec<(ProposalIndex, VoteRecord)> {
		let indices = keys_after::<VotesByAccount<T>, _, _, _>(who, start_after, limit);
		indices
			.into_iter()
			.filter_map(|index| Votes::<T>::get(index, who).map(|vote| (index, vote)))
			.collect()
	}
}

impl<T: Config> Pallet<T> {
	/// Reads proposals newest first from before `before` (default: the newest), at most
	/// [`MAX_SCAN`] of them, keeping up to `limit` (at most [`MAX_PAGE`]) that `keep` maps to an
	/// item.
	fn scan<Item>(
		before: Option<ProposalIndex>,
		limit: u32,
		mut keep: impl FnMut(ProposalIndex, &crate::ProposalOf<T>) -> Option<Item>,
	) -> Page<Item> {
		let limit = limit.min(MAX_PAGE) as usize;
		let mut items = Vec::new();
		let mut index =
			before.unwrap_or_else(ProposalCount::<T>::get).min(ProposalCount::<T>::get());
		let mut scanned = 0u32;
		while index > 0 && items.len() < limit && scanned < MAX_SCAN {
			index = index.saturating_sub(1);
			scanned = scanned.saturating_add(1);
			if let Some(item) = Proposals::<T>::get(index).and_then(|p| keep(index, &p)) {
				items.push(item);
			}
		}
		Page { items, next: (index > 0).then_some(index) }
	}

	/// Proposals of `scope` whose status passes `filter`, newest first: up to `limit` (at most
	/// [`MAX_PAGE`]) from before `before`; pass the page's `next` as `before` for the next.
	pub fn proposals_in(
		scope: ScopeId,
		filter: StatusFilter,
		before: Option<ProposalIndex>,
		limit: u32,
	) -> Page<ProposalIndex> {
		Self::scan(before, limit, |index, p| {
			(p.scope == scope && filter.matches(&p.status)).then_some(index)
		})
	}

	/// The open proposals `who` may vote on now — by the same rule `vote` applies — with its
	/// vote so far, newest first; paginated as [`Self::proposals_in`].
	pub fn ballot(
		who: &T::AccountId,
		before: Option<ProposalIndex>,
		limit: u32,
	) -> Page<Ballot<BlockNumberFor<T>>> {
		Self::scan(before, limit, |index, p| {
			Self::ensure_may_vote(who, p).ok().map(|_| Ballot {
				index,
				scope: p.scope,
				end: p.end,
				vote: Votes::<T>::get(index, who),
				reveal_from: SecretBallots::<T>::get(index).map(|b| b.reveal_from),
				committed: Commitments::<T>::contains_key(index, who),
			})
		})
	}
}

impl<T: Config> polity_primitives::traits::ScopeMembership<T::AccountId> for Pallet<T> {
	fn is_member(scope: ScopeId, who: &T::AccountId) -> bool {
		Stakeholders::<T>::get(who).is_some_and(|info| info.membership(scope).is_some())
	}

	fn proposal_scope(proposal: ProposalIndex) -> Option<ScopeId> {
		Proposals::<T>::get(proposal).map(|p| p.scope)
	}
}
