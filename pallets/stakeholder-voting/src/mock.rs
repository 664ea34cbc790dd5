//! A test runtime: System, Balances and this pallet, with small bounds so limits are reachable.

use crate::{self as pallet_stakeholder_voting, *};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, EitherOfDiverse},
		weights::Weight,
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, pallet_preimage, sp_io,
	sp_runtime::{BuildStorage, Perbill},
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type StakeholderVoting = pallet_stakeholder_voting;
	#[runtime::pallet_index(3)]
	pub type Preimage = pallet_preimage;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = frame_system::EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	/// Whether `System::remark` is blocked, standing for a pause or safe mode.
	pub static RemarkBlocked: bool = false;
}

/// Blocks `System::remark` while `RemarkBlocked` is set, as tx-pause or safe mode would.
pub struct MockFilter;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!(RemarkBlocked::get()
			&& matches!(call, RuntimeCall::System(frame_system::Call::remark { .. })))
	}
}

/// In the mock, `System::remark_with_event` stands for the calls that overturn the firewall.
pub struct MockUnholdable;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockUnholdable {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
	}
}

/// In the mock, the overturn stand-in and `cancel` are enacted without delay.
pub struct MockUndelayed;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockUndelayed {
	fn contains(call: &RuntimeCall) -> bool {
		<MockUnholdable as polkadot_sdk::frame_support::traits::Contains<RuntimeCall>>::contains(
			call,
		) || matches!(call, RuntimeCall::StakeholderVoting(crate::Call::cancel { .. }))
	}
}

/// In the mock, `System::set_code_without_checks` stands for the calls no vote may dispatch as root.
pub struct MockNotForRoot;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockNotForRoot {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::System(frame_system::Call::set_code_without_checks { .. }) => true,
			RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root { call }) => {
				Self::contains(call)
			},
			_ => false,
		}
	}
}

/// Deepest nesting of `dispatch_as_root` the mock takes (past what enactment decodes, so
/// both refusals can be met).
pub const MAX_MOCK_DEPTH: u32 = 100;

/// In the mock, `dispatch_as_root` nested deeper than `MAX_MOCK_DEPTH` is too complex.
pub struct MockBoundedCallTree;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockBoundedCallTree {
	fn contains(call: &RuntimeCall) -> bool {
		let mut depth = 0;
		let mut call = call;
		while let RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root { call: inner }) =
			call
		{
			depth += 1;
			call = inner;
		}
		depth <= MAX_MOCK_DEPTH
	}
}

/// In the mock, as in Polity, what passes through `dispatch_as_root` is root-level.
pub struct MockRootLevel;
impl polkadot_sdk::frame_support::traits::Contains<RuntimeCall> for MockRootLevel {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root { .. }))
	}
}

/// Open proposals per proposer.
pub const MAX_OPEN_PER_PROPOSER: u32 = 5;
/// Open proposals per scope (not the chain-wide one).
pub const MAX_OPEN_PER_SCOPE: u32 = 6;
/// Blocks between attempts at a blocked enactment.
pub const RETRY_PERIOD: u64 = 3;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type BaseCallFilter = MockFilter;
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const ChainWide: ScopeId = CHAIN_WIDE_SCOPE;
	pub MaxEnactmentWeight: Weight = Weight::from_parts(5_000_000_000, 100_000);
	pub QuorumFailureSlash: Perbill = Perbill::from_percent(20);
}

/// Voting period of the genesis scopes.
pub const PERIOD: u64 = 10;
/// Longest description queries return.
pub const MAX_DESCRIPTION: u32 = 128;
/// Proposal deposit.
pub const PROPOSAL_DEPOSIT: u64 = 10;
/// Application deposit.
pub const APPLICATION_DEPOSIT: u64 = 5;
/// Deposit a delegation offer or delegation holds.
pub const DELEGATION_DEPOSIT: u64 = 2;
/// Starting balance of accounts 1..=20.
pub const ENDOWMENT: u64 = 1_000;
/// The local scope created at genesis.
pub const LOCAL: ScopeId = 1;
/// A government stakeholder of both genesis scopes.
pub const GOV: u64 = 1;
/// A market stakeholder of both genesis scopes.
pub const MARKET: u64 = 2;
/// A community stakeholder of both genesis scopes.
pub const COMMUNITY: u64 = 3;
/// An account that is no stakeholder.
pub const OUTSIDER: u64 = 9;

