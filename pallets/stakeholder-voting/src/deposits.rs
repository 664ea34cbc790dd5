//! Every deposit this pallet holds — proposals, applications, delegation offers and delegations —
//! is held, returned and burned here, under its own `HoldReason`.

use crate::{pallet::*, BalanceOf};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision},
		},
	},
	sp_runtime::DispatchError,
};

impl<T: Config> Pallet<T> {
	/// Holds `amount` from `who` for `reason`; `FundsUnavailable` (and nothing held) without it.
	pub(crate) fn hold_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::hold(&reason.into(), who, amount)
	}

	/// Returns up to `amount` held from `who` for `reason`; returns what was released.
	pub(crate) fn release_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		T::Currency::release(&reason.into(), who, amount, Precision::BestEffort)
	}

	/// Burns up to `amount` held from `who` for `reason`; returns what was burned.
	pub(crate) fn burn_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		T::Currency::burn_held(&reason.into(), who, amount, Precision::BestEffort, Fortitude::Force)
	}

	/// Holds one offer's or delegation's deposit from `who`.
	pub(crate) fn hold_delegation_deposit(who: &T::AccountId) -> DispatchResult {
		Self::hold_deposit(HoldReason::DelegationDeposit, who, T::DelegationDeposit::get())
	}

	/// Returns one offer's or delegation's deposit to `who`. Best effort: what is held for
	/// delegations is only ever released here, so it cannot fall short.
	pub(crate) fn release_delegation_deposit(who: &T::AccountId) {
		let _ =
			Self::release_deposit(HoldReason::DelegationDeposit, who, T::DelegationDeposit::get());
	}
}
