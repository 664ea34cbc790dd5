//! Block production (Aura), finality (GRANDPA) and time.

use crate::{
	AccountId, Aura, Balances, BlockNumber, RegulatoryNodes, Runtime, RuntimeEvent, SessionKeys,
	SESSION_PERIOD, SLOT_DURATION, UNIT,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstBool, ConstU32, ConstU64},
	},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::traits::{ConvertInto, OpaqueKeys},
	*,
};

parameter_types! {
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	pub const SessionOffset: BlockNumber = 0;
	/// Held while an account has session keys registered, against key-registration spam.
	pub const SessionKeyDeposit: crate::Balance = UNIT;
}

/// Sessions rotate every `SESSION_PERIOD` blocks; the validator set comes from governance
/// through `pallet-regulatory-nodes`, and a set change reaches Aura and GRANDPA one session
/// after it is queued.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	// Sessions end from `RegulatoryNodes`' hook (`Sessions` below), at a rotation's measured
	// weight: the session pallet's own hook would book the whole block for it.
	type ShouldEndSession = EndedByRegulatoryNodes;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = RegulatoryNodes;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// Never ends a session in the session pallet's own hook; see [`Sessions`].
pub struct EndedByRegulatoryNodes;
impl pallet_session::ShouldEndSession<BlockNumber> for EndedByRegulatoryNodes {
	fn should_end_session(_: BlockNumber) -> bool {
		false
	}
}

/// Sessions of `SESSION_PERIOD` blocks, ended by `RegulatoryNodes`' hook, which charges the
/// measured weight of a rotation (`rotate_session`).
pub struct Sessions;
impl pallet_regulatory_nodes::traits::SessionRotation<BlockNumber> for Sessions {
	fn ends_at(now: BlockNumber) -> bool {
		use pallet_session::ShouldEndSession;
		pallet_session::PeriodicSessions::<SessionPeriod, SessionOffset>::should_end_session(now)
	}
	fn rotate() {
		pallet_session::Pallet::<Runtime>::rotate_session();
	}
}

/// Upper bound on validators; also bounds the authority lists in storage.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking, so there is nothing to slash: equivocation reports are not accepted.
	type KeyOwnerProof = polkadot_sdk::sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}
