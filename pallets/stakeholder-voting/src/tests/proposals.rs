use super::*;
use polkadot_sdk::{
	frame_support::assert_noop,
	frame_system,
	sp_runtime::{DispatchError, TokenError},
};

fn remark(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![0u8; len] })
}

#[test]
fn propose_works_and_fixes_the_electorate() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, Some(remark(8)));
		assert_eq!(index, 0);
		assert_eq!(
			last_event(),
			Event::Proposed { index, scope: LOCAL, proposer: GOV, end: 1 + PERIOD }
		);
		let p = Proposals::<Test>::get(index).unwrap();
		assert_eq!(p.scope, LOCAL);
		assert_eq!(p.proposer, GOV);
		assert_eq!(p.title.to_vec(), b"a proposal".to_vec());
		assert_eq!(p.submitted, 1);
		assert_eq!(p.end, 1 + PERIOD);
		assert_eq!(p.status, ProposalStatus::Ongoing);
		assert_eq!(p.electorate, Scopes::<Test>::get(LOCAL).unwrap().totals);
		assert!(p.has_call);
		// Kept apart from the proposal, which votes rewrite.
		assert_eq!(
			ProposalCalls::<Test>::get(0).unwrap().to_vec(),
			codec::Encode::encode(&remark(8))
		);
		assert_eq!(held(HoldReason::ProposalDeposit, GOV), PROPOSAL_DEPOSIT);
		assert_eq!(ProposalsEndingAt::<Test>::get(1 + PERIOD).to_vec(), vec![index]);
		assert_eq!(CloseCursor::<Test>::get(), Some(1 + PERIOD));
		assert_eq!(StakeholderVoting::proposals_of(&GOV, None, 10), vec![index]);
		// Later admissions change the scope's totals, not the proposal's electorate.
		assert_ok!(StakeholderVoting::admit(
			RuntimeOrigin::root(),
			5,
			Sector::Market,
			LOCAL,
			1_000
		));
		assert_eq!(Proposals::<Test>::get(index).unwrap().electorate.members(), 3);
		assert_eq!(Scopes::<Test>::get(LOCAL).unwrap().totals.members(), 4);
	});
}

#[test]
fn propose_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let title = || bounded(b"t");
		let h = H256::zero();
		// One byte over `MaxTitleLen` decodes, and is refused by name.
		let max = <<Test as Config>::MaxTitleLen as polkadot_sdk::sp_core::Get<u32>>::get();
		let long = vec![b't'; max as usize + 1];
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(GOV), LOCAL, long, h, None),
			Error::<Test>::TitleTooLong
		);
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(GOV), 42, title(), h, None),
			Error::<Test>::ScopeNotFound
		);
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(OUTSIDER), LOCAL, title(), h, None),
			Error::<Test>::StakeholderNotFound
		);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 5, Sector::Market, LOCAL, 1));
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(5),
				CHAIN_WIDE_SCOPE,
				title(),
				h,
				None
			),
			Error::<Test>::NotMember
		);
		assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), 5));
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(5), LOCAL, title(), h, None),
			Error::<Test>::Suspended
		);
		// MaxCallLen is 256 bytes.
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(GOV),
				LOCAL,
				title(),
				h,
				Some(Box::new(remark(300)))
			),
			Error::<Test>::CallTooLong
		);
		let heavy = RuntimeCall::System(frame_system::Call::set_code { code: vec![] });
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(GOV),
				LOCAL,
				title(),
				h,
				Some(Box::new(heavy))
			),
			Error::<Test>::CallTooHeavy
		);
		// Account 21 is a stakeholder with no funds for the deposit.
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 21, Sector::Market, LOCAL, 1));
		run_to(2);
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(21), LOCAL, title(), h, None),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::none(), LOCAL, title(), h, None),
			DispatchError::BadOrigin
		);
		ProposalCount::<Test>::put(ProposalIndex::MAX);
		assert_noop!(
			StakeholderVoting::propose(RuntimeOrigin::signed(GOV), LOCAL, title(), h, None),
			Error::<Test>::TooManyProposals
		);
	});
}

#[test]
fn a_full_close_queue_moves_the_end_to_the_next_block_with_room() {
	ExtBuilder::default().build_and_execute(|| {
		// MaxProposalsEndingPerBlock is 3.
		for _ in 0..3 {
			propose(GOV, LOCAL, None);
		}
		let index = propose(MARKET, LOCAL, None);
		assert_eq!(Proposals::<Test>::get(index).unwrap().end, 2 + PERIOD);
		assert_eq!(ProposalsEndingAt::<Test>::get(2 + PERIOD).to_vec(), vec![index]);
	});
}

#[test]
fn withdraw_before_any_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		assert_ok!(StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), index));
		assert_eq!(last_event(), Event::Withdrawn { index });
		assert_eq!(status(index), ProposalStatus::Withdrawn { at: 1 });
		assert_eq!(held(HoldReason::ProposalDeposit, GOV), 0);
		assert!(ProposalsEndingAt::<Test>::get(1 + PERIOD).is_empty());
	});
}

#[test]
fn withdraw_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), 0),
			Error::<Test>::ProposalNotFound
		);
		let index = propose(GOV, LOCAL, None);
		assert_noop!(
			StakeholderVoting::withdraw(RuntimeOrigin::signed(MARKET), index),
			Error::<Test>::NotProposer
		);
		vote(MARKET, index, VoteChoice::Nay);
		assert_noop!(
			StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), index),
			Error::<Test>::HasVotes
		);
		run_to(1 + PERIOD);
		assert_noop!(
			StakeholderVoting::withdraw(RuntimeOrigin::signed(GOV), index),
			Error::<Test>::NotOngoing
		);
	});
}

#[test]
fn cancel_slashes_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		use polkadot_sdk::frame_support::traits::fungible::Inspect;
		let index = propose(GOV, LOCAL, None);
		vote(MARKET, index, VoteChoice::Aye);
		assert_ok!(StakeholderVoting::cancel(RuntimeOrigin::root(), index));
		assert_eq!(last_event(), Event::Cancelled { index });
		assert_eq!(status(index), ProposalStatus::Cancelled { at: 1 });
		assert_eq!(Balances::total_balance(&GOV), ENDOWMENT - PROPOSAL_DEPOSIT);
		assert!(ProposalsEndingAt::<Test>::get(1 + PERIOD).is_empty());
		assert_noop!(
			StakeholderVoting::cancel(RuntimeOrigin::root(), index),
			Error::<Test>::NotCancellable
		);
		assert_noop!(
			StakeholderVoting::cancel(RuntimeOrigin::root(), 99),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			StakeholderVoting::cancel(RuntimeOrigin::signed(GOV), index),
			DispatchError::BadOrigin
		);
	});
}
