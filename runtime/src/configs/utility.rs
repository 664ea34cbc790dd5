//! Batching and the development-only superuser.

use crate::{OriginCaller, Runtime, RuntimeCall, RuntimeEvent};
use polkadot_sdk::*;

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

/// Sudo exists in the `--dev` runtime only (cargo feature `dev`): the runtime every other chain
/// runs does not contain the pallet, so nothing can act as root there except what governance
/// grants.
#[cfg(feature = "dev")]
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
