//! One walk over a call's whole tree decides every rule about what the call does. A wrapper
//! never launders: exemptions need every call of the tree, restrictions any one; the tree is
//! bounded; no vote writes raw storage or reaches sudo, at any depth, in any wrapper.

mod common;

use common::dev_chain;
use polity_runtime::{
	configs::{
		calls::{summarize, MAX_CALL_DEPTH, MAX_CALL_LEAVES},
		governance::{BoundedCallTree, NotForRoot, RootLevel, Undelayed, Unholdable},
		regulatory_nodes::GovernanceCalls,
	},
	Runtime, RuntimeCall, RuntimeOrigin, StakeholderVoting,
};
use polkadot_sdk::{
	frame_support::{assert_noop, traits::Contains},
	frame_system, pallet_balances, pallet_sudo,
	pallet_utility::Call as Utility,
	sp_core::H256,
	sp_keyring::Sr25519Keyring,
};

fn overturn() -> RuntimeCall {
	RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::overturn { action: 0 })
}

fn cancel() -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::cancel { index: 0 })
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: 1,
	})
}

fn set_storage() -> RuntimeCall {
	// `Sudo::Key` := Eve: the superuser by a raw write.
	let key = polkadot_sdk::frame_support::storage::storage_prefix(b"Sudo", b"Key").to_vec();
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(key, codec::Encode::encode(&Sr25519Keyring::Eve.to_account_id()))],
	})
}

fn kill_storage() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![b"x".to_vec()] })
}

fn kill_prefix() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::kill_prefix { prefix: b"x".to_vec(), subkeys: 1 })
}

fn set_key() -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::set_key {
		new: Sr25519Keyring::Eve.to_account_id().into(),
	})
}

fn as_root(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
		call: Box::new(call),
	})
}

/// Every wrapper the walker knows, each wrapping `inner` once.
fn wrappers(inner: RuntimeCall) -> Vec<RuntimeCall> {
	let b = Box::new(inner.clone());
	let origin = Box::new(polity_runtime::OriginCaller::system(frame_system::RawOrigin::Root));
	vec![
		as_root(inner.clone()),
		RuntimeCall::Utility(Utility::batch { calls: vec![inner.clone()] }),
		RuntimeCall::Utility(Utility::batch_all { calls: vec![inner.clone()] }),
		RuntimeCall::Utility(Utility::force_batch { calls: vec![inner.clone()] }),
		RuntimeCall::Utility(Utility::as_derivative { index: 0, call: b.clone() }),
		RuntimeCall::Utility(Utility::dispatch_as { as_origin: origin.clone(), call: b.clone() }),
		RuntimeCall::Utility(Utility::dispatch_as_fallible { as_origin: origin, call: b.clone() }),
		RuntimeCall::Utility(Utility::with_weight { call: b.clone(), weight: Default::default() }),
		RuntimeCall::Utility(Utility::if_else { main: b.clone(), fallback: b.clone() }),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: b }),
	]
}

/// `inner` wrapped `depth` times, cycling through every wrapper.
fn nested(inner: RuntimeCall, depth: usize) -> RuntimeCall {
	(0..depth).fold(inner, |call, i| {
		let all = wrappers(call);
		// Sudo's wrapper is forbidden by itself: keep it out of the exemption checks.
		all[i % (all.len() - 1)].clone()
	})
}

#[test]
fn an_overturn_in_any_wrapper_at_any_depth_stays_unholdable_and_undelayed() {
	for depth in 0..=MAX_CALL_DEPTH as usize {
		let call = nested(overturn(), depth);
		assert!(Unholdable::contains(&call), "depth {depth}: {call:?}");
		assert!(Undelayed::contains(&call), "depth {depth}");
		let frozen_may_propose =
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::propose {
				scope: 0,
				title: b"t".to_vec(),
				description_hash: H256::zero(),
				call: Some(Box::new(call)),
			});
		assert!(GovernanceCalls::contains(&frozen_may_propose), "depth {depth}");
	}
	assert!(Undelayed::contains(&nested(cancel(), 3)));
}

#[test]
fn a_wrapper_never_launders_an_ordinary_call() {
	let mixed = |calls| RuntimeCall::Utility(Utility::batch_all { calls });
	for call in [
		mixed(vec![overturn(), transfer()]),
		mixed(vec![transfer(), overturn()]),
		mixed(vec![cancel(), transfer()]),
		RuntimeCall::Utility(Utility::if_else {
			main: Box::new(overturn()),
			fallback: Box::new(transfer()),
		}),
		nested(mixed(vec![overturn(), nested(transfer(), 4)]), 3),
		// A wrapper with nothing in it exempts nothing either.
		mixed(vec![]),
	] {
		assert!(!Unholdable::contains(&call), "{call:?} can be held");
		assert!(!Undelayed::contains(&call), "{call:?} waits its delay");
		let proposal = RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::propose {
			scope: 0,
			title: b"t".to_vec(),
			description_hash: H256::zero(),
			call: Some(Box::new(call)),
		});
		assert!(!GovernanceCalls::contains(&proposal), "a frozen account may not propose it");
	}
}

