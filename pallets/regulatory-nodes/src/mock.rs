//! A test runtime: System, Balances and this pallet; regulators 1 and 2 chain-wide, 3 for
//! scope 7, threshold 2.

use crate::{self as pallet_regulatory_nodes, *};
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64, Contains, ValidatorRegistration},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::BuildStorage,
	sp_runtime::{DispatchError, DispatchResult},
};
use std::collections::{BTreeMap, BTreeSet};

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
	pub type Regulatory = pallet_regulatory_nodes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// In the mock, `System::remark_with_event` stands for the calls that keep governance alive.
pub struct Governance;
impl Contains<RuntimeCall> for Governance {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
	}
}

/// Stands in for `session.purgeKeys`: a call that removes the signer's session keys.
pub struct KeyRemoval;
impl Contains<RuntimeCall> for KeyRemoval {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark { remark }) if remark == b"purge-keys")
	}
}

/// Longest freeze.
pub const MAX_FREEZE: u64 = 100;
/// The rolling window restrictions of one target are totalled over.
pub const RESTRICTION_WINDOW: u64 = 300;
/// Motion lifetime.
pub const MOTION_DURATION: u64 = 10;
/// Chain-wide regulators.
pub const REG_A: u64 = 1;
/// Chain-wide regulators.
pub const REG_B: u64 = 2;
/// A regulator of scope 7 only.
pub const REG_LOCAL: u64 = 3;
/// The scope `REG_LOCAL` covers.
pub const SCOPE: ScopeId = 7;
/// An ordinary account.
pub const CITIZEN: u64 = 9;

/// Deposit an open motion holds.
pub const MOTION_DEPOSIT: u64 = 5;
/// Starting balance of accounts 1..=20.
pub const ENDOWMENT: u64 = 1_000;

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MotionDeposit = ConstU64<MOTION_DEPOSIT>;
	type GovernanceOrigin = EnsureRoot<u64>;
	type OverturnOrigin = EnsureRoot<u64>;
	type GovernanceCalls = Governance;
	type KeyRemovalCalls = KeyRemoval;
	type MaxRegulators = ConstU32<4>;
	type MaxScopes = ConstU32<2>;
	type MaxNodes = ConstU32<2>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxReasonLen = ConstU32<32>;
	type MotionDuration = ConstU64<MOTION_DURATION>;
	type MaxFreezeDuration = ConstU64<MAX_FREEZE>;
	type MaxPauseDuration = ConstU64<MAX_PAUSE>;
	type MaxPauses = ConstU32<3>;
	type MaxValidators = ConstU32<4>;
	type CoolOffPeriod = ConstU64<COOL_OFF>;
	type MaxOpenMotions = ConstU32<MAX_OPEN_MOTIONS>;
	type RestrictionWindow = ConstU64<RESTRICTION_WINDOW>;
	type Scopes = MockScopes;
	type Records = MockScopes;
	type NodeLicences = MockLicences;
	type Levers = MockLevers;
	type Disputes = MockDisputes;
	type Holds = MockHolds;
	type ValidatorRegistration = MockKeys;
	type Sessions = MockSessions;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKeys;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::traits::BenchmarkHelper<u64> for MockKeys {
	fn register_keys(_: &u64) {}
	fn pausable_pallet() -> CallName {
		CallName::truncate_from(b"Balances".to_vec())
	}
}

/// Blocks after an overturn during which motions may not act on the same target.
pub const COOL_OFF: u64 = 30;
/// Open motions per regulator.
pub const MAX_OPEN_MOTIONS: u32 = 3;
/// A member of another scope than `SCOPE`.
pub const OUTSIDER: u64 = 8;
/// A proposal of another scope than `SCOPE`.
pub const OTHER_PROPOSAL: ProposalIndex = 6;
/// A record owned by `OUTSIDER`.
pub const OUTSIDER_RECORD: RecordHash = RecordHash::repeat_byte(0xbb);

