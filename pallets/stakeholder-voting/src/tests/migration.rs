//! Storage migrations on state written in the old layout.

use super::*;
use crate::migrations::v2::{MigrateToV2, VoteRecordV1};
use codec::Encode;
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

#[test]
fn migration_to_v3_moves_every_call_out_of_its_proposal() {
	use crate::migrations::v3::{MigrateToV3, ProposalV2Of};
	ExtBuilder::default().build_and_execute(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![0u8; 8] });
		let with_call = propose(GOV, LOCAL, Some(remark));
		let text_only = propose(GOV, LOCAL, None);
		vote(MARKET, with_call, VoteChoice::Aye);
		let expected: Vec<_> = [with_call, text_only]
			.into_iter()
			.map(|i| (Proposals::<Test>::get(i).unwrap(), ProposalCalls::<Test>::get(i)))
			.collect();
		// Rewrite both as storage version 2 had them: the call inside the proposal.
		for (index, (p, call)) in [with_call, text_only].into_iter().zip(expected.clone()) {
			let old: ProposalV2Of<Test> = crate::migrations::v3::ProposalV2 {
				scope: p.scope,
				proposer: p.proposer,
				title: p.title,
				description_hash: p.description_hash,
				call,
				deposit: p.deposit,
				submitted: p.submitted,
				end: p.end,
				rule: p.rule,
				electorate: p.electorate,
				tally: p.tally,
				status: p.status,
			};
			unhashed::put(&Proposals::<Test>::hashed_key_for(index), &old);
			ProposalCalls::<Test>::remove(index);
		}
		StorageVersion::new(2).put::<StakeholderVoting>();
		// The old layout does not read as the new one.
		assert_ne!(
			Proposals::<Test>::get(with_call).map(|p| p.encode()),
			Some(expected[0].0.encode())
		);

		MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(StakeholderVoting::on_chain_storage_version(), StorageVersion::new(3));
		for (index, (p, call)) in [with_call, text_only].into_iter().zip(expected.clone()) {
			assert_eq!(Proposals::<Test>::get(index).map(|p| p.encode()), Some(p.encode()));
			assert_eq!(ProposalCalls::<Test>::get(index), call);
		}
		assert!(ProposalCalls::<Test>::get(with_call).is_some());
		assert!(ProposalCalls::<Test>::get(text_only).is_none());
		// Run again, it changes nothing.
		MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(
			Proposals::<Test>::get(with_call).map(|p| p.encode()),
			Some(expected[0].0.encode())
		);
		// The moved call is enacted as before.
		run_to(1 + PERIOD);
		assert!(matches!(
			Proposals::<Test>::get(with_call).unwrap().status,
			ProposalStatus::Approved { enactment: Some(Enactment::Enacted), .. }
		));
	});
}
