//! Secret ballots: commit, reveal, tally only at reveal, unrevealed counts as absent.

use super::*;
use polkadot_sdk::sp_runtime::{DispatchResult, Perbill};
use polkadot_sdk::{
	frame_support::{assert_noop, dispatch::CheckIfFeeless},
	sp_runtime::DispatchError,
};

const REVEAL: u64 = 4;

fn secret(rule_quorum: Perbill) -> ExtBuilder {
	let mut r = rule(Weighting::Headcount);
	r.quorum = rule_quorum;
	ExtBuilder::default().with_scope(b"secret", r)
}

const SECRET: ScopeId = 2;

fn make_secret() {
	assert_ok!(StakeholderVoting::set_policy(
		RuntimeOrigin::root(),
		SECRET,
		ScopePolicy { secret_ballot: Some(REVEAL), attestation_required: false }
	));
	assert_eq!(
		last_event(),
		Event::PolicySet {
			scope: SECRET,
			policy: ScopePolicy { secret_ballot: Some(REVEAL), attestation_required: false }
		}
	);
}

fn members() -> ExtBuilder {
	secret(Perbill::from_percent(60))
		.with_stakeholder(GOV, Sector::Government, vec![(SECRET, 1)])
		.with_stakeholder(MARKET, Sector::Market, vec![(SECRET, 1)])
		.with_stakeholder(COMMUNITY, Sector::Community, vec![(SECRET, 1)])
}

fn salt(who: u64) -> [u8; 32] {
	[who as u8; 32]
}

fn commit(who: u64, index: ProposalIndex, choice: VoteChoice) {
	let c = commitment_of(index, &who, choice, &salt(who));
	assert_ok!(StakeholderVoting::commit_vote(RuntimeOrigin::signed(who), index, c));
	assert_eq!(last_event(), Event::VoteCommitted { index, who });
}

fn reveal(who: u64, index: ProposalIndex, choice: VoteChoice) -> DispatchResult {
	StakeholderVoting::reveal_vote(RuntimeOrigin::signed(who), index, choice, salt(who))
}

#[test]
fn a_secret_ballot_commits_reveals_and_tallies_only_revealed_votes() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		let index = propose(GOV, SECRET, None);
		let p = Proposals::<Test>::get(index).unwrap();
		let ballot = SecretBallots::<Test>::get(index).unwrap();
		// Voting for PERIOD blocks, then REVEAL blocks of reveal, then the close.
		assert_eq!(ballot.reveal_from, 2 + PERIOD);
		assert_eq!(p.end, 2 + PERIOD + REVEAL);
		commit(GOV, index, VoteChoice::Aye);
		commit(MARKET, index, VoteChoice::Aye);
		commit(COMMUNITY, index, VoteChoice::Nay);
		// Nothing readable before the reveal: no vote, an empty tally, only hashes.
		let view = StakeholderVoting::proposal(index).unwrap();
		assert_eq!(view.tally, Tally::default());
		assert_eq!(Votes::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(view.secret_ballot.map(|b| b.commitments), Some(3));
		// Reveals wait for the reveal phase.
		assert_noop!(reveal(GOV, index, VoteChoice::Aye), Error::<Test>::NotRevealPhase);
		run_to(ballot.reveal_from);
		// Commitments are closed now.
		assert_noop!(
			StakeholderVoting::commit_vote(RuntimeOrigin::signed(GOV), index, H256::zero()),
			Error::<Test>::VotingEnded
		);
		assert_ok!(reveal(GOV, index, VoteChoice::Aye));
		assert_eq!(last_event(), Event::VoteRevealed { index, who: GOV, choice: VoteChoice::Aye });
		assert_ok!(reveal(COMMUNITY, index, VoteChoice::Nay));
		// MARKET never reveals: absent. 2 of 3 voted, 67 % ≥ 60 % quorum; 1 aye, 1 nay:
		// approval 50 % does not exceed 50 %.
		let view = StakeholderVoting::proposal(index).unwrap();
		assert_eq!(view.tally.voters(), 2);
		assert_eq!(view.secret_ballot.map(|b| (b.commitments, b.revealed)), Some((3, 2)));
		run_to(p.end);
		assert!(matches!(status(index), ProposalStatus::Rejected { .. }));
		assert_noop!(reveal(MARKET, index, VoteChoice::Aye), Error::<Test>::NotOngoing);
	});
}

