//! frame-system: block limits, accounts and the chain's identity.

use crate::{
	weights::{BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, SS58_PREFIX, VERSION,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstU32, InsideBoth},
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
	},
	frame_system::limits::{BlockLength, BlockWeights},
	sp_runtime::Perbill,
	sp_version::RuntimeVersion,
	*,
};

/// Two seconds of compute per block, and no limit on proof size (a solochain keeps no proofs).
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// Share of a block that ordinary (non-operational) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// What ordinary transactions may use of a block: `NORMAL_DISPATCH_RATIO` of each dimension.
fn normal_block_weight() -> Weight {
	Weight::from_parts(
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.ref_time()),
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.proof_size()),
	)
}

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block; the rest is propagation and import. The
	/// base weights of a block and of an extrinsic are measured on Polity's reference machine
	/// (`runtime/src/weights`), not upstream's.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(normal_block_weight());
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions always have room beyond the normal ones.
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(normal_block_weight()));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// 5 MiB blocks; ordinary transactions may fill 75% of them.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	// Measured with `benchmark storage` on ParityDb, the database the node uses by default.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	// Safe mode and call pauses, both levers of the regulators' firewall, filter every call;
	// no account changes the licensed network on its own.
	type BaseCallFilter = InsideBoth<
		InsideBoth<crate::SafeMode, crate::TxPause>,
		crate::configs::regulatory_nodes::LicensedNetworkCalls,
	>;
}
