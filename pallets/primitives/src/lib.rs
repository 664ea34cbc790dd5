//! Pieces Polity's pallets share.
//!
//! [`text`]: serde helpers that show byte strings (names, titles, reasons) as text to JSON-RPC
//! readers, while SCALE keeps the raw bytes.

#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: no unwrap, expect, panic, indexing, unchecked arithmetic or lossy
// casts outside tests (enforced by `cargo clippy`, as for wasm32 runtimes).
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

/// Byte strings as JSON text: `#[serde(with = "polity_primitives::text::utf8")]` on a `Vec<u8>`,
/// `text::bounded` on a `BoundedVec<u8, _>`, `text::optional_bounded` on an optional one.
/// Invalid UTF-8 shows with replacement characters; text longer than the bound is refused.
pub mod text {
	/// A `Vec<u8>` as text.
	pub mod utf8 {
		use alloc::{string::String, vec::Vec};
		use serde::{Deserialize, Deserializer, Serializer};

		/// Writes the bytes as a string.
		pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
			s.serialize_str(&String::from_utf8_lossy(bytes))
		}

		/// Reads a string's bytes.
		pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
			String::deserialize(d).map(String::into_bytes)
		}
	}

	/// An `Option<Vec<u8>>` as text or `null`.
	pub mod optional_utf8 {
		use alloc::{string::String, vec::Vec};
		use serde::{Deserialize, Deserializer, Serializer};

		/// Writes the bytes as a string, or `null`.
		pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
			match bytes {
				Some(b) => s.serialize_some(&String::from_utf8_lossy(b)),
				None => s.serialize_none(),
			}
		}

		/// Reads a string's bytes, or `null`.
		pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
			Ok(Option::<String>::deserialize(d)?.map(String::into_bytes))
		}
	}

	/// Bytes — a `BoundedVec<u8, Bound>`, or a `Vec<u8>` a call bounds itself — as text.
	pub mod bounded {
		use alloc::{string::String, vec::Vec};
		use serde::{de::Error, Deserialize, Deserializer, Serializer};

		/// Writes the bytes as a string.
		pub fn serialize<S: Serializer, B: AsRef<[u8]>>(
			bytes: &B,
			s: S,
		) -> Result<S::Ok, S::Error> {
			s.serialize_str(&String::from_utf8_lossy(bytes.as_ref()))
		}

		/// Reads a string's bytes, refusing more than the type's bound.
		pub fn deserialize<'de, D: Deserializer<'de>, B: TryFrom<Vec<u8>>>(
			d: D,
		) -> Result<B, D::Error> {
			B::try_from(String::deserialize(d)?.into_bytes())
				.map_err(|_| D::Error::custom("text too long"))
		}
	}

	/// Optional bytes — see [`bounded`] — as text or `null`.
	pub mod optional_bounded {
		use alloc::{string::String, vec::Vec};
		use serde::{de::Error, Deserialize, Deserializer, Serializer};

		/// Writes the bytes as a string, or `null`.
		pub fn serialize<S: Serializer, B: AsRef<[u8]>>(
			bytes: &Option<B>,
			s: S,
		) -> Result<S::Ok, S::Error> {
			match bytes {
				Some(b) => s.serialize_some(&String::from_utf8_lossy(b.as_ref())),
				None => s.serialize_none(),
			}
		}

		/// Reads a string's bytes or `null`, refusing more than the type's bound.
		pub fn deserialize<'de, D: Deserializer<'de>, B: TryFrom<Vec<u8>>>(
			d: D,
		) -> Result<Option<B>, D::Error> {
			Option::<String>::deserialize(d)?
				.map(|t| B::try_from(t.into_bytes()).map_err(|_| D::Error::custom("text too long")))
				.transpose()
		}
	}
}

#[cfg(test)]
mod tests {
	use super::text;
	use polkadot_sdk::sp_core::{bounded::BoundedVec, ConstU32};
	use serde::{Deserialize, Serialize};

	#[derive(Serialize, Deserialize, PartialEq, Debug)]
	struct Named {
		#[serde(with = "text::utf8")]
		raw: Vec<u8>,
		#[serde(with = "text::bounded")]
		name: BoundedVec<u8, ConstU32<8>>,
		#[serde(with = "text::optional_bounded")]
		call: Option<BoundedVec<u8, ConstU32<8>>>,
	}

