use super::*;
use polkadot_sdk::frame_support::assert_noop;

#[test]
fn revoke_keeps_the_record_as_evidence() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert_eq!(last_event(), Event::Revoked { hash: h(1) });
		let r = Records::<Test>::get(h(1)).unwrap();
		assert_eq!(r.status, RecordStatus::Revoked { at: 1 });
		assert_eq!(r.metadata, meta(b"report"));
		assert!(Offers::<Test>::get(h(1)).is_none(), "the pending offer lapses");
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(BOB), h(1), meta(b"x").into(), None),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn purge_erases_metadata_and_frees_the_per_byte_deposit() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert_noop!(
			DataOwnership::purge(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::NotPurgeable
		);
		System::set_block_number(1 + PURGE_DELAY);
		assert_ok!(DataOwnership::purge(RuntimeOrigin::signed(ALICE), h(1)));
		assert_eq!(last_event(), Event::Purged { hash: h(1) });
		let r = Records::<Test>::get(h(1)).unwrap();
		assert_eq!(r.status, RecordStatus::Purged { at: 1 + PURGE_DELAY });
		assert_eq!(r.metadata, Default::default());
		assert_eq!((r.owner, r.timestamp, r.deposit), (ALICE, 1_000_000, BASE));
		assert_eq!(held(ALICE), BASE);
		// The hash stays taken.
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(ALICE), h(1), meta(b"x").into(), None),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn revocation_errors() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_noop!(
			DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(9)),
			Error::<Test>::NotFound
		);
		assert_noop!(
			DataOwnership::revoke(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			DataOwnership::purge(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			DataOwnership::purge(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::NotPurgeable
		);
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert_noop!(
			DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::AlreadyRevoked
		);
	});
}
