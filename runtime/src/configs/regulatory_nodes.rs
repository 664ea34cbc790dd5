//! Regulatory nodes: who supervises, how firewall motions pass, what they act on, and what is
//! never blocked.
//!
//! Firewall levels, mildest first: freeze an account (`CheckFirewall` at the pool), flag a data
//! record as disputed, hold a passed proposal's enactment, pause a call or a pallet
//! (`pallet-tx-pause`), and chain-wide safe mode (`pallet-safe-mode`). Each needs M of N
//! regulators, is logged, expires by itself, and a chain-wide stakeholder vote can overturn it.
//! Governance calls — voting, closing, proposing, overturning — pass every level.

use crate::{
	configs::governance::ChainWideOrRoot, AccountId, Balances, BlockNumber, DataOwnership,
	NodeAuthorization, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, SafeMode, Session,
	StakeholderVoting, TxPause, DAYS, HOURS,
};
use alloc::vec::Vec;
use pallet_regulatory_nodes::{FirewallLevers, NodeLicences};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, Contains, GetCallMetadata},
	},
	frame_system::{EnsureRoot, EnsureRootWithSuccess, RawOrigin},
	sp_core::OpaquePeerId,
	sp_runtime::{DispatchError, DispatchResult, MultiAddress},
	*,
};

parameter_types! {
	pub const MotionDuration: BlockNumber = 2 * DAYS;
	pub const MaxFreezeDuration: BlockNumber = 30 * DAYS;
	pub const MaxPauseDuration: BlockNumber = 7 * DAYS;
	/// Safe mode lasts a day unless regulators or governance end it sooner.
	pub const SafeModeDuration: BlockNumber = DAYS;
	pub const SafeModeExtension: BlockNumber = 6 * HOURS;
	/// After a stakeholder vote overturns an action, motions may not repeat it on the same
	/// target for a week.
	pub const CoolOffPeriod: BlockNumber = 7 * DAYS;
	/// Regulators' restrictions of one target are totalled over any 90 days: at most 30 days
	/// of freeze or dispute, 7 of pause, safe mode or hold.
	pub const RestrictionWindow: BlockNumber = 90 * DAYS;
}

/// Pallets whose calls keep governance alive, and the inherents every block needs. No pause and
/// no safe mode ever blocks them, so a vote can always undo what regulators did.
const GOVERNANCE_PALLETS: [&str; 6] =
	["System", "Timestamp", "StakeholderVoting", "RegulatoryNodes", "SafeMode", "TxPause"];

/// The calls a frozen account may still make: those that keep governance alive. A freeze can
/// never silence the vote that would overturn it: a frozen stakeholder still votes (directly, by
/// secret ballot or through a delegate), closes, and
/// proposes in the chain-wide scope a call that overturns a firewall action or dismisses a
/// regulator (the calls regulators can never hold).
pub struct GovernanceCalls;
impl Contains<RuntimeCall> for GovernanceCalls {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			// Every way of voting: directly, sealed and revealed, or through a delegate.
			RuntimeCall::StakeholderVoting(
				pallet_stakeholder_voting::Call::vote { .. }
				| pallet_stakeholder_voting::Call::commit_vote { .. }
				| pallet_stakeholder_voting::Call::reveal_vote { .. }
				| pallet_stakeholder_voting::Call::delegate { .. }
				| pallet_stakeholder_voting::Call::undelegate { .. }
				| pallet_stakeholder_voting::Call::accept_delegation { .. }
				| pallet_stakeholder_voting::Call::reject_delegation { .. }
				| pallet_stakeholder_voting::Call::close { .. },
			) => true,
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::propose {
				scope,
				call: Some(call),
				..
			}) => {
				*scope == pallet_stakeholder_voting::CHAIN_WIDE_SCOPE
					&& crate::configs::governance::Unholdable::contains(call)
			},
			_ => false,
		}
	}
}

/// A call whose tree removes the signer's session keys (`session.purgeKeys`, in any wrapper):
/// refused to a governed validator by `CheckFirewall` (`ValidatorKeysRequired`).
pub struct KeyRemovalCalls;
impl Contains<RuntimeCall> for KeyRemovalCalls {
	fn contains(call: &RuntimeCall) -> bool {
		crate::configs::calls::any_in_tree(call, &|c| {
			matches!(c, RuntimeCall::Session(pallet_session::Call::purge_keys {}))
		})
	}
}

/// Calls of `pallet-node-authorization` no account may make: only governance and the
/// firewall change who connects, so no account claims a node id, squats one before it is
/// licensed, or adds connections of its own.
pub struct LicensedNetworkCalls;
impl Contains<RuntimeCall> for LicensedNetworkCalls {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::claim_node { .. }
					| pallet_node_authorization::Call::remove_claim { .. }
					| pallet_node_authorization::Call::transfer_node { .. }
					| pallet_node_authorization::Call::add_connections { .. }
					| pallet_node_authorization::Call::remove_connections { .. }
			)
		)
	}
}

