//! `CheckFirewall`: rejects a frozen account's transactions at the pool and in blocks, refuses a
//! governed validator's removal of its own session keys, and puts governance transactions ahead
//! of ordinary traffic in the pool.

use crate::{Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::TransactionSource,
		traits::{Contains, OriginTrait},
		DefaultNoBound,
	},
	frame_system,
	sp_runtime::{
		impl_tx_ext_default,
		traits::{DispatchInfoOf, TransactionExtension},
		transaction_validity::{InvalidTransaction, TransactionPriority, ValidTransaction},
		Weight,
	},
};
use scale_info::TypeInfo;

/// `InvalidTransaction::Custom` code of a frozen account's transaction: "AccountFrozen".
pub const ACCOUNT_FROZEN: u8 = 1;

/// `InvalidTransaction::Custom` code of a governed validator's transaction that would remove its
/// own session keys (`Config::KeyRemovalCalls`): "ValidatorKeysRequired". Taking its keys away
/// would drop it from the live set below `MinValidators` without a vote; it leaves by
/// `remove_validator`.
pub const VALIDATOR_KEYS_REQUIRED: u8 = 2;

/// The pallet error that names the firewall's `InvalidTransaction::Custom(code)` refusal, so a
/// client reads a refusal in the pool and one in a block by the same name.
pub fn refusal_error<T: Config>(code: u8) -> Option<crate::Error<T>> {
	match code {
		ACCOUNT_FROZEN => Some(crate::Error::<T>::AccountFrozen),
		VALIDATOR_KEYS_REQUIRED => Some(crate::Error::<T>::ValidatorKeysRequired),
		_ => None,
	}
}

/// The pool priority `CheckFirewall` gives governance calls (`Config::GovernanceCalls`): the
/// highest there is, so no tip on ordinary traffic outbids a vote near its deadline.
pub const GOVERNANCE_PRIORITY: TransactionPriority = TransactionPriority::MAX;

/// Rejects transactions of frozen accounts, except the calls that keep governance alive.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckFirewall<T>(PhantomData<T>);

impl<T> CheckFirewall<T> {
	/// The extension.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckFirewall<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckFirewall")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckFirewall<T>
{
	const IDENTIFIER: &'static str = "CheckFirewall";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		use crate::WeightInfo;
		<T as Config>::WeightInfo::check_firewall()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> polkadot_sdk::sp_runtime::traits::ValidateResult<
		Self::Val,
		<T as frame_system::Config>::RuntimeCall,
	> {
		let governance = T::GovernanceCalls::contains(call);
		if let Some(who) = origin.as_signer() {
			if Pallet::<T>::is_frozen(who) && !governance {
				return Err(InvalidTransaction::Custom(ACCOUNT_FROZEN).into());
			}
			if T::KeyRemovalCalls::contains(call) && crate::Validators::<T>::get().contains(who) {
				return Err(InvalidTransaction::Custom(VALIDATOR_KEYS_REQUIRED).into());
			}
		}
		// Governance transactions — votes, commitments, reveals, closes, overturn and
		// dismissal proposals — go before any ordinary traffic, whatever it tips.
		let priority = if governance { GOVERNANCE_PRIORITY } else { 0 };
		Ok((ValidTransaction { priority, ..Default::default() }, (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
