//! Findable proposals: a scope's proposals by status, and what an account may vote on.

use super::*;

fn indices(page: &Page<ProposalIndex>) -> Vec<ProposalIndex> {
	page.items.clone()
}

#[test]
fn a_scopes_proposals_are_listed_by_status_newest_first_and_paginated() {
	ExtBuilder::default().build_and_execute(|| {
		let a = propose(GOV, LOCAL, None);
		let b = propose(MARKET, LOCAL, None);
		let other = propose(GOV, CHAIN_WIDE_SCOPE, None);
		let c = propose(COMMUNITY, LOCAL, None);
		assert_ok!(StakeholderVoting::withdraw(RuntimeOrigin::signed(MARKET), b));
		let all = StakeholderVoting::proposals_in(LOCAL, StatusFilter::Any, None, 10);
		assert_eq!(indices(&all), vec![c, b, a]);
		assert_eq!(all.next, None);
		assert_eq!(
			indices(&StakeholderVoting::proposals_in(LOCAL, StatusFilter::Ongoing, None, 10)),
			vec![c, a]
		);
		assert_eq!(
			indices(&StakeholderVoting::proposals_in(LOCAL, StatusFilter::Ended, None, 10)),
			vec![b]
		);
		assert_eq!(
			indices(&StakeholderVoting::proposals_in(
				CHAIN_WIDE_SCOPE,
				StatusFilter::Any,
				None,
				10
			)),
			vec![other]
		);
		// Two pages of one.
		let first = StakeholderVoting::proposals_in(LOCAL, StatusFilter::Ongoing, None, 1);
		assert_eq!(indices(&first), vec![c]);
		let second = StakeholderVoting::proposals_in(LOCAL, StatusFilter::Ongoing, first.next, 1);
		assert_eq!(indices(&second), vec![a]);
		// Past the end.
		assert!(StakeholderVoting::proposals_in(LOCAL, StatusFilter::Any, Some(0), 10)
			.items
			.is_empty());
		assert!(
			StakeholderVoting::proposals_in(LOCAL, StatusFilter::Any, Some(99), 10).items.len()
				== 3
		);
	});
}

#[test]
fn the_ballot_lists_what_an_account_may_vote_on_and_how_it_voted() {
	ExtBuilder::default().build_and_execute(|| {
		let local = propose(GOV, LOCAL, None);
		let chain_wide = propose(GOV, CHAIN_WIDE_SCOPE, None);
		vote(MARKET, local, VoteChoice::Nay);
		let ballot = StakeholderVoting::ballot(&MARKET, None, 10);
		let listed: Vec<_> =
			ballot.items.iter().map(|b| (b.index, b.vote.map(|v| v.choice))).collect();
		// The same rule as `vote`: every open proposal of its scopes, with its vote so far.
		for b in &ballot.items {
			let proposal = Proposals::<Test>::get(b.index).unwrap();
			assert!(StakeholderVoting::ensure_may_vote(&MARKET, &proposal).is_ok());
			assert_eq!(b.end, proposal.end);
		}
		assert!(listed.contains(&(local, Some(VoteChoice::Nay))));
		let chain_wide_member =
			Stakeholders::<Test>::get(MARKET).unwrap().membership(CHAIN_WIDE_SCOPE).is_some();
		assert_eq!(listed.iter().any(|(i, _)| *i == chain_wide), chain_wide_member);
		// An outsider may vote on nothing; a closed proposal leaves every ballot.
		assert!(StakeholderVoting::ballot(&OUTSIDER, None, 10).items.is_empty());
		run_to(System::block_number() + PERIOD + 1);
		assert!(StakeholderVoting::ballot(&MARKET, None, 10).items.is_empty());
	});
}

#[test]
fn a_noted_description_is_shown_with_its_proposal_and_stays_for_its_life() {
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash};
	ExtBuilder::default().build_and_execute(|| {
		let text =
			"Repair the pump of the district 7 well before winter. 修理水泵。".as_bytes().to_vec();
		let hash = BlakeTwo256::hash(&text);
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(GOV), text.clone()));
		let index = ProposalCount::<Test>::get();
		assert_ok!(StakeholderVoting::propose(
			RuntimeOrigin::signed(GOV),
			LOCAL,
			bounded(b"pump"),
			hash,
			None
		));
		assert_eq!(StakeholderVoting::proposal(index).unwrap().description, Some(text.clone()));
		// Its noter takes the note back: the text stays, pinned by the proposal.
		assert_ok!(Preimage::unnote_preimage(RuntimeOrigin::signed(GOV), hash));
		assert_eq!(StakeholderVoting::proposal(index).unwrap().description, Some(text));
		// A description never noted is not shown; nor one over `MaxDescriptionLen`.
		let plain = propose(GOV, LOCAL, None);
		assert_eq!(StakeholderVoting::proposal(plain).unwrap().description, None);
		let long = vec![b'x'; MAX_DESCRIPTION as usize + 1];
		let long_hash = BlakeTwo256::hash(&long);
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(GOV), long));
		assert_eq!(StakeholderVoting::description(&long_hash), None);
	});
}

#[test]
fn a_withdrawn_proposal_releases_its_description() {
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash};
	ExtBuilder::default().build_and_execute(|| {
		let text = b"a description that should not stay for free".to_vec();
		let hash = BlakeTwo256::hash(&text);
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(GOV), text.clone()));
		let index = ProposalCount::<Test>::get();
		assert_ok!(StakeholderVoting::propose(
			RuntimeOrigin::signed(GOV),
			LOCAL,
			bounded(b"pump"),
			hash,
			None
		));
		assert!(PinnedDescriptions::<Test>::contains_key(index));
		assert_ok!(Preimage::unnote_preimage(RuntimeOrigin::signed(GOV), hash));
		assert!(StakeholderVoting::description(&hash).is_some(), "pinned while the proposal lives");
		assert_ok!(StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), index));
		assert_eq!(last_event(), Event::Withdrawn { index });
		assert!(!PinnedDescriptions::<Test>::contains_key(index));
		// Nobody requests or notes it any more: the text is gone, no storage left for free.
		assert_eq!(StakeholderVoting::description(&hash), None);
	});
}
