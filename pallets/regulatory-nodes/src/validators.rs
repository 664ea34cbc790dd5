//! The validator set: governance adds and removes validators; `pallet-session` takes the set at
//! the next session change, with this pallet as its session manager.

use crate::pallet::*;
use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::ValidatorRegistration},
	frame_system::pallet_prelude::BlockNumberFor,
	pallet_session::SessionManager,
	sp_staking::SessionIndex,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
		// Without keys the session would skip it; say so now rather than at the session change.
		ensure!(T::ValidatorRegistration::is_registered(&who), Error::<T>::SessionKeysNotSet);
		validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		Validators::<T>::put(validators);
		ValidatorsChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorAdded { who });
		Ok(())
	}

	pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let position = validators.iter().position(|v| *v == who).ok_or(Error::<T>::NotValidator)?;
		ensure!(
			validators.len().saturated_into::<u32>() > MinValidators::<T>::get(),
			Error::<T>::TooFewValidators
		);
		validators.remove(position);
		Validators::<T>::put(validators);
		ValidatorsChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { who });
		Ok(())
	}

	pub(crate) fn do_set_min_validators(min: u32) -> DispatchResult {
		ensure!(
			min >= 1 && min <= Validators::<T>::decode_len().unwrap_or(0).saturated_into::<u32>(),
			Error::<T>::InvalidMinimum
		);
		MinValidators::<T>::put(min);
		Self::deposit_event(Event::MinValidatorsSet { min });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// `on_initialize`: ends the session when it is due, charging the measured weight of a
	/// rotation to the largest validator set.
	pub(crate) fn end_session(now: BlockNumberFor<T>) -> Weight {
		use crate::{traits::SessionRotation, WeightInfo};
		if !T::Sessions::ends_at(now) {
			return Weight::zero();
		}
		T::Sessions::rotate();
		<T as Config>::WeightInfo::rotate_session(T::MaxValidators::get())
	}
}

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		// `None` keeps the current set; the session pallet then skips rotating authorities.
		if !ValidatorsChanged::<T>::take() {
			return None;
		}
		Some(Validators::<T>::get().into_inner())
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		// Empty when the session pallet's genesis is built before this pallet's: it then takes
		// the validators from its own genesis keys, which the presets keep equal to ours.
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}