/// Scopes and records: `CITIZEN` is a member of `SCOPE`, `OUTSIDER` of `SCOPE + 1` only; `PROPOSAL` is
/// `SCOPE`'s, `OTHER_PROPOSAL` another scope's; `RECORD` is `CITIZEN`'s, `OUTSIDER_RECORD`
/// `OUTSIDER`'s.
pub struct MockScopes;
impl polity_primitives::traits::ScopeMembership<u64> for MockScopes {
	fn is_member(scope: ScopeId, who: &u64) -> bool {
		(scope == SCOPE && *who == CITIZEN) || (scope == SCOPE + 1 && *who == OUTSIDER)
	}
	fn proposal_scope(proposal: ProposalIndex) -> Option<ScopeId> {
		match proposal {
			PROPOSAL => Some(SCOPE),
			OTHER_PROPOSAL => Some(SCOPE + 1),
			_ => None,
		}
	}
}
impl polity_primitives::traits::RecordOwners<u64> for MockScopes {
	fn owner(record: &RecordHash) -> Option<u64> {
		if *record == RECORD {
			Some(CITIZEN)
		} else if *record == OUTSIDER_RECORD {
			Some(OUTSIDER)
		} else {
			None
		}
	}
}

/// Longest pause.
pub const MAX_PAUSE: u64 = 50;
/// The pallet the mock levers refuse to pause, standing for the governance pallets.
pub const UNPAUSABLE: &[u8] = b"Governance";
/// A pallet the runtime does not have.
pub const UNKNOWN: &[u8] = b"Nowhere";
/// An account without session keys.
pub const NO_KEYS: u64 = 66;
/// The first validators.
pub const VALIDATORS: [u64; 3] = [11, 12, 13];
/// A record the mock levers know, owned by `CITIZEN`.
pub const RECORD: RecordHash = RecordHash::repeat_byte(0xaa);
/// A proposal the mock levers know, by `CITIZEN`.
pub const PROPOSAL: ProposalIndex = 5;
/// Safe mode's length in the mock.
pub const SAFE_MODE_BLOCKS: u64 = 20;

