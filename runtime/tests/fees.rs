//! Votes that need no tokens, through the runtime's own fee extension: a stakeholder with no
//! balance casts its first vote on a proposal free; anything else it sends is refused for
//! want of fees; fees follow congestion.

mod common;

use common::dev_chain;
use pallet_stakeholder_voting::{Sector, VoteChoice};
use polity_runtime::{Runtime, RuntimeCall, RuntimeOrigin, StakeholderVoting, System};
use polkadot_sdk::{
	frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource},
	frame_system, pallet_balances,
	pallet_skip_feeless_payment::SkipCheckIfFeeless,
	pallet_transaction_payment::ChargeTransactionPayment,
	sp_core::H256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		traits::{TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
	},
};

/// Runs the nonce check and the fee extension as a transaction pool would.
fn validate(who: Sr25519Keyring, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	let origin = RuntimeOrigin::signed(who.to_account_id());
	let info = call.get_dispatch_info();
	let nonce = frame_system::Account::<Runtime>::get(who.to_account_id()).nonce;
	polity_runtime::check_nonce::CheckNonce::from(nonce).validate(
		origin.clone(),
		call,
		&info,
		100,
		(),
		&TxBaseImplication(()),
		TransactionSource::External,
	)?;
	SkipCheckIfFeeless::<Runtime, _>::from(ChargeTransactionPayment::<Runtime>::from(0))
		.validate(origin, call, &info, 100, (), &TxBaseImplication(()), TransactionSource::External)
		.map(|_| ())
}

fn vote(index: u32) -> RuntimeCall {
	RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::vote {
		index,
		choice: VoteChoice::Aye,
	})
}

#[test]
fn a_member_with_no_balance_votes_free_once_per_proposal() {
	dev_chain().execute_with(|| {
		let citizen = Sr25519Keyring::One;
		let who = citizen.to_account_id();
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&who), 0);
		StakeholderVoting::admit(RuntimeOrigin::root(), who.clone(), Sector::Community, 1, 5)
			.unwrap();
		assert!(System::account_exists(&who));
		System::set_block_number(2);
		let index = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		StakeholderVoting::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			1,
			b"a text proposal".to_vec(),
			H256::zero(),
			None,
		)
		.unwrap();

		assert_eq!(validate(citizen, &vote(index)), Ok(()));
		// Not a member of the proposal's electorate elsewhere, or not a vote: fees are due.
		let payment = Err(TransactionValidityError::Invalid(InvalidTransaction::Payment));
		assert_eq!(validate(citizen, &vote(index + 1)), payment);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: 1,
		});
		assert_eq!(validate(citizen, &transfer), payment);
		// The vote itself, dispatched: then a change is no longer free.
		StakeholderVoting::vote(RuntimeOrigin::signed(who.clone()), index, VoteChoice::Aye)
			.unwrap();
		assert_eq!(validate(citizen, &vote(index)), payment);
		// An outsider with no balance sends nothing: its account does not exist.
		assert_eq!(
			validate(Sr25519Keyring::Two, &vote(index)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
	});
}

