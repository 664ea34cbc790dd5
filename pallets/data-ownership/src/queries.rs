//! Read-only queries behind the runtime API, and the pallet's invariants.

use crate::{pallet::*, ActivityEntryOf, BalanceOf, ContentHash, GrantView, RecordView};
use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::{self, pallet_prelude::BlockNumberFor},
};

/// Most items one page returns.
pub const MAX_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// A record with its pending offer.
	pub fn record(
		hash: ContentHash,
	) -> Option<RecordView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Records::<T>::get(hash).map(|r| RecordView {
			hash,
			owner: r.owner,
			registrant: r.registrant,
			registered_at: r.registered_at,
			timestamp: r.timestamp,
			title: r.metadata.title.into_inner(),
			media_type: r.metadata.media_type.into_inner(),
			uri: r.metadata.uri.into_inner(),
			schema: r.metadata.schema,
			root: r.root,
			version: r.version,
			supersedes: r.supersedes,
			status: r.status,
			deposit: r.deposit,
			disputed_since: Disputes::<T>::get(hash).filter(|_| Self::is_disputed(hash)),
			offer: Offers::<T>::get(hash),
		})
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) hashes of records `owner` holds, after
	/// `start_after` in storage order.
	pub fn records_of(
		owner: &T::AccountId,
		start_after: Option<ContentHash>,
		limit: u32,
	) -> Vec<ContentHash> {
		let limit = limit.min(MAX_PAGE) as usize;
		match start_after {
			Some(after) => RecordsByOwner::<T>::iter_key_prefix_from(
				owner,
				RecordsByOwner::<T>::hashed_key_for(owner, after),
			)
			.take(limit)
			.collect(),
			None => RecordsByOwner::<T>::iter_key_prefix(owner).take(limit).collect(),
		}
	}

	/// The chain of versions `hash` belongs to, first to latest, from version `start`.
	pub fn versions(hash: ContentHash, start: u32, limit: u32) -> Vec<ContentHash> {
		let Some(record) = Records::<T>::get(hash) else { return Vec::new() };
		let end = start.saturating_add(limit.min(MAX_PAGE)).min(T::MaxVersions::get());
		(start..end).map_while(|v| Versions::<T>::get(record.root, v)).collect()
	}

	/// The licences of a record, with whether each is in force now.
	pub fn grants(hash: ContentHash) -> Vec<GrantView<T::AccountId, BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Grants::<T>::iter_prefix(hash)
			.take(T::MaxGrantsPerRecord::get() as usize)
			.map(|(grantee, g)| GrantView {
				grantee,
				purpose: g.purpose.into_inner(),
				expires: g.expires,
				granted_at: g.granted_at,
				active: now < g.expires,
			})
			.collect()
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) entries of a record's activity log, oldest first,
	/// from entry `start`.
	pub fn activity(hash: ContentHash, start: u32, limit: u32) -> Vec<ActivityEntryOf<T>> {
		let end = start.saturating_add(limit.min(MAX_PAGE)).min(ActivityCount::<T>::get(hash));
		(start..end).filter_map(|n| Activities::<T>::get(hash, n)).collect()
	}

	/// The block `hash` was last registered in (for a revealed record, the reveal's block, not
	/// the commitment's): where a receipt of its registration is taken.
	pub fn registered_in(hash: ContentHash) -> Option<BlockNumberFor<T>> {
		let count = ActivityCount::<T>::get(hash);
		(0..count).rev().find_map(|n| {
			Activities::<T>::get(hash, n)
				.filter(|e| matches!(e.activity, crate::Activity::Registered { .. }))
				.map(|e| e.at)
		})
	}

	/// The storage key of a record, for storage proofs of it.
	pub fn record_storage_key(hash: ContentHash) -> Vec<u8> {
		Records::<T>::hashed_key_for(hash)
	}
}

impl<T: Config> Pallet<T> {
	/// Checks that the owner index equals the records, versions index every record, licence
	/// counts match, offers point at active records, disputes at records, and held deposits
	/// equal recorded ones.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use crate::RecordStatus;
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::{
			frame_support::{ensure, traits::fungible::InspectHold},
			sp_runtime::Saturating,
		};

		for (hash, _) in Disputes::<T>::iter() {
			ensure!(Records::<T>::contains_key(hash), "dispute on an unknown record");
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut log_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut grant_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut records = 0usize;
		for (hash, record) in Records::<T>::iter() {
			records = records.saturating_add(1);
			ensure!(
				RecordsByOwner::<T>::contains_key(&record.owner, hash),
				"record missing from its owner's index"
			);
			ensure!(
				Versions::<T>::get(record.root, record.version) == Some(hash),
				"record missing from its version chain"
			);
			let entry = deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(record.deposit);
			let log = LogDeposits::<T>::get(hash);
			ensure!(
				log <= T::ActivityDeposit::get()
					.saturating_mul(ActivityCount::<T>::get(hash).into()),
				"log deposit above what its entries hold"
			);
			let entry = log_deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(log);
			let grants = Grants::<T>::iter_prefix(hash).count().saturated_into::<u32>();
			let entry = grant_deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(T::GrantDeposit::get().saturating_mul(grants.into()));
			ensure!(GrantCount::<T>::get(hash) == grants, "licence count differs from licences");
			ensure!(grants <= T::MaxGrantsPerRecord::get(), "too many licences");
			if Offers::<T>::contains_key(hash) {
				ensure!(record.status == RecordStatus::Active, "offer for an inactive record");
			}
		}
		ensure!(RecordsByOwner::<T>::iter().count() == records, "owner index differs from records");
		for (owner, hash, ()) in RecordsByOwner::<T>::iter() {
			ensure!(
				Records::<T>::get(hash).is_some_and(|r| r.owner == owner),
				"owner index points at another owner"
			);
		}
		for (hash, count) in ActivityCount::<T>::iter() {
			ensure!(
				Activities::<T>::iter_prefix(hash).count() == count as usize,
				"activity count differs from the log"
			);
		}
		for (hash, record) in Records::<T>::iter() {
			ensure!(ActivityCount::<T>::get(hash) > 0, "record without an activity log");
			// No structure another account filled stops the owner: its own part of the log
			// is within the cap whatever came before.
			ensure!(
				ActivityCount::<T>::get(hash).saturating_sub(TenureStart::<T>::get(hash))
					<= T::MaxActivity::get(),
				"the current owner's part of the log passes the cap"
			);
			let _ = record;
		}
		for (hash, start) in TenureStart::<T>::iter() {
			ensure!(start <= ActivityCount::<T>::get(hash), "tenure starts past the log's end");
		}
		let mut committed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, _, c) in Commitments::<T>::iter() {
			let entry = committed.entry(who).or_default();
			*entry = entry.saturating_add(c.deposit);
		}
		for (who, deposit) in committed {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Commitment.into(), &who) == deposit,
				"held commitment deposits differ from commitments"
			);
		}
		for (who, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::RecordDeposit.into(), &who) == deposit,
				"held deposits differ from records"
			);
		}
		for (hash, _) in LogDeposits::<T>::iter() {
			ensure!(Records::<T>::contains_key(hash), "log deposit of an unknown record");
		}
		// Every licence and every owner-made log entry is paid for by its record's owner.
		for (who, deposit) in log_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ActivityDeposit.into(), &who) == deposit,
				"held log deposits differ from the logs of the records owned"
			);
		}
		for (who, deposit) in grant_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::GrantDeposit.into(), &who) == deposit,
				"held licence deposits differ from the licences granted"
			);
		}
		Ok(())
	}
}
