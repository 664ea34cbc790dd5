//! Appointing and dismissing regulators; the approval threshold.

use crate::{pallet::*, JurisdictionOf, NodeLicences, PeerIdOf, Regulator};
use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::SaturatedConversion as _;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};

impl<T: Config> Pallet<T> {
	/// `nodes` bounded: at most `MaxNodes` (`TooManyNodes`), each at most `MaxPeerIdLen` bytes
	/// (`PeerIdTooLong`).
	pub(crate) fn bounded_nodes(
		nodes: Vec<Vec<u8>>,
	) -> Result<BoundedVec<PeerIdOf<T>, T::MaxNodes>, DispatchError> {
		let nodes = nodes
			.into_iter()
			.map(|node| PeerIdOf::<T>::try_from(node).map_err(|_| Error::<T>::PeerIdTooLong))
			.collect::<Result<Vec<_>, _>>()?;
		Ok(nodes.try_into().map_err(|_| Error::<T>::TooManyNodes)?)
	}

	/// Appoints `who` and licenses its nodes in the network's register.
	pub(crate) fn do_appoint(
		who: T::AccountId,
		jurisdiction: JurisdictionOf<T>,
		nodes: BoundedVec<PeerIdOf<T>, T::MaxNodes>,
	) -> DispatchResult {
		for node in &nodes {
			// Only a node that entered the register through this licence leaves it with it.
			if T::NodeLicences::license(node, &who)? {
				LicensedBy::<T>::insert(node, &who);
			}
		}
		Self::insert_regulator(who, jurisdiction, nodes)
	}

	/// Records `who` as a regulator.
	pub(crate) fn insert_regulator(
		who: T::AccountId,
		jurisdiction: JurisdictionOf<T>,
		nodes: BoundedVec<PeerIdOf<T>, T::MaxNodes>,
	) -> DispatchResult {
		ensure!(!Regulators::<T>::contains_key(&who), Error::<T>::AlreadyRegulator);
		let count = RegulatorCount::<T>::get();
		ensure!(count < T::MaxRegulators::get(), Error::<T>::TooManyRegulators);
		Regulators::<T>::insert(
			&who,
			Regulator {
				jurisdiction,
				nodes,
				appointed_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		RegulatorCount::<T>::put(count.saturating_add(1));
		Self::deposit_event(Event::Appointed { who });
		Ok(())
	}

	pub(crate) fn do_dismiss(who: T::AccountId) -> DispatchResult {
		let regulator = Regulators::<T>::take(&who).ok_or(Error::<T>::NotRegulator)?;
		for node in &regulator.nodes {
			if LicensedBy::<T>::get(node).as_ref() != Some(&who) {
				// Licensed by someone else too (governance, for a validator): it stays.
				continue;
			}
			// Another regulator licensing the same node takes the licence over.
			let other = Regulators::<T>::iter()
				.take(T::MaxRegulators::get() as usize)
				.find(|(_, r)| r.nodes.contains(node))
				.map(|(other, _)| other);
			match other {
				Some(other) => LicensedBy::<T>::insert(node, other),
				None => {
					LicensedBy::<T>::remove(node);
					T::NodeLicences::revoke(node)?;
				},
			}
		}
		RegulatorCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::Dismissed { who });
		Ok(())
	}

	pub(crate) fn do_set_threshold(threshold: u32) -> DispatchResult {
		ensure!(
			threshold >= 1 && threshold <= T::MaxRegulators::get(),
			Error::<T>::InvalidThreshold
		);
		Threshold::<T>::put(threshold);
		Self::deposit_event(Event::ThresholdSet { threshold });
		Ok(())
	}

	/// Regulators whose jurisdiction covers `scope` (at most `MaxRegulators` reads).
	pub(crate) fn covering(scope: Option<crate::ScopeId>) -> u32 {
		Regulators::<T>::iter_values()
			.take(T::MaxRegulators::get() as usize)
			.filter(|r| r.jurisdiction.covers(scope))
			.count()
			.saturated_into::<u32>()
	}

	/// Whether `who` is a regulator covering `scope`.
	pub(crate) fn is_covering(who: &T::AccountId, scope: Option<crate::ScopeId>) -> bool {
		Regulators::<T>::get(who).is_some_and(|r| r.jurisdiction.covers(scope))
	}
}
