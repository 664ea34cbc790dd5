//! Regulatory nodes: who supervises, how firewall motions pass, and what is never blocked.

use crate::{configs::governance::ChainWideOrRoot, BlockNumber, Runtime, RuntimeCall, DAYS};
use polkadot_sdk::frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
};

parameter_types! {
	pub const MotionDuration: BlockNumber = 2 * DAYS;
	pub const MaxFreezeDuration: BlockNumber = 30 * DAYS;
}

/// The calls that keep governance alive: voting on and closing proposals. A frozen account can
/// still make them, so a freeze can never silence the vote that would overturn it.
pub struct GovernanceCalls;
impl Contains<RuntimeCall> for GovernanceCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::StakeholderVoting(
				pallet_stakeholder_voting::Call::vote { .. }
					| pallet_stakeholder_voting::Call::close { .. }
			)
		)
	}
}

impl pallet_regulatory_nodes::Config for Runtime {
	type GovernanceOrigin = ChainWideOrRoot;
	type OverturnOrigin = ChainWideOrRoot;
	type GovernanceCalls = GovernanceCalls;
	type MaxRegulators = ConstU32<32>;
	type MaxScopes = ConstU32<16>;
	type MaxNodes = ConstU32<4>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxReasonLen = ConstU32<256>;
	type MotionDuration = MotionDuration;
	type MaxFreezeDuration = MaxFreezeDuration;
	type WeightInfo = pallet_regulatory_nodes::weights::SubstrateWeight<Runtime>;
}
