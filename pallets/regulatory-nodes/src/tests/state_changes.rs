//! Every state change of the main calls, and no other: `assert_<action>` snapshots the pallet's
//! storage before and after each dispatch (`assert_changes`) and checks the outcome.

use super::*;

fn assert_propose(who: u64, action: ActionOf<Test>, changes: &[&str]) -> MotionId {
	let motion = NextMotionId::<Test>::get();
	assert_changes(changes, || {
		Regulatory::propose(RuntimeOrigin::signed(who), action.into(), None, reason(b"fraud"))
	});
	assert!(Motions::<Test>::contains_key(motion));
	motion
}

fn assert_approve(who: u64, motion: MotionId, changes: &[&str]) {
	assert_changes(changes, || Regulatory::approve(RuntimeOrigin::signed(who), motion));
	assert!(!Motions::<Test>::contains_key(motion));
}

#[test]
fn a_freeze_by_motion_writes_the_motion_then_the_freeze_its_log_and_its_span_and_nothing_else() {
	ExtBuilder.build_and_execute(|| {
		let motion =
			assert_propose(REG_A, freeze(7, 100), &["Motions", "NextMotionId", "OpenMotions"]);
		assert_approve(
			REG_B,
			motion,
			&[
				"Motions",
				"OpenMotions",
				"NextActionId",
				"ActionLog",
				"ActionsConcerning",
				"Freezes",
				"RestrictionSpans",
			],
		);
		assert!(Freezes::<Test>::contains_key(7));
		// The motion's deposit is back with its proposer.
		assert_eq!(OpenMotions::<Test>::get(REG_A), 0);
	});
}
