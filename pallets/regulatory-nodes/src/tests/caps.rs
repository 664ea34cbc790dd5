//! Caps that count per target over time, not per action: whatever sequence of motions,
//! renewals, lifts and re-impositions regulators use, one target is restricted at most the cap
//! within any rolling `RestrictionWindow`, and only a chain-wide vote shortens a cool-off.

use super::*;
use crate::mock::{
	COOL_OFF, MAX_FREEZE, MAX_PAUSE, PROPOSAL, RECORD, RESTRICTION_WINDOW, SAFE_MODE_BLOCKS,
};
use polkadot_sdk::frame_support::assert_noop;

fn propose(action: ActionOf<Test>) -> polkadot_sdk::sp_runtime::DispatchResult {
	Regulatory::propose(RuntimeOrigin::signed(REG_A), action.into(), None, reason(b"again"))
}

#[test]
fn freeze_unfreeze_freeze_does_not_restart_the_cap() {
	ExtBuilder.build_and_execute(|| {
		freeze_by_motion(CITIZEN, 1 + MAX_FREEZE);
		System::set_block_number(51);
		// The regulators lift it themselves, then freeze again for the full length.
		act(FirewallAction::Unfreeze { who: CITIZEN });
		assert_eq!(
			RestrictionSpans::<Test>::get(ActionTarget::Account(CITIZEN)).to_vec(),
			vec![(1, 51)]
		);
		assert_noop!(
			propose(freeze(CITIZEN, 51 + MAX_FREEZE)),
			Error::<Test>::RestrictionCapReached
		);
		// What is left of the cap may still be used.
		freeze_by_motion(CITIZEN, 51 + MAX_FREEZE - 50);
		assert!(Regulatory::is_frozen(&CITIZEN));
		// Once the first span leaves the window, the cap frees up again.
		System::set_block_number(1 + RESTRICTION_WINDOW + 101);
		freeze_by_motion(CITIZEN, 1 + RESTRICTION_WINDOW + 101 + MAX_FREEZE);
	});
}

#[test]
fn clearing_a_dispute_and_flagging_it_again_does_not_restart_its_clock() {
	ExtBuilder.build_and_execute(|| {
		act(FirewallAction::Dispute { record: RECORD });
		System::set_block_number(61);
		act(FirewallAction::ClearDispute { record: RECORD });
		// 60 blocks used; a new flag would count to its full lapse (MAX_FREEZE): refused.
		assert_noop!(
			propose(FirewallAction::Dispute { record: RECORD }),
			Error::<Test>::RestrictionCapReached
		);
	});
}

#[test]
fn pauses_and_holds_are_capped_per_target_across_renewals() {
	ExtBuilder.build_and_execute(|| {
		act(pause(b"Balances", None, 1 + MAX_PAUSE));
		System::set_block_number(11);
		act(FirewallAction::Unpause { pallet: name(b"Balances"), call: None });
		assert_noop!(
			propose(pause(b"Balances", None, 11 + MAX_PAUSE)),
			Error::<Test>::RestrictionCapReached
		);
		act(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 1 + MAX_PAUSE });
		act(FirewallAction::ReleaseEnactment { proposal: PROPOSAL });
		assert_noop!(
			propose(FirewallAction::HoldEnactment { proposal: PROPOSAL, until: 12 + MAX_PAUSE }),
			Error::<Test>::RestrictionCapReached
		);
	});
}

#[test]
fn safe_mode_cannot_be_re_entered_past_its_cap() {
	ExtBuilder.build_and_execute(|| {
		// Each safe mode lasts SAFE_MODE_BLOCKS (20); the cap is MAX_PAUSE (50) per window.
		for at in [1, 21] {
			System::set_block_number(at);
			act(FirewallAction::EnterSafeMode);
			System::set_block_number(at + SAFE_MODE_BLOCKS);
			act(FirewallAction::ExitSafeMode);
		}
		System::set_block_number(41);
		// Its end is known only when it is entered: the motion executing refuses it.
		assert_ok!(propose(FirewallAction::EnterSafeMode));
		let motion = NextMotionId::<Test>::get() - 1;
		assert_noop!(
			Regulatory::approve(RuntimeOrigin::signed(REG_B), motion),
			Error::<Test>::RestrictionCapReached
		);
		let used: u64 =
			RestrictionSpans::<Test>::get(ActionTarget::SafeMode).iter().map(|(a, b)| b - a).sum();
		assert_eq!(used, 2 * SAFE_MODE_BLOCKS);
	});
}

#[test]
fn only_a_chain_wide_vote_shortens_a_cool_off() {
	ExtBuilder.build_and_execute(|| {
		let action = freeze_by_motion(CITIZEN, 50);
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		let target = ActionTarget::Account(CITIZEN);
		// A regulators' relaxing motion on the target does not clear the cool-off.
		assert_noop!(propose(FirewallAction::Unfreeze { who: CITIZEN }), Error::<Test>::NotFrozen);
		assert_eq!(CoolOffs::<Test>::get(&target), Some(1 + COOL_OFF));
		assert_noop!(
			Regulatory::shorten_cool_off(RuntimeOrigin::signed(REG_A), target.clone().into(), None),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::shorten_cool_off(
				RuntimeOrigin::root(),
				target.clone().into(),
				Some(1 + COOL_OFF)
			),
			Error::<Test>::InvalidCoolOff
		);
		assert_noop!(
			Regulatory::shorten_cool_off(
				RuntimeOrigin::root(),
				ActionTargetInput::Record(RECORD),
				None
			),
			Error::<Test>::InvalidCoolOff
		);
		assert_ok!(Regulatory::shorten_cool_off(
			RuntimeOrigin::root(),
			target.clone().into(),
			Some(5)
		));
		assert_eq!(last_event(), Event::CoolOffSet { target: target.clone(), until: Some(5) });
		assert_eq!(CoolOffs::<Test>::get(&target), Some(5));
		assert_ok!(Regulatory::shorten_cool_off(
			RuntimeOrigin::root(),
			target.clone().into(),
			None
		));
		assert_eq!(CoolOffs::<Test>::get(&target), None);
		freeze_by_motion(CITIZEN, 40);
		// A pallet name one byte over its bound is refused by name.
		let long = vec![b'p'; MAX_CALL_NAME_LEN as usize + 1];
		assert_noop!(
			Regulatory::shorten_cool_off(
				RuntimeOrigin::root(),
				ActionTargetInput::Call(long, None),
				None
			),
			Error::<Test>::CallNameTooLong
		);
	});
}

#[test]
fn too_many_separate_restrictions_of_one_target_are_refused() {
	ExtBuilder.build_and_execute(|| {
		for n in 0..crate::MAX_RESTRICTION_SPANS as u64 {
			System::set_block_number(1 + 2 * n);
			freeze_by_motion(CITIZEN, 2 + 2 * n);
		}
		System::set_block_number(1 + 2 * crate::MAX_RESTRICTION_SPANS as u64);
		assert_noop!(propose(freeze(CITIZEN, 40)), Error::<Test>::TooManyRestrictions);
	});
}
