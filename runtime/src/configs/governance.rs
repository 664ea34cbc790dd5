//! Stakeholder voting: scopes, stakeholders, proposals and who may decide what.

use crate::{
	AccountId, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeHoldReason, DAYS, UNIT,
};
use pallet_stakeholder_voting::{
	EnsureStakeholders, EnsureStakeholdersOf, ScopeId, CHAIN_WIDE_SCOPE,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, EitherOfDiverse},
		weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
	},
	frame_system::EnsureRoot,
};

parameter_types! {
	pub const ChainWideScope: ScopeId = CHAIN_WIDE_SCOPE;
	pub const ProposalDeposit: crate::Balance = 10 * UNIT;
	pub const ApplicationDeposit: crate::Balance = UNIT;
	/// A passed proposal's call may use up to 100 ms of the block; with at most four closes per
	/// block that bounds enactment to a fifth of the block.
	pub MaxEnactmentWeight: Weight = Weight::from_parts(100 * WEIGHT_REF_TIME_PER_MILLIS, 1024 * 1024);
	pub const MinVotingPeriod: BlockNumber = 2;
	pub const MaxVotingPeriod: BlockNumber = 90 * DAYS;
	pub const VoteRetention: BlockNumber = 30 * DAYS;
	/// Regulators may hold a passed proposal's enactment for review for at most a week.
	pub const MaxEnactmentHold: BlockNumber = 7 * DAYS;
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
	type WeightInfo = pallet_stakeholder_voting::weights::SubstrateWeight<Runtime>;
}
