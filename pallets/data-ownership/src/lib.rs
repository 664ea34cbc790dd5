//! # Data ownership
//!
//! Confirms who owns which data since when, without the data ever going on chain.
//!
//! ## Overview
//!
//! An owner registers the 32-byte hash of a piece of content with bounded metadata (title, media
//! type, URI or CID, schema). The chain records owner, block and timestamp: an independent,
//! tamper-proof timestamp of the content's existence. A hash can be registered once.
//!
//! - **Versions**: registering with `supersedes` links a new version to the owner's previous
//!   one, which becomes `Superseded`; the chain of versions is kept in order.
//! - **Revocation**: the record stays as evidence with status `Revoked`. After `PurgeDelay` the
//!   owner may `purge` it: its metadata is erased and the per-byte deposit freed, while hash,
//!   owner and timestamps stay — a hash once registered can never be registered again by anyone.
//! - **Transfer** is two-step: the owner offers, the recipient accepts before the offer expires
//!   (or the owner cancels). Nobody becomes owner without accepting. Licences do **not** carry
//!   over: a transfer clears every grant, so the new owner decides who may access its data.
//! - **Licences**: the owner grants an account access for a purpose until a block, and may
//!   revoke it; `has_access` answers at any block. At most `MaxGrantsPerRecord` per record.
//! - **Commit–reveal**: `commit` a hash of (account, salt, claims) first, `reveal` the records
//!   in a later block within `RevealWindow`: nobody watching the transaction pool learns the
//!   content hash before the claim is on chain, and the records date from the commitment's block.
//!   A copy of the reveal by another account matches no commitment (`CommitmentNotFound`); a
//!   one-step `register` of the hash made after the commitment is undone by the reveal
//!   (`Preempted`). One-step `register` stays for those who need no such protection; the
//!   price is that its records are *provisional* for `RevealWindow` blocks (no new version
//!   of them yet, `Provisional`), as an earlier commitment may still claim them.
//! - **Disputes** end: they lapse after `MaxDisputeDuration` (anyone may then `expire_dispute`),
//!   regulators clear them, or a chain-wide vote (`ResolveOrigin`) resolves them with
//!   `resolve_dispute`, optionally handing the record to its rightful owner.
//! - **Activity log**: every record keeps what happened to it — registered, versioned, offered,
//!   transferred (from, to), licensed, revoked, disputed, resolved — at most `MaxActivity`
//!   owner-made entries, paginated by the runtime API, so "who owned this when" needs no indexer.
//! - **Receipts**: the RPC returns a record with a storage proof under a finalized header, that
//!   header's GRANDPA finality and the authority-set changes since genesis: `polity-receipt`
//!   checks it offline against the chain spec alone.
//!
//! ## Deposits
//!
//! Each record holds `RecordDepositBase + RecordDepositPerByte × encoded metadata length` from
//! its owner while it exists. On transfer the recipient takes the deposit over. A commitment
//! holds `CommitmentDeposit` until it is revealed or cancelled.

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

mod activity;
mod commitments;
mod deposits;
mod disputes;
mod licences;
pub mod migrations;
pub mod queries;
mod registration;
mod transfer;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// The balance type of the deposit currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// Metadata as this runtime stores it.
pub type MetadataOf<T> =
	Metadata<<T as Config>::MaxTitleLen, <T as Config>::MaxMediaTypeLen, <T as Config>::MaxUriLen>;

/// A record as this runtime stores it.
pub type RecordOf<T> = Record<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxTitleLen,
	<T as Config>::MaxMediaTypeLen,
	<T as Config>::MaxUriLen,
>;

/// A record to register, as this runtime takes it.
pub type NewRecordOf<T> =
	NewRecord<<T as Config>::MaxTitleLen, <T as Config>::MaxMediaTypeLen, <T as Config>::MaxUriLen>;

/// A commitment as this runtime stores it.
pub type CommitmentOf<T> =
	Commitment<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>;

/// An activity-log entry as this runtime stores it.
pub type ActivityEntryOf<T> = ActivityEntry<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A licence as this runtime stores it.
pub type GrantOf<T> =
	Grant<frame_system::pallet_prelude::BlockNumberFor<T>, <T as Config>::MaxPurposeLen>;

