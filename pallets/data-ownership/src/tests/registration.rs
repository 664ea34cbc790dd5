use super::*;
use polkadot_sdk::{
	frame_support::assert_noop,
	sp_runtime::{DispatchError, TokenError},
};

#[test]
fn register_records_owner_block_and_timestamp() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_eq!(
			last_event(),
			Event::Registered { hash: h(1), owner: ALICE, timestamp: 1_000_000, supersedes: None }
		);
		let r = Records::<Test>::get(h(1)).unwrap();
		assert_eq!(r.owner, ALICE);
		assert_eq!(r.registrant, ALICE);
		assert_eq!(r.registered_at, 1);
		assert_eq!(r.timestamp, 1_000_000);
		assert_eq!(r.status, RecordStatus::Active);
		assert_eq!((r.root, r.version, r.supersedes), (h(1), 0, None));
		assert_eq!(r.metadata, meta(b"report"));
		let deposit = BASE + PER_BYTE * codec::Encode::encoded_size(&meta(b"report")) as u64;
		assert_eq!(r.deposit, deposit);
		assert_eq!(held(ALICE), deposit);
		assert!(RecordsByOwner::<Test>::contains_key(ALICE, h(1)));
		assert_eq!(DataOwnership::records_of(&ALICE, None, 10), vec![h(1)]);
	});
}

#[test]
fn register_errors() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		// Nobody can register a hash twice, not even its owner.
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(BOB), h(1), meta(b"x"), None),
			Error::<Test>::AlreadyRegistered
		);
		// Account 11 has no funds for the deposit.
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(11), h(2), meta(b"x"), None),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::none(), h(2), meta(b"x"), None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_batch_registers_all() {
	ExtBuilder.build_and_execute(|| {
		let batch: Vec<_> = (1..=4)
			.map(|n| NewRecord { hash: h(n), metadata: meta(b"part"), supersedes: None })
			.collect();
		assert_ok!(DataOwnership::register_batch(
			RuntimeOrigin::signed(ALICE),
			BoundedVec::try_from(batch).unwrap()
		));
		for n in 1..=4 {
			assert_eq!(Records::<Test>::get(h(n)).unwrap().owner, ALICE);
		}
		assert_eq!(DataOwnership::records_of(&ALICE, None, 10).len(), 4);
	});
}

#[test]
fn register_batch_is_all_or_nothing() {
	ExtBuilder.build_and_execute(|| {
		register(BOB, h(3));
		let batch = |hashes: &[u8]| {
			BoundedVec::try_from(
				hashes
					.iter()
					.map(|n| NewRecord { hash: h(*n), metadata: meta(b"part"), supersedes: None })
					.collect::<Vec<_>>(),
			)
			.unwrap()
		};
		assert_noop!(
			DataOwnership::register_batch(RuntimeOrigin::signed(ALICE), batch(&[1, 2, 3])),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			DataOwnership::register_batch(RuntimeOrigin::signed(ALICE), batch(&[1, 2, 1])),
			Error::<Test>::DuplicateInBatch
		);
		assert!(Records::<Test>::get(h(1)).is_none());
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn records_of_pages() {
	ExtBuilder.build_and_execute(|| {
		for n in 1..=5 {
			register(ALICE, h(n));
		}
		let first = DataOwnership::records_of(&ALICE, None, 2);
		let second = DataOwnership::records_of(&ALICE, first.last().copied(), 2);
		let third = DataOwnership::records_of(&ALICE, second.last().copied(), 2);
		let mut all: Vec<_> = first.into_iter().chain(second).chain(third).collect();
		all.sort();
		assert_eq!(all, (1..=5).map(h).collect::<Vec<_>>());
	});
}
