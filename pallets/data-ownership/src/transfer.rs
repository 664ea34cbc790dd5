//! Two-step transfer: offer, accept (or cancel, or let expire).

use crate::{pallet::*, Activity, ContentHash, Offer, RecordStatus};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_offer_transfer(
		who: &T::AccountId,
		hash: ContentHash,
		to: T::AccountId,
		expires: BlockNumberFor<T>,
	) -> DispatchResult {
		let record = Self::owned(who, hash)?;
		ensure!(record.status == RecordStatus::Active, Error::<T>::NotActive);
		Self::ensure_undisputed(hash)?;
		// An earlier commitment may still claim it: nothing is offered on a claim that may fall.
		ensure!(!Self::is_provisional(&record), Error::<T>::Provisional);
		ensure!(*who != to, Error::<T>::SelfTransfer);
		ensure!(!Offers::<T>::contains_key(hash), Error::<T>::OfferAlreadyExists);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			expires > now && expires <= now.saturating_add(T::MaxOfferDuration::get()),
			Error::<T>::InvalidExpiry
		);
		Self::log_owner(hash, who, Activity::Offered { to: to.clone() })?;
		Self::hold_deposit(HoldReason::OfferDeposit, who, T::OfferDeposit::get())?;
		Offers::<T>::insert(hash, Offer { to: to.clone(), expires });
		Self::deposit_event(Event::TransferOffered { hash, from: who.clone(), to, expires });
		Ok(())
	}

	pub(crate) fn do_accept_transfer(who: &T::AccountId, hash: ContentHash) -> DispatchResult {
		let offer = Offers::<T>::get(hash).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.to == *who, Error::<T>::NotRecipient);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= offer.expires,
			Error::<T>::OfferExpired
		);
		let mut record = Records::<T>::get(hash).ok_or(Error::<T>::NotFound)?;
		Self::ensure_undisputed(hash)?;
		let from = record.owner.clone();
		// Licences were the former owner's decisions: they do not carry over.
		Self::clear_licences(hash, &from)?;
		// The recipient takes the deposits over (the record's and its log's) before the
		// former owner gets them back.
		Self::take_over_deposit(HoldReason::RecordDeposit, &from, who, record.deposit)?;
		Self::take_over_deposit(
			HoldReason::ActivityDeposit,
			&from,
			who,
			LogDeposits::<T>::get(hash),
		)?;
		// The recipient's ownership, and its part of the log, start with the transfer.
		Self::begin_tenure(hash);
		Self::log_owner(hash, who, Activity::Transferred { from: from.clone(), to: who.clone() })?;
		record.owner = who.clone();
		Records::<T>::insert(hash, record);
		RecordsByOwner::<T>::remove(&from, hash);
		RecordsByOwner::<T>::insert(who, hash, ());
		Self::withdraw_offer(hash, &from)?;
		Self::deposit_event(Event::Transferred { hash, from, to: who.clone() });
		Ok(())
	}

	pub(crate) fn do_cancel_offer(who: &T::AccountId, hash: ContentHash) -> DispatchResult {
		Self::owned(who, hash)?;
		ensure!(Self::withdraw_offer(hash, who)?, Error::<T>::OfferNotFound);
		Self::log_owner(hash, who, Activity::OfferCancelled)?;
		Self::deposit_event(Event::OfferCancelled { hash });
		Ok(())
	}

	/// Removes `hash`'s pending offer, if any, and returns its deposit to `owner`, who made it;
	/// returns whether there was one.
	pub(crate) fn withdraw_offer(
		hash: ContentHash,
		owner: &T::AccountId,
	) -> Result<bool, DispatchError> {
		if Offers::<T>::take(hash).is_none() {
			return Ok(false);
		}
		Self::release_deposit(HoldReason::OfferDeposit, owner, T::OfferDeposit::get())?;
		Ok(true)
	}
}
