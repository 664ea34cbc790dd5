//! The firewall's levers as the runtime wires them, on the `development` genesis: safe mode and
//! pauses filter calls but never governance's, disputes and holds reach their pallets, and a
//! regulator's licensed node enters the network register.

mod common;

use common::dev_chain;
use pallet_regulatory_nodes::{FirewallLevers, NodeLicences};
use pallet_stakeholder_voting::VoteChoice;
use polity_runtime::{
	configs::regulatory_nodes::{Levers, NetworkRegister},
	Runtime, RuntimeCall, DAYS,
};
use polkadot_sdk::{
	frame_support::traits::Contains,
	frame_system, pallet_balances, pallet_node_authorization, pallet_timestamp, pallet_tx_pause,
	sp_core::{OpaquePeerId, H256},
	sp_keyring::Sr25519Keyring,
	sp_runtime::DispatchError,
};

fn allowed(call: RuntimeCall) -> bool {
	<<Runtime as frame_system::Config>::BaseCallFilter as Contains<RuntimeCall>>::contains(&call)
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: 1,
	})
}

fn vote() -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::vote {
		index: 0,
		choice: VoteChoice::Aye,
	})
}

fn timestamp() -> RuntimeCall {
	RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 0 })
}

#[test]
fn safe_mode_filters_every_call_but_governance_and_inherents() {
	dev_chain().execute_with(|| {
		assert_eq!(Levers::enter_safe_mode(), Ok(1 + DAYS));
		assert!(!allowed(transfer()));
		assert!(allowed(vote()));
		assert!(allowed(timestamp()));
		assert!(allowed(RuntimeCall::RegulatoryNodes(
			pallet_regulatory_nodes::Call::close_motion { motion: 0 }
		)));
		// Entering twice is refused where safe mode says so.
		assert!(Levers::enter_safe_mode().is_err());
		assert_eq!(Levers::exit_safe_mode(), Ok(()));
		assert!(allowed(transfer()));
	});
}

#[test]
fn a_whole_pallet_pause_filters_each_of_its_calls() {
	dev_chain().execute_with(|| {
		assert_eq!(Levers::pause(b"Balances", None), Ok(()));
		assert!(!allowed(transfer()));
		assert!(!allowed(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			keep_alive: true,
		})));
		assert!(allowed(vote()));
		assert_eq!(Levers::unpause(b"Balances", None), Ok(()));
		assert!(allowed(transfer()));
		// One call only.
		assert_eq!(Levers::pause(b"Balances", Some(b"transfer_keep_alive")), Ok(()));
		assert!(!allowed(transfer()));
		assert!(allowed(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			keep_alive: true,
		})));
	});
}

#[test]
fn governance_cannot_be_paused_and_unknown_names_are_refused() {
	dev_chain().execute_with(|| {
		let unpausable: DispatchError = pallet_tx_pause::Error::<Runtime>::Unpausable.into();
		let unknown: DispatchError = pallet_regulatory_nodes::Error::<Runtime>::UnknownCall.into();
		for pallet in [&b"StakeholderVoting"[..], b"RegulatoryNodes", b"System", b"Timestamp"] {
			assert_eq!(Levers::can_pause(pallet, None), Err(unpausable));
		}
		assert_eq!(Levers::can_pause(b"StakeholderVoting", Some(b"vote")), Err(unpausable));
		// Nor can validators' key rotation be stopped.
		assert_eq!(Levers::can_pause(b"Session", None), Err(unpausable));
		assert_eq!(Levers::can_pause(b"Session", Some(b"set_keys")), Err(unpausable));
		assert_eq!(Levers::can_pause(b"Nowhere", None), Err(unknown));
		assert_eq!(Levers::can_pause(b"Balances", Some(b"nothing")), Err(unknown));
	});
}

#[test]
fn disputes_and_holds_reach_their_pallets() {
	use pallet_regulatory_nodes::traits::{DisputeFlags, EnactmentHold};
	type Disputes = <Runtime as pallet_regulatory_nodes::Config>::Disputes;
	type Holds = <Runtime as pallet_regulatory_nodes::Config>::Holds;
	dev_chain().execute_with(|| {
		assert_eq!(
			Disputes::set_disputed(H256::zero(), true),
			Err(pallet_data_ownership::Error::<Runtime>::NotFound.into())
		);
		assert_eq!(
			Holds::hold_enactment(9, Some(10)),
			Err(pallet_stakeholder_voting::Error::<Runtime>::ProposalNotFound.into())
		);
	});
}

