//! Tests, one file per feature; `build_and_execute` checks the invariants after each.

mod activity;
mod blocking;
mod commitments;
mod deposits;
mod disputes;
mod licences;
mod migration;
mod registration;
mod revocation;
mod state_changes;
mod transfer;
mod versions;

use crate::{mock::*, *};
use polity_primitives::traits::DisputeFlags as _;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::InspectHold, BoundedVec},
	sp_core::H256,
};

/// A content hash made of one repeated byte.
pub fn h(n: u8) -> ContentHash {
	H256::repeat_byte(n)
}

/// Metadata with a title.
pub fn meta(title: &[u8]) -> MetadataOf<Test> {
	Metadata {
		title: BoundedVec::try_from(title.to_vec()).unwrap(),
		media_type: BoundedVec::try_from(b"text/csv".to_vec()).unwrap(),
		uri: BoundedVec::try_from(b"ipfs://bafy".to_vec()).unwrap(),
		schema: None,
	}
}

/// Registers `hash` as `who`.
pub fn register(who: u64, hash: ContentHash) {
	assert_ok!(DataOwnership::register(
		RuntimeOrigin::signed(who),
		hash,
		meta(b"report").into(),
		None
	));
}

/// The last event of this pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::DataOwnership(e) => Some(e),
			_ => None,
		})
		.expect("an event of this pallet")
}

/// Funds held from `who` for records.
pub fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::DataOwnership(HoldReason::RecordDeposit), &who)
}

/// A licence's purpose.
pub fn purpose(text: &[u8]) -> Vec<u8> {
	text.to_vec()
}

/// Runs `f` (a dispatch), asserts it succeeded and changed exactly the storage items named in
/// `changes` — every state change the call makes, and no other of this pallet.
pub fn assert_changes(
	changes: &[&str],
	f: impl FnOnce() -> polkadot_sdk::sp_runtime::DispatchResult,
) {
	polity_primitives::testing::assert_changes::<DataOwnership>(changes, f)
}
