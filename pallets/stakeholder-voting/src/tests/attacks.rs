//! Attacks on governance, each refused: a proposal whose call acts on itself, calls enactment
//! could not decode, holds defeated by a full close queue or renewed without end, holds on the
//! vote that would overturn the regulators, a short pause vetoing a vote, proposal spam, and a
//! silent sector blocking every decision.

use super::*;
use crate::mock::{
	RemarkBlocked, MAX_HOLD, MAX_OPEN_PER_PROPOSER, MAX_OPEN_PER_SCOPE, PROPOSAL_DEPOSIT,
	RETRY_PERIOD,
};
use polkadot_sdk::{
	frame_support::assert_noop,
	sp_runtime::{DispatchError, Perbill},
};

fn create_scope_call(name: &[u8]) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(crate::Call::create_scope {
		name: bounded(name),
		rule: rule(Weighting::Headcount),
	})
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(polkadot_sdk::frame_system::Call::remark { remark: vec![1] })
}

/// Every sector votes aye on `index`.
fn all_aye(index: ProposalIndex) {
	for who in [GOV, MARKET, COMMUNITY] {
		vote(who, index, VoteChoice::Aye);
	}
}

#[test]
fn a_proposal_whose_call_cancels_itself_burns_nothing_and_reports_the_failure() {
	ExtBuilder::default().build_and_execute(|| {
		let issuance = Balances::total_issuance();
		let other = propose(GOV, LOCAL, None);
		let index = ProposalCount::<Test>::get();
		let cancel_self = RuntimeCall::StakeholderVoting(crate::Call::cancel { index });
		assert_eq!(propose(GOV, CHAIN_WIDE_SCOPE, Some(cancel_self)), index);
		all_aye(index);
		assert_eq!(held(HoldReason::ProposalDeposit, GOV), 2 * PROPOSAL_DEPOSIT);
		run_to(1 + PERIOD);
		// The proposal had already ended when its call ran: cancelling it fails.
		let failed = Enactment::EnactmentFailed { error: Error::<Test>::NotCancellable.into() };
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(failed) }
		);
		assert!(!events().contains(&Event::Cancelled { index }));
		// The other proposal's deposit is still held and nothing was burned.
		assert_eq!(status(other), ProposalStatus::Rejected { at: 1 + PERIOD });
		let slash = Perbill::from_percent(20) * PROPOSAL_DEPOSIT;
		assert_eq!(
			Balances::total_issuance(),
			issuance - slash,
			"only the quorum slash of `other`"
		);
	});
}

/// Proposes, in the chain-wide scope, a remark wrapped in `depth` nested `dispatch_as_root`s.
fn propose_nested(depth: u32) -> polkadot_sdk::sp_runtime::DispatchResult {
	let mut call = remark();
	for _ in 0..depth {
		call =
			RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root { call: Box::new(call) });
	}
	StakeholderVoting::propose(
		RuntimeOrigin::signed(GOV),
		CHAIN_WIDE_SCOPE,
		bounded(b"deep"),
		H256::zero(),
		Some(Box::new(call)),
	)
	.map(|_| ())
}

#[test]
fn a_call_tree_past_the_bound_is_refused_at_propose() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			propose_nested(crate::mock::MAX_MOCK_DEPTH + 1),
			Error::<Test>::CallTooComplex
		);
	});
}

#[test]
fn a_call_nested_deeper_than_enactment_decodes_is_refused_at_propose() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(propose_nested(70), Error::<Test>::CallUndecodable);
	});
}

