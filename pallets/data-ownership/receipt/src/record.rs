//! The record as a receipt proves it: the pallet's `Record` with the runtime's types, decoded
//! without the runtime (bounded vectors encode as plain ones).

use alloc::vec::Vec;
use codec::Decode;
use sp_core::{crypto::AccountId32, H256};

/// A record's state.
#[derive(Clone, Debug, PartialEq, Eq, Decode)]
pub enum ProvenStatus {
	/// The current version.
	Active,
	/// A newer version replaced it.
	Superseded {
		/// The newer version.
		by: H256,
	},
	/// The owner revoked it at this block.
	Revoked {
		/// Block of revocation.
		at: u32,
	},
	/// Revoked and its metadata erased at this block.
	Purged {
		/// Block of purging.
		at: u32,
	},
}

/// A proven record: who owns which content since when.
#[derive(Clone, Debug, PartialEq, Eq, Decode)]
pub struct ProvenRecord {
	/// Owner at the proven block.
	pub owner: AccountId32,
	/// Who registered it.
	pub registrant: AccountId32,
	/// Block it dates from (a commitment's block for a revealed record).
	pub registered_at: u32,
	/// Chain time it dates from, milliseconds since the Unix epoch.
	pub timestamp: u64,
	/// Title.
	pub title: Vec<u8>,
	/// Media type.
	pub media_type: Vec<u8>,
	/// URI or CID.
	pub uri: Vec<u8>,
	/// Schema hash.
	pub schema: Option<H256>,
	/// First version of its chain of versions.
	pub root: H256,
	/// Position in that chain.
	pub version: u32,
	/// The version it replaced.
	pub supersedes: Option<H256>,
	/// State.
	pub status: ProvenStatus,
	/// Deposit held.
	pub deposit: u128,
}
