//! Votes that need no tokens: a member's first vote on an open proposal is feeless, and
//! admission keeps a stakeholder's account alive with no balance.

use super::*;
use polkadot_sdk::frame_support::{
	dispatch::CheckIfFeeless,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

fn free(who: u64, index: ProposalIndex) -> bool {
	RuntimeCall::StakeholderVoting(Call::vote { index, choice: VoteChoice::Aye })
		.is_feeless(&RuntimeOrigin::signed(who))
}

#[test]
fn a_members_first_vote_is_free_and_a_change_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		assert!(free(MARKET, index));
		vote(MARKET, index, VoteChoice::Aye);
		// The spam bound: one free vote per member per proposal.
		assert!(!free(MARKET, index));
		assert!(free(COMMUNITY, index));
	});
}

#[test]
fn only_the_electorate_votes_free_and_only_while_the_vote_is_open() {
	ExtBuilder::default().build_and_execute(|| {
		// No such proposal, an outsider, root: never free.
		assert!(!free(MARKET, 42));
		let index = propose(GOV, LOCAL, None);
		assert!(!free(OUTSIDER, index));
		assert!(!RuntimeCall::StakeholderVoting(Call::vote { index, choice: VoteChoice::Aye })
			.is_feeless(&RuntimeOrigin::root()));
		// Admitted after submission: not in the electorate, so not free.
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 7, Sector::Market, LOCAL, 1));
		assert!(!free(7, index));
		// A suspended member is not free either.
		assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), COMMUNITY));
		let later = propose(GOV, LOCAL, None);
		assert!(!free(COMMUNITY, later));
		// Once voting ends, nothing is free.
		run_to(Proposals::<Test>::get(index).unwrap().end);
		assert!(!free(MARKET, index));
	});
}

#[test]
fn admission_keeps_an_account_with_no_balance_alive() {
	ExtBuilder::default().build_and_execute(|| {
		let citizen = 70;
		assert!(!System::account_exists(&citizen));
		assert_ok!(StakeholderVoting::admit(
			RuntimeOrigin::root(),
			citizen,
			Sector::Community,
			LOCAL,
			1
		));
		assert!(System::account_exists(&citizen));
		assert_eq!(System::providers(&citizen), 1);
		// A second scope takes no second reference.
		assert_ok!(StakeholderVoting::admit(
			RuntimeOrigin::root(),
			citizen,
			Sector::Community,
			CHAIN_WIDE_SCOPE,
			1
		));
		assert_eq!(System::providers(&citizen), 1);
		assert_ok!(StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), citizen, LOCAL));
		assert_eq!(System::providers(&citizen), 1);
		assert_ok!(StakeholderVoting::remove_from_scope(
			RuntimeOrigin::root(),
			citizen,
			CHAIN_WIDE_SCOPE
		));
		assert!(!System::account_exists(&citizen));
		// Removal from every scope at once releases it too.
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 71, Sector::Market, LOCAL, 1));
		assert_ok!(StakeholderVoting::remove(RuntimeOrigin::root(), 71));
		assert!(!System::account_exists(&71));
	});
}

#[test]
fn migration_to_v1_gives_existing_stakeholders_their_account() {
	ExtBuilder::default().build_and_execute(|| {
		// A v0 chain: stakeholders without the provider reference.
		for who in Stakeholders::<Test>::iter_keys() {
			assert_ok!(System::dec_providers(&who));
		}
		StorageVersion::new(0).put::<StakeholderVoting>();
		let before: Vec<_> =
			Stakeholders::<Test>::iter_keys().map(|who| System::providers(&who)).collect();
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(StakeholderVoting::on_chain_storage_version(), 1);
		for (who, old) in Stakeholders::<Test>::iter_keys().zip(before) {
			assert_eq!(System::providers(&who), old + 1);
		}
		// Running it again changes nothing.
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		for who in Stakeholders::<Test>::iter_keys() {
			assert!(System::providers(&who) >= 1);
		}
	});
}
