//! Attacks on the balance of powers, each refused with a named error: regulators acting outside
//! their jurisdiction, renewing a freeze without end, re-imposing what a vote overturned,
//! undoing a newer action by overturning an older one, ending overlapping pauses, flooding
//! motions.

use super::*;
use crate::mock::{
	COOL_OFF, MAX_FREEZE, MAX_OPEN_MOTIONS, OTHER_PROPOSAL, OUTSIDER, OUTSIDER_RECORD, PROPOSAL,
	RECORD, SAFE_MODE,
};
use polkadot_sdk::frame_support::{assert_noop, traits::Hooks};

/// Proposes `action` in `SCOPE` as its regulator, to be approved by a chain-wide one.
fn propose_local(action: ActionOf<Test>) -> polkadot_sdk::sp_runtime::DispatchResult {
	Regulatory::propose(
		RuntimeOrigin::signed(REG_LOCAL),
		action.into(),
		Some(SCOPE),
		reason(b"local"),
	)
}

#[test]
fn a_scope_regulator_cannot_pause_a_pallet_or_enter_safe_mode() {
	ExtBuilder.build_and_execute(|| {
		for action in [
			pause(b"Balances", None, 10),
			pause(b"Balances", Some(b"transfer_allow_death"), 10),
			FirewallAction::EnterSafeMode,
		] {
			assert_noop!(propose_local(action), Error::<Test>::TargetOutsideJurisdiction);
		}
		// A chain-wide regulator cannot launder it through the scope either.
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				FirewallAction::EnterSafeMode,
				Some(SCOPE),
				reason(b"x")
			),
			Error::<Test>::TargetOutsideJurisdiction
		);
		assert!(!paused(b"Balances", None));
		assert!(SAFE_MODE.with(|m| m.borrow().is_none()));
	});
}

#[test]
fn a_scope_regulator_acts_only_on_the_scope_s_members_records_and_proposals() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			propose_local(FirewallAction::Freeze { who: OUTSIDER, until: 10 }),
			Error::<Test>::TargetOutsideJurisdiction
		);
		assert_noop!(
			propose_local(FirewallAction::Dispute { record: OUTSIDER_RECORD }),
			Error::<Test>::TargetOutsideJurisdiction
		);
		assert_noop!(
			propose_local(FirewallAction::HoldEnactment { proposal: OTHER_PROPOSAL, until: 10 }),
			Error::<Test>::TargetOutsideJurisdiction
		);
		// Inside the scope each is allowed and executes with a chain-wide co-signer.
		for action in [
			FirewallAction::Freeze { who: CITIZEN, until: 10 },
			FirewallAction::Dispute { record: RECORD },
			FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 10 },
		] {
			let motion = NextMotionId::<Test>::get();
			assert_ok!(propose_local(action));
			assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_A), motion));
			assert!(matches!(last_event(), Event::ActionExecuted { motion: m, .. } if m == motion));
		}
		assert!(Regulatory::is_frozen(&CITIZEN));
	});
}

#[test]
fn a_non_regulator_is_refused_as_not_a_regulator_whatever_it_calls() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(CITIZEN, 10),
			None,
			reason(b"x")
		));
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(CITIZEN), 0),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(CITIZEN),
				freeze(REG_A, 10),
				None,
				reason(b"x")
			),
			Error::<Test>::NotRegulator
		);
	});
}

#[test]
fn a_freeze_cannot_be_renewed_past_its_longest_duration() {
	ExtBuilder.build_and_execute(|| {
		freeze_by_motion(CITIZEN, MAX_FREEZE);
		assert_eq!(Freezes::<Test>::get(CITIZEN).unwrap().since, 1);
		System::set_block_number(MAX_FREEZE - 10);
		// Renewing while frozen continues the same run: it may not end past 1 + MAX_FREEZE.
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, MAX_FREEZE + 20),
				None,
				reason(b"again")
			),
			Error::<Test>::FreezeTooLong
		);
		freeze_by_motion(CITIZEN, MAX_FREEZE + 1);
		assert_eq!(Freezes::<Test>::get(CITIZEN).unwrap().since, 1);
		// A break does not restart the cap: the whole run counts within the rolling window…
		System::set_block_number(MAX_FREEZE + 5);
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, MAX_FREEZE + 50),
				None,
				reason(b"again")
			),
			Error::<Test>::RestrictionCapReached
		);
		// …until enough of it has left the window.
		System::set_block_number(301);
		freeze_by_motion(CITIZEN, 351);
		assert_eq!(Freezes::<Test>::get(CITIZEN).unwrap().since, 301);
	});
}

