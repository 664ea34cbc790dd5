//! What one party does never blocks another's rights, in block space: a flood of paid traffic
//! fills at most the ordinary share of a block, by weight or by length; votes, commitments and
//! reveals use the operational share no transfer or remark can take, and go first in the pool.

mod common;

use common::dev_chain;
use pallet_stakeholder_voting::VoteChoice;
use polity_runtime::{Runtime, RuntimeCall, RuntimeOrigin};
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchClass, GetDispatchInfo},
		pallet_prelude::TransactionSource,
	},
	frame_system::{self, CheckWeight},
	pallet_balances,
	sp_core::H256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		traits::{TransactionExtension, TxBaseImplication},
		transaction_validity::InvalidTransaction,
	},
};

fn governance() -> Vec<RuntimeCall> {
	use pallet_stakeholder_voting::Call as V;
	vec![
		RuntimeCall::StakeholderVoting(V::vote { index: 0, choice: VoteChoice::Aye }),
		RuntimeCall::StakeholderVoting(V::commit_vote { index: 0, commitment: H256::zero() }),
		RuntimeCall::StakeholderVoting(V::reveal_vote {
			index: 0,
			choice: VoteChoice::Nay,
			salt: [0; 32],
		}),
	]
}

fn flood() -> Vec<RuntimeCall> {
	vec![
		RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 1024] }),
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: 1,
		}),
	]
}

#[test]
fn a_block_filled_by_paid_traffic_still_takes_votes() {
	dev_chain().execute_with(|| {
		let length = <Runtime as frame_system::Config>::BlockLength::get();
		let normal = *length.max.get(DispatchClass::Normal);
		// The flood filled the ordinary share of the block by length (~3.9 MB of remarks).
		frame_system::BlockSize::<Runtime>::put(normal);
		for call in flood() {
			assert_eq!(call.get_dispatch_info().class, DispatchClass::Normal);
			assert_eq!(
				CheckWeight::<Runtime>::do_validate(&call.get_dispatch_info(), 200).map(|_| ()),
				Err(InvalidTransaction::ExhaustsResources.into()),
				"{call:?} finds no room"
			);
		}
		for call in governance() {
			let info = call.get_dispatch_info();
			assert_eq!(info.class, DispatchClass::Operational, "{call:?}");
			assert!(CheckWeight::<Runtime>::do_validate(&info, 200).is_ok(), "{call:?} has room");
		}
	});
}

#[test]
fn governance_transactions_go_first_in_the_pool() {
	dev_chain().execute_with(|| {
		let priority = |call: &RuntimeCall| {
			pallet_regulatory_nodes::CheckFirewall::<Runtime>::new()
				.validate(
					RuntimeOrigin::signed(Sr25519Keyring::Charlie.to_account_id()),
					call,
					&call.get_dispatch_info(),
					100,
					(),
					&TxBaseImplication(()),
					TransactionSource::External,
				)
				.map(|(valid, _, _)| valid.priority)
				.unwrap()
		};
		for call in governance() {
			assert_eq!(priority(&call), pallet_regulatory_nodes::GOVERNANCE_PRIORITY, "{call:?}");
		}
		for call in flood() {
			assert_eq!(priority(&call), 0, "{call:?}");
		}
	});
}
