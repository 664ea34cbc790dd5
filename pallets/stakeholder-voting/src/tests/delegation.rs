//! Liquid delegation: per scope, overridable per proposal, weight per person and per sector,
//! one step, bounded.

use super::*;
use polkadot_sdk::frame_support::{assert_noop, dispatch::CheckIfFeeless, traits::Get};
use polkadot_sdk::sp_runtime::Perbill;

/// Delegators 4, 5 (community) and 6 (market) in the local scope, with stakes 40, 50, 60.
fn with_delegators() -> ExtBuilder {
	ExtBuilder::default()
		.with_stakeholder(4, Sector::Community, vec![(LOCAL, 40)])
		.with_stakeholder(5, Sector::Community, vec![(LOCAL, 50)])
		.with_stakeholder(6, Sector::Market, vec![(LOCAL, 60)])
}

/// `who` offers its vote in the local scope to `to`, and `to` accepts.
fn delegate(who: u64, to: u64, expires: Option<u64>) {
	assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(who), LOCAL, to, expires));
	assert_ok!(StakeholderVoting::accept_delegation(RuntimeOrigin::signed(to), LOCAL, who));
}

fn vote_of(index: ProposalIndex, who: u64) -> Option<VoteRecord> {
	Votes::<Test>::get(index, who)
}

#[test]
fn a_delegates_vote_carries_its_delegators_own_weight_in_their_own_sectors() {
	let stake = Weighting::Stake { cap: Perbill::one() };
	with_delegators()
		.with_scope(b"stake-weighted", rule(stake))
		.with_stakeholder(4, Sector::Community, vec![(2, 40)])
		.with_stakeholder(6, Sector::Market, vec![(2, 60)])
		.with_stakeholder(GOV, Sector::Government, vec![(2, 10)])
		.build_and_execute(|| {
			let scope = 2;
			for who in [4, 6] {
				assert_ok!(StakeholderVoting::delegate(
					RuntimeOrigin::signed(who),
					scope,
					GOV,
					None
				));
				assert_eq!(
					last_event(),
					Event::DelegationOffered { who, scope, delegate: GOV, expires: None }
				);
				assert_ok!(StakeholderVoting::accept_delegation(
					RuntimeOrigin::signed(GOV),
					scope,
					who
				));
				assert_eq!(
					last_event(),
					Event::Delegated { who, scope, delegate: GOV, expires: None }
				);
			}
			run_to(2);
			let index = propose(MARKET, LOCAL, None);
			// A delegation counts in its scope only: the local proposal gets GOV's vote alone.
			vote(GOV, index, VoteChoice::Aye);
			assert_eq!(Votes::<Test>::iter_prefix(index).count(), 1);

			let index = propose(4, scope, None);
			vote(GOV, index, VoteChoice::Aye);
			assert_eq!(last_event(), Event::Voted { index, who: GOV, choice: VoteChoice::Aye });
			assert!(events().contains(&Event::DelegatedVotesCast {
				index,
				delegate: GOV,
				count: 2
			}));
			let tally = Proposals::<Test>::get(index).unwrap().tally;
			// Each delegated vote weighs its delegator's stake and stays in its sector: the
			// government delegate moves no weight into the government's majority.
			assert_eq!(tally.of(Sector::Government).ayes, Side { count: 1, weight: 10 });
			assert_eq!(tally.of(Sector::Community).ayes, Side { count: 1, weight: 40 });
			assert_eq!(tally.of(Sector::Market).ayes, Side { count: 1, weight: 60 });
			assert_eq!(
				vote_of(index, 4),
				Some(VoteRecord {
					choice: VoteChoice::Aye,
					sector: Sector::Community,
					weight: 40,
					delegated: true
				})
			);
		});
}