// The pallet macros expand to code these lints cannot tell from ours; the calls here are thin
// and delegate to the topic modules, where the lints hold.
#[allow(
	clippy::expect_used,
	clippy::unreachable,
	clippy::cast_possible_truncation,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::panic
)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::H256;

	/// Storage layout version: 1 hashes content-hash keys with `Blake2_128Concat`.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Wall-clock time of the block (the timestamp pallet).
		type UnixTime: UnixTime;

		/// Deposit held per record regardless of size.
		#[pallet::constant]
		type RecordDepositBase: Get<BalanceOf<Self>>;

		/// Deposit held per byte of encoded metadata.
		#[pallet::constant]
		type RecordDepositPerByte: Get<BalanceOf<Self>>;

		/// Longest title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// Longest media type, in bytes.
		#[pallet::constant]
		type MaxMediaTypeLen: Get<u32>;

		/// Longest URI or CID, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// Longest licence purpose, in bytes.
		#[pallet::constant]
		type MaxPurposeLen: Get<u32>;

		/// Most records in one `register_batch`.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most versions in one chain of versions.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// Most licences per record.
		#[pallet::constant]
		type MaxGrantsPerRecord: Get<u32>;

		/// Longest a transfer offer may stay open, in blocks.
		#[pallet::constant]
		type MaxOfferDuration: Get<BlockNumberFor<Self>>;

		/// Blocks after revocation before a record may be purged.
		#[pallet::constant]
		type PurgeDelay: Get<BlockNumberFor<Self>>;

		/// Who resolves disputes: the chain-wide vote.
		type ResolveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit held by a commitment until it is revealed or cancelled.
		#[pallet::constant]
		type CommitmentDeposit: Get<BalanceOf<Self>>;

		/// Blocks after a commitment within which it may be revealed; also how long a one-step
		/// registration stays provisional.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Blocks after which a dispute lapses.
		#[pallet::constant]
		type MaxDisputeDuration: Get<BlockNumberFor<Self>>;

		/// Most owner-made entries in one record's activity log.
		#[pallet::constant]
		type MaxActivity: Get<u32>;

		/// Deposit held from a record's owner while its transfer offer is pending (accepted,
		/// cancelled, or withdrawn by revoking or superseding the record).
		#[pallet::constant]
		type OfferDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from a record's owner per licence it grants, until the licence is
		/// revoked or ends with the owner's ownership (transfer, purge, resolution).
		#[pallet::constant]
		type GrantDeposit: Get<BalanceOf<Self>>;

		/// Deposit held per entry an owner adds to a record's activity log. The log is kept for
		/// good, so its deposit is too: it moves with the record to each new owner.
		#[pallet::constant]
		type ActivityDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A record's storage deposit.
		RecordDeposit,
		/// A commitment's deposit, until its reveal.
		Commitment,
		/// A pending transfer offer's deposit.
		OfferDeposit,
		/// A licence's deposit, while the licence exists.
		GrantDeposit,
		/// The deposit of the owner-made entries of a record's activity log, kept with the
		/// record for good.
		ActivityDeposit,
	}

	/// Records by content hash. Content hashes are chosen by users, so every map keyed by one
	/// hashes it again (`Blake2_128Concat`): nobody can grind keys to deepen the trie.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Blake2_128Concat, ContentHash, RecordOf<T>>;

	/// Records by owner, for paginated listing.
	#[pallet::storage]
	pub type RecordsByOwner<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, ContentHash, ()>;

	/// Each chain of versions in order: (first version, version number) → record.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ContentHash, Twox64Concat, u32, ContentHash>;

	/// Records a regulators' motion flagged as disputed, and the block it did. A disputed
	/// record cannot be transferred, superseded, revoked or purged until the flag is cleared,
	/// the dispute resolved by vote, or `MaxDisputeDuration` has passed.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Blake2_128Concat, ContentHash, BlockNumberFor<T>>;

	/// Pending transfer offers by record.
	#[pallet::storage]
	pub type Offers<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, Offer<T::AccountId, BlockNumberFor<T>>>;

	/// Licences by record and grantee.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ContentHash,
		Blake2_128Concat,
		T::AccountId,
		GrantOf<T>,
	>;

	/// Number of licences per record.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, ContentHash, u32, ValueQuery>;

	/// Each record's activity log: (record, entry number) → entry.
	#[pallet::storage]
	pub type Activities<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ContentHash, Twox64Concat, u32, ActivityEntryOf<T>>;

	/// Number of entries in each record's activity log.
	#[pallet::storage]
	pub type ActivityCount<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, u32, ValueQuery>;

	/// The deposit held for each record's activity log (`ActivityDeposit` per owner-made
	/// entry), held from the record's current owner.
	#[pallet::storage]
	pub type LogDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, BalanceOf<T>, ValueQuery>;

	/// Where the current owner's part of each record's activity log begins (an entry number):
	/// `MaxActivity` bounds what one owner adds during its ownership, so entries a former
	/// owner or a preempted registrant made never block the current owner's actions.
	#[pallet::storage]
	pub type TenureStart<T: Config> = StorageMap<_, Blake2_128Concat, ContentHash, u32, ValueQuery>;

	/// Commitments awaiting their reveal, by committer and commitment hash.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		H256,
		CommitmentOf<T>,
	>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Regulators flagged a record as disputed.
		DisputeFlagged {
			/// Content hash.
			hash: ContentHash,
		},
		/// A record's dispute flag was cleared.
		DisputeCleared {
			/// Content hash.
			hash: ContentHash,
		},
		/// A dispute lapsed after `MaxDisputeDuration`.
		DisputeExpired {
			/// Content hash.
			hash: ContentHash,
		},
		/// A chain-wide vote resolved a dispute, handing the record to `to` if it names one.
		DisputeResolved {
			/// Content hash.
			hash: ContentHash,
			/// Owner when the dispute was resolved.
			from: T::AccountId,
			/// The rightful owner the record was handed to, if the vote reassigned it.
			to: Option<T::AccountId>,
		},
		/// A claim was committed; its records are revealed later.
		Committed {
			/// The committer.
			who: T::AccountId,
			/// The commitment hash.
			commitment: H256,
		},
		/// A commitment was revealed: its records are registered as of its block.
		Revealed {
			/// The committer.
			who: T::AccountId,
			/// The commitment hash.
			commitment: H256,
			/// Number of records registered.
			records: u32,
		},
		/// A commitment was withdrawn and its deposit released.
		CommitmentCancelled {
			/// The committer.
			who: T::AccountId,
			/// The commitment hash.
			commitment: H256,
		},
		/// A reveal undid a later one-step registration of the same hash.
		Preempted {
			/// Content hash.
			hash: ContentHash,
			/// Whose registration was undone (its deposit is released).
			previous_owner: T::AccountId,
		},
		/// Content was registered.
		Registered {
			/// Content hash.
			hash: ContentHash,
			/// Owner.
			owner: T::AccountId,
			/// Milliseconds since the Unix epoch.
			timestamp: u64,
			/// The version it replaces, if any.
			supersedes: Option<ContentHash>,
		},
		/// A record was revoked; it stays as evidence.
		Revoked {
			/// Content hash.
			hash: ContentHash,
		},
		/// A revoked record's metadata was erased and its per-byte deposit freed.
		Purged {
			/// Content hash.
			hash: ContentHash,
		},
		/// The owner offered a record to another account.
		TransferOffered {
			/// Content hash.
			hash: ContentHash,
			/// Current owner.
			from: T::AccountId,
			/// Who may accept.
			to: T::AccountId,
			/// Last block to accept.
			expires: BlockNumberFor<T>,
		},
		/// The recipient accepted: ownership moved.
		Transferred {
			/// Content hash.
			hash: ContentHash,
			/// Former owner.
			from: T::AccountId,
			/// New owner.
			to: T::AccountId,
		},
		/// The owner withdrew an offer.
		OfferCancelled {
			/// Content hash.
			hash: ContentHash,
		},
		/// Access was granted.
		AccessGranted {
			/// Content hash.
			hash: ContentHash,
			/// Grantee.
			to: T::AccountId,
			/// Until this block.
			expires: BlockNumberFor<T>,
		},
		/// Access was revoked.
		AccessRevoked {
			/// Content hash.
			hash: ContentHash,
			/// Former grantee.
			who: T::AccountId,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The hash is already registered.
		AlreadyRegistered,
		/// No record has this hash.
		NotFound,
		/// Only the owner may do this.
		NotOwner,
		/// The record is not active (superseded, revoked or purged).
		NotActive,
		/// The record is already revoked.
		AlreadyRevoked,
		/// The record is not revoked, or `PurgeDelay` has not passed since.
		NotPurgeable,
		/// The chain of versions is at `MaxVersions`.
		TooManyVersions,
		/// The same hash appears twice in a batch.
		DuplicateInBatch,
		/// The record is disputed: it cannot change hands or state until the dispute is cleared.
		Disputed,
		/// The record is already disputed.
		AlreadyDisputed,
		/// The record is not disputed.
		NotDisputed,
		/// No offer is pending for this record.
		OfferNotFound,
		/// An offer is already pending for this record.
		OfferAlreadyExists,
		/// Only the offer's recipient may accept it.
		NotRecipient,
		/// The offer has expired.
		OfferExpired,
		/// The expiry is in the past or too far ahead.
		InvalidExpiry,
		/// The owner cannot offer a record to itself.
		SelfTransfer,
		/// The record has `MaxGrantsPerRecord` licences.
		TooManyGrants,
		/// The account has no licence for this record.
		GrantNotFound,
		/// The record's activity log is full: its current owner made `MaxActivity` entries
		/// during its ownership.
		ActivityLogFull,
		/// The caller already has this commitment pending.
		AlreadyCommitted,
		/// No pending commitment of the caller matches the revealed records and salt.
		CommitmentNotFound,
		/// A commitment is revealed in a later block than its own.
		RevealTooEarly,
		/// The commitment is older than `RevealWindow`: cancel it and commit again.
		CommitmentExpired,
		/// The record is provisional (registered less than `RevealWindow` blocks ago, and an
		/// earlier commitment may still claim it): wait before registering a new version of it,
		/// licensing it or offering it.
		Provisional,
		/// The dispute has not lasted `MaxDisputeDuration` yet.
		DisputeNotExpired,
		/// A title is longer than `MaxTitleLen` bytes.
		TitleTooLong,
		/// A media type is longer than `MaxMediaTypeLen` bytes.
		MediaTypeTooLong,
		/// A URI is longer than `MaxUriLen` bytes.
		UriTooLong,
		/// A licence's purpose is longer than `MaxPurposeLen` bytes.
		PurposeTooLong,
		/// A batch holds more than `MaxBatch` records.
		TooManyRecords,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Registers content by its hash, with metadata; `supersedes` makes it the next
		/// version of one of the caller's active records. Holds the record deposit.
		///
		/// Emits `Registered`.
		#[pallet::call_index(0)]
		#[pallet::weight(if supersedes.is_some() {
			<T as Config>::WeightInfo::register_version()
		} else {
			<T as Config>::WeightInfo::register()
		})]
		pub fn register(
			origin: OriginFor<T>,
			hash: ContentHash,
			metadata: MetadataInput,
			supersedes: Option<ContentHash>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let metadata = Self::bounded_metadata(metadata)?;
			Self::do_register(&who, NewRecord { hash, metadata, supersedes }, None)
		}

		/// Registers up to `MaxBatch` records at once: all of them, or none.
		///
		/// Emits `Registered` for each.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::register_batch_weight(records))]
		pub fn register_batch(
			origin: OriginFor<T>,
			records: Vec<NewRecordInput>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let records = Self::bounded_records(records)?;
			Self::do_register_batch(&who, records)
		}

		/// Revokes a record: it stays, with status `Revoked`, as evidence. A pending offer lapses.
		///
		/// Origin: the owner. Emits `Revoked`.
		#[pallet::call_index(2)]
		pub fn revoke(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(&who, hash)
		}

		/// Erases a revoked record's metadata once `PurgeDelay` has passed and frees its
		/// per-byte deposit; hash, owner and timestamps stay for good.
		///
		/// Origin: the owner. Emits `Purged`.
		#[pallet::call_index(3)]
		pub fn purge(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_purge(&who, hash)
		}

		/// Offers an active record to `to`, who may accept until block `expires`.
		///
		/// Origin: the owner. Emits `TransferOffered`.
		#[pallet::call_index(4)]
		pub fn offer_transfer(
			origin: OriginFor<T>,
			hash: ContentHash,
			to: T::AccountId,
			expires: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_transfer(&who, hash, to, expires)
		}

		/// Accepts an offer: the caller becomes owner, takes over the deposit, and every licence
		/// of the record is cleared.
		///
		/// Origin: the offer's recipient. Emits `Transferred`.
		#[pallet::call_index(5)]
		pub fn accept_transfer(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_transfer(&who, hash)
		}

		/// Withdraws a pending offer (an expired one too).
		///
		/// Origin: the owner. Emits `OfferCancelled`.
		#[pallet::call_index(6)]
		pub fn cancel_offer(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_offer(&who, hash)
		}

		/// Grants `to` access to a record's content for `purpose` until block `expires`;
		/// granting again replaces the licence.
		///
		/// Origin: the owner. Emits `AccessGranted`.
		#[pallet::call_index(7)]
		pub fn grant_access(
			origin: OriginFor<T>,
			hash: ContentHash,
			to: T::AccountId,
			purpose: Vec<u8>,
			expires: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let purpose = purpose.try_into().map_err(|_| Error::<T>::PurposeTooLong)?;
			Self::do_grant_access(&who, hash, to, purpose, expires)
		}

		/// Revokes `who`'s licence.
		///
		/// Origin: the owner. Emits `AccessRevoked`.
		#[pallet::call_index(8)]
		pub fn revoke_access(
			origin: OriginFor<T>,
			hash: ContentHash,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_revoke_access(&owner, hash, who)
		}

		/// Commits to records without revealing them: `commitment` is the BLAKE2-256 of the
		/// SCALE encoding of `(caller, salt: [u8; 32], claims: Vec<(hash, supersedes)>)`.
		/// Holds `CommitmentDeposit`.
		///
		/// Emits `Committed`.
		#[pallet::call_index(9)]
		pub fn commit(origin: OriginFor<T>, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(&who, commitment)
		}

		/// Reveals the records of a commitment made in an earlier block, at most `RevealWindow`
		/// blocks ago: they are registered as of the commitment's block and time. A later
		/// one-step registration of one of the hashes is undone. Releases the deposit.
		///
		/// Emits `Revealed`, and `Registered` (and `Preempted`) for each record.
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::reveal(Pallet::<T>::batch_len(records)))]
		pub fn reveal(
			origin: OriginFor<T>,
			records: Vec<NewRecordInput>,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let records = Self::bounded_records(records)?;
			Self::do_reveal(&who, records, salt)
		}

		/// Withdraws a pending (or expired) commitment and releases its deposit.
		///
		/// Emits `CommitmentCancelled`.
		#[pallet::call_index(11)]
		pub fn cancel_commitment(origin: OriginFor<T>, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_commitment(&who, commitment)
		}

		/// Resolves a dispute: clears it and, with `owner`, hands the record (and its deposit,
		/// paid by the former owner) to its rightful owner; pending offers and licences end.
		///
		/// Origin: `ResolveOrigin` (a chain-wide vote). Emits `DisputeResolved`.
		#[pallet::call_index(12)]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			hash: ContentHash,
			owner: Option<T::AccountId>,
		) -> DispatchResult {
			T::ResolveOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(hash, owner)
		}

		/// Removes a dispute older than `MaxDisputeDuration`; anyone may call it.
		///
		/// Emits `DisputeExpired`.
		#[pallet::call_index(13)]
		pub fn expire_dispute(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire_dispute(hash)
		}
	}
}
