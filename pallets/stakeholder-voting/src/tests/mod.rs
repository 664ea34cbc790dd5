//! Tests, one file per feature. Every test runs through `ExtBuilder::build_and_execute`, which
//! checks the pallet's invariants (`do_try_state`) after the test body.

mod applications;
mod attacks;
mod attestations;
mod closing;
mod delegation;
mod fees;
mod holds;
mod migration;
mod proposals;
mod queries;
mod root;
mod safeguards;
mod scopes;
mod secret_ballots;
mod stakeholders;
mod state_changes;
mod voting;
mod weighting;

use crate::{mock::*, *};
use polity_primitives::traits::EnactmentHold as _;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::InspectHold, BoundedVec},
	sp_core::H256,
};

/// Moves to block `n`, running every block's hooks on the way.
pub fn run_to(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// The last event of this pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::StakeholderVoting(e) => Some(e),
			_ => None,
		})
		.expect("an event of this pallet")
}

/// Every event of this pallet, in order.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::StakeholderVoting(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// A byte string as a call takes it (`Vec<u8>`) or as storage keeps it (`BoundedVec`).
pub fn bounded<T: TryFrom<Vec<u8>>>(bytes: &[u8]) -> T
where
	T::Error: core::fmt::Debug,
{
	T::try_from(bytes.to_vec()).unwrap()
}

/// Proposes in `scope` as `who` with an optional call; returns the index.
pub fn propose(who: u64, scope: ScopeId, call: Option<RuntimeCall>) -> ProposalIndex {
	let index = ProposalCount::<Test>::get();
	assert_ok!(StakeholderVoting::propose(
		RuntimeOrigin::signed(who),
		scope,
		bounded(b"a proposal"),
		H256::repeat_byte(7),
		call.map(Box::new),
	));
	index
}

/// Votes `choice` on `index` as `who`.
pub fn vote(who: u64, index: ProposalIndex, choice: VoteChoice) {
	assert_ok!(StakeholderVoting::vote(RuntimeOrigin::signed(who), index, choice));
}

/// Funds held from `who` for `reason`.
pub fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::StakeholderVoting(reason), &who)
}

/// The status of a proposal.
pub fn status(index: ProposalIndex) -> ProposalStatus<u64> {
	Proposals::<Test>::get(index).unwrap().status
}

/// Runs `f` (a dispatch), asserts it succeeded and changed exactly the storage items named in
/// `changes` — every state change the call makes, and no other of this pallet.
pub fn assert_changes(
	changes: &[&str],
	f: impl FnOnce() -> polkadot_sdk::sp_runtime::DispatchResult,
) {
	polity_primitives::testing::assert_changes::<StakeholderVoting>(changes, f)
}