#[test]
fn after_an_overturn_no_motion_may_repeat_the_action_during_the_cool_off() {
	ExtBuilder.build_and_execute(|| {
		let action = freeze_by_motion(CITIZEN, 50);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		assert_eq!(CoolOffs::<Test>::get(ActionTarget::Account(CITIZEN)), Some(1 + COOL_OFF));
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, 60),
				None,
				reason(b"x")
			),
			Error::<Test>::CoolingOff
		);
		// A motion proposed before the overturn cannot execute after it either.
		System::set_block_number(1 + COOL_OFF + 1);
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			freeze(CITIZEN, 60),
			None,
			reason(b"x")
		));
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 1));
		assert!(Regulatory::is_frozen(&CITIZEN));
		assert_eq!(CoolOffs::<Test>::get(ActionTarget::Account(CITIZEN)), None);
	});
}

#[test]
fn a_motion_pending_at_the_overturn_cannot_execute_in_the_cool_off() {
	ExtBuilder.build_and_execute(|| {
		let action = act(FirewallAction::Dispute { record: RECORD });
		assert_ok!(Regulatory::propose(
			RuntimeOrigin::signed(REG_A),
			FirewallAction::ClearDispute { record: RECORD },
			None,
			reason(b"x")
		));
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				FirewallAction::Dispute { record: RECORD },
				None,
				reason(b"x")
			),
			Error::<Test>::CoolingOff
		);
	});
}

#[test]
fn overturning_an_old_safe_mode_dispute_or_hold_lifts_the_regulators_newer_one() {
	ExtBuilder.build_and_execute(|| {
		// Safe mode: entered, left, entered again by a second motion.
		let old_safe = act(FirewallAction::EnterSafeMode);
		act(FirewallAction::ExitSafeMode);
		let _new_safe = act(FirewallAction::EnterSafeMode);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old_safe));
		assert!(SAFE_MODE.with(|m| m.borrow().is_none()), "the target's safe mode is lifted");

		// Dispute: flagged, cleared, flagged again.
		let old = act(FirewallAction::Dispute { record: RECORD });
		act(FirewallAction::ClearDispute { record: RECORD });
		let _new = act(FirewallAction::Dispute { record: RECORD });
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old));
		assert!(!mock::DISPUTED.with(|d| d.borrow().contains(&RECORD)), "the dispute is lifted");

		// Hold: placed, released, placed again.
		let old = act(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 30 });
		act(FirewallAction::ReleaseEnactment { proposal: PROPOSAL });
		let _new = act(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 40 });
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old));
		assert_eq!(mock::HELD.with(|h| h.borrow().get(&PROPOSAL).copied()), None);
		// And none of them may be re-imposed by a motion while the target cools off.
		for action in [
			FirewallAction::EnterSafeMode,
			FirewallAction::Dispute { record: RECORD },
			FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 40 },
		] {
			assert_noop!(
				Regulatory::propose(RuntimeOrigin::signed(REG_A), action, None, reason(b"x")),
				Error::<Test>::CoolingOff
			);
		}
	});
}

#[test]
fn an_expired_safe_mode_entered_anew_elsewhere_is_not_ended_by_an_old_overturn() {
	ExtBuilder.build_and_execute(|| {
		let old = act(FirewallAction::EnterSafeMode);
		// It ends by itself; governance enters a new one outside the firewall.
		SAFE_MODE.with(|m| *m.borrow_mut() = Some(500));
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), old));
		assert_eq!(SAFE_MODE.with(|m| *m.borrow()), Some(500));
	});
}