#[test]
fn no_vote_writes_raw_storage_or_reaches_sudo_at_any_depth() {
	for forbidden in [set_storage(), kill_storage(), kill_prefix(), set_key()] {
		assert!(NotForRoot::contains(&forbidden));
		for wrapped in wrappers(forbidden.clone()) {
			assert!(NotForRoot::contains(&wrapped), "{wrapped:?}");
			assert!(NotForRoot::contains(&nested(wrapped, 5)));
		}
		// Hidden in the fallback of an if-else, after a harmless first call.
		let hidden = RuntimeCall::Utility(Utility::if_else {
			main: Box::new(transfer()),
			fallback: Box::new(as_root(RuntimeCall::Utility(Utility::force_batch {
				calls: vec![transfer(), forbidden],
			}))),
		});
		assert!(NotForRoot::contains(&hidden));
	}
	assert!(!NotForRoot::contains(&as_root(transfer())));
}

#[test]
fn the_tree_is_bounded_in_depth_and_size() {
	assert!(BoundedCallTree::contains(&nested(transfer(), MAX_CALL_DEPTH as usize)));
	let deep = nested(transfer(), MAX_CALL_DEPTH as usize + 1);
	assert!(!BoundedCallTree::contains(&deep));
	let wide =
		RuntimeCall::Utility(Utility::batch { calls: vec![transfer(); MAX_CALL_LEAVES as usize] });
	assert!(!BoundedCallTree::contains(&wide), "64 calls plus their batch");
	let summary = summarize(&wide);
	// Out of bounds, every rule takes its strict side.
	assert!(summary.any_forbidden && summary.any_root_level);
	assert!(!summary.all_unholdable && !summary.all_undelayed);
	// An overturn buried too deep is not exempt.
	assert!(!Unholdable::contains(&nested(overturn(), MAX_CALL_DEPTH as usize + 1)));
}

#[test]
fn who_decides_and_how_scopes_vote_are_root_level_decisions() {
	use pallet_stakeholder_voting::{Call, Sector, VotingRule, Weighting};
	let who = Sr25519Keyring::Eve.to_account_id();
	let rule = VotingRule {
		weighting: Weighting::Headcount,
		approval: Default::default(),
		quorum: Default::default(),
		sector_balance: false,
		voting_period: 10,
	};
	for call in [
		Call::set_rule { scope: 1, rule },
		Call::admit { who: who.clone(), sector: Sector::Market, scope: 1, stake: 1 },
		Call::admit { who: who.clone(), sector: Sector::Market, scope: 0, stake: 1 },
		Call::suspend { who: who.clone() },
		Call::resume { who: who.clone() },
		Call::remove { who: who.clone() },
		Call::remove_from_scope { who: who.clone(), scope: 1 },
		Call::set_stake { who: who.clone(), scope: 1, stake: 1 },
		// An application nobody filed (or one to the chain-wide scope).
		Call::approve_application { who: who.clone(), stake: 1 },
	] {
		let call = RuntimeCall::StakeholderVoting(call);
		// Whether an application exists is read from the chain's state.
		dev_chain().execute_with(|| {
			assert!(RootLevel::contains(&call), "{call:?}");
			assert!(RootLevel::contains(&nested(call, 2)));
		});
	}
	assert!(!RootLevel::contains(&transfer()));
}

#[test]
fn a_proposal_to_write_raw_storage_or_nest_too_deep_is_refused_at_propose() {
	dev_chain().execute_with(|| {
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		let propose = |call: RuntimeCall| {
			StakeholderVoting::propose(
				alice.clone(),
				0,
				b"t".to_vec(),
				H256::zero(),
				Some(Box::new(call)),
			)
		};
		for call in [
			as_root(set_storage()),
			as_root(RuntimeCall::Utility(Utility::batch_all {
				calls: vec![transfer(), kill_prefix()],
			})),
		] {
			assert_noop!(
				propose(call),
				pallet_stakeholder_voting::Error::<Runtime>::RootCallForbidden
			);
		}
		assert_noop!(
			propose(nested(transfer(), MAX_CALL_DEPTH as usize + 1)),
			pallet_stakeholder_voting::Error::<Runtime>::CallTooComplex
		);
	});
}
