//! The runtime's storage migrations, run through `Executive` on a chain built from the
//! `local_testnet` preset with state written in the old layouts: every stored value decodes
//! after the upgrade, storage versions match the code, and every pallet's invariants hold (the
//! checks try-runtime runs, without its build).

use codec::Encode;
use pallet_stakeholder_voting::{
	migrations::v2::VoteRecordV1, ProposalCount, Sector, VoteChoice, Votes, CHAIN_WIDE_SCOPE,
};
use polity_runtime::{
	genesis_config_presets, Executive, Runtime, RuntimeOrigin, StakeholderVoting, System,
};
use polkadot_sdk::{
	frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, StorageVersion},
	},
	sp_core::H256,
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie},
	sp_runtime::BuildStorage,
};

fn local_chain() -> TestExternalities {
	let config = genesis_config_presets::preset_config(&"local_testnet".into()).unwrap();
	let mut ext: TestExternalities = config.build_storage().unwrap().into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

#[test]
fn the_runtime_upgrade_migrates_old_votes_and_keeps_every_invariant() {
	local_chain().execute_with(|| {
		let index = ProposalCount::<Runtime>::get();
		assert!(StakeholderVoting::propose(
			RuntimeOrigin::signed(Alice.to_account_id()),
			CHAIN_WIDE_SCOPE,
			b"old votes".to_vec(),
			H256::repeat_byte(1),
			None,
		)
		.is_ok());
		System::set_block_number(2);
		for who in [Bob, Charlie] {
			assert!(StakeholderVoting::vote(
				RuntimeOrigin::signed(who.to_account_id()),
				index,
				VoteChoice::Aye
			)
			.is_ok());
		}
		// Write the votes as storage version 1 stored them.
		for who in [Bob, Charlie] {
			let key = Votes::<Runtime>::hashed_key_for(index, who.to_account_id());
			let new = Votes::<Runtime>::get(index, who.to_account_id()).unwrap();
			let old = VoteRecordV1 { choice: new.choice, sector: new.sector, weight: new.weight };
			unhashed::put_raw(&key, &old.encode());
		}
		StorageVersion::new(1).put::<StakeholderVoting>();
		assert!(Votes::<Runtime>::get(index, Bob.to_account_id()).is_none());

		Executive::execute_on_runtime_upgrade();

		assert_eq!(
			StakeholderVoting::on_chain_storage_version(),
			StakeholderVoting::in_code_storage_version()
		);
		let bob = Votes::<Runtime>::get(index, Bob.to_account_id()).unwrap();
		assert_eq!(
			(bob.choice, bob.sector, bob.delegated),
			(VoteChoice::Aye, Sector::Market, false)
		);
		assert_eq!(Votes::<Runtime>::iter_prefix(index).count(), 2);
		pallet_stakeholder_voting::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_data_ownership::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_regulatory_nodes::Pallet::<Runtime>::do_try_state().unwrap();
		// A second upgrade finds nothing to do and changes nothing.
		let before: Vec<_> = Votes::<Runtime>::iter().collect();
		Executive::execute_on_runtime_upgrade();
		assert_eq!(Votes::<Runtime>::iter().collect::<Vec<_>>(), before);
	});
}
