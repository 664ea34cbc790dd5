//! # Regulatory nodes
//!
//! Licensed regulators supervise the chain behind a firewall whose every action needs M of N
//! regulators, is logged with its reason, expires by itself, and can be overturned by a
//! stakeholder vote — so that technical and organisational supervision balance each other and
//! regulators never become a new dominant centre.
//!
//! ## Overview
//!
//! - **Regulators** are appointed and dismissed by governance (`GovernanceOrigin`), each with a
//!   jurisdiction (the whole chain, or stakeholder-voting scopes) and licensed nodes (libp2p peer
//!   ids).
//! - **Motions**: a regulator proposes a firewall action with a reason; regulators whose
//!   jurisdiction covers it approve; at `Threshold` approvals it executes. Unapproved motions
//!   expire after `MotionDuration`.
//! - **Freeze**: a frozen account's transactions are rejected at the transaction pool by
//!   [`CheckFirewall`] with `InvalidTransaction::Custom(ACCOUNT_FROZEN)`, until the freeze
//!   expires or is lifted. Governance calls (`GovernanceCalls`: voting, closing) are never
//!   blocked, so a frozen stakeholder can still vote on overturning its own freeze.
//! - **Log and overturn**: every executed action is logged (who proposed, who approved, why)
//!   and indexed by the account it concerns; `OverturnOrigin` (a passed chain-wide vote) can
//!   overturn it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod extension;
mod firewall;
pub mod queries;
mod regulators;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::{CheckFirewall, ACCOUNT_FROZEN};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// A regulator as this runtime stores it.
pub type RegulatorOf<T> = Regulator<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxScopes,
	<T as Config>::MaxNodes,
	<T as Config>::MaxPeerIdLen,
>;
/// A jurisdiction as this runtime takes it.
pub type JurisdictionOf<T> = Jurisdiction<<T as Config>::MaxScopes>;
/// A firewall action as this runtime takes it.
pub type ActionOf<T> = FirewallAction<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// A motion as this runtime stores it.
pub type MotionOf<T> = Motion<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxReasonLen,
	<T as Config>::MaxRegulators,