#[test]
fn a_hold_survives_a_full_close_queue_at_its_end() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"held")));
		all_aye(index);
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(1 + PERIOD + 4)));
		// An attacker fills the close queue of the hold's last block (3 per block).
		run_to(5);
		for who in [MARKET, COMMUNITY, MARKET] {
			propose(who, CHAIN_WIDE_SCOPE, None);
		}
		assert_eq!(ProposalsEndingAt::<Test>::get(5 + PERIOD).len(), 3);
		run_to(1 + PERIOD);
		// The held call moves to the next block with room, not to now.
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: 6 + PERIOD });
		assert!(Scopes::<Test>::get(2).is_none());
		run_to(5 + PERIOD);
		assert!(Scopes::<Test>::get(2).is_none());
		run_to(6 + PERIOD);
		assert!(Scopes::<Test>::get(2).is_some());
		assert!(matches!(
			status(index),
			ProposalStatus::Approved { enactment: Some(Enactment::Enacted), .. }
		));
	});
}

#[test]
fn holding_again_to_the_same_block_keeps_the_proposal_scheduled() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"held")));
		all_aye(index);
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(15)));
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: 15 });
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(15)));
		assert!(ProposalsEndingAt::<Test>::get(15).contains(&index));
		run_to(15);
		assert!(Scopes::<Test>::get(2).is_some(), "enacted, not dropped");
	});
}

#[test]
fn holds_cannot_be_renewed_past_the_longest_hold() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"held")));
		all_aye(index);
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(1 + MAX_HOLD)));
		run_to(1 + PERIOD);
		assert_noop!(
			StakeholderVoting::hold_enactment(index, Some(1 + PERIOD + MAX_HOLD)),
			Error::<Test>::HoldTooLong
		);
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(1 + MAX_HOLD)));
		assert_eq!(HoldStarts::<Test>::get(index), Some(1));
		run_to(1 + MAX_HOLD);
		assert!(Scopes::<Test>::get(2).is_some());
		assert_eq!(HoldStarts::<Test>::get(index), None);
	});
}

#[test]
fn the_vote_that_would_overturn_the_regulators_cannot_be_held() {
	ExtBuilder::default().build_and_execute(|| {
		// `remark_with_event` stands for `overturn` and `dismiss` in the mock.
		let call = RuntimeCall::System(polkadot_sdk::frame_system::Call::remark_with_event {
			remark: vec![1],
		});
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(call));
		assert_noop!(StakeholderVoting::hold_enactment(index, Some(5)), Error::<Test>::NotHoldable);
	});
}

#[test]
fn a_call_blocked_by_a_pause_is_enacted_when_the_pause_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(remark()));
		all_aye(index);
		RemarkBlocked::set(true);
		run_to(1 + PERIOD);
		let retry = 1 + PERIOD + RETRY_PERIOD;
		assert_eq!(
			status(index),
			ProposalStatus::AwaitingEnactment { at: 1 + PERIOD, retry, attempts: 1 }
		);
		assert_eq!(last_event(), Event::EnactmentDeferred { index, retry });
		RemarkBlocked::set(false);
		run_to(retry);
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert_eq!(last_event(), Event::Enacted { index, result: Enactment::Enacted });
	});
}

#[test]
fn a_blocked_call_keeps_waiting_without_a_budget_and_stays_cancellable() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(remark()));
		all_aye(index);
		RemarkBlocked::set(true);
		// Far more attempts than any budget: it still waits.
		run_to(1 + PERIOD + 20 * RETRY_PERIOD);
		let retry = 1 + PERIOD + 21 * RETRY_PERIOD;
		assert_eq!(
			status(index),
			ProposalStatus::AwaitingEnactment { at: 1 + PERIOD, retry, attempts: 21 }
		);
		let deferred =
			events().iter().filter(|e| matches!(e, Event::EnactmentDeferred { .. })).count();
		assert_eq!(deferred, 21);
		// A chain-wide vote cancels it while it waits; it never runs.
		assert_ok!(StakeholderVoting::cancel(RuntimeOrigin::root(), index));
		assert!(matches!(status(index), ProposalStatus::Cancelled { .. }));
		assert_eq!(last_event(), Event::Cancelled { index });
		RemarkBlocked::set(false);
		run_to(retry + 1);
		assert!(matches!(status(index), ProposalStatus::Cancelled { .. }));
		assert!(!events().iter().any(|e| matches!(e, Event::Enacted { .. })));
	});
}

