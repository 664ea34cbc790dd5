//! Benchmarks at worst case: maximal metadata, full licence lists where they are cleared.

use super::*;
use crate::Pallet as DataOwnership;
use alloc::{vec, vec::Vec};
use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	sp_core::H256,
	sp_runtime::{traits::One, Saturating},
};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let big =
		DataOwnership::<T>::deposit_for(&max_metadata::<T>()).saturating_mul(10_000u32.into());
	T::Currency::set_balance(&who, big);
	who
}

fn max_metadata<T: Config>() -> MetadataOf<T> {
	Metadata {
		title: BoundedVec::truncate_from(vec![b't'; T::MaxTitleLen::get() as usize]),
		media_type: BoundedVec::truncate_from(vec![b'm'; T::MaxMediaTypeLen::get() as usize]),
		uri: BoundedVec::truncate_from(vec![b'u'; T::MaxUriLen::get() as usize]),
		schema: Some(H256::repeat_byte(9)),
	}
}

fn hash(n: u32) -> ContentHash {
	let mut bytes = [0u8; 32];
	for (b, n) in bytes.iter_mut().zip(n.to_le_bytes()) {
		*b = n;
	}
	H256::from(bytes)
}

fn registered<T: Config>(who: &T::AccountId, n: u32) -> ContentHash {
	let h = hash(n);
	DataOwnership::<T>::do_register(
		who,
		NewRecord { hash: h, metadata: max_metadata::<T>(), supersedes: None },
		None,
	)
	.expect("fresh hash");
	// Past its reveal window: no earlier commitment can claim it, so it may be licensed and
	// offered.
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::RevealWindow::get()));
	h
}

fn with_full_grants<T: Config>(owner: &T::AccountId, h: ContentHash) {
	let far = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());
	for i in 0..T::MaxGrantsPerRecord::get() {
		let grantee: T::AccountId = account("grantee", i, 0);
		let purpose = BoundedVec::truncate_from(vec![b'p'; T::MaxPurposeLen::get() as usize]);
		DataOwnership::<T>::do_grant_access(owner, h, grantee, purpose, far).expect("room");
	}
}

/// Moves past the window in which new records are provisional.
fn past_reveal_window<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(
		now.saturating_add(T::RevealWindow::get()).saturating_add(One::one()),
	);
}

