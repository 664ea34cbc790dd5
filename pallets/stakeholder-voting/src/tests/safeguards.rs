//! Decision safeguards: a minimum voting period, root-level minimums, a confirm period, and an
//! enactment delay during which a chain-wide vote (or `CancelOrigin`) can cancel the decision.

use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn create_scope_call(name: &[u8]) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(crate::Call::create_scope {
		name: bounded(name),
		rule: rule(Weighting::Headcount),
	})
}

fn safeguards(
	min_voting_period: u64,
	enactment_delay: u64,
	confirm_period: u64,
) -> Safeguards<u64> {
	Safeguards { min_voting_period, enactment_delay, confirm_period }
}

fn set(scope: Option<ScopeId>, s: Safeguards<u64>) {
	assert_ok!(StakeholderVoting::set_safeguards(RuntimeOrigin::root(), scope, s));
}

fn all_aye(index: ProposalIndex) {
	for who in [GOV, MARKET, COMMUNITY] {
		vote(who, index, VoteChoice::Aye);
	}
}

#[test]
fn set_safeguards_is_for_the_chain_wide_scope_and_checks_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::set_safeguards(
				RuntimeOrigin::signed(GOV),
				Some(LOCAL),
				safeguards(5, 5, 5)
			),
			DispatchError::BadOrigin
		);
		// A scope's own vote cannot lower its safeguards.
		assert_noop!(
			StakeholderVoting::set_safeguards(
				RuntimeOrigin::from(Origin::Stakeholders { scope: LOCAL }),
				Some(LOCAL),
				safeguards(0, 0, 0)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::set_safeguards(RuntimeOrigin::root(), Some(42), safeguards(5, 5, 5)),
			Error::<Test>::ScopeNotFound
		);
		for bad in [safeguards(1_001, 0, 0), safeguards(0, 1_001, 0), safeguards(0, 0, 1_001)] {
			assert_noop!(
				StakeholderVoting::set_safeguards(RuntimeOrigin::root(), None, bad),
				Error::<Test>::InvalidSafeguards
			);
		}
		set(Some(LOCAL), safeguards(15, 4, 3));
		assert_eq!(ScopeSafeguards::<Test>::get(LOCAL), safeguards(15, 4, 3));
		assert_eq!(
			last_event(),
			Event::SafeguardsSet { scope: Some(LOCAL), safeguards: safeguards(15, 4, 3) }
		);
		set(None, safeguards(30, 10, 5));
		assert_eq!(RootSafeguards::<Test>::get(), safeguards(30, 10, 5));
		// The chain-wide scope's passed vote may set them too.
		assert_ok!(StakeholderVoting::set_safeguards(
			RuntimeOrigin::from(Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }),
			Some(LOCAL),
			safeguards(0, 0, 0)
		));
	});
}

#[test]
fn a_minimum_voting_period_lengthens_a_short_rule_and_sticks_to_the_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(LOCAL), safeguards(15, 0, 0));
		let index = propose(GOV, LOCAL, None);
		let p = Proposals::<Test>::get(index).unwrap();
		assert_eq!(p.end, 1 + 15);
		assert_eq!(p.rule.voting_period, 15);
		assert_eq!(ProposalSafeguards::<Test>::get(index), safeguards(15, 0, 0));
		// Lowering the scope's safeguards later changes nothing for it.
		set(Some(LOCAL), safeguards(0, 0, 0));
		assert_eq!(StakeholderVoting::proposal(index).unwrap().safeguards, safeguards(15, 0, 0));
		let later = propose(GOV, LOCAL, None);
		assert_eq!(Proposals::<Test>::get(later).unwrap().end, 1 + PERIOD);
		assert!(!ProposalSafeguards::<Test>::contains_key(later));
		// A confirm period longer than the voting period lengthens it too: it must be able to
		// pass.
		set(Some(LOCAL), safeguards(0, 0, 12));
		let confirm = propose(GOV, LOCAL, None);
		assert_eq!(Proposals::<Test>::get(confirm).unwrap().end, 1 + 12);
	});
}

