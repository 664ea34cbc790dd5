//! Verified stakeholders: registrars, attestations, admission by attestation, one account per
//! person, and members protected from their own scope's majority.

use super::*;
use polkadot_sdk::sp_runtime::DispatchResult;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

const REGISTRAR: u64 = 11;
const PERSON: u64 = 12;
const EXPIRES: u64 = 50;

fn person(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn setup(required: bool) {
	assert_ok!(StakeholderVoting::add_registrar(RuntimeOrigin::root(), LOCAL, REGISTRAR));
	assert_eq!(last_event(), Event::RegistrarAdded { scope: LOCAL, registrar: REGISTRAR });
	if required {
		assert_ok!(StakeholderVoting::set_policy(
			RuntimeOrigin::root(),
			LOCAL,
			ScopePolicy { secret_ballot: None, attestation_required: true }
		));
	}
}

fn attest(who: u64, p: H256, sector: Sector, stake: Stake) -> DispatchResult {
	StakeholderVoting::attest(
		RuntimeOrigin::signed(REGISTRAR),
		LOCAL,
		who,
		p,
		sector,
		stake,
		H256::repeat_byte(0xee),
		EXPIRES,
	)
}

#[test]
fn an_attested_person_joins_with_the_attested_sector_and_stake() {
	ExtBuilder::default().build_and_execute(|| {
		setup(true);
		assert_ok!(attest(PERSON, person(1), Sector::Community, 25));
		assert_eq!(
			last_event(),
			Event::Attested { scope: LOCAL, who: PERSON, registrar: REGISTRAR, expires: EXPIRES }
		);
		assert_ok!(StakeholderVoting::join(RuntimeOrigin::signed(PERSON), LOCAL));
		assert_eq!(
			last_event(),
			Event::Admitted { who: PERSON, sector: Sector::Community, scope: LOCAL, stake: 25 }
		);
		assert_eq!(StakeholderVoting::stakeholder(&PERSON).unwrap().memberships[0].stake, 25);
		assert_eq!(Scopes::<Test>::get(LOCAL).unwrap().totals.of(Sector::Community).members, 2);
		// One person, one membership per scope.
		assert_noop!(
			StakeholderVoting::join(RuntimeOrigin::signed(PERSON), LOCAL),
			Error::<Test>::AlreadyMember
		);
		assert_noop!(
			attest(13, person(1), Sector::Community, 25),
			Error::<Test>::PersonAlreadyAttested
		);
	});
}

#[test]
fn a_scope_that_requires_attestations_admits_no_one_without_one() {
	ExtBuilder::default().build_and_execute(|| {
		setup(true);
		// Not even the chain-wide scope (root here) admits an unattested account.
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), PERSON, Sector::Market, LOCAL, 5),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(attest(PERSON, person(1), Sector::Community, 25));
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), PERSON, Sector::Market, LOCAL, 25),
			Error::<Test>::AttestationMismatch
		);
		assert_noop!(
			StakeholderVoting::admit(RuntimeOrigin::root(), PERSON, Sector::Community, LOCAL, 99),
			Error::<Test>::AttestationMismatch
		);
		// An application is decided the same way.
		assert_ok!(StakeholderVoting::apply(
			RuntimeOrigin::signed(PERSON),
			Sector::Community,
			LOCAL,
			99
		));
		assert_noop!(
			StakeholderVoting::approve_application(RuntimeOrigin::root(), PERSON, 99),
			Error::<Test>::AttestationMismatch
		);
		assert_ok!(StakeholderVoting::approve_application(RuntimeOrigin::root(), PERSON, 25));
		// Expired attestations admit no one.
		assert_ok!(attest(13, person(2), Sector::Market, 5));
		run_to(EXPIRES);
		assert_noop!(
			StakeholderVoting::join(RuntimeOrigin::signed(13), LOCAL),
			Error::<Test>::AttestationExpired
		);
	});
}

