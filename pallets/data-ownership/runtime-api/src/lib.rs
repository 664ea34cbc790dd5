//! Runtime API of the data-ownership pallet.
//!
//! Described by metadata v15, so `@polkadot/api` calls it with no extra types
//! (`api.call.dataOwnershipApi.record(hash)`); the `rpc` crate wraps it as JSON-RPC and adds
//! verifiable receipts.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_data_ownership::{ActivityEntry, ContentHash, GrantView, RecordView};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Queries of data ownership.
	pub trait DataOwnershipApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A record with its pending offer.
		fn record(hash: ContentHash) -> Option<RecordView<AccountId, Balance, BlockNumber>>;

		/// Up to `limit` (at most 100) hashes of records `owner` holds, after `start_after`.
		fn records_of(owner: AccountId, start_after: Option<ContentHash>, limit: u32) -> Vec<ContentHash>;

		/// The chain of versions `hash` belongs to, first to latest, from version `start`.
		fn versions(hash: ContentHash, start: u32, limit: u32) -> Vec<ContentHash>;

		/// The licences of a record.
		fn grants(hash: ContentHash) -> Vec<GrantView<AccountId, BlockNumber>>;

		/// Whether `who` may access the content now.
		fn has_access(hash: ContentHash, who: AccountId) -> bool;

		/// The storage key of a record, for storage proofs.
		fn record_storage_key(hash: ContentHash) -> Vec<u8>;

		/// Up to `limit` (at most 100) entries of a record's activity log, oldest first, from
		/// entry `start`: who owned it when, and everything else that happened to it.
		fn activity(hash: ContentHash, start: u32, limit: u32) -> Vec<ActivityEntry<AccountId, BlockNumber>>;

		/// The block the record was (last) registered in: a receipt of its registration is
		/// taken there.
		fn registered_in(hash: ContentHash) -> Option<BlockNumber>;
	}
}