	#[test]
	fn byte_strings_read_as_text_and_back() {
		let named = Named {
			raw: b"minutes".to_vec(),
			name: BoundedVec::truncate_from(b"Balances".to_vec()),
			call: None,
		};
		let json = serde_json::to_string(&named).unwrap();
		assert_eq!(json, r#"{"raw":"minutes","name":"Balances","call":null}"#);
		assert_eq!(serde_json::from_str::<Named>(&json).unwrap(), named);
		let too_long = r#"{"raw":"","name":"TransactionPayment","call":null}"#;
		assert!(serde_json::from_str::<Named>(too_long).is_err());
	}
}

/// Identifies a stakeholder-voting scope; `0` is the chain-wide scope.
pub type ScopeId = u32;
/// Identifies a stakeholder-voting proposal.
pub type ProposalIndex = u32;

/// What one pallet tells another about the state it owns. Each trait is implemented by the
/// pallet that owns the state and wired in the runtime.
pub mod traits {
	use super::{ProposalIndex, ScopeId};
	use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

	/// Stakeholder voting's scopes: who belongs to one, and which scope decides a proposal.
	/// Regulators use it to keep each firewall action inside its jurisdiction.
	pub trait ScopeMembership<AccountId> {
		/// Whether `who` is a member of `scope` (active or suspended).
		fn is_member(scope: ScopeId, who: &AccountId) -> bool;
		/// The scope deciding `proposal`, if the proposal exists.
		fn proposal_scope(proposal: ProposalIndex) -> Option<ScopeId>;
	}

	/// Data ownership's records: who owns one.
	pub trait RecordOwners<AccountId> {
		/// The owner of the record with content hash `record`, if it exists.
		fn owner(record: &H256) -> Option<AccountId>;
	}

	/// Data ownership's dispute flags, which a passed firewall motion sets and clears.
	pub trait DisputeFlags<AccountId> {
		/// Sets or clears `record`'s dispute flag; returns the record's owner.
		fn set_disputed(record: H256, disputed: bool) -> Result<AccountId, DispatchError>;
	}

	/// Stakeholder voting's enactment holds, which a passed firewall motion puts and lifts.
	pub trait EnactmentHold<AccountId, BlockNumber> {
		/// Holds `proposal`'s enactment until `until`, or releases the hold (`None`); returns
		/// the proposer.
		fn hold_enactment(
			proposal: ProposalIndex,
			until: Option<BlockNumber>,
		) -> Result<AccountId, DispatchError>;
	}
}

/// The node's `polity_*` metrics, read from the runtime itself: one call per block returns
/// every figure, so a runtime upgrade that changes a storage layout or an event changes what
/// the runtime answers, never what the node misreads.
pub mod metrics {
	use codec::{Decode, Encode};
	use scale_info::TypeInfo;

	/// Governance figures at one block.
	#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
	pub struct GovernanceFigures {
		/// Proposals open for votes, in every scope.
		pub open_proposals: u64,
		/// Proposals ever submitted.
		pub proposals: u64,
		/// Accounts frozen by regulators, expired freezes not yet cleared included.
		pub freezes: u64,
		/// Calls or pallets paused by regulators.
		pub pauses: u64,
		/// Whether the chain is in safe mode.
		pub safe_mode: bool,
		/// Appointed regulators.
		pub regulators: u64,
		/// Validators governance decided, active from the next session.
		pub validators: u64,
		/// Votes cast and secret votes revealed in this block.
		pub votes_in_block: u64,
		/// Data-ownership records registered in this block.
		pub registrations_in_block: u64,
		/// Passed proposals whose call was dispatched in this block.
		pub enactments_in_block: u64,
	}

	polkadot_sdk::sp_api::decl_runtime_apis! {
		/// What the node's Prometheus endpoint reports about governance.
		pub trait GovernanceMetricsApi {
			/// Every figure at the block the call is made at.
			fn governance_figures() -> GovernanceFigures;
		}
	}
}

/// Why a call would be refused, asked before signing: the runtime runs the call as the signed
/// transaction would run (every transaction extension, then the dispatch) on a copy of the
/// state, and names the rule that stopped it by the name the chain uses for it.
pub mod refusals {
	use alloc::string::String;
	use codec::{Decode, Encode};
	use scale_info::TypeInfo;

	/// What would refuse a call.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
	pub struct Refusal {
		/// The pallet whose error it is, as the metadata names it (`RegulatoryNodes`), or
		/// `None` for a refusal that is no pallet's (`BadOrigin`, a token error, the pool's
		/// `Payment`, `Stale`, …).
		pub pallet: Option<String>,
		/// The error's name: a pallet's error variant (`AccountFrozen`, `NotMember`,
		/// `VotingEnded`, `CallFiltered`, …), a dispatch error (`BadOrigin`), a token error
		/// (`FundsUnavailable`) or an invalid transaction (`Payment`, `Stale`, `Future`,
		/// `ExhaustsResources`).
		pub error: String,
	}

