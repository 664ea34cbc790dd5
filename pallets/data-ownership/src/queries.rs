//! Read-only queries behind the runtime API, and the pallet's invariants.

use crate::{pallet::*, ActivityEntryOf, BalanceOf, ContentHash, GrantView, RecordView};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::{self, pallet_prelude::BlockNumberFor},
};

pub use polity_primitives::paging::MAX_PAGE;

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
		polity_primitives::paging::keys_after::<RecordsByOwner<T>, _, _, _>(
			owner,
			start_after,
			limit,
		)
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
