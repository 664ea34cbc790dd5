//! The pallet's invariants (`do_try_state`), checked after every unit test, every fuzzed block
//! and by try-runtime. Compiled for native builds and try-runtime only: never part of the
//! production wasm.

use crate::{pallet::*, ScopeId};
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants (run by `try-runtime`, after every unit test and after
	/// every fuzzed block): that totals equal the sum of stakeholder records, tallies equal the sum of
	/// votes, the account index mirrors the votes, every ongoing proposal is scheduled, and
	/// held deposits equal those recorded.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use crate::{ProposalStatus, SectorTotals, StakeholderStatus, Tally};
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::{
			frame_support::{ensure, traits::fungible::InspectHold, traits::Get},
			sp_runtime::Saturating,
		};

		// No attestation carries more stake than the chain's bound.
		for (_, _, attestation) in crate::Attestations::<T>::iter() {
			ensure!(
				attestation.stake <= T::MaxAttestedStake::get(),
				"an attestation above MaxAttestedStake"
			);
		}
		let mut totals: BTreeMap<ScopeId, SectorTotals> = BTreeMap::new();
		for (who, info) in Stakeholders::<T>::iter() {
			ensure!(!info.memberships.is_empty(), "a stakeholder without scopes is kept");
			ensure!(
				polkadot_sdk::frame_system::Pallet::<T>::providers(&who) > 0,
				"a stakeholder's account does not exist"
			);
			for m in info.memberships.iter() {
				ensure!(Scopes::<T>::contains_key(m.scope), "membership of a missing scope");
				if info.status == StakeholderStatus::Active {
					totals.entry(m.scope).or_default().of_mut(info.sector).add(m.stake);
				}
			}
		}
		for (scope, info) in Scopes::<T>::iter() {
			ensure!(
				info.totals == totals.remove(&scope).unwrap_or_default(),
				"scope totals differ from the sum of stakeholder records"
			);
		}

		let mut held: BTreeMap<T::AccountId, crate::BalanceOf<T>> = BTreeMap::new();
		let mut open_by: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut open_in: BTreeMap<ScopeId, u32> = BTreeMap::new();
		for (index, proposal) in Proposals::<T>::iter() {
			let mut tally = Tally::default();
			for (_, vote) in Votes::<T>::iter_prefix(index) {
				tally.add(&vote);
			}
			// Ended proposals keep their final tally while their votes are reaped.
			if proposal.status == ProposalStatus::Ongoing {
				ensure!(tally == proposal.tally, "tally differs from the sum of votes");
				ensure!(
					ProposalsEndingAt::<T>::get(proposal.end).contains(&index),
					"ongoing proposal not scheduled"
				);
				let entry = held.entry(proposal.proposer.clone()).or_default();
				*entry = entry.saturating_add(proposal.deposit);
				let n = open_by.entry(proposal.proposer.clone()).or_default();
				*n = n.saturating_add(1);
				let n = open_in.entry(proposal.scope).or_default();
				*n = n.saturating_add(1);
			}
			if let ProposalStatus::Held { until: due, .. }
			| ProposalStatus::AwaitingEnactment { retry: due, .. }
			| ProposalStatus::Scheduled { enact_at: due, .. } = proposal.status
			{
				ensure!(
					ProposalsEndingAt::<T>::get(due).contains(&index),
					"held, delayed or blocked proposal not scheduled"
				);
			}
			if let ProposalStatus::Scheduled { at, enact_at } = proposal.status {
				ensure!(
					enact_at
						>= at.saturating_add(ProposalSafeguards::<T>::get(index).enactment_delay),
					"enactment scheduled before its delay ends"
				);
			}
		}
		for (index, since) in PassingSince::<T>::iter() {
			let p = Proposals::<T>::get(index).ok_or("passing since of a missing proposal")?;
			ensure!(p.status == ProposalStatus::Ongoing, "passing since kept after the vote");
			ensure!(since >= p.submitted, "passing since before submission");
			ensure!(p.tally.outcome(&p.rule, &p.electorate).passes, "passing since, but failing");
		}
		for (index, _) in ProposalSafeguards::<T>::iter() {
			ensure!(Proposals::<T>::contains_key(index), "safeguards of a missing proposal");
		}
		for (index, _) in EnactmentHolds::<T>::iter() {
			ensure!(
				Proposals::<T>::get(index).is_some_and(|p| p.status == ProposalStatus::Ongoing),
				"enactment hold on a proposal that is not ongoing"
			);
		}
		for (who, index, ()) in ProposalsBy::<T>::iter() {
			ensure!(
				Proposals::<T>::get(index).is_some_and(|p| p.proposer == who),
				"proposer index points at another proposer"
			);
		}
		ensure!(
			ProposalsBy::<T>::iter().count() == Proposals::<T>::iter().count(),
			"proposer index differs from proposals"
		);
		for (who, index, ()) in VotesByAccount::<T>::iter() {
			ensure!(Votes::<T>::contains_key(index, &who), "account index without a vote");
		}
		for (index, who, _) in Votes::<T>::iter() {
			ensure!(
				VotesByAccount::<T>::contains_key(&who, index),
				"vote missing from account index"
			);
		}
		for (who, count) in OpenProposalsBy::<T>::iter() {
			ensure!(open_by.remove(&who) == Some(count), "open proposals of a proposer miscounted");
			ensure!(
				count <= T::MaxOpenProposalsPerProposer::get(),
				"a proposer has more open proposals than allowed"
			);
		}
		ensure!(open_by.is_empty(), "a proposer's open proposals are not counted");
		for (scope, count) in OpenProposalsIn::<T>::iter() {
			ensure!(open_in.remove(&scope) == Some(count), "open proposals of a scope miscounted");
		}
		ensure!(open_in.is_empty(), "a scope's open proposals are not counted");
		for (at, bucket) in ProposalsEndingAt::<T>::iter() {
			let mut sorted = bucket.to_vec();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == bucket.len(), "a proposal is scheduled twice in one block");
			ensure!(
				CloseCursor::<T>::get().is_some_and(|c| c <= at),
				"a bucket lies behind the close cursor"
			);
		}
		for (who, deposit) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who) == deposit,
				"held proposal deposits differ from ongoing proposals"
			);
		}
		for index in ProposalCalls::<T>::iter_keys() {
			ensure!(
				Proposals::<T>::get(index).is_some_and(|p| p.has_call),
				"a stored call without a proposal that has one"
			);
		}
		for (index, p) in Proposals::<T>::iter() {
			ensure!(
				!p.has_call || ProposalCalls::<T>::contains_key(index),
				"a proposal's call is missing"
			);
		}
		Self::try_state_delegation()?;
		Self::try_state_secret_ballots()?;
		Self::try_state_attestations()?;
		for (who, application) in Applications::<T>::iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
					== application.deposit,
				"held application deposit differs from the application"
			);
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Delegations: each is listed once with its delegate and the reverse; both ends are
	/// members of the scope; no chain; at most `MaxDelegators` per delegate.
	fn try_state_delegation() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use polkadot_sdk::frame_support::ensure;
		let is_member = |who: &T::AccountId, scope| {
			Stakeholders::<T>::get(who).is_some_and(|i| i.membership(scope).is_some())
		};
		let mut listed = 0usize;
		for (delegate, scope, list) in Delegators::<T>::iter() {
			ensure!(!list.is_empty(), "an empty delegator list is kept");
			ensure!(is_member(&delegate, scope), "a delegate is not a member of the scope");
			ensure!(
				!Delegations::<T>::contains_key(&delegate, scope),
				"a delegate delegates in the same scope"
			);
			for d in list.iter() {
				ensure!(
					Delegations::<T>::get(d, scope).is_some_and(|x| x.delegate == delegate),
					"a delegator listed without its delegation"
				);
			}
			listed = listed.saturating_add(list.len());
		}
		let mut count = 0usize;
		// Each offer and each delegation holds one deposit from the member that made it.
		let mut deposits: alloc::collections::btree_map::BTreeMap<T::AccountId, u32> =
			Default::default();
		for (who, scope, _) in Delegations::<T>::iter() {
			ensure!(is_member(&who, scope), "a delegator is not a member of the scope");
			count = count.saturating_add(1);
			let n = deposits.entry(who).or_default();
			*n = n.saturating_add(1);
		}
		ensure!(count == listed, "delegations and delegator lists differ");
		for (who, scope, _) in DelegationOffers::<T>::iter() {
			ensure!(is_member(&who, scope), "an offer from a member not in the scope");
			let n = deposits.entry(who).or_default();
			*n = n.saturating_add(1);
		}
		for (who, n) in deposits {
			use polkadot_sdk::{
				frame_support::traits::{fungible::InspectHold, Get},
				sp_runtime::Saturating,
			};
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DelegationDeposit.into(), &who)
					== T::DelegationDeposit::get().saturating_mul(n.into()),
				"held delegation deposits differ from the offers and delegations made"
			);
		}
		Ok(())
	}

	/// Secret ballots: a ballot belongs to an existing proposal; commitments left plus reveals
	/// make its commitment count; no vote is counted and none delegated before the reveal
	/// phase.
	fn try_state_secret_ballots() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use crate::ProposalStatus;
		use polkadot_sdk::frame_support::ensure;
		let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		for (index, ballot) in SecretBallots::<T>::iter() {
			let p = Proposals::<T>::get(index).ok_or("secret ballot of a missing proposal")?;
			ensure!(ballot.reveal_from <= p.end, "reveal phase after the close");
			if p.status != ProposalStatus::Ongoing {
				continue;
			}
			let left = Commitments::<T>::iter_prefix(index).count();
			ensure!(
				left == ballot.commitments.saturating_sub(ballot.revealed) as usize,
				"commitments left differ from committed minus revealed"
			);
			let votes = Votes::<T>::iter_prefix(index).collect::<Vec<_>>();
			ensure!(votes.len() == ballot.revealed as usize, "a secret ballot vote not revealed");
			ensure!(votes.iter().all(|(_, v)| !v.delegated), "a secret ballot vote delegated");
			if now < ballot.reveal_from {
				ensure!(p.tally.voters() == 0, "a secret ballot's tally readable before reveal");
			}
		}
		for (index, _, _) in Commitments::<T>::iter() {
			ensure!(SecretBallots::<T>::contains_key(index), "a commitment outside secret ballots");
		}
		Ok(())
	}

	/// Attestations: one account per person and scope, mirrored both ways; registrars
	/// counted and within bounds; members of scopes that require attestations were attested
	/// (their attestation may since have lapsed).
	fn try_state_attestations() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::frame_support::{ensure, traits::Get};
		for (scope, who, a) in Attestations::<T>::iter() {
			ensure!(
				AttestedPersons::<T>::get(scope, a.person).as_ref() == Some(&who),
				"an attestation's person points elsewhere"
			);
		}
		for (scope, person, who) in AttestedPersons::<T>::iter() {
			ensure!(
				Attestations::<T>::get(scope, &who).is_some_and(|a| a.person == person),
				"an attested person without its attestation"
			);
		}
		let mut counts: BTreeMap<ScopeId, u32> = BTreeMap::new();
		for (scope, _, ()) in Registrars::<T>::iter() {
			let n = counts.entry(scope).or_default();
			*n = n.saturating_add(1);
		}
		for (scope, count) in RegistrarCount::<T>::iter() {
			ensure!(counts.remove(&scope) == Some(count), "registrars miscounted");
			ensure!(count <= T::MaxRegistrarsPerScope::get(), "too many registrars");
		}
		ensure!(counts.is_empty(), "a scope's registrars are not counted");
		Ok(())
	}
}
