//! Commit–reveal: a claim no one can read in the pool, dated from its commitment, that nobody
//! can copy or front-run.

use super::*;
use polkadot_sdk::frame_support::assert_noop;

const SALT: [u8; 32] = [7; 32];
const WINDOW: u64 = 10;

fn new(hash: ContentHash, supersedes: Option<ContentHash>) -> NewRecordOf<Test> {
	NewRecord { hash, metadata: meta(b"report"), supersedes }
}

fn records(list: &[(ContentHash, Option<ContentHash>)]) -> Vec<NewRecordInput> {
	list.iter().map(|(h, s)| new(*h, *s).into()).collect()
}

fn commitment(who: u64, list: &[(ContentHash, Option<ContentHash>)]) -> H256 {
	DataOwnership::commitment_of(&who, &SALT, list)
}

fn committed(who: u64, list: &[(ContentHash, Option<ContentHash>)]) -> H256 {
	let c = commitment(who, list);
	assert_ok!(DataOwnership::commit(RuntimeOrigin::signed(who), c));
	c
}

fn commit_held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::DataOwnership(HoldReason::Commitment), &who)
}

fn at(block: u64, ms: u64) {
	System::set_block_number(block);
	Timestamp::set_timestamp(ms);
}

use polkadot_sdk::sp_core::H256;

#[test]
fn a_reveal_registers_as_of_the_commitment() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		let c = committed(ALICE, &[(h(1), None), (h(2), None)]);
		assert_eq!(last_event(), Event::Committed { who: ALICE, commitment: c });
		assert_eq!(commit_held(ALICE), COMMIT_DEPOSIT);
		assert_eq!(Commitments::<Test>::get(ALICE, c).unwrap().at, 1);
		// Nothing in the commitment names the hashes.
		assert!(!Records::<Test>::contains_key(h(1)));
		at(4, 1_018_000);
		assert_ok!(DataOwnership::reveal(
			RuntimeOrigin::signed(ALICE),
			records(&[(h(1), None), (h(2), None)]),
			SALT
		));
		assert_eq!(last_event(), Event::Revealed { who: ALICE, commitment: c, records: 2 });
		let record = Records::<Test>::get(h(1)).unwrap();
		assert_eq!((record.owner, record.registered_at, record.timestamp), (ALICE, 1, 1_000_000));
		assert!(Records::<Test>::contains_key(h(2)));
		assert_eq!(commit_held(ALICE), 0);
		assert!(!Commitments::<Test>::contains_key(ALICE, c));
		assert_eq!(DataOwnership::registered_in(h(1)), Some(4));
		assert_eq!(
			DataOwnership::activity(h(1), 0, 10)[0].activity,
			Activity::Registered { owner: ALICE, supersedes: None, committed: true }
		);
	});
}

#[test]
fn a_copied_reveal_matches_no_commitment() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		committed(ALICE, &[(h(1), None)]);
		at(2, 1_006_000);
		// Bob copies Alice's reveal from the pool: the commitment binds Alice.
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(BOB), records(&[(h(1), None)]), SALT),
			Error::<Test>::CommitmentNotFound
		);
		// Bob commits to it now: too late, Alice's commitment is older.
		committed(BOB, &[(h(1), None)]);
		assert_ok!(DataOwnership::reveal(
			RuntimeOrigin::signed(ALICE),
			records(&[(h(1), None)]),
			SALT
		));
		at(3, 1_012_000);
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(BOB), records(&[(h(1), None)]), SALT),
			Error::<Test>::AlreadyRegistered
		);
		assert_eq!(Records::<Test>::get(h(1)).unwrap().owner, ALICE);
	});
}