#[test]
fn an_unrevealed_commitment_counts_as_absent_for_the_quorum() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		let index = propose(GOV, SECRET, None);
		commit(GOV, index, VoteChoice::Aye);
		commit(MARKET, index, VoteChoice::Aye);
		let reveal_from = SecretBallots::<Test>::get(index).unwrap().reveal_from;
		run_to(reveal_from);
		assert_ok!(reveal(GOV, index, VoteChoice::Aye));
		// 1 of 3 revealed: 33 % turnout, under the 60 % quorum, though both committed ayes.
		let end = Proposals::<Test>::get(index).unwrap().end;
		run_to(end);
		assert!(events().iter().any(|e| matches!(e,
			Event::Rejected { index: i, outcome } if *i == index && !outcome.quorum_reached)));
	});
}

#[test]
fn a_revealed_majority_passes_and_enacts() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		// The scope admits an applicant by its own vote.
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(7), Sector::Market, SECRET, 1));
		let admit = RuntimeCall::StakeholderVoting(Call::approve_application { who: 7, stake: 1 });
		let index = propose(GOV, SECRET, Some(admit));
		for who in [GOV, MARKET, COMMUNITY] {
			commit(who, index, VoteChoice::Aye);
		}
		// A member may change its commitment while voting is open.
		commit(COMMUNITY, index, VoteChoice::Nay);
		assert_eq!(SecretBallots::<Test>::get(index).unwrap().commitments, 3);
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		// The earlier choice no longer opens the commitment.
		assert_noop!(reveal(COMMUNITY, index, VoteChoice::Aye), Error::<Test>::CommitmentMismatch);
		for (who, choice) in
			[(GOV, VoteChoice::Aye), (MARKET, VoteChoice::Aye), (COMMUNITY, VoteChoice::Nay)]
		{
			assert_ok!(reveal(who, index, choice));
		}
		assert_noop!(reveal(GOV, index, VoteChoice::Aye), Error::<Test>::CommitmentNotFound);
		run_to(Proposals::<Test>::get(index).unwrap().end);
		assert_eq!(
			status(index),
			ProposalStatus::Approved {
				at: 2 + PERIOD + REVEAL,
				enactment: Some(Enactment::Enacted)
			}
		);
		assert!(StakeholderVoting::stakeholder(&7).is_some());
	});
}

#[test]
fn commitments_and_reveals_are_free_exactly_when_they_count() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		let index = propose(GOV, SECRET, None);
		let c = commitment_of(index, &MARKET, VoteChoice::Aye, &salt(MARKET));
		let commit_call =
			RuntimeCall::StakeholderVoting(Call::commit_vote { index, commitment: c });
		assert!(commit_call.is_feeless(&RuntimeOrigin::signed(MARKET)));
		assert!(!commit_call.is_feeless(&RuntimeOrigin::signed(OUTSIDER)));
		commit(MARKET, index, VoteChoice::Aye);
		// A second commitment pays.
		assert!(!commit_call.is_feeless(&RuntimeOrigin::signed(MARKET)));
		let reveal_call = |choice| {
			RuntimeCall::StakeholderVoting(Call::reveal_vote { index, choice, salt: salt(MARKET) })
		};
		// Not before the reveal phase.
		assert!(!reveal_call(VoteChoice::Aye).is_feeless(&RuntimeOrigin::signed(MARKET)));
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		assert!(reveal_call(VoteChoice::Aye).is_feeless(&RuntimeOrigin::signed(MARKET)));
		// A wrong reveal is not free: failed reveals cannot be spammed at no cost.
		assert!(!reveal_call(VoteChoice::Nay).is_feeless(&RuntimeOrigin::signed(MARKET)));
		assert_ok!(reveal(MARKET, index, VoteChoice::Aye));
		assert!(!reveal_call(VoteChoice::Aye).is_feeless(&RuntimeOrigin::signed(MARKET)));
	});
}