#[test]
fn overlapping_pauses_do_not_end_each_other() {
	ExtBuilder.build_and_execute(|| {
		let transfer = Some(&b"transfer_allow_death"[..]);
		let keep_alive = Some(&b"transfer_keep_alive"[..]);
		// Whether a call is paused, on its own or with its pallet.
		let blocked = |call| paused(b"Balances", None) || paused(b"Balances", call);
		act(pause(b"Balances", transfer, 50));
		let whole = act(pause(b"Balances", None, 20));
		// Ending the pallet's pause leaves the call's own pause in force.
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), whole));
		assert!(!paused(b"Balances", None));
		assert!(blocked(transfer));
		// Ending a call's pause while its pallet is paused leaves the call paused.
		System::set_block_number(1 + COOL_OFF + 1);
		act(pause(b"Balances", None, 40));
		let own = act(pause(b"Balances", keep_alive, 45));
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), own));
		assert!(blocked(keep_alive));
		// The pallet's pause expires: its calls are free but for the one paused on its own.
		System::set_block_number(41);
		Regulatory::on_initialize(41);
		assert!(!blocked(keep_alive));
		assert!(blocked(transfer));
		System::set_block_number(51);
		Regulatory::on_initialize(51);
		assert!(!blocked(transfer));
		assert_eq!(Pauses::<Test>::count(), 0);
	});
}

#[test]
fn a_regulator_cannot_flood_motions() {
	ExtBuilder.build_and_execute(|| {
		for i in 0..MAX_OPEN_MOTIONS {
			assert_ok!(Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, 10 + u64::from(i)),
				None,
				reason(b"x")
			));
		}
		assert_eq!(OpenMotions::<Test>::get(REG_A), MAX_OPEN_MOTIONS);
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, 9),
				None,
				reason(b"x")
			),
			Error::<Test>::TooManyMotions
		);
		// An executed or expired motion frees its slot.
		assert_ok!(Regulatory::approve(RuntimeOrigin::signed(REG_B), 0));
		assert_eq!(OpenMotions::<Test>::get(REG_A), MAX_OPEN_MOTIONS - 1);
		System::set_block_number(1 + mock::MOTION_DURATION + 1);
		assert_ok!(Regulatory::close_motion(RuntimeOrigin::signed(CITIZEN), 1));
		assert_eq!(OpenMotions::<Test>::get(REG_A), MAX_OPEN_MOTIONS - 2);
	});
}

#[test]
fn during_a_cool_off_only_a_stakeholder_vote_acts_on_the_target() {
	ExtBuilder.build_and_execute(|| {
		let action = freeze_by_motion(CITIZEN, 50);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		assert_noop!(
			Regulatory::propose(
				RuntimeOrigin::signed(REG_A),
				freeze(CITIZEN, 60),
				None,
				reason(b"x")
			),
			Error::<Test>::CoolingOff
		);
		// Regulators cannot take the stakeholders' lever.
		assert_noop!(
			Regulatory::act(RuntimeOrigin::signed(REG_A), freeze(CITIZEN, 60), reason(b"x")),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		// Its checks are the motion's.
		assert_noop!(
			Regulatory::act(RuntimeOrigin::root(), freeze(CITIZEN, 1), reason(b"x")),
			Error::<Test>::InvalidFreeze
		);
		// A stakeholder vote (root in the mock) may act: logged with no regulator.
		assert_ok!(Regulatory::act(RuntimeOrigin::root(), freeze(CITIZEN, 60), reason(b"vote")));
		let id = NextActionId::<Test>::get() - 1;
		assert_eq!(last_event(), Event::ActionTaken { action: id });
		assert!(Regulatory::is_frozen(&CITIZEN));
		let logged = ActionLog::<Test>::get(id).unwrap();
		assert_eq!((logged.proposer, logged.approvals.len()), (None, 0));
		assert!(ActionsConcerning::<Test>::contains_key(CITIZEN, id));
		// And it answers to the stakeholders like any other action.
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), id));
		assert!(!Regulatory::is_frozen(&CITIZEN));
	});
}
