//! Benchmarks of the network register (`pallet-node-authorization`, which ships none), each at
//! its worst path: a register one short of full, peer ids of the longest length. Governance
//! uses the four well-known-node calls; the claim and connection calls are refused by the
//! licensed network's call filter and measured so that no call of the runtime goes unmeasured.

use alloc::{collections::BTreeSet, vec, vec::Vec};
use pallet_node_authorization::*;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{EnsureOrigin, Get},
	frame_system::RawOrigin,
	pallet_node_authorization,
	sp_core::OpaquePeerId,
	sp_runtime::traits::StaticLookup,
};

/// The benchmarked pallet, under its own name in the benchmark list.
pub struct Pallet<T: Config>(pallet_node_authorization::Pallet<T>);
/// What the benchmarks need of the runtime: the pallet's own configuration.
pub trait Config: pallet_node_authorization::Config {}
impl<T: pallet_node_authorization::Config> Config for T {}

/// Peer id `i`, of the longest length the pallet accepts.
fn peer<T: Config>(i: u32) -> OpaquePeerId {
	let mut id = vec![0xAB; T::MaxPeerIdLength::get().saturating_sub(1) as usize];
	for (byte, tag) in id.iter_mut().zip(i.to_le_bytes()) {
		*byte = tag;
	}
	OpaquePeerId(id)
}

/// The register one short of full (or full, `spare = 0`); returns its nodes.
fn register<T: Config>(spare: u32) -> Vec<OpaquePeerId> {
	let owner: T::AccountId = account("owner", 0, 0);
	let nodes: Vec<(OpaquePeerId, T::AccountId)> = (0..T::MaxWellKnownNodes::get()
		.saturating_sub(spare))
		.map(|i| (peer::<T>(i), owner.clone()))
		.collect();
	WellKnownNodes::<T>::put(nodes.iter().map(|(n, _)| n.clone()).collect::<BTreeSet<_>>());
	for (node, who) in &nodes {
		Owners::<T>::insert(node, who);
	}
	nodes.into_iter().map(|(n, _)| n).collect()
}

/// A claimed node of `who` with `MaxWellKnownNodes` additional connections.
fn claimed<T: Config>(who: &T::AccountId) -> OpaquePeerId {
	let node = peer::<T>(u32::MAX);
	Owners::<T>::insert(&node, who);
	let connections: BTreeSet<_> = (0..T::MaxWellKnownNodes::get()).map(peer::<T>).collect();
	AdditionalConnections::<T>::insert(&node, connections);
	node
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_well_known_node() -> Result<(), BenchmarkError> {
		register::<T>(1);
		let origin =
			T::AddOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let node = peer::<T>(u32::MAX);
		let owner = T::Lookup::unlookup(account("new", 0, 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone(), owner);
		assert!(WellKnownNodes::<T>::get().contains(&node));
		Ok(())
	}

	#[benchmark]
	fn remove_well_known_node() -> Result<(), BenchmarkError> {
		let nodes = register::<T>(0);
		let node = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		AdditionalConnections::<T>::insert(&node, nodes.iter().cloned().collect::<BTreeSet<_>>());
		let origin =
			T::RemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone());
		assert!(!WellKnownNodes::<T>::get().contains(&node));
		Ok(())
	}

	#[benchmark]
	fn swap_well_known_node() -> Result<(), BenchmarkError> {
		let nodes = register::<T>(1);
		let remove = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		AdditionalConnections::<T>::insert(&remove, nodes.iter().cloned().collect::<BTreeSet<_>>());
		let add = peer::<T>(u32::MAX);
		let origin =
			T::SwapOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, remove, add.clone());
		assert!(WellKnownNodes::<T>::get().contains(&add));
		Ok(())
	}

	#[benchmark]
	fn reset_well_known_nodes() -> Result<(), BenchmarkError> {
		register::<T>(1);
		let owner: T::AccountId = account("new", 0, 0);
		let nodes: Vec<_> = (0..T::MaxWellKnownNodes::get().saturating_sub(1))
			.map(|i| (peer::<T>(i.saturating_add(1_000)), owner.clone()))
			.collect();
		let origin =
			T::ResetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, nodes);
		assert!(WellKnownNodes::<T>::get().contains(&peer::<T>(1_000)));
		Ok(())
	}

	#[benchmark]
	fn claim_node() {
		let who: T::AccountId = account("claimant", 0, 0);
		let node = peer::<T>(u32::MAX);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), node.clone());
		assert_eq!(Owners::<T>::get(&node), Some(who));
	}

	#[benchmark]
	fn remove_claim() {
		register::<T>(1);
		let who: T::AccountId = account("claimant", 0, 0);
		let node = claimed::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone());
		assert!(!Owners::<T>::contains_key(&node));
	}

	#[benchmark]
	fn transfer_node() {
		let who: T::AccountId = account("claimant", 0, 0);
		let node = claimed::<T>(&who);
		let to: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), T::Lookup::unlookup(to.clone()));
		assert_eq!(Owners::<T>::get(&node), Some(to));
	}

	#[benchmark]
	fn add_connections() {
		let who: T::AccountId = account("claimant", 0, 0);
		let node = claimed::<T>(&who);
		AdditionalConnections::<T>::remove(&node);
		let connections: Vec<_> = (0..T::MaxWellKnownNodes::get()).map(peer::<T>).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), connections);
		assert!(!AdditionalConnections::<T>::get(&node).is_empty());
	}

	#[benchmark]
	fn remove_connections() {
		let who: T::AccountId = account("claimant", 0, 0);
		let node = claimed::<T>(&who);
		let connections: Vec<_> = (0..T::MaxWellKnownNodes::get()).map(peer::<T>).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), connections);
		assert!(AdditionalConnections::<T>::get(&node).is_empty());
	}
}