#[test]
fn secret_ballot_errors_change_nothing() {
	members().build_and_execute(|| {
		// Reveal periods out of the voting period's bounds.
		for bad in [1, 1_001] {
			assert_noop!(
				StakeholderVoting::set_policy(
					RuntimeOrigin::root(),
					SECRET,
					ScopePolicy { secret_ballot: Some(bad), attestation_required: false }
				),
				Error::<Test>::InvalidPolicy
			);
		}
		assert_noop!(
			StakeholderVoting::set_policy(RuntimeOrigin::root(), 42, ScopePolicy::default()),
			Error::<Test>::ScopeNotFound
		);
		// A scope's own vote cannot switch its ballot: the chain-wide scope sets policies.
		assert_noop!(
			StakeholderVoting::set_policy(
				RuntimeOrigin::from(Origin::Stakeholders { scope: SECRET }),
				SECRET,
				ScopePolicy::default()
			),
			DispatchError::BadOrigin
		);
		run_to(2);
		let open = propose(GOV, SECRET, None);
		assert_noop!(
			StakeholderVoting::commit_vote(RuntimeOrigin::signed(GOV), open, H256::zero()),
			Error::<Test>::NotSecretBallot
		);
		assert_noop!(reveal(GOV, open, VoteChoice::Aye), Error::<Test>::NotSecretBallot);
		assert_noop!(
			StakeholderVoting::commit_vote(RuntimeOrigin::signed(GOV), 42, H256::zero()),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(reveal(GOV, 42, VoteChoice::Aye), Error::<Test>::ProposalNotFound);
		make_secret();
		run_to(3);
		let index = propose(GOV, SECRET, None);
		assert_noop!(
			StakeholderVoting::commit_vote(RuntimeOrigin::signed(OUTSIDER), index, H256::zero()),
			Error::<Test>::StakeholderNotFound
		);
		// Members admitted after the submission are not in its electorate.
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 7, Sector::Market, SECRET, 1));
		assert_noop!(
			StakeholderVoting::commit_vote(RuntimeOrigin::signed(7), index, H256::zero()),
			Error::<Test>::NotInElectorate
		);
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		assert_noop!(reveal(MARKET, index, VoteChoice::Aye), Error::<Test>::CommitmentNotFound);
		// A proposal with commitments cannot be withdrawn.
		let later = propose(GOV, SECRET, None);
		commit(MARKET, later, VoteChoice::Nay);
		assert_noop!(
			StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), later),
			Error::<Test>::HasVotes
		);
	});
}

/// The secret scope with a confirm period of `CONFIRM` blocks; a proposal in it at block 2.
const CONFIRM: u64 = 5;
fn confirmed_secret_proposal() -> ProposalIndex {
	assert_ok!(StakeholderVoting::set_safeguards(
		RuntimeOrigin::root(),
		Some(SECRET),
		Safeguards { min_voting_period: 0, enactment_delay: 0, confirm_period: CONFIRM }
	));
	make_secret();
	run_to(2);
	propose(GOV, SECRET, None)
}

#[test]
fn a_secret_ballot_keeps_the_confirm_period_after_its_reveals_and_its_policy_at_submission() {
	members().build_and_execute(|| {
		let index = confirmed_secret_proposal();
		// The confirm period stays, after the reveal phase.
		assert_eq!(ProposalSafeguards::<Test>::get(index).confirm_period, CONFIRM);
		let proposal = Proposals::<Test>::get(index).unwrap();
		let reveal_from = SecretBallots::<Test>::get(index).unwrap().reveal_from;
		assert_eq!(proposal.end, reveal_from + REVEAL + CONFIRM);
		// Opening the ballot later does not open this one.
		assert_ok!(StakeholderVoting::set_policy(
			RuntimeOrigin::root(),
			SECRET,
			ScopePolicy::default()
		));
		assert!(Policies::<Test>::get(SECRET) == ScopePolicy::default());
		assert!(SecretBallots::<Test>::contains_key(index));
		for who in [GOV, MARKET] {
			commit(who, index, VoteChoice::Aye);
		}
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		for who in [GOV, MARKET] {
			assert_ok!(reveal(who, index, VoteChoice::Aye));
		}
		assert_eq!(PassingSince::<Test>::get(index), Some(reveal_from));
		run_to(Proposals::<Test>::get(index).unwrap().end);
		assert!(matches!(status(index), ProposalStatus::Approved { .. }));
	});
}

