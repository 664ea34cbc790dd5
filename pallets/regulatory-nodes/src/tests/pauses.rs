use super::*;
use crate::mock::{MAX_PAUSE, UNPAUSABLE};
use polkadot_sdk::{
	frame_support::{assert_noop, traits::Hooks},
	sp_runtime::DispatchError,
};

#[test]
fn a_motion_pauses_a_call_until_it_expires() {
	ExtBuilder.build_and_execute(|| {
		let action = act(pause(b"Balances", Some(b"transfer_allow_death"), 10));
		assert!(paused(b"Balances", Some(b"transfer_allow_death")));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Regulatory(Event::Paused {
				pallet: name(b"Balances"),
				call: Some(name(b"transfer_allow_death")),
				until: 10
			})));
		let key = (name(b"Balances"), Some(name(b"transfer_allow_death")));
		assert_eq!(Pauses::<Test>::get(&key), Some(PauseInfo { until: 10, action }));
		assert_eq!(NextPauseExpiry::<Test>::get(), Some(10));
		assert_eq!(Regulatory::pauses()[0].call.as_deref(), Some("transfer_allow_death"));
		// Paused through its last block; lifted by itself at the next.
		Regulatory::on_initialize(10);
		assert!(paused(b"Balances", Some(b"transfer_allow_death")));
		System::set_block_number(11);
		Regulatory::on_initialize(11);
		assert!(!paused(b"Balances", Some(b"transfer_allow_death")));
		assert!(Pauses::<Test>::get(&key).is_none());
		assert_eq!(NextPauseExpiry::<Test>::get(), None);
		assert_eq!(
			last_event(),
			Event::Unpaused {
				pallet: name(b"Balances"),
				call: Some(name(b"transfer_allow_death"))
			}
		);
	});
}

#[test]
fn a_whole_pallet_pauses_and_the_earliest_expiry_is_kept() {
	ExtBuilder.build_and_execute(|| {
		act(pause(b"Balances", None, 30));
		act(pause(b"Data", None, 20));
		assert_eq!(NextPauseExpiry::<Test>::get(), Some(20));
		System::set_block_number(21);
		Regulatory::on_initialize(21);
		assert!(!paused(b"Data", None));
		assert!(paused(b"Balances", None));
		assert_eq!(NextPauseExpiry::<Test>::get(), Some(30));
	});
}

#[test]
fn a_motion_unpauses_and_a_vote_overturns_a_pause() {
	ExtBuilder.build_and_execute(|| {
		act(pause(b"Balances", None, 30));
		act(FirewallAction::Unpause { pallet: name(b"Balances"), call: None });
		assert!(!paused(b"Balances", None));
		assert_eq!(Pauses::<Test>::count(), 0);
		let action = act(pause(b"Balances", None, 30));
		assert_ok!(Regulatory::overturn(RuntimeOrigin::root(), action));
		assert!(!paused(b"Balances", None));
		assert_eq!(ActionLog::<Test>::get(action).unwrap().overturned_at, Some(1));
	});
}

#[test]
fn pause_errors() {
	ExtBuilder.build_and_execute(|| {
		let propose =
			|action| Regulatory::propose(RuntimeOrigin::signed(REG_A), action, None, reason(b"r"));
		assert_noop!(propose(pause(b"Balances", None, 1)), Error::<Test>::InvalidPause);
		assert_noop!(propose(pause(b"Balances", None, 2 + MAX_PAUSE)), Error::<Test>::InvalidPause);
		// Governance can never be paused.
		assert_noop!(propose(pause(UNPAUSABLE, None, 10)), DispatchError::Other("Unpausable"));
		assert_noop!(propose(pause(crate::mock::UNKNOWN, None, 10)), Error::<Test>::UnknownCall);
		assert_noop!(
			propose(FirewallAction::Unpause { pallet: name(b"Balances"), call: None }),
			Error::<Test>::NotPaused
		);
		act(pause(b"Balances", None, 10));
		assert_noop!(propose(pause(b"Balances", None, 10)), Error::<Test>::AlreadyPaused);
		act(pause(b"Data", None, 10));
		act(pause(b"Assets", None, 10));
		assert_noop!(propose(pause(b"Other", None, 10)), Error::<Test>::TooManyPauses);
	});
}