fn next_block<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// A new record: the common case, charged apart from a new version.
	#[benchmark]
	fn register() {
		let who = funded::<T>("owner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(1), max_metadata::<T>().into(), None);
		assert!(Records::<T>::contains_key(hash(1)));
	}

	// A new version: it also reads, checks and supersedes the previous one.
	#[benchmark]
	fn register_version() {
		let who = funded::<T>("owner", 0);
		let previous = registered::<T>(&who, 0);
		past_reveal_window::<T>();
		#[extrinsic_call]
		register(RawOrigin::Signed(who), hash(1), max_metadata::<T>().into(), Some(previous));
		assert!(Records::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn register_batch(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let records: Vec<NewRecordInput> = (0..n)
			.map(|i| {
				NewRecord { hash: hash(i), metadata: max_metadata::<T>(), supersedes: None }.into()
			})
			.collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), records);
		assert!(Records::<T>::contains_key(hash(n - 1)));
		Ok(())
	}

	#[benchmark]
	fn revoke() {
		let who = funded::<T>("owner", 0);
		let h = registered::<T>(&who, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h);
		assert!(
			Records::<T>::get(h).is_some_and(|r| matches!(r.status, RecordStatus::Revoked { .. }))
		);
	}

	#[benchmark]
	fn purge() -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let h = registered::<T>(&who, 0);
		with_full_grants::<T>(&who, h);
		DataOwnership::<T>::do_revoke(&who, h)?;
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::PurgeDelay::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h);
		assert!(
			Records::<T>::get(h).is_some_and(|r| matches!(r.status, RecordStatus::Purged { .. }))
		);
		Ok(())
	}

	#[benchmark]
	fn offer_transfer() {
		let who = funded::<T>("owner", 0);
		let to = funded::<T>("recipient", 0);
		let h = registered::<T>(&who, 0);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h, to, expires);
		assert!(Offers::<T>::contains_key(h));
	}

	#[benchmark]
	fn accept_transfer() -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let to = funded::<T>("recipient", 0);
		let h = registered::<T>(&who, 0);
		with_full_grants::<T>(&who, h);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		DataOwnership::<T>::do_offer_transfer(&who, h, to.clone(), expires)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), h);
		assert!(Records::<T>::get(h).is_some_and(|r| r.owner == to));
		Ok(())
	}

	#[benchmark]
	fn cancel_offer() -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let to = funded::<T>("recipient", 0);
		let h = registered::<T>(&who, 0);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		DataOwnership::<T>::do_offer_transfer(&who, h, to, expires)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h);
		assert!(!Offers::<T>::contains_key(h));
		Ok(())
	}

	#[benchmark]
	fn grant_access() {
		let who = funded::<T>("owner", 0);
		let h = registered::<T>(&who, 0);
		let to: T::AccountId = account("grantee", 0, 0);
		let purpose = vec![b'p'; T::MaxPurposeLen::get() as usize];
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h, to.clone(), purpose, expires);
		assert!(Grants::<T>::contains_key(h, &to));
	}

	#[benchmark]
	fn revoke_access() {
		let who = funded::<T>("owner", 0);
		let h = registered::<T>(&who, 0);
		with_full_grants::<T>(&who, h);
		let grantee: T::AccountId = account("grantee", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h, grantee.clone());
		assert!(!Grants::<T>::contains_key(h, &grantee));
	}

	#[benchmark]
	fn commit() {
		let who = funded::<T>("owner", 0);
		let commitment = H256::repeat_byte(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), commitment);
		assert!(Commitments::<T>::contains_key(&who, commitment));
	}

	/// Worst case: every revealed hash was registered in one step after the commitment, as a
	/// new version of another record: each is preempted and the version it replaced restored.
	#[benchmark]
	fn reveal(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let rival = funded::<T>("rival", 0);
		let previous: Vec<_> = (0..n).map(|i| registered::<T>(&rival, 1_000 + i)).collect();
		past_reveal_window::<T>();
		let claims: Vec<_> = (0..n).map(|i| (hash(i), None)).collect();
		let salt = [7u8; 32];
		DataOwnership::<T>::do_commit(
			&who,
			DataOwnership::<T>::commitment_of(&who, &salt, &claims),
		)?;
		next_block::<T>();
		// A provisional record carries no licence and no offer (`Provisional`): the rival's
		// versions are all the reveal has to undo.
		for (i, prev) in previous.into_iter().enumerate() {
			let h = hash(i as u32);
			DataOwnership::<T>::do_register(
				&rival,
				NewRecord { hash: h, metadata: max_metadata::<T>(), supersedes: Some(prev) },
				None,
			)?;
		}
		let records: Vec<NewRecordInput> = (0..n)
			.map(|i| {
				NewRecord { hash: hash(i), metadata: max_metadata::<T>(), supersedes: None }.into()
			})
			.collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), records, salt);
		assert!(Records::<T>::get(hash(n - 1)).is_some_and(|r| r.owner == who));
		Ok(())
	}

	#[benchmark]
	fn cancel_commitment() -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let commitment = H256::repeat_byte(1);
		DataOwnership::<T>::do_commit(&who, commitment)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), commitment);
		assert!(!Commitments::<T>::contains_key(&who, commitment));
		Ok(())
	}

	/// Worst case: the record is handed to another owner and its licences are cleared.
	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let origin =
			T::ResolveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = funded::<T>("owner", 0);
		let rightful = funded::<T>("rightful", 0);
		let h = registered::<T>(&who, 0);
		with_full_grants::<T>(&who, h);
		DataOwnership::<T>::do_set_disputed(h, true)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, h, Some(rightful.clone()));
		assert!(Records::<T>::get(h).is_some_and(|r| r.owner == rightful));
		Ok(())
	}

	#[benchmark]
	fn expire_dispute() -> Result<(), BenchmarkError> {
		let who = funded::<T>("owner", 0);
		let h = registered::<T>(&who, 0);
		DataOwnership::<T>::do_set_disputed(h, true)?;
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now.saturating_add(T::MaxDisputeDuration::get()).saturating_add(One::one()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), h);
		assert!(!Disputes::<T>::contains_key(h));
		Ok(())
	}

	impl_benchmark_test_suite!(
		DataOwnership,
		crate::mock::ExtBuilder.for_benchmarks(),
		crate::mock::Test
	);
}
