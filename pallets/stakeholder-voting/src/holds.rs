//! Enactment holds: regulators delay a proposal's call for review, within a bounded time, and
//! release it; a held proposal is enacted by itself when the hold ends.

use crate::{pallet::*, ProposalIndex, ProposalStatus};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// Holds proposal `index`'s enactment until `until`, or releases the hold (`None`); returns
	/// the proposer. Called by the regulatory firewall once a motion passes, so it has no
	/// origin of its own.
	pub fn hold_enactment(
		index: ProposalIndex,
		until: Option<BlockNumberFor<T>>,
	) -> Result<T::AccountId, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		match (until, proposal.status) {
			(Some(until), status) => {
				ensure!(proposal.call.is_some(), Error::<T>::NotHoldable);
				ensure!(
					until > now && until <= now.saturating_add(T::MaxEnactmentHold::get()),
					Error::<T>::InvalidHold
				);
				match status {
					ProposalStatus::Ongoing => EnactmentHolds::<T>::insert(index, until),
					ProposalStatus::Held { at, until: old } => {
						Self::reschedule(index, old, until)?;
						proposal.status = ProposalStatus::Held { at, until };
						Proposals::<T>::insert(index, &proposal);
					},
					_ => return Err(Error::<T>::NotHoldable.into()),
				}
				Self::deposit_event(Event::EnactmentHeld { index, until });
			},
			(None, ProposalStatus::Ongoing) => {
				EnactmentHolds::<T>::take(index).ok_or(Error::<T>::NotHeld)?;
				Self::deposit_event(Event::EnactmentReleased { index });
			},
			(None, ProposalStatus::Held { at, until: old }) => {
				// Enacted at the next block's start, like a proposal that just closed.
				let next = now.saturating_add(1u32.into());
				Self::reschedule(index, old, next)?;
				proposal.status = ProposalStatus::Held { at, until: next };
				Proposals::<T>::insert(index, &proposal);
				Self::deposit_event(Event::EnactmentReleased { index });
			},
			(None, _) => return Err(Error::<T>::NotHeld.into()),
		}
		Ok(proposal.proposer)
	}

	/// Moves `index` in the schedule from block `from` to block `to`.
	fn reschedule(
		index: ProposalIndex,
		from: BlockNumberFor<T>,
		to: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::schedule(to, index)?;
		Self::remove_from_schedule(from, index);
		Ok(())
	}
}
