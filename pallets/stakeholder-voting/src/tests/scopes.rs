use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

#[test]
fn create_scope_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::create_scope(
			RuntimeOrigin::root(),
			bounded(b"data-sharing"),
			rule(Weighting::Quadratic)
		));
		assert_eq!(last_event(), Event::ScopeCreated { scope: 2 });
		let info = Scopes::<Test>::get(2).unwrap();
		assert_eq!(info.name.to_vec(), b"data-sharing".to_vec());
		assert_eq!(info.rule.weighting, Weighting::Quadratic);
		assert_eq!(info.totals, SectorTotals::default());
		assert_eq!(NextScopeId::<Test>::get(), 3);
	});
}

#[test]
fn create_scope_needs_the_scope_origin() {
	ExtBuilder::default().build_and_execute(|| {
		// One byte over `MaxNameLen` decodes, and is refused by name.
		let max = <<Test as Config>::MaxNameLen as polkadot_sdk::sp_core::Get<u32>>::get();
		let long = vec![b'n'; max as usize + 1];
		assert_noop!(
			StakeholderVoting::create_scope(
				RuntimeOrigin::root(),
				long,
				rule(Weighting::Headcount)
			),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			StakeholderVoting::create_scope(
				RuntimeOrigin::signed(GOV),
				bounded(b"x"),
				rule(Weighting::Headcount)
			),
			DispatchError::BadOrigin
		);
		// A local scope's stakeholders cannot create scopes; the chain-wide scope's can.
		assert_noop!(
			StakeholderVoting::create_scope(
				Origin::Stakeholders { scope: LOCAL }.into(),
				bounded(b"x"),
				rule(Weighting::Headcount)
			),
			DispatchError::BadOrigin
		);
		assert_ok!(StakeholderVoting::create_scope(
			Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
			bounded(b"x"),
			rule(Weighting::Headcount)
		));
	});
}

#[test]
fn create_scope_rejects_invalid_rules() {
	ExtBuilder::default().build_and_execute(|| {
		for period in [0, 1, 1_001] {
			let mut r = rule(Weighting::Headcount);
			r.voting_period = period;
			assert_noop!(
				StakeholderVoting::create_scope(RuntimeOrigin::root(), bounded(b"x"), r),
				Error::<Test>::InvalidRule
			);
		}
	});
}

#[test]
fn create_scope_fails_when_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		NextScopeId::<Test>::put(ScopeId::MAX);
		assert_noop!(
			StakeholderVoting::create_scope(
				RuntimeOrigin::root(),
				bounded(b"x"),
				rule(Weighting::Headcount)
			),
			Error::<Test>::TooManyScopes
		);
	});
}

#[test]
fn set_rule_works_and_keeps_submitted_proposals_rules() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(GOV, LOCAL, None);
		let mut new_rule = rule(Weighting::Stake { cap: Perbill::from_percent(40) });
		new_rule.voting_period = 20;
		assert_ok!(StakeholderVoting::set_rule(RuntimeOrigin::root(), LOCAL, new_rule));
		assert_eq!(last_event(), Event::RuleChanged { scope: LOCAL });
		assert_eq!(Scopes::<Test>::get(LOCAL).unwrap().rule, new_rule);
		assert_eq!(Proposals::<Test>::get(index).unwrap().rule, rule(Weighting::Headcount));
	});
}

#[test]
fn set_rule_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::set_rule(RuntimeOrigin::root(), 42, rule(Weighting::Headcount)),
			Error::<Test>::ScopeNotFound
		);
		let mut bad = rule(Weighting::Headcount);
		bad.voting_period = 0;
		assert_noop!(
			StakeholderVoting::set_rule(RuntimeOrigin::root(), LOCAL, bad),
			Error::<Test>::InvalidRule
		);
		assert_noop!(
			StakeholderVoting::set_rule(
				RuntimeOrigin::signed(GOV),
				LOCAL,
				rule(Weighting::Headcount)
			),
			DispatchError::BadOrigin
		);
	});
}

use polkadot_sdk::sp_runtime::Perbill;
