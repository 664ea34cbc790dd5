use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

#[test]
fn vote_updates_the_tally() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		vote(MARKET, index, VoteChoice::Aye);
		assert_eq!(last_event(), Event::Voted { index, who: MARKET, choice: VoteChoice::Aye });
		assert_eq!(
			Votes::<Test>::get(index, MARKET).unwrap(),
			VoteRecord {
				choice: VoteChoice::Aye,
				sector: Sector::Market,
				weight: 0,
				delegated: false
			}
		);
		assert!(VotesByAccount::<Test>::contains_key(MARKET, index));
		let tally = Proposals::<Test>::get(index).unwrap().tally;
		assert_eq!(tally.market.ayes, Side { count: 1, weight: 0 });
		assert_eq!(tally.voters(), 1);
	});
}

#[test]
fn changing_a_vote_moves_it_in_the_tally() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		vote(COMMUNITY, index, VoteChoice::Aye);
		vote(COMMUNITY, index, VoteChoice::Nay);
		vote(COMMUNITY, index, VoteChoice::Abstain);
		let tally = Proposals::<Test>::get(index).unwrap().tally;
		assert_eq!(tally.community.ayes, Side::default());
		assert_eq!(tally.community.nays, Side::default());
		assert_eq!(tally.community.abstentions.count, 1);
		assert_eq!(tally.voters(), 1);
	});
}

#[test]
fn vote_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(GOV), 0, VoteChoice::Aye),
			Error::<Test>::ProposalNotFound
		);
		let index = propose(GOV, LOCAL, None);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(OUTSIDER), index, VoteChoice::Aye),
			Error::<Test>::StakeholderNotFound
		);
		// A stakeholder of another scope only: out of scope.
		assert_ok!(StakeholderVoting::admit(
			RuntimeOrigin::root(),
			5,
			Sector::Market,
			CHAIN_WIDE_SCOPE,
			1
		));
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(5), index, VoteChoice::Aye),
			Error::<Test>::NotMember
		);
		// Admitted after submission: not in the electorate.
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 6, Sector::Market, LOCAL, 1));
		run_to(2);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(6), index, VoteChoice::Aye),
			Error::<Test>::NotInElectorate
		);
		// Suspended when the proposal was submitted: not to vote on it.
		assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), MARKET));
		let later = propose(GOV, LOCAL, None);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(MARKET), later, VoteChoice::Aye),
			Error::<Test>::Suspended
		);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::none(), index, VoteChoice::Aye),
			DispatchError::BadOrigin
		);
		// At the end block, before the hook closed it, voting has ended.
		System::set_block_number(1 + PERIOD);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(GOV), index, VoteChoice::Aye),
			Error::<Test>::VotingEnded
		);
		System::set_block_number(2);
		assert_ok!(StakeholderVoting::cancel(RuntimeOrigin::root(), index));
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(GOV), index, VoteChoice::Aye),
			Error::<Test>::NotOngoing
		);
	});
}

#[test]
fn votes_of_pages_through_an_accounts_votes() {
	ExtBuilder::default().build_and_execute(|| {
		let mut indices = vec![];
		for block in 2..7 {
			run_to(block);
			let index = propose(GOV, LOCAL, None);
			vote(MARKET, index, VoteChoice::Aye);
			indices.push(index);
		}
		let first = StakeholderVoting::votes_of(&MARKET, None, 2);
		assert_eq!(first.len(), 2);
		let second = StakeholderVoting::votes_of(&MARKET, Some(first[1].0), 2);
		let third = StakeholderVoting::votes_of(&MARKET, Some(second[1].0), 2);
		assert_eq!(third.len(), 1);
		let mut all: Vec<_> = first.iter().chain(&second).chain(&third).map(|(i, _)| *i).collect();
		all.sort();
		assert_eq!(all, indices);
		assert!(StakeholderVoting::votes_of(&GOV, None, 10).is_empty());
	});
}
