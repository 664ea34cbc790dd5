//! Closing proposals — automatically at the end of their period or by anyone once due — and
//! enacting passed ones; reaping the votes of ended proposals.

use crate::{
	pallet::*, weights::WeightInfo, Enactment, EncodedCall, ProposalIndex, ProposalOf,
	ProposalStatus, ScopeId,
};
use alloc::vec::Vec;
use codec::DecodeLimit;
use polkadot_sdk::{
	frame_support::{
		dispatch::GetDispatchInfo,
		ensure,
		pallet_prelude::*,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Dispatchable, Saturating},
};

/// Most end-of-voting buckets looked at per block while catching up.
const MAX_BUCKETS_PER_BLOCK: u32 = 16;
/// Nesting limit when decoding a stored call.
const CALL_DECODE_DEPTH: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Puts `index` in the bucket of proposals due at `at`, and moves the close cursor back to
	/// `at` if it is ahead of it.
	pub(crate) fn schedule(at: BlockNumberFor<T>, index: ProposalIndex) -> Result<(), Error<T>> {
		ProposalsEndingAt::<T>::try_mutate(at, |bucket| bucket.try_push(index))
			.map_err(|_| Error::<T>::TooManyProposalsEnding)?;
		CloseCursor::<T>::mutate(|cursor| *cursor = Some(cursor.map_or(at, |c| c.min(at))));
		Ok(())
	}

	/// Takes `index` out of the bucket of proposals ending at `end`.
	pub(crate) fn remove_from_schedule(end: BlockNumberFor<T>, index: ProposalIndex) {
		ProposalsEndingAt::<T>::mutate_exists(end, |bucket| {
			if let Some(b) = bucket {
				b.retain(|i| *i != index);
				if b.is_empty() {
					*bucket = None;
				}
			}
		});
	}

	/// `on_initialize`: closes proposals whose voting ended, at most `MaxAutoClosesPerBlock`;
	/// the rest stay queued for the next blocks.
	pub(crate) fn close_due(now: BlockNumberFor<T>) -> Weight {
		let db = T::DbWeight::get();
		let Some(mut cursor) = CloseCursor::<T>::get() else { return db.reads(1) };
		let max = T::MaxAutoClosesPerBlock::get();
		let mut closed = 0u32;
		let mut scanned = 0u32;
		let mut enactment_weight = Weight::zero();
		while cursor <= now && scanned < MAX_BUCKETS_PER_BLOCK && closed < max {
			scanned = scanned.saturating_add(1);
			let mut due: Vec<ProposalIndex> = ProposalsEndingAt::<T>::get(cursor).into_inner();
			let take = due.len().min(max.saturating_sub(closed) as usize);
			let rest = due.split_off(take);
			for index in due {
				if let Some(proposal) = Proposals::<T>::get(index) {
					let used = match proposal.status {
						ProposalStatus::Ongoing => Self::finish(index, proposal, now),
						ProposalStatus::Held { at, .. } => Self::enact_held(index, proposal, at),
						_ => Weight::zero(),
					};
					enactment_weight.saturating_accrue(used);
				}
				closed = closed.saturating_add(1);
			}
			if rest.is_empty() {
				ProposalsEndingAt::<T>::remove(cursor);
				cursor.saturating_inc();
			} else {
				ProposalsEndingAt::<T>::insert(cursor, BoundedVec::truncate_from(rest));
			}
		}
		CloseCursor::<T>::put(cursor);
		<T as Config>::WeightInfo::on_initialize(closed)
			.saturating_add(db.reads_writes(scanned.into(), scanned.into()))
			.saturating_add(enactment_weight)
	}

	/// `close`: closes a due proposal, or enacts a held one whose hold ended; returns the
	/// weight its call used.
	pub(crate) fn do_close_due(index: ProposalIndex) -> Result<Weight, DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		match proposal.status {
			ProposalStatus::Ongoing => {
				ensure!(now >= proposal.end, Error::<T>::NotDue);
				Self::remove_from_schedule(proposal.end, index);
				Ok(Self::finish(index, proposal, now))
			},
			ProposalStatus::Held { at, until } => {
				ensure!(now >= until, Error::<T>::NotDue);
				Self::remove_from_schedule(until, index);
				Ok(Self::enact_held(index, proposal, at))
			},
			_ => Err(Error::<T>::NotOngoing.into()),
		}
	}

	/// Enacts a held proposal's call; `at` is the block it closed at.
	fn enact_held(
		index: ProposalIndex,
		mut proposal: ProposalOf<T>,
		at: BlockNumberFor<T>,
	) -> Weight {
		let Some(call) = proposal.call.as_ref() else { return Weight::zero() };
		let (result, used) = Self::enact(proposal.scope, call);
		Self::deposit_event(Event::Enacted { index, result });
		proposal.status = ProposalStatus::Approved { at, enactment: Some(result) };
		Proposals::<T>::insert(index, proposal);
		used
	}

	/// Decides a proposal from its tally, releases the deposit, and enacts the call if it
	/// passed. Returns the weight the call used.
	fn finish(index: ProposalIndex, mut proposal: ProposalOf<T>, now: BlockNumberFor<T>) -> Weight {
		let outcome = proposal.tally.outcome(&proposal.rule, &proposal.electorate);
		// The deposit is held by this pallet alone; releasing it cannot fail short of a bug.
		let _ = T::Currency::release(
			&HoldReason::ProposalDeposit.into(),
			&proposal.proposer,
			proposal.deposit,
			Precision::BestEffort,
		);
		let mut used = Weight::zero();
		let hold = EnactmentHolds::<T>::take(index).filter(|until| *until > now);
		if let (true, Some(until), Some(_)) = (outcome.passes, hold, proposal.call.as_ref()) {
			// Held for review: enacted when the hold ends. A full bucket at `until` (at most
			// `MaxProposalsEndingPerBlock`) cannot take it; the call is then enacted now.
			if Self::schedule(until, index).is_ok() {
				Self::deposit_event(Event::Approved { index, outcome });
				proposal.status = ProposalStatus::Held { at: now, until };
				Proposals::<T>::insert(index, proposal);
				return used;
			}
		}
		if outcome.passes {
			Self::deposit_event(Event::Approved { index, outcome });
			let enactment = proposal.call.as_ref().map(|call| {
				let (result, weight) = Self::enact(proposal.scope, call);
				used = weight;
				Self::deposit_event(Event::Enacted { index, result });
				result
			});
			proposal.status = ProposalStatus::Approved { at: now, enactment };
		} else {
			Self::deposit_event(Event::Rejected { index, outcome });
			proposal.status = ProposalStatus::Rejected { at: now };
		}
		Proposals::<T>::insert(index, proposal);
		used
	}

	/// Dispatches a passed proposal's call with the scope's origin.
	fn enact(scope: ScopeId, encoded: &EncodedCall<T::MaxCallLen>) -> (Enactment, Weight) {
		let call = match <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			CALL_DECODE_DEPTH,
			&mut &encoded[..],
		) {
			Ok(call) => call,
			// A runtime upgrade may have changed the call's encoding since submission.
			Err(_) => {
				return (
					Enactment::EnactmentFailed { error: Error::<T>::CallUndecodable.into() },
					Weight::zero(),
				)
			},
		};
		let declared = call.get_dispatch_info().call_weight;
		let origin = Origin::Stakeholders { scope };
		match call.dispatch(origin.into()) {
			Ok(post) => (Enactment::Enacted, post.actual_weight.unwrap_or(declared)),
			Err(e) => (
				Enactment::EnactmentFailed { error: e.error },
				e.post_info.actual_weight.unwrap_or(declared),
			),
		}
	}

	pub(crate) fn do_dispatch_as_root(
		call: <T as Config>::RuntimeCall,
	) -> polkadot_sdk::frame_support::dispatch::DispatchResultWithPostInfo {
		let declared = call.get_dispatch_info().call_weight;
		let result = call.dispatch(frame_system::RawOrigin::Root.into());
		let used = match &result {
			Ok(post) => post.actual_weight,
			Err(e) => e.post_info.actual_weight,
		}
		.unwrap_or(declared);
		Self::deposit_event(Event::DispatchedAsRoot {
			result: result.map(|_| ()).map_err(|e| e.error),
		});
		Ok(Some(<T as Config>::WeightInfo::dispatch_as_root().saturating_add(used)).into())
	}

	pub(crate) fn do_reap_votes(index: ProposalIndex, limit: u32) -> Result<u32, DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let ended = match proposal.status {
			ProposalStatus::Ongoing | ProposalStatus::Held { .. } => {
				return Err(Error::<T>::NotReapable.into())
			},
			ProposalStatus::Approved { at, .. }
			| ProposalStatus::Rejected { at }
			| ProposalStatus::Withdrawn { at }
			| ProposalStatus::Cancelled { at } => at,
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= ended.saturating_add(T::VoteRetention::get()), Error::<T>::NotReapable);
		let mut count = 0u32;
		for (who, _) in Votes::<T>::drain_prefix(index).take(limit as usize) {
			VotesByAccount::<T>::remove(&who, index);
			count = count.saturating_add(1);
		}
		let more = Votes::<T>::iter_key_prefix(index).next().is_some();
		Self::deposit_event(Event::VotesReaped { index, count, more });
		Ok(count)
	}
}