	polkadot_sdk::sp_api::decl_runtime_apis! {
		/// Which rule would refuse a call, before anyone signs it.
		pub trait WhyRefusedApi<AccountId, Call>
		where
			AccountId: codec::Codec,
			Call: codec::Codec,
		{
			/// What would refuse `call` signed by `who`, with its next nonce and no tip, in the
			/// state of the block this is called at; `None` if it would succeed there.
			fn why_refused(who: AccountId, call: Call) -> Option<Refusal>;
		}
	}
}

/// Paging for the query surface: one bound on a page and one way to page a map's keys, for
/// every pallet.
pub mod paging {
	use alloc::vec::Vec;
	use codec::FullCodec;
	use polkadot_sdk::frame_support::storage::{IterableStorageDoubleMap, StorageDoubleMap};

	/// Most items one page returns, whatever `limit` asks.
	pub const MAX_PAGE: u32 = 100;

	/// The first `limit` items of `items`, at most [`MAX_PAGE`].
	pub fn page<I: Iterator>(items: I, limit: u32) -> Vec<I::Item> {
		items.take(usize::try_from(limit.min(MAX_PAGE)).unwrap_or(usize::MAX)).collect()
	}

	/// A page of the second keys under `k1` in the double map `M`, after `start_after` in
	/// storage order (pass a page's last key to get the next page).
	pub fn keys_after<M, K1, K2, V>(k1: &K1, start_after: Option<K2>, limit: u32) -> Vec<K2>
	where
		M: IterableStorageDoubleMap<K1, K2, V> + StorageDoubleMap<K1, K2, V>,
		K1: FullCodec,
		K2: FullCodec,
		V: FullCodec,
	{
		match start_after {
			Some(after) => page(
				<M as IterableStorageDoubleMap<K1, K2, V>>::iter_key_prefix_from(
					k1,
					<M as StorageDoubleMap<K1, K2, V>>::hashed_key_for(k1, after),
				),
				limit,
			),
			None => page(<M as IterableStorageDoubleMap<K1, K2, V>>::iter_key_prefix(k1), limit),
		}
	}
}

/// For pallets' tests: which storage items a dispatch changed, so a test asserts every state
/// change a call makes and that it makes no other.
#[cfg(feature = "std")]
pub mod testing {
	use alloc::{collections::BTreeSet, string::String, vec::Vec};
	use polkadot_sdk::{frame_support::traits::StorageInfo, sp_io};

	/// Every (key, value) under `prefix`, in key order.
	fn entries(prefix: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
		let mut out = Vec::new();
		let mut key = prefix.to_vec();
		if let Some(value) = sp_io::storage::get(&key) {
			out.push((key.clone(), value.to_vec()));
		}
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(prefix) {
				break;
			}
			let value = sp_io::storage::get(&next).map(|v| v.to_vec()).unwrap_or_default();
			out.push((next.clone(), value));
			key = next;
		}
		out
	}

	/// The contents of each item in `items` (a pallet's `storage_info()`), by name.
	pub fn snapshot(items: &[StorageInfo]) -> Vec<(String, Vec<(Vec<u8>, Vec<u8>)>)> {
		items
			.iter()
			.map(|item| {
				let name = String::from_utf8_lossy(&item.storage_name).into_owned();
				(name, entries(&item.prefix))
			})
			.collect()
	}

	/// Runs `f` (a dispatch), asserts it succeeded, and asserts it changed exactly the storage
	/// items of pallet `P` named in `changes`: every state change the call makes, and no other.
	pub fn assert_changes<P: polkadot_sdk::frame_support::traits::StorageInfoTrait>(
		changes: &[&str],
		f: impl FnOnce() -> polkadot_sdk::sp_runtime::DispatchResult,
	) {
		let (changed, result) = changed_by(&P::storage_info(), f);
		assert_eq!(result, Ok(()), "the call failed");
		let expected: BTreeSet<String> = changes.iter().map(|c| String::from(*c)).collect();
		assert_eq!(changed, expected, "the storage items the call changed");
	}

	/// The names of the items in `items` whose contents `f` changed, and `f`'s result.
	pub fn changed_by<R>(items: &[StorageInfo], f: impl FnOnce() -> R) -> (BTreeSet<String>, R) {
		let before = snapshot(items);
		let result = f();
		let after = snapshot(items);
		let changed = before
			.into_iter()
			.zip(after)
			.filter(|((_, a), (_, b))| a != b)
			.map(|((name, _), _)| name)
			.collect();
		(changed, result)
	}
}
