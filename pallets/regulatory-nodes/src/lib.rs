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
//! - **Pause and safe mode**: a motion pauses one call or a whole pallet until a block (the
//!   runtime wires [`FirewallLevers`] to `pallet-tx-pause`; governance calls are unpausable), and
//!   as last resort enters chain-wide safe mode (`pallet-safe-mode`), which ends by itself.
//! - **Disputes and holds**: a motion flags a data record as disputed, or holds a proposal's
//!   enactment for a bounded review period.
//! - **Log and overturn**: every executed action is logged (who proposed, who approved, why)
//!   and indexed by the account it concerns; `OverturnOrigin` (a passed chain-wide vote) can
//!   overturn any restricting action.
//! - **Licensed network and validators**: appointing a regulator licenses its nodes in the
//!   network's register ([`NodeLicences`], wired to `pallet-node-authorization`); governance adds
//!   and removes validators, which this pallet hands to `pallet-session` as its session manager
//!   at the next session, never below `MinValidators`.

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

mod deposits;
mod extension;
mod firewall;
pub mod queries;
mod regulators;
pub mod traits;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod try_state;
pub mod types;
mod validators;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::{
	refusal_error, CheckFirewall, ACCOUNT_FROZEN, GOVERNANCE_PRIORITY, VALIDATOR_KEYS_REQUIRED,
};
pub use pallet::*;
pub use traits::{FirewallLevers, NodeLicences};
pub use types::*;
pub use weights::WeightInfo;

/// Most separate restriction spans kept per target within the rolling window.
pub const MAX_RESTRICTION_SPANS: u32 = 16;

use polkadot_sdk::{frame_support, frame_system};

/// A regulator as this runtime stores it.
pub type RegulatorOf<T> = Regulator<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxScopes,
	<T as Config>::MaxNodes,
	<T as Config>::MaxPeerIdLen,
