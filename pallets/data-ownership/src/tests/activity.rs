//! The activity log: every step of a record's life, bounded and paginated.

use super::*;
use polkadot_sdk::frame_support::assert_noop;

#[test]
fn the_log_tells_who_owned_a_record_when() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			CHARLIE,
			purpose(b"audit"),
			9
		));
		assert_ok!(DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), CHARLIE));
		System::set_block_number(2);
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 9));
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 9));
		System::set_block_number(3);
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(BOB),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(BOB), h(1)));
		System::set_block_number(3 + PURGE_DELAY);
		assert_ok!(DataOwnership::purge(RuntimeOrigin::signed(BOB), h(1)));
		let log: Vec<_> =
			DataOwnership::activity(h(1), 0, 100).into_iter().map(|e| (e.at, e.activity)).collect();
		assert_eq!(
			log,
			vec![
				(1, Activity::Registered { owner: ALICE, supersedes: None, committed: false }),
				(1, Activity::Licensed { to: CHARLIE }),
				(1, Activity::LicenceRevoked { who: CHARLIE }),
				(2, Activity::Offered { to: BOB }),
				(2, Activity::OfferCancelled),
				(2, Activity::Offered { to: BOB }),
				(3, Activity::Transferred { from: ALICE, to: BOB }),
				(3, Activity::Versioned { by: h(2) }),
				(3, Activity::Revoked),
				(3 + PURGE_DELAY, Activity::Purged),
			]
		);
		// Paginated.
		let page: Vec<_> =
			DataOwnership::activity(h(1), 6, 2).into_iter().map(|e| e.activity).collect();
		assert_eq!(
			page,
			vec![Activity::Transferred { from: ALICE, to: BOB }, Activity::Versioned { by: h(2) }]
		);
		assert!(DataOwnership::activity(h(1), 10, 5).is_empty());
		assert_eq!(
			DataOwnership::activity(h(2), 0, 5)[0].activity,
			Activity::Registered { owner: BOB, supersedes: Some(h(1)), committed: false }
		);
		assert_eq!(DataOwnership::registered_in(h(2)), Some(3));
		assert_eq!(DataOwnership::registered_in(h(9)), None);
	});
}

#[test]
fn a_full_log_refuses_more_owner_steps_but_not_regulators() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		// Registered + 11 grant/revoke steps = MAX_ACTIVITY.
		for i in 0..(MAX_ACTIVITY - 1) {
			if i % 2 == 0 {
				assert_ok!(DataOwnership::grant_access(
					RuntimeOrigin::signed(ALICE),
					h(1),
					BOB,
					purpose(b"x"),
					9
				));
			} else {
				assert_ok!(DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), BOB));
			}
		}
		assert_eq!(ActivityCount::<Test>::get(h(1)), MAX_ACTIVITY);
		assert_noop!(
			DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), BOB),
			Error::<Test>::ActivityLogFull
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 9),
			Error::<Test>::ActivityLogFull
		);
		// Regulators and votes are never blocked by it.
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		assert_ok!(DataOwnership::resolve_dispute(RuntimeOrigin::root(), h(1), Some(CHARLIE)));
		assert_eq!(ActivityCount::<Test>::get(h(1)), MAX_ACTIVITY + 2);
	});
}
