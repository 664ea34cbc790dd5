//! The attack classes' invariants, checked after every call and every block on top of the
//! pallets' own `try_state`:
//!
//! - **consent**: nobody becomes a member of a scope except by its own application (approved),
//!   its own attested `join`, or a root-level decision (root, or a passed chain-wide vote);
//! - **one person, one account** per scope that requires attestations, through revocation
//!   and re-attestation;
//! - **delegation by consent**: nobody becomes someone's delegate except by accepting that
//!   member's offer (`accept_delegation`, signed by the delegate);
//! - **no superuser**: the sudo key never changes (no vote, batch or raw write reaches it);
//! - **no lost decision**: no passed decision is recorded as failed because a pause or safe
//!   mode blocked it — it is enacted, cancelled, or still waiting;
//! - **why-refused tells the truth**: for every signed call, what `WhyRefusedApi` answered
//!   before it was dispatched names the error the dispatch then returned (unless a pool check
//!   refused it first, or the fee the API charges and the fuzzer does not made the difference);
//! - **storage is paid for**: chain-wide, what is held for transfer offers, licences, activity logs, delegation
//!   offers and delegations, and open motions equals what those entries owe — no entry without
//!   its deposit, no deposit left behind by an entry that is gone.
//!
//! Total restriction time per target within the rolling window, and that no log another
//! account filled stops an owner, are the pallets' own `try_state` checks.

use pallet_stakeholder_voting::{Enactment, Origin as Voting, ProposalStatus, CHAIN_WIDE_SCOPE};
use polity_runtime::{AccountId, OriginCaller, Runtime, RuntimeCall, RuntimeEvent};
use polkadot_sdk::{frame_system, pallet_balances, pallet_sudo, sp_core::H256};
use std::collections::{BTreeMap, BTreeSet};

/// Who is a member of which scope.
pub type Members = BTreeSet<(AccountId, u32)>;

/// Who dispatched a call, as far as the rules care.
#[derive(Clone, Debug)]
pub enum Caller {
	/// Root.
	Root,
	/// A passed vote of a scope.
	Scope(u32),
	/// A signed account.
	Signed(AccountId),
	/// Anything else.
	Other,
}

impl Caller {
	/// The caller behind `origin`.
	pub fn of(origin: &polity_runtime::RuntimeOrigin) -> Self {
		use polkadot_sdk::frame_support::traits::OriginTrait;
		match origin.caller() {
			OriginCaller::system(frame_system::RawOrigin::Root) => Caller::Root,
			OriginCaller::system(frame_system::RawOrigin::Signed(who)) => {
				Caller::Signed(who.clone())
			},
			OriginCaller::StakeholderVoting(Voting::Stakeholders { scope }) => {
				Caller::Scope(*scope)
			},
			_ => Caller::Other,
		}
	}
}

/// What the class invariants remember between steps.
pub struct Ledger {
	members: Members,
	delegations: BTreeSet<(AccountId, u32, AccountId)>,
	persons: BTreeMap<(u32, AccountId), H256>,
	sudo: Option<AccountId>,
}

/// Every membership now.
pub fn members() -> Members {
	pallet_stakeholder_voting::Stakeholders::<Runtime>::iter()
		.flat_map(|(who, info)| {
			info.memberships.iter().map(move |m| (who.clone(), m.scope)).collect::<Vec<_>>()
		})
		.collect()
}

/// Whether `call` or any call its tree dispatches matches.
fn in_tree(call: &RuntimeCall, matches: &dyn Fn(&RuntimeCall) -> bool) -> bool {
	matches(call)
		|| polity_runtime::configs::calls::children(call)
			.is_some_and(|inner| inner.into_iter().any(|c| in_tree(c, matches)))
}

/// Every delegation that counts now: (delegator, scope, delegate).
pub fn delegations() -> BTreeSet<(AccountId, u32, AccountId)> {
	pallet_stakeholder_voting::Delegations::<Runtime>::iter()
		.map(|(who, scope, d)| (who, scope, d.delegate))
		.collect()
}

/// Events of the block so far: a step's own events are those after this count.
pub fn event_count() -> usize {
	frame_system::Pallet::<Runtime>::events().len()
}

/// Whether this step's events (from `from` on) show a chain-wide decision enacted, which may
/// admit anyone.
fn chain_wide_enacted(from: usize) -> bool {
	frame_system::Pallet::<Runtime>::events().iter().skip(from).any(|r| match &r.event {
		RuntimeEvent::StakeholderVoting(pallet_stakeholder_voting::Event::Enacted {
			index,
			..
		}) => pallet_stakeholder_voting::Proposals::<Runtime>::get(index)
			.is_some_and(|p| p.scope == CHAIN_WIDE_SCOPE),
		_ => false,
	})
}

