//! `WhyRefusedApi`: what would refuse a call is named by the name the chain then gives it, and
//! asking changes nothing.

mod common;

use common::dev_chain;
use pallet_regulatory_nodes::{FirewallLevers, FreezeInfo};
use pallet_stakeholder_voting::VoteChoice;
use polity_primitives::refusals::Refusal;
use polity_runtime::{
	configs::regulatory_nodes::Levers, refusals::why_refused, AccountId, Runtime, RuntimeCall,
	RuntimeOrigin,
};
use polkadot_sdk::{
	frame_support::storage::storage_prefix, pallet_balances, sp_io, sp_keyring::Sr25519Keyring,
	sp_runtime::traits::Dispatchable,
};

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: 1_000_000,
	})
}

fn vote(index: u32) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::vote {
		index,
		choice: VoteChoice::Aye,
	})
}

fn refusal(pallet: &str, error: &str) -> Option<Refusal> {
	Some(Refusal { pallet: Some(pallet.into()), error: error.into() })
}

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// The name of the error a dispatch of `call` by `who` returns (the dispatch only, without the
/// pool's checks), as the API names a pallet's error.
fn dispatched(who: &AccountId, call: RuntimeCall) -> Option<String> {
	call.dispatch(RuntimeOrigin::signed(who.clone())).err().map(|e| match e.error {
		polkadot_sdk::sp_runtime::DispatchError::Module(m) => {
			m.message.unwrap_or_default().to_string()
		},
		other => format!("{other:?}"),
	})
}

#[test]
fn a_call_that_would_succeed_is_not_refused_and_asking_changes_nothing() {
	dev_chain().execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let root = sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1);
		assert_eq!(why_refused(alice.clone(), transfer()), None);
		// Nothing stayed: no balance moved, no fee taken, no nonce used, no event.
		assert_eq!(sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1), root);
		assert!(
			sp_io::storage::get(&storage_prefix(b"System", b"Events")).is_none_or(|e| e.len() <= 1)
		);
	});
}

#[test]
fn a_frozen_account_is_refused_as_the_pool_refuses_it_but_may_still_vote() {
	dev_chain().execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		pallet_regulatory_nodes::Freezes::<Runtime>::insert(
			&bob,
			FreezeInfo { until: 100, since: 1, action: 0 },
		);
		assert_eq!(
			why_refused(bob.clone(), transfer()),
			refusal("RegulatoryNodes", "AccountFrozen")
		);
		// Governance passes the firewall: the vote is refused by the pallet, for its own reason.
		assert_eq!(
			why_refused(bob.clone(), vote(99)),
			refusal("StakeholderVoting", "ProposalNotFound")
		);
		assert_eq!(dispatched(&bob, vote(99)), Some("ProposalNotFound".into()));
	});
}

#[test]
fn pauses_and_safe_mode_are_named_as_the_call_filter_names_them() {
	dev_chain().execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		assert_eq!(Levers::pause(b"Balances", None), Ok(()));
		assert_eq!(why_refused(alice.clone(), transfer()), refusal("System", "CallFiltered"));
		assert_eq!(dispatched(&alice, transfer()), Some("CallFiltered".into()));
		assert_eq!(Levers::unpause(b"Balances", None), Ok(()));
		assert_eq!(why_refused(alice.clone(), transfer()), None);
		assert!(Levers::enter_safe_mode().is_ok());
		assert_eq!(why_refused(alice.clone(), transfer()), refusal("System", "CallFiltered"));
	});
}

#[test]
fn an_account_without_funds_is_refused_for_the_fee_and_an_outsider_by_the_pallet() {
	dev_chain().execute_with(|| {
		let nobody = AccountId::from([7u8; 32]);
		assert_eq!(
			why_refused(nobody.clone(), transfer()),
			Some(Refusal { pallet: None, error: "Payment".into() })
		);
		// Ferdie is no stakeholder of the chain-wide scope: proposing there is the pallet's
		// refusal, by the name its dispatch gives.
		let ferdie = account(Sr25519Keyring::Ferdie);
		let propose = RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::propose {
			scope: 0,
			title: b"t".to_vec(),
			description_hash: Default::default(),
			call: None,
		});
		let named = why_refused(ferdie.clone(), propose.clone()).expect("refused");
		assert_eq!(named.pallet.as_deref(), Some("StakeholderVoting"));
		assert_eq!(Some(named.error), dispatched(&ferdie, propose));
	});
}

#[test]
fn a_validator_removing_its_own_keys_is_named_as_the_firewall_refuses_it() {
	dev_chain().execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		assert!(pallet_regulatory_nodes::Validators::<Runtime>::get().contains(&alice));
		let purge = RuntimeCall::Session(polkadot_sdk::pallet_session::Call::purge_keys {});
		assert_eq!(why_refused(alice, purge), refusal("RegulatoryNodes", "ValidatorKeysRequired"));
	});
}