#[test]
fn root_level_decisions_take_the_longer_root_safeguards() {
	ExtBuilder::default().build_and_execute(|| {
		set(None, safeguards(25, 6, 0));
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 2, 0));
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let as_root = RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root {
			call: Box::new(remark.clone()),
		});
		let root = propose(GOV, CHAIN_WIDE_SCOPE, Some(as_root));
		assert_eq!(Proposals::<Test>::get(root).unwrap().end, 1 + 25);
		assert_eq!(ProposalSafeguards::<Test>::get(root), safeguards(25, 6, 0));
		// Not root-level: the scope's own.
		let plain = propose(MARKET, CHAIN_WIDE_SCOPE, Some(remark));
		assert_eq!(Proposals::<Test>::get(plain).unwrap().end, 1 + PERIOD);
		assert_eq!(ProposalSafeguards::<Test>::get(plain), safeguards(0, 2, 0));
	});
}

#[test]
fn a_last_minute_swing_is_not_confirmed() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(LOCAL), safeguards(0, 0, 5));
		let index = propose(GOV, LOCAL, None);
		run_to(8);
		all_aye(index);
		assert_eq!(PassingSince::<Test>::get(index), Some(8));
		assert_eq!(StakeholderVoting::proposal(index).unwrap().passing_since, Some(8));
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
		let evs = events();
		assert!(evs.contains(&Event::NotConfirmed { index, passing_since: Some(8) }));
		assert!(!PassingSince::<Test>::contains_key(index));
	});
}

#[test]
fn a_proposal_passing_for_its_confirm_period_passes() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(LOCAL), safeguards(0, 0, 5));
		let index = propose(GOV, LOCAL, None);
		run_to(6);
		all_aye(index);
		// Passing since 6: 6 + 5 <= 11, the end.
		run_to(1 + PERIOD);
		assert!(matches!(status(index), ProposalStatus::Approved { .. }));
		assert!(!PassingSince::<Test>::contains_key(index));
	});
}

#[test]
fn a_tally_that_stops_passing_restarts_the_confirm_clock() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(LOCAL), safeguards(0, 0, 5));
		let index = propose(GOV, LOCAL, None);
		run_to(2);
		all_aye(index);
		assert_eq!(PassingSince::<Test>::get(index), Some(2));
		run_to(4);
		for who in [GOV, MARKET, COMMUNITY] {
			vote(who, index, VoteChoice::Nay);
		}
		assert_eq!(PassingSince::<Test>::get(index), None);
		run_to(8);
		all_aye(index);
		assert_eq!(PassingSince::<Test>::get(index), Some(8));
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
		assert!(events().contains(&Event::NotConfirmed { index, passing_since: Some(8) }));
	});
}

#[test]
fn a_passed_call_waits_out_its_enactment_delay() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 4, 0));
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"delayed")));
		all_aye(index);
		run_to(1 + PERIOD);
		assert_eq!(
			status(index),
			ProposalStatus::Scheduled { at: 1 + PERIOD, enact_at: 5 + PERIOD }
		);
		assert!(events().contains(&Event::EnactmentScheduled { index, enact_at: 5 + PERIOD }));
		assert!(!Scopes::<Test>::contains_key(2), "not enacted during the delay");
		// Listed as passed while it waits, not left out of every listing but `Any`.
		let passed =
			StakeholderVoting::proposals_in(CHAIN_WIDE_SCOPE, StatusFilter::Passed, None, 10);
		assert_eq!(passed.items, vec![index]);
		assert!(StakeholderVoting::proposals_in(CHAIN_WIDE_SCOPE, StatusFilter::Ongoing, None, 10)
			.items
			.is_empty());
		// Votes stay until the decision is final.
		assert_noop!(
			StakeholderVoting::reap_votes(RuntimeOrigin::signed(GOV), index, 10),
			Error::<Test>::NotReapable
		);
		assert_noop!(
			StakeholderVoting::close(RuntimeOrigin::signed(GOV), index),
			Error::<Test>::NotDue
		);
		run_to(5 + PERIOD);
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert!(Scopes::<Test>::contains_key(2));
	});
}

