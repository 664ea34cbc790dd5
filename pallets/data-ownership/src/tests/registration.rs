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
			DataOwnership::register(RuntimeOrigin::signed(BOB), h(1), meta(b"x").into(), None),
			Error::<Test>::AlreadyRegistered
		);
		// Account 11 has no funds for the deposit.
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::signed(11), h(2), meta(b"x").into(), None),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			DataOwnership::register(RuntimeOrigin::none(), h(2), meta(b"x").into(), None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_batch_registers_all() {
	ExtBuilder.build_and_execute(|| {
		let batch: Vec<NewRecordInput> = (1..=4)
			.map(|n| NewRecord { hash: h(n), metadata: meta(b"part"), supersedes: None }.into())
			.collect();
		assert_ok!(DataOwnership::register_batch(RuntimeOrigin::signed(ALICE), batch));
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
		let batch = |hashes: &[u8]| -> Vec<NewRecordInput> {
			hashes
				.iter()
				.map(|n| {
					NewRecord { hash: h(*n), metadata: meta(b"part"), supersedes: None }.into()
				})
				.collect()
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

/// A field one byte over its bound decodes and is refused by name when the call runs — at the
/// pool it is an ordinary call, not a decoding failure.
#[test]
fn a_field_one_byte_over_its_bound_is_refused_with_its_named_error() {
	use codec::{Decode, Encode};
	use polkadot_sdk::sp_core::Get;
	ExtBuilder.build_and_execute(|| {
		let over = |bound: u32| vec![b'x'; bound as usize + 1];
		let title_max = <Test as Config>::MaxTitleLen::get();
		let media_max = <Test as Config>::MaxMediaTypeLen::get();
		let uri_max = <Test as Config>::MaxUriLen::get();
		let with = |edit: &dyn Fn(&mut MetadataInput)| {
			let mut m = MetadataInput::from(meta(b"x"));
			edit(&mut m);
			m
		};
		let cases: [(MetadataInput, Error<Test>); 3] = [
			(with(&|m| m.title = over(title_max)), Error::<Test>::TitleTooLong),
			(with(&|m| m.media_type = over(media_max)), Error::<Test>::MediaTypeTooLong),
			(with(&|m| m.uri = over(uri_max)), Error::<Test>::UriTooLong),
		];
		for (metadata, error) in cases {
			let error = DispatchError::from(error);
			let call =
				Call::<Test>::register { hash: h(1), metadata: metadata.clone(), supersedes: None };
			let decoded = Call::<Test>::decode(&mut &call.encode()[..]);
			assert_eq!(decoded.as_ref(), Ok(&call), "the call decodes");
			assert_noop!(
				DataOwnership::register(RuntimeOrigin::signed(ALICE), h(1), metadata.clone(), None),
				error
			);
			let record = NewRecordInput { hash: h(2), metadata, supersedes: None };
			assert_noop!(
				DataOwnership::register_batch(RuntimeOrigin::signed(ALICE), vec![record]),
				error
			);
		}
		// Exactly at every bound: registered.
		let full = with(&|m| {
			m.title = vec![b't'; title_max as usize];
			m.media_type = vec![b'm'; media_max as usize];
			m.uri = vec![b'u'; uri_max as usize];
		});
		assert_ok!(DataOwnership::register(RuntimeOrigin::signed(ALICE), h(3), full, None));
		assert_eq!(Records::<Test>::get(h(3)).unwrap().metadata.uri.len(), uri_max as usize);
		// A batch one record over `MaxBatch`.
		let max_batch = <Test as Config>::MaxBatch::get();
		let batch: Vec<NewRecordInput> = (0..=max_batch)
			.map(|n| NewRecordInput {
				hash: h(10 + n as u8),
				metadata: meta(b"part").into(),
				supersedes: None,
			})
			.collect();
		assert_noop!(
			DataOwnership::register_batch(RuntimeOrigin::signed(ALICE), batch.clone()),
			Error::<Test>::TooManyRecords
		);
		assert_noop!(
			DataOwnership::reveal(RuntimeOrigin::signed(ALICE), batch, [0; 32]),
			Error::<Test>::TooManyRecords
		);
		// A licence's purpose one byte over.
		let purpose_max = <Test as Config>::MaxPurposeLen::get();
		assert_noop!(
			DataOwnership::grant_access(
				RuntimeOrigin::signed(ALICE),
				h(3),
				BOB,
				over(purpose_max),
				50
			),
			Error::<Test>::PurposeTooLong
		);
	});
}
