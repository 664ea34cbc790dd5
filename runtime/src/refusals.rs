//! Why a call would be refused (`WhyRefusedApi`): the call runs as a signed transaction of the
//! account would run — every transaction extension (nonce, weight, the firewall, fees), then
//! the dispatch with the base call filter (pauses, safe mode) — inside a storage transaction
//! that is rolled back, and the first refusal is named by the name the chain gives it. The
//! answer is the chain's own code path, not a second copy of its rules.

use crate::{AccountId, AllPalletsWithSystem, Runtime, RuntimeCall, RuntimeOrigin};
use alloc::string::{String, ToString};
use codec::Encode;
use polity_primitives::refusals::Refusal;
use polkadot_sdk::{
	frame_support::{
		dispatch::GetDispatchInfo,
		storage::{with_transaction, TransactionOutcome},
		traits::PalletsInfoAccess,
	},
	frame_system,
	sp_runtime::{
		generic::Era,
		traits::DispatchTransaction,
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		ArithmeticError, DispatchError, TokenError,
	},
};

/// What would refuse `call` signed by `who` (next nonce, no tip) in the current state.
pub fn why_refused(who: AccountId, call: RuntimeCall) -> Option<Refusal> {
	let nonce = frame_system::Pallet::<Runtime>::account_nonce(&who);
	let extension = crate::tx_extension(nonce, Era::Immortal);
	let info = call.get_dispatch_info();
	// The length the fee is charged on: the extrinsic as it would be sent, encoded (an sr25519
	// or ed25519 signature has the same length; only its bytes are unknown here).
	let len = crate::UncheckedExtrinsic::new_signed(
		call.clone(),
		crate::Address::Id(who.clone()),
		crate::Signature::Sr25519(Default::default()),
		extension.clone(),
	)
	.encoded_size();
	let outcome = with_transaction(|| {
		let result =
			extension.dispatch_transaction(RuntimeOrigin::signed(who), call, &info, len, 0);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
	});
	match outcome {
		Ok(Ok(Ok(_))) => None,
		Ok(Ok(Err(failed))) => Some(dispatch_refusal(failed.error)),
		Ok(Err(invalid)) => Some(pool_refusal(invalid)),
		Err(error) => Some(dispatch_refusal(error)),
	}
}

/// A refusal by the transaction pool's checks.
fn pool_refusal(error: TransactionValidityError) -> Refusal {
	let name = match error {
		TransactionValidityError::Invalid(InvalidTransaction::Custom(code)) => {
			if let Some(e) = pallet_regulatory_nodes::refusal_error::<Runtime>(code) {
				return dispatch_refusal(e.into());
			}
			"Custom"
		},
		TransactionValidityError::Invalid(invalid) => match invalid {
			InvalidTransaction::Call => "Call",
			InvalidTransaction::Payment => "Payment",
			InvalidTransaction::Future => "Future",
			InvalidTransaction::Stale => "Stale",
			InvalidTransaction::BadProof => "BadProof",
			InvalidTransaction::AncientBirthBlock => "AncientBirthBlock",
			InvalidTransaction::ExhaustsResources => "ExhaustsResources",
			InvalidTransaction::BadMandatory => "BadMandatory",
			InvalidTransaction::MandatoryValidation => "MandatoryValidation",
			InvalidTransaction::BadSigner => "BadSigner",
			InvalidTransaction::IndeterminateImplicit => "IndeterminateImplicit",
			InvalidTransaction::UnknownOrigin => "UnknownOrigin",
			InvalidTransaction::Custom(_) => "Custom",
		},
		TransactionValidityError::Unknown(_) => "Unknown",
	};
	Refusal { pallet: None, error: name.to_string() }
}

/// A refusal by the dispatch: a pallet's error by its pallet's and variant's names. The one
/// place a dispatch error gets its name (the fuzzer names the errors it meets with it too).
pub fn dispatch_refusal(error: DispatchError) -> Refusal {
	let name = match error {
		DispatchError::Module(module) => {
			let pallet = AllPalletsWithSystem::infos()
				.into_iter()
				.find(|p| u8::try_from(p.index).ok() == Some(module.index))
				.map(|p| p.name.to_string());
			let error = module.message.map_or_else(String::new, ToString::to_string);
			return Refusal { pallet, error };
		},
		DispatchError::Token(token) => match token {
			TokenError::FundsUnavailable => "FundsUnavailable",
			TokenError::OnlyProvider => "OnlyProvider",
			TokenError::BelowMinimum => "BelowMinimum",
			TokenError::CannotCreate => "CannotCreate",
			TokenError::UnknownAsset => "UnknownAsset",
			TokenError::Frozen => "Frozen",
			TokenError::Unsupported => "Unsupported",
			TokenError::CannotCreateHold => "CannotCreateHold",
			TokenError::NotExpendable => "NotExpendable",
			TokenError::Blocked => "Blocked",
		},
		DispatchError::Arithmetic(arithmetic) => match arithmetic {
			ArithmeticError::Underflow => "Underflow",
			ArithmeticError::Overflow => "Overflow",
			ArithmeticError::DivisionByZero => "DivisionByZero",
		},
		DispatchError::BadOrigin => "BadOrigin",
		DispatchError::CannotLookup => "CannotLookup",
		DispatchError::ConsumerRemaining => "ConsumerRemaining",
		DispatchError::NoProviders => "NoProviders",
		DispatchError::TooManyConsumers => "TooManyConsumers",
		DispatchError::Exhausted => "Exhausted",
		DispatchError::Corruption => "Corruption",
		DispatchError::Unavailable => "Unavailable",
		DispatchError::RootNotAllowed => "RootNotAllowed",
		_ => "Other",
	};
	Refusal { pallet: None, error: name.to_string() }
}
