//! What the firewall and the licence register act on outside this pallet. The runtime wires
//! them to the network's node registry, the call filter, safe mode, data records and proposals.

pub use polity_primitives::traits::{DisputeFlags, EnactmentHold};
use polkadot_sdk::sp_runtime::{DispatchError, DispatchResult};

/// The register of nodes allowed on the network. A regulator's licensed nodes enter it when the
/// regulator is appointed and leave it when the regulator is dismissed.
pub trait NodeLicences<AccountId> {
	/// Licenses `node` (a libp2p peer id), owned by `owner`; returns whether the register
	/// gained it (`false`: it was licensed already, by someone else).
	fn license(node: &[u8], owner: &AccountId) -> Result<bool, DispatchError>;
	/// Takes `node` out of the register. Revoking a node that is not in it is not an error.
	fn revoke(node: &[u8]) -> DispatchResult;
}

impl<AccountId> NodeLicences<AccountId> for () {
	fn license(_: &[u8], _: &AccountId) -> Result<bool, DispatchError> {
		Ok(false)
	}
	fn revoke(_: &[u8]) -> DispatchResult {
		Ok(())
	}
}

/// The levers a firewall motion pulls beyond freezes.
pub trait FirewallLevers<BlockNumber> {
	/// Whether the call, or every call of the pallet, may be paused: not those that keep
	/// governance alive, nor a pallet or call that does not exist.
	fn can_pause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult;
	/// Pauses a pallet's call, or every call of the pallet (`call: None`). Fails for calls that
	/// keep governance alive.
	fn pause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult;
	/// Ends a pause.
	fn unpause(pallet: &[u8], call: Option<&[u8]>) -> DispatchResult;
	/// Enters safe mode; returns its last block.
	fn enter_safe_mode() -> Result<BlockNumber, DispatchError>;
	/// Leaves safe mode.
	fn exit_safe_mode() -> DispatchResult;
	/// Safe mode's last block, while it is entered.
	fn safe_mode_until() -> Option<BlockNumber>;
}

/// Ends sessions. The runtime's session pallet books the whole block for a session change in its
/// own hook; this pallet ends sessions from its hook instead and charges the measured weight
/// of a rotation (`rotate_session`), so a session change costs no block.
pub trait SessionRotation<BlockNumber> {
	/// Whether a session ends at block `now`.
	fn ends_at(now: BlockNumber) -> bool;
	/// Ends the current session and starts the next one.
	fn rotate();
}

impl<BlockNumber> SessionRotation<BlockNumber> for () {
	fn ends_at(_: BlockNumber) -> bool {
		false
	}
	fn rotate() {}
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so it may become a validator.
	fn register_keys(who: &AccountId);
	/// The pausable pallet with the most calls: the worst case of a whole-pallet pause.
	fn pausable_pallet() -> crate::CallName;
}