#[test]
fn a_member_whose_attestation_lapsed_can_be_removed_by_anyone() {
	ExtBuilder::default().build_and_execute(|| {
		setup(true);
		assert_ok!(attest(PERSON, person(1), Sector::Community, 25));
		assert_ok!(StakeholderVoting::join(RuntimeOrigin::signed(PERSON), LOCAL));
		assert_noop!(
			StakeholderVoting::remove_unattested(RuntimeOrigin::signed(OUTSIDER), LOCAL, PERSON),
			Error::<Test>::AttestationStillValid
		);
		// Genesis members of the scope predate the requirement: they hold no attestation.
		assert_ok!(StakeholderVoting::remove_unattested(
			RuntimeOrigin::signed(OUTSIDER),
			LOCAL,
			MARKET
		));
		assert_eq!(last_event(), Event::LeftScope { who: MARKET, scope: LOCAL });
		assert_ok!(StakeholderVoting::revoke_attestation(
			RuntimeOrigin::signed(REGISTRAR),
			LOCAL,
			PERSON
		));
		// The membership the attestation stood behind ends with it.
		assert_eq!(last_event(), Event::LeftScope { who: PERSON, scope: LOCAL });
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::StakeholderVoting(Event::AttestationRevoked {
				scope: LOCAL,
				who: PERSON
			})));
		assert!(!AttestedPersons::<Test>::contains_key(LOCAL, person(1)));
		assert!(StakeholderVoting::stakeholder(&PERSON).is_none());
		assert_noop!(
			StakeholderVoting::remove_unattested(RuntimeOrigin::signed(OUTSIDER), LOCAL, PERSON),
			Error::<Test>::StakeholderNotFound
		);
	});
}

#[test]
fn reattesting_replaces_the_person_and_frees_the_old_one() {
	ExtBuilder::default().build_and_execute(|| {
		setup(false);
		assert_ok!(attest(PERSON, person(1), Sector::Community, 25));
		assert_ok!(attest(PERSON, person(2), Sector::Community, 30));
		assert!(!AttestedPersons::<Test>::contains_key(LOCAL, person(1)));
		assert_eq!(AttestedPersons::<Test>::get(LOCAL, person(2)), Some(PERSON));
		assert_ok!(attest(13, person(1), Sector::Market, 5));
		// Without the requirement, an attestation still admits by `join`.
		assert_ok!(StakeholderVoting::join(RuntimeOrigin::signed(13), LOCAL));
		assert_noop!(
			StakeholderVoting::remove_unattested(RuntimeOrigin::signed(OUTSIDER), LOCAL, 13),
			Error::<Test>::AttestationNotRequired
		);
	});
}

#[test]
fn registrar_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// Only the chain-wide scope appoints registrars; a scope's own vote cannot.
		assert_noop!(
			StakeholderVoting::add_registrar(
				RuntimeOrigin::from(Origin::Stakeholders { scope: LOCAL }),
				LOCAL,
				REGISTRAR
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::add_registrar(RuntimeOrigin::root(), 42, REGISTRAR),
			Error::<Test>::ScopeNotFound
		);
		setup(false);
		assert_noop!(
			StakeholderVoting::add_registrar(RuntimeOrigin::root(), LOCAL, REGISTRAR),
			Error::<Test>::AlreadyRegistrar
		);
		assert_ok!(StakeholderVoting::add_registrar(RuntimeOrigin::root(), LOCAL, 14));
		assert_noop!(
			StakeholderVoting::add_registrar(RuntimeOrigin::root(), LOCAL, 15),
			Error::<Test>::TooManyRegistrars
		);
		assert_noop!(
			StakeholderVoting::remove_registrar(RuntimeOrigin::root(), LOCAL, 15),
			Error::<Test>::RegistrarNotFound
		);
		assert_ok!(StakeholderVoting::remove_registrar(RuntimeOrigin::root(), LOCAL, 14));
		assert_eq!(last_event(), Event::RegistrarRemoved { scope: LOCAL, registrar: 14 });
		// A registrar of one scope attests nothing in another, nor does anyone else.
		assert_noop!(
			StakeholderVoting::attest(
				RuntimeOrigin::signed(REGISTRAR),
				CHAIN_WIDE_SCOPE,
				PERSON,
				person(1),
				Sector::Market,
				1,
				H256::zero(),
				EXPIRES
			),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			StakeholderVoting::revoke_attestation(RuntimeOrigin::signed(14), LOCAL, PERSON),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			StakeholderVoting::revoke_attestation(RuntimeOrigin::signed(REGISTRAR), LOCAL, PERSON),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			StakeholderVoting::join(RuntimeOrigin::signed(PERSON), LOCAL),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			StakeholderVoting::attest(
				RuntimeOrigin::signed(REGISTRAR),
				LOCAL,
				PERSON,
				person(1),
				Sector::Market,
				1,
				H256::zero(),
				1
			),
			Error::<Test>::InvalidExpiry
		);
	});
}

