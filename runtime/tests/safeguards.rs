//! Decision safeguards as the runtime wires them: which decisions are root-level, and the
//! presets' root safeguards (longer on every non-dev chain, none on the dev chain).

use pallet_stakeholder_voting::{RootSafeguards, Safeguards};
use polity_runtime::{
	configs::governance::{NotForRoot, RootLevel, Undelayed},
	genesis_config_presets, Runtime, RuntimeCall, MINUTES,
};
use polkadot_sdk::{
	frame_support::traits::Contains, pallet_utility, sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring, sp_runtime::BuildStorage,
};

fn chain(preset: &str) -> TestExternalities {
	let config = genesis_config_presets::preset_config(&preset.into()).unwrap();
	config.build_storage().unwrap().into()
}

fn add_validator() -> RuntimeCall {
	RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::add_validator {
		who: Sr25519Keyring::Eve.to_account_id(),
	})
}

fn create_scope() -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::create_scope {
		name: b"parks".to_vec(),
		rule: pallet_stakeholder_voting::VotingRule {
			weighting: pallet_stakeholder_voting::Weighting::Headcount,
			approval: Default::default(),
			quorum: Default::default(),
			sector_balance: false,
			voting_period: MINUTES,
		},
	})
}

#[test]
fn root_level_decisions_are_recognized_directly_and_inside_batches() {
	let remark = RuntimeCall::System(polkadot_sdk::frame_system::Call::remark { remark: vec![] });
	let as_root =
		RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
			call: Box::new(remark.clone()),
		});
	let batch = |calls| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
	let set_safeguards =
		RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::set_safeguards {
			scope: None,
			safeguards: Safeguards::default(),
		});
	for call in
		[as_root, add_validator(), set_safeguards, batch(vec![create_scope(), add_validator()])]
	{
		assert!(RootLevel::contains(&call), "{call:?} is root-level");
	}
	for call in [create_scope(), batch(vec![create_scope()])] {
		assert!(!RootLevel::contains(&call), "{call:?} is not root-level");
	}
	// A cancellation and an overturn are never delayed; a root-level change is.
	let cancel =
		RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::cancel { index: 0 });
	let overturn =
		RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::overturn { action: 0 });
	assert!(Undelayed::contains(&cancel) && Undelayed::contains(&overturn));
	assert!(!Undelayed::contains(&add_validator()));
}

#[test]
fn every_non_dev_preset_holds_root_level_decisions_longer_and_dev_stays_fast() {
	chain("development").execute_with(|| {
		assert_eq!(RootSafeguards::<Runtime>::get(), Safeguards::default());
	});
	chain("local_testnet").execute_with(|| {
		let root = RootSafeguards::<Runtime>::get();
		assert!(root.min_voting_period > 2 * MINUTES, "longer than the scopes' 2 minutes");
		assert!(root.enactment_delay > 0 && root.confirm_period > 0);
	});
	for preset in genesis_config_presets::preset_names() {
		let name = String::from_utf8_lossy(preset.as_ref()).to_string();
		if name == "development" {
			continue;
		}
		chain(&name).execute_with(|| {
			assert_ne!(RootSafeguards::<Runtime>::get(), Safeguards::default(), "{name}");
		});
	}
}

#[test]
fn no_vote_can_reach_sudo_and_safe_mode_lets_no_sudo_call_through() {
	use polity_runtime::configs::regulatory_nodes::SafeModeCalls;
	let set_key = RuntimeCall::Sudo(polkadot_sdk::pallet_sudo::Call::set_key {
		new: Sr25519Keyring::Eve.to_account_id().into(),
	});
	let as_root = |call| {
		RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::dispatch_as_root {
			call: Box::new(call),
		})
	};
	let batch = |calls| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
	for call in [
		set_key.clone(),
		as_root(set_key.clone()),
		as_root(batch(vec![create_scope(), set_key.clone()])),
	] {
		assert!(NotForRoot::contains(&call), "{call:?} is refused");
	}
	assert!(!NotForRoot::contains(&as_root(add_validator())));
	assert!(!SafeModeCalls::contains(&set_key));
	// The whole path, on the local chain (no sudo key): a passed vote's dispatch is refused.
	chain("local_testnet").execute_with(|| {
		polity_runtime::System::set_block_number(1);
		assert!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get().is_none());
		let origin: polity_runtime::RuntimeOrigin =
			pallet_stakeholder_voting::Origin::Stakeholders { scope: 0 }.into();
		let result = polity_runtime::StakeholderVoting::dispatch_as_root(origin, Box::new(set_key));
		assert_eq!(
			result.map_err(|e| e.error),
			Err(pallet_stakeholder_voting::Error::<Runtime>::RootCallForbidden.into())
		);
		assert!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get().is_none());
	});
}

#[test]
fn every_membership_decision_fits_what_a_passed_vote_may_enact() {
	use pallet_stakeholder_voting::{Call, ScopePolicy};
	use polkadot_sdk::frame_support::dispatch::GetDispatchInfo;
	let who = Sr25519Keyring::Eve.to_account_id();
	let max = <Runtime as pallet_stakeholder_voting::Config>::MaxEnactmentWeight::get();
	let calls: Vec<Call<Runtime>> = vec![
		Call::remove { who: who.clone() },
		Call::remove_from_scope { who: who.clone(), scope: 1 },
		Call::set_stake { who: who.clone(), scope: 1, stake: 1 },
		Call::suspend { who: who.clone() },
		Call::add_registrar { scope: 1, registrar: who.clone() },
		Call::set_policy { scope: 1, policy: ScopePolicy::default() },
	];
	for call in calls {
		let weight = RuntimeCall::StakeholderVoting(call.clone()).get_dispatch_info().call_weight;
		assert!(weight.all_lte(max), "{call:?} weighs {weight:?}, more than {max:?}");
	}
}
