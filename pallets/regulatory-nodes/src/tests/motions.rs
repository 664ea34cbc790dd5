use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

#[test]
fn a_motion_executes_at_the_threshold() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(CITIZEN, 50),
			None,
			reason(b"fraud")
		));
		assert_eq!(last_event(), Event::MotionProposed { motion: 0, proposer: REG_A });
		// One of two approvals: nothing happens yet.
		assert!(!Regulatory::is_frozen(&CITIZEN));
		assert_eq!(Motions::<Test>::get(0).unwrap().approvals.to_vec(), vec![REG_A]);
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 0));
		assert!(Regulatory::is_frozen(&CITIZEN));
		assert!(Motions::<Test>::get(0).is_none());
		let events: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Regulatory(e) => Some(e),
				_ => None,
			})
			.collect();
		assert!(events.contains(&Event::MotionApproved { motion: 0, who: REG_B, approvals: 2 }));
		assert!(events.contains(&Event::Frozen { who: CITIZEN, until: 50 }));
		assert_eq!(last_event(), Event::ActionExecuted { motion: 0, action: 0 });
		let logged = ActionLog::<Test>::get(0).unwrap();
		assert_eq!(
			(logged.proposer, logged.approvals.to_vec(), logged.reason.to_vec()),
			(Some(REG_A), vec![REG_A, REG_B], b"fraud".to_vec())
		);
		assert_eq!(logged.executed_at, 1);
		assert!(ActionsConcerning::<Test>::contains_key(CITIZEN, 0));
		assert_eq!(Regulatory::actions_concerning(&CITIZEN, None, 10).len(), 1);
		assert_eq!(Regulatory::action_log(None, 10)[0].id, 0);
	});
}

#[test]
fn a_threshold_of_one_executes_at_once() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::set_threshold(RuntimeOrigin::root(), 1));
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(CITIZEN, 50),
			None,
			reason(b"r")
		));
		assert!(Regulatory::is_frozen(&CITIZEN));
	});
}

#[test]
fn jurisdiction_limits_who_counts() {
	ExtBuilder.build_and_execute(|| {
		// The local regulator covers scope 7 only.
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_LOCAL),
				freeze(CITIZEN, 50),
				None,
				reason(b"r")
			),
			Error::<Test>::OutsideJurisdiction
		);
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_LOCAL),
			freeze(CITIZEN, 50),
			Some(SCOPE),
			reason(b"r")
		));
		// A chain-wide regulator covers scope 7 too.
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_A), 0));
		assert!(Regulatory::is_frozen(&CITIZEN));
		// Scope 8 is covered by the two chain-wide regulators only.
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(8, 50),
			Some(8),
			reason(b"r")
		));
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_LOCAL), 1),
			Error::<Test>::OutsideJurisdiction
		);
	});
}

#[test]
fn dismissed_approvals_do_not_count() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			4,
			JurisdictionInput::ChainWide,
			Default::default()
		));
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(4),
			freeze(CITIZEN, 50),
			None,
			reason(b"r")
		));
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 4));
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_A), 0));
		assert!(!Regulatory::is_frozen(&CITIZEN), "only one approver is still in office");
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 0));
		assert!(Regulatory::is_frozen(&CITIZEN));
	});
}

#[test]
fn motion_errors() {
	ExtBuilder.build_and_execute(|| {
		// One byte over `MaxReasonLen` decodes, and is refused by name.
		let max = <<Test as Config>::MaxReasonLen as polkadot_sdk::sp_core::Get<u32>>::get();
		let long = vec![b'r'; max as usize + 1];
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(REG_A), freeze(4, 50), None, long.clone()),
			Error::<Test>::ReasonTooLong
		);
		assert_noop!(
			Regulatory::act(RuntimeOrigin::root(), freeze(4, 50), long),
			Error::<Test>::ReasonTooLong
		);
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(CITIZEN), freeze(4, 50), None, reason(b"r")),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(REG_A), freeze(4, 1), None, reason(b"r")),
			Error::<Test>::InvalidFreeze
		);
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(4, 2 + MAX_FREEZE),
				None,
				reason(b"r")
			),
			Error::<Test>::InvalidFreeze
		);
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				FirewallAction::Unfreeze { who: 4 },
				None,
				reason(b"r")
			),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Regulatory::set_threshold(RuntimeOrigin::root(), 3));
		// Only two regulators cover the whole chain.
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(REG_A), freeze(4, 50), None, reason(b"r")),
			Error::<Test>::NotEnoughRegulators
		);
		assert_ok!(Regulatory::set_threshold(RuntimeOrigin::root(), 2));
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(4, 50),
			None,
			reason(b"r")
		));
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_A), 0),
			Error::<Test>::AlreadyApproved
		);
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_B), 9),
			Error::<Test>::MotionNotFound
		);
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(CITIZEN), 0),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::none(), freeze(4, 50), None, reason(b"r")),
			DispatchError::BadOrigin
		);
		NextMotionId::<Test>::put(MotionId::MAX);
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(REG_A), freeze(5, 50), None, reason(b"r")),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn unapproved_motions_expire() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(CITIZEN, 50),
			None,
			reason(b"r")
		));
		assert_noop!(
			Regulatory::close_motion(RuntimeOrigin::signed(CITIZEN), 0),
			Error::<Test>::MotionNotExpired
		);
		System::set_block_number(2 + MOTION_DURATION);
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_B), 0),
			Error::<Test>::MotionExpired
		);
		assert_ok!(Regulatory::close_motion(RuntimeOrigin::signed(CITIZEN), 0));
		assert_eq!(last_event(), Event::MotionExpired { motion: 0 });
		assert!(Motions::<Test>::get(0).is_none());
		assert_noop!(
			Regulatory::close_motion(RuntimeOrigin::signed(CITIZEN), 0),
			Error::<Test>::MotionNotFound
		);
	});
}

#[test]
fn unfreeze_by_motion() {
	ExtBuilder.build_and_execute(|| {
		freeze_by_motion(CITIZEN, 50);
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			FirewallAction::Unfreeze { who: CITIZEN },
			None,
			reason(b"ok")
		));
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 1));
		assert!(!Regulatory::is_frozen(&CITIZEN));
		assert_eq!(Regulatory::actions_concerning(&CITIZEN, None, 10).len(), 2);
	});
}
