//! Commit–reveal registration: a claim no one can read in the pool, dated from its commitment.

use crate::{pallet::*, ContentHash, NewRecordOf};
use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::UnixTime},
	frame_system,
	sp_core::H256,
	sp_runtime::{
		traits::{BlakeTwo256, Hash as _},
		SaturatedConversion as _, Saturating,
	},
};

impl<T: Config> Pallet<T> {
	/// The commitment to `claims` (content hash, version it supersedes) by `who` with `salt`:
	/// BLAKE2-256 of the SCALE encoding of `(who, salt, claims)`. Binding the committer makes a
	/// copied reveal match nothing; the salt keeps a guessable hash from being confirmed.
	pub fn commitment_of(
		who: &T::AccountId,
		salt: &[u8; 32],
		claims: &[(ContentHash, Option<ContentHash>)],
	) -> H256 {
		BlakeTwo256::hash(&(who, salt, claims).encode())
	}

	pub(crate) fn do_commit(who: &T::AccountId, commitment: H256) -> DispatchResult {
		ensure!(!Commitments::<T>::contains_key(who, commitment), Error::<T>::AlreadyCommitted);
		let deposit = T::CommitmentDeposit::get();
		Self::hold_deposit(HoldReason::Commitment, who, deposit)?;
		Commitments::<T>::insert(
			who,
			commitment,
			crate::Commitment {
				at: frame_system::Pallet::<T>::block_number(),
				timestamp: T::UnixTime::now().as_millis().saturated_into::<u64>(),
				deposit,
			},
		);
		Self::deposit_event(Event::Committed { who: who.clone(), commitment });
		Ok(())
	}

	pub(crate) fn do_reveal(
		who: &T::AccountId,
		records: BoundedVec<NewRecordOf<T>, T::MaxBatch>,
		salt: [u8; 32],
	) -> DispatchResult {
		let claims: Vec<_> = records.iter().map(|r| (r.hash, r.supersedes)).collect();
		let commitment = Self::commitment_of(who, &salt, &claims);
		let info = Commitments::<T>::get(who, commitment).ok_or(Error::<T>::CommitmentNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		// In the commitment's own block the reveal was as visible in the pool as the commitment.
		ensure!(now > info.at, Error::<T>::RevealTooEarly);
		ensure!(
			now <= info.at.saturating_add(T::RevealWindow::get()),
			Error::<T>::CommitmentExpired
		);
		let count = records.len().saturated_into::<u32>();
		Self::register_all(who, records, Some((info.at, info.timestamp)))?;
		Commitments::<T>::remove(who, commitment);
		Self::release_deposit(HoldReason::Commitment, who, info.deposit)?;
		Self::deposit_event(Event::Revealed { who: who.clone(), commitment, records: count });
		Ok(())
	}

	pub(crate) fn do_cancel_commitment(who: &T::AccountId, commitment: H256) -> DispatchResult {
		let info = Commitments::<T>::take(who, commitment).ok_or(Error::<T>::CommitmentNotFound)?;
		Self::release_deposit(HoldReason::Commitment, who, info.deposit)?;
		Self::deposit_event(Event::CommitmentCancelled { who: who.clone(), commitment });
		Ok(())
	}
}
