//! Records, offers and grants.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{
		BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::{Get, H256},
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// The 32-byte hash of a piece of content (e.g. its BLAKE2-256 or SHA-256). It identifies the
/// record; the content itself never goes on chain.
pub type ContentHash = H256;

/// What is known about the content, besides its hash.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
	DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxTitleLen, MaxMediaTypeLen, MaxUriLen))]
pub struct Metadata<MaxTitleLen: Get<u32>, MaxMediaTypeLen: Get<u32>, MaxUriLen: Get<u32>> {
	/// Human-readable title.
	pub title: BoundedVec<u8, MaxTitleLen>,
	/// Media type, e.g. `text/csv`.
	pub media_type: BoundedVec<u8, MaxMediaTypeLen>,
	/// Where the content can be fetched: URI or IPFS CID.
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// Hash of the schema the content follows, if any.
	pub schema: Option<H256>,
}

/// A record's state.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum RecordStatus<BlockNumber> {
	/// The current version.
	Active,
	/// A newer version replaced it.
	Superseded {
		/// The newer version.
		by: ContentHash,
	},
	/// The owner withdrew it; it stays as evidence.
	Revoked {
		/// Block of revocation.
		at: BlockNumber,
	},
	/// Revoked, then its metadata erased and deposit freed; hash, owner and timestamps stay.
	Purged {
		/// Block of purging.
		at: BlockNumber,
	},
}

/// A registration: who owns which content since when.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxTitleLen, MaxMediaTypeLen, MaxUriLen))]
pub struct Record<
	AccountId,
	Balance,
	BlockNumber,
	MaxTitleLen: Get<u32>,
	MaxMediaTypeLen: Get<u32>,
	MaxUriLen: Get<u32>,
> {
	/// Current owner.
	pub owner: AccountId,
	/// Who registered it.
	pub registrant: AccountId,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Chain time of registration, milliseconds since the Unix epoch.
	pub timestamp: u64,
	/// Metadata.
	pub metadata: Metadata<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>,
	/// The first version of this content's chain of versions (itself for a first version).
	pub root: ContentHash,
	/// Position in the chain of versions, from 0.
	pub version: u32,
	/// The version it replaced, if any.
	pub supersedes: Option<ContentHash>,
	/// State.
	pub status: RecordStatus<BlockNumber>,
	/// Deposit held from the owner while the record exists.
	pub deposit: Balance,
}

/// A record to register, in a batch.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxTitleLen, MaxMediaTypeLen, MaxUriLen))]
pub struct NewRecord<MaxTitleLen: Get<u32>, MaxMediaTypeLen: Get<u32>, MaxUriLen: Get<u32>> {
	/// The content's hash.
	pub hash: ContentHash,
	/// Its metadata.
	pub metadata: Metadata<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>,
	/// The owner's record it replaces, if any.
	pub supersedes: Option<ContentHash>,
}

/// Metadata as a caller submits it. Every field decodes whatever its length and is checked
/// against its bound when the call runs, so a field one byte over is refused with a named error
/// (`TitleTooLong`, `MediaTypeTooLong`, `UriTooLong`) instead of failing to decode. It encodes
/// exactly as [`Metadata`].
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct MetadataInput {
	/// Human-readable title, at most `MaxTitleLen` bytes.
	pub title: alloc::vec::Vec<u8>,
	/// Media type, e.g. `text/csv`, at most `MaxMediaTypeLen` bytes.
	pub media_type: alloc::vec::Vec<u8>,
	/// Where the content can be fetched, at most `MaxUriLen` bytes.
	pub uri: alloc::vec::Vec<u8>,
	/// Hash of the schema the content follows, if any.
	pub schema: Option<H256>,
}

impl<MaxTitleLen: Get<u32>, MaxMediaTypeLen: Get<u32>, MaxUriLen: Get<u32>>
	From<Metadata<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>> for MetadataInput
{
	fn from(metadata: Metadata<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>) -> Self {
		Self {
			title: metadata.title.into_inner(),
			media_type: metadata.media_type.into_inner(),
			uri: metadata.uri.into_inner(),
			schema: metadata.schema,
		}
	}
}

/// A record to register as a caller submits it: its metadata is checked against the bounds
/// when the call runs. It encodes exactly as [`NewRecord`].
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct NewRecordInput {
	/// The content's hash.
	pub hash: ContentHash,
	/// Its metadata.
	pub metadata: MetadataInput,
	/// The owner's record it replaces, if any.
	pub supersedes: Option<ContentHash>,
}

impl<MaxTitleLen: Get<u32>, MaxMediaTypeLen: Get<u32>, MaxUriLen: Get<u32>>
	From<NewRecord<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>> for NewRecordInput
{
	fn from(record: NewRecord<MaxTitleLen, MaxMediaTypeLen, MaxUriLen>) -> Self {
		Self { hash: record.hash, metadata: record.metadata.into(), supersedes: record.supersedes }
	}
}

