//! A test runtime: System, Timestamp, Balances and this pallet, with small bounds.

use crate::{self as pallet_data_ownership, *};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64},
	},
	frame_system, pallet_balances, pallet_timestamp, sp_io,
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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type DataOwnership = pallet_data_ownership;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Base deposit per record.
pub const BASE: u64 = 10;
/// Deposit per metadata byte.
pub const PER_BYTE: u64 = 1;
/// Starting balance of accounts 1..=10.
pub const ENDOWMENT: u64 = 1_000;
/// Blocks after revocation before purging.
pub const PURGE_DELAY: u64 = 5;
/// Longest offer.
pub const MAX_OFFER: u64 = 20;
/// Deposit a commitment holds.
pub const COMMIT_DEPOSIT: u64 = 7;
/// Blocks a dispute lasts.
pub const MAX_DISPUTE: u64 = 30;
/// Owner-made entries per activity log.
pub const MAX_ACTIVITY: u32 = 12;
/// Deposit a pending transfer offer holds.
pub const OFFER_DEPOSIT: u64 = 2;
/// Deposit a licence holds.
pub const GRANT_DEPOSIT: u64 = 3;
/// Deposit an owner-made log entry holds.
pub const ACTIVITY_DEPOSIT: u64 = 1;

polkadot_sdk::frame_support::parameter_types! {
	/// Blocks to reveal a commitment in; 0 (no provisional records) unless a test sets it.
	pub static RevealWindow: u64 = 0;
}

/// The owner in most tests.
pub const ALICE: u64 = 1;
/// A second account.
pub const BOB: u64 = 2;
/// A third account.
pub const CHARLIE: u64 = 3;

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type RecordDepositBase = ConstU64<BASE>;
	type RecordDepositPerByte = ConstU64<PER_BYTE>;
	type MaxTitleLen = ConstU32<32>;
	type MaxMediaTypeLen = ConstU32<16>;
	type MaxUriLen = ConstU32<64>;
	type MaxPurposeLen = ConstU32<32>;
	type MaxBatch = ConstU32<4>;
	type MaxVersions = ConstU32<3>;
	type MaxGrantsPerRecord = ConstU32<2>;
	type MaxOfferDuration = ConstU64<MAX_OFFER>;
	type PurgeDelay = ConstU64<PURGE_DELAY>;
	type ResolveOrigin = frame_system::EnsureRoot<u64>;
	type CommitmentDeposit = ConstU64<COMMIT_DEPOSIT>;
	type RevealWindow = RevealWindow;
	type MaxDisputeDuration = ConstU64<MAX_DISPUTE>;
	type MaxActivity = ConstU32<MAX_ACTIVITY>;
	type OfferDeposit = ConstU64<OFFER_DEPOSIT>;
	type GrantDeposit = ConstU64<GRANT_DEPOSIT>;
	type ActivityDeposit = ConstU64<ACTIVITY_DEPOSIT>;
	type WeightInfo = ();
}

/// Builds test externalities with funded accounts 1..=10 at block 1, time 1_000_000 ms.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=10).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(1_000_000);
		});
		ext
	}

	#[cfg(feature = "runtime-benchmarks")]
	/// The externalities for benchmarks: commitments can be revealed, so records are
	/// provisional for a while, as in the runtime.
	pub fn for_benchmarks(self) -> sp_io::TestExternalities {
		RevealWindow::set(10);
		self.build()
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			DataOwnership::do_try_state().expect("invariants hold");
		});
	}
}
