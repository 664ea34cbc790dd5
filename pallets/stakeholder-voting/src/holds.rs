//! Enactment holds: regulators delay a proposal's call for review, within a bounded time, and
//! release it; a held proposal is enacted by itself when the hold ends.

use crate::{pallet::*, ProposalIndex, ProposalStatus};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::Contains},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// Holds proposal `index`'s enactment until `until`, or releases the hold (`None`); returns
	/// the proposer. Reached only through
	/// [`EnactmentHold`](polity_primitives::traits::EnactmentHold), by a passed firewall
	/// motion, so it has no origin of its own.
	pub(crate) fn do_hold_enactment(
		index: ProposalIndex,
		until: Option<BlockNumberFor<T>>,
	) -> Result<T::AccountId, DispatchError> {
		let mut proposal = Proposals::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		match (until, proposal.status) {
			(Some(until), status) => {
				let call = ProposalCalls::<T>::get(index).ok_or(Error::<T>::NotHoldable)?;
				// What overturns the firewall or dismisses a regulator is never held.
				let call = Self::decode_call(&call)?;
				ensure!(!T::Unholdable::contains(&call), Error::<T>::NotHoldable);
				ensure!(
					until > now && until <= now.saturating_add(T::MaxEnactmentHold::get()),
					Error::<T>::InvalidHold
				);
				let start = HoldStarts::<T>::get(index).unwrap_or(now);
				ensure!(
					until <= start.saturating_add(T::MaxEnactmentHold::get()),
					Error::<T>::HoldTooLong
				);
				let until = match status {
					ProposalStatus::Ongoing => {
						EnactmentHolds::<T>::insert(index, until);
						until
					},
					ProposalStatus::Held { at, until: old } => {
						let until = Self::reschedule(index, old, until)?;
						proposal.status = ProposalStatus::Held { at, until };
						Proposals::<T>::insert(index, &proposal);
						until
					},
					// In its enactment delay: held to the later of the two.
					ProposalStatus::Scheduled { at, enact_at } => {
						let until = Self::reschedule(index, enact_at, until.max(enact_at))?;
						proposal.status = ProposalStatus::Held { at, until };
						Proposals::<T>::insert(index, &proposal);
						until
					},
					_ => return Err(Error::<T>::NotHoldable.into()),
				};
				HoldStarts::<T>::insert(index, start);
				Self::deposit_event(Event::EnactmentHeld { index, until });
			},
			(None, ProposalStatus::Ongoing) => {
				EnactmentHolds::<T>::take(index).ok_or(Error::<T>::NotHeld)?;
				Self::deposit_event(Event::EnactmentReleased { index });
			},
			(None, ProposalStatus::Held { at, until: old }) => {
				// Enacted at the next block's start, like a proposal that just closed — but not
				// before its enactment delay ends.
				let delay_end =
					at.saturating_add(ProposalSafeguards::<T>::get(index).enactment_delay);
				let next =
					Self::reschedule(index, old, now.saturating_add(1u32.into()).max(delay_end))?;
				proposal.status = ProposalStatus::Held { at, until: next };
				Proposals::<T>::insert(index, &proposal);
				Self::deposit_event(Event::EnactmentReleased { index });
			},
			(None, _) => return Err(Error::<T>::NotHeld.into()),
		}
		Ok(proposal.proposer)
	}
}

impl<T: Config> polity_primitives::traits::EnactmentHold<T::AccountId, BlockNumberFor<T>>
	for Pallet<T>
{
	fn hold_enactment(
		proposal: ProposalIndex,
		until: Option<BlockNumberFor<T>>,
	) -> Result<T::AccountId, DispatchError> {
		Self::do_hold_enactment(proposal, until)
	}
}
