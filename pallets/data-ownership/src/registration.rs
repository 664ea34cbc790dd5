//! Registration, versions, revocation and purging.

use crate::{pallet::*, BalanceOf, ContentHash, NewRecordOf, Record, RecordStatus};
use alloc::collections::btree_set::BTreeSet;
use codec::Encode;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::*,
		traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	},
	frame_system,
	sp_runtime::{traits::Zero, Saturating},
};

impl<T: Config> Pallet<T> {
	/// The deposit a record with this metadata holds.
	pub fn deposit_for(metadata: &crate::MetadataOf<T>) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = metadata.encoded_size().saturated_into::<u32>().into();
		T::RecordDepositBase::get()
			.saturating_add(T::RecordDepositPerByte::get().saturating_mul(bytes))
	}

	pub(crate) fn do_register(who: &T::AccountId, new: NewRecordOf<T>) -> DispatchResult {
		ensure!(!Records::<T>::contains_key(new.hash), Error::<T>::AlreadyRegistered);
		let (root, version) = match new.supersedes {
			Some(previous) => {
				let mut prev = Records::<T>::get(previous).ok_or(Error::<T>::NotFound)?;
				ensure!(prev.owner == *who, Error::<T>::NotOwner);
				Self::ensure_undisputed(previous)?;
				ensure!(prev.status == RecordStatus::Active, Error::<T>::NotActive);
				let version = prev.version.saturating_add(1);
				ensure!(version < T::MaxVersions::get(), Error::<T>::TooManyVersions);
				prev.status = RecordStatus::Superseded { by: new.hash };
				let root = prev.root;
				Records::<T>::insert(previous, prev);
				// A superseded record can no longer be transferred.
				Offers::<T>::remove(previous);
				(root, version)
			},
			None => (new.hash, 0),
		};
		let deposit = Self::deposit_for(&new.metadata);
		T::Currency::hold(&HoldReason::RecordDeposit.into(), who, deposit)?;
		let timestamp = T::UnixTime::now().as_millis().saturated_into::<u64>();
		Records::<T>::insert(
			new.hash,
			Record {
				owner: who.clone(),
				registrant: who.clone(),
				registered_at: frame_system::Pallet::<T>::block_number(),
				timestamp,
				metadata: new.metadata,
				root,
				version,
				supersedes: new.supersedes,
				status: RecordStatus::Active,
				deposit,
			},
		);
		RecordsByOwner::<T>::insert(who, new.hash, ());
		Versions::<T>::insert(root, version, new.hash);
		Self::deposit_event(Event::Registered {
			hash: new.hash,
			owner: who.clone(),
			timestamp,
			supersedes: new.supersedes,
		});
		Ok(())
	}

	pub(crate) fn do_register_batch(
		who: &T::AccountId,
		records: BoundedVec<NewRecordOf<T>, T::MaxBatch>,
	) -> DispatchResult {
		let mut seen = BTreeSet::new();
		for new in records {
			ensure!(seen.insert(new.hash), Error::<T>::DuplicateInBatch);
			// Calls are transactional: an error here undoes the records registered before it.
			Self::do_register(who, new)?;
		}
		Ok(())
	}

	/// The record `hash` if `who` owns it.
	pub(crate) fn owned(
		who: &T::AccountId,
		hash: ContentHash,
	) -> Result<crate::RecordOf<T>, DispatchError> {
		let record = Records::<T>::get(hash).ok_or(Error::<T>::NotFound)?;
		ensure!(record.owner == *who, Error::<T>::NotOwner);
		Ok(record)
	}

	pub(crate) fn do_revoke(who: &T::AccountId, hash: ContentHash) -> DispatchResult {
		let mut record = Self::owned(who, hash)?;
		Self::ensure_undisputed(hash)?;
		ensure!(
			matches!(record.status, RecordStatus::Active | RecordStatus::Superseded { .. }),
			Error::<T>::AlreadyRevoked
		);
		record.status = RecordStatus::Revoked { at: frame_system::Pallet::<T>::block_number() };
		Records::<T>::insert(hash, record);
		Offers::<T>::remove(hash);
		Self::deposit_event(Event::Revoked { hash });
		Ok(())
	}

	pub(crate) fn do_purge(who: &T::AccountId, hash: ContentHash) -> DispatchResult {
		let mut record = Self::owned(who, hash)?;
		Self::ensure_undisputed(hash)?;
		let now = frame_system::Pallet::<T>::block_number();
		match record.status {
			RecordStatus::Revoked { at } if now >= at.saturating_add(T::PurgeDelay::get()) => {},
			_ => return Err(Error::<T>::NotPurgeable.into()),
		}
		let freed = record.deposit.saturating_sub(T::RecordDepositBase::get());
		if !freed.is_zero() {
			T::Currency::release(
				&HoldReason::RecordDeposit.into(),
				who,
				freed,
				Precision::BestEffort,
			)?;
		}
		record.deposit = record.deposit.saturating_sub(freed);
		record.metadata = Default::default();
		record.status = RecordStatus::Purged { at: now };
		// Licences end with the content's description.
		let _ = Grants::<T>::clear_prefix(hash, T::MaxGrantsPerRecord::get(), None);
		GrantCount::<T>::remove(hash);
		Records::<T>::insert(hash, record);
		Self::deposit_event(Event::Purged { hash });
		Ok(())
	}
}