#[test]
fn a_member_with_no_balance_seals_and_reveals_a_secret_vote_free() {
	use pallet_stakeholder_voting::{commitment_of, ScopePolicy, SecretBallots};
	dev_chain().execute_with(|| {
		let citizen = Sr25519Keyring::One;
		let who = citizen.to_account_id();
		StakeholderVoting::admit(RuntimeOrigin::root(), who.clone(), Sector::Community, 1, 5)
			.unwrap();
		StakeholderVoting::set_policy(
			RuntimeOrigin::root(),
			1,
			ScopePolicy { secret_ballot: Some(3), attestation_required: false },
		)
		.unwrap();
		System::set_block_number(2);
		let index = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		StakeholderVoting::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			1,
			b"a sealed vote".to_vec(),
			H256::zero(),
			None,
		)
		.unwrap();
		let salt = [9u8; 32];
		let commit = RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::commit_vote {
			index,
			commitment: commitment_of(index, &who, VoteChoice::Nay, &salt),
		});
		let payment = Err(TransactionValidityError::Invalid(InvalidTransaction::Payment));
		// A plain vote on a secret ballot is never free (it would fail).
		assert_eq!(validate(citizen, &vote(index)), payment);
		assert_eq!(validate(citizen, &commit), Ok(()));
		StakeholderVoting::commit_vote(
			RuntimeOrigin::signed(who.clone()),
			index,
			commitment_of(index, &who, VoteChoice::Nay, &salt),
		)
		.unwrap();
		// A second commitment pays.
		assert_eq!(validate(citizen, &commit), payment);
		let reveal = |choice| {
			RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::reveal_vote {
				index,
				choice,
				salt,
			})
		};
		System::set_block_number(SecretBallots::<Runtime>::get(index).unwrap().reveal_from);
		assert_eq!(validate(citizen, &reveal(VoteChoice::Nay)), Ok(()));
		// A reveal that does not open the commitment is not free.
		assert_eq!(validate(citizen, &reveal(VoteChoice::Aye)), payment);
	});
}

#[test]
fn fees_follow_congestion_and_feeless_votes_stay_free() {
	use polkadot_sdk::pallet_transaction_payment::{self, Multiplier, NextFeeMultiplier};
	use polkadot_sdk::{
		frame_support::{dispatch::DispatchClass, weights::Weight},
		sp_runtime::{
			traits::{Convert, One, Saturating},
			FixedPointNumber,
		},
	};
	type Update = <Runtime as pallet_transaction_payment::Config>::FeeMultiplierUpdate;
	dev_chain().execute_with(|| {
		let normal = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.unwrap();
		let after = |blocks: u32, used: Weight, mut m: Multiplier| {
			for _ in 0..blocks {
				System::set_block_consumed_resources(used, 0);
				m = Update::convert(m);
			}
			m
		};
		// Full blocks: fees double in about 925 blocks.
		let full = after(925, normal, Multiplier::one());
		assert!(full > Multiplier::saturating_from_rational(199, 100), "{full}");
		assert!(full < Multiplier::saturating_from_rational(201, 100), "{full}");
		// A quarter full (the target): they stay.
		let quarter = after(100, normal / 4, full);
		assert!(quarter >= full.saturating_mul(Multiplier::saturating_from_rational(999, 1000)));
		assert!(quarter <= full.saturating_mul(Multiplier::saturating_from_rational(1001, 1000)));
		// Empty blocks: back to the base fee, never below it.
		assert_eq!(after(5_000, Weight::zero(), full), Multiplier::one());
		// Never above 1,000 times the base.
		assert_eq!(
			after(20_000, normal, Multiplier::one()),
			Multiplier::saturating_from_integer(1_000)
		);

		// Under the highest multiplier a transfer costs more; a member's first vote stays free.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: 1,
		});
		let info = transfer.get_dispatch_info();
		let base = pallet_transaction_payment::Pallet::<Runtime>::compute_fee(100, &info, 0);
		NextFeeMultiplier::<Runtime>::put(Multiplier::saturating_from_integer(1_000));
		let congested = pallet_transaction_payment::Pallet::<Runtime>::compute_fee(100, &info, 0);
		assert!(congested > base * 100, "{congested} vs {base}");
		let citizen = Sr25519Keyring::One;
		StakeholderVoting::admit(
			RuntimeOrigin::root(),
			citizen.to_account_id(),
			Sector::Community,
			1,
			5,
		)
		.unwrap();
		System::set_block_number(2);
		let index = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		StakeholderVoting::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			1,
			b"under congestion".to_vec(),
			H256::zero(),
			None,
		)
		.unwrap();
		assert_eq!(validate(citizen, &vote(index)), Ok(()));
	});
}

