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

/// v1 → v2: a vote records whether a delegate cast it (`VoteRecord::delegated`). Every stored
/// vote was its voter's own. One read and one write per vote, in one block: votes are reaped
/// after `VoteRetention`, so their number stays bounded by the proposals of that period.
pub mod v2 {
	use crate::{pallet::*, ProposalIndex, Sector, VoteChoice, VoteRecord};
	use codec::{Decode, Encode};
	use polkadot_sdk::{
		frame_support::{
			migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
		},
		frame_system,
	};
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, polkadot_sdk::sp_runtime::TryRuntimeError};

	/// A vote as storage version 1 stored it.
	#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
	pub struct VoteRecordV1 {
		/// The choice.
		pub choice: VoteChoice,
		/// The voter's sector.
		pub sector: Sector,
		/// The stake-side weight.
		pub weight: u128,
	}

	/// Rewrites every vote with `delegated: false`.
	pub struct Unversioned<T>(core::marker::PhantomData<T>);

	/// [`Unversioned`], run only on storage version 1, which it sets to 2.
	pub type MigrateToV2<T> =
		VersionedMigration<1, 2, Unversioned<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unversioned<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count = 0u64;
			Votes::<T>::translate::<VoteRecordV1, _>(|_: ProposalIndex, _: T::AccountId, old| {
				count = count.saturating_add(1);
				Some(VoteRecord {
					choice: old.choice,
					sector: old.sector,
					weight: old.weight,
					delegated: false,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let count = Votes::<T>::iter_keys().count() as u64;
			Ok(count.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "bad pre-upgrade state")?;
			let mut after = 0u64;
			for (_, _, vote) in Votes::<T>::iter() {
				ensure!(!vote.delegated, "a migrated vote is marked delegated");
				after = after.saturating_add(1);
			}
			ensure!(before == after, "votes lost in the migration");
			Ok(())
		}
	}
}