#[test]
fn a_delegators_own_vote_overrides_the_delegation_for_that_proposal_only() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		delegate(5, GOV, None);
		run_to(2);
		let first = propose(MARKET, LOCAL, None);
		let second = propose(MARKET, LOCAL, None);
		vote(GOV, first, VoteChoice::Aye);
		vote(GOV, second, VoteChoice::Aye);
		// 4 disagrees on the first proposal: its own vote replaces the delegated one there,
		// and its first vote of its own is still free.
		assert!(RuntimeCall::StakeholderVoting(Call::vote {
			index: first,
			choice: VoteChoice::Nay
		})
		.is_feeless(&RuntimeOrigin::signed(4)));
		vote(4, first, VoteChoice::Nay);
		assert_eq!(
			vote_of(first, 4).map(|v| (v.choice, v.delegated)),
			Some((VoteChoice::Nay, false))
		);
		// The delegate changes its mind: the override holds, the other delegated vote follows.
		vote(GOV, first, VoteChoice::Abstain);
		assert_eq!(vote_of(first, 4).map(|v| v.choice), Some(VoteChoice::Nay));
		assert_eq!(
			vote_of(first, 5).map(|v| (v.choice, v.delegated)),
			Some((VoteChoice::Abstain, true))
		);
		let community = *Proposals::<Test>::get(first).unwrap().tally.of(Sector::Community);
		assert_eq!(
			(community.nays.count, community.abstentions.count, community.ayes.count),
			(1, 1, 0)
		);
		// The delegation itself stands: on the second proposal 4 still votes through GOV.
		assert_eq!(
			vote_of(second, 4).map(|v| (v.choice, v.delegated)),
			Some((VoteChoice::Aye, true))
		);
		vote(GOV, second, VoteChoice::Nay);
		assert_eq!(vote_of(second, 4).map(|v| v.choice), Some(VoteChoice::Nay));
	});
}

#[test]
fn delegation_counts_only_for_the_electorate_and_until_it_expires() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, Some(5));
		run_to(2);
		// 7 joins after the submission: delegating does not put it in the electorate.
		let index = propose(MARKET, LOCAL, None);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 7, Sector::Community, LOCAL, 1));
		delegate(7, GOV, None);
		run_to(5);
		// 4's delegation expired at block 5.
		vote(GOV, index, VoteChoice::Aye);
		assert_eq!(vote_of(index, 4), None);
		assert_eq!(vote_of(index, 7), None);
		assert_eq!(Votes::<Test>::iter_prefix(index).count(), 1);
	});
}

#[test]
fn undelegating_stops_future_delegated_votes_and_keeps_cast_ones_until_overridden() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		run_to(2);
		let index = propose(MARKET, LOCAL, None);
		vote(GOV, index, VoteChoice::Aye);
		assert_ok!(StakeholderVoting::undelegate(RuntimeOrigin::signed(4), LOCAL));
		assert_eq!(last_event(), Event::Undelegated { who: 4, scope: LOCAL });
		assert!(Delegators::<Test>::get(GOV, LOCAL).is_empty());
		// The vote already cast stays; the delegate's change no longer reaches it.
		vote(GOV, index, VoteChoice::Nay);
		assert_eq!(vote_of(index, 4).map(|v| v.choice), Some(VoteChoice::Aye));
		vote(4, index, VoteChoice::Abstain);
		assert_eq!(
			vote_of(index, 4).map(|v| (v.choice, v.delegated)),
			Some((VoteChoice::Abstain, false))
		);
	});
}

#[test]
fn redelegating_moves_the_delegator_to_the_new_delegate() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		delegate(4, MARKET, None);
		assert!(Delegators::<Test>::get(GOV, LOCAL).is_empty());
		assert_eq!(Delegators::<Test>::get(MARKET, LOCAL).to_vec(), vec![4]);
		run_to(2);
		let index = propose(COMMUNITY, LOCAL, None);
		vote(GOV, index, VoteChoice::Aye);
		vote(MARKET, index, VoteChoice::Nay);
		assert_eq!(vote_of(index, 4).map(|v| v.choice), Some(VoteChoice::Nay));
	});
}

#[test]
fn leaving_the_scope_ends_delegations_both_ways() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		delegate(5, GOV, None);
		delegate(6, MARKET, None);
		// The delegate leaves: every delegation to it ends.
		assert_ok!(StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), GOV, LOCAL));
		assert!(!Delegators::<Test>::contains_key(GOV, LOCAL));
		assert!(!Delegations::<Test>::contains_key(4, LOCAL));
		assert!(!Delegations::<Test>::contains_key(5, LOCAL));
		assert!(events().contains(&Event::Undelegated { who: 5, scope: LOCAL }));
		// A delegator removed altogether: its delegation ends.
		assert_ok!(StakeholderVoting::remove(RuntimeOrigin::root(), 6));
		assert!(!Delegations::<Test>::contains_key(6, LOCAL));
		assert!(!Delegators::<Test>::contains_key(MARKET, LOCAL));
	});
}

