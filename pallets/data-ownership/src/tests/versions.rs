use super::*;
use polkadot_sdk::frame_support::assert_noop;

#[test]
fn a_chain_of_versions_is_kept_in_order() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
		assert_eq!(
			last_event(),
			Event::Registered {
				hash: h(2),
				owner: ALICE,
				timestamp: 1_000_000,
				supersedes: Some(h(1))
			}
		);
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(3),
			meta(b"v3").into(),
			Some(h(2))
		));
		assert_eq!(
			Records::<Test>::get(h(1)).unwrap().status,
			RecordStatus::Superseded { by: h(2) }
		);
		assert_eq!(
			Records::<Test>::get(h(2)).unwrap().status,
			RecordStatus::Superseded { by: h(3) }
		);
		let v3 = Records::<Test>::get(h(3)).unwrap();
		assert_eq!((v3.root, v3.version, v3.supersedes), (h(1), 2, Some(h(2))));
		// From any member of the chain, first to latest.
		assert_eq!(DataOwnership::versions(h(2), 0, 10), vec![h(1), h(2), h(3)]);
		assert_eq!(DataOwnership::versions(h(3), 1, 1), vec![h(2)]);
	});
}

#[test]
fn version_errors() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_noop!(
			DataOwnership::register(
				RuntimeOrigin::signed(ALICE),
				h(2),
				meta(b"v2").into(),
				Some(h(9))
			),
			Error::<Test>::NotFound
		);
		assert_noop!(
			DataOwnership::register(
				RuntimeOrigin::signed(BOB),
				h(2),
				meta(b"v2").into(),
				Some(h(1))
			),
			Error::<Test>::NotOwner
		);
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
		assert_noop!(
			DataOwnership::register(
				RuntimeOrigin::signed(ALICE),
				h(3),
				meta(b"v3").into(),
				Some(h(1))
			),
			Error::<Test>::NotActive
		);
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(3),
			meta(b"v3").into(),
			Some(h(2))
		));
		// MaxVersions is 3.
		assert_noop!(
			DataOwnership::register(
				RuntimeOrigin::signed(ALICE),
				h(4),
				meta(b"v4").into(),
				Some(h(3))
			),
			Error::<Test>::TooManyVersions
		);
	});
}

#[test]
fn superseding_withdraws_a_pending_offer() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
		assert!(Offers::<Test>::get(h(1)).is_none());
	});
}
