//! The chain-wide scope acting as root: runtime upgrades and other root-only calls.

use super::*;
use polkadot_sdk::{frame_support::assert_noop, frame_system, sp_runtime::DispatchError};

#[test]
fn the_chain_wide_scope_dispatches_as_root() {
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b"key".to_vec(), b"value".to_vec())],
		});
		assert_ok!(StakeholderVoting::dispatch_as_root(
			Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
			Box::new(call)
		));
		assert_eq!(last_event(), Event::DispatchedAsRoot { result: Ok(()) });
		assert_eq!(
			polkadot_sdk::sp_io::storage::get(b"key").map(|v| v.to_vec()),
			Some(b"value".to_vec())
		);
		// A failing call is reported in the event.
		let failing = RuntimeCall::StakeholderVoting(crate::Call::set_rule {
			scope: 42,
			rule: rule(Weighting::Headcount),
		});
		assert_ok!(StakeholderVoting::dispatch_as_root(
			Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
			Box::new(failing)
		));
		assert_eq!(
			last_event(),
			Event::DispatchedAsRoot { result: Err(Error::<Test>::ScopeNotFound.into()) }
		);
	});
}

#[test]
fn only_the_root_origin_dispatches_as_root() {
	ExtBuilder::default().build_and_execute(|| {
		let call = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		for origin in [RuntimeOrigin::signed(GOV), Origin::Stakeholders { scope: LOCAL }.into()] {
			assert_noop!(
				StakeholderVoting::dispatch_as_root(origin, call.clone()),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn a_passed_vote_authorizes_a_runtime_upgrade() {
	ExtBuilder::default().build_and_execute(|| {
		let code_hash = H256::repeat_byte(0xc0);
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let call = RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root {
			call: Box::new(authorize),
		});
		let index = propose(GOV, CHAIN_WIDE_SCOPE, Some(call));
		for who in [GOV, MARKET, COMMUNITY] {
			vote(who, index, VoteChoice::Aye);
		}
		run_to(1 + PERIOD);
		assert_eq!(
			status(index),
			ProposalStatus::Approved { at: 1 + PERIOD, enactment: Some(Enactment::Enacted) }
		);
		System::assert_has_event(RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
			code_hash,
			check_version: true,
		}));
	});
}

#[test]
fn no_vote_dispatches_a_forbidden_call_as_root() {
	ExtBuilder::default().build_and_execute(|| {
		// The mock's stand-in for sudo: `set_code_without_checks`.
		let forbidden =
			RuntimeCall::System(frame_system::Call::set_code_without_checks { code: vec![] });
		assert_noop!(
			StakeholderVoting::dispatch_as_root(
				Origin::Stakeholders { scope: CHAIN_WIDE_SCOPE }.into(),
				Box::new(forbidden.clone())
			),
			Error::<Test>::RootCallForbidden
		);
		// Refused at submission too, directly or nested.
		let nested = RuntimeCall::StakeholderVoting(crate::Call::dispatch_as_root {
			call: Box::new(forbidden),
		});
		assert_noop!(
			StakeholderVoting::propose(
				RuntimeOrigin::signed(GOV),
				CHAIN_WIDE_SCOPE,
				bounded(b"a superuser"),
				H256::zero(),
				Some(Box::new(nested))
			),
			Error::<Test>::RootCallForbidden
		);
	});
}