#[test]
fn a_decision_in_its_delay_is_cancelled_and_never_runs() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 4, 0));
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"regretted")));
		all_aye(index);
		run_to(2 + PERIOD);
		assert_noop!(
			StakeholderVoting::cancel(RuntimeOrigin::signed(GOV), index),
			DispatchError::BadOrigin
		);
		assert_ok!(StakeholderVoting::cancel(RuntimeOrigin::root(), index));
		assert_eq!(status(index), ProposalStatus::Cancelled { at: 2 + PERIOD });
		assert_eq!(last_event(), Event::Cancelled { index });
		assert!(ProposalsEndingAt::<Test>::get(5 + PERIOD).is_empty());
		run_to(10 + PERIOD);
		assert!(!Scopes::<Test>::contains_key(2), "the cancelled call never ran");
		assert_noop!(
			StakeholderVoting::cancel(RuntimeOrigin::root(), index),
			Error::<Test>::NotCancellable
		);
	});
}

#[test]
fn a_chain_wide_vote_to_cancel_is_not_delayed_itself() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 4, 0));
		let target = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"regretted")));
		all_aye(target);
		run_to(2);
		let cancel = RuntimeCall::StakeholderVoting(crate::Call::cancel { index: target });
		let canceller = propose(MARKET, CHAIN_WIDE_SCOPE, Some(cancel));
		all_aye(canceller);
		run_to(1 + PERIOD);
		assert!(matches!(status(target), ProposalStatus::Scheduled { .. }));
		// The cancelling vote ends a block later and is enacted at once, inside the delay.
		run_to(2 + PERIOD);
		assert_eq!(
			status(canceller),
			ProposalStatus::Approved { at: 2 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		assert_eq!(status(target), ProposalStatus::Cancelled { at: 2 + PERIOD });
		run_to(10 + PERIOD);
		assert!(!Scopes::<Test>::contains_key(2));
	});
}

#[test]
fn a_regulators_hold_on_a_delayed_decision_never_shortens_the_delay() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 6, 0));
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(create_scope_call(b"held")));
		all_aye(index);
		run_to(1 + PERIOD);
		let enact_at = 7 + PERIOD;
		assert_eq!(status(index), ProposalStatus::Scheduled { at: 1 + PERIOD, enact_at });
		// A shorter hold keeps the delay's end; a longer one moves it.
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(3 + PERIOD)));
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: enact_at });
		assert_ok!(StakeholderVoting::hold_enactment(index, Some(12 + PERIOD)));
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: 12 + PERIOD });
		// Released early: enacted when the delay ends, not at once.
		run_to(2 + PERIOD);
		assert_ok!(StakeholderVoting::hold_enactment(index, None));
		assert_eq!(status(index), ProposalStatus::Held { at: 1 + PERIOD, until: enact_at });
		run_to(enact_at);
		assert!(Scopes::<Test>::contains_key(2));
	});
}

#[test]
fn an_undelayed_call_is_enacted_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(CHAIN_WIDE_SCOPE), safeguards(0, 6, 0));
		// The mock's stand-in for an overturn.
		let overturn =
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] });
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(overturn));
		all_aye(index);
		run_to(1 + PERIOD);
		assert!(matches!(status(index), ProposalStatus::Approved { enactment: Some(_), .. }));
	});
}

#[test]
fn a_text_proposal_has_nothing_to_delay() {
	ExtBuilder::default().build_and_execute(|| {
		set(Some(LOCAL), safeguards(0, 6, 0));
		let index = propose(GOV, LOCAL, None);
		all_aye(index);
		run_to(1 + PERIOD);
		assert_eq!(status(index), ProposalStatus::Approved { at: 1 + PERIOD, enactment: None });
	});
}