#[test]
fn one_proposer_cannot_lock_governance_with_proposals() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..MAX_OPEN_PER_PROPOSER {
			propose(GOV, LOCAL, None);
		}
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(GOV),
				CHAIN_WIDE_SCOPE,
				bounded(b"t"),
				H256::zero(),
				None
			),
			Error::<Test>::TooManyOpenProposals
		);
		// The queue of the block they end in is full (3), the local scope nearly: others can
		// still propose, chain-wide always — the proposal ends at the next block with room.
		assert_eq!(OpenProposalsBy::<Test>::get(GOV), MAX_OPEN_PER_PROPOSER);
		let chain = propose(MARKET, CHAIN_WIDE_SCOPE, None);
		assert_eq!(Proposals::<Test>::get(chain).unwrap().end, 2 + PERIOD);
		assert!(matches!(last_event(), Event::Proposed { end, .. } if end == 2 + PERIOD));
		propose(MARKET, LOCAL, None);
		assert_eq!(OpenProposalsIn::<Test>::get(LOCAL), MAX_OPEN_PER_SCOPE);
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(COMMUNITY),
				LOCAL,
				bounded(b"t"),
				H256::zero(),
				None
			),
			Error::<Test>::TooManyOpenProposals
		);
		propose(COMMUNITY, CHAIN_WIDE_SCOPE, None);
		// Closing frees the slots.
		run_to(5 + PERIOD);
		assert_eq!(OpenProposalsBy::<Test>::get(GOV), 0);
		assert_eq!(OpenProposalsIn::<Test>::get(LOCAL), 0);
	});
}

#[test]
fn a_proposal_failing_its_quorum_loses_part_of_its_deposit() {
	ExtBuilder::default()
		.with_scope(
			b"quorate",
			VotingRule { quorum: Perbill::from_percent(50), ..rule(Weighting::Headcount) },
		)
		.with_stakeholder(4, Sector::Market, vec![(2, 1)])
		.with_stakeholder(5, Sector::Market, vec![(2, 1)])
		.with_stakeholder(6, Sector::Market, vec![(2, 1)])
		.build_and_execute(|| {
			let issuance = Balances::total_issuance();
			let index = propose(4, 2, None);
			run_to(1 + PERIOD);
			let slash = Perbill::from_percent(20) * PROPOSAL_DEPOSIT;
			assert!(events().contains(&Event::DepositSlashed { index, amount: slash }));
			assert_eq!(Balances::total_issuance(), issuance - slash);
			assert_eq!(held(HoldReason::ProposalDeposit, 4), 0);
			// With its quorum, a rejected proposal gets the whole deposit back.
			let index = propose(4, 2, None);
			vote(4, index, VoteChoice::Nay);
			vote(5, index, VoteChoice::Nay);
			run_to(1 + 2 * PERIOD);
			assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + 2 * PERIOD });
			assert_eq!(Balances::total_issuance(), issuance - slash);
		});
}

#[test]
fn a_silent_sector_does_not_veto_under_sector_balance() {
	ExtBuilder::default()
		.with_scope(b"balanced", VotingRule { sector_balance: true, ..rule(Weighting::Headcount) })
		.with_stakeholder(4, Sector::Government, vec![(2, 1)])
		.with_stakeholder(5, Sector::Market, vec![(2, 1)])
		.with_stakeholder(6, Sector::Community, vec![(2, 1)])
		.build_and_execute(|| {
			// The community casts no vote: the other sectors' majorities decide.
			let silent = propose(4, 2, None);
			vote(4, silent, VoteChoice::Aye);
			vote(5, silent, VoteChoice::Aye);
			// A sector that votes decides by its own majority.
			let vetoed = propose(5, 2, None);
			vote(4, vetoed, VoteChoice::Aye);
			vote(5, vetoed, VoteChoice::Aye);
			vote(6, vetoed, VoteChoice::Nay);
			// Abstaining is silence too.
			let abstained = propose(6, 2, None);
			vote(4, abstained, VoteChoice::Aye);
			vote(5, abstained, VoteChoice::Aye);
			vote(6, abstained, VoteChoice::Abstain);
			run_to(2 + PERIOD);
			assert!(matches!(status(silent), ProposalStatus::Approved { .. }));
			assert_eq!(status(vetoed), ProposalStatus::Rejected { at: 1 + PERIOD });
			assert!(matches!(status(abstained), ProposalStatus::Approved { .. }));
		});
}

