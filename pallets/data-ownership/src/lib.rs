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
//! - **Receipts**: the runtime API exposes the storage key of a record so the RPC can return a
//!   storage proof under a finalized header, which anyone can check offline.
//!
//! ## Deposits
//!
//! Each record holds `RecordDepositBase + RecordDepositPerByte × encoded metadata length` from
//! its owner while it exists. On transfer the recipient takes the deposit over.

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

mod disputes;
mod licences;
pub mod queries;
mod registration;
mod transfer;
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
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, UnixTime},
	};
	use frame_system::pallet_prelude::*;

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A record's storage deposit.
		RecordDeposit,
	}

	/// Records by content hash.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Identity, ContentHash, RecordOf<T>>;

	/// Records by owner, for paginated listing.
	#[pallet::storage]
	pub type RecordsByOwner<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, ContentHash, ()>;

	/// Each chain of versions in order: (first version, version number) → record.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Identity, ContentHash, Twox64Concat, u32, ContentHash>;

	/// Records a regulators' motion flagged as disputed, and the block it did. A disputed
	/// record cannot be transferred, superseded, revoked or purged until the flag is cleared.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Identity, ContentHash, BlockNumberFor<T>>;

	/// Pending transfer offers by record.
	#[pallet::storage]
	pub type Offers<T: Config> =
		StorageMap<_, Identity, ContentHash, Offer<T::AccountId, BlockNumberFor<T>>>;

	/// Licences by record and grantee.
	#[pallet::storage]
	pub type Grants<T: Config> =
		StorageDoubleMap<_, Identity, ContentHash, Blake2_128Concat, T::AccountId, GrantOf<T>>;

	/// Number of licences per record.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Identity, ContentHash, u32, ValueQuery>;

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
		pub fn register(
			origin: OriginFor<T>,
			hash: ContentHash,
			metadata: MetadataOf<T>,
			supersedes: Option<ContentHash>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who, NewRecord { hash, metadata, supersedes })
		}

		/// Registers up to `MaxBatch` records at once: all of them, or none.
		///
		/// Emits `Registered` for each.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::register_batch(records.len() as u32))]
		pub fn register_batch(
			origin: OriginFor<T>,
			records: BoundedVec<NewRecordOf<T>, T::MaxBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
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
			purpose: BoundedVec<u8, T::MaxPurposeLen>,
			expires: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
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
	}
}
