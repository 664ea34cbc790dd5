//! Stakeholder voting: scopes, stakeholders, proposals and who may decide what.

use crate::{
	AccountId, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, DAYS,
	HOURS, MILLI_UNIT, UNIT,
};
use pallet_stakeholder_voting::{
	EnsureStakeholders, EnsureStakeholdersOf, ScopeId, CHAIN_WIDE_SCOPE,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, Contains,
			EitherOfDiverse, LinearStoragePrice,
		},
		weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
	},
	frame_system::EnsureRoot,
	pallet_preimage,
	sp_runtime::Perbill,
};

parameter_types! {
	/// A noted description (or any preimage) holds 0.1 POL plus 1 mPOL per byte until its noter
	/// takes it back.
	pub const PreimageBaseDeposit: crate::Balance = 100 * MILLI_UNIT;
	pub const PreimageByteDeposit: crate::Balance = MILLI_UNIT;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// Descriptions up to 16 KiB are shown with their proposal.
	pub const MaxDescriptionLen: u32 = 16 * 1024;
	pub const ChainWideScope: ScopeId = CHAIN_WIDE_SCOPE;
	pub const ProposalDeposit: crate::Balance = 10 * UNIT;
	pub const ApplicationDeposit: crate::Balance = UNIT;
	/// A passed proposal's call may use up to 100 ms of the block; with at most four closes per
	/// block that bounds enactment to a fifth of the block.
	pub MaxEnactmentWeight: Weight = Weight::from_parts(100 * WEIGHT_REF_TIME_PER_MILLIS, 1024 * 1024);
	pub const MinVotingPeriod: BlockNumber = 2;
	pub const MaxVotingPeriod: BlockNumber = 90 * DAYS;
	pub const VoteRetention: BlockNumber = 30 * DAYS;
	/// Regulators may hold a passed proposal's enactment for review for at most a week, all
	/// renewals included.
	pub const MaxEnactmentHold: BlockNumber = 7 * DAYS;
	/// A proposal failing its quorum loses a tenth of its deposit.
	pub const QuorumFailureSlash: Perbill = Perbill::from_percent(10);
	/// A passed call blocked by a pause or safe mode is tried again every hour, for up to a
	/// week (safe mode lasts a day, a pause at most a week).
	pub const EnactmentRetryPeriod: BlockNumber = HOURS;
}

/// Proposals regulators can never hold: those overturning a firewall action, relaxing one
/// directly or dismissing a regulator, directly or dispatched as root.
pub struct Unholdable;
impl Contains<RuntimeCall> for Unholdable {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::RegulatoryNodes(
				pallet_regulatory_nodes::Call::overturn { .. }
				| pallet_regulatory_nodes::Call::dismiss { .. },
			) => true,
			// A vote relaxing the firewall directly (an unfreeze, say) is an overturn too.
			RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::act { action, .. }) => {
				!action.restricts()
			},
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
				call,
			}) => Self::contains(call),
			_ => false,
		}
	}
}

/// Passed calls enacted without waiting out an enactment delay: what regulators can never
/// hold (an overturn, a dismissal) and the cancellation of a decision in its delay — directly
/// or dispatched as root.
pub struct Undelayed;
impl Contains<RuntimeCall> for Undelayed {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::cancel { .. }) => true,
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
				call,
			}) => Self::contains(call),
			_ => Unholdable::contains(call),
		}
	}
}

/// What no passed vote may dispatch as root: sudo's calls, so a vote can never hand anyone a
/// superuser key (root may `sudo.set_key`). With no key in any non-dev preset and sudo out of
/// safe mode's whitelist, sudo has no power outside `--dev`.
pub struct NotForRoot;
impl Contains<RuntimeCall> for NotForRoot {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Sudo(_)) || any_nested(call, Self::contains)
	}
}

/// Whether any call that `call` dispatches in turn — through `dispatch_as_root` or a utility
/// batch or wrapper — satisfies `check`.
fn any_nested(call: &RuntimeCall, check: fn(&RuntimeCall) -> bool) -> bool {
	use polkadot_sdk::pallet_utility::Call as Utility;
	match call {
		RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
			call,
		}) => check(call),
		RuntimeCall::Utility(
			Utility::batch { calls }
			| Utility::batch_all { calls }
			| Utility::force_batch { calls },
		) => calls.iter().any(check),
		RuntimeCall::Utility(
			Utility::as_derivative { call, .. }
			| Utility::dispatch_as { call, .. }
			| Utility::with_weight { call, .. }
			| Utility::dispatch_as_fallible { call, .. },
		) => check(call),
		RuntimeCall::Utility(Utility::if_else { main, fallback }) => check(main) || check(fallback),
		_ => false,
	}
}

