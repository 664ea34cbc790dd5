//! Benchmarks at worst case: `MaxRegulators` regulators to count, full approval lists.

use super::*;
use crate::{traits::BenchmarkHelper, Pallet as Regulatory};
use alloc::vec;
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect as _, Mutate as _},
		EnsureOrigin,
	},
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	sp_runtime::{traits::One, Saturating},
};

/// `MaxNodes` distinct peer ids of the longest length, for regulator `seed`: each one a new entry
/// in the network register.
fn max_nodes<T: Config>(seed: u32) -> BoundedVec<PeerIdOf<T>, T::MaxNodes> {
	let nodes = (0..T::MaxNodes::get())
		.map(|i| {
			let mut id = vec![7u8; T::MaxPeerIdLen::get() as usize];
			for (byte, tag) in id.iter_mut().zip(seed.to_le_bytes().into_iter().chain([i as u8])) {
				*byte = tag;
			}
			BoundedVec::truncate_from(id)
		})
		.collect::<Vec<_>>();
	BoundedVec::truncate_from(nodes)
}

/// Fills the regulator list (all chain-wide) and returns the new ones; the threshold becomes
/// their number, so every one of them has to approve.
fn regulators<T: Config>(spare: u32) -> Vec<T::AccountId> {
	let n =
		T::MaxRegulators::get().saturating_sub(RegulatorCount::<T>::get()).saturating_sub(spare);
	let all: Vec<T::AccountId> = (0..n).map(|i| account("regulator", i, 0)).collect();
	// Each may hold `MaxOpenMotions` motion deposits.
	let funds = T::MotionDeposit::get()
		.saturating_mul(T::MaxOpenMotions::get().saturating_add(1).into())
		.saturating_add(T::Currency::minimum_balance());
	for who in &all {
		T::Currency::set_balance(who, funds);
	}
	for (i, who) in all.iter().enumerate() {
		Regulatory::<T>::do_appoint(who.clone(), Jurisdiction::ChainWide, max_nodes::<T>(i as u32))
			.expect("room");
	}
	Threshold::<T>::put(n.max(1));
	all
}

fn reason<T: Config>() -> BoundedVec<u8, T::MaxReasonLen> {
	BoundedVec::truncate_from(vec![b'r'; T::MaxReasonLen::get() as usize])
}

fn freeze<T: Config>(who: &T::AccountId) -> ActionOf<T> {
	let until = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
	FirewallAction::Freeze { who: who.clone(), until }
}

/// The costliest action: pausing every call of the largest pausable pallet.
fn pause_all<T: Config>() -> ActionOf<T> {
	let until = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
	FirewallAction::Pause { pallet: T::BenchmarkHelper::pausable_pallet(), call: None, until }
}

/// The target of `action` as restricted as a new restriction still finds room for: its span list
/// full save one (each span short and long past, so none counts towards the cap) and a cool-off
/// that has ended, which taking the action tidies up.
fn restricted_before<T: Config>(action: &ActionOf<T>) {
	frame_system::Pallet::<T>::set_block_number(2u32.into());
	let target = action.target();
	let room = crate::MAX_RESTRICTION_SPANS.saturating_sub(1) as usize;
	let one = BlockNumberFor::<T>::one();
	RestrictionSpans::<T>::insert(&target, BoundedVec::truncate_from(vec![(one, one); room]));
	CoolOffs::<T>::insert(&target, one);
}

/// An open motion approved by all regulators but the last; returns it and the last regulator.
fn nearly_approved<T: Config>() -> (MotionId, T::AccountId) {
	let subject: T::AccountId = account("subject", 0, 0);
	nearly_approved_with::<T>(freeze::<T>(&subject))
}

/// An open motion for `action` approved by all regulators but the last.
fn nearly_approved_with<T: Config>(action: ActionOf<T>) -> (MotionId, T::AccountId) {
	let all = regulators::<T>(0);
	restricted_before::<T>(&action);
	let motion = Regulatory::<T>::do_propose(all[0].clone(), action, None, reason::<T>())
		.expect("valid motion");
	for who in all.iter().skip(1).take(all.len().saturating_sub(2)) {
		Regulatory::<T>::do_approve(who.clone(), motion).expect("approves");
	}
	(motion, all[all.len() - 1].clone())
}

