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
			DataOwnership::register(
				RuntimeOrigin::signed(ALICE),
				h(2),
				meta(b"v2").into(),
				Some(h(1))
			),
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

#[test]
fn a_dispute_lapses_and_anyone_may_clear_it() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		assert_noop!(
			DataOwnership::expire_dispute(RuntimeOrigin::signed(CHARLIE), h(1)),
			Error::<Test>::DisputeNotExpired
		);
		System::set_block_number(1 + MAX_DISPUTE);
		assert!(DataOwnership::is_disputed(h(1)));
		System::set_block_number(2 + MAX_DISPUTE);
		// Lapsed: the record is free again even before anyone tidies up.
		assert!(!DataOwnership::is_disputed(h(1)));
		assert_eq!(DataOwnership::record(h(1)).unwrap().disputed_since, None);
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 40));
		assert_ok!(DataOwnership::expire_dispute(RuntimeOrigin::signed(CHARLIE), h(1)));
		assert_eq!(last_event(), Event::DisputeExpired { hash: h(1) });
		assert!(!Disputes::<Test>::contains_key(h(1)));
		assert_noop!(
			DataOwnership::expire_dispute(RuntimeOrigin::signed(CHARLIE), h(1)),
			Error::<Test>::NotDisputed
		);
		// A lapsed dispute may be flagged anew.
		assert_ok!(DataOwnership::set_disputed(h(1), true));
	});
}

#[test]
fn a_vote_hands_a_disputed_record_back_to_its_rightful_owner() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		let deposit = Records::<Test>::get(h(1)).unwrap().deposit;
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			CHARLIE,
			purpose(b"x"),
			9
		));
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		assert_noop!(
			DataOwnership::resolve_dispute(RuntimeOrigin::signed(BOB), h(1), Some(BOB)),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		let bob_free = Balances::free_balance(BOB);
		assert_ok!(DataOwnership::resolve_dispute(RuntimeOrigin::root(), h(1), Some(BOB)));
		assert_eq!(last_event(), Event::DisputeResolved { hash: h(1), from: ALICE, to: Some(BOB) });
		let record = Records::<Test>::get(h(1)).unwrap();
		assert_eq!((record.owner, record.registrant), (BOB, ALICE));
		// The wrongful owner's deposit moved with the record; Bob paid nothing.
		assert_eq!((held(ALICE), held(BOB)), (0, deposit));
		assert_eq!(Balances::free_balance(BOB), bob_free);
		assert!(!DataOwnership::has_access(h(1), &CHARLIE));
		assert!(!DataOwnership::is_disputed(h(1)));
		assert_eq!(DataOwnership::records_of(&BOB, None, 10), vec![h(1)]);
		let log: Vec<_> =
			DataOwnership::activity(h(1), 0, 10).into_iter().map(|e| e.activity).collect();
		assert_eq!(
			&log[2..],
			&[Activity::Disputed, Activity::Resolved { from: ALICE, to: Some(BOB) }]
		);
		assert_noop!(
			DataOwnership::resolve_dispute(RuntimeOrigin::root(), h(1), None),
			Error::<Test>::NotDisputed
		);
		assert_noop!(
			DataOwnership::resolve_dispute(RuntimeOrigin::root(), h(9), None),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_vote_may_uphold_the_owner() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		assert_ok!(DataOwnership::resolve_dispute(RuntimeOrigin::root(), h(1), Some(ALICE)));
		assert_eq!(last_event(), Event::DisputeResolved { hash: h(1), from: ALICE, to: None });
		assert_eq!(Records::<Test>::get(h(1)).unwrap().owner, ALICE);
		assert!(!DataOwnership::is_disputed(h(1)));
	});
}