#[test]
fn delegation_errors_change_nothing() {
	with_delegators().build_and_execute(|| {
		let d = |who, to| StakeholderVoting::delegate(RuntimeOrigin::signed(who), LOCAL, to, None);
		let accept =
			|to, who| StakeholderVoting::accept_delegation(RuntimeOrigin::signed(to), LOCAL, who);
		assert_noop!(d(4, 4), Error::<Test>::CannotDelegateToSelf);
		assert_noop!(d(OUTSIDER, GOV), Error::<Test>::StakeholderNotFound);
		assert_noop!(d(4, OUTSIDER), Error::<Test>::StakeholderNotFound);
		// 4 is no member of the chain-wide scope.
		assert_noop!(
			StakeholderVoting::delegate(RuntimeOrigin::signed(4), CHAIN_WIDE_SCOPE, GOV, None),
			Error::<Test>::NotMember
		);
		assert_noop!(
			StakeholderVoting::delegate(RuntimeOrigin::signed(4), LOCAL, GOV, Some(1)),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			StakeholderVoting::undelegate(RuntimeOrigin::signed(4), LOCAL),
			Error::<Test>::DelegationNotFound
		);
		// One step only, either way round.
		assert_ok!(d(4, GOV));
		assert_ok!(accept(GOV, 4));
		assert_noop!(d(5, 4), Error::<Test>::DelegationChain);
		assert_noop!(d(GOV, MARKET), Error::<Test>::DelegationChain);
		// At most MaxDelegators per delegate and scope: counted when accepted.
		for who in [5, 6] {
			assert_ok!(d(who, GOV));
			assert_ok!(accept(GOV, who));
		}
		assert_eq!(Delegators::<Test>::get(GOV, LOCAL).len() as u32, MAX_DELEGATORS);
		assert_ok!(d(COMMUNITY, GOV));
		assert_noop!(accept(GOV, COMMUNITY), Error::<Test>::TooManyDelegators);
		// Only the delegate an offer names accepts it, and only an offer that exists.
		assert_noop!(accept(MARKET, COMMUNITY), Error::<Test>::DelegationNotFound);
		assert_noop!(accept(GOV, MARKET), Error::<Test>::DelegationNotFound);
		assert_noop!(
			StakeholderVoting::reject_delegation(RuntimeOrigin::signed(MARKET), LOCAL, 4),
			Error::<Test>::DelegationNotFound
		);
		assert_noop!(
			StakeholderVoting::delegate(RuntimeOrigin::none(), LOCAL, GOV, None),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn secret_ballots_are_never_delegated() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		assert_ok!(StakeholderVoting::set_policy(
			RuntimeOrigin::root(),
			LOCAL,
			ScopePolicy { secret_ballot: Some(3), attestation_required: false }
		));
		run_to(2);
		let index = propose(MARKET, LOCAL, None);
		assert_noop!(
			StakeholderVoting::vote(RuntimeOrigin::signed(GOV), index, VoteChoice::Aye),
			Error::<Test>::SecretBallot
		);
		assert_eq!(Votes::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn a_vote_with_the_most_delegators_is_weighed_for_them_and_refunded_for_fewer() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		run_to(2);
		let index = propose(MARKET, LOCAL, None);
		let call = RuntimeCall::StakeholderVoting(Call::vote { index, choice: VoteChoice::Aye });
		use polkadot_sdk::frame_support::dispatch::GetDispatchInfo;
		let declared = call.get_dispatch_info().call_weight;
		let max = <() as crate::WeightInfo>::vote(<Test as Config>::MaxDelegators::get());
		assert!(declared.all_gte(max));
		let post =
			StakeholderVoting::vote(RuntimeOrigin::signed(GOV), index, VoteChoice::Aye).unwrap();
		assert!(post.actual_weight.unwrap().all_lt(declared));
	});
}

/// Becoming someone's delegate needs their consent: an offer counts for nothing until accepted,
/// and no number of offers fills a member's delegator slots or blocks its own delegation.
#[test]
fn nobody_becomes_a_delegate_without_accepting() {
	with_delegators().build_and_execute(|| {
		// 4, 5 and 6 all offer their votes to GOV; GOV has accepted none of them.
		for who in [4, 5, 6] {
			assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(who), LOCAL, GOV, None));
			assert_eq!(
				last_event(),
				Event::DelegationOffered { who, scope: LOCAL, delegate: GOV, expires: None }
			);
		}
		assert!(!Delegators::<Test>::contains_key(GOV, LOCAL));
		assert!(!Delegations::<Test>::contains_key(4, LOCAL));
		// GOV's own delegation is not blocked by offers made to it.
		assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(GOV), LOCAL, MARKET, None));
		assert_ok!(StakeholderVoting::accept_delegation(RuntimeOrigin::signed(MARKET), LOCAL, GOV));
		assert_eq!(Delegations::<Test>::get(GOV, LOCAL).map(|d| d.delegate), Some(MARKET));
		// An offer to a member who now delegates cannot be accepted: one step only.
		assert_noop!(
			StakeholderVoting::accept_delegation(RuntimeOrigin::signed(GOV), LOCAL, 4),
			Error::<Test>::DelegationChain
		);
		// A vote by GOV carries nobody else's.
		run_to(2);
		let index = propose(MARKET, LOCAL, None);
		vote(GOV, index, VoteChoice::Aye);
		assert_eq!(vote_of(index, 4), None);
		// The delegate refuses an offer; the delegator withdraws another.
		assert_ok!(StakeholderVoting::reject_delegation(RuntimeOrigin::signed(GOV), LOCAL, 4));
		assert_eq!(
			last_event(),
			Event::DelegationOfferEnded { who: 4, scope: LOCAL, delegate: GOV }
		);
		assert!(!DelegationOffers::<Test>::contains_key(4, LOCAL));
		assert_ok!(StakeholderVoting::undelegate(RuntimeOrigin::signed(5), LOCAL));
		assert_eq!(
			last_event(),
			Event::DelegationOfferEnded { who: 5, scope: LOCAL, delegate: GOV }
		);
		assert!(!DelegationOffers::<Test>::contains_key(5, LOCAL));
		assert!(DelegationOffers::<Test>::contains_key(6, LOCAL));
	});
}

