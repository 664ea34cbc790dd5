//! Every state change of the main calls, and no other: `assert_<action>` snapshots the pallet's
//! storage before and after each dispatch (`assert_changes`) and checks the outcome.

use super::*;

fn assert_register(who: u64, hash: ContentHash, changes: &[&str]) {
	assert_changes(changes, || {
		DataOwnership::register(RuntimeOrigin::signed(who), hash, meta(b"report").into(), None)
	});
	assert_eq!(Records::<Test>::get(hash).map(|r| r.owner), Some(who));
	assert!(RecordsByOwner::<Test>::contains_key(who, hash));
}

fn assert_accept(who: u64, hash: ContentHash, changes: &[&str]) {
	let from = Records::<Test>::get(hash).map(|r| r.owner).unwrap();
	assert_changes(changes, || DataOwnership::accept_transfer(RuntimeOrigin::signed(who), hash));
	assert_eq!(Records::<Test>::get(hash).map(|r| r.owner), Some(who));
	assert_eq!(last_event(), Event::Transferred { hash, from, to: who });
}

#[test]
fn registering_writes_the_record_its_owner_index_and_its_log_and_nothing_else() {
	ExtBuilder.build_and_execute(|| {
		assert_register(
			ALICE,
			h(1),
			&[
				"Records",
				"RecordsByOwner",
				"Versions",
				"Activities",
				"ActivityCount",
				"LogDeposits",
				"TenureStart",
			],
		);
	});
}

#[test]
fn accepting_a_transfer_moves_the_record_and_ends_the_offer_and_licences_and_nothing_else() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			CHARLIE,
			purpose(b"audit"),
			50
		));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_accept(
			BOB,
			h(1),
			&[
				"Records",
				"RecordsByOwner",
				"Offers",
				"Grants",
				"GrantCount",
				"Activities",
				"ActivityCount",
				"LogDeposits",
				"TenureStart",
			],
		);
		assert!(Offers::<Test>::get(h(1)).is_none());
		assert_eq!(GrantCount::<Test>::get(h(1)), 0);
	});
}