#[test]
fn scope_membership_is_what_regulators_see() {
	use polity_primitives::traits::ScopeMembership;
	ExtBuilder::default().build_and_execute(|| {
		assert!(StakeholderVoting::is_member(LOCAL, &GOV));
		assert!(!StakeholderVoting::is_member(LOCAL, &OUTSIDER));
		let index = propose(GOV, LOCAL, None);
		assert_eq!(StakeholderVoting::proposal_scope(index), Some(LOCAL));
		assert_eq!(StakeholderVoting::proposal_scope(99), None);
		let _ = DispatchError::BadOrigin;
	});
}

#[test]
fn a_stake_change_or_suspension_during_a_vote_changes_nothing_for_it() {
	ExtBuilder::default()
		.with_scope(b"staked", VotingRule { ..rule(Weighting::Stake { cap: Perbill::one() }) })
		.with_stakeholder(4, Sector::Market, vec![(2, 10)])
		.with_stakeholder(5, Sector::Market, vec![(2, 10)])
		.build_and_execute(|| {
			run_to(2);
			let index = propose(4, 2, None);
			run_to(3);
			// The majority raises its own stake, and suspends the minority, mid-vote.
			assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), 4, 2, 1_000));
			assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), 5));
			vote(4, index, VoteChoice::Aye);
			// Suspended after submission: still votes on it, with its stake then.
			vote(5, index, VoteChoice::Nay);
			let tally = Proposals::<Test>::get(index).unwrap().tally;
			assert_eq!(tally.of(Sector::Market).ayes.weight, 10);
			assert_eq!(tally.of(Sector::Market).nays.weight, 10);
			// A proposal submitted after the changes sees them.
			run_to(4);
			let later = propose(4, 2, None);
			vote(4, later, VoteChoice::Aye);
			assert_eq!(
				Proposals::<Test>::get(later).unwrap().tally.of(Sector::Market).ayes.weight,
				1_000
			);
			assert_noop!(
				StakeholderVoting::vote(RuntimeOrigin::signed(5), later, VoteChoice::Nay),
				Error::<Test>::Suspended
			);
			// A resumption during a vote does not let a member suspended at submission in.
			run_to(5);
			assert_ok!(StakeholderVoting::resume(RuntimeOrigin::root(), 5));
			assert_noop!(
				StakeholderVoting::vote(RuntimeOrigin::signed(5), later, VoteChoice::Nay),
				Error::<Test>::Suspended
			);
		});
}

#[test]
fn stake_changes_within_a_voting_period_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		for stake in 0..crate::MAX_RECENT_CHANGES {
			assert_ok!(StakeholderVoting::set_stake(
				RuntimeOrigin::root(),
				GOV,
				LOCAL,
				u64::from(stake)
			));
		}
		assert_noop!(
			StakeholderVoting::set_stake(RuntimeOrigin::root(), GOV, LOCAL, 99),
			Error::<Test>::TooManyChanges
		);
		// Once no open proposal can need them — past a voting period, a secret ballot's reveal
		// phase and a confirm period, each at most MaxVotingPeriod, and the spill — old changes
		// make room.
		System::set_block_number(1 + 3 * 1_000 + u64::from(crate::closing::MAX_SPILL) + 1);
		assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), GOV, LOCAL, 99));
		assert_eq!(StakeChanges::<Test>::get(GOV, LOCAL).len(), 1);
	});
}
