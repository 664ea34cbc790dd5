//! Benchmarks: each call at its worst case; components where work grows.

use super::*;
use crate::Pallet as StakeholderVoting;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Mutate, EnsureOrigin, EnsureOriginWithArg},
};
use frame_system::{
	pallet_prelude::{BlockNumberFor, OriginFor},
	RawOrigin,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	sp_core::H256,
	sp_runtime::{traits::One, Perbill, Saturating},
};

fn rule<T: Config>() -> VotingRule<BlockNumberFor<T>> {
	VotingRule {
		weighting: Weighting::Hybrid { headcount_share: Perbill::from_percent(50) },
		approval: Perbill::from_percent(50),
		quorum: Perbill::zero(),
		sector_balance: true,
		voting_period: T::MinVotingPeriod::get(),
	}
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = T::ProposalDeposit::get()
		.saturating_add(T::ApplicationDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

fn new_scope<T: Config>() -> ScopeId {
	let name = BoundedVec::truncate_from(vec![b'x'; T::MaxNameLen::get() as usize]);
	StakeholderVoting::<T>::do_create_scope(name, rule::<T>()).expect("scope ids are free")
}

/// A stakeholder in `MaxScopesPerStakeholder - spare` fresh scopes; returns it and the scopes.
fn member_of_many<T: Config>(spare: u32) -> (T::AccountId, Vec<ScopeId>) {
	let who = funded::<T>("member", 0);
	let n = T::MaxScopesPerStakeholder::get().saturating_sub(spare);
	let scopes: Vec<ScopeId> = (0..n).map(|_| new_scope::<T>()).collect();
	for scope in &scopes {
		StakeholderVoting::<T>::do_admit(&who, Sector::Market, *scope, 1_000).expect("room");
	}
	(who, scopes)
}

fn call_of_max_len<T: Config>() -> <T as Config>::RuntimeCall {
	// A remark whose encoding stays within MaxCallLen.
	let len = T::MaxCallLen::get().saturating_sub(16) as usize;
	frame_system::Call::<T>::remark { remark: vec![0u8; len] }.into()
}

/// A scope with one stakeholder per sector, a full end bucket save one, and an ongoing proposal
/// ending in it with a maximal call. Returns (proposer, scope, index).
fn ongoing_proposal<T: Config>() -> (T::AccountId, ScopeId, ProposalIndex) {
	ongoing_proposal_delegated::<T>(0, None)
}

/// As [`ongoing_proposal`], with `delegators` more members delegating to the proposer, and
/// the scope's policy set first if given.
fn ongoing_proposal_delegated<T: Config>(
	delegators: u32,
	policy: Option<ScopePolicy<BlockNumberFor<T>>>,
) -> (T::AccountId, ScopeId, ProposalIndex) {
	frame_system::Pallet::<T>::set_block_number(One::one());
	let scope = new_scope::<T>();
	let proposer = funded::<T>("proposer", 0);
	for (i, sector) in Sector::ALL.into_iter().enumerate() {
		let who = if i == 0 { proposer.clone() } else { funded::<T>("voter", i as u32) };
		StakeholderVoting::<T>::do_admit(&who, sector, scope, 100).expect("fresh");
	}
	for i in 0..delegators {
		let who = funded::<T>("delegator", i);
		StakeholderVoting::<T>::do_admit(&who, Sector::Community, scope, 100).expect("fresh");
		StakeholderVoting::<T>::do_delegate(&who, scope, proposer.clone(), None).expect("room");
	}
	if let Some(policy) = policy {
		StakeholderVoting::<T>::do_set_policy(scope, policy).expect("valid policy");
	}
	frame_system::Pallet::<T>::set_block_number(2u32.into());
	let end = frame_system::Pallet::<T>::block_number().saturating_add(T::MinVotingPeriod::get());
	let filler: Vec<ProposalIndex> = (0..T::MaxProposalsEndingPerBlock::get().saturating_sub(1))
		.map(|i| 1_000_000 + i)
		.collect();
	ProposalsEndingAt::<T>::insert(end, BoundedVec::truncate_from(filler));
	let index = StakeholderVoting::<T>::do_propose(
		proposer.clone(),
		scope,
		BoundedVec::truncate_from(vec![b't'; T::MaxTitleLen::get() as usize]),
		H256::zero(),
		Some(call_of_max_len::<T>()),
	)
	.expect("valid proposal");
	(proposer, scope, index)
}

/// A fresh scope with a registrar (and, if `required`, admission by attestation only) in which
/// the registrar attests `who` as a market member with stake 10 until `expires`. Returns the
/// scope and the registrar.
fn attested_scope<T: Config>(
	who: &T::AccountId,
	required: bool,
	expires: BlockNumberFor<T>,
) -> Result<(ScopeId, T::AccountId), BenchmarkError> {
	let scope = new_scope::<T>();
	let registrar: T::AccountId = account("registrar", 0, 0);
	StakeholderVoting::<T>::do_add_registrar(scope, registrar.clone())?;
	if required {
		StakeholderVoting::<T>::do_set_policy(
			scope,
			ScopePolicy { secret_ballot: None, attestation_required: true },
		)?;
	}
	StakeholderVoting::<T>::do_attest(
		registrar.clone(),
		scope,
		who.clone(),
		attestations::Claim {
			person: H256::repeat_byte(1),
			sector: Sector::Market,
			stake: 10,
			evidence: H256::repeat_byte(9),
			expires,
		},
	)?;
	Ok((scope, registrar))
}

/// The delegation benchmarks' worst path: a proposer with a full list of delegators save one,
/// and a member (the mover) delegating to another (earlier). Returns proposer, scope, mover and
/// earlier.
fn mover<T: Config>() -> Result<(T::AccountId, ScopeId, T::AccountId, T::AccountId), BenchmarkError>
{
	let (proposer, scope, _) =
		ongoing_proposal_delegated::<T>(T::MaxDelegators::get().saturating_sub(1), None);
	let who = funded::<T>("mover", 0);
	let earlier = funded::<T>("earlier", 0);
	StakeholderVoting::<T>::do_admit(&who, Sector::Market, scope, 5)?;
	StakeholderVoting::<T>::do_admit(&earlier, Sector::Market, scope, 5)?;
	StakeholderVoting::<T>::do_delegate(&who, scope, earlier.clone(), None)?;
	Ok((proposer, scope, who, earlier))
}

/// Fills `who`'s stake history in `scope` and its status history to one short of the bound:
/// the longest histories a change still has room in.
fn full_history<T: Config>(who: &T::AccountId, scope: ScopeId) {
	let now = frame_system::Pallet::<T>::block_number();
	let room = MAX_RECENT_CHANGES.saturating_sub(1) as usize;
	StakeChanges::<T>::insert(who, scope, BoundedVec::truncate_from(vec![(now, 1); room]));
	StatusChanges::<T>::insert(
		who,
		BoundedVec::truncate_from(vec![(now, StakeholderStatus::Active); room]),
	);
}

/// The most work ending `who`'s delegations in `scope` takes: a pending offer of its own (made
/// before anyone delegated to it) and `MaxDelegators` members delegating to it, each holding a
/// deposit. The delegators are the same accounts in every scope.
fn delegated_to<T: Config>(who: &T::AccountId, scope: ScopeId) -> Result<(), BenchmarkError> {
	let other = funded::<T>("other", 0);
	StakeholderVoting::<T>::do_admit(&other, Sector::Government, scope, 1)?;
	StakeholderVoting::<T>::do_offer_delegation(who, scope, other, None)?;
	for i in 0..T::MaxDelegators::get() {
		let delegator = funded::<T>("delegator", i);
		StakeholderVoting::<T>::do_admit(&delegator, Sector::Community, scope, 1)?;
		StakeholderVoting::<T>::do_delegate(&delegator, scope, who.clone(), None)?;
	}
	full_history::<T>(who, scope);
	Ok(())
}

/// [`delegated_to`] in a scope that admits by attestation only: the delegators are admitted as
/// if it did not, which the benchmark's state may do.
fn delegated_to_attested<T: Config>(
	who: &T::AccountId,
	scope: ScopeId,
) -> Result<(), BenchmarkError> {
	Policies::<T>::mutate(scope, |p| p.attestation_required = false);
	delegated_to::<T>(who, scope)?;
	Policies::<T>::mutate(scope, |p| p.attestation_required = true);
	Ok(())
}

/// Sets a confirm period on proposal `index`: votes and reveals then track when it started
/// passing.
fn with_confirm_period<T: Config>(index: ProposalIndex) {
	ProposalSafeguards::<T>::mutate(index, |s| s.confirm_period = One::one());
}

#[benchmarks(where T::Preimages: frame_support::traits::StorePreimage)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_scope() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let name = vec![b'x'; T::MaxNameLen::get() as usize];
		let scope = NextScopeId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name, rule::<T>());
		assert!(Scopes::<T>::contains_key(scope));
		Ok(())
	}

	#[benchmark]
	fn set_rule() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		let mut new_rule = rule::<T>();
		new_rule.sector_balance = false;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, scope, new_rule);
		assert_eq!(Scopes::<T>::get(scope).map(|s| s.rule), Some(new_rule));
		Ok(())
	}

	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		let (who, _) = member_of_many::<T>(1);
		let scope = new_scope::<T>();
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), Sector::Market, scope, 7);
		assert!(Stakeholders::<T>::get(&who).is_some_and(|s| s.membership(scope).is_some()));
		Ok(())
	}

	#[benchmark]
	fn set_stake() -> Result<(), BenchmarkError> {
		let (who, scopes) = member_of_many::<T>(0);
		let scope = *scopes.last().ok_or(BenchmarkError::Weightless)?;
		full_history::<T>(&who, scope);
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), scope, 7);
		assert_eq!(
			Stakeholders::<T>::get(&who).and_then(|s| s.membership(scope).map(|m| m.stake)),
			Some(7)
		);
		Ok(())
	}

	#[benchmark]
	fn remove_from_scope() -> Result<(), BenchmarkError> {
		let (who, scopes) = member_of_many::<T>(0);
		let scope = *scopes.first().ok_or(BenchmarkError::Weightless)?;
		delegated_to::<T>(&who, scope)?;
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), scope);
		assert!(Delegators::<T>::get(&who, scope).is_empty());
		assert!(Stakeholders::<T>::get(&who).is_none_or(|s| s.membership(scope).is_none()));
		Ok(())
	}

	#[benchmark]
	fn leave() -> Result<(), BenchmarkError> {
		// The same path as `remove_from_scope`, by the member itself.
		let (who, scopes) = member_of_many::<T>(0);
		let scope = *scopes.first().ok_or(BenchmarkError::Weightless)?;
		delegated_to::<T>(&who, scope)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), scope);
		assert!(Stakeholders::<T>::get(&who).is_none_or(|s| s.membership(scope).is_none()));
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let (who, scopes) = member_of_many::<T>(0);
		full_history::<T>(&who, scopes[0]);
		let origin = T::AdmitOrigin::try_successful_origin(&CHAIN_WIDE_SCOPE)
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert_eq!(
			Stakeholders::<T>::get(&who).map(|s| s.status),
			Some(StakeholderStatus::Suspended)
		);
		Ok(())
	}

	#[benchmark]
	fn resume() -> Result<(), BenchmarkError> {
		let (who, scopes) = member_of_many::<T>(0);
		StakeholderVoting::<T>::do_suspend(&who)?;
		let room = MAX_RECENT_CHANGES.saturating_sub(1) as usize;
		let now = frame_system::Pallet::<T>::block_number();
		full_history::<T>(&who, scopes[0]);
		StatusChanges::<T>::insert(
			&who,
			BoundedVec::truncate_from(vec![(now, StakeholderStatus::Suspended); room]),
		);
		let origin = T::AdmitOrigin::try_successful_origin(&CHAIN_WIDE_SCOPE)
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert_eq!(Stakeholders::<T>::get(&who).map(|s| s.status), Some(StakeholderStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn remove() -> Result<(), BenchmarkError> {
		// Worst path: delegations to end in every scope of a member of the most scopes.
		let (who, scopes) = member_of_many::<T>(0);
		for scope in &scopes {
			delegated_to::<T>(&who, *scope)?;
		}
		let origin = T::AdmitOrigin::try_successful_origin(&CHAIN_WIDE_SCOPE)
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Stakeholders::<T>::get(&who).is_none());
		Ok(())
	}

	#[benchmark]
	fn apply() {
		let (who, _) = member_of_many::<T>(1);
		let scope = new_scope::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), Sector::Market, scope, 7);
		assert!(Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn approve_application() -> Result<(), BenchmarkError> {
		let (who, _) = member_of_many::<T>(1);
		let scope = new_scope::<T>();
		StakeholderVoting::<T>::do_apply(&who, Sector::Market, scope, 7)?;
		let origin = T::AdmitOrigin::try_successful_origin(&scope)
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), 5);
		assert!(!Applications::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let who = funded::<T>("applicant", 0);
		let scope = new_scope::<T>();
		StakeholderVoting::<T>::do_apply(&who, Sector::Market, scope, 7)?;
		let origin = T::AdmitOrigin::try_successful_origin(&scope)
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), true);
		assert!(!Applications::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn withdraw_application() -> Result<(), BenchmarkError> {
		let who = funded::<T>("applicant", 0);
		let scope = new_scope::<T>();
		StakeholderVoting::<T>::do_apply(&who, Sector::Market, scope, 7)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Applications::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn propose() -> Result<(), BenchmarkError> {
		let (proposer, scope, _) = ongoing_proposal::<T>();
		// The worst path: the end block's queue and the next ones are full, so the proposal
		// spills to the last block looked at, which has one place left.
		frame_system::Pallet::<T>::set_block_number(3u32.into());
		let mut end =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MinVotingPeriod::get());
		for block in 0..crate::closing::MAX_SPILL {
			let room = if block + 1 == crate::closing::MAX_SPILL { 1 } else { 0 };
			let filler: Vec<ProposalIndex> = (0..T::MaxProposalsEndingPerBlock::get()
				.saturating_sub(room))
				.map(|i| 2_000_000 + block * 1_000 + i)
				.collect();
			ProposalsEndingAt::<T>::insert(end, BoundedVec::truncate_from(filler));
			end = end.saturating_add(One::one());
		}
		let index = ProposalCount::<T>::get();
		let title = vec![b't'; T::MaxTitleLen::get() as usize];
		// A noted description, which the proposal pins.
		let description = vec![b'd'; T::MaxDescriptionLen::get() as usize];
		let description_hash =
			<T::Preimages as frame_support::traits::StorePreimage>::note(description.into())
				.map_err(|_| BenchmarkError::Stop("description not noted"))?;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(proposer),
			scope,
			title,
			description_hash,
			Some(Box::new(call_of_max_len::<T>())),
		);
		assert!(Proposals::<T>::contains_key(index));
		assert!(PinnedDescriptions::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn vote(d: Linear<0, { T::MaxDelegators::get() }>) -> Result<(), BenchmarkError> {
		let (proposer, scope, index) = ongoing_proposal_delegated::<T>(d, None);
		// A first vote is the heavier path: it also enters the account's index of votes, and
		// so does each delegated one. Stake and status histories are read for each voter, and
		// a confirm period makes the vote track whether the proposal passes.
		full_history::<T>(&proposer, scope);
		for i in 0..d {
			full_history::<T>(&account("delegator", i, 0), scope);
		}
		with_confirm_period::<T>(index);
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer.clone()), index, VoteChoice::Aye);
		assert_eq!(Votes::<T>::get(index, &proposer).map(|v| v.choice), Some(VoteChoice::Aye));
		assert_eq!(Votes::<T>::iter_prefix(index).count(), d as usize + 1);
		Ok(())
	}

	#[benchmark]
	fn delegate() -> Result<(), BenchmarkError> {
		// Worst path: an offer replacing an earlier one, from a member with a delegation.
		let (proposer, scope, who, earlier) = mover::<T>()?;
		StakeholderVoting::<T>::do_offer_delegation(&who, scope, earlier, None)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), scope, proposer.clone(), None);
		assert_eq!(DelegationOffers::<T>::get(&who, scope).map(|d| d.delegate), Some(proposer));
		Ok(())
	}

	#[benchmark]
	fn accept_delegation() -> Result<(), BenchmarkError> {
		// Worst path: moving from an earlier delegate, to one with a full list save one.
		let (proposer, scope, who, _) = mover::<T>()?;
		StakeholderVoting::<T>::do_offer_delegation(&who, scope, proposer.clone(), None)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer.clone()), scope, who.clone());
		assert_eq!(Delegations::<T>::get(&who, scope).map(|d| d.delegate), Some(proposer));
		assert!(!DelegationOffers::<T>::contains_key(&who, scope));
		Ok(())
	}

	#[benchmark]
	fn reject_delegation() -> Result<(), BenchmarkError> {
		// Worst path: no offer to refuse, an accepted delegation ended in a full list.
		let (proposer, scope, _) = ongoing_proposal_delegated::<T>(T::MaxDelegators::get(), None);
		let who: T::AccountId = account("delegator", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer.clone()), scope, who.clone());
		assert!(!Delegations::<T>::contains_key(&who, scope));
		assert!(!Delegators::<T>::get(&proposer, scope).contains(&who));
		Ok(())
	}

	#[benchmark]
	fn undelegate() -> Result<(), BenchmarkError> {
		let (proposer, scope, _) = ongoing_proposal_delegated::<T>(T::MaxDelegators::get(), None);
		let who: T::AccountId = account("delegator", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), scope);
		assert!(!Delegations::<T>::contains_key(&who, scope));
		assert!(!Delegators::<T>::get(&proposer, scope).contains(&who));
		Ok(())
	}

	#[benchmark]
	fn set_policy() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		let policy = ScopePolicy {
			secret_ballot: Some(T::MinVotingPeriod::get()),
			attestation_required: true,
		};
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, scope, policy);
		assert_eq!(Policies::<T>::get(scope), policy);
		Ok(())
	}

	#[benchmark]
	fn commit_vote() -> Result<(), BenchmarkError> {
		let policy = ScopePolicy {
			secret_ballot: Some(T::MinVotingPeriod::get()),
			attestation_required: false,
		};
		let (proposer, scope, index) = ongoing_proposal_delegated::<T>(0, Some(policy));
		full_history::<T>(&proposer, scope);
		let commitment = commitment_of(index, &proposer, VoteChoice::Aye, &[7; 32]);
		// Measured with the check that makes a first commitment free of fees, which the
		// transaction runs before the call.
		let origin: OriginFor<T> = RawOrigin::Signed(proposer.clone()).into();
		#[block]
		{
			assert!(StakeholderVoting::<T>::is_free_commitment(&origin, index));
			StakeholderVoting::<T>::commit_vote(origin, index, commitment)?;
		}
		assert_eq!(Commitments::<T>::get(index, &proposer), Some(commitment));
		Ok(())
	}

	#[benchmark]
	fn reveal_vote() -> Result<(), BenchmarkError> {
		let policy = ScopePolicy {
			secret_ballot: Some(T::MinVotingPeriod::get()),
			attestation_required: false,
		};
		let (proposer, scope, index) = ongoing_proposal_delegated::<T>(0, Some(policy));
		full_history::<T>(&proposer, scope);
		with_confirm_period::<T>(index);
		let commitment = commitment_of(index, &proposer, VoteChoice::Aye, &[7; 32]);
		StakeholderVoting::<T>::do_commit_vote(&proposer, index, commitment)?;
		let reveal_from = SecretBallots::<T>::get(index)
			.map(|b| b.reveal_from)
			.ok_or(BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::set_block_number(reveal_from);
		// Measured with the check that makes the reveal free of fees, which the transaction
		// runs before the call.
		let origin: OriginFor<T> = RawOrigin::Signed(proposer.clone()).into();
		#[block]
		{
			assert!(StakeholderVoting::<T>::is_free_reveal(
				&origin,
				index,
				VoteChoice::Aye,
				&[7; 32]
			));
			StakeholderVoting::<T>::reveal_vote(origin, index, VoteChoice::Aye, [7; 32])?;
		}
		assert!(Votes::<T>::contains_key(index, &proposer));
		Ok(())
	}

	#[benchmark]
	fn add_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		let registrar: T::AccountId = account("registrar", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, scope, registrar.clone());
		assert!(Registrars::<T>::contains_key(scope, &registrar));
		Ok(())
	}

	#[benchmark]
	fn remove_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		let registrar: T::AccountId = account("registrar", 0, 0);
		StakeholderVoting::<T>::do_add_registrar(scope, registrar.clone())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, scope, registrar.clone());
		assert!(!Registrars::<T>::contains_key(scope, &registrar));
		Ok(())
	}

	#[benchmark]
	fn set_stake_cap() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, scope, Some(1));
		assert_eq!(StakeCaps::<T>::get(scope), Some(1));
		Ok(())
	}

	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		// Worst path: replacing an earlier attestation of the same account.
		let who: T::AccountId = account("person", 0, 0);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());
		let (scope, registrar) = attested_scope::<T>(&who, false, expires)?;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(registrar),
			scope,
			who.clone(),
			H256::repeat_byte(2),
			Sector::Market,
			10,
			H256::repeat_byte(9),
			expires,
		);
		assert_eq!(AttestedPersons::<T>::get(scope, H256::repeat_byte(2)), Some(who));
		Ok(())
	}

	#[benchmark]
	fn revoke_attestation() -> Result<(), BenchmarkError> {
		// Worst path: the attestation stands behind a membership, which ends with it.
		let (who, _) = member_of_many::<T>(1);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());
		let (scope, registrar) = attested_scope::<T>(&who, true, expires)?;
		StakeholderVoting::<T>::do_join(&who, scope)?;
		delegated_to_attested::<T>(&who, scope)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), scope, who.clone());
		assert!(!Attestations::<T>::contains_key(scope, &who));
		assert!(Stakeholders::<T>::get(&who).is_some_and(|i| i.membership(scope).is_none()));
		Ok(())
	}

	#[benchmark]
	fn join() -> Result<(), BenchmarkError> {
		// Worst path: a scope that requires attestations, the account a member of others.
		let (who, _) = member_of_many::<T>(1);
		let expires = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());
		let (scope, _) = attested_scope::<T>(&who, true, expires)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), scope);
		assert!(Stakeholders::<T>::get(&who).is_some_and(|i| i.membership(scope).is_some()));
		Ok(())
	}

	#[benchmark]
	fn remove_unattested() -> Result<(), BenchmarkError> {
		let (who, _) = member_of_many::<T>(1);
		let now = frame_system::Pallet::<T>::block_number();
		let (scope, _) = attested_scope::<T>(&who, true, now.saturating_add(One::one()))?;
		StakeholderVoting::<T>::do_join(&who, scope)?;
		delegated_to_attested::<T>(&who, scope)?;
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(2u32.into()));
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), scope, who.clone());
		assert!(Stakeholders::<T>::get(&who).is_some_and(|i| i.membership(scope).is_none()));
		Ok(())
	}

	#[benchmark]
	fn close() -> Result<(), BenchmarkError> {
		let (proposer, _, index) = ongoing_proposal::<T>();
		StakeholderVoting::<T>::do_vote(&proposer, index, VoteChoice::Aye)?;
		let end = Proposals::<T>::get(index).map(|p| p.end).ok_or(BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::set_block_number(end);
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), index);
		assert!(Proposals::<T>::get(index).is_some_and(|p| p.status != ProposalStatus::Ongoing));
		Ok(())
	}

	// Closing does not look at the votes, only at the tally they built: its cost does not grow
	// with their number (the measured slope in `v` is the evidence; `close` is charged).
	#[benchmark]
	fn close_after_votes(v: Linear<10, 10_000>) -> Result<(), BenchmarkError> {
		let (proposer, _, index) = ongoing_proposal::<T>();
		StakeholderVoting::<T>::do_vote(&proposer, index, VoteChoice::Aye)?;
		let mut tally = Proposals::<T>::get(index).ok_or(BenchmarkError::Weightless)?.tally;
		for i in 0..v {
			let who: T::AccountId = account("voter", 1_000 + i, 0);
			let record = VoteRecord {
				choice: VoteChoice::Nay,
				sector: Sector::Market,
				weight: 1,
				delegated: false,
			};
			tally.add(&record);
			Votes::<T>::insert(index, &who, record);
			VotesByAccount::<T>::insert(&who, index, ());
		}
		Proposals::<T>::mutate(index, |p| {
			if let Some(p) = p {
				p.tally = tally;
			}
		});
		let end = Proposals::<T>::get(index).map(|p| p.end).ok_or(BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::set_block_number(end);
		#[extrinsic_call]
		close(RawOrigin::Signed(proposer), index);
		assert!(Proposals::<T>::get(index).is_some_and(|p| p.status != ProposalStatus::Ongoing));
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (proposer, _, index) = ongoing_proposal::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), index);
		assert!(Proposals::<T>::get(index).is_some_and(|p| p.status != ProposalStatus::Ongoing));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let (_, _, index) = ongoing_proposal::<T>();
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);
		assert!(Proposals::<T>::get(index).is_some_and(|p| p.status != ProposalStatus::Ongoing));
		Ok(())
	}

	#[benchmark]
	fn reap_votes(n: Linear<1, 1_000>) -> Result<(), BenchmarkError> {
		let (proposer, _, index) = ongoing_proposal::<T>();
		for i in 0..n {
			let who: T::AccountId = account("reaped", i, 0);
			Votes::<T>::insert(
				index,
				&who,
				VoteRecord {
					choice: VoteChoice::Aye,
					sector: Sector::Market,
					weight: 1,
					delegated: false,
				},
			);
			VotesByAccount::<T>::insert(&who, index, ());
		}
		StakeholderVoting::<T>::do_cancel(index)?;
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::VoteRetention::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), index, n);
		assert!(Votes::<T>::iter_prefix(index).next().is_none());
		Ok(())
	}

	#[benchmark]
	fn on_initialize(
		n: Linear<0, { T::MaxAutoClosesPerBlock::get().min(T::MaxProposalsEndingPerBlock::get()) }>,
	) -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(One::one());
		let scope = new_scope::<T>();
		let proposers: Vec<T::AccountId> = (0..n).map(|i| funded::<T>("proposer", i)).collect();
		for proposer in &proposers {
			StakeholderVoting::<T>::do_admit(proposer, Sector::Market, scope, 100)?;
		}
		frame_system::Pallet::<T>::set_block_number(
			(crate::closing::MAX_BUCKETS_PER_BLOCK + 2).into(),
		);
		// Each passes and decodes its call of the longest length; the call's own weight is
		// added at run time.
		for proposer in &proposers {
			let index = StakeholderVoting::<T>::do_propose(
				proposer.clone(),
				scope,
				BoundedVec::new(),
				H256::zero(),
				Some(call_of_max_len::<T>()),
			)?;
			StakeholderVoting::<T>::do_vote(proposer, index, VoteChoice::Aye)?;
		}
		let end =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MinVotingPeriod::get());
		// The most buckets a block looks at: empty ones before the due one.
		let first = end.saturating_sub((crate::closing::MAX_BUCKETS_PER_BLOCK - 1).into());
		CloseCursor::<T>::put(first);
		frame_system::Pallet::<T>::set_block_number(end);
		#[block]
		{
			StakeholderVoting::<T>::close_due(end);
		}
		assert!(ProposalsEndingAt::<T>::get(end).is_empty());
		Ok(())
	}

	#[benchmark]
	fn dispatch_as_root() -> Result<(), BenchmarkError> {
		let origin =
			T::RootOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));
		Ok(())
	}

	#[benchmark]
	fn set_safeguards() -> Result<(), BenchmarkError> {
		let origin =
			T::ScopeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let scope = new_scope::<T>();
		let period = T::MinVotingPeriod::get();
		let safeguards = Safeguards {
			min_voting_period: period,
			enactment_delay: period,
			confirm_period: period,
		};
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(scope), safeguards);
		assert_eq!(ScopeSafeguards::<T>::get(scope), safeguards);
		Ok(())
	}

	impl_benchmark_test_suite!(
		StakeholderVoting,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