#[test]
fn a_scopes_own_vote_cannot_expel_or_dilute_its_members() {
	ExtBuilder::default().build_and_execute(|| {
		let local = RuntimeOrigin::from(Origin::Stakeholders { scope: LOCAL });
		assert_noop!(
			StakeholderVoting::remove_from_scope(local.clone(), COMMUNITY, LOCAL),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::set_stake(local.clone(), COMMUNITY, LOCAL, 1),
			DispatchError::BadOrigin
		);
		// Raising a majority member's stake would dilute the others just the same.
		assert_noop!(
			StakeholderVoting::set_stake(local.clone(), GOV, LOCAL, 1_000_000),
			DispatchError::BadOrigin
		);
		// The chain-wide scope can.
		let chain_wide = RuntimeOrigin::from(Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE });
		assert_ok!(StakeholderVoting::set_stake(chain_wide.clone(), GOV, LOCAL, 11));
		assert_ok!(StakeholderVoting::remove_from_scope(chain_wide, COMMUNITY, LOCAL));
		// Nor can it enrol anyone who did not ask: it admits by approving applications.
		assert_noop!(
			StakeholderVoting::admit(local.clone(), 7, Sector::Community, LOCAL, 3),
			DispatchError::BadOrigin
		);
		assert_ok!(StakeholderVoting::apply(RuntimeOrigin::signed(7), Sector::Community, LOCAL, 3));
		assert_ok!(StakeholderVoting::approve_application(local, 7, 3));
	});
}

/// Attested stake is bounded: by `MaxAttestedStake` everywhere, and by a scope's own cap, which
/// only `ScopeOrigin` sets.
#[test]
fn attested_stake_is_capped_by_the_scope() {
	ExtBuilder::default().build_and_execute(|| {
		setup(true);
		// Above the chain's bound: refused by name, nothing stored.
		assert_noop!(
			attest(PERSON, person(1), Sector::Community, MAX_ATTESTED_STAKE + 1),
			Error::<Test>::StakeTooLarge
		);
		assert_ok!(attest(PERSON, person(1), Sector::Community, MAX_ATTESTED_STAKE));
		// The scope lowers its cap.
		assert_noop!(
			StakeholderVoting::set_stake_cap(RuntimeOrigin::signed(REGISTRAR), LOCAL, Some(10)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			StakeholderVoting::set_stake_cap(RuntimeOrigin::root(), LOCAL, Some(0)),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			StakeholderVoting::set_stake_cap(
				RuntimeOrigin::root(),
				LOCAL,
				Some(MAX_ATTESTED_STAKE + 1)
			),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			StakeholderVoting::set_stake_cap(RuntimeOrigin::root(), 42, Some(10)),
			Error::<Test>::ScopeNotFound
		);
		assert_ok!(StakeholderVoting::set_stake_cap(RuntimeOrigin::root(), LOCAL, Some(10)));
		assert_eq!(last_event(), Event::StakeCapSet { scope: LOCAL, cap: Some(10) });
		assert_eq!(StakeCaps::<Test>::get(LOCAL), Some(10));
		assert_noop!(
			attest(PERSON, person(1), Sector::Community, 11),
			Error::<Test>::StakeTooLarge
		);
		assert_ok!(attest(PERSON, person(1), Sector::Community, 10));
		// Back to the chain's bound.
		assert_ok!(StakeholderVoting::set_stake_cap(RuntimeOrigin::root(), LOCAL, None));
		assert_eq!(last_event(), Event::StakeCapSet { scope: LOCAL, cap: None });
		assert!(!StakeCaps::<Test>::contains_key(LOCAL));
	});
}
