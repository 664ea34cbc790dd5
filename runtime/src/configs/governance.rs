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
			fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, ConstU64,
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
	/// A delegation offer, and an accepted delegation, each hold 0.1 POL while they exist.
	pub const DelegationDeposit: crate::Balance = 100 * MILLI_UNIT;
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

// Every rule about what a call does is read from one walk of its whole call tree.
pub use super::calls::{BoundedCallTree, NotForRoot, RootLevel, Undelayed, Unholdable};

/// A passed vote of the chain-wide scope — or root, which only `--dev` has (through sudo).
pub type ChainWideOrRoot =
	EitherOfDiverse<EnsureRoot<AccountId>, EnsureStakeholders<ChainWideScope>>;

impl pallet_stakeholder_voting::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ScopeOrigin = ChainWideOrRoot;
	// A scope approves its own applicants (their consent is the application); the chain-wide
	// scope (or root) does that for any scope. Admitting someone who did not apply, expelling a
	// member or changing a stake takes `ScopeOrigin` — a root-level decision (`RootLevel`): no
	// scope conscripts an outsider, and its majority cannot silence its minority.
	type AdmitOrigin =
		EitherOfDiverse<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, EnsureStakeholdersOf>;
	type CancelOrigin = ChainWideOrRoot;
	// Root needs no bridge to itself: only the chain-wide scope's passed votes use it.
	type RootOrigin = EnsureStakeholders<ChainWideScope>;
	type ProposalDeposit = ProposalDeposit;
	type ApplicationDeposit = ApplicationDeposit;
	type DelegationDeposit = DelegationDeposit;
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
	type BoundedCallTree = BoundedCallTree;
	// Every stakeholder may have a few proposals open; a scope at most one close queue's worth
	// (the chain-wide scope has no cap: it spills to the next block with room).
	type MaxOpenProposalsPerProposer = ConstU32<4>;
	type MaxOpenProposalsPerScope = ConstU32<16>;
	type QuorumFailureSlash = QuorumFailureSlash;
	type EnactmentRetryPeriod = EnactmentRetryPeriod;
	type Preimages = crate::Preimage;
	type MaxDescriptionLen = MaxDescriptionLen;
	// A delegate's vote casts at most 32 delegated votes (a vote's worst case, benchmarked);
	// removing a member of 16 scopes then ends at most 16 × 33 delegations, well within what a
	// passed vote may enact.
	type MaxDelegators = ConstU32<32>;
	type MaxRegistrarsPerScope = ConstU32<16>;
	// Stakes are weights within a scope (a share, a holding, a household's size): a million
	// leaves room for any of them, while no registrar can mint a weight that swamps a tally.
	type MaxAttestedStake = ConstU64<1_000_000>;
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