/// Calls `pallet-tx-pause` refuses to pause: governance's, and `Session`'s, so regulators can
/// never stop validators rotating their keys.
pub struct Unpausable;
impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for Unpausable {
	fn contains((pallet, _): &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		GOVERNANCE_PALLETS.iter().chain(&["Session"]).any(|p| p.as_bytes() == pallet.as_slice())
	}
}

/// Calls that go through in safe mode: governance, inherents, and validators' housekeeping.
/// Not sudo's: in safe mode even the dev chain's superuser waits.
pub struct SafeModeCalls;
impl Contains<RuntimeCall> for SafeModeCalls {
	fn contains(call: &RuntimeCall) -> bool {
		let pallet = call.get_call_metadata().pallet_name;
		GOVERNANCE_PALLETS.contains(&pallet) || pallet == "Session"
	}
}

/// The network register is `pallet-node-authorization`'s well-known nodes, which every node
/// enforces. A node licensed both by governance (a validator's) and through a regulator stays
/// when the regulator goes: the regulatory pallet revokes only what its licence added.
pub struct NetworkRegister;
impl NodeLicences<AccountId> for NetworkRegister {
	fn license(node: &[u8], owner: &AccountId) -> Result<bool, DispatchError> {
		let peer = OpaquePeerId(node.to_vec());
		if pallet_node_authorization::WellKnownNodes::<Runtime>::get().contains(&peer) {
			return Ok(false);
		}
		NodeAuthorization::add_well_known_node(
			RawOrigin::Root.into(),
			peer,
			MultiAddress::Id(owner.clone()),
		)?;
		Ok(true)
	}

	fn revoke(node: &[u8]) -> DispatchResult {
		let peer = OpaquePeerId(node.to_vec());
		if !pallet_node_authorization::WellKnownNodes::<Runtime>::get().contains(&peer) {
			return Ok(());
		}
		NodeAuthorization::remove_well_known_node(RawOrigin::Root.into(), peer)
	}
}

/// The calls a pause of `pallet` (or of its `call`) covers, by name.
fn calls_named(pallet: &[u8], call: Option<&[u8]>) -> Result<Vec<&'static str>, DispatchError> {
	let unknown = || DispatchError::from(pallet_regulatory_nodes::Error::<Runtime>::UnknownCall);
	let pallet = core::str::from_utf8(pallet).map_err(|_| unknown())?;
	if !<RuntimeCall as GetCallMetadata>::get_module_names().contains(&pallet) {
		return Err(unknown());
	}
	let calls = <RuntimeCall as GetCallMetadata>::get_call_names(pallet);
	match call {
		None => Ok(calls.to_vec()),
		Some(call) => {
			calls.iter().find(|c| c.as_bytes() == call).map(|c| alloc::vec![*c]).ok_or_else(unknown)
		},
	}
}

/// `pallet-tx-pause`'s key for a call.
fn full_name(
	pallet: &[u8],
	call: &str,
) -> Result<pallet_tx_pause::RuntimeCallNameOf<Runtime>, DispatchError> {
	let unknown = || pallet_regulatory_nodes::Error::<Runtime>::UnknownCall;
	Ok((
		pallet.to_vec().try_into().map_err(|_| unknown())?,
		call.as_bytes().to_vec().try_into().map_err(|_| unknown())?,
	))
}

/// The pause and safe-mode levers of firewall motions: `pallet-tx-pause` and `pallet-safe-mode`,
/// called with root, which in this runtime only a passed motion (or a chain-wide vote) reaches.
/// Their own errors (`txPause.Unpausable`, `safeMode.Entered`, …) reach the motion as they are.
/// Dispute flags and enactment holds are the owning pallets' own traits (`DisputeFlags`,
/// `EnactmentHold`), wired below.
pub struct Levers;
impl FirewallLevers<BlockNumber> for Levers {
	fn can_pause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult {
		for name in calls_named(pallet, call)? {
			let full = full_name(pallet, name)?;
			if !TxPause::is_paused(&full) {
				TxPause::ensure_can_pause(&full).map_err(DispatchError::from)?;
			}
		}
		Ok(())
	}

	fn pause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult {
		// `pause` refuses unpausable calls itself; the motion's call is transactional, so a
		// refusal part-way through undoes the calls paused before it.
		for name in calls_named(pallet, call)? {
			let full = full_name(pallet, name)?;
			if !TxPause::is_paused(&full) {
				TxPause::pause(RawOrigin::Root.into(), full)?;
			}
		}
		Ok(())
	}

