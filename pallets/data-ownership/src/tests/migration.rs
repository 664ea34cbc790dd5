//! v0 → v1: entries under `Identity` content-hash keys move to `Blake2_128Concat` keys.

use super::*;
use crate::migrations::v1::MigrateToV1;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		storage::{storage_prefix, unhashed},
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		StorageHasher, Twox64Concat,
	},
	sp_io::hashing::blake2_128,
};

fn old_key(item: &[u8], suffix: &[u8]) -> Vec<u8> {
	let mut key = storage_prefix(b"DataOwnership", item).to_vec();
	key.extend_from_slice(suffix);
	key
}

fn concat(owner: u64) -> Vec<u8> {
	let mut key = blake2_128(&owner.encode()).to_vec();
	key.extend_from_slice(&owner.encode());
	key
}

#[test]
fn identity_keys_move_to_blake2_128_concat() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::register(
			RuntimeOrigin::signed(ALICE),
			h(2),
			meta(b"v2").into(),
			Some(h(1))
		));
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(2),
			BOB,
			purpose(b"x"),
			9
		));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(2), BOB, 9));
		assert_ok!(DataOwnership::set_disputed(h(1), true));
		let records: Vec<_> = Records::<Test>::iter().collect();
		let grants: Vec<_> = Grants::<Test>::iter().collect();
		let versions: Vec<_> = Versions::<Test>::iter().collect();

		// Rewrite everything as storage version 0 laid it out.
		for (hash, record) in Records::<Test>::drain() {
			unhashed::put(&old_key(b"Records", hash.as_bytes()), &record);
		}
		for (hash, since) in Disputes::<Test>::drain() {
			unhashed::put(&old_key(b"Disputes", hash.as_bytes()), &since);
		}
		for (hash, offer) in Offers::<Test>::drain() {
			unhashed::put(&old_key(b"Offers", hash.as_bytes()), &offer);
		}
		for (hash, count) in GrantCount::<Test>::drain() {
			unhashed::put(&old_key(b"GrantCount", hash.as_bytes()), &count);
		}
		for (owner, hash, ()) in RecordsByOwner::<Test>::drain() {
			let suffix = [concat(owner), hash.as_bytes().to_vec()].concat();
			unhashed::put(&old_key(b"RecordsByOwner", &suffix), &());
		}
		for (root, version, member) in Versions::<Test>::drain() {
			let suffix = [root.as_bytes().to_vec(), Twox64Concat::hash(&version.encode())].concat();
			unhashed::put(&old_key(b"Versions", &suffix), &member);
		}
		for (hash, grantee, grant) in Grants::<Test>::drain() {
			let suffix = [hash.as_bytes().to_vec(), concat(grantee)].concat();
			unhashed::put(&old_key(b"Grants", &suffix), &grant);
		}
		StorageVersion::new(0).put::<DataOwnership>();
		assert!(Records::<Test>::get(h(1)).is_none());

		MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(DataOwnership::on_chain_storage_version(), StorageVersion::new(1));
		let mut after: Vec<_> = Records::<Test>::iter().collect();
		let mut before = records;
		after.sort_by_key(|(h, _)| *h);
		before.sort_by_key(|(h, _)| *h);
		assert_eq!(after.encode(), before.encode());
		assert_eq!(Grants::<Test>::iter().count(), grants.len());
		assert_eq!(Versions::<Test>::iter().count(), versions.len());
		assert_eq!(DataOwnership::records_of(&ALICE, None, 10).len(), 2);
		assert!(DataOwnership::is_disputed(h(1)));
		assert!(Offers::<Test>::get(h(2)).is_some());
		assert!(DataOwnership::has_access(h(2), &BOB));
		assert_eq!(DataOwnership::versions(h(2), 0, 10), vec![h(1), h(2)]);
		// Run again: the version guard makes it a no-op.
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Records::<Test>::iter().count(), 2);
	});
}