/// A delegate may end an accepted delegation to it.
#[test]
fn a_delegate_may_end_a_delegation_it_accepted() {
	with_delegators().build_and_execute(|| {
		delegate(4, GOV, None);
		assert_eq!(Delegators::<Test>::get(GOV, LOCAL).to_vec(), vec![4]);
		assert_ok!(StakeholderVoting::reject_delegation(RuntimeOrigin::signed(GOV), LOCAL, 4));
		assert_eq!(last_event(), Event::Undelegated { who: 4, scope: LOCAL });
		assert!(!Delegations::<Test>::contains_key(4, LOCAL));
		assert!(!Delegators::<Test>::contains_key(GOV, LOCAL));
	});
}

fn delegation_held(who: u64) -> u64 {
	held(HoldReason::DelegationDeposit, who)
}

#[test]
fn offers_and_delegations_hold_a_deposit_while_they_exist() {
	with_delegators().build_and_execute(|| {
		// An offer holds one deposit; a second offer replacing it does not hold another.
		assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(4), LOCAL, GOV, None));
		assert_eq!(delegation_held(4), DELEGATION_DEPOSIT);
		assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(4), LOCAL, MARKET, None));
		assert_eq!(delegation_held(4), DELEGATION_DEPOSIT);
		// Accepted, the offer's deposit becomes the delegation's; the delegate pays nothing.
		assert_ok!(StakeholderVoting::accept_delegation(RuntimeOrigin::signed(MARKET), LOCAL, 4));
		assert_eq!((delegation_held(4), delegation_held(MARKET)), (DELEGATION_DEPOSIT, 0));
		// An offer beside the delegation holds a second deposit, given back once accepted.
		assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(4), LOCAL, GOV, None));
		assert_eq!(delegation_held(4), 2 * DELEGATION_DEPOSIT);
		assert_ok!(StakeholderVoting::accept_delegation(RuntimeOrigin::signed(GOV), LOCAL, 4));
		assert_eq!(delegation_held(4), DELEGATION_DEPOSIT);
		// Ended by the delegator, the delegate, a refusal or the scope: the deposit comes back.
		assert_ok!(StakeholderVoting::undelegate(RuntimeOrigin::signed(4), LOCAL));
		assert_eq!(delegation_held(4), 0);
		assert_ok!(StakeholderVoting::delegate(RuntimeOrigin::signed(5), LOCAL, GOV, None));
		assert_ok!(StakeholderVoting::reject_delegation(RuntimeOrigin::signed(GOV), LOCAL, 5));
		assert_eq!(delegation_held(5), 0);
		delegate(5, GOV, None);
		delegate(6, GOV, None);
		assert_ok!(StakeholderVoting::reject_delegation(RuntimeOrigin::signed(GOV), LOCAL, 5));
		assert_eq!(delegation_held(5), 0);
		assert_ok!(StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), GOV, LOCAL));
		assert_eq!(delegation_held(6), 0);
	});
}

#[test]
fn no_offer_without_its_deposit() {
	with_delegators().build_and_execute(|| {
		use polkadot_sdk::frame_support::traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
		};
		let spendable =
			Balances::reducible_balance(&4, Preservation::Expendable, Fortitude::Polite);
		assert_ok!(Balances::transfer(&4, &20, spendable, Preservation::Expendable));
		assert_noop!(
			StakeholderVoting::delegate(RuntimeOrigin::signed(4), LOCAL, GOV, None),
			polkadot_sdk::sp_runtime::TokenError::FundsUnavailable
		);
	});
}
