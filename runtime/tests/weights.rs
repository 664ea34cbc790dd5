//! What the measured weights buy: a session change no longer books the whole block, a new
//! version of a record is charged as one, and the block's base weights are Polity's own.

mod common;

use common::chain;
use polity_runtime::{
	configs::system::RuntimeBlockWeights, weights, AllPalletsWithSystem, BlockNumber, Runtime,
	RuntimeCall, System, SESSION_PERIOD,
};
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchClass, GetDispatchInfo},
		traits::OnInitialize,
	},
	pallet_session,
	sp_core::H256,
};

#[test]
fn a_session_change_books_its_measured_weight_not_the_block() {
	chain("local_testnet").execute_with(|| {
		let max = RuntimeBlockWeights::get().max_block;
		let quiet =
			<AllPalletsWithSystem as OnInitialize<BlockNumber>>::on_initialize(SESSION_PERIOD - 1);
		let before = pallet_session::CurrentIndex::<Runtime>::get();
		System::set_block_number(SESSION_PERIOD);
		let changing =
			<AllPalletsWithSystem as OnInitialize<BlockNumber>>::on_initialize(SESSION_PERIOD);
		// The session did change, in this block's hooks...
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), before + 1);
		// ...and booked what a rotation to the largest validator set measures, not the block.
		let rotation = changing.saturating_sub(quiet);
		assert!(
			rotation.ref_time() < max.ref_time() / 100,
			"a session change books {rotation:?} of {max:?}"
		);
		assert!(rotation.ref_time() > 0, "a session change is not free");
	});
}

fn metadata() -> pallet_data_ownership::MetadataInput {
	pallet_data_ownership::MetadataInput::default()
}

#[test]
fn a_new_version_is_charged_as_one_and_a_batch_counts_its_versions() {
	chain("development").execute_with(|| {
		let register = |supersedes: Option<H256>| {
			RuntimeCall::DataOwnership(pallet_data_ownership::Call::register {
				hash: H256::repeat_byte(1),
				metadata: metadata(),
				supersedes,
			})
			.get_dispatch_info()
			.call_weight
		};
		let fresh = register(None);
		let version = register(Some(H256::repeat_byte(2)));
		assert!(version.ref_time() > fresh.ref_time(), "{version:?} vs {fresh:?}");
		let batch = |versions: usize| {
			let records: Vec<_> = (0..4u8)
				.map(|i| pallet_data_ownership::NewRecordInput {
					hash: H256::repeat_byte(i),
					metadata: metadata(),
					supersedes: (usize::from(i) < versions).then(|| H256::repeat_byte(9)),
				})
				.collect();
			RuntimeCall::DataOwnership(pallet_data_ownership::Call::register_batch { records })
				.get_dispatch_info()
				.call_weight
		};
		assert_eq!(
			batch(2).saturating_sub(batch(0)),
			version.saturating_sub(fresh).saturating_mul(2),
			"each version in a batch adds what a version costs over a new record"
		);
	});
}

#[test]
fn the_block_and_extrinsic_base_weights_are_the_measured_ones() {
	let blocks = RuntimeBlockWeights::get();
	assert_eq!(blocks.base_block, weights::BlockExecutionWeight::get());
	for class in DispatchClass::all() {
		assert_eq!(blocks.get(*class).base_extrinsic, weights::ExtrinsicBaseWeight::get());
	}
	assert_eq!(
		<Runtime as polkadot_sdk::frame_system::Config>::DbWeight::get(),
		weights::ParityDbWeight::get()
	);
}