>;
/// The balance deposits are held in.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;
/// A jurisdiction as this runtime takes it.
pub type JurisdictionOf<T> = Jurisdiction<<T as Config>::MaxScopes>;
/// A firewall action as this runtime takes it.
pub type ActionOf<T> = FirewallAction<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// A firewall action as this runtime's calls take it (names bounded in the call).
pub type ActionInputOf<T> = FirewallActionInput<
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
		traits::{fungible, Contains, ValidatorRegistration},
	};
	use frame_system::pallet_prelude::*;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An open motion's deposit, held from its proposer until the motion is executed or
		/// closed.
		MotionDeposit,
	}

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

		/// Calls (anywhere in a call's tree) that remove the signer's session keys, e.g.
		/// `session.purgeKeys`: a governed validator may not make them — it leaves the set by a
		/// chain-wide vote (`remove_validator`), which keeps `MinValidators`.
		type KeyRemovalCalls: Contains<<Self as frame_system::Config>::RuntimeCall>;

		/// The currency motion deposits are held in.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Deposit held from a regulator per open motion it proposed, until the motion is
		/// executed or closed.
		#[pallet::constant]
		type MotionDeposit: Get<BalanceOf<Self>>;

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

		/// Longest pause, in blocks.
		#[pallet::constant]
		type MaxPauseDuration: Get<BlockNumberFor<Self>>;

		/// Most pauses in force at once.
		#[pallet::constant]
		type MaxPauses: Get<u32>;

		/// Most validators.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Blocks after a stakeholder vote overturns an action during which no motion may take
		/// the same action on the same target again.
		#[pallet::constant]
		type CoolOffPeriod: Get<BlockNumberFor<Self>>;

		/// Most open motions one regulator may have proposed at once.
		#[pallet::constant]
		type MaxOpenMotions: Get<u32>;

		/// The rolling window over which regulators' restrictions of one target are totalled:
		/// within any window of this many blocks, motions may keep an account frozen or a record
		/// disputed for at most `MaxFreezeDuration` blocks in all, and a call paused, the chain
		/// in safe mode or a decision held for at most `MaxPauseDuration`, whatever sequence of
		/// motions, renewals and lifts produced it.
		#[pallet::constant]
		type RestrictionWindow: Get<BlockNumberFor<Self>>;

		/// Stakeholder voting's scopes: who a scope's regulators may act on.
		type Scopes: polity_primitives::traits::ScopeMembership<Self::AccountId>;

		/// Data ownership's records: whose records a scope's regulators may dispute.
		type Records: polity_primitives::traits::RecordOwners<Self::AccountId>;

		/// The network's register of licensed nodes.
		type NodeLicences: NodeLicences<Self::AccountId>;

		/// Pauses and safe mode (the runtime's `pallet-tx-pause` and `pallet-safe-mode`).
		type Levers: FirewallLevers<BlockNumberFor<Self>>;

		/// Data ownership's dispute flags, set and cleared by `Dispute` / `ClearDispute`.
		type Disputes: polity_primitives::traits::DisputeFlags<Self::AccountId>;

		/// Stakeholder voting's enactment holds, put and lifted by `HoldEnactment` /
		/// `ReleaseEnactment`.
		type Holds: polity_primitives::traits::EnactmentHold<Self::AccountId, BlockNumberFor<Self>>;

		/// Tells whether an account registered session keys (`pallet-session`).
		type ValidatorRegistration: ValidatorRegistration<Self::AccountId>;

		/// Ends sessions from this pallet's hook at their measured weight (see
		/// [`traits::SessionRotation`]).
		type Sessions: traits::SessionRotation<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: traits::BenchmarkHelper<Self::AccountId>;
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

	/// Nodes that entered the network register through a regulator's licence, and the
	/// regulator holding it. A node licensed otherwise as well (a validator's, by governance)
	/// is not here and stays licensed when the regulator goes.
	#[pallet::storage]
	pub type LicensedBy<T: Config> = StorageMap<_, Blake2_128Concat, PeerIdOf<T>, T::AccountId>;

	/// Open motions by proposer, bounded by `MaxOpenMotions`.
	#[pallet::storage]
	pub type OpenMotions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The restricting action in force on a safe mode, a record or a proposal: an overturn
	/// undoes only the action that is still in force, never a newer one.
	#[pallet::storage]
	pub type InForce<T: Config> =
		StorageMap<_, Blake2_128Concat, ActionTarget<T::AccountId>, ActionId>;

	/// Last block of the safe mode a motion entered, as safe mode reported it then.
	#[pallet::storage]
	pub type SafeModeEnd<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Targets of overturned actions and the last block of their cool-off: until then no motion
	/// may restrict the target again.
	#[pallet::storage]
	pub type CoolOffs<T: Config> =
		StorageMap<_, Blake2_128Concat, ActionTarget<T::AccountId>, BlockNumberFor<T>>;

	/// The spans (first block, last block) during which motions restricted each target,
	/// within the last `RestrictionWindow`: what the per-target cap totals. Spans end early
	/// when the restriction is lifted; spans older than the window are pruned.
	#[pallet::storage]
	pub type RestrictionSpans<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		ActionTarget<T::AccountId>,
		BoundedVec<
			(BlockNumberFor<T>, BlockNumberFor<T>),
			ConstU32<{ crate::MAX_RESTRICTION_SPANS }>,
		>,
		ValueQuery,
	>;

	/// Logged actions by the account they concern, for the audit trail.
	#[pallet::storage]
	pub type ActionsConcerning<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ActionId, ()>;

	/// Pauses in force, by pallet and call name.
	#[pallet::storage]
	pub type Pauses<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, PauseKey, PauseInfo<BlockNumberFor<T>>>;

	/// The earliest last block of the pauses in force: `on_initialize` looks at the pauses only
	/// after it.
	#[pallet::storage]
	pub type NextPauseExpiry<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// The validator set governance decided; `pallet-session` takes it at the next session.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether `Validators` changed since the session last took it.
	#[pallet::storage]
	pub type ValidatorsChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Validators cannot be removed below this many.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Genesis: regulators and the threshold.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Regulators: account, scopes (`None`: the whole chain), licensed peer ids.
		pub regulators: Vec<(T::AccountId, Option<Vec<ScopeId>>, Vec<Vec<u8>>)>,
		/// Approvals a motion needs.
		pub threshold: u32,
		/// The first validators (their session keys are `pallet-session`'s genesis).
		pub validators: Vec<T::AccountId>,
		/// The fewest validators governance may leave.
		pub min_validators: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must not produce a chain: building it fails loudly, once, on the
		// node that builds the spec.
		#[allow(clippy::expect_used)]
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
				// Genesis nodes are licensed by the node register's own genesis.
				Pallet::<T>::insert_regulator(who.clone(), jurisdiction, nodes)
					.expect("invalid genesis regulator");
			}
			Threshold::<T>::put(self.threshold.max(1));
			Validators::<T>::put(
				BoundedVec::try_from(self.validators.clone()).expect("too many genesis validators"),
			);
			MinValidators::<T>::put(self.min_validators.max(1));
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
		/// A stakeholder vote took a firewall action directly, and it was logged.
		ActionTaken {
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
		/// A call, or every call of a pallet, was paused.
		Paused {
			/// The pallet's name.
			pallet: CallName,
			/// The call's name; `None`: the whole pallet.
			call: Option<CallName>,
			/// Last paused block.
			until: BlockNumberFor<T>,
		},
		/// A pause ended: lifted, overturned or expired.
		Unpaused {
			/// The pallet's name.
			pallet: CallName,
			/// The call's name; `None`: the whole pallet.
			call: Option<CallName>,
		},
		/// Governance added a validator; it takes part from the next session change on.
		ValidatorAdded {
			/// The validator.
			who: T::AccountId,
		},
		/// Governance removed a validator; it stops at the next session change.
		ValidatorRemoved {
			/// The former validator.
			who: T::AccountId,
		},
		/// The fewest validators governance may leave changed.
		MinValidatorsSet {
			/// The new floor.
			min: u32,
		},
		/// A chain-wide vote ended (`None`) or shortened the cool-off on a target.
		CoolOffSet {
			/// The target.
			target: ActionTarget<T::AccountId>,
			/// Its new last cooling block, if any.
			until: Option<BlockNumberFor<T>>,
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
		/// The regulator does not cover the motion's jurisdiction.
		OutsideJurisdiction,
		/// The action's target lies outside the motion's jurisdiction: a scope's regulators act
		/// only on the scope's members, their records and the scope's proposals; pauses and safe
		/// mode affect everyone and need a chain-wide motion.
		TargetOutsideJurisdiction,
		/// A stakeholder vote overturned the same action on this target less than
		/// `CoolOffPeriod` ago.
		CoolingOff,
		/// The regulator already has `MaxOpenMotions` open motions.
		TooManyMotions,
		/// A renewal would keep the account frozen longer than `MaxFreezeDuration` without a
		/// break.
		FreezeTooLong,
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
		/// Only restricting actions can be overturned; a relaxing one is undone by a new motion.
		NotOverturnable,
		/// The pause must end after this block and within `MaxPauseDuration`.
		InvalidPause,
		/// The call or pallet is already paused.
		AlreadyPaused,
		/// The call or pallet is not paused.
		NotPaused,
		/// There are `MaxPauses` pauses in force.
		TooManyPauses,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// There are `MaxValidators` validators.
		TooManyValidators,
		/// Removing it would leave fewer than `MinValidators` validators.
		TooFewValidators,
		/// The account has not registered session keys (`session.setKeys`).
		SessionKeysNotSet,
		/// The floor must be at least 1 and at most the current number of validators.
		InvalidMinimum,
		/// No pallet or call has this name.
		UnknownCall,
		/// No more ids.
		Overflow,
		/// Motions already restricted this target for as long as the cap allows within the
		/// rolling `RestrictionWindow` (freezes and disputes `MaxFreezeDuration`, pauses, safe
		/// mode and holds `MaxPauseDuration`), counting every earlier motion, renewal and lift.
		RestrictionCapReached,
		/// Motions restricted this target `MAX_RESTRICTION_SPANS` separate times within the
		/// window.
		TooManyRestrictions,
		/// A cool-off can only be shortened, not lengthened or started.
		InvalidCoolOff,
		/// A reason is longer than `MaxReasonLen` bytes.
		ReasonTooLong,
		/// A pause's pallet or call name is longer than `MAX_CALL_NAME_LEN` bytes.
		CallNameTooLong,
		/// A jurisdiction names more than `MaxScopes` scopes.
		TooManyScopes,
		/// More than `MaxNodes` licensed nodes for one regulator.
		TooManyNodes,
		/// A node's peer id is longer than `MaxPeerIdLen` bytes.
		PeerIdTooLong,
		/// The account is frozen by the regulators: the firewall refuses its transactions, all
		/// but governance's (votes, commitments, reveals, overturn and dismissal proposals). The
		/// name of the transaction pool's `Custom(1)` refusal, which no dispatch returns.
		AccountFrozen,
		/// A validator may not remove its session keys while it is one (the set would lose a
		/// member it counts on). The name of the pool's `Custom(2)` refusal.
		ValidatorKeysRequired,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::expire_pauses(now).saturating_add(Self::end_session(now))
		}

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
			jurisdiction: JurisdictionInput,
			nodes: Vec<Vec<u8>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let jurisdiction = jurisdiction.bounded().ok_or(Error::<T>::TooManyScopes)?;
			let nodes = Self::bounded_nodes(nodes)?;
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
			action: ActionInputOf<T>,
			scope: Option<ScopeId>,
			reason: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let action = action.bounded().ok_or(Error::<T>::CallNameTooLong)?;
			let reason = reason.try_into().map_err(|_| Error::<T>::ReasonTooLong)?;
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

		/// Overturns a logged restricting action — freeze, pause, safe mode, dispute or
		/// enactment hold — undoing it if it is still in force; the log says so.
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

		/// Adds a validator, which must have registered session keys; it starts authoring and
		/// voting on finality at the session change after the next one.
		///
		/// Origin: `GovernanceOrigin`. Emits `ValidatorAdded`.
		#[pallet::call_index(8)]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Removes a validator, never below `MinValidators`.
		///
		/// Origin: `GovernanceOrigin`. Emits `ValidatorRemoved`.
		#[pallet::call_index(9)]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Takes a firewall action directly, without a motion: the stakeholders' own lever, and the
		/// only way to act again on a target whose action they overturned while it cools off.
		/// Checked like a motion's action (`InvalidFreeze`, `AlreadyPaused`, …) and logged with
		/// no regulator; it can be overturned like any other.
		///
		/// Origin: `GovernanceOrigin`. Emits `ActionTaken`.
		#[pallet::call_index(11)]
		pub fn act(
			origin: OriginFor<T>,
			action: ActionInputOf<T>,
			reason: Vec<u8>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let action = action.bounded().ok_or(Error::<T>::CallNameTooLong)?;
			let reason = reason.try_into().map_err(|_| Error::<T>::ReasonTooLong)?;
			Self::do_act(action, reason)
		}

		/// Sets the fewest validators governance may leave.
		///
		/// Origin: `GovernanceOrigin`. Emits `MinValidatorsSet`.
		#[pallet::call_index(10)]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_min_validators(min)
		}

		/// Shortens the cool-off on `target` to end after block `until`, or ends it (`None`):
		/// only a chain-wide vote may let regulators restrict again a target whose restriction
		/// the stakeholders overturned.
		///
		/// Origin: `GovernanceOrigin`. Emits `CoolOffSet`.
		#[pallet::call_index(12)]
		pub fn shorten_cool_off(
			origin: OriginFor<T>,
			target: ActionTargetInput<T::AccountId>,
			until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let target = target.bounded().ok_or(Error::<T>::CallNameTooLong)?;
			Self::do_shorten_cool_off(target, until)
		}
	}
}
