//! # Stakeholder voting
//!
//! Issue-scoped, stake-aware voting whose passed decisions execute on-chain.
//!
//! ## Overview
//!
//! A **scope** is a matter of common concern ("national", "district-7-water", ...). Its
//! **stakeholders** are accounts of one of three equal **sectors** — government, market and
//! community — each with a **stake** in that scope. Stakeholders of a scope propose and vote on
//! the scope's matters only: people vote on what affects them and are spared what does not.
//!
//! Each scope has a voting rule: a weighting (`Headcount`, capped `Stake`, `Quadratic`, or a
//! `Hybrid` of headcount and stake — everyone represented, most at stake most power), an approval
//! threshold, a turnout quorum over the electorate fixed at submission, and optionally **sector
//! balance**: every sector with members must approve by its own majority.
//!
//! Proposals close by themselves at the end of their voting period (bounded work per block) or
//! by anyone's `close` once due. A passed proposal's call is dispatched with the origin
//! [`Origin::Stakeholders`] carrying its scope, and the outcome (`Enacted` / `EnactmentFailed`)
//! is stored in the proposal record.
//!
//! ## Design
//!
//! - Every vote updates a per-sector running tally in O(1); closing reads only the tally.
//! - Scope totals per sector (headcount, stake) are kept on every admission, stake change,
//!   suspension and removal, so nothing iterates over stakeholders.
//! - The electorate of a proposal is its scope's totals at submission; members admitted at or
//!   after that block do not vote on it.
//! - Votes of ended proposals are reaped in bounded pages after a retention period.

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

mod attestations;
mod closing;
mod delegation;
mod deposits;
mod events;
mod holds;
pub mod migrations;
mod origins;
mod proposals;
pub mod queries;
mod safeguards;
mod scopes;
mod secret_ballots;
mod stakeholders;
mod storage;
pub mod tally;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod views;
mod voting;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origins::{EnsureStakeholders, EnsureStakeholdersOf};
pub use pallet::*;
pub use tally::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_support::pallet_macros::import_section, frame_system};

/// The balance type of the deposit currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// A scope as this runtime stores it.
pub type ScopeInfoOf<T> =
	ScopeInfo<frame_system::pallet_prelude::BlockNumberFor<T>, <T as Config>::MaxNameLen>;