impl Ledger {
	/// The ledger at genesis.
	pub fn new() -> Self {
		let now = members();
		let mut ledger = Self {
			members: BTreeSet::new(),
			delegations: delegations(),
			persons: BTreeMap::new(),
			sudo: pallet_sudo::Key::<Runtime>::get(),
		};
		ledger.note_persons(&now);
		ledger.members = now;
		ledger
	}

	/// Remembers the attested person behind every member of a scope that requires attestations.
	fn note_persons(&mut self, now: &Members) {
		self.persons.retain(|(scope, who), _| now.contains(&(who.clone(), *scope)));
		for (who, scope) in now {
			if !pallet_stakeholder_voting::Policies::<Runtime>::get(scope).attestation_required {
				continue;
			}
			if let Some(a) = pallet_stakeholder_voting::Attestations::<Runtime>::get(scope, who) {
				self.persons.entry((*scope, who.clone())).or_insert(a.person);
			}
		}
	}

	/// Checks the step that just ran: `call` from `caller` (`None`: a block's hooks), whose
	/// events start at `from`.
	pub fn check(&mut self, step: Option<(&RuntimeCall, &Caller)>, from: usize) -> Option<String> {
		let now = members();
		for (who, scope) in now.difference(&self.members) {
			if !consented(step, who, from) {
				return Some(format!(
					"{who} became a member of scope {scope} without its consent or a root-level \
					 decision ({step:?})"
				));
			}
		}
		self.note_persons(&now);
		self.members = now;
		let delegations = delegations();
		for (who, scope, delegate) in delegations.difference(&self.delegations) {
			let accepted = match step {
				Some((call, Caller::Signed(signer))) if signer == delegate => in_tree(call, &|c| {
					matches!(
						c,
						RuntimeCall::StakeholderVoting(
							pallet_stakeholder_voting::Call::accept_delegation { scope: s, delegator }
						) if s == scope && delegator == who
					)
				}),
				_ => false,
			};
			if !accepted {
				return Some(format!(
					"{delegate} became {who}'s delegate in scope {scope} without accepting \
					 ({step:?})"
				));
			}
		}
		self.delegations = delegations;
		let mut seen: BTreeMap<(u32, H256), AccountId> = BTreeMap::new();
		for ((scope, who), person) in &self.persons {
			if let Some(other) = seen.insert((*scope, *person), who.clone()) {
				return Some(format!(
					"one person is a member of attested scope {scope} through {other} and {who}"
				));
			}
		}
		if pallet_sudo::Key::<Runtime>::get() != self.sudo {
			return Some(format!("the sudo key changed ({step:?})"));
		}
		if let Some(finding) = unpaid_storage() {
			return Some(format!("storage not paid for: {finding} ({step:?})"));
		}
		for (index, p) in pallet_stakeholder_voting::Proposals::<Runtime>::iter() {
			if let ProposalStatus::Approved {
				enactment: Some(Enactment::EnactmentFailed { error }),
				..
			} = p.status
			{
				if error == frame_system::Error::<Runtime>::CallFiltered.into() {
					return Some(format!("passed decision {index} lost to a pause or safe mode"));
				}
			}
		}
		None
	}
}

impl Default for Ledger {
	fn default() -> Self {
		Self::new()
	}
}

/// What all accounts together hold for `reason`.
fn held_in_all(reason: polity_runtime::RuntimeHoldReason) -> polity_runtime::Balance {
	pallet_balances::Holds::<Runtime>::iter()
		.flat_map(|(_, holds)| holds.into_iter())
		.filter(|hold| hold.id == reason)
		.map(|hold| hold.amount)
		.sum()
}