thread_local! {
	/// Licensed nodes.
	pub static LICENSED: RefCell<BTreeSet<Vec<u8>>> = const { RefCell::new(BTreeSet::new()) };
	/// Paused calls as the levers see them.
	pub static PAUSED: RefCell<BTreeSet<(Vec<u8>, Option<Vec<u8>>)>> = const { RefCell::new(BTreeSet::new()) };
	/// Safe mode's last block, when entered.
	pub static SAFE_MODE: RefCell<Option<u64>> = const { RefCell::new(None) };
	/// Disputed records.
	pub static DISPUTED: RefCell<BTreeSet<RecordHash>> = const { RefCell::new(BTreeSet::new()) };
	/// Held proposals and the block they are held until.
	pub static HELD: RefCell<BTreeMap<ProposalIndex, u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// A node register in memory.
pub struct MockLicences;
impl NodeLicences<u64> for MockLicences {
	fn license(node: &[u8], _: &u64) -> Result<bool, DispatchError> {
		Ok(LICENSED.with(|l| l.borrow_mut().insert(node.to_vec())))
	}
	fn revoke(node: &[u8]) -> DispatchResult {
		LICENSED.with(|l| l.borrow_mut().remove(node));
		Ok(())
	}
}

/// Levers in memory, failing the way the runtime's do.
pub struct MockLevers;
impl FirewallLevers<u64> for MockLevers {
	fn can_pause(pallet: &[u8], _: Option<&[u8]>) -> DispatchResult {
		if pallet == UNPAUSABLE {
			return Err(DispatchError::Other("Unpausable"));
		}
		if pallet == UNKNOWN {
			return Err(Error::<Test>::UnknownCall.into());
		}
		Ok(())
	}
	fn pause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult {
		Self::can_pause(pallet, call)?;
		PAUSED.with(|p| p.borrow_mut().insert((pallet.to_vec(), call.map(|c| c.to_vec()))));
		Ok(())
	}
	fn unpause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult {
		let key = (pallet.to_vec(), call.map(|c| c.to_vec()));
		if PAUSED.with(|p| p.borrow_mut().remove(&key)) {
			// Like tx-pause, ending a whole pallet's pause unpauses each of its calls.
			if call.is_none() {
				PAUSED.with(|p| p.borrow_mut().retain(|(p, _)| p != pallet));
			}
			Ok(())
		} else {
			Err(DispatchError::Other("IsUnpaused"))
		}
	}
	fn enter_safe_mode() -> Result<u64, DispatchError> {
		if SAFE_MODE.with(|m| m.borrow().is_some()) {
			return Err(DispatchError::Other("Entered"));
		}
		let until = System::block_number() + SAFE_MODE_BLOCKS;
		SAFE_MODE.with(|m| *m.borrow_mut() = Some(until));
		Ok(until)
	}
	fn exit_safe_mode() -> DispatchResult {
		SAFE_MODE.with(|m| m.borrow_mut().take()).map(|_| ()).ok_or(DispatchError::Other("Exited"))
	}
	fn safe_mode_until() -> Option<u64> {
		SAFE_MODE.with(|m| *m.borrow())
	}
}

/// Dispute flags of the mock's two records.
pub struct MockDisputes;
impl polity_primitives::traits::DisputeFlags<u64> for MockDisputes {
	fn set_disputed(record: RecordHash, disputed: bool) -> Result<u64, DispatchError> {
		if record != RECORD && record != OUTSIDER_RECORD {
			return Err(DispatchError::Other("NotFound"));
		}
		DISPUTED.with(|d| {
			let mut d = d.borrow_mut();
			if disputed {
				d.insert(record)
			} else {
				d.remove(&record)
			}
		});
		Ok(CITIZEN)
	}
}

/// Enactment holds of the mock's two proposals.
pub struct MockHolds;
impl polity_primitives::traits::EnactmentHold<u64, u64> for MockHolds {
	fn hold_enactment(proposal: ProposalIndex, until: Option<u64>) -> Result<u64, DispatchError> {
		if proposal != PROPOSAL && proposal != OTHER_PROPOSAL {
			return Err(DispatchError::Other("ProposalNotFound"));
		}
		HELD.with(|h| match until {
			Some(u) => h.borrow_mut().insert(proposal, u),
			None => h.borrow_mut().remove(&proposal),
		});
		Ok(CITIZEN)
	}
}

/// Every account but `NO_KEYS` has session keys.
/// Sessions end every `SESSION_PERIOD` blocks; a rotation asks the pallet for the next set, as
/// `pallet-session` does, and records it.
pub struct MockSessions;
/// Blocks per session in the mock.
pub const SESSION_PERIOD: u64 = 1_000;
thread_local! {
	/// The sets `MockSessions` received, one per rotation that changed it.
	pub static SESSION_SETS: RefCell<Vec<Vec<u64>>> = const { RefCell::new(Vec::new()) };
}
impl crate::traits::SessionRotation<u64> for MockSessions {
	fn ends_at(now: u64) -> bool {
		now.is_multiple_of(SESSION_PERIOD)
	}
	fn rotate() {
		use polkadot_sdk::pallet_session::SessionManager;
		if let Some(set) = <Regulatory as SessionManager<u64>>::new_session(0) {
			SESSION_SETS.with(|s| s.borrow_mut().push(set));
		}
	}
}

pub struct MockKeys;
impl ValidatorRegistration<u64> for MockKeys {
	fn is_registered(who: &u64) -> bool {
		*who != NO_KEYS
	}
}

/// Builds test externalities at block 1.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_regulatory_nodes::GenesisConfig::<Test> {
			regulators: vec![
				(REG_A, None, vec![b"peer-a".to_vec()]),
				(REG_B, None, vec![b"peer-b".to_vec()]),
				(REG_LOCAL, Some(vec![SCOPE]), vec![]),
			],
			threshold: 2,
			validators: VALIDATORS.to_vec(),
			min_validators: 2,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		LICENSED.with(|l| l.borrow_mut().clear());
		PAUSED.with(|p| p.borrow_mut().clear());
		SAFE_MODE.with(|m| *m.borrow_mut() = None);
		DISPUTED.with(|d| d.borrow_mut().clear());
		HELD.with(|h| h.borrow_mut().clear());
		ext
	}

	/// Externalities without regulators, for benchmarks that fill the list themselves.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn bare() -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Validators::<Test>::put(polkadot_sdk::frame_support::BoundedVec::truncate_from(vec![
				11, 12,
			]));
			MinValidators::<Test>::put(1);
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Regulatory::do_try_state().expect("invariants hold");
		});
	}
}