fn executed_freeze<T: Config>() -> (ActionId, T::AccountId) {
	let (motion, last) = nearly_approved::<T>();
	Regulatory::<T>::do_approve(last, motion).expect("executes");
	let subject: T::AccountId = account("subject", 0, 0);
	(NextActionId::<T>::get().saturating_sub(1), subject)
}

#[benchmarks(where
	T: Send + Sync,
	<T as frame_system::Config>::RuntimeCall: From<frame_system::Call<T>>
		+ polkadot_sdk::sp_runtime::traits::Dispatchable<
			Info = polkadot_sdk::frame_support::dispatch::DispatchInfo,
			PostInfo = polkadot_sdk::frame_support::dispatch::PostDispatchInfo,
		>,
	<T as frame_system::Config>::RuntimeOrigin: From<RawOrigin<T::AccountId>>,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn appoint() -> Result<(), BenchmarkError> {
		regulators::<T>(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("new", 0, 0);
		let scopes = vec![1; T::MaxScopes::get() as usize];
		let nodes = max_nodes::<T>(u32::MAX).into_iter().map(|n| n.into_inner()).collect();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), JurisdictionInput::Scopes(scopes), nodes);
		assert!(Regulators::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn dismiss() -> Result<(), BenchmarkError> {
		let all = regulators::<T>(0);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, all[0].clone());
		assert!(!Regulators::<T>::contains_key(&all[0]));
		Ok(())
	}

	#[benchmark]
	fn set_threshold() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1);
		assert_eq!(Threshold::<T>::get(), 1);
		Ok(())
	}

	#[benchmark]
	fn propose() {
		let all = regulators::<T>(0);
		restricted_before::<T>(&pause_all::<T>());
		let motion = NextMotionId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(all[0].clone()),
			pause_all::<T>().into(),
			None,
			reason::<T>().into_inner(),
		);
		assert!(Motions::<T>::contains_key(motion));
	}

	#[benchmark]
	fn approve() {
		let (motion, last) = nearly_approved_with::<T>(pause_all::<T>());
		#[extrinsic_call]
		_(RawOrigin::Signed(last), motion);
		assert!(!Motions::<T>::contains_key(motion));
		assert_eq!(Pauses::<T>::count(), 1);
	}

	#[benchmark]
	fn act() -> Result<(), BenchmarkError> {
		// The costliest action, taken directly by a chain-wide vote.
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		restricted_before::<T>(&pause_all::<T>());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pause_all::<T>().into(), reason::<T>().into_inner());
		assert_eq!(Pauses::<T>::count(), 1);
		Ok(())
	}

	#[benchmark]
	fn close_motion() {
		let (motion, last) = nearly_approved::<T>();
		let expires = Motions::<T>::get(motion).map(|m| m.expires).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(expires.saturating_add(One::one()));
		#[extrinsic_call]
		_(RawOrigin::Signed(last), motion);
		assert!(!Motions::<T>::contains_key(motion));
	}

	#[benchmark]
	fn overturn() -> Result<(), BenchmarkError> {
		// The costliest undo: lifting a whole-pallet pause.
		let (motion, last) = nearly_approved_with::<T>(pause_all::<T>());
		Regulatory::<T>::do_approve(last, motion).expect("executes");
		let action = NextActionId::<T>::get().saturating_sub(1);
		let origin =
			T::OverturnOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, action);
		assert_eq!(Pauses::<T>::count(), 0);
		Ok(())
	}

	#[benchmark]
	fn shorten_cool_off() -> Result<(), BenchmarkError> {
		let (action, subject) = executed_freeze::<T>();
		let origin =
			T::OverturnOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Regulatory::<T>::overturn(origin, action).map_err(|_| BenchmarkError::Weightless)?;
		let target = ActionTarget::Account(subject);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone().into(), None);
		assert!(!CoolOffs::<T>::contains_key(&target));
		Ok(())
	}

	#[benchmark]
	fn clear_expired_freeze() {
		let (_, subject) = executed_freeze::<T>();
		let until: BlockNumberFor<T> =
			Freezes::<T>::get(&subject).map(|f| f.until).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(until.saturating_add(One::one()));
		let caller: T::AccountId = account("caller", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), subject.clone());
		assert!(!Freezes::<T>::contains_key(&subject));
	}

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut validators = Validators::<T>::get();
		let room = T::MaxValidators::get().saturating_sub(validators.len() as u32 + 1);
		for i in 0..room {
			let _ = validators.try_push(account("validator", i, 0));
		}
		Validators::<T>::put(validators);
		let who: T::AccountId = account("new", 0, 0);
		T::BenchmarkHelper::register_keys(&who);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut validators = Validators::<T>::get();
		let room = T::MaxValidators::get().saturating_sub(validators.len() as u32);
		for i in 0..room {
			let _ = validators.try_push(account("validator", i, 0));
		}
		// The last one: the longest search.
		let who = validators.last().cloned().ok_or(BenchmarkError::Weightless)?;
		Validators::<T>::put(validators);
		MinValidators::<T>::put(1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1);
		assert_eq!(MinValidators::<T>::get(), 1);
		Ok(())
	}

	/// `on_initialize` once a pause is due: every pause in force is looked at, `p` of them
	/// (`p = 0` bounds a block where none is due).
	#[benchmark]
	fn expire_pauses(p: Linear<0, { T::MaxPauses::get() }>) {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		for i in 0..p {
			let name = CallName::truncate_from(alloc::format!("pallet{i}").into_bytes());
			Pauses::<T>::insert(
				(name, None::<CallName>),
				PauseInfo { until: One::one(), action: i },
			);
		}
		NextPauseExpiry::<T>::put(BlockNumberFor::<T>::one());
		#[block]
		{
			Regulatory::<T>::expire_pauses(now);
		}
		assert_eq!(Pauses::<T>::count(), 0);
	}

	// A session change at its worst: a changed validator set of `v` members, each with keys, is
	// queued while the one queued before takes over (Aura and GRANDPA change authorities).
	#[benchmark]
	fn rotate_session(v: Linear<1, { T::MaxValidators::get() }>) {
		use crate::traits::SessionRotation;
		let validators: Vec<T::AccountId> = (0..v).map(|i| account("validator", i, 0)).collect();
		for who in &validators {
			T::BenchmarkHelper::register_keys(who);
		}
		Validators::<T>::put(BoundedVec::truncate_from(validators));
		ValidatorsChanged::<T>::put(true);
		T::Sessions::rotate();
		ValidatorsChanged::<T>::put(true);
		#[block]
		{
			T::Sessions::rotate();
		}
		assert!(!ValidatorsChanged::<T>::get());
	}

	// The firewall's check on a transaction of an account that is not frozen: it reads the
	// account's freeze and lets the transaction through.
	#[benchmark]
	fn check_firewall() -> Result<(), BenchmarkError> {
		use polkadot_sdk::{
			frame_support::dispatch::DispatchInfo, sp_runtime::traits::DispatchTransaction,
		};
		let caller: T::AccountId = account("caller", 0, 0);
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::remark { remark: vec![] }.into();
		let info = DispatchInfo::default();
		#[block]
		{
			crate::CheckFirewall::<T>::new()
				.test_run(RawOrigin::Signed(caller).into(), &call, &info, 0, 0, |_| Ok(().into()))
				.map_err(|_| BenchmarkError::Stop("firewall refused"))?
				.map_err(|_| BenchmarkError::Stop("call failed"))?;
		}
		Ok(())
	}

	impl_benchmark_test_suite!(Regulatory, crate::mock::ExtBuilder::bare(), crate::mock::Test);
}
