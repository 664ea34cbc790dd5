//! Storage migrations.

/// v0 → v1: maps keyed by a content hash were `Identity`-hashed; they now hash the key again
/// with `Blake2_128Concat`, so that nobody can grind content hashes to deepen the trie. Every
/// entry is moved in one block: a read and a write each (a chain of `n` records, versions,
/// licences, offers and disputes costs about `3n` of each).
pub mod v1 {
	use crate::{pallet::*, ContentHash, GrantOf, Offer, RecordOf};
	use alloc::vec::Vec;
	use codec::Decode;
	use polkadot_sdk::{
		frame_support::{
			migrations::VersionedMigration,
			pallet_prelude::*,
			storage::migration::{storage_iter, storage_key_iter},
			traits::{PalletInfoAccess, UncheckedOnRuntimeUpgrade},
			Identity,
		},
		frame_system::pallet_prelude::BlockNumberFor,
	};

	/// Moves every content-hash-keyed entry to its `Blake2_128Concat` key.
	pub struct Unversioned<T>(core::marker::PhantomData<T>);

	/// [`Unversioned`], run only on storage version 0, which it sets to 1.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		Unversioned<T>,
		Pallet<T>,
		<T as polkadot_sdk::frame_system::Config>::DbWeight,
	>;

	fn single<T: Config, V: Decode>(item: &[u8]) -> Vec<(ContentHash, V)> {
		let pallet = Pallet::<T>::name().as_bytes();
		storage_key_iter::<ContentHash, V, Identity>(pallet, item).drain().collect()
	}

	fn raw<V: Decode>(pallet: &[u8], item: &[u8]) -> Vec<(Vec<u8>, V)> {
		storage_iter::<V>(pallet, item).drain().collect()
	}

	fn hash_at(bytes: &[u8], at: usize) -> Option<ContentHash> {
		bytes.get(at..at.checked_add(32)?).map(ContentHash::from_slice)
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unversioned<T> {
		fn on_runtime_upgrade() -> Weight {
			let pallet = Pallet::<T>::name().as_bytes();
			let mut moved = 0u64;
			for (hash, record) in single::<T, RecordOf<T>>(b"Records") {
				Records::<T>::insert(hash, record);
				moved = moved.saturating_add(1);
			}
			for (hash, since) in single::<T, BlockNumberFor<T>>(b"Disputes") {
				Disputes::<T>::insert(hash, since);
				moved = moved.saturating_add(1);
			}
			for (hash, offer) in single::<T, Offer<T::AccountId, BlockNumberFor<T>>>(b"Offers") {
				Offers::<T>::insert(hash, offer);
				moved = moved.saturating_add(1);
			}
			for (hash, count) in single::<T, u32>(b"GrantCount") {
				GrantCount::<T>::insert(hash, count);
				moved = moved.saturating_add(1);
			}
			// blake2_128(owner) ++ owner ++ hash
			for (key, ()) in raw::<()>(pallet, b"RecordsByOwner") {
				let Some(rest) = key.get(16..) else { continue };
				let mut input = rest;
				let Ok(owner) = T::AccountId::decode(&mut input) else { continue };
				let Some(hash) = hash_at(input, 0) else { continue };
				RecordsByOwner::<T>::insert(owner, hash, ());
				moved = moved.saturating_add(1);
			}
			// root ++ twox64(version) ++ version
			for (key, member) in raw::<ContentHash>(pallet, b"Versions") {
				let Some(root) = hash_at(&key, 0) else { continue };
				let Some(mut version) = key.get(40..) else { continue };
				let Ok(version) = u32::decode(&mut version) else { continue };
				Versions::<T>::insert(root, version, member);
				moved = moved.saturating_add(1);
			}
			// hash ++ blake2_128(grantee) ++ grantee
			for (key, grant) in raw::<GrantOf<T>>(pallet, b"Grants") {
				let Some(hash) = hash_at(&key, 0) else { continue };
				let Some(mut grantee) = key.get(48..) else { continue };
				let Ok(grantee) = T::AccountId::decode(&mut grantee) else { continue };
				Grants::<T>::insert(hash, grantee, grant);
				moved = moved.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(moved.saturating_add(1), moved.saturating_mul(2))
		}
	}
}