#[test]
fn a_front_running_registration_is_undone_by_the_reveal() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		committed(ALICE, &[(h(1), None)]);
		at(3, 1_012_000);
		// Bob saw Alice's reveal in the pool and registered the hash in one step, first — and
		// even made it a version of a record of his, and licensed and offered it.
		register(BOB, h(5));
		at(20, 1_114_000);
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(BOB),
			h(1),
			meta(b"copy").into(),
			Some(h(5))
		));
		// Nothing is licensed or offered on a claim an earlier commitment may still take.
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(BOB),
				h(1),
				CHARLIE,
				purpose(b"x"),
				30
			),
			Error::<Test>::Provisional
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(BOB), h(1), CHARLIE, 30),
			Error::<Test>::Provisional
		);
		let bob_held = held(BOB);
		// Too late: the commitment expired.
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(1), None)]), SALT),
			Error::<Test>::CommitmentExpired
		);
		at(11, 1_060_000);
		assert_ok!(DataOwnership::reveal(
			RuntimeOrigin::signed(ALICE),
			records(&[(h(1), None)]),
			SALT
		));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::DataOwnership(Event::Preempted { hash: h(1), previous_owner: BOB })));
		let record = Records::<Test>::get(h(1)).unwrap();
		assert_eq!((record.owner, record.registered_at, record.version), (ALICE, 1, 0));
		// Bob's deposit is back, his earlier version current again, the licence and offer gone.
		assert!(held(BOB) < bob_held);
		assert_eq!(Records::<Test>::get(h(5)).unwrap().status, RecordStatus::Active);
		assert!(Offers::<Test>::get(h(1)).is_none());
		assert!(!DataOwnership::has_access(h(1), &CHARLIE));
		assert_eq!(DataOwnership::records_of(&BOB, None, 10), vec![h(5)]);
		let log: Vec<_> =
			DataOwnership::activity(h(1), 0, 10).into_iter().map(|e| e.activity).collect();
		assert_eq!(
			log.last(),
			Some(&Activity::Registered { owner: ALICE, supersedes: None, committed: true })
		);
		assert!(log.contains(&Activity::Preempted { previous_owner: BOB }));
	});
}

#[test]
fn a_registration_older_than_the_commitment_stands() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		register(BOB, h(1));
		committed(ALICE, &[(h(1), None)]);
		at(2, 1_006_000);
		// Same block as the commitment does not count as later either.
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(1), None)]), SALT),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn provisional_records_get_no_new_version_yet() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		register(ALICE, h(1));
		assert!(DataOwnership::is_provisional(&Records::<Test>::get(h(1)).unwrap()));
		assert_noop!(
			DataOwnership::register(
				RuntimeOrigin::signed(ALICE),
				h(2),
				meta(b"v2").into(),
				Some(h(1))
			),
			Error::<Test>::Provisional
		);
		at(1 + WINDOW, 1_060_000);
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
	});
}

#[test]
fn versions_are_committed_too() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		register(ALICE, h(1));
		at(1 + WINDOW, 1_060_000);
		committed(ALICE, &[(h(2), Some(h(1)))]);
		at(2 + WINDOW, 1_066_000);
		// The claim binds the version it supersedes: another one does not match.
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(2), None)]), SALT),
			Error::<Test>::CommitmentNotFound
		);
		assert_ok!(DataOwnership::reveal(
			RuntimeOrigin::signed(ALICE),
			records(&[(h(2), Some(h(1)))]),
			SALT
		));
		assert_eq!(
			Records::<Test>::get(h(1)).unwrap().status,
			RecordStatus::Superseded { by: h(2) }
		);
		assert_eq!(Records::<Test>::get(h(2)).unwrap().version, 1);
	});
}

#[test]
fn commitment_errors() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(WINDOW);
		let c = committed(ALICE, &[(h(1), None)]);
		assert_noop!(
			DataOwnership::commit(RuntimeOrigin::signed(ALICE), c),
			Error::<Test>::AlreadyCommitted
		);
		// Revealing in the commitment's own block would be as visible as registering.
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(1), None)]), SALT),
			Error::<Test>::RevealTooEarly
		);
		at(2, 1_006_000);
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(1), None)]), [8; 32]),
			Error::<Test>::CommitmentNotFound
		);
		let dup = committed(ALICE, &[(h(3), None), (h(3), None)]);
		at(3, 1_012_000);
		assert_noop!(
			DataOwnership::reveal(
				RuntimeOrigin::signed(ALICE),
				records(&[(h(3), None), (h(3), None)]),
				SALT
			),
			Error::<Test>::DuplicateInBatch
		);
		assert_ok!(DataOwnership::cancel_commitment(RuntimeOrigin::signed(ALICE), dup));
		assert_eq!(last_event(), Event::CommitmentCancelled { who: ALICE, commitment: dup });
		assert_noop!(
			DataOwnership::cancel_commitment(RuntimeOrigin::signed(ALICE), dup),
			Error::<Test>::CommitmentNotFound
		);
		// An expired commitment can still be cancelled, for its deposit.
		at(2 + WINDOW, 1_066_000);
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), records(&[(h(1), None)]), SALT),
			Error::<Test>::CommitmentExpired
		);
		assert_ok!(DataOwnership::cancel_commitment(RuntimeOrigin::signed(ALICE), c));
		assert_eq!(commit_held(ALICE), 0);
		// A commitment needs its deposit.
		let poor = 99;
		assert!(DataOwnership::commit(RuntimeOrigin::signed(poor), c).is_err());
	});
}