/// A stakeholder as this runtime stores it.
pub type StakeholderInfoOf<T> = StakeholderInfo<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxScopesPerStakeholder,
>;
/// A delegation as this runtime stores it.
pub type DelegationOf<T> = Delegation<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// An attestation as this runtime stores it.
pub type AttestationOf<T> = Attestation<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// A proposal as this runtime stores it.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxTitleLen,
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
#[import_section(storage::storage)]
#[import_section(events::events)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{fungible, Contains, EnsureOrigin, EnsureOriginWithArg, QueryPreimage},
	};
	use frame_system::pallet_prelude::*;
	#[cfg(feature = "try-runtime")]
	use polkadot_sdk::sp_runtime;
	use polkadot_sdk::sp_runtime::traits::BlakeTwo256;
	use polkadot_sdk::sp_runtime::traits::Dispatchable;
	use polkadot_sdk::{sp_arithmetic::Perbill, sp_core::H256};

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<
		RuntimeEvent: From<Event<Self>>,
		RuntimeOrigin: From<Origin>,
	>
	{
		/// The call a proposal may carry, dispatched when it passes.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The currency deposits are held in.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Creates and configures scopes.
		type ScopeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Admits stakeholders to a scope, changes their stake, removes them from it, and
		/// decides applications to it. Given the scope; for suspension and removal of a
		/// stakeholder altogether, the chain-wide scope.
		type AdmitOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ScopeId>;

		/// Cancels a proposal for abuse, slashing its deposit.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May dispatch a call as root through `dispatch_as_root`: in Polity, a passed proposal
		/// of the chain-wide scope. This is how the whole chain's stakeholders authorize runtime
		/// upgrades and anything else only root may do.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit held from a proposer until the proposal ends.
		#[pallet::constant]
		type ProposalDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from an applicant until the application is decided.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from a member per delegation offer and per accepted delegation it
		/// makes, until the offer or delegation ends.
		#[pallet::constant]
		type DelegationDeposit: Get<BalanceOf<Self>>;

		/// Longest scope name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Longest proposal title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// Longest SCALE-encoded proposal call, in bytes.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// Heaviest call a proposal may carry; closing reserves this much.
		#[pallet::constant]
		type MaxEnactmentWeight: Get<Weight>;

		/// Most scopes one stakeholder may belong to.
		#[pallet::constant]
		type MaxScopesPerStakeholder: Get<u32>;

		/// Most proposals that may end in one block.
		#[pallet::constant]
		type MaxProposalsEndingPerBlock: Get<u32>;

		/// Most proposals closed automatically in one block; the rest close in the next blocks.
		#[pallet::constant]
		type MaxAutoClosesPerBlock: Get<u32>;

		/// Shortest voting period a rule may set.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Longest voting period a rule may set.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after a proposal ends before its votes may be reaped.
		#[pallet::constant]
		type VoteRetention: Get<BlockNumberFor<Self>>;

		/// Longest hold regulators may put on a proposal's enactment, from when they place it.
		#[pallet::constant]
		type MaxEnactmentHold: Get<BlockNumberFor<Self>>;

		/// Calls whose proposals regulators may never hold: those that overturn a firewall
		/// action or dismiss a regulator, so no regulator can delay the vote against them.
		type Unholdable: Contains<<Self as Config>::RuntimeCall>;

		/// Root-level decisions: calls whose proposals are held to `RootSafeguards` as well as
		/// their scope's (in Polity, `dispatch_as_root`: upgrades, validator and regulator
		/// changes).
		type RootLevel: Contains<<Self as Config>::RuntimeCall>;

		/// Calls no passed vote may dispatch as root, directly or nested (in Polity: sudo's, so
		/// no vote hands anyone a superuser key). Refused at `propose` and at dispatch.
		type NotForRoot: Contains<<Self as Config>::RuntimeCall>;

		/// Passed calls enacted without waiting out their enactment delay: those that overturn
		/// or cancel (in Polity: what regulators can never hold, and `cancel`).
		type Undelayed: Contains<<Self as Config>::RuntimeCall>;

		/// Call trees a proposal may carry: in Polity, at most 8 wrappers deep and 64 calls in
		/// all, so every rule that walks a call's tree has a bounded cost. Others are refused at
		/// `propose` with `CallTooComplex`.
		type BoundedCallTree: Contains<<Self as Config>::RuntimeCall>;

		/// Most ongoing proposals one proposer may have, over all scopes.
		#[pallet::constant]
		type MaxOpenProposalsPerProposer: Get<u32>;

		/// Most ongoing proposals one scope may have; the chain-wide scope has no such cap, so a
		/// chain-wide proposal (the one that can suspend a spammer) is always possible.
		#[pallet::constant]
		type MaxOpenProposalsPerScope: Get<u32>;

		/// Part of the deposit burned when a proposal fails its quorum: spam costs something.
		#[pallet::constant]
		type QuorumFailureSlash: Get<Perbill>;

		/// Blocks between attempts to enact a passed call that a pause or safe mode blocked.
		#[pallet::constant]
		type EnactmentRetryPeriod: Get<BlockNumberFor<Self>>;

		/// Where proposal descriptions are noted (the preimage pallet): a description noted
		/// under its hash before `propose` is pinned there for the proposal's life and shown with
		/// it.
		type Preimages: QueryPreimage<H = BlakeTwo256>;

		/// Longest description, in bytes, that queries return with a proposal.
		#[pallet::constant]
		type MaxDescriptionLen: Get<u32>;

		/// Most members who may delegate to one delegate in one scope: a delegate's vote casts
		/// theirs too, so this bounds its cost.
		#[pallet::constant]
		type MaxDelegators: Get<u32>;

		/// Most registrars one scope may have.
		#[pallet::constant]
		type MaxRegistrarsPerScope: Get<u32>;

		/// The most stake a registrar may attest in any scope; a scope may set a lower cap
		/// (`set_stake_cap`).
		#[pallet::constant]
		type MaxAttestedStake: Get<Stake>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The origin a passed proposal's call is dispatched with.
	#[pallet::origin]
	#[derive(
		PartialEq,
		Eq,
		Clone,
		core::fmt::Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum Origin {
		/// The stakeholders of `scope` decided it by a passed vote.
		Stakeholders {
			/// The scope that decided.
			scope: ScopeId,
		},
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A proposal's deposit.
		ProposalDeposit,
		/// A stakeholder application's deposit.
		ApplicationDeposit,
		/// A delegation offer's or an accepted delegation's deposit.
		DelegationDeposit,
	}

	/// Genesis: scopes (the first is the chain-wide scope) and stakeholders.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Scopes to create, in id order: name and rule.
		pub scopes: Vec<(Vec<u8>, VotingRule<BlockNumberFor<T>>)>,
		/// Stakeholders to admit: account, sector, and (scope, stake) memberships.
		pub stakeholders: Vec<(T::AccountId, Sector, Vec<(ScopeId, Stake)>)>,
		/// Safeguards of root-level decisions.
		pub root_safeguards: Safeguards<BlockNumberFor<T>>,
		/// Safeguards per scope.
		pub scope_safeguards: Vec<(ScopeId, Safeguards<BlockNumberFor<T>>)>,
		/// Policies per scope.
		pub policies: Vec<(ScopeId, ScopePolicy<BlockNumberFor<T>>)>,
		/// Registrars per scope.
		pub registrars: Vec<(ScopeId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must not produce a chain: building it fails loudly, once, on the
		// node that builds the spec.
		#[allow(clippy::expect_used)]
		fn build(&self) {
			for (name, rule) in &self.scopes {
				let name = BoundedVec::try_from(name.clone()).expect("genesis scope name too long");
				Pallet::<T>::do_create_scope(name, *rule).expect("invalid genesis scope");
			}
			for (who, sector, memberships) in &self.stakeholders {
				for (scope, stake) in memberships {
					Pallet::<T>::do_admit(who, *sector, *scope, *stake)
						.expect("invalid genesis stakeholder");
				}
			}
			Pallet::<T>::do_set_safeguards(None, self.root_safeguards)
				.expect("invalid genesis root safeguards");
			for (scope, safeguards) in &self.scope_safeguards {
				Pallet::<T>::do_set_safeguards(Some(*scope), *safeguards)
					.expect("invalid genesis scope safeguards");
			}
			for (scope, policy) in &self.policies {
				Pallet::<T>::do_set_policy(*scope, *policy).expect("invalid genesis policy");
			}
			for (scope, registrar) in &self.registrars {
				Pallet::<T>::do_add_registrar(*scope, registrar.clone())
					.expect("invalid genesis registrar");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::close_due(now)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxAutoClosesPerBlock::get() > 0, "proposals must be able to close");
			assert!(T::MinVotingPeriod::get() > Zero::zero(), "voting needs at least one block");
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get());
		}
	}

	// Calls with an explicit weight add, on top of the benchmarked one, the storage accesses of
	// the checks and balances added since the weights were last measured on this machine
	// (open-proposal counts, the spill of a full close queue, stake and status changes).
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Creates a scope with a name and default voting rule.
		///
		/// Origin: `ScopeOrigin`. Emits `ScopeCreated`.
		#[pallet::call_index(0)]
		pub fn create_scope(
			origin: OriginFor<T>,
			name: Vec<u8>,
			rule: VotingRule<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			let name = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			Self::do_create_scope(name, rule).map(|_| ())
		}

		/// Changes a scope's voting rule; proposals already submitted keep the rule they had.
		///
		/// Origin: `ScopeOrigin`. Emits `RuleChanged`.
		#[pallet::call_index(1)]
		pub fn set_rule(
			origin: OriginFor<T>,
			scope: ScopeId,
			rule: VotingRule<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_set_rule(scope, rule)
		}

		/// Admits `who` to `scope` with `stake`, as a stakeholder of `sector`, without an
		/// application of its own.
		///
		/// A new stakeholder takes `sector`; an existing one must be of that sector already.
		/// Origin: `ScopeOrigin` (in Polity a chain-wide vote under the root safeguards): no
		/// scope's own vote enrols anyone who did not ask — a scope admits by approving an
		/// application (`apply`) or an attested `join`. Emits `Admitted`.
		#[pallet::call_index(2)]
		pub fn admit(
			origin: OriginFor<T>,
			who: T::AccountId,
			sector: Sector,
			scope: ScopeId,
			stake: Stake,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_admit(&who, sector, scope, stake)
		}

		/// Sets a stakeholder's stake in a scope.
		///
		/// Origin: `ScopeOrigin` (in Polity the chain-wide scope): a scope's own vote cannot
		/// dilute or shrink a member's weight. Emits `StakeChanged`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::set_stake())]
		pub fn set_stake(
			origin: OriginFor<T>,
			who: T::AccountId,
			scope: ScopeId,
			stake: Stake,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_set_stake(&who, scope, stake)
		}

		/// Removes a stakeholder from one scope; with no scope left it stops being a stakeholder.
		/// Its delegation there, and delegations to it, end.
		///
		/// Origin: `ScopeOrigin` (in Polity the chain-wide scope): a scope's own majority cannot
		/// expel its minority. Emits `LeftScope`.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_from_scope())]
		pub fn remove_from_scope(
			origin: OriginFor<T>,
			who: T::AccountId,
			scope: ScopeId,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_remove_from_scope(&who, scope)
		}

		/// Suspends a stakeholder: it neither votes nor proposes and leaves every scope's totals.
		///
		/// Origin: `AdmitOrigin` for the chain-wide scope. Emits `Suspended`.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin, &CHAIN_WIDE_SCOPE)?;
			Self::do_suspend(&who)
		}

		/// Resumes a suspended stakeholder.
		///
		/// Origin: `AdmitOrigin` for the chain-wide scope. Emits `Resumed`.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin, &CHAIN_WIDE_SCOPE)?;
			Self::do_resume(&who)
		}

		/// Removes a stakeholder from every scope, ending its delegations and those to it.
		///
		/// Origin: `AdmitOrigin` for the chain-wide scope. Emits `Removed`.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::remove())]
		pub fn remove(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmitOrigin::ensure_origin(origin, &CHAIN_WIDE_SCOPE)?;
			Self::do_remove(&who)
		}

		/// Applies to become a stakeholder of `scope`, holding `ApplicationDeposit`.
		///
		/// Origin: signed. Emits `Applied`.
		#[pallet::call_index(8)]
		pub fn apply(
			origin: OriginFor<T>,
			sector: Sector,
			scope: ScopeId,
			stake: Stake,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(&who, sector, scope, stake)
		}

		/// Approves an application, admitting the applicant with `stake` (which may differ from
		/// the claimed one) and releasing its deposit.
		///
		/// Origin: `AdmitOrigin` for the scope applied to. Emits `Admitted`.
		#[pallet::call_index(9)]
		pub fn approve_application(
			origin: OriginFor<T>,
			who: T::AccountId,
			stake: Stake,
		) -> DispatchResult {
			let scope = Self::application_scope(&who)?;
			T::AdmitOrigin::ensure_origin(origin, &scope)?;
			Self::do_approve_application(&who, stake)
		}

		/// Rejects an application; `slash` burns its deposit (for abusive applications),
		/// otherwise it is released.
		///
		/// Origin: `AdmitOrigin` for the scope applied to. Emits `ApplicationRejected`.
		#[pallet::call_index(10)]
		pub fn reject_application(
			origin: OriginFor<T>,
			who: T::AccountId,
			slash: bool,
		) -> DispatchResult {
			let scope = Self::application_scope(&who)?;
			T::AdmitOrigin::ensure_origin(origin, &scope)?;
			Self::do_reject_application(&who, slash)
		}

		/// Withdraws the caller's pending application, releasing its deposit.
		///
		/// Origin: signed. Emits `ApplicationWithdrawn`.
		#[pallet::call_index(11)]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_application(&who)
		}

		/// Proposes in `scope`: a title, the hash of the full description, and optionally a call
		/// to dispatch if it passes. Holds `ProposalDeposit`; the electorate is the scope's
		/// active stakeholders as of this block. Voting ends `voting_period` blocks later, or at
		/// the first block after that with room in its close queue. A proposer may have at most
		/// `MaxOpenProposalsPerProposer` ongoing proposals, a scope other than the chain-wide one
		/// at most `MaxOpenProposalsPerScope`; a call that would not decode at enactment is
		/// refused (`CallUndecodable`).
		///
		/// Origin: signed, an active stakeholder of `scope`. Emits `Proposed`.
		#[pallet::call_index(12)]
		#[pallet::weight(<T as Config>::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			scope: ScopeId,
			title: Vec<u8>,
			description_hash: H256,
			call: Option<Box<<T as Config>::RuntimeCall>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let title = title.try_into().map_err(|_| Error::<T>::TitleTooLong)?;
			Self::do_propose(who, scope, title, description_hash, call.map(|c| *c)).map(|_| ())
		}

		/// Casts or changes a vote on an ongoing proposal (not a secret ballot).
		///
		/// The vote is cast too for every member who delegates to the caller in the proposal's
		/// scope, is in the proposal's electorate and has not voted itself; each such vote weighs
		/// its delegator's own stake and counts in its delegator's sector.
		///
		/// A member's first vote on a proposal it may vote on is free of fees (with the
		/// runtime's `SkipCheckIfFeeless` extension); changing it pays the normal fee. A
		/// stakeholder needs no balance to vote: admission keeps the account alive.
		///
		/// Origin: signed, an active stakeholder of the proposal's scope who was a member before
		/// it was submitted. Emits `Voted`.
		#[pallet::call_index(13)]
		#[pallet::feeless_if(|origin: &OriginFor<T>, index: &ProposalIndex, _choice: &VoteChoice| -> bool {
			Pallet::<T>::is_free_vote(origin, *index)
		})]
		// Operational: votes use the share of every block that ordinary traffic cannot fill.
		#[pallet::weight((<T as Config>::WeightInfo::vote(T::MaxDelegators::get()), DispatchClass::Operational))]
		pub fn vote(
			origin: OriginFor<T>,
			index: ProposalIndex,
			choice: VoteChoice,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let delegators = Self::do_vote(&who, index, choice)?;
			Ok(Some(<T as Config>::WeightInfo::vote(delegators)).into())
		}

		/// Closes a proposal whose voting period has ended, enacting its call if it passed.
		///
		/// Origin: signed, anyone. Emits `Approved` (and `Enacted`) or `Rejected`.
		#[pallet::call_index(14)]
		#[pallet::weight(
			<T as Config>::WeightInfo::close().saturating_add(T::MaxEnactmentWeight::get())
		)]
		pub fn close(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let call_weight = Self::do_close_due(index)?;
			Ok(Some(<T as Config>::WeightInfo::close().saturating_add(call_weight)).into())
		}

		/// Withdraws a proposal before anyone voted on it, releasing the deposit.
		///
		/// Origin: signed, the proposer. Emits `Withdrawn`.
		#[pallet::call_index(15)]
		pub fn withdraw(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, index)
		}

		/// Cancels an ongoing proposal for abuse, slashing the deposit; or a passed one during
		/// its enactment delay, so that its call never runs (in Polity: by a chain-wide vote,
		/// which is itself never delayed).
		///
		/// Origin: `CancelOrigin`. Emits `Cancelled`.
		#[pallet::call_index(16)]
		pub fn cancel(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(index)
		}

		/// Removes up to `limit` votes of a proposal that ended more than `VoteRetention`
		/// blocks ago. The proposal record with its final tally stays.
		///
		/// Origin: signed, anyone. Emits `VotesReaped`.
		#[pallet::call_index(17)]
		#[pallet::weight(<T as Config>::WeightInfo::reap_votes(*limit))]
		pub fn reap_votes(
			origin: OriginFor<T>,
			index: ProposalIndex,
			limit: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let removed = Self::do_reap_votes(index, limit)?;
			Ok(Some(<T as Config>::WeightInfo::reap_votes(removed)).into())
		}

		/// Dispatches `call` as root. For a runtime upgrade, a passed proposal dispatches
		/// `system.authorize_upgrade(code_hash)` through here; anyone then submits the code
		/// with `system.apply_authorized_upgrade`.
		///
		/// Origin: `RootOrigin`. Emits `DispatchedAsRoot`.
		#[pallet::call_index(18)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(
				<T as Config>::WeightInfo::dispatch_as_root().saturating_add(info.call_weight),
				info.class,
			)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			Self::do_dispatch_as_root(*call)
		}

		/// Sets the safeguards of `scope`'s proposals, or with `None` those of root-level
		/// decisions (added to their scope's). Proposals already submitted keep theirs. A
		/// scope's own vote cannot lower them: only the chain-wide scope sets them.
		///
		/// Origin: `ScopeOrigin`. Emits `SafeguardsSet`.
		#[pallet::call_index(19)]
		pub fn set_safeguards(
			origin: OriginFor<T>,
			scope: Option<ScopeId>,
			safeguards: Safeguards<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_set_safeguards(scope, safeguards)
		}

		/// Offers to delegate the caller's vote in `scope` to `delegate`, another member of it,
		/// until `expires` (or until undelegated). It counts only once `delegate` accepts it
		/// (`accept_delegation`); it then replaces an earlier delegation there. The delegate's
		/// votes cast or changed from then on are cast for the caller too, on proposals the
		/// caller has not voted on itself; a vote of the caller's own overrides the delegation for
		/// that proposal only. One step only: a delegate may not delegate, nor a delegator be
		/// delegated to, in the same scope. Secret ballots are never delegated.
		///
		/// Origin: signed, a member of `scope`. Emits `DelegationOffered`.
		#[pallet::call_index(20)]
		pub fn delegate(
			origin: OriginFor<T>,
			scope: ScopeId,
			delegate: T::AccountId,
			expires: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_delegation(&who, scope, delegate, expires)
		}

		/// Ends the caller's delegation in `scope` and withdraws its pending offer there.
		/// Delegated votes already cast stay until the caller votes itself.
		///
		/// Origin: signed. Emits `Undelegated` and/or `DelegationOfferEnded`.
		#[pallet::call_index(21)]
		pub fn undelegate(origin: OriginFor<T>, scope: ScopeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate_or_withdraw(&who, scope)
		}

		/// Sets a scope's policy: secret ballots (with their reveal period) and admission by
		/// attestation. Proposals already submitted keep their ballot.
		///
		/// Origin: `ScopeOrigin`. Emits `PolicySet`.
		#[pallet::call_index(22)]
		pub fn set_policy(
			origin: OriginFor<T>,
			scope: ScopeId,
			policy: ScopePolicy<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_set_policy(scope, policy)
		}

		/// Commits to a secret vote on a secret-ballot proposal during its voting period:
		/// `commitment` is [`commitment_of`]`(index, caller, choice, salt)`. Committing again
		/// replaces the commitment. Nobody can read the choice until it is revealed.
		///
		/// The first commitment is free of fees, as a first vote is. Origin: signed, a member of
		/// the proposal's electorate. Emits `VoteCommitted`.
		#[pallet::call_index(23)]
		#[pallet::feeless_if(|origin: &OriginFor<T>, index: &ProposalIndex, _commitment: &H256| -> bool {
			Pallet::<T>::is_free_commitment(origin, *index)
		})]
		#[pallet::weight((<T as Config>::WeightInfo::commit_vote(), DispatchClass::Operational))]
		pub fn commit_vote(
			origin: OriginFor<T>,
			index: ProposalIndex,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_vote(&who, index, commitment)
		}

		/// Reveals a committed secret vote during the reveal phase (from the end of voting to
		/// the proposal's close); the vote is counted then. A commitment never revealed counts
		/// as absent: neither for nor against, and not toward the quorum.
		///
		/// Free of fees while the caller has an unrevealed commitment. Origin: signed, the
		/// committer. Emits `VoteRevealed`.
		#[pallet::call_index(24)]
		#[pallet::feeless_if(|origin: &OriginFor<T>, index: &ProposalIndex, choice: &VoteChoice, salt: &[u8; 32]| -> bool {
			Pallet::<T>::is_free_reveal(origin, *index, *choice, salt)
		})]
		#[pallet::weight((<T as Config>::WeightInfo::reveal_vote(), DispatchClass::Operational))]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			index: ProposalIndex,
			choice: VoteChoice,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_vote(&who, index, choice, salt)
		}

		/// Appoints `registrar` for `scope`: it may attest people's sector and stake there.
		///
		/// Origin: `ScopeOrigin` (in Polity a chain-wide vote). Emits `RegistrarAdded`.
		#[pallet::call_index(25)]
		pub fn add_registrar(
			origin: OriginFor<T>,
			scope: ScopeId,
			registrar: T::AccountId,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_add_registrar(scope, registrar)
		}

		/// Dismisses a registrar of `scope`; its attestations stay until revoked or expired.
		///
		/// Origin: `ScopeOrigin`. Emits `RegistrarRemoved`.
		#[pallet::call_index(26)]
		pub fn remove_registrar(
			origin: OriginFor<T>,
			scope: ScopeId,
			registrar: T::AccountId,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_remove_registrar(scope, registrar)
		}

		/// Attests that `who` is `person`, of `sector`, with `stake` in `scope`, on the evidence
		/// hashed in `evidence`, until `expires`. Replaces `who`'s earlier attestation there.
		///
		/// Origin: signed, a registrar of `scope`. Emits `Attested`.
		#[pallet::call_index(27)]
		#[allow(clippy::too_many_arguments)]
		pub fn attest(
			origin: OriginFor<T>,
			scope: ScopeId,
			who: T::AccountId,
			person: H256,
			sector: Sector,
			stake: Stake,
			evidence: H256,
			expires: BlockNumberFor<T>,
		) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			Self::do_attest(
				registrar,
				scope,
				who,
				crate::attestations::Claim { person, sector, stake, evidence, expires },
			)
		}

		/// Revokes `who`'s attestation in `scope`, which only the registrar who made it may do.
		/// In a scope that requires attestations the membership it stood behind ends with it
		/// (`LeftScope`), so the person is never a member through two accounts.
		///
		/// Origin: signed, the registrar of the attestation. Emits `AttestationRevoked`.
		#[pallet::call_index(28)]
		#[pallet::weight(<T as Config>::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			scope: ScopeId,
			who: T::AccountId,
		) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			Self::do_revoke_attestation(&registrar, scope, &who)
		}

		/// Joins `scope` with the caller's valid attestation: admitted with the attested sector
		/// and stake, no vote needed.
		///
		/// Origin: signed, attested in `scope`. Emits `Admitted`.
		#[pallet::call_index(29)]
		pub fn join(origin: OriginFor<T>, scope: ScopeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_join(&who, scope)
		}

		/// Removes from a scope that requires attestations a member whose attestation expired
		/// or was revoked.
		///
		/// Origin: signed, anyone. Emits `LeftScope`.
		#[pallet::call_index(30)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_unattested())]
		pub fn remove_unattested(
			origin: OriginFor<T>,
			scope: ScopeId,
			who: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_unattested(scope, &who)
		}

		/// Leaves `scope` of one's own accord: the caller no longer votes or proposes there,
		/// its delegation there and delegations to it end, and its application-free
		/// account reference goes with its last scope. Leaving the chain-wide scope gives up a
		/// say in chain-wide decisions (and being a regulator's chain-wide subject stays: the
		/// chain-wide scope is the whole chain). Votes already cast stay counted.
		///
		/// Origin: signed, a member of `scope`. Emits `LeftScope`.
		#[pallet::call_index(31)]
		#[pallet::weight(<T as Config>::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, scope: ScopeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_from_scope(&who, scope)
		}

		/// Accepts `delegator`'s offer to delegate its vote in `scope` to the caller: from now on
		/// the caller's votes there are cast for it too. Checked again as when offered
		/// (membership, expiry, one step only) and against `MaxDelegators`.
		///
		/// Origin: signed, the delegate the offer names. Emits `Delegated`.
		#[pallet::call_index(32)]
		pub fn accept_delegation(
			origin: OriginFor<T>,
			scope: ScopeId,
			delegator: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_delegation(&who, scope, delegator)
		}

		/// Caps the stake registrars may attest in `scope` (`None`: `MaxAttestedStake`). A
		/// cap above `MaxAttestedStake`, or of zero, is `InvalidPolicy`. Attestations already
		/// made keep their stake until renewed.
		///
		/// Origin: `ScopeOrigin`. Emits `StakeCapSet`.
		#[pallet::call_index(34)]
		pub fn set_stake_cap(
			origin: OriginFor<T>,
			scope: ScopeId,
			cap: Option<Stake>,
		) -> DispatchResult {
			T::ScopeOrigin::ensure_origin(origin)?;
			Self::do_set_stake_cap(scope, cap)
		}

		/// Refuses `delegator`'s pending offer to the caller in `scope`, or ends its accepted
		/// delegation to the caller: nobody stays someone's delegate against its will.
		///
		/// Origin: signed, the delegate. Emits `DelegationOfferEnded` or `Undelegated`.
		#[pallet::call_index(33)]
		pub fn reject_delegation(
			origin: OriginFor<T>,
			scope: ScopeId,
			delegator: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_delegation(&who, scope, delegator)
		}
	}
}