impl Config for Test {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ScopeOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureStakeholders<ChainWide>>;
	type AdmitOrigin =
		EitherOfDiverse<AsEnsureOriginWithArg<EnsureRoot<u64>>, EnsureStakeholdersOf>;
	type CancelOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureStakeholders<ChainWide>>;
	type RootOrigin = EnsureStakeholders<ChainWide>;
	type ProposalDeposit = ConstU64<PROPOSAL_DEPOSIT>;
	type ApplicationDeposit = ConstU64<APPLICATION_DEPOSIT>;
	type DelegationDeposit = ConstU64<DELEGATION_DEPOSIT>;
	type MaxNameLen = ConstU32<32>;
	type MaxTitleLen = ConstU32<64>;
	type MaxCallLen = ConstU32<256>;
	type MaxEnactmentWeight = MaxEnactmentWeight;
	type MaxScopesPerStakeholder = ConstU32<3>;
	type MaxProposalsEndingPerBlock = ConstU32<3>;
	type MaxAutoClosesPerBlock = ConstU32<2>;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<1_000>;
	type VoteRetention = ConstU64<5>;
	type MaxEnactmentHold = ConstU64<MAX_HOLD>;
	type Unholdable = MockUnholdable;
	type RootLevel = MockRootLevel;
	type Undelayed = MockUndelayed;
	type NotForRoot = MockNotForRoot;
	type BoundedCallTree = MockBoundedCallTree;
	type MaxOpenProposalsPerProposer = ConstU32<MAX_OPEN_PER_PROPOSER>;
	type MaxOpenProposalsPerScope = ConstU32<MAX_OPEN_PER_SCOPE>;
	type QuorumFailureSlash = QuorumFailureSlash;
	type EnactmentRetryPeriod = ConstU64<RETRY_PERIOD>;
	type Preimages = Preimage;
	type MaxDescriptionLen = ConstU32<MAX_DESCRIPTION>;
	type MaxDelegators = ConstU32<MAX_DELEGATORS>;
	type MaxRegistrarsPerScope = ConstU32<2>;
	type MaxAttestedStake = ConstU64<MAX_ATTESTED_STAKE>;
	type WeightInfo = ();
}

/// A rule with simple majority, no quorum, no sector balance.
pub fn rule(weighting: Weighting) -> VotingRule<u64> {
	VotingRule {
		weighting,
		approval: Perbill::from_percent(50),
		quorum: Perbill::zero(),
		sector_balance: false,
		voting_period: PERIOD,
	}
}

/// Builds test externalities: the chain-wide and a local scope, one stakeholder per sector in
/// both, and funded accounts.
pub struct ExtBuilder {
	scopes: Vec<(Vec<u8>, VotingRule<u64>)>,
	stakeholders: Vec<(u64, Sector, Vec<(ScopeId, Stake)>)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			scopes: vec![
				(b"chain-wide".to_vec(), rule(Weighting::Headcount)),
				(b"district-7-water".to_vec(), rule(Weighting::Headcount)),
			],
			stakeholders: vec![
				(GOV, Sector::Government, vec![(CHAIN_WIDE_SCOPE, 100), (LOCAL, 10)]),
				(MARKET, Sector::Market, vec![(CHAIN_WIDE_SCOPE, 200), (LOCAL, 20)]),
				(COMMUNITY, Sector::Community, vec![(CHAIN_WIDE_SCOPE, 300), (LOCAL, 30)]),
			],
		}
	}
}

impl ExtBuilder {
	/// Adds a scope at genesis.
	pub fn with_scope(mut self, name: &[u8], rule: VotingRule<u64>) -> Self {
		self.scopes.push((name.to_vec(), rule));
		self
	}

	/// Adds a stakeholder at genesis.
	pub fn with_stakeholder(
		mut self,
		who: u64,
		sector: Sector,
		scopes: Vec<(ScopeId, Stake)>,
	) -> Self {
		self.stakeholders.push((who, sector, scopes));
		self
	}

	/// The externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_stakeholder_voting::GenesisConfig::<Test> {
			scopes: self.scopes,
			stakeholders: self.stakeholders,
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		RemarkBlocked::set(false);
		ext
	}

	/// Runs `test` at block 1, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			StakeholderVoting::do_try_state().expect("invariants hold");
		});
	}
}

/// Most delegators per delegate and scope.
pub const MAX_DELEGATORS: u32 = 3;
/// The most stake a registrar may attest.
pub const MAX_ATTESTED_STAKE: u64 = 1_000;

/// Longest enactment hold.
pub const MAX_HOLD: u64 = 20;
