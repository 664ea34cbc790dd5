//! Storage migrations.

/// v0 → v1: a stakeholder's account is kept alive by its admission (a provider reference), so
/// that a member with no balance can vote. Gives every existing stakeholder that reference:
/// one read and one write per stakeholder, in one block.
pub mod v1 {
	use crate::pallet::*;
	use polkadot_sdk::{
		frame_support::{
			migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
		},
		frame_system,
	};

	/// Adds the provider reference of every stakeholder.
	pub struct Unversioned<T>(core::marker::PhantomData<T>);

	/// [`Unversioned`], run only on storage version 0, which it sets to 1.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unversioned<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unversioned<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count = 0u64;
			for who in Stakeholders::<T>::iter_keys() {
				frame_system::Pallet::<T>::inc_providers(&who);
				count = count.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(count.saturating_add(1), count.saturating_add(1))
		}
	}
}
