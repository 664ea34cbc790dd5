use super::*;
use crate::mock::{NO_KEYS, VALIDATORS};
use polkadot_sdk::{
	frame_support::assert_noop, pallet_session::SessionManager, sp_runtime::DispatchError,
};

#[test]
fn governance_adds_a_validator_for_the_next_session() {
	ExtBuilder.build_and_execute(|| {
		// Genesis set, unchanged: the session keeps its validators.
		assert_eq!(Regulatory::new_session_genesis(0), Some(VALIDATORS.to_vec()));
		assert_eq!(Regulatory::new_session(1), None);
		assert_ok!(Regulatory::add_validator(RuntimeOrigin::root(), 14));
		assert_eq!(last_event(), Event::ValidatorAdded { who: 14 });
		assert!(Regulatory::validator_set(vec![]).pending);
		assert_eq!(Regulatory::new_session(2), Some(vec![11, 12, 13, 14]));
		// Taken once.
		assert_eq!(Regulatory::new_session(3), None);
		assert!(!Regulatory::validator_set(vec![]).pending);
	});
}

#[test]
fn governance_removes_a_validator_but_never_below_the_floor() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::remove_validator(RuntimeOrigin::root(), 12));
		assert_eq!(last_event(), Event::ValidatorRemoved { who: 12 });
		assert_eq!(Regulatory::new_session(1), Some(vec![11, 13]));
		// The floor is 2.
		assert_noop!(
			Regulatory::remove_validator(RuntimeOrigin::root(), 11),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn governance_sets_the_floor() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::set_min_validators(RuntimeOrigin::root(), 3));
		assert_eq!(last_event(), Event::MinValidatorsSet { min: 3 });
		assert_eq!(MinValidators::<Test>::get(), 3);
		assert_noop!(
			Regulatory::remove_validator(RuntimeOrigin::root(), 11),
			Error::<Test>::TooFewValidators
		);
		assert_noop!(
			Regulatory::set_min_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidMinimum
		);
		assert_noop!(
			Regulatory::set_min_validators(RuntimeOrigin::root(), 4),
			Error::<Test>::InvalidMinimum
		);
	});
}

#[test]
fn validator_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Regulatory::add_validator(RuntimeOrigin::signed(REG_A), 14),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::remove_validator(RuntimeOrigin::signed(REG_A), 11),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::set_min_validators(RuntimeOrigin::signed(REG_A), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::add_validator(RuntimeOrigin::root(), 11),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			Regulatory::add_validator(RuntimeOrigin::root(), NO_KEYS),
			Error::<Test>::SessionKeysNotSet
		);
		assert_noop!(
			Regulatory::remove_validator(RuntimeOrigin::root(), 99),
			Error::<Test>::NotValidator
		);
		assert_ok!(Regulatory::add_validator(RuntimeOrigin::root(), 14));
		assert_noop!(
			Regulatory::add_validator(RuntimeOrigin::root(), 15),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn the_hook_ends_sessions_at_their_measured_weight_not_a_whole_block() {
	use crate::mock::{MockSessions, SESSION_PERIOD, SESSION_SETS};
	use polkadot_sdk::frame_support::traits::{Get, Hooks};
	ExtBuilder.build_and_execute(|| {
		SESSION_SETS.with(|s| s.borrow_mut().clear());
		assert_ok!(Regulatory::add_validator(RuntimeOrigin::root(), 14));
		// Not a session end: nothing rotates, nothing is charged for it.
		let quiet = <Regulatory as Hooks<u64>>::on_initialize(SESSION_PERIOD - 1);
		assert!(SESSION_SETS.with(|s| s.borrow().is_empty()));
		assert!(Regulatory::validator_set(vec![]).pending);
		// A session end: the changed set goes to the session, at the benchmarked weight of a
		// rotation to the largest set.
		let rotating = <Regulatory as Hooks<u64>>::on_initialize(SESSION_PERIOD);
		assert_eq!(SESSION_SETS.with(|s| s.borrow().clone()), vec![vec![11, 12, 13, 14]]);
		assert!(!Regulatory::validator_set(vec![]).pending);
		let max_validators = <Test as Config>::MaxValidators::get();
		assert_eq!(
			rotating.saturating_sub(quiet),
			<Test as Config>::WeightInfo::rotate_session(max_validators)
		);
		assert!(<MockSessions as crate::traits::SessionRotation<u64>>::ends_at(2 * SESSION_PERIOD));
	});
}