	fn unpause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult {
		for name in calls_named(pallet, call)? {
			let full = full_name(pallet, name)?;
			if TxPause::is_paused(&full) {
				TxPause::unpause(RawOrigin::Root.into(), full)?;
			}
		}
		Ok(())
	}

	fn enter_safe_mode() -> Result<BlockNumber, DispatchError> {
		SafeMode::force_enter(RawOrigin::Root.into())?;
		pallet_safe_mode::EnteredUntil::<Runtime>::get().ok_or(DispatchError::Corruption)
	}

	fn exit_safe_mode() -> DispatchResult {
		SafeMode::force_exit(RawOrigin::Root.into())
	}

	fn safe_mode_until() -> Option<BlockNumber> {
		pallet_safe_mode::EnteredUntil::<Runtime>::get()
	}
}

parameter_types! {
	/// An open motion holds 0.1 POL from its proposer until executed or closed.
	pub const MotionDeposit: crate::Balance = 100 * crate::MILLI_UNIT;
}

impl pallet_regulatory_nodes::Config for Runtime {
	type Currency = crate::Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	type MotionDeposit = MotionDeposit;
	type GovernanceOrigin = ChainWideOrRoot;
	type OverturnOrigin = ChainWideOrRoot;
	type GovernanceCalls = GovernanceCalls;
	type KeyRemovalCalls = KeyRemovalCalls;
	type MaxRegulators = ConstU32<32>;
	type MaxScopes = ConstU32<16>;
	type MaxNodes = ConstU32<4>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxReasonLen = ConstU32<256>;
	type MotionDuration = MotionDuration;
	type MaxFreezeDuration = MaxFreezeDuration;
	type MaxPauseDuration = MaxPauseDuration;
	type MaxPauses = ConstU32<16>;
	type CoolOffPeriod = CoolOffPeriod;
	type MaxOpenMotions = ConstU32<8>;
	type RestrictionWindow = RestrictionWindow;
	type Scopes = StakeholderVoting;
	type Records = DataOwnership;
	type MaxValidators = crate::configs::consensus::MaxAuthorities;
	type NodeLicences = NetworkRegister;
	type Levers = Levers;
	type Disputes = crate::DataOwnership;
	type Holds = crate::StakeholderVoting;
	type ValidatorRegistration = Session;
	type Sessions = super::consensus::Sessions;
	type WeightInfo = pallet_regulatory_nodes::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Session keys and the pallet to pause for the regulatory benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_regulatory_nodes::traits::BenchmarkHelper<AccountId> for BenchmarkHelper {
	fn register_keys(who: &AccountId) {
		use polkadot_sdk::sp_core::{ed25519, sr25519};
		let keys = crate::SessionKeys {
			aura: sr25519::Public::from_raw([7; 32]).into(),
			grandpa: ed25519::Public::from_raw([7; 32]).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}

	fn pausable_pallet() -> pallet_regulatory_nodes::CallName {
		pallet_regulatory_nodes::CallName::truncate_from(b"Balances".to_vec())
	}
}

/// The network register: which nodes may connect. Governance maintains it directly; appointing
/// or dismissing a regulator licenses or revokes its nodes.
impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Room for every regulator's licensed nodes (32 × 4) and as many validators' and others'.
	type MaxWellKnownNodes = ConstU32<256>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = ChainWideOrRoot;
	type RemoveOrigin = ChainWideOrRoot;
	type SwapOrigin = ChainWideOrRoot;
	type ResetOrigin = ChainWideOrRoot;
	type WeightInfo = crate::weights::pallet_node_authorization::WeightInfo<Runtime>;
}

/// Pausing is the regulators' (through root, which only a motion or a vote reaches); unpausing
/// is also the stakeholders' directly.
impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = EnsureRoot<AccountId>;
	type UnpauseOrigin = ChainWideOrRoot;
	type WhitelistedCalls = Unpausable;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = crate::weights::pallet_tx_pause::WeightInfo<Runtime>;
}

/// Safe mode cannot be entered by deposit, only forced (by a motion or a vote); stakeholders can
/// end it directly.
impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeCalls;
	type EnterDuration = SafeModeDuration;
	type ExtendDuration = SafeModeExtension;
	type EnterDepositAmount = ();
	type ExtendDepositAmount = ();
	type ForceEnterOrigin = EnsureRootWithSuccess<AccountId, SafeModeDuration>;
	type ForceExtendOrigin = EnsureRootWithSuccess<AccountId, SafeModeExtension>;
	type ForceExitOrigin = ChainWideOrRoot;
	type ForceDepositOrigin = EnsureRoot<AccountId>;
	type Notify = ();
	type ReleaseDelay = ();
	type WeightInfo = crate::weights::pallet_safe_mode::WeightInfo<Runtime>;
}
