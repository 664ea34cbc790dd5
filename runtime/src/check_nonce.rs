//! `CheckNonce` with a cap on feeless transactions in the pool.
//!
//! A feeless call (a member's first vote, first commitment, matching reveal) costs its sender
//! nothing, so nothing but this bounds how many of them one account can park in the pool with
//! future nonces. Here a feeless transaction is valid only with a nonce at most
//! [`MAX_FEELESS_AHEAD`] past the account's, so one account holds at most
//! `MAX_FEELESS_AHEAD + 1` feeless transactions in the pool at once (one per nonce). Everything
//! else is `frame_system::CheckNonce`: same identifier, same encoding, same type in the metadata,
//! so wallets and clients sign exactly as before.

use crate::{Runtime, RuntimeCall, RuntimeOrigin};
use codec::{Decode, DecodeWithMemTracking, Encode};
use polkadot_sdk::{
	frame_support::{
		dispatch::{CheckIfFeeless, DispatchInfo, DispatchResult},
		pallet_prelude::TransactionSource,
	},
	frame_system,
	sp_runtime::{
		traits::{
			AsSystemOriginSigner, DispatchInfoOf, Implication, PostDispatchInfoOf,
			TransactionExtension, ValidateResult,
		},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		Weight,
	},
};

/// How far past the account's nonce a feeless transaction may be: with 3, four feeless
/// transactions per account fit in the pool (a member voting on four proposals at once).
pub const MAX_FEELESS_AHEAD: u32 = 3;

/// `InvalidTransaction::Custom` code of a feeless transaction whose nonce is more than
/// [`MAX_FEELESS_AHEAD`] past its account's: "FeelessTooFarAhead". Send it once the earlier
/// ones are in a block, or pay for it.
pub const FEELESS_TOO_FAR_AHEAD: u8 = 3;

/// `frame_system::CheckNonce`, capping feeless transactions per account in the pool.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct CheckNonce(pub frame_system::CheckNonce<Runtime>);

impl CheckNonce {
	/// The extension for a transaction with nonce `nonce`.
	pub fn from(nonce: crate::Nonce) -> Self {
		Self(frame_system::CheckNonce::from(nonce))
	}
}

impl core::fmt::Debug for CheckNonce {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		self.0.fmt(f)
	}
}

// The metadata describes it as `frame_system::CheckNonce`: it is the same on the wire.
impl scale_info::TypeInfo for CheckNonce {
	type Identity = <frame_system::CheckNonce<Runtime> as scale_info::TypeInfo>::Identity;
	fn type_info() -> scale_info::Type {
		<frame_system::CheckNonce<Runtime> as scale_info::TypeInfo>::type_info()
	}
}

type Inner = frame_system::CheckNonce<Runtime>;

impl TransactionExtension<RuntimeCall> for CheckNonce {
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = <Inner as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <Inner as TransactionExtension<RuntimeCall>>::Pre;

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			if call.is_feeless(&origin) {
				let current = frame_system::Account::<Runtime>::get(who).nonce;
				if self.0 .0 > current.saturating_add(MAX_FEELESS_AHEAD) {
					return Err(InvalidTransaction::Custom(FEELESS_TOO_FAR_AHEAD).into());
				}
			}
		}
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfo,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Inner::post_dispatch_details(pre, info, post_info, len, result)
	}
}
