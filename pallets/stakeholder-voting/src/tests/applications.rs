use super::*;
use polkadot_sdk::{
	frame_support::{assert_noop, traits::fungible::Inspect},
	sp_runtime::{DispatchError, TokenError},
};

#[test]
fn apply_holds_a_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Community, LOCAL, 4));
		assert_eq!(last_event(), Event::Applied { who: 5, scope: LOCAL });
		assert_eq!(
			Applications::<Test>::get(5).unwrap(),
			Application {
				sector: Sector::Community,
				scope: LOCAL,
				stake: 4,
				deposit: APPLICATION_DEPOSIT
			}
		);
		assert_eq!(held(HoldReason::ApplicationDeposit, 5), APPLICATION_DEPOSIT);
	});
}

#[test]
fn apply_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Community, 42, 4),
			Error::<Test>::ScopeNotFound
		);
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::signed(GOV), Sector::Government, LOCAL, 4),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(StakeholderVoting::create_scope(
			RuntimeOrigin::root(),
			bounded(b"a"),
			rule(Weighting::Headcount)
		));
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::signed(GOV), Sector::Market, 2, 4),
			Error::<Test>::SectorMismatch
		);
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Community, LOCAL, 4));
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Community, LOCAL, 4),
			Error::<Test>::ApplicationAlreadyExists
		);
		// Account 21 has no funds for the deposit.
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::signed(21), Sector::Community, LOCAL, 4),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			StakeholderVoting::apply(RuntimeOrigin::none(), Sector::Community, LOCAL, 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn approve_application_admits_with_the_decided_stake() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::apply(
			RuntimeOrigin::signed(5),
			Sector::Community,
			LOCAL,
			400
		));
		// The scope itself decides, and may set another stake than claimed.
		assert_ok!(StakeholderVoting::approve_application(
			Origin::Stakeholders { scope: LOCAL }.into(),
			5,
			40
		));
		assert_eq!(
			last_event(),
			Event::Admitted { who: 5, sector: Sector::Community, scope: LOCAL, stake: 40 }
		);
		assert!(Applications::<Test>::get(5).is_none());
		assert_eq!(held(HoldReason::ApplicationDeposit, 5), 0);
		assert_eq!(Balances::balance(&5), ENDOWMENT);
		assert_eq!(Stakeholders::<Test>::get(5).unwrap().membership(LOCAL).unwrap().stake, 40);
	});
}

#[test]
fn reject_application_releases_or_slashes() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Community, LOCAL, 4));
		assert_ok!(StakeholderVoting::reject_application(RuntimeOrigin::root(), 5, false));
		assert_eq!(last_event(), Event::ApplicationRejected { who: 5, slashed: false });
		assert_eq!(Balances::balance(&5), ENDOWMENT);
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(6), Sector::Community, LOCAL, 4));
		assert_ok!(StakeholderVoting::reject_application(RuntimeOrigin::root(), 6, true));
		assert_eq!(last_event(), Event::ApplicationRejected { who: 6, slashed: true });
		assert_eq!(Balances::total_balance(&6), ENDOWMENT - APPLICATION_DEPOSIT);
		assert!(Stakeholders::<Test>::get(6).is_none());
	});
}

#[test]
fn withdraw_application_releases() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Market, LOCAL, 4));
		assert_ok!(StakeholderVoting::withdraw_application(RuntimeOrigin::signed(5)));
		assert_eq!(last_event(), Event::ApplicationWithdrawn { who: 5 });
		assert_eq!(held(HoldReason::ApplicationDeposit, 5), 0);
		assert!(Applications::<Test>::get(5).is_none());
	});
}

#[test]
fn application_decisions_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::approve_application(RuntimeOrigin::root(), 5, 1),
			Error::<Test>::ApplicationNotFound
		);
		assert_noop!(
			StakeholderVoting::reject_application(RuntimeOrigin::root(), 5, false),
			Error::<Test>::ApplicationNotFound
		);
		assert_noop!(
			StakeholderVoting::withdraw_application(RuntimeOrigin::signed(5)),
			Error::<Test>::ApplicationNotFound
		);
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Market, LOCAL, 4));
		// Another scope's stakeholders cannot decide it.
		assert_ok!(StakeholderVoting::create_scope(
			RuntimeOrigin::root(),
			bounded(b"a"),
			rule(Weighting::Headcount)
		));
		assert_noop!(
			StakeholderVoting::approve_application(Origin::Stakeholders { scope: 2 }.into(), 5, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::reject_application(RuntimeOrigin::signed(5), 5, false),
			DispatchError::BadOrigin
		);
	});
}