/// Root-level decisions, held to the root safeguards (`RootSafeguards`) on top of their
/// scope's: whatever changes who runs the chain or what it is — a runtime upgrade or anything
/// else through `dispatch_as_root`, validators and their minimum, regulators and their
/// threshold, the licensed-node register, sudo, the safeguards themselves, and who verifies
/// and how scopes vote (registrars, scope policies) — directly or inside a batch.
pub struct RootLevel;
impl Contains<RuntimeCall> for RootLevel {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_regulatory_nodes::Call as Regulators;
		use pallet_stakeholder_voting::Call as Voting;
		matches!(
			call,
			RuntimeCall::StakeholderVoting(
				Voting::dispatch_as_root { .. }
					| Voting::set_safeguards { .. }
					| Voting::set_policy { .. }
					| Voting::add_registrar { .. }
					| Voting::remove_registrar { .. },
			) | RuntimeCall::RegulatoryNodes(
				Regulators::appoint { .. }
					| Regulators::dismiss { .. }
					| Regulators::set_threshold { .. }
					| Regulators::add_validator { .. }
					| Regulators::remove_validator { .. }
					| Regulators::set_min_validators { .. },
			) | RuntimeCall::NodeAuthorization(_)
				| RuntimeCall::Sudo(_)
				| RuntimeCall::System(_)
		) || any_nested(call, Self::contains)
	}
}

/// A passed vote of the chain-wide scope — or root, which only `--dev` has (through sudo).
pub type ChainWideOrRoot =
	EitherOfDiverse<EnsureRoot<AccountId>, EnsureStakeholders<ChainWideScope>>;

impl pallet_stakeholder_voting::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ScopeOrigin = ChainWideOrRoot;
	// A scope admits its own members; the chain-wide scope (or root) admits to any scope.
	// Expelling a member or changing a stake takes `ScopeOrigin`: a scope's own majority
	// cannot silence its minority.
	type AdmitOrigin =
		EitherOfDiverse<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, EnsureStakeholdersOf>;
	type CancelOrigin = ChainWideOrRoot;
	// Root needs no bridge to itself: only the chain-wide scope's passed votes use it.
	type RootOrigin = EnsureStakeholders<ChainWideScope>;
	type ProposalDeposit = ProposalDeposit;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxTitleLen = ConstU32<128>;
	type MaxCallLen = ConstU32<2048>;
	type MaxEnactmentWeight = MaxEnactmentWeight;
	type MaxScopesPerStakeholder = ConstU32<16>;
	type MaxProposalsEndingPerBlock = ConstU32<16>;
	type MaxAutoClosesPerBlock = ConstU32<4>;
	type MinVotingPeriod = MinVotingPeriod;
	type MaxVotingPeriod = MaxVotingPeriod;
	type VoteRetention = VoteRetention;
	type MaxEnactmentHold = MaxEnactmentHold;
	type Unholdable = Unholdable;
	type RootLevel = RootLevel;
	type Undelayed = Undelayed;
	type NotForRoot = NotForRoot;
	// Every stakeholder may have a few proposals open; a scope at most one close queue's worth
	// (the chain-wide scope has no cap: it spills to the next block with room).
	type MaxOpenProposalsPerProposer = ConstU32<4>;
	type MaxOpenProposalsPerScope = ConstU32<16>;
	type QuorumFailureSlash = QuorumFailureSlash;
	type EnactmentRetryPeriod = EnactmentRetryPeriod;
	type MaxEnactmentAttempts = ConstU32<168>;
	type Preimages = crate::Preimage;
	type MaxDescriptionLen = MaxDescriptionLen;
	// A delegate's vote casts at most 32 delegated votes (a vote's worst case, benchmarked);
	// removing a member of 16 scopes then ends at most 16 × 33 delegations, well within what a
	// passed vote may enact.
	type MaxDelegators = ConstU32<32>;
	type MaxRegistrarsPerScope = ConstU32<16>;
	type WeightInfo = pallet_stakeholder_voting::weights::SubstrateWeight<Runtime>;
}

/// Proposal descriptions (and any other text) noted on chain under their BLAKE2-256 hash, with
/// a per-byte deposit; a proposal pins its description for its life.
impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = ChainWideOrRoot;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, crate::Balance>,
	>;
}
