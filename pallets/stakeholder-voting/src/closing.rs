//! Closing proposals — automatically at the end of their period or by anyone once due — and
//! enacting passed ones; reaping the votes of ended proposals.

use crate::{
	pallet::*, weights::WeightInfo, Enactment, EncodedCall, ProposalIndex, ProposalOf,
	ProposalStatus, ScopeId,
};
use alloc::vec::Vec;
use codec::DecodeLimit;
use polkadot_sdk::{
	frame_support::{dispatch::GetDispatchInfo, ensure, pallet_prelude::*, traits::Contains},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{Dispatchable, Zero},
		Saturating,
	},
};

/// Most end-of-voting buckets looked at per block while catching up.
pub(crate) const MAX_BUCKETS_PER_BLOCK: u32 = 16;
/// Nesting limit when decoding a stored call; `propose` refuses calls deeper than this.
const CALL_DECODE_DEPTH: u32 = 64;
/// Most blocks looked at for room in a close queue: a proposal's end, a hold's end or a retry
/// moves to the first block with room within this many.
pub(crate) const MAX_SPILL: u32 = 32;

impl<T: Config> Pallet<T> {
	/// Puts `index` in the bucket of proposals due at `at` or, when that is full, at the first
	/// later block with room (at most `MAX_SPILL` blocks later); moves the close cursor back if
	/// it is ahead. Returns the block it went to.
	pub(crate) fn schedule(
		at: BlockNumberFor<T>,
		index: ProposalIndex,
	) -> Result<BlockNumberFor<T>, Error<T>> {
		let mut block = at;
		for _ in 0..MAX_SPILL {
			let added = ProposalsEndingAt::<T>::mutate(block, |bucket| {
				if bucket.contains(&index) {
					return true;
				}
				bucket.try_push(index).is_ok()
			});
			if added {
				CloseCursor::<T>::mutate(|c| *c = Some(c.map_or(block, |c| c.min(block))));
				return Ok(block);
			}
			block.saturating_inc();
		}
		Err(Error::<T>::TooManyProposalsEnding)
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

	/// Moves `index` in the schedule from block `from` to block `to` (or the first block with
	/// room after it); returns where it went. Moving to the block it is in keeps it there.
	pub(crate) fn reschedule(
		index: ProposalIndex,
		from: BlockNumberFor<T>,
		to: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		if from == to {
			return Ok(to);
		}
		Self::remove_from_schedule(from, index);
		match Self::schedule(to, index) {
			Ok(at) => Ok(at),
			Err(e) => {
				// Put it back where it was; the caller's call fails and changes nothing.
				let _ = Self::schedule(from, index);
				Err(e.into())
			},
		}
	}

	/// The proposal leaves the ongoing ones: its proposer's and scope's slots are freed.
	pub(crate) fn end_ongoing(proposal: &ProposalOf<T>) {
		OpenProposalsBy::<T>::mutate_exists(&proposal.proposer, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		OpenProposalsIn::<T>::mutate_exists(proposal.scope, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// `on_initialize`: closes proposals whose voting ended, enacts held and blocked ones
	/// whose time came, at most `MaxAutoClosesPerBlock`; the rest stay queued for the next
	/// blocks.
	pub(crate) fn close_due(now: BlockNumberFor<T>) -> Weight {
		// Measured with the most buckets to look at (`on_initialize`'s benchmark), which also
		// bounds a block with nothing to close.
		let Some(mut cursor) = CloseCursor::<T>::get() else {
			return <T as Config>::WeightInfo::on_initialize(0);
		};
		let max = T::MaxAutoClosesPerBlock::get();
		let mut closed = 0u32;
		let mut scanned = 0u32;
		let mut enactment_weight = Weight::zero();
		while cursor <= now && scanned < MAX_BUCKETS_PER_BLOCK && closed < max {
			scanned = scanned.saturating_add(1);
			let mut due: Vec<ProposalIndex> = ProposalsEndingAt::<T>::take(cursor).into_inner();
			let take = due.len().min(max.saturating_sub(closed) as usize);
			let rest = due.split_off(take);
			if !rest.is_empty() {
				ProposalsEndingAt::<T>::insert(cursor, BoundedVec::truncate_from(rest));
			}
			for index in due {
				enactment_weight.saturating_accrue(Self::close_one(index, now));
				closed = closed.saturating_add(1);
			}
			// Closing may have scheduled into this very block (a retry or a spill): look at it
			// again before moving on.
			if ProposalsEndingAt::<T>::decode_len(cursor).unwrap_or(0) == 0 {
				cursor.saturating_inc();
			}
		}
		CloseCursor::<T>::put(cursor);
		<T as Config>::WeightInfo::on_initialize(closed).saturating_add(enactment_weight)
	}

	/// Closes, enacts or retries proposal `index`, already taken out of its bucket; returns
	/// the weight its call used.
	fn close_one(index: ProposalIndex, now: BlockNumberFor<T>) -> Weight {
		let Some(proposal) = Proposals::<T>::get(index) else { return Weight::zero() };
		match proposal.status {
			ProposalStatus::Ongoing => Self::finish(index, proposal, now),
			ProposalStatus::Held { at, .. } | ProposalStatus::Scheduled { at, .. } => {
				Self::enact_passed(index, at, 0, now)
			},
			ProposalStatus::AwaitingEnactment { at, attempts, .. } => {
				Self::enact_passed(index, at, attempts, now)
			},
			_ => Weight::zero(),
		}
	}

	/// `close`: closes a due proposal, or enacts a held or blocked one whose time came;
	/// returns the weight its call used.
	pub(crate) fn do_close_due(index: ProposalIndex) -> Result<Weight, DispatchError> {
		let proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		let due = match proposal.status {
			ProposalStatus::Ongoing => proposal.end,
			ProposalStatus::Held { until, .. } => until,
			ProposalStatus::Scheduled { enact_at, .. } => enact_at,
			ProposalStatus::AwaitingEnactment { retry, .. } => retry,
			_ => return Err(Error::<T>::NotOngoing.into()),
		};
		ensure!(now >= due, Error::<T>::NotDue);
		Self::remove_from_schedule(due, index);
		Ok(Self::close_one(index, now))
	}

	/// Enacts a passed proposal's call (it closed at `at`, after `attempts` blocked attempts).
	/// The status says `Approved` before the call runs, so a call acting on its own proposal
	/// finds it ended. A call blocked by a pause or safe mode is tried again later.
	fn enact_passed(
		index: ProposalIndex,
		at: BlockNumberFor<T>,
		attempts: u32,
		now: BlockNumberFor<T>,
	) -> Weight {
		HoldStarts::<T>::remove(index);
		let to_enact = Proposals::<T>::mutate(index, |p| {
			let p = p.as_mut()?;
			p.status = ProposalStatus::Approved { at, enactment: None };
			Some(p.scope)
		});
		let Some((scope, call)) = to_enact.zip(ProposalCalls::<T>::get(index)) else {
			return Weight::zero();
		};
		let (result, used) = Self::enact(scope, &call);
		let attempts = attempts.saturating_add(1);
		let blocked = matches!(result, Enactment::EnactmentFailed { error }
			if error == frame_system::Error::<T>::CallFiltered.into());
		// No budget of attempts: a pause or safe mode can only delay a passed decision, never
		// defeat it; while it waits, a chain-wide vote may still cancel it.
		let status = if blocked {
			match Self::schedule(now.saturating_add(T::EnactmentRetryPeriod::get()), index) {
				Ok(retry) => {
					Self::deposit_event(Event::EnactmentDeferred { index, retry });
					ProposalStatus::AwaitingEnactment { at, retry, attempts }
				},
				Err(_) => ProposalStatus::Approved { at, enactment: Some(result) },
			}
		} else {
			ProposalStatus::Approved { at, enactment: Some(result) }
		};
		if matches!(status, ProposalStatus::Approved { .. }) {
			Self::deposit_event(Event::Enacted { index, result });
		}
		Proposals::<T>::mutate(index, |p| {
			if let Some(p) = p {
				p.status = status;
			}
		});
		used
	}

	/// Decides a proposal from its tally and safeguards, settles the deposit, and enacts the
	/// call if it passed — or schedules it, after its enactment delay or a regulators' hold.
	/// Returns the weight the call used.
	fn finish(index: ProposalIndex, mut proposal: ProposalOf<T>, now: BlockNumberFor<T>) -> Weight {
		let outcome = proposal.tally.outcome(&proposal.rule, &proposal.electorate);
		let (confirmed, passing_since) = Self::confirmed(index, proposal.end);
		Self::end_ongoing(&proposal);
		Self::settle_deposit(index, &proposal, outcome.quorum_reached);
		let hold = EnactmentHolds::<T>::take(index).filter(|until| *until > now);
		if !outcome.passes || !confirmed {
			HoldStarts::<T>::remove(index);
			if outcome.passes {
				Self::deposit_event(Event::NotConfirmed { index, passing_since });
			}
			Self::deposit_event(Event::Rejected { index, outcome });
			proposal.status = ProposalStatus::Rejected { at: now };
			Proposals::<T>::insert(index, proposal);
			return Weight::zero();
		}
		Self::deposit_event(Event::Approved { index, outcome });
		let call = ProposalCalls::<T>::get(index);
		let delay = match call.as_ref() {
			// An overturn, a dismissal or the cancellation of a delayed decision is not delayed.
			Some(call) if Self::decode_call(call).is_ok_and(|c| !T::Undelayed::contains(&c)) => {
				ProposalSafeguards::<T>::get(index).enactment_delay
			},
			_ => Zero::zero(),
		};
		let delayed = (!delay.is_zero()).then(|| now.saturating_add(delay));
		let wait = match (hold, delayed) {
			(Some(h), Some(d)) => Some((h.max(d), true)),
			(Some(h), None) => Some((h, true)),
			(None, Some(d)) => Some((d, false)),
			(None, None) => None,
		};
		if let (Some((until, held)), Some(_)) = (wait, call.as_ref()) {
			// Enacted when the wait ends, at the first block with room from then on. With no
			// room at all it is not enacted: neither a hold nor a delay ever fails open.
			proposal.status = match Self::schedule(until, index) {
				Ok(until) if held => ProposalStatus::Held { at: now, until },
				Ok(enact_at) => {
					Self::deposit_event(Event::EnactmentScheduled { index, enact_at });
					ProposalStatus::Scheduled { at: now, enact_at }
				},
				Err(e) => {
					let result = Enactment::EnactmentFailed { error: e.into() };
					Self::deposit_event(Event::Enacted { index, result });
					ProposalStatus::Approved { at: now, enactment: Some(result) }
				},
			};
			Proposals::<T>::insert(index, proposal);
			return Weight::zero();
		}
		proposal.status = ProposalStatus::Approved { at: now, enactment: None };
		Proposals::<T>::insert(index, proposal);
		Self::enact_passed(index, now, 0, now)
	}

	/// Releases a closing proposal's deposit, burning `QuorumFailureSlash` of it if the
	/// proposal failed its quorum.
	fn settle_deposit(index: ProposalIndex, proposal: &ProposalOf<T>, quorum_reached: bool) {
		let slash = if quorum_reached {
			Zero::zero()
		} else {
			T::QuorumFailureSlash::get().mul_floor(proposal.deposit)
		};
		if !slash.is_zero() {
			// The deposit is held by this pallet alone; burning it cannot fail short of a bug.
			let burned = Self::burn_deposit(HoldReason::ProposalDeposit, &proposal.proposer, slash)
				.unwrap_or_default();
			Self::deposit_event(Event::DepositSlashed { index, amount: burned });
		}
		let _ = Self::release_deposit(
			HoldReason::ProposalDeposit,
			&proposal.proposer,
			proposal.deposit.saturating_sub(slash),
		);
	}

	/// Decodes a proposal's call as enactment does, with the nesting limit `propose` enforces.
	pub(crate) fn decode_call(encoded: &[u8]) -> Result<<T as Config>::RuntimeCall, Error<T>> {
		<T as Config>::RuntimeCall::decode_all_with_depth_limit(
			CALL_DECODE_DEPTH,
			&mut &encoded[..],
		)
		.map_err(|_| Error::<T>::CallUndecodable)
	}

	/// Dispatches a passed proposal's call with the scope's origin.
	fn enact(scope: ScopeId, encoded: &EncodedCall<T::MaxCallLen>) -> (Enactment, Weight) {
		let call = match Self::decode_call(encoded) {
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
		ensure!(!T::NotForRoot::contains(&call), Error::<T>::RootCallForbidden);
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
			ProposalStatus::Ongoing
			| ProposalStatus::Held { .. }
			| ProposalStatus::Scheduled { .. }
			| ProposalStatus::AwaitingEnactment { .. } => return Err(Error::<T>::NotReapable.into()),
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
		// Commitments never revealed go too.
		let left = limit.saturating_sub(count) as usize;
		for _ in Commitments::<T>::drain_prefix(index).take(left) {
			count = count.saturating_add(1);
		}
		let more = Votes::<T>::iter_key_prefix(index).next().is_some()
			|| Commitments::<T>::iter_key_prefix(index).next().is_some();
		if !more {
			// The record's retention is over: its description is no longer pinned.
			Self::unpin_description(index, proposal.description_hash);
		}
		Self::deposit_event(Event::VotesReaped { index, count, more });
		Ok(count)
	}
}
