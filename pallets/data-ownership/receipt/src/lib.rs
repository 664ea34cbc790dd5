//! # Polity receipts
//!
//! A receipt proves that a data-ownership record was in a block **finalized by the chain's
//! validators**, checkable offline against the chain spec alone — trusting no node, no explorer
//! and no operator. It carries:
//!
//! 1. the block's **header** and a **storage proof** of two values under its state root: the
//!    record, and `System::BlockHash(0)` — the chain's genesis hash, which binds the block to
//!    the chain the verifier trusts;
//! 2. **finality**: a GRANDPA justification of that block or of a later one, with the headers
//!    linking the two;
//! 3. the **authority-set changes** from genesis to the set that signed the justification: for
//!    each change, the header that enacted it and the justification by which the outgoing set
//!    finalized it (what GRANDPA warp sync proves).
//!
//! [`verify`] checks every link against a [`TrustRoot`] — the genesis hash and the genesis
//! GRANDPA authorities, both derived from the chain spec ([`TrustRoot::from_genesis_storage`])
//! — and names the first broken one ([`Link`]). Justifications are checked with bridges'
//! no_std GRANDPA verifier (`bp-header-chain`), the same rules as `sc-consensus-grandpa`:
//! precommits for the target or its descendants, signed for this round and set id by members
//! of the set, weighing more than two thirds.
//!
//! What a valid receipt does *not* prove: that the content behind the hash is what someone
//! shows you (hash the file yourself), or anything about blocks after the proven one (a later
//! transfer, say — ask for a newer receipt). It trusts the chain spec you pass and assumes that
//! no more than a third of each authority set's validators ever signed a conflicting block.
//!
//! The crate has no node dependencies: the node's `verify-receipt` command, a browser (via
//! wasm) or any other client can use it.

#![cfg_attr(not(feature = "std"), no_std)]
// A verifier reads untrusted input: it never panics on it (enforced by `cargo clippy`).
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects,
		clippy::cast_possible_truncation,
		clippy::unreachable,
		clippy::todo,
		clippy::unimplemented
	)
)]
#![deny(missing_docs)]

extern crate alloc;

mod keys;
mod record;
mod verify;

pub use keys::{genesis_hash_key, grandpa_authorities_key, record_key};
pub use record::{ProvenRecord, ProvenStatus};
pub use verify::{verify, Broken, Link, TrustRoot, Verified};

use alloc::vec::Vec;
use serde::{Deserialize, Serialize};
use sp_core::{Bytes, H256};

/// The block header of Polity.
pub type Header = sp_runtime::generic::Header<u32, sp_runtime::traits::BlakeTwo256>;

/// The current receipt format.
pub const RECEIPT_VERSION: u32 = 2;

/// A header and the GRANDPA justification finalizing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Justified {
	/// The SCALE-encoded header.
	pub header: Bytes,
	/// The SCALE-encoded GRANDPA justification of that header.
	pub justification: Bytes,
}

/// How the proven block is known to be final.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finality {
	/// The SCALE-encoded headers after the proven block, each the parent of the next, up to
	/// the justified block (empty when the proven block is justified itself).
	pub headers: Vec<Bytes>,
	/// The SCALE-encoded GRANDPA justification of the last of them.
	pub justification: Bytes,
}

/// A record's receipt: everything needed to check it offline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
	/// The receipt format, [`RECEIPT_VERSION`].
	pub version: u32,
	/// The content hash the receipt is for.
	pub content_hash: H256,
	/// The block the record is proven in.
	pub block_hash: H256,
	/// Its number.
	pub block_number: u32,
	/// Its SCALE-encoded header: its hash must be `block_hash`, its state root anchors the
	/// proof.
	pub header: Bytes,
	/// The storage key of the record.
	pub storage_key: Bytes,
	/// The SCALE-encoded record as stored.
	pub record: Bytes,
	/// Trie nodes proving the record and the genesis hash under the header's state root.
	pub proof: Vec<Bytes>,
	/// The authority set (its id, counted from 0 at genesis) that finalized the block.
	pub set_id: u64,
	/// The authority-set changes from genesis to set `set_id`, oldest first.
	pub authority_changes: Vec<Justified>,
	/// The proven block's finality.
	pub finality: Finality,
}

#[cfg(feature = "serde_json")]
impl Receipt {
	/// Parses a receipt from JSON.
	pub fn from_json(json: &str) -> Result<Self, Broken> {
		serde_json::from_str(json)
			.map_err(|e| Broken::new(Link::ReceiptFormat, alloc::format!("not a receipt: {e}")))
	}

	/// The receipt as pretty JSON.
	pub fn to_json(&self) -> alloc::string::String {
		serde_json::to_string_pretty(self).unwrap_or_default()
	}
}

#[cfg(test)]
mod tests;
