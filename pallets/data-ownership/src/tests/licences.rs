use super::*;
use polkadot_sdk::frame_support::assert_noop;

#[test]
fn grant_gives_access_until_expiry() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert!(DataOwnership::has_access(h(1), &ALICE), "the owner always has access");
		assert!(!DataOwnership::has_access(h(1), &BOB));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			BOB,
			purpose(b"research"),
			5
		));
		assert_eq!(last_event(), Event::AccessGranted { hash: h(1), to: BOB, expires: 5 });
		assert!(DataOwnership::has_access(h(1), &BOB));
		let grants = DataOwnership::grants(h(1));
		assert_eq!(grants.len(), 1);
		assert_eq!(
			(grants[0].grantee, grants[0].purpose.clone(), grants[0].expires, grants[0].active),
			(BOB, b"research".to_vec(), 5, true)
		);
		System::set_block_number(4);
		assert!(DataOwnership::has_access(h(1), &BOB));
		System::set_block_number(5);
		assert!(!DataOwnership::has_access(h(1), &BOB), "expired at block 5");
		assert!(!DataOwnership::grants(h(1))[0].active);
		assert!(!DataOwnership::has_access(h(9), &ALICE), "no record, no access");
	});
}

#[test]
fn revoke_access_ends_it() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			BOB,
			purpose(b"r"),
			50
		));
		// Granting again replaces the licence without counting twice.
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			BOB,
			purpose(b"r2"),
			60
		));
		assert_eq!(GrantCount::<Test>::get(h(1)), 1);
		assert_ok!(DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), BOB));
		assert_eq!(last_event(), Event::AccessRevoked { hash: h(1), who: BOB });
		assert!(!DataOwnership::has_access(h(1), &BOB));
		assert_eq!(GrantCount::<Test>::get(h(1)), 0);
	});
}

#[test]
fn licence_errors() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(BOB),
				h(1),
				CHARLIE,
				purpose(b"r"),
				50
			),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(ALICE),
				h(9),
				CHARLIE,
				purpose(b"r"),
				50
			),
			Error::<Test>::NotFound
		);
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(ALICE),
				h(1),
				CHARLIE,
				purpose(b"r"),
				1
			),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			BOB,
			purpose(b"r"),
			50
		));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			CHARLIE,
			purpose(b"r"),
			50
		));
		// MaxGrantsPerRecord is 2.
		assert_noop!(
			DataOwnership::grant_access(RuntimeOrigin::signed(ALICE), h(1), 4, purpose(b"r"), 50),
			Error::<Test>::TooManyGrants
		);
		assert_noop!(
			DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), 4),
			Error::<Test>::GrantNotFound
		);
		assert_noop!(
			DataOwnership::revoke_access(RuntimeOrigin::signed(BOB), h(1), CHARLIE),
			Error::<Test>::NotOwner
		);
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert!(!DataOwnership::has_access(h(1), &BOB), "a revoked record gives no access");
		assert_noop!(
			DataOwnership::grant_access(RuntimeOrigin::signed(ALICE), h(1), 4, purpose(b"r"), 50),
			Error::<Test>::NotActive
		);
	});
}
