//! Storage migrations on state written in the old layout.

use super::*;
use crate::migrations::v2::{MigrateToV2, VoteRecordV1};
use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

#[test]
fn migration_to_v2_keeps_every_vote_as_its_voters_own() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		vote(MARKET, index, VoteChoice::Aye);
		// Rewrite the stored votes as storage version 1 had them.
		let old = [
			(MARKET, VoteRecordV1 { choice: VoteChoice::Aye, sector: Sector::Market, weight: 0 }),
			(
				COMMUNITY,
				VoteRecordV1 { choice: VoteChoice::Nay, sector: Sector::Community, weight: 7 },
			),
		];
		for (who, record) in old {
			unhashed::put(&Votes::<Test>::hashed_key_for(index, who), &record);
		}
		StorageVersion::new(1).put::<StakeholderVoting>();
		// The old layout does not decode as the new one.
		assert!(Votes::<Test>::get(index, COMMUNITY).is_none());

		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(StakeholderVoting::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(
			Votes::<Test>::get(index, COMMUNITY),
			Some(VoteRecord {
				choice: VoteChoice::Nay,
				sector: Sector::Community,
				weight: 7,
				delegated: false
			})
		);
		assert_eq!(Votes::<Test>::iter_prefix(index).count(), 2);
		// Run again, it changes nothing.
		let before: Vec<_> = Votes::<Test>::iter().collect();
		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Votes::<Test>::iter().collect::<Vec<_>>(), before);
		// Keep the invariants: COMMUNITY's vote and the index entry, and the tally to match.
		VotesByAccount::<Test>::insert(COMMUNITY, index, ());
		Proposals::<Test>::mutate(index, |p| {
			let p = p.as_mut().unwrap();
			p.tally = Tally::default();
			for (_, v) in Votes::<Test>::iter_prefix(index) {
				p.tally.add(&v);
			}
		});
	});
}
