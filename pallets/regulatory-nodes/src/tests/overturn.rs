use super::*;
use crate::mock::COOL_OFF;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

#[test]
fn a_stakeholder_vote_overturns_a_freeze() {
	ExtBuilder.build_and_execute(|| {
		let action = freeze_by_motion(CITIZEN, 50);
		System::set_block_number(5);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		assert_eq!(last_event(), Event::Overturned { action });
		assert!(!Regulatory::is_frozen(&CITIZEN));
		assert_eq!(ActionLog::<Test>::get(action).unwrap().overturned_at, Some(5));
		assert_noop!(
			Regulatory::overturn(RuntimeOrigin::root(), action),
			Error::<Test>::AlreadyOverturned
		);
	});
}

#[test]
fn overturning_a_freeze_lifts_its_renewal_too() {
	ExtBuilder.build_and_execute(|| {
		let old = freeze_by_motion(CITIZEN, 50);
		// Renewed by the regulators while the overturn vote ran: a new action id, same target.
		let _renewal = freeze_by_motion(CITIZEN, 80);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old));
		assert!(!Regulatory::is_frozen(&CITIZEN));
		assert!(Freezes::<Test>::get(CITIZEN).is_none());
		assert_eq!(CoolOffs::<Test>::get(ActionTarget::Account(CITIZEN)), Some(1 + COOL_OFF));
	});
}

#[test]
fn overturning_the_regulators_freeze_keeps_one_the_stakeholders_imposed() {
	ExtBuilder.build_and_execute(|| {
		let old = freeze_by_motion(CITIZEN, 50);
		assert_ok!(Regulatory::act(RuntimeOrigin::root(), freeze(CITIZEN, 80), reason(b"vote")));
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old));
		assert_eq!(Freezes::<Test>::get(CITIZEN).unwrap().until, 80);
	});
}

#[test]
fn overturn_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Regulatory::overturn(RuntimeOrigin::root(), 0), Error::<Test>::ActionNotFound);
		let action = freeze_by_motion(CITIZEN, 50);
		assert_noop!(
			Regulatory::overturn(RuntimeOrigin::signed(REG_A), action),
			DispatchError::BadOrigin
		);
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			FirewallAction::Unfreeze { who: CITIZEN },
			None,
			reason(b"ok")
		));
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 1));
		assert_noop!(
			Regulatory::overturn(RuntimeOrigin::root(), 1),
			Error::<Test>::NotOverturnable
		);
	});
}

#[test]
fn freezes_expire_by_themselves() {
	ExtBuilder.build_and_execute(|| {
		freeze_by_motion(CITIZEN, 20);
		System::set_block_number(20);
		assert!(Regulatory::is_frozen(&CITIZEN));
		assert_noop!(
			Regulatory::clear_expired_freeze(RuntimeOrigin::signed(REG_A), CITIZEN),
			Error::<Test>::StillFrozen
		);
		System::set_block_number(21);
		assert!(!Regulatory::is_frozen(&CITIZEN));
		assert!(Regulatory::freeze_of(&CITIZEN).is_none());
		assert_ok!(Regulatory::clear_expired_freeze(RuntimeOrigin::signed(REG_A), CITIZEN));
		assert_eq!(last_event(), Event::Unfrozen { who: CITIZEN });
		assert_noop!(
			Regulatory::clear_expired_freeze(RuntimeOrigin::signed(REG_A), CITIZEN),
			Error::<Test>::NotFrozen
		);
	});
}
