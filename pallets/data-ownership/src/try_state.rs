//! The pallet's invariants (`do_try_state`), checked after every unit test, every fuzzed block
//! and by try-runtime. Compiled for native builds and try-runtime only: never part of the
//! production wasm.

use crate::{pallet::*, BalanceOf};
use polkadot_sdk::{frame_support::traits::Get, sp_runtime::SaturatedConversion as _};

impl<T: Config> Pallet<T> {
	/// Checks that the owner index equals the records, versions index every record, licence
	/// counts match, offers point at active records, disputes at records, and held deposits
	/// equal recorded ones.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use crate::RecordStatus;
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::{
			frame_support::{ensure, traits::fungible::InspectHold},
			sp_runtime::Saturating,
		};

		for (hash, _) in Disputes::<T>::iter() {
			ensure!(Records::<T>::contains_key(hash), "dispute on an unknown record");
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut log_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut grant_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut offer_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut records = 0usize;
		for (hash, record) in Records::<T>::iter() {
			records = records.saturating_add(1);
			ensure!(
				RecordsByOwner::<T>::contains_key(&record.owner, hash),
				"record missing from its owner's index"
			);
			ensure!(
				Versions::<T>::get(record.root, record.version) == Some(hash),
				"record missing from its version chain"
			);
			let entry = deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(record.deposit);
			let log = LogDeposits::<T>::get(hash);
			ensure!(
				log <= T::ActivityDeposit::get()
					.saturating_mul(ActivityCount::<T>::get(hash).into()),
				"log deposit above what its entries hold"
			);
			let entry = log_deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(log);
			let grants = Grants::<T>::iter_prefix(hash).count().saturated_into::<u32>();
			let entry = grant_deposits.entry(record.owner.clone()).or_default();
			*entry = entry.saturating_add(T::GrantDeposit::get().saturating_mul(grants.into()));
			ensure!(GrantCount::<T>::get(hash) == grants, "licence count differs from licences");
			ensure!(grants <= T::MaxGrantsPerRecord::get(), "too many licences");
			if Offers::<T>::contains_key(hash) {
				ensure!(record.status == RecordStatus::Active, "offer for an inactive record");
				let entry = offer_deposits.entry(record.owner.clone()).or_default();
				*entry = entry.saturating_add(T::OfferDeposit::get());
			}
		}
		ensure!(RecordsByOwner::<T>::iter().count() == records, "owner index differs from records");
		for (owner, hash, ()) in RecordsByOwner::<T>::iter() {
			ensure!(
				Records::<T>::get(hash).is_some_and(|r| r.owner == owner),
				"owner index points at another owner"
			);
		}
		for (hash, count) in ActivityCount::<T>::iter() {
			ensure!(
				Activities::<T>::iter_prefix(hash).count() == count as usize,
				"activity count differs from the log"
			);
		}
		for (hash, record) in Records::<T>::iter() {
			ensure!(ActivityCount::<T>::get(hash) > 0, "record without an activity log");
			// No structure another account filled stops the owner: its own part of the log
			// is within the cap whatever came before.
			ensure!(
				ActivityCount::<T>::get(hash).saturating_sub(TenureStart::<T>::get(hash))
					<= T::MaxActivity::get(),
				"the current owner's part of the log passes the cap"
			);
			let _ = record;
		}
		for (hash, start) in TenureStart::<T>::iter() {
			ensure!(start <= ActivityCount::<T>::get(hash), "tenure starts past the log's end");
		}
		let mut committed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, _, c) in Commitments::<T>::iter() {
			let entry = committed.entry(who).or_default();
			*entry = entry.saturating_add(c.deposit);
		}
		for (who, deposit) in committed {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Commitment.into(), &who) == deposit,
				"held commitment deposits differ from commitments"
			);
		}
		for (who, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::RecordDeposit.into(), &who) == deposit,
				"held deposits differ from records"
			);
		}
		for (hash, _) in LogDeposits::<T>::iter() {
			ensure!(Records::<T>::contains_key(hash), "log deposit of an unknown record");
		}
		// Every licence and every owner-made log entry is paid for by its record's owner.
		for (who, deposit) in log_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ActivityDeposit.into(), &who) == deposit,
				"held log deposits differ from the logs of the records owned"
			);
		}
		for (who, deposit) in offer_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::OfferDeposit.into(), &who) == deposit,
				"held offer deposits differ from the pending offers"
			);
		}
		for (who, deposit) in grant_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::GrantDeposit.into(), &who) == deposit,
				"held licence deposits differ from the licences granted"
			);
		}
		Ok(())
	}
}
