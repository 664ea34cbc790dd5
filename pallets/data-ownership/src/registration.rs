//! Registration, versions, revocation and purging.

use crate::{
	pallet::*, Activity, BalanceOf, ContentHash, Metadata, MetadataInput, MetadataOf, NewRecord,
	NewRecordInput, NewRecordOf, Record, RecordStatus,
};
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use codec::Encode;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::UnixTime},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// The deposit a record with this metadata holds.
	pub fn deposit_for(metadata: &crate::MetadataOf<T>) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = metadata.encoded_size().saturated_into::<u32>().into();
		T::RecordDepositBase::get()
			.saturating_add(T::RecordDepositPerByte::get().saturating_mul(bytes))
	}

	/// Whether `record` may still be claimed by an earlier commitment's reveal: registered
	/// less than `RevealWindow` blocks ago.
	pub fn is_provisional(record: &crate::RecordOf<T>) -> bool {
		frame_system::Pallet::<T>::block_number()
			< record.registered_at.saturating_add(T::RevealWindow::get())
	}

	/// Registers `new` for `who`: now, or — revealed from a commitment — as of the
	/// commitment's block and time, undoing a later one-step registration of the same hash.
	pub(crate) fn do_register(
		who: &T::AccountId,
		new: NewRecordOf<T>,
		committed: Option<(BlockNumberFor<T>, u64)>,
	) -> DispatchResult {
		let (registered_at, timestamp) = match committed {
			Some(at) => at,
			None => (
				frame_system::Pallet::<T>::block_number(),
				T::UnixTime::now().as_millis().saturated_into::<u64>(),
			),
		};
		if let Some(existing) = Records::<T>::get(new.hash) {
			// Only a commitment older than the registration wins over it.
			ensure!(
				committed.is_some() && existing.registered_at > registered_at,
				Error::<T>::AlreadyRegistered
			);
			Self::preempt(new.hash, existing)?;
		}
		let (root, version) = match new.supersedes {
			Some(previous) => {
				let mut prev = Records::<T>::get(previous).ok_or(Error::<T>::NotFound)?;
				ensure!(prev.owner == *who, Error::<T>::NotOwner);
				Self::ensure_undisputed(previous)?;
				ensure!(prev.status == RecordStatus::Active, Error::<T>::NotActive);
				ensure!(!Self::is_provisional(&prev), Error::<T>::Provisional);
				let version = prev.version.saturating_add(1);
				ensure!(version < T::MaxVersions::get(), Error::<T>::TooManyVersions);
				Self::log_owner(previous, who, Activity::Versioned { by: new.hash })?;
				prev.status = RecordStatus::Superseded { by: new.hash };
				let root = prev.root;
				Records::<T>::insert(previous, prev);
				// A superseded record can no longer be transferred.
				Self::withdraw_offer(previous, who)?;
				(root, version)
			},
			None => (new.hash, 0),
		};
		Self::begin_tenure(new.hash);
		Self::log_owner(
			new.hash,
			who,
			Activity::Registered {
				owner: who.clone(),
				supersedes: new.supersedes,
				committed: committed.is_some(),
			},
		)?;
		let deposit = Self::deposit_for(&new.metadata);
		Self::hold_deposit(HoldReason::RecordDeposit, who, deposit)?;
		Records::<T>::insert(
			new.hash,
			Record {
				owner: who.clone(),
				registrant: who.clone(),
				registered_at,
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

	/// Undoes a provisional registration an earlier commitment claims: releases its deposit,
	/// drops its offer and licences, and makes the version it replaced current again. It was
	/// provisional all along, so no newer version of it exists.
	fn preempt(hash: ContentHash, existing: crate::RecordOf<T>) -> DispatchResult {
		Self::release_deposit(HoldReason::RecordDeposit, &existing.owner, existing.deposit)?;
		Self::release_log_deposit(hash, &existing.owner)?;
		RecordsByOwner::<T>::remove(&existing.owner, hash);
		Self::withdraw_offer(hash, &existing.owner)?;
		Self::clear_licences(hash, &existing.owner)?;
		Versions::<T>::remove(existing.root, existing.version);
		if let Some(previous) = existing.supersedes {
			Records::<T>::mutate(previous, |prev| {
				if let Some(prev) = prev {
					if prev.status == (RecordStatus::Superseded { by: hash }) {
						prev.status = RecordStatus::Active;
					}
				}
			});
		}
		Records::<T>::remove(hash);
		Self::log(hash, Activity::Preempted { previous_owner: existing.owner.clone() });
		Self::deposit_event(Event::Preempted { hash, previous_owner: existing.owner });
		Ok(())
	}

	/// The weight of `register_batch(records)`: the batch as measured (new records), plus what a
	/// new version costs over a new record for each entry that supersedes one. A batch over
	/// `MaxBatch` is refused before any record is read, so it is charged as a full batch.
	pub fn register_batch_weight(records: &[NewRecordInput]) -> Weight {
		use crate::WeightInfo;
		let len = Self::batch_len(records);
		let versions =
			records.iter().take(len as usize).filter(|r| r.supersedes.is_some()).count() as u64;
		let extra = <T as Config>::WeightInfo::register_version()
			.saturating_sub(<T as Config>::WeightInfo::register());
		<T as Config>::WeightInfo::register_batch(len)
			.saturating_add(extra.saturating_mul(versions))
	}

	/// The length a batch's weight is reckoned with: its own, at most `MaxBatch`.
	pub fn batch_len(records: &[NewRecordInput]) -> u32 {
		u32::try_from(records.len()).unwrap_or(u32::MAX).min(T::MaxBatch::get())
	}

	/// `input` within its bounds, or the named error of the first field over its bound.
	pub fn bounded_metadata(input: MetadataInput) -> Result<MetadataOf<T>, Error<T>> {
		Ok(Metadata {
			title: input.title.try_into().map_err(|_| Error::<T>::TitleTooLong)?,
			media_type: input.media_type.try_into().map_err(|_| Error::<T>::MediaTypeTooLong)?,
			uri: input.uri.try_into().map_err(|_| Error::<T>::UriTooLong)?,
			schema: input.schema,
		})
	}

	/// A batch within `MaxBatch` of records within their bounds, or the named error.
	pub fn bounded_records(
		records: Vec<NewRecordInput>,
	) -> Result<BoundedVec<NewRecordOf<T>, T::MaxBatch>, Error<T>> {
		ensure!(records.len() <= T::MaxBatch::get() as usize, Error::<T>::TooManyRecords);
		let records = records
			.into_iter()
			.map(|r| {
				let metadata = Self::bounded_metadata(r.metadata)?;
				Ok(NewRecord { hash: r.hash, metadata, supersedes: r.supersedes })
			})
			.collect::<Result<Vec<_>, Error<T>>>()?;
		records.try_into().map_err(|_| Error::<T>::TooManyRecords)
	}

	pub(crate) fn do_register_batch(
		who: &T::AccountId,
		records: BoundedVec<NewRecordOf<T>, T::MaxBatch>,
	) -> DispatchResult {
		Self::register_all(who, records, None)
	}

	/// Registers every record, or none: a duplicate or any error undoes the batch.
	pub(crate) fn register_all(
		who: &T::AccountId,
		records: BoundedVec<NewRecordOf<T>, T::MaxBatch>,
		committed: Option<(BlockNumberFor<T>, u64)>,
	) -> DispatchResult {
		let mut seen = BTreeSet::new();
		for new in records {
			ensure!(seen.insert(new.hash), Error::<T>::DuplicateInBatch);
			// Calls are transactional: an error here undoes the records registered before it.
			Self::do_register(who, new, committed)?;
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
		Self::log_owner(hash, who, Activity::Revoked)?;
		record.status = RecordStatus::Revoked { at: frame_system::Pallet::<T>::block_number() };
		Records::<T>::insert(hash, record);
		Self::withdraw_offer(hash, who)?;
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
		Self::log_owner(hash, who, Activity::Purged)?;
		let freed = record.deposit.saturating_sub(T::RecordDepositBase::get());
		Self::release_deposit(HoldReason::RecordDeposit, who, freed)?;
		record.deposit = record.deposit.saturating_sub(freed);
		record.metadata = Default::default();
		record.status = RecordStatus::Purged { at: now };
		// Licences end with the content's description.
		Self::clear_licences(hash, who)?;
		Records::<T>::insert(hash, record);
		Self::deposit_event(Event::Purged { hash });
		Ok(())
	}
}
