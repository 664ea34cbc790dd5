//! Verified stakeholders: registrars appointed by the chain-wide scope attest a person's
//! sector and stake in a scope; a scope may admit only attested people, one account per
//! person.

use crate::{pallet::*, Attestation, ScopeId, Sector, Stake};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
};

/// What a registrar attests about an account.
pub struct Claim<BlockNumber> {
	/// Who the person is.
	pub person: H256,
	/// Its sector.
	pub sector: Sector,
	/// Its stake.
	pub stake: Stake,
	/// Hash of the evidence examined.
	pub evidence: H256,
	/// First block it no longer counts at.
	pub expires: BlockNumber,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_registrar(scope: ScopeId, registrar: T::AccountId) -> DispatchResult {
		ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
		ensure!(!Registrars::<T>::contains_key(scope, &registrar), Error::<T>::AlreadyRegistrar);
		let count = RegistrarCount::<T>::get(scope);
		ensure!(count < T::MaxRegistrarsPerScope::get(), Error::<T>::TooManyRegistrars);
		Registrars::<T>::insert(scope, &registrar, ());
		RegistrarCount::<T>::insert(scope, count.saturating_add(1));
		Self::deposit_event(Event::RegistrarAdded { scope, registrar });
		Ok(())
	}

	pub(crate) fn do_remove_registrar(scope: ScopeId, registrar: T::AccountId) -> DispatchResult {
		ensure!(Registrars::<T>::take(scope, &registrar).is_some(), Error::<T>::RegistrarNotFound);
		RegistrarCount::<T>::mutate_exists(scope, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		Self::deposit_event(Event::RegistrarRemoved { scope, registrar });
		Ok(())
	}

	/// The most stake a registrar may attest in `scope`.
	pub fn stake_cap(scope: ScopeId) -> crate::Stake {
		let max = T::MaxAttestedStake::get();
		StakeCaps::<T>::get(scope).map_or(max, |cap| cap.min(max))
	}

	pub(crate) fn do_set_stake_cap(scope: ScopeId, cap: Option<crate::Stake>) -> DispatchResult {
		ensure!(Scopes::<T>::contains_key(scope), Error::<T>::ScopeNotFound);
		match cap {
			Some(cap) => {
				ensure!(cap > 0 && cap <= T::MaxAttestedStake::get(), Error::<T>::InvalidPolicy);
				StakeCaps::<T>::insert(scope, cap);
			},
			None => StakeCaps::<T>::remove(scope),
		}
		Self::deposit_event(Event::StakeCapSet { scope, cap });
		Ok(())
	}

	pub(crate) fn do_attest(
		registrar: T::AccountId,
		scope: ScopeId,
		who: T::AccountId,
		claim: Claim<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(Registrars::<T>::contains_key(scope, &registrar), Error::<T>::NotRegistrar);
		ensure!(
			claim.expires > frame_system::Pallet::<T>::block_number(),
			Error::<T>::InvalidExpiry
		);
		ensure!(claim.stake <= Self::stake_cap(scope), Error::<T>::StakeTooLarge);
		if let Some(holder) = AttestedPersons::<T>::get(scope, claim.person) {
			ensure!(holder == who, Error::<T>::PersonAlreadyAttested);
		}
		if let Some(previous) = Attestations::<T>::get(scope, &who) {
			AttestedPersons::<T>::remove(scope, previous.person);
		}
		AttestedPersons::<T>::insert(scope, claim.person, &who);
		Attestations::<T>::insert(
			scope,
			&who,
			Attestation {
				registrar: registrar.clone(),
				person: claim.person,
				sector: claim.sector,
				stake: claim.stake,
				evidence: claim.evidence,
				expires: claim.expires,
			},
		);
		Self::deposit_event(Event::Attested { scope, who, registrar, expires: claim.expires });
		Ok(())
	}

	pub(crate) fn do_revoke_attestation(
		registrar: &T::AccountId,
		scope: ScopeId,
		who: &T::AccountId,
	) -> DispatchResult {
		ensure!(Registrars::<T>::contains_key(scope, registrar), Error::<T>::NotRegistrar);
		let attestation =
			Attestations::<T>::get(scope, who).ok_or(Error::<T>::AttestationNotFound)?;
		ensure!(attestation.registrar == *registrar, Error::<T>::NotAuthorized);
		Attestations::<T>::remove(scope, who);
		AttestedPersons::<T>::remove(scope, attestation.person);
		Self::deposit_event(Event::AttestationRevoked { scope, who: who.clone() });
		// The person is free to be attested for another account only once this one no longer
		// holds a membership the attestation stood behind.
		if Policies::<T>::get(scope).attestation_required && Self::membership_of(who, scope).is_ok()
		{
			Self::do_remove_from_scope(who, scope)?;
		}
		Ok(())
	}

	/// `who`'s attestation in `scope`, if it still counts.
	pub(crate) fn valid_attestation(
		who: &T::AccountId,
		scope: ScopeId,
	) -> Result<crate::AttestationOf<T>, DispatchError> {
		let attestation =
			Attestations::<T>::get(scope, who).ok_or(Error::<T>::AttestationNotFound)?;
		ensure!(
			attestation.expires > frame_system::Pallet::<T>::block_number(),
			Error::<T>::AttestationExpired
		);
		Ok(attestation)
	}

	/// Admission to a scope that requires attestations: the attestation must count and say
	/// the same sector and stake.
	pub(crate) fn ensure_attested(
		who: &T::AccountId,
		scope: ScopeId,
		sector: Sector,
		stake: Stake,
	) -> DispatchResult {
		let attestation = Self::valid_attestation(who, scope)?;
		ensure!(
			attestation.sector == sector && attestation.stake == stake,
			Error::<T>::AttestationMismatch
		);
		Ok(())
	}

	pub(crate) fn do_join(who: &T::AccountId, scope: ScopeId) -> DispatchResult {
		let attestation = Self::valid_attestation(who, scope)?;
		Self::do_admit(who, attestation.sector, scope, attestation.stake)
	}

	pub(crate) fn do_remove_unattested(scope: ScopeId, who: &T::AccountId) -> DispatchResult {
		ensure!(Policies::<T>::get(scope).attestation_required, Error::<T>::AttestationNotRequired);
		Self::membership_of(who, scope)?;
		ensure!(Self::valid_attestation(who, scope).is_err(), Error::<T>::AttestationStillValid);
		Self::do_remove_from_scope(who, scope)
	}
}
