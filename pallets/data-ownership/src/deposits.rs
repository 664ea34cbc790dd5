//! Deposits: every hold, release and hand-over of this pallet's deposits goes through here.

use crate::{pallet::*, BalanceOf};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
		},
	},
	sp_runtime::traits::Zero,
};

impl<T: Config> Pallet<T> {
	/// Holds `amount` from `who` for `reason` (nothing to do for zero).
	pub(crate) fn hold_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
	}

	/// Gives `who` back `amount` held for `reason` (nothing to do for zero).
	pub(crate) fn release_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).map(|_| ())
	}

	/// `to` takes over a deposit `from` held: it holds `amount` from its own funds first, then
	/// `from` gets its own back — what a recipient does when it accepts a record.
	pub(crate) fn take_over_deposit(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::hold_deposit(reason, to, amount)?;
		Self::release_deposit(reason, from, amount)
	}

	/// `amount` held from `from` becomes held from `to`, paid by `from` — what a resolution
	/// does: the wrongful owner paid the deposit, the rightful one pays nothing.
	pub(crate) fn hand_over_deposit(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&reason.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::OnHold,
			Fortitude::Polite,
		)
		.map(|_| ())
	}
}
