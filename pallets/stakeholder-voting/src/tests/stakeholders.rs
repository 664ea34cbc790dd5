use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn totals(scope: ScopeId) -> SectorTotals {
	Scopes::<Test>::get(scope).unwrap().totals
}

#[test]
fn genesis_totals_match_stakeholders() {
	ExtBuilder::default().build_and_execute(|| {
		let t = totals(CHAIN_WIDE_SCOPE);
		assert_eq!(t.government, Count { members: 1, stake: 100 });
		assert_eq!(t.market, Count { members: 1, stake: 200 });
		assert_eq!(t.community, Count { members: 1, stake: 300 });
		assert_eq!(t.members(), 3);
		assert_eq!(t.stake(), 600);
	});
}

#[test]
fn admit_new_and_existing_stakeholders() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(3);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 5, Sector::Community, LOCAL, 7));
		assert_eq!(
			last_event(),
			Event::Admitted { who: 5, sector: Sector::Community, scope: LOCAL, stake: 7 }
		);
		let info = Stakeholders::<Test>::get(5).unwrap();
		assert_eq!(info.sector, Sector::Community);
		assert_eq!(info.status, StakeholderStatus::Active);
		assert_eq!(
			info.memberships.to_vec(),
			vec![Membership { scope: LOCAL, stake: 7, since: 3 }]
		);
		assert_eq!(totals(LOCAL).community, Count { members: 2, stake: 37 });
		// An existing stakeholder joins another scope in its own sector.
		assert_ok!(StakeholderVoting::admit(
			RuntimeOrigin::root(),
			5,
			Sector::Community,
			CHAIN_WIDE_SCOPE,
			1
		));
		assert_eq!(Stakeholders::<Test>::get(5).unwrap().memberships.len(), 2);
		assert_eq!(totals(CHAIN_WIDE_SCOPE).community, Count { members: 2, stake: 301 });
	});
}

#[test]
fn no_scope_vote_enrols_anyone_without_their_consent() {
	ExtBuilder::default().build_and_execute(|| {
		// A scope's own vote cannot admit an outsider who never applied…
		assert_noop!(
			StakeholderVoting::admit(
				Origin::Stakeholders { scope: LOCAL }.into(),
				5,
				Sector::Market,
				LOCAL,
				1
			),
			DispatchError::BadOrigin
		);
		assert!(Stakeholders::<Test>::get(5).is_none());
		// …it admits those who applied, by approving their application.
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Market, LOCAL, 1));
		assert_ok!(StakeholderVoting::approve_application(
			Origin::Stakeholders { scope: LOCAL }.into(),
			5,
			1
		));
		assert_eq!(
			last_event(),
			Event::Admitted { who: 5, sector: Sector::Market, scope: LOCAL, stake: 1 }
		);
		// Only the chain-wide scope (a root-level decision in Polity) admits without one.
		assert_ok!(StakeholderVoting::admit(
			Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
			6,
			Sector::Market,
			LOCAL,
			1
		));
	});
}

#[test]
fn any_member_may_leave_a_scope() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(5), Sector::Market, LOCAL, 4));
		assert_ok!(StakeholderVoting::approve_application(RuntimeOrigin::root(), 5, 4));
		let before = totals(LOCAL).market;
		assert_ok!(StakeholderVoting::leave(RuntimeOrigin::signed(5), LOCAL));
		assert_eq!(last_event(), Event::LeftScope { who: 5, scope: LOCAL });
		assert!(Stakeholders::<Test>::get(5).is_none());
		assert_eq!(totals(LOCAL).market.members, before.members - 1);
		assert_eq!(totals(LOCAL).market.stake, before.stake - 4);
		assert_noop!(
			StakeholderVoting::leave(RuntimeOrigin::signed(5), LOCAL),
			Error::<Test>::StakeholderNotFound
		);
		// A member of several scopes leaves one and stays in the others, the chain-wide one too.
		assert_ok!(StakeholderVoting::leave(RuntimeOrigin::signed(GOV), CHAIN_WIDE_SCOPE));
		assert!(Stakeholders::<Test>::get(GOV).unwrap().membership(LOCAL).is_some());
		assert!(Stakeholders::<Test>::get(GOV).unwrap().membership(CHAIN_WIDE_SCOPE).is_none());
		assert_noop!(
			StakeholderVoting::leave(RuntimeOrigin::signed(GOV), CHAIN_WIDE_SCOPE),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn admit_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::signed(GOV), 5, Sector::Market, LOCAL, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), 5, Sector::Market, 42, 1),
			Error::<Test>::ScopeNotFound
		);
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), GOV, Sector::Government, LOCAL, 1),
			Error::<Test>::AlreadyMember
		);
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), GOV, Sector::Market, 2, 1),
			Error::<Test>::ScopeNotFound
		);
		assert_ok!(StakeholderVoting::create_scope(
			RuntimeOrigin::root(),
			bounded(b"a"),
			rule(Weighting::Headcount)
		));
		assert_ok!(StakeholderVoting::create_scope(
			RuntimeOrigin::root(),
			bounded(b"b"),
			rule(Weighting::Headcount)
		));
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), GOV, Sector::Market, 2, 1),
			Error::<Test>::SectorMismatch
		);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), GOV, Sector::Government, 2, 1));
		// MaxScopesPerStakeholder is 3 in the mock.
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), GOV, Sector::Government, 3, 1),
			Error::<Test>::TooManyMemberships
		);
	});
}

