//! Enactment holds placed by regulators: bounded, released, and enacted when they end.

use super::*;
use polkadot_sdk::frame_support::assert_noop;

fn create_scope_call(name: &[u8]) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(crate::Call::create_scope {
		name: bounded(name),
		rule: rule(Weighting::Headcount),
	})
}

/// A chain-wide proposal creating a scope, with every sector voting aye.
fn passing_proposal() -> ProposalIndex {
	let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"held")));
	vote(GOV, index, VoteChoice::Aye);
	vote(MARKET, index, VoteChoice::Aye);
	vote(COMMUNITY, index, VoteChoice::Aye);
	index
}

#[test]
fn a_held_proposal_passes_and_is_enacted_when_the_hold_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let index = passing_proposal();
		let until = 5 + PERIOD;
		assert_eq!(StakeholderVoting::hold_enactment(index, Some(until)), Ok(GOV));
		assert_eq!(last_event(), Event::EnactmentHeld { index, until });
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until });
		assert!(Scopes::<Test>::get(2).is_none(), "not enacted while held");
		assert!(EnactmentHolds::<Test>::get(index).is_none());
		run_to(until);
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert!(Scopes::<Test>::get(2).is_some());
		assert_eq!(last_event(), Event::Enacted { index, result: Enactment::Enacted });
	});
}

#[test]
fn a_hold_released_before_the_close_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = passing_proposal();
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(10 + PERIOD)));
		assert_ok!(StakeholderVoting::hold_enactment(index, None));
		assert_eq!(last_event(), Event::EnactmentReleased { index });
		run_to(1 + PERIOD);
		assert!(Scopes::<Test>::get(2).is_some());
	});
}

#[test]
fn a_hold_released_after_the_close_enacts_at_the_next_block() {
	ExtBuilder::default().build_and_execute(|| {
		let index = passing_proposal();
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(15)));
		run_to(1 + PERIOD);
		assert!(matches!(status(index), ProposalStatus::Held { .. }));
		// Extended while held, within the bound from the first hold.
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(1 + MAX_HOLD)));
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: 1 + MAX_HOLD });
		assert_ok!(StakeholderVoting::hold_enactment(index, None));
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: 2 + PERIOD });
		// Anyone may close it once due; the hook would do it too.
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::signed(GOV), index),
			Error::<Test>::NotDue
		);
		System::set_block_number(2 + PERIOD);
		assert_ok!(StakeholderVoting::close(RuntimeOrigin::signed(GOV), index));
		assert!(Scopes::<Test>::get(2).is_some());
		assert!(ProposalsEndingAt::<Test>::get(2 + PERIOD).is_empty());
	});
}

#[test]
fn a_rejected_proposal_drops_its_hold() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"no")));
		vote(GOV, index, VoteChoice::Nay);
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(10 + PERIOD)));
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
		assert!(EnactmentHolds::<Test>::get(index).is_none());
	});
}

#[test]
fn hold_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::hold_enactment(9, Some(5)),
			Error::<Test>::ProposalNotFound
		);
		let bare = propose(GOV, CHAIN_WIDE_SCOPE, None);
		assert_noop!(StakeholderVoting::hold_enactment(bare, Some(5)), Error::<Test>::NotHoldable);
		let index = passing_proposal();
		assert_noop!(StakeholderVoting::hold_enactment(index, Some(1)), Error::<Test>::InvalidHold);
		assert_noop!(
			StakeholderVoting::hold_enactment(index, Some(2 + MAX_HOLD)),
			Error::<Test>::InvalidHold
		);
		assert_noop!(StakeholderVoting::hold_enactment(index, None), Error::<Test>::NotHeld);
		run_to(1 + PERIOD);
		// Enacted already: nothing left to hold.
		assert_noop!(
			StakeholderVoting::hold_enactment(index, Some(5 + PERIOD)),
			Error::<Test>::NotHoldable
		);
		assert_noop!(StakeholderVoting::hold_enactment(index, None), Error::<Test>::NotHeld);
	});
}
