//! Tests, one file per feature; `build_and_execute` checks the invariants after each.

mod attacks;
mod caps;
mod extension;
mod levers;
mod motions;
mod overturn;
mod pauses;
mod regulators;
mod state_changes;
mod validators;

use crate::{mock::*, *};
use polkadot_sdk::frame_support::assert_ok;

/// The last event of this pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Regulatory(e) => Some(e),
			_ => None,
		})
		.expect("an event of this pallet")
}

/// A reason as a call takes it (`Vec<u8>`) or as storage keeps it (`BoundedVec`).
pub fn reason<T: TryFrom<Vec<u8>>>(text: &[u8]) -> T
where
	T::Error: core::fmt::Debug,
{
	T::try_from(text.to_vec()).unwrap()
}

/// A freeze of `who` until `until`, as a call takes it or as storage keeps it.
pub fn freeze<N>(who: u64, until: u64) -> FirewallAction<u64, u64, N> {
	FirewallAction::Freeze { who, until }
}

/// Freezes `who` until `until` by a chain-wide motion of REG_A and REG_B; returns the action id.
pub fn freeze_by_motion(who: u64, until: u64) -> ActionId {
	let motion = NextMotionId::<Test>::get();
	assert_ok!(Regulatory::propose(
		RuntimeOrigin::signed(REG_A),
		freeze(who, until),
		None,
		reason(b"fraud")
	));
	assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), motion));
	NextActionId::<Test>::get() - 1
}

/// Executes `action` by a chain-wide motion of REG_A and REG_B; returns the action id.
pub fn act(action: ActionOf<Test>) -> ActionId {
	let motion = NextMotionId::<Test>::get();
	assert_ok!(Regulatory::propose(
		RuntimeOrigin::signed(REG_A),
		action.into(),
		None,
		reason(b"review")
	));
	assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), motion));
	NextActionId::<Test>::get() - 1
}

/// A pallet or call name, as a call takes it (`Vec<u8>`) or as storage keeps it (`CallName`).
pub fn name<N: TryFrom<Vec<u8>>>(text: &[u8]) -> N {
	N::try_from(text.to_vec()).unwrap_or_else(|_| panic!("a name within the bound"))
}

/// A pause of `pallet` (or of its `call`) until `until`, as a call takes it or as storage
/// keeps it.
pub fn pause<N: TryFrom<Vec<u8>>>(
	pallet: &[u8],
	call: Option<&[u8]>,
	until: u64,
) -> FirewallAction<u64, u64, N> {
	FirewallAction::Pause { pallet: name(pallet), call: call.map(name), until }
}

/// Whether the mock levers hold `pallet`'s (or its `call`'s) own pause.
pub fn paused(pallet: &[u8], call: Option<&[u8]>) -> bool {
	crate::mock::PAUSED.with(|p| p.borrow().contains(&(pallet.to_vec(), call.map(|c| c.to_vec()))))
}

/// Runs `f` (a dispatch), asserts it succeeded and changed exactly the storage items named in
/// `changes` — every state change the call makes, and no other of this pallet.
pub fn assert_changes(
	changes: &[&str],
	f: impl FnOnce() -> polkadot_sdk::sp_runtime::DispatchResult,
) {
	polity_primitives::testing::assert_changes::<Regulatory>(changes, f)
}