#[test]
fn a_regulators_node_enters_and_leaves_the_network_register() {
	dev_chain().execute_with(|| {
		let node = b"a-new-peer-id".to_vec();
		let registered = || {
			pallet_node_authorization::WellKnownNodes::<Runtime>::get()
				.contains(&OpaquePeerId(node.clone()))
		};
		assert!(!registered());
		assert_eq!(
			NetworkRegister::license(&node, &Sr25519Keyring::Dave.to_account_id()),
			Ok(true)
		);
		assert!(registered());
		// Licensing twice is not an error; the register says it gained nothing.
		assert_eq!(
			NetworkRegister::license(&node, &Sr25519Keyring::Dave.to_account_id()),
			Ok(false)
		);
		assert_eq!(NetworkRegister::revoke(&node), Ok(()));
		assert!(!registered());
		assert_eq!(NetworkRegister::revoke(&node), Ok(()));
	});
}

#[test]
fn the_network_register_has_room_for_every_regulators_nodes() {
	use polkadot_sdk::frame_support::traits::Get;
	let regulators_nodes =
		<<Runtime as pallet_regulatory_nodes::Config>::MaxRegulators as Get<u32>>::get()
			* <<Runtime as pallet_regulatory_nodes::Config>::MaxNodes as Get<u32>>::get();
	let register =
		<<Runtime as pallet_node_authorization::Config>::MaxWellKnownNodes as Get<u32>>::get();
	assert!(
		regulators_nodes < register,
		"{regulators_nodes} regulator nodes, register of {register}"
	);
}

fn signed(who: Sr25519Keyring) -> polity_runtime::RuntimeOrigin {
	polity_runtime::RuntimeOrigin::signed(who.to_account_id())
}

fn overturn(action: u32) -> RuntimeCall {
	RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::overturn { action })
}

fn propose(scope: u32, call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::propose {
		scope,
		title: b"overturn".to_vec(),
		description_hash: H256::zero(),
		call: Some(Box::new(call)),
	})
}

/// Whether `CheckFirewall` lets `who` submit `call`.
fn passes_firewall(who: Sr25519Keyring, call: &RuntimeCall) -> bool {
	use polkadot_sdk::{
		frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource},
		sp_runtime::traits::TransactionExtension,
	};
	pallet_regulatory_nodes::CheckFirewall::<Runtime>::new()
		.validate(
			signed(who),
			call,
			&call.get_dispatch_info(),
			0,
			(),
			&polkadot_sdk::sp_runtime::traits::TxBaseImplication(()),
			TransactionSource::External,
		)
		.is_ok()
}

/// Freezes `who` by a chain-wide motion of Alice and Bob; returns the action id.
fn freeze(who: Sr25519Keyring) -> u32 {
	use pallet_regulatory_nodes::FirewallAction;
	let motion = pallet_regulatory_nodes::NextMotionId::<Runtime>::get();
	polity_runtime::RegulatoryNodes::propose(
		signed(Sr25519Keyring::Alice),
		FirewallAction::Freeze { who: who.to_account_id(), until: 100 },
		None,
		b"review".to_vec(),
	)
	.unwrap();
	polity_runtime::RegulatoryNodes::approve(signed(Sr25519Keyring::Bob), motion).unwrap();
	pallet_regulatory_nodes::NextActionId::<Runtime>::get() - 1
}