>;
/// A logged action as this runtime stores it.
pub type LoggedActionOf<T> = LoggedAction<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxReasonLen,
	<T as Config>::MaxRegulators,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Appoints and dismisses regulators and sets the approval threshold.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Overturns a logged action: a stakeholder vote.
		type OverturnOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Calls a frozen account may still make: those that keep governance alive.
		type GovernanceCalls: Contains<<Self as frame_system::Config>::RuntimeCall>;

		/// Most regulators.
		#[pallet::constant]
		type MaxRegulators: Get<u32>;

		/// Most scopes in one jurisdiction.
		#[pallet::constant]
		type MaxScopes: Get<u32>;

		/// Most licensed nodes per regulator.
		#[pallet::constant]
		type MaxNodes: Get<u32>;

		/// Longest peer id, in bytes.
		#[pallet::constant]
		type MaxPeerIdLen: Get<u32>;

		/// Longest reason, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// Blocks a motion stays open for approvals.
		#[pallet::constant]
		type MotionDuration: Get<BlockNumberFor<Self>>;

		/// Longest freeze, in blocks.
		#[pallet::constant]
		type MaxFreezeDuration: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Regulators by account.
	#[pallet::storage]
	pub type Regulators<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, RegulatorOf<T>>;

	/// Number of regulators.
	#[pallet::storage]
	pub type RegulatorCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Approvals a motion needs to execute (M of the N regulators covering it).
	#[pallet::storage]
	pub type Threshold<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Open motions.
	#[pallet::storage]
	pub type Motions<T: Config> = StorageMap<_, Twox64Concat, MotionId, MotionOf<T>>;

	/// The id the next motion gets.
	#[pallet::storage]
	pub type NextMotionId<T: Config> = StorageValue<_, MotionId, ValueQuery>;

	/// Every executed action: the on-chain log.
	#[pallet::storage]
	pub type ActionLog<T: Config> = StorageMap<_, Twox64Concat, ActionId, LoggedActionOf<T>>;

	/// The id the next logged action gets.
	#[pallet::storage]
	pub type NextActionId<T: Config> = StorageValue<_, ActionId, ValueQuery>;

	/// Frozen accounts.
	#[pallet::storage]
	pub type Freezes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, FreezeInfo<BlockNumberFor<T>>>;

	/// Logged actions by the account they concern, for the audit trail.
	#[pallet::storage]
	pub type ActionsConcerning<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ActionId, ()>;

	/// Genesis: regulators and the threshold.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Regulators: account, scopes (`None`: the whole chain), licensed peer ids.
		pub regulators: Vec<(T::AccountId, Option<Vec<ScopeId>>, Vec<Vec<u8>>)>,
		/// Approvals a motion needs.
		pub threshold: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, scopes, nodes) in &self.regulators {
				let jurisdiction = match scopes {
					None => Jurisdiction::ChainWide,
					Some(s) => Jurisdiction::Scopes(
						BoundedVec::try_from(s.clone()).expect("genesis jurisdiction too large"),
					),
				};
				let nodes = nodes
					.iter()
					.map(|n| BoundedVec::try_from(n.clone()).expect("genesis peer id too long"))
					.collect::<Vec<_>>();
				let nodes = BoundedVec::try_from(nodes).expect("too many genesis nodes");
				Pallet::<T>::do_appoint(who.clone(), jurisdiction, nodes)
					.expect("invalid genesis regulator");
			}
			Threshold::<T>::put(self.threshold.max(1));
		}
	}

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A regulator was appointed.
		Appointed {
			/// The regulator.
			who: T::AccountId,
		},
		/// A regulator was dismissed.
		Dismissed {
			/// The former regulator.
			who: T::AccountId,
		},
		/// The approval threshold changed.
		ThresholdSet {
			/// Approvals needed.
			threshold: u32,
		},
		/// A regulator proposed a firewall action.
		MotionProposed {
			/// The motion.
			motion: MotionId,
			/// The proposer.
			proposer: T::AccountId,
		},
		/// A regulator approved a motion.
		MotionApproved {
			/// The motion.
			motion: MotionId,
			/// The approver.
			who: T::AccountId,
			/// Approvals so far.
			approvals: u32,
		},
		/// An unapproved motion expired and was removed.
		MotionExpired {
			/// The motion.
			motion: MotionId,
		},
		/// A motion reached its threshold: the action took effect and was logged.
		ActionExecuted {
			/// The motion.
			motion: MotionId,
			/// Its log entry.
			action: ActionId,
		},
		/// An account was frozen.
		Frozen {
			/// The account.
			who: T::AccountId,
			/// Last frozen block.
			until: BlockNumberFor<T>,
		},
		/// An account's freeze ended.
		Unfrozen {
			/// The account.
			who: T::AccountId,
		},
		/// A stakeholder vote overturned a logged action.
		Overturned {
			/// The log entry.
			action: ActionId,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a regulator.
		AlreadyRegulator,
		/// The account is not a regulator.
		NotRegulator,
		/// There are `MaxRegulators` regulators.
		TooManyRegulators,
		/// The threshold must be between 1 and `MaxRegulators`.
		InvalidThreshold,
		/// The motion's jurisdiction is not the regulator's.
		OutsideJurisdiction,
		/// Fewer regulators cover this jurisdiction than the threshold requires.
		NotEnoughRegulators,
		/// No open motion has this id.
		MotionNotFound,
		/// The motion has expired.
		MotionExpired,
		/// The motion is still open.
		MotionNotExpired,
		/// The regulator already approved this motion.
		AlreadyApproved,
		/// The freeze must end after this block and within `MaxFreezeDuration`.
		InvalidFreeze,
		/// The account is not frozen.
		NotFrozen,
		/// The account's freeze has not expired.
		StillFrozen,
		/// No logged action has this id.
		ActionNotFound,
		/// The action was already overturned.
		AlreadyOverturned,
		/// Only freezes can be overturned; an unfreeze is undone by a new motion.
		NotOverturnable,
		/// No more ids.
		Overflow,
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
		/// Appoints a regulator with a jurisdiction and licensed nodes.
		///
		/// Origin: `GovernanceOrigin`. Emits `Appointed`.
		#[pallet::call_index(0)]
		pub fn appoint(
			origin: OriginFor<T>,
			who: T::AccountId,
			jurisdiction: JurisdictionOf<T>,
			nodes: BoundedVec<PeerIdOf<T>, T::MaxNodes>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_appoint(who, jurisdiction, nodes)
		}

		/// Dismisses a regulator; its approvals of open motions no longer count.
		///
		/// Origin: `GovernanceOrigin`. Emits `Dismissed`.
		#[pallet::call_index(1)]
		pub fn dismiss(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_dismiss(who)
		}

		/// Sets how many approvals a motion needs.
		///
		/// Origin: `GovernanceOrigin`. Emits `ThresholdSet`.
		#[pallet::call_index(2)]
		pub fn set_threshold(origin: OriginFor<T>, threshold: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_threshold(threshold)
		}

		/// Proposes a firewall action in a jurisdiction (`scope`, or `None` for the whole
		/// chain), with a reason; counts as the proposer's approval.
		///
		/// Origin: a regulator covering `scope`. Emits `MotionProposed`.
		#[pallet::call_index(3)]
		pub fn propose(
			origin: OriginFor<T>,
			action: ActionOf<T>,
			scope: Option<ScopeId>,
			reason: BoundedVec<u8, T::MaxReasonLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(who, action, scope, reason).map(|_| ())
		}

		/// Approves an open motion; at the threshold its action executes.
		///
		/// Origin: a regulator covering the motion's jurisdiction. Emits `MotionApproved`.
		#[pallet::call_index(4)]
		pub fn approve(origin: OriginFor<T>, motion: MotionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve(who, motion)
		}

		/// Removes an expired, unexecuted motion.
		///
		/// Origin: signed, anyone. Emits `MotionExpired`.
		#[pallet::call_index(5)]
		pub fn close_motion(origin: OriginFor<T>, motion: MotionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_motion(motion)
		}

		/// Overturns a logged freeze: the account is unfrozen and the log says so.
		///
		/// Origin: `OverturnOrigin`. Emits `Overturned`.
		#[pallet::call_index(6)]
		pub fn overturn(origin: OriginFor<T>, action: ActionId) -> DispatchResult {
			T::OverturnOrigin::ensure_origin(origin)?;
			Self::do_overturn(action)
		}

		/// Removes an expired freeze from storage.
		///
		/// Origin: signed, anyone. Emits `Unfrozen`.
		#[pallet::call_index(7)]
		pub fn clear_expired_freeze(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_clear_expired_freeze(who)
		}
	}
}
