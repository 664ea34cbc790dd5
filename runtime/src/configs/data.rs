//! Data ownership: registration deposits and bounds.

use crate::{
	configs::governance::ChainWideOrRoot, Balance, Balances, BlockNumber, Runtime,
	RuntimeHoldReason, Timestamp, DAYS, MILLI_UNIT, MINUTES,
};
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Every record holds 0.1 POL plus 1 mPOL per byte of metadata: cheap for honest use,
	/// costly to flood.
	pub const RecordDepositBase: Balance = 100 * MILLI_UNIT;
	pub const RecordDepositPerByte: Balance = MILLI_UNIT;
	pub const MaxOfferDuration: BlockNumber = 30 * DAYS;
	pub const PurgeDelay: BlockNumber = 30 * DAYS;
	/// A commitment holds as much as a record's base deposit until it is revealed.
	pub const CommitmentDeposit: Balance = 100 * MILLI_UNIT;
	/// Two minutes to reveal; one-step registrations stay provisional as long.
	pub const RevealWindow: BlockNumber = 2 * MINUTES;
	/// A pending transfer offer holds 10 mPOL from the offering owner.
	pub const OfferDeposit: Balance = 10 * MILLI_UNIT;
	/// A licence holds 10 mPOL (a purpose of up to 128 bytes and an expiry) while it exists.
	pub const GrantDeposit: Balance = 10 * MILLI_UNIT;
	/// An owner-made activity entry holds 1 mPOL, for as long as the log is kept (for good).
	pub const ActivityDeposit: Balance = MILLI_UNIT;
	/// A dispute lapses after 30 days unless resolved sooner.
	pub const MaxDisputeDuration: BlockNumber = 30 * DAYS;
}

impl pallet_data_ownership::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type RecordDepositBase = RecordDepositBase;
	type RecordDepositPerByte = RecordDepositPerByte;
	type MaxTitleLen = ConstU32<128>;
	type MaxMediaTypeLen = ConstU32<64>;
	type MaxUriLen = ConstU32<256>;
	type MaxPurposeLen = ConstU32<128>;
	type MaxBatch = ConstU32<64>;
	type MaxVersions = ConstU32<256>;
	type MaxGrantsPerRecord = ConstU32<32>;
	type MaxOfferDuration = MaxOfferDuration;
	type PurgeDelay = PurgeDelay;
	type ResolveOrigin = ChainWideOrRoot;
	type CommitmentDeposit = CommitmentDeposit;
	type RevealWindow = RevealWindow;
	type MaxDisputeDuration = MaxDisputeDuration;
	type MaxActivity = ConstU32<1_000>;
	type OfferDeposit = OfferDeposit;
	type GrantDeposit = GrantDeposit;
	type ActivityDeposit = ActivityDeposit;
	type WeightInfo = pallet_data_ownership::weights::SubstrateWeight<Runtime>;
}
