//! Every state change of the main calls, and no other: `assert_<action>` snapshots the pallet's
//! storage before and after each dispatch (`assert_changes`) and checks the outcome.

use super::*;

fn assert_vote(who: u64, index: ProposalIndex, choice: VoteChoice, changes: &[&str]) {
	assert_changes(changes, || {
		StakeholderVoting::vote(RuntimeOrigin::signed(who), index, choice)
			.map(|_| ())
			.map_err(|e| e.error)
	});
	assert_eq!(Votes::<Test>::get(index, who).map(|v| v.choice), Some(choice));
	assert!(VotesByAccount::<Test>::contains_key(who, index));
}

fn assert_leave(who: u64, scope: ScopeId, changes: &[&str]) {
	assert_changes(changes, || StakeholderVoting::leave(RuntimeOrigin::signed(who), scope));
	assert!(StakeholderVoting::membership_of(&who, scope).is_err());
	assert_eq!(last_event(), Event::LeftScope { who, scope });
}

#[test]
fn a_first_vote_writes_the_vote_its_index_and_the_tally_and_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		assert_vote(MARKET, index, VoteChoice::Aye, &["Votes", "VotesByAccount", "Proposals"]);
		// A change of vote rewrites the vote and the tally only.
		assert_vote(MARKET, index, VoteChoice::Nay, &["Votes", "Proposals"]);
	});
}

#[test]
fn proposing_writes_the_proposal_its_indexes_and_its_queue_and_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		let index = ProposalCount::<Test>::get();
		assert_changes(
			&[
				"Proposals",
				"ProposalCount",
				"ProposalsBy",
				"ProposalsEndingAt",
				"OpenProposalsBy",
				"OpenProposalsIn",
				"CloseCursor",
			],
			|| {
				StakeholderVoting::propose(
					RuntimeOrigin::signed(GOV),
					LOCAL,
					bounded(b"a proposal"),
					H256::repeat_byte(7),
					None,
				)
			},
		);
		assert!(Proposals::<Test>::contains_key(index));
		// Safeguards at their defaults are not stored: `ProposalSafeguards` stays empty.
		assert!(!ProposalSafeguards::<Test>::contains_key(index));
	});
}

#[test]
fn leaving_ends_the_membership_its_history_and_the_delegations_and_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::delegate(
			RuntimeOrigin::signed(MARKET),
			LOCAL,
			COMMUNITY,
			None
		));
		assert_ok!(StakeholderVoting::accept_delegation(
			RuntimeOrigin::signed(COMMUNITY),
			LOCAL,
			MARKET
		));
		assert_eq!(held(HoldReason::DelegationDeposit, MARKET), DELEGATION_DEPOSIT);
		// The delegate leaves: its delegators' delegations end with it, their deposits return.
		assert_leave(COMMUNITY, LOCAL, &["Stakeholders", "Scopes", "Delegators", "Delegations"]);
		assert!(!Delegations::<Test>::contains_key(MARKET, LOCAL));
		assert_eq!(held(HoldReason::DelegationDeposit, MARKET), 0);
	});
}
