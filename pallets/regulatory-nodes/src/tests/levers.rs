use super::*;
use crate::mock::{DISPUTED, HELD, PROPOSAL, RECORD, SAFE_MODE, SAFE_MODE_BLOCKS};
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn safe_mode() -> Option<u64> {
	SAFE_MODE.with(|m| *m.borrow())
}

#[test]
fn safe_mode_is_entered_and_left_by_motion_and_overturned_by_vote() {
	ExtBuilder.build_and_execute(|| {
		let action = act(FirewallAction::EnterSafeMode);
		assert_eq!(safe_mode(), Some(1 + SAFE_MODE_BLOCKS));
		assert_eq!(ActionLog::<Test>::get(action).unwrap().subject, None);
		// Entering twice fails where the lever says so; the approval is undone with it.
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			FirewallAction::EnterSafeMode,
			None,
			reason(b"r")
		));
		let motion = NextMotionId::<Test>::get() - 1;
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_B), motion),
			DispatchError::Other("Entered")
		);
		act(FirewallAction::ExitSafeMode);
		assert_eq!(safe_mode(), None);
		let again = act(FirewallAction::EnterSafeMode);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), again));
		assert_eq!(safe_mode(), None);
		assert_eq!(last_event(), Event::Overturned { action: again });
	});
}

#[test]
fn a_record_is_disputed_indexed_by_its_owner_and_cleared() {
	ExtBuilder.build_and_execute(|| {
		let action = act(FirewallAction::Dispute { record: RECORD });
		assert!(DISPUTED.with(|d| d.borrow().contains(&RECORD)));
		assert_eq!(ActionLog::<Test>::get(action).unwrap().subject, Some(CITIZEN));
		assert!(ActionsConcerning::<Test>::contains_key(CITIZEN, action));
		act(FirewallAction::ClearDispute { record: RECORD });
		assert!(DISPUTED.with(|d| d.borrow().is_empty()));
		let again = act(FirewallAction::Dispute { record: RECORD });
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), again));
		assert!(DISPUTED.with(|d| d.borrow().is_empty()));
		// A record the chain does not know fails where the lever says so.
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			FirewallAction::Dispute { record: RecordHash::zero() },
			None,
			reason(b"r")
		));
		let motion = NextMotionId::<Test>::get() - 1;
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_B), motion),
			DispatchError::Other("NotFound")
		);
	});
}

#[test]
fn an_enactment_is_held_released_and_a_hold_overturned() {
	ExtBuilder.build_and_execute(|| {
		let action = act(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 40 });
		assert_eq!(HELD.with(|h| h.borrow().get(&PROPOSAL).copied()), Some(40));
		assert_eq!(ActionLog::<Test>::get(action).unwrap().subject, Some(CITIZEN));
		act(FirewallAction::ReleaseEnactment { proposal: PROPOSAL });
		assert!(HELD.with(|h| h.borrow().is_empty()));
		let again = act(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 40 });
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), again));
		assert!(HELD.with(|h| h.borrow().is_empty()));
	});
}

#[test]
fn relaxing_actions_are_not_overturnable() {
	ExtBuilder.build_and_execute(|| {
		act(FirewallAction::Dispute { record: RECORD });
		let clear = act(FirewallAction::ClearDispute { record: RECORD });
		assert_noop!(
			Regulatory::overturn(RuntimeOrigin::root(), clear),
			Error::<Test>::NotOverturnable
		);
	});
}