/// Feeless transactions per account are capped in the pool: a member with no balance cannot park
/// more than `MAX_FEELESS_AHEAD + 1` free votes with future nonces; paid ones are not capped.
#[test]
fn feeless_transactions_per_account_are_capped_in_the_pool() {
	use polity_runtime::check_nonce::{CheckNonce, FEELESS_TOO_FAR_AHEAD, MAX_FEELESS_AHEAD};
	dev_chain().execute_with(|| {
		let citizen = Sr25519Keyring::One;
		let who = citizen.to_account_id();
		StakeholderVoting::admit(RuntimeOrigin::root(), who.clone(), Sector::Community, 1, 5)
			.unwrap();
		System::set_block_number(2);
		let first = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		// At most four open proposals per proposer: Alice and Bob share them.
		let proposers = [Sr25519Keyring::Alice, Sr25519Keyring::Bob];
		for i in 0..=MAX_FEELESS_AHEAD + 1 {
			StakeholderVoting::propose(
				RuntimeOrigin::signed(proposers[i as usize % 2].to_account_id()),
				1,
				format!("proposal {i}").into_bytes(),
				H256::zero(),
				None,
			)
			.unwrap();
		}
		let nonce = frame_system::Account::<Runtime>::get(&who).nonce;
		let check = |ahead: u32, call: &RuntimeCall| {
			let origin = RuntimeOrigin::signed(who.clone());
			CheckNonce::from(nonce + ahead)
				.validate(
					origin,
					call,
					&call.get_dispatch_info(),
					100,
					(),
					&TxBaseImplication(()),
					TransactionSource::External,
				)
				.map(|_| ())
		};
		// Free votes on distinct proposals, at nonces n … n + MAX_FEELESS_AHEAD: valid.
		for ahead in 0..=MAX_FEELESS_AHEAD {
			assert_eq!(check(ahead, &vote(first + ahead)), Ok(()), "nonce +{ahead}");
		}
		// One further ahead: refused by name.
		let too_far = MAX_FEELESS_AHEAD + 1;
		assert_eq!(
			check(too_far, &vote(first + too_far)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				FEELESS_TOO_FAR_AHEAD
			)))
		);
		// A paid call that far ahead is the ordinary nonce check's: valid, waiting in the pool.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_eq!(check(too_far, &remark), Ok(()));
	});
}

/// Length-stuffing raises fees: a block full by length (and empty by weight) moves the multiplier
/// up as a block full by weight does, and the length fee follows the multiplier.
#[test]
fn a_flood_by_length_raises_the_fee_multiplier_and_the_length_fee() {
	use polity_runtime::configs::monetary::{FeeAdjustment, LengthToFee};
	use polkadot_sdk::{
		frame_support::weights::{Weight, WeightToFee},
		pallet_transaction_payment::{Multiplier, NextFeeMultiplier},
		sp_runtime::{
			traits::{Convert, One},
			FixedPointNumber,
		},
	};
	dev_chain().execute_with(|| {
		let one = Multiplier::one();
		// A quiet block: the multiplier stays at its floor.
		assert_eq!(FeeAdjustment::convert(one), one);
		// A block whose ordinary transactions filled its length with little weight.
		let normal = *polity_runtime::configs::system::RuntimeBlockLength::get()
			.max
			.get(polkadot_sdk::frame_support::dispatch::DispatchClass::Normal);
		frame_system::BlockSize::<Runtime>::put(normal);
		let raised = FeeAdjustment::convert(one);
		assert!(raised > one, "a block full by length raises fees: {raised:?}");
		// And again, block after block.
		assert!(FeeAdjustment::convert(raised) > raised);
		// The length fee follows the multiplier.
		let bytes = Weight::from_parts(1_000_000, 0);
		let at_base = LengthToFee::weight_to_fee(&bytes);
		NextFeeMultiplier::<Runtime>::put(Multiplier::saturating_from_integer(3));
		assert_eq!(LengthToFee::weight_to_fee(&bytes), 3 * at_base);
	});
}