#[test]
fn set_stake_updates_totals() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), MARKET, LOCAL, 50));
		assert_eq!(last_event(), Event::StakeChanged { who: MARKET, scope: LOCAL, stake: 50 });
		assert_eq!(totals(LOCAL).market, Count { members: 1, stake: 50 });
		assert_eq!(Stakeholders::<Test>::get(MARKET).unwrap().membership(LOCAL).unwrap().stake, 50);
	});
}

#[test]
fn set_stake_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::set_stake(RuntimeOrigin::root(), OUTSIDER, LOCAL, 1),
			Error::<Test>::StakeholderNotFound
		);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 5, Sector::Market, LOCAL, 1));
		assert_noop!(
			StakeholderVoting::set_stake(RuntimeOrigin::root(), 5, CHAIN_WIDE_SCOPE, 1),
			Error::<Test>::NotMember
		);
		assert_noop!(
			StakeholderVoting::set_stake(RuntimeOrigin::signed(5), 5, LOCAL, 100),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_from_scope_works_and_drops_empty_stakeholders() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), GOV, LOCAL));
		assert_eq!(last_event(), Event::LeftScope { who: GOV, scope: LOCAL });
		assert_eq!(totals(LOCAL).government, Count::default());
		assert!(Stakeholders::<Test>::get(GOV).unwrap().membership(LOCAL).is_none());
		assert_ok!(StakeholderVoting::remove_from_scope(
			RuntimeOrigin::root(),
			GOV,
			CHAIN_WIDE_SCOPE
		));
		assert!(Stakeholders::<Test>::get(GOV).is_none());
		assert_noop!(
			StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), GOV, LOCAL),
			Error::<Test>::StakeholderNotFound
		);
		assert_ok!(StakeholderVoting::admit(RuntimeOrigin::root(), 5, Sector::Market, LOCAL, 1));
		assert_noop!(
			StakeholderVoting::remove_from_scope(RuntimeOrigin::root(), 5, CHAIN_WIDE_SCOPE),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn suspend_and_resume_move_totals() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), MARKET));
		assert_eq!(last_event(), Event::Suspended { who: MARKET });
		assert_eq!(Stakeholders::<Test>::get(MARKET).unwrap().status, StakeholderStatus::Suspended);
		assert_eq!(totals(LOCAL).market, Count::default());
		assert_eq!(totals(CHAIN_WIDE_SCOPE).market, Count::default());
		// Stake changes and removals while suspended leave totals alone.
		assert_ok!(StakeholderVoting::set_stake(RuntimeOrigin::root(), MARKET, LOCAL, 99));
		assert_eq!(totals(LOCAL).market, Count::default());
		assert_noop!(
			StakeholderVoting::suspend(RuntimeOrigin::root(), MARKET),
			Error::<Test>::Suspended
		);
		assert_ok!(StakeholderVoting::resume(RuntimeOrigin::root(), MARKET));
		assert_eq!(last_event(), Event::Resumed { who: MARKET });
		assert_eq!(totals(LOCAL).market, Count { members: 1, stake: 99 });
		assert_eq!(totals(CHAIN_WIDE_SCOPE).market, Count { members: 1, stake: 200 });
	});
}

#[test]
fn suspend_resume_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			StakeholderVoting::resume(RuntimeOrigin::root(), GOV),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			StakeholderVoting::suspend(RuntimeOrigin::root(), OUTSIDER),
			Error::<Test>::StakeholderNotFound
		);
		assert_noop!(
			StakeholderVoting::resume(RuntimeOrigin::root(), OUTSIDER),
			Error::<Test>::StakeholderNotFound
		);
		// Only the chain-wide scope (or root) suspends.
		assert_noop!(
			StakeholderVoting::suspend(Origin::Stakeholders { scope: LOCAL }.into(), GOV),
			DispatchError::BadOrigin
		);
		assert_ok!(StakeholderVoting::suspend(
			Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
			GOV
		));
	});
}

#[test]
fn remove_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(StakeholderVoting::remove(RuntimeOrigin::root(), COMMUNITY));
		assert_eq!(last_event(), Event::Removed { who: COMMUNITY });
		assert!(Stakeholders::<Test>::get(COMMUNITY).is_none());
		assert_eq!(totals(LOCAL).community, Count::default());
		assert_eq!(totals(CHAIN_WIDE_SCOPE).community, Count::default());
		assert_noop!(
			StakeholderVoting::remove(RuntimeOrigin::root(), COMMUNITY),
			Error::<Test>::StakeholderNotFound
		);
		// A suspended stakeholder is already out of the totals.
		assert_ok!(StakeholderVoting::suspend(RuntimeOrigin::root(), GOV));
		assert_ok!(StakeholderVoting::remove(RuntimeOrigin::root(), GOV));
		assert_eq!(totals(LOCAL).government, Count::default());
		assert_noop!(
			StakeholderVoting::remove(RuntimeOrigin::signed(MARKET), MARKET),
			DispatchError::BadOrigin
		);
	});
}
