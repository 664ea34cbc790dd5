//! The pool-level firewall: a frozen account's transactions are rejected, governance calls are not.

use super::*;
use polkadot_sdk::{
	frame_support::dispatch::DispatchInfo,
	frame_system,
	sp_runtime::{
		traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	},
};

fn validate(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckFirewall::<Test>::new()
		.validate_only(
			Some(who).into(),
			call,
			&DispatchInfo::default(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

#[test]
fn a_frozen_account_is_rejected_until_the_freeze_ends() {
	ExtBuilder.build_and_execute(|| {
		let transfer = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert!(validate(CITIZEN, &transfer).is_ok());
		freeze_by_motion(CITIZEN, 20);
		assert_eq!(
			validate(CITIZEN, &transfer),
			Err(InvalidTransaction::Custom(ACCOUNT_FROZEN).into())
		);
		// Other accounts are not affected.
		assert!(validate(REG_A, &transfer).is_ok());
		// Governance calls are never blocked.
		let governance =
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] });
		assert!(validate(CITIZEN, &governance).is_ok());
		System::set_block_number(21);
		assert!(validate(CITIZEN, &transfer).is_ok());
	});
}

#[test]
fn unsigned_transactions_pass() {
	ExtBuilder.build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		// Without a signer there is nobody to be frozen; other extensions decide the rest.
		assert!(CheckFirewall::<Test>::new()
			.validate(
				None.into(),
				&call,
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication(&call),
				TransactionSource::External,
			)
			.is_ok());
	});
}

/// A governed validator cannot take its own session keys away (it would drop out of the live set
/// below `MinValidators` without a vote); others may, and it may still rotate them.
#[test]
fn a_validator_may_not_remove_its_own_session_keys() {
	ExtBuilder.build_and_execute(|| {
		let purge =
			RuntimeCall::System(frame_system::Call::remark { remark: b"purge-keys".to_vec() });
		let validator = VALIDATORS[0];
		assert!(Validators::<Test>::get().contains(&validator));
		assert_eq!(
			validate(validator, &purge),
			Err(InvalidTransaction::Custom(VALIDATOR_KEYS_REQUIRED).into())
		);
		assert!(validate(CITIZEN, &purge).is_ok());
		let other = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert!(validate(validator, &other).is_ok());
	});
}
