//! Automatic and manual close, enactment with the scope's origin, and reaping votes.

use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn create_scope_call(name: &[u8]) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(crate::Call::create_scope {
		name: bounded(name),
		rule: rule(Weighting::Headcount),
	})
}

#[test]
fn a_passed_chain_wide_proposal_closes_by_itself_and_enacts_its_call() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"new-scope")));
		vote(GOV, index, VoteChoice::Aye);
		vote(MARKET, index, VoteChoice::Aye);
		vote(COMMUNITY, index, VoteChoice::Nay);
		run_to(PERIOD);
		assert_eq!(status(index), ProposalStatus::Ongoing);
		run_to(1 + PERIOD);
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert_eq!(Scopes::<Test>::get(2).unwrap().name.to_vec(), b"new-scope".to_vec());
		let evs = events();
		assert!(evs.contains(&Event::ScopeCreated { scope: 2 }));
		assert_eq!(evs.last(), Some(&Event::Enacted { index, result: Enactment::Enacted }));
		assert!(matches!(evs[evs.len() - 3], Event::Approved { index: 0, .. }));
		assert_eq!(held(HoldReason::ProposalDeposit, GOV), 0);
		assert!(ProposalsEndingAt::<Test>::get(1 + PERIOD).is_empty());
	});
}

#[test]
fn a_failing_call_is_recorded_as_enactment_failed() {
	ExtBuilder::default().build_and_execute(|| {
		// A local scope may not create scopes: the call fails with BadOrigin.
		let index = propose(GOV, LOCAL, Some(create_scope_call(b"nope")));
		vote(GOV, index, VoteChoice::Aye);
		run_to(1 + PERIOD);
		let failed = Enactment::EnactmentFailed { error: DispatchError::BadOrigin };
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(failed) }
		);
		assert_eq!(last_event(), Event::Enacted { index, result: failed });
		assert!(Scopes::<Test>::get(2).is_none());
	});
}

#[test]
fn an_undecodable_call_fails_enactment() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, Some(create_scope_call(b"x")));
		vote(GOV, index, VoteChoice::Aye);
		Proposals::<Test>::mutate(index, |p| {
			assert!(p.as_ref().unwrap().has_call);
			ProposalCalls::<Test>::insert(index, BoundedVec::truncate_from(vec![0xff, 0xff, 0xff]));
		});
		run_to(1 + PERIOD);
		let failed = Enactment::EnactmentFailed { error: Error::<Test>::CallUndecodable.into() };
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(failed) }
		);
	});
}

#[test]
fn a_rejected_proposal_returns_the_deposit_and_enacts_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"x")));
		vote(GOV, index, VoteChoice::Nay);
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
		assert!(matches!(last_event(), Event::Rejected { index: 0, .. }));
		assert!(Scopes::<Test>::get(2).is_none());
		assert_eq!(held(HoldReason::ProposalDeposit, GOV), 0);
	});
}

#[test]
fn a_proposal_without_votes_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
	});
}

#[test]
fn closes_beyond_the_per_block_limit_carry_over() {
	ExtBuilder::default().build_and_execute(|| {
		// Three proposals end in block 11; at most two close per block.
		let indices: Vec<_> =
			[GOV, MARKET, COMMUNITY].map(|who| propose(who, LOCAL, None)).to_vec();
		run_to(1 + PERIOD);
		let closed = indices.iter().filter(|i| status(**i) != ProposalStatus::Ongoing).count();
		assert_eq!(closed, 2);
		assert_eq!(ProposalsEndingAt::<Test>::get(1 + PERIOD).len(), 1);
		run_to(2 + PERIOD);
		assert!(indices.iter().all(|i| status(*i) != ProposalStatus::Ongoing));
		assert!(ProposalsEndingAt::<Test>::get(1 + PERIOD).is_empty());
		assert_eq!(CloseCursor::<Test>::get(), Some(3 + PERIOD));
	});
}

#[test]
fn anyone_may_close_a_due_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"manual")));
		vote(MARKET, index, VoteChoice::Aye);
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::signed(OUTSIDER), index),
			Error::<Test>::NotDue
		);
		// Jump past the end without running hooks, as if the queue were behind.
		System::set_block_number(1 + PERIOD);
		assert_ok!(StakeholderVoting::close(RuntimeOrigin::signed(OUTSIDER), index));
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert!(ProposalsEndingAt::<Test>::get(1 + PERIOD).is_empty());
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::signed(OUTSIDER), index),
			Error::<Test>::NotOngoing
		);
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::signed(OUTSIDER), 9),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::none(), index),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn reap_votes_in_pages_after_retention() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		for who in [GOV, MARKET, COMMUNITY] {
			vote(who, index, VoteChoice::Aye);
		}
		assert_noop!(
			StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), index, 10),
			Error::<Test>::NotReapable
		);
		run_to(1 + PERIOD);
		// VoteRetention is 5 blocks.
		assert_noop!(
			StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), index, 10),
			Error::<Test>::NotReapable
		);
		run_to(6 + PERIOD);
		assert_ok!(StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), index, 2));
		assert_eq!(last_event(), Event::VotesReaped { index, count: 2, more: true });
		assert_ok!(StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), index, 2));
		assert_eq!(last_event(), Event::VotesReaped { index, count: 1, more: false });
		assert_eq!(Votes::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(VotesByAccount::<Test>::iter().count(), 0);
		// The record and its final tally stay.
		assert_eq!(Proposals::<Test>::get(index).unwrap().tally.voters(), 3);
		assert_noop!(
			StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), 9, 1),
			Error::<Test>::ProposalNotFound
		);
	});
}