#[test]
fn a_frozen_stakeholder_still_proposes_the_overturn_of_its_freeze_and_a_dismissal() {
	dev_chain().execute_with(|| {
		let action = freeze(Sr25519Keyring::Charlie);
		let dismiss = RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::dismiss {
			who: Sr25519Keyring::Alice.to_account_id(),
		});
		let as_root =
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
				call: Box::new(overturn(action)),
			});
		for call in [overturn(action), dismiss, as_root] {
			assert!(passes_firewall(Sr25519Keyring::Charlie, &propose(0, call.clone())));
			// Only in the chain-wide scope, where such a vote can pass.
			assert!(!passes_firewall(Sr25519Keyring::Charlie, &propose(1, call)));
		}
		assert!(passes_firewall(Sr25519Keyring::Charlie, &vote()));
		// Every way of voting stays open to a frozen stakeholder.
		use pallet_stakeholder_voting::Call as Voting;
		for call in [
			Voting::commit_vote { index: 0, commitment: H256::zero() },
			Voting::reveal_vote { index: 0, choice: VoteChoice::Aye, salt: [0; 32] },
			Voting::delegate {
				scope: 0,
				delegate: Sr25519Keyring::Bob.to_account_id(),
				expires: None,
			},
			Voting::undelegate { scope: 0 },
		] {
			assert!(passes_firewall(
				Sr25519Keyring::Charlie,
				&RuntimeCall::StakeholderVoting(call)
			));
		}
		// Joining a scope is not voting: it waits for the freeze to end.
		assert!(!passes_firewall(
			Sr25519Keyring::Charlie,
			&RuntimeCall::StakeholderVoting(Voting::join { scope: 1 })
		));
		assert!(!passes_firewall(Sr25519Keyring::Charlie, &transfer()));
		assert!(!passes_firewall(Sr25519Keyring::Charlie, &propose(0, transfer())));
		assert!(passes_firewall(Sr25519Keyring::Dave, &transfer()));
		// The proposal goes through and cannot be held.
		let index = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		let RuntimeCall::StakeholderVoting(call) = propose(0, overturn(action)) else {
			unreachable!()
		};
		use polkadot_sdk::sp_runtime::traits::Dispatchable;
		RuntimeCall::StakeholderVoting(call).dispatch(signed(Sr25519Keyring::Charlie)).unwrap();
		assert_eq!(
			<<Runtime as pallet_regulatory_nodes::Config>::Holds as pallet_regulatory_nodes::traits::EnactmentHold<_, _>>::hold_enactment(index, Some(50)),
			Err(pallet_stakeholder_voting::Error::<Runtime>::NotHoldable.into())
		);
	});
}

#[test]
fn no_account_changes_the_licensed_network_on_its_own() {
	use polkadot_sdk::sp_runtime::traits::Dispatchable;
	dev_chain().execute_with(|| {
		let node = OpaquePeerId(b"squatted".to_vec());
		let calls = [
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node {
				node: node.clone(),
			}),
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
				node: node.clone(),
				connections: vec![],
			}),
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::remove_claim {
				node: node.clone(),
			}),
		];
		for call in calls {
			assert!(!allowed(call.clone()));
			let err = call.dispatch(signed(Sr25519Keyring::Eve)).unwrap_err().error;
			assert_eq!(err, frame_system::Error::<Runtime>::CallFiltered.into());
		}
		assert!(pallet_node_authorization::Owners::<Runtime>::get(&node).is_none());
	});
}

#[test]
fn a_scope_regulator_cannot_pause_a_pallet_nor_freeze_an_outsider() {
	use pallet_regulatory_nodes::{Error, FirewallAction, JurisdictionInput};
	use polity_runtime::RegulatoryNodes;
	dev_chain().execute_with(|| {
		// Dave regulates scope 1 (district-7-water), where he is a member and Ferdie is not.
		RegulatoryNodes::appoint(
			polity_runtime::RuntimeOrigin::root(),
			Sr25519Keyring::Dave.to_account_id(),
			JurisdictionInput::Scopes(vec![1]),
			Default::default(),
		)
		.unwrap();
		let propose = |action| {
			RegulatoryNodes::propose(
				signed(Sr25519Keyring::Dave),
				action,
				Some(1),
				b"local".to_vec(),
			)
		};
		let outside: DispatchError = Error::<Runtime>::TargetOutsideJurisdiction.into();
		let pause = FirewallAction::Pause { pallet: b"Balances".to_vec(), call: None, until: 10 };
		assert_eq!(propose(pause), Err(outside));
		assert_eq!(propose(FirewallAction::EnterSafeMode), Err(outside));
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		assert_eq!(propose(FirewallAction::Freeze { who: ferdie, until: 10 }), Err(outside));
		// A member of the scope is within reach.
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert_eq!(propose(FirewallAction::Freeze { who: dave, until: 10 }), Ok(()));
	});
}