/// Under a confirm period the final tally stands in public for the whole period: no reveal is
/// taken during it, so even a reveal in the reveal phase's last block is confirmed for as long.
#[test]
fn no_reveal_is_taken_during_the_confirm_period() {
	members().build_and_execute(|| {
		let index = confirmed_secret_proposal();
		for who in [GOV, MARKET] {
			commit(who, index, VoteChoice::Aye);
		}
		let reveal_from = SecretBallots::<Test>::get(index).unwrap().reveal_from;
		let end = Proposals::<Test>::get(index).unwrap().end;
		// During the confirm period no reveal is taken.
		run_to(reveal_from + REVEAL);
		assert_noop!(reveal(GOV, index, VoteChoice::Aye), Error::<Test>::NotRevealPhase);
		run_to(end);
		// Nobody revealed in time: nothing passed.
		assert!(!matches!(status(index), ProposalStatus::Approved { .. }));
	});
}

#[test]
fn unrevealed_commitments_are_reaped_with_the_votes() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		let index = propose(GOV, SECRET, None);
		commit(GOV, index, VoteChoice::Aye);
		commit(MARKET, index, VoteChoice::Aye);
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		assert_ok!(reveal(GOV, index, VoteChoice::Aye));
		let end = Proposals::<Test>::get(index).unwrap().end;
		run_to(end + 5);
		assert_ok!(StakeholderVoting::reap_votes(RuntimeOrigin::signed(OUTSIDER), index, 10));
		assert_eq!(last_event(), Event::VotesReaped { index, count: 2, more: false });
		assert_eq!(Commitments::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn a_committer_removed_since_cannot_reveal_and_its_reveal_is_not_free() {
	members().build_and_execute(|| {
		make_secret();
		run_to(2);
		let index = propose(GOV, SECRET, None);
		commit(MARKET, index, VoteChoice::Aye);
		assert_ok!(StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), MARKET, SECRET));
		run_to(SecretBallots::<Test>::get(index).unwrap().reveal_from);
		let call = RuntimeCall::StakeholderVoting(Call::reveal_vote {
			index,
			choice: VoteChoice::Aye,
			salt: salt(MARKET),
		});
		// Free reveals are exactly the ones that succeed: a failing one cannot be repeated free.
		assert!(!call.is_feeless(&RuntimeOrigin::signed(MARKET)));
		assert_noop!(reveal(MARKET, index, VoteChoice::Aye), Error::<Test>::NotMember);
	});
}

/// A reveal late in a long reveal phase weighs the member's stake as of the proposal's
/// submission, however many blocks and stake changes later: the stake history reaches back over
/// the voting period, the reveal phase and the confirm period.
#[test]
fn a_late_reveal_weighs_the_stake_at_submission() {
	let max = <<Test as Config>::MaxVotingPeriod as polkadot_sdk::sp_core::Get<u64>>::get();
	let mut weighted = rule(Weighting::Stake { cap: Perbill::one() });
	weighted.voting_period = 200;
	ExtBuilder::default()
		.with_scope(b"weighted", weighted)
		.with_stakeholder(GOV, Sector::Government, vec![(SECRET, 10)])
		.build_and_execute(|| {
			assert_ok!(StakeholderVoting::set_policy(
				RuntimeOrigin::root(),
				SECRET,
				ScopePolicy { secret_ballot: Some(max), attestation_required: false }
			));
			run_to(2);
			let index = propose(GOV, SECRET, None);
			commit(GOV, index, VoteChoice::Aye);
			run_to(4);
			assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), GOV, SECRET, 20));
			// Long after: past the old horizon (MaxVotingPeriod + spill), still in the reveal.
			let late = 4 + max + 64;
			run_to(late);
			assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), GOV, SECRET, 30));
			assert!(late < Proposals::<Test>::get(index).unwrap().end);
			assert_ok!(reveal(GOV, index, VoteChoice::Aye));
			assert_eq!(Votes::<Test>::get(index, GOV).unwrap().weight, 10);
		});
}