/// An offer to transfer a record, awaiting the recipient's acceptance.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Offer<AccountId, BlockNumber> {
	/// Who may accept.
	pub to: AccountId,
	/// Last block at which it may be accepted.
	pub expires: BlockNumber,
}

/// A licence: access to a record's content for a purpose, until a block.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxPurposeLen))]
pub struct Grant<BlockNumber, MaxPurposeLen: Get<u32>> {
	/// What the access is for.
	pub purpose: BoundedVec<u8, MaxPurposeLen>,
	/// Access ends at this block.
	pub expires: BlockNumber,
	/// Block it was granted at.
	pub granted_at: BlockNumber,
}

/// A record as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordView<AccountId, Balance, BlockNumber> {
	/// Content hash.
	pub hash: ContentHash,
	/// Current owner.
	pub owner: AccountId,
	/// Who registered it.
	pub registrant: AccountId,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Milliseconds since the Unix epoch at registration.
	pub timestamp: u64,
	/// Title.
	#[serde(with = "polity_primitives::text::utf8")]
	pub title: alloc::vec::Vec<u8>,
	/// Media type.
	#[serde(with = "polity_primitives::text::utf8")]
	pub media_type: alloc::vec::Vec<u8>,
	/// URI or CID.
	#[serde(with = "polity_primitives::text::utf8")]
	pub uri: alloc::vec::Vec<u8>,
	/// Schema hash.
	pub schema: Option<H256>,
	/// First version.
	pub root: ContentHash,
	/// Version number.
	pub version: u32,
	/// Replaced version.
	pub supersedes: Option<ContentHash>,
	/// State.
	pub status: RecordStatus<BlockNumber>,
	/// Deposit held.
	pub deposit: Balance,
	/// Pending transfer offer.
	pub offer: Option<Offer<AccountId, BlockNumber>>,
	/// Block regulators flagged it as disputed, if it is.
	pub disputed_since: Option<BlockNumber>,
}

/// A licence as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantView<AccountId, BlockNumber> {
	/// Who has access.
	pub grantee: AccountId,
	/// What for.
	#[serde(with = "polity_primitives::text::utf8")]
	pub purpose: alloc::vec::Vec<u8>,
	/// Until which block.
	pub expires: BlockNumber,
	/// Granted at block.
	pub granted_at: BlockNumber,
	/// Whether it is in force at the queried block.
	pub active: bool,
}

/// A hidden claim awaiting its reveal: the block and time it was made, and the deposit held.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Commitment<Balance, BlockNumber> {
	/// Block of the commitment: the records revealed from it are registered as of this block.
	pub at: BlockNumber,
	/// Chain time of that block, milliseconds since the Unix epoch.
	pub timestamp: u64,
	/// Deposit held until the reveal or cancellation.
	pub deposit: Balance,
}

/// One step in a record's life, as its activity log keeps it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all_fields = "camelCase")]
pub enum Activity<AccountId> {
	/// Registered by `owner`; `committed` when revealed from a commitment (the record then
	/// dates from the commitment's block); `supersedes` the version it replaced.
	Registered {
		/// The registrant and first owner.
		owner: AccountId,
		/// The version it replaced, if any.
		supersedes: Option<ContentHash>,
		/// Whether it was revealed from a commitment.
		committed: bool,
	},
	/// A newer version replaced it.
	Versioned {
		/// The newer version.
		by: ContentHash,
	},
	/// The owner offered it to `to`.
	Offered {
		/// Who may accept.
		to: AccountId,
	},
	/// The owner withdrew the offer.
	OfferCancelled,
	/// Ownership moved from `from` to `to`.
	Transferred {
		/// Former owner.
		from: AccountId,
		/// New owner.
		to: AccountId,
	},
	/// The owner licensed `to`.
	Licensed {
		/// Grantee.
		to: AccountId,
	},
	/// The owner revoked `who`'s licence.
	LicenceRevoked {
		/// Former grantee.
		who: AccountId,
	},
	/// The owner revoked the record.
	Revoked,
	/// The revoked record's metadata was erased.
	Purged,
	/// Regulators flagged it as disputed.
	Disputed,
	/// Regulators cleared the dispute flag.
	DisputeCleared,
	/// The dispute lapsed after `MaxDisputeDuration`.
	DisputeExpired,
	/// A chain-wide vote resolved the dispute; `to` is the rightful owner it was handed to.
	Resolved {
		/// Owner when the dispute was resolved.
		from: AccountId,
		/// The owner the vote handed the record to, if it reassigned it.
		to: Option<AccountId>,
	},
	/// An earlier commitment's reveal took the hash from a later, one-step registration.
	Preempted {
		/// Whose registration was undone.
		previous_owner: AccountId,
	},
}

/// An entry of a record's activity log: what happened, at which block.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry<AccountId, BlockNumber> {
	/// Block it happened in.
	pub at: BlockNumber,
	/// What happened.
	pub activity: Activity<AccountId>,
}
