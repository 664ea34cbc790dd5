//! A test runtime: System, Balances and this pallet; regulators 1 and 2 chain-wide, 3 for
//! scope 7, threshold 2.

use crate::{self as pallet_regulatory_nodes, *};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64, Contains},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::BuildStorage,
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

/// Longest freeze.
pub const MAX_FREEZE: u64 = 100;
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

impl Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type OverturnOrigin = EnsureRoot<u64>;
	type GovernanceCalls = Governance;
	type MaxRegulators = ConstU32<4>;
	type MaxScopes = ConstU32<2>;
	type MaxNodes = ConstU32<2>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxReasonLen = ConstU32<32>;
	type MotionDuration = ConstU64<MOTION_DURATION>;
	type MaxFreezeDuration = ConstU64<MAX_FREEZE>;
	type WeightInfo = ();
}

/// Builds test externalities at block 1.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_regulatory_nodes::GenesisConfig::<Test> {
			regulators: vec![
				(REG_A, None, vec![b"peer-a".to_vec()]),
				(REG_B, None, vec![b"peer-b".to_vec()]),
				(REG_LOCAL, Some(vec![SCOPE]), vec![]),
			],
			threshold: 2,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Externalities without regulators, for benchmarks that fill the list themselves.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn bare() -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
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
