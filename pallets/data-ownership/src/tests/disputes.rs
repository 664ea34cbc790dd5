use super::*;
use polkadot_sdk::frame_support::assert_noop;

#[test]
fn a_disputed_record_cannot_change_hands_or_state() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_eq!(DataOwnership::set_disputed(h(1), true), Ok(ALICE));
		assert_eq!(last_event(), Event::DisputeFlagged { hash: h(1) });
		assert_eq!(DataOwnership::record(h(1)).unwrap().disputed_since, Some(1));
		assert_noop!(
			DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::Disputed
		);
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10),
			Error::<Test>::Disputed
		);
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(ALICE), h(2), meta(b"v2"), Some(h(1))),
			Error::<Test>::Disputed
		);
		assert_noop!(
			DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::Disputed
		);
		// Access licences are the owner's to give even while the record is disputed.
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			BOB,
			purpose(b"audit"),
			10
		));
		assert_eq!(DataOwnership::set_disputed(h(1), false), Ok(ALICE));
		assert_eq!(last_event(), Event::DisputeCleared { hash: h(1) });
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
	});
}

#[test]
fn a_disputed_revoked_record_cannot_be_purged() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		System::set_block_number(1 + PURGE_DELAY);
		assert_noop!(
			DataOwnership::purge(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::Disputed
		);
	});
}

#[test]
fn dispute_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(DataOwnership::set_disputed(h(9), true), Error::<Test>::NotFound);
		register(ALICE, h(1));
		assert_noop!(DataOwnership::set_disputed(h(1), false), Error::<Test>::NotDisputed);
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		assert_noop!(DataOwnership::set_disputed(h(1), true), Error::<Test>::AlreadyDisputed);
	});
}
