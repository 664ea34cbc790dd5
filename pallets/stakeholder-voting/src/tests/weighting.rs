//! The weighting rules and passing conditions on the same votes.

use super::*;
use polkadot_sdk::sp_runtime::Perbill;

/// Scope 2, with `rule`; stakeholders 11 and 12 (stake 1 each) and 13 (stake 10).
fn scenario(weighting: Weighting, approval: Perbill) -> ExtBuilder {
	let mut r = rule(weighting);
	r.approval = approval;
	ExtBuilder::default()
		.with_scope(b"weighting", r)
		.with_stakeholder(11, Sector::Community, vec![(2, 1)])
		.with_stakeholder(12, Sector::Community, vec![(2, 1)])
		.with_stakeholder(13, Sector::Market, vec![(2, 10)])
}

/// Two small stakeholders vote aye, the large one nay; returns the outcome at close.
fn small_ayes_large_nay() -> Outcome {
	let index = propose(11, 2, None);
	vote(11, index, VoteChoice::Aye);
	vote(12, index, VoteChoice::Aye);
	vote(13, index, VoteChoice::Nay);
	let outcome = StakeholderVoting::proposal(index).unwrap().projected;
	run_to(1 + PERIOD);
	match (last_event(), outcome.passes) {
		(Event::Approved { outcome: o, .. }, true)
		| (Event::Rejected { outcome: o, .. }, false) => assert_eq!(o, outcome),
		(e, _) => panic!("unexpected {e:?}"),
	}
	outcome
}

#[test]
fn hybrid_differs_from_headcount_and_stake_on_the_same_votes() {
	let half = Perbill::from_percent(50);
	let mut outcomes = vec![];
	for weighting in [
		Weighting::Headcount,
		Weighting::Stake { cap: Perbill::one() },
		Weighting::Hybrid { headcount_share: Perbill::from_percent(80) },
		Weighting::Hybrid { headcount_share: Perbill::from_percent(20) },
	] {
		scenario(weighting, half).build_and_execute(|| outcomes.push(small_ayes_large_nay()));
	}
	let [headcount, stake, hybrid_80, hybrid_20] = outcomes[..] else { unreachable!() };
	// Headcount: 2 of 3 ayes. Stake: 2 of 12. Hybrid(p): p·2/3 + (1−p)·2/12.
	assert_eq!(headcount.approval, Perbill::from_rational(2u32, 3u32));
	assert_eq!(stake.approval, Perbill::from_rational(2u32, 12u32));
	assert!(headcount.passes);
	assert!(!stake.passes);
	assert!(
		hybrid_80.approval > half && hybrid_80.passes,
		"most weight from headcount: passes, unlike Stake"
	);
	assert!(
		hybrid_20.approval < half && !hybrid_20.passes,
		"most weight from stake: fails, unlike Headcount"
	);
	assert!(hybrid_80.approval < headcount.approval && hybrid_80.approval > stake.approval);
}

#[test]
fn stake_weighting_caps_large_voters() {
	// Cap at 10% of the electorate's stake (12 + genesis none in scope 2): 1.2 → 1.
	let capped = Weighting::Stake { cap: Perbill::from_percent(10) };
	scenario(capped, Perbill::from_percent(50)).build_and_execute(|| {
		let outcome = small_ayes_large_nay();
		assert_eq!(Votes::<Test>::get(0, 13).unwrap().weight, 1);
		assert!(outcome.passes, "capped, the large voter no longer outweighs two small ones");
	});
}

#[test]
fn quadratic_weighting_takes_the_square_root() {
	scenario(Weighting::Quadratic, Perbill::from_percent(50)).build_and_execute(|| {
		let index = propose(11, 2, None);
		vote(13, index, VoteChoice::Nay);
		// sqrt(10) = 3 (integer)
		assert_eq!(Votes::<Test>::get(index, 13).unwrap().weight, 3);
		vote(11, index, VoteChoice::Aye);
		vote(12, index, VoteChoice::Aye);
		assert_eq!(
			StakeholderVoting::proposal(index).unwrap().projected.approval,
			Perbill::from_rational(2u32, 5u32)
		);
	});
}

#[test]
fn quorum_counts_abstentions_against_the_fixed_electorate() {
	let mut r = rule(Weighting::Headcount);
	r.quorum = Perbill::from_percent(60);
	ExtBuilder::default()
		.with_scope(b"quorum", r)
		.with_stakeholder(11, Sector::Community, vec![(2, 1)])
		.with_stakeholder(12, Sector::Community, vec![(2, 1)])
		.with_stakeholder(13, Sector::Market, vec![(2, 1)])
		.build_and_execute(|| {
			let index = propose(11, 2, None);
			vote(11, index, VoteChoice::Aye);
			let o = StakeholderVoting::proposal(index).unwrap().projected;
			assert_eq!(o.turnout, Perbill::from_rational(1u32, 3u32));
			assert!(!o.quorum_reached && !o.passes);
			vote(12, index, VoteChoice::Abstain);
			let o = StakeholderVoting::proposal(index).unwrap().projected;
			assert!(o.quorum_reached && o.passes, "abstention counts for turnout: {o:?}");
		});
}

#[test]
fn sector_balance_rejects_what_a_plain_majority_passes() {
	for sector_balance in [false, true] {
		let mut r = rule(Weighting::Headcount);
		r.sector_balance = sector_balance;
		// Government 2, market 2, community 1: the community's only member says nay.
		ExtBuilder::default()
			.with_scope(b"balance", r)
			.with_stakeholder(11, Sector::Government, vec![(2, 1)])
			.with_stakeholder(12, Sector::Government, vec![(2, 1)])
			.with_stakeholder(13, Sector::Market, vec![(2, 1)])
			.with_stakeholder(14, Sector::Market, vec![(2, 1)])
			.with_stakeholder(15, Sector::Community, vec![(2, 1)])
			.build_and_execute(|| {
				let index = propose(11, 2, None);
				for who in [11, 12, 13, 14] {
					vote(who, index, VoteChoice::Aye);
				}
				vote(15, index, VoteChoice::Nay);
				let o = StakeholderVoting::proposal(index).unwrap().projected;
				assert_eq!(o.approval, Perbill::from_percent(80));
				assert!(o.approval_reached);
				assert_eq!(o.sectors_approve, !sector_balance);
				run_to(1 + PERIOD);
				if sector_balance {
					assert_eq!(status(index), ProposalStatus::Rejected { at: 1 + PERIOD });
				} else {
					assert!(matches!(status(index), ProposalStatus::Approved { .. }));
				}
			});
	}
}

#[test]
fn a_sector_without_members_does_not_block_sector_balance() {
	let mut r = rule(Weighting::Headcount);
	r.sector_balance = true;
	ExtBuilder::default()
		.with_scope(b"two-sectors", r)
		.with_stakeholder(11, Sector::Government, vec![(2, 1)])
		.with_stakeholder(13, Sector::Market, vec![(2, 1)])
		.build_and_execute(|| {
			let index = propose(11, 2, None);
			vote(11, index, VoteChoice::Aye);
			vote(13, index, VoteChoice::Aye);
			assert!(StakeholderVoting::proposal(index).unwrap().projected.passes);
		});
}