/// The first growable structure whose entries and held deposits differ, if any.
pub fn unpaid_storage() -> Option<String> {
	use pallet_data_ownership as data;
	use pallet_regulatory_nodes as regulators;
	use pallet_stakeholder_voting as voting;
	use polity_runtime::{configs, RuntimeHoldReason as R};
	let times = |deposit: polity_runtime::Balance, n: usize| deposit.saturating_mul(n as u128);
	let owed = [
		(
			"licences",
			R::DataOwnership(data::HoldReason::GrantDeposit),
			times(configs::data::GrantDeposit::get(), data::Grants::<Runtime>::iter().count()),
		),
		(
			"transfer offers",
			R::DataOwnership(data::HoldReason::OfferDeposit),
			times(configs::data::OfferDeposit::get(), data::Offers::<Runtime>::iter().count()),
		),
		(
			"activity logs",
			R::DataOwnership(data::HoldReason::ActivityDeposit),
			data::LogDeposits::<Runtime>::iter_values().sum(),
		),
		(
			"delegation offers and delegations",
			R::StakeholderVoting(voting::HoldReason::DelegationDeposit),
			times(
				configs::governance::DelegationDeposit::get(),
				voting::DelegationOffers::<Runtime>::iter().count()
					+ voting::Delegations::<Runtime>::iter().count(),
			),
		),
		(
			"open motions",
			R::RegulatoryNodes(regulators::HoldReason::MotionDeposit),
			times(
				configs::regulatory_nodes::MotionDeposit::get(),
				regulators::Motions::<Runtime>::iter().count(),
			),
		),
	];
	owed.into_iter().find_map(|(what, reason, owed)| {
		let held = held_in_all(reason);
		(held != owed).then(|| format!("{what}: {held} held for entries that owe {owed}"))
	})
}

/// Whether `who`'s new membership came from its own consent or a root-level decision.
fn consented(step: Option<(&RuntimeCall, &Caller)>, who: &AccountId, from: usize) -> bool {
	use pallet_stakeholder_voting::Call as V;
	if chain_wide_enacted(from) {
		return true;
	}
	let Some((call, caller)) = step else { return false };
	match (call, caller) {
		// Its own application, approved by the scope.
		(RuntimeCall::StakeholderVoting(V::approve_application { who: w, .. }), _) => w == who,
		// Its own attested join.
		(RuntimeCall::StakeholderVoting(V::join { .. }), Caller::Signed(s)) => s == who,
		// A root-level decision.
		(_, Caller::Root) | (_, Caller::Scope(CHAIN_WIDE_SCOPE)) => true,
		_ => false,
	}
}

/// The pool's own refusals, which the fuzzer (dispatching without fees or nonces) never meets.
const POOL_REFUSALS: [&str; 7] =
	["Payment", "Stale", "Future", "ExhaustsResources", "Call", "Custom", "Unknown"];

/// Why `asked` (what `WhyRefusedApi` answered before the dispatch: the refusal's pallet and
/// error) disagrees with the dispatch's `outcome` (`None`: it succeeded; else the error's name),
/// if it does. A refusal of the pool is not compared (the fuzzer skips fees and nonces); a token
/// error or the balances pallet's own error may differ only by the fee the API charged first.
pub fn refusal_mismatch(
	asked: &Option<(Option<String>, String)>,
	outcome: &Option<String>,
) -> Option<String> {
	let fee_bound =
		|pallet: &Option<String>| pallet.is_none() || pallet.as_deref() == Some("Balances");
	match (asked, outcome) {
		(Some((None, error)), _) if POOL_REFUSALS.contains(&error.as_str()) => None,
		(None, None) => None,
		(Some((_, said)), Some(error)) if said == error => None,
		(Some((pallet, _)), None) if fee_bound(pallet) => None,
		(None, Some(error)) => {
			Some(format!("why-refused said nothing; the dispatch failed {error}"))
		},
		(Some(said), None) => Some(format!("why-refused said {said:?}; the dispatch succeeded")),
		(Some(said), Some(error)) => {
			Some(format!("why-refused said {said:?}; the dispatch failed {error}"))
		},
	}
}

#[cfg(test)]
mod tests {
	use super::refusal_mismatch;

	fn said(pallet: Option<&str>, error: &str) -> Option<(Option<String>, String)> {
		Some((pallet.map(Into::into), error.into()))
	}

	#[test]
	fn an_answer_that_names_another_error_or_none_is_a_finding() {
		let failed = Some("NotMember".to_string());
		assert!(refusal_mismatch(&None, &failed).is_some());
		assert!(refusal_mismatch(&said(Some("StakeholderVoting"), "NotMember"), &failed).is_none());
		assert!(
			refusal_mismatch(&said(Some("StakeholderVoting"), "VotingEnded"), &failed).is_some()
		);
		assert!(refusal_mismatch(&said(Some("StakeholderVoting"), "NotMember"), &None).is_some());
		assert!(refusal_mismatch(&None, &None).is_none());
	}

	#[test]
	fn pool_refusals_and_fee_bound_answers_are_not_compared() {
		assert!(refusal_mismatch(&said(None, "Payment"), &Some("NotMember".into())).is_none());
		assert!(refusal_mismatch(&said(None, "FundsUnavailable"), &None).is_none());
		assert!(refusal_mismatch(&said(Some("Balances"), "InsufficientBalance"), &None).is_none());
	}
}
