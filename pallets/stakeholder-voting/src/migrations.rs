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

/// v2 → v3: a proposal's call moves out of the proposal into `ProposalCalls`, so that a vote
/// no longer reads and rewrites up to `MaxCallLen` bytes of it. One read and up to two writes
/// per proposal, in one block: proposals are bounded by their deposits.
pub mod v3 {
	use crate::{
		pallet::*, EncodedCall, ProposalIndex, ProposalStatus, ScopeId, SectorTotals, Tally,
		VotingRule,
	};
	use codec::{Decode, Encode};
	use polkadot_sdk::{
		frame_support::{
			migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
		},
		frame_system::{self, pallet_prelude::BlockNumberFor},
		sp_core::H256,
	};
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, polkadot_sdk::sp_runtime::TryRuntimeError};

	/// A proposal as storage version 2 stored it, with its call inside.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct ProposalV2<
		AccountId,
		Balance,
		BlockNumber,
		MaxTitleLen: Get<u32>,
		MaxCallLen: Get<u32>,
	> {
		/// The scope deciding it.
		pub scope: ScopeId,
		/// Who proposed it.
		pub proposer: AccountId,
		/// A short title.
		pub title: BoundedVec<u8, MaxTitleLen>,
		/// Hash of the full description.
		pub description_hash: H256,
		/// The SCALE-encoded call.
		pub call: Option<EncodedCall<MaxCallLen>>,
		/// The proposer's deposit.
		pub deposit: Balance,
		/// Block of submission.
		pub submitted: BlockNumber,
		/// Block at which voting closes.
		pub end: BlockNumber,
		/// The scope's rule as of submission.
		pub rule: VotingRule<BlockNumber>,
		/// The electorate's totals.
		pub electorate: SectorTotals,
		/// The running tally.
		pub tally: Tally,
		/// Where it stands.
		pub status: ProposalStatus<BlockNumber>,
	}

	/// A proposal of this runtime in the v2 layout.
	pub type ProposalV2Of<T> = ProposalV2<
		<T as frame_system::Config>::AccountId,
		crate::BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxTitleLen,
		<T as Config>::MaxCallLen,
	>;

	/// Moves every proposal's call into `ProposalCalls`.
	pub struct Unversioned<T>(core::marker::PhantomData<T>);

	/// [`Unversioned`], run only on storage version 2, which it sets to 3.
	pub type MigrateToV3<T> =
		VersionedMigration<2, 3, Unversioned<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unversioned<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut count, mut calls) = (0u64, 0u64);
			Proposals::<T>::translate::<ProposalV2Of<T>, _>(|index: ProposalIndex, old| {
				count = count.saturating_add(1);
				let has_call = old.call.is_some();
				if let Some(call) = old.call {
					ProposalCalls::<T>::insert(index, call);
					calls = calls.saturating_add(1);
				}
				Some(crate::Proposal {
					scope: old.scope,
					proposer: old.proposer,
					title: old.title,
					description_hash: old.description_hash,
					has_call,
					deposit: old.deposit,
					submitted: old.submitted,
					end: old.end,
					rule: old.rule,
					electorate: old.electorate,
					tally: old.tally,
					status: old.status,
				})
			});
			T::DbWeight::get().reads_writes(count, count.saturating_add(calls))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let with_call = Proposals::<T>::iter_keys().count() as u64;
			Ok(with_call.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "bad pre-upgrade state")?;
			let after = Proposals::<T>::iter_keys().count() as u64;
			ensure!(before == after, "proposals lost in the migration");
			for (index, p) in Proposals::<T>::iter() {
				ensure!(
					p.has_call == ProposalCalls::<T>::contains_key(index),
					"a call was not moved"
				);
			}
			Ok(())
		}
	}
}
