//! What one party does never blocks another's rights: no log, list or queue another account
//! can fill stops an owner's or a committer's action.

use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_core::H256};

const SALT: [u8; 32] = [9; 32];

fn one(hash: ContentHash) -> Vec<NewRecordInput> {
	vec![NewRecord { hash, metadata: meta(b"report"), supersedes: None }.into()]
}

fn commit(who: u64, hash: ContentHash) -> H256 {
	let c = DataOwnership::commitment_of(&who, &SALT, &[(hash, None)]);
	assert_ok!(DataOwnership::commit(RuntimeOrigin::signed(who), c));
	c
}

/// Grants and revokes `to`'s licence until `owner`'s part of `hash`'s log is full.
fn fill_log(owner: u64, hash: ContentHash, to: u64) {
	let own = |h: ContentHash| ActivityCount::<Test>::get(h) - TenureStart::<Test>::get(h);
	while own(hash) + 2 <= MAX_ACTIVITY {
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(owner),
			hash,
			to,
			purpose(b"x"),
			1_000
		));
		assert_ok!(DataOwnership::revoke_access(RuntimeOrigin::signed(owner), hash, to));
	}
}

#[test]
fn a_front_runner_cannot_fill_the_log_of_a_hash_someone_committed_to() {
	ExtBuilder.build_and_execute(|| {
		RevealWindow::set(10);
		// Bob commits to H; Charlie sees it coming and registers H in one step.
		commit(BOB, h(1));
		System::set_block_number(2);
		register(CHARLIE, h(1));
		// He cannot grow H's log with licences or offers while Bob's reveal may still come.
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(CHARLIE),
				h(1),
				ALICE,
				purpose(b"x"),
				9
			),
			Error::<Test>::Provisional
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(CHARLIE), h(1), ALICE, 9),
			Error::<Test>::Provisional
		);
		System::set_block_number(3);
		assert_ok!(DataOwnership::reveal(RuntimeOrigin::signed(BOB), one(h(1)), SALT));
		assert_eq!(Records::<Test>::get(h(1)).unwrap().owner, BOB);
	});
}

#[test]
fn a_log_filled_by_one_owner_never_blocks_the_next() {
	ExtBuilder.build_and_execute(|| {
		register(CHARLIE, h(1));
		fill_log(CHARLIE, h(1), ALICE);
		// Charlie's own part is (almost) full: his own actions stop at the cap…
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(CHARLIE), h(1), BOB, 9));
		assert_noop!(
			DataOwnership::cancel_offer(RuntimeOrigin::signed(CHARLIE), h(1)),
			Error::<Test>::ActivityLogFull
		);
		// …but Bob, who takes the record over, starts his own part of the log.
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(TenureStart::<Test>::get(h(1)), MAX_ACTIVITY);
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(BOB),
			h(1),
			ALICE,
			purpose(b"audit"),
			9
		));
		assert_eq!(last_event(), Event::AccessGranted { hash: h(1), to: ALICE, expires: 9 });
		assert_eq!(ActivityCount::<Test>::get(h(1)), MAX_ACTIVITY + 2);
	});
}
