//! What a call does: one walk over the whole tree of calls it dispatches, and every rule that
//! depends on it (unholdable, undelayed, root-level, not for root, a frozen account's
//! proposals) read from that one walk.
//!
//! A wrapper never launders: a rule that exempts a call (from holds, from the enactment delay,
//! from a freeze) holds for a tree only if it holds for **every** call in it, and a rule that
//! restricts a call (root-level safeguards, refusal) holds for a tree if it holds for **any**
//! call in it. A tree deeper than [`MAX_CALL_DEPTH`] or with more than [`MAX_CALL_LEAVES`] calls
//! is refused outright (`stakeholderVoting.CallTooComplex`).

use crate::RuntimeCall;
use alloc::vec::Vec;
use polkadot_sdk::{frame_support::traits::Contains, pallet_utility::Call as Utility};

/// Deepest nesting of wrappers a proposal's call may have.
pub const MAX_CALL_DEPTH: u32 = 8;
/// Most calls (wrappers included) a proposal's call tree may hold.
pub const MAX_CALL_LEAVES: u32 = 64;

/// The calls `call` dispatches in turn, if it is a wrapper: utility's batches and wrappers,
/// `dispatchAsRoot`, and sudo's. Every classifier below sees a call's tree through this one
/// function; a new wrapper is added here, once.
pub fn children(call: &RuntimeCall) -> Option<Vec<&RuntimeCall>> {
	use pallet_stakeholder_voting::Call as Voting;
	#[cfg(feature = "dev")]
	use polkadot_sdk::pallet_sudo::Call as Sudo;
	Some(match call {
		RuntimeCall::StakeholderVoting(Voting::dispatch_as_root { call }) => alloc::vec![&**call],
		RuntimeCall::Utility(
			Utility::batch { calls }
			| Utility::batch_all { calls }
			| Utility::force_batch { calls },
		) => calls.iter().collect(),
		RuntimeCall::Utility(
			Utility::as_derivative { call, .. }
			| Utility::dispatch_as { call, .. }
			| Utility::with_weight { call, .. }
			| Utility::dispatch_as_fallible { call, .. },
		) => alloc::vec![&**call],
		RuntimeCall::Utility(Utility::if_else { main, fallback }) => {
			alloc::vec![&**main, &**fallback]
		},
		#[cfg(feature = "dev")]
		RuntimeCall::Sudo(
			Sudo::sudo { call }
			| Sudo::sudo_as { call, .. }
			| Sudo::sudo_unchecked_weight { call, .. },
		) => alloc::vec![&**call],
		_ => return None,
	})
}

/// Whether `call` or any call its tree dispatches (within the walker's depth bound) matches.
pub fn any_in_tree(call: &RuntimeCall, matches: &dyn Fn(&RuntimeCall) -> bool) -> bool {
	let mut stack = alloc::vec![(call, 0u32)];
	while let Some((call, depth)) = stack.pop() {
		if matches(call) {
			return true;
		}
		// Past the bound a proposal is refused anyway; a transaction this deep is refused here.
		if depth > MAX_CALL_DEPTH {
			return true;
		}
		if let Some(inner) = children(call) {
			stack.extend(inner.into_iter().map(|c| (c, depth.saturating_add(1))));
		}
	}
	false
}

/// What the whole tree of a call does, from one walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallSummary {
	/// Every call of the tree (wrappers and the calls they dispatch).
	pub calls: u32,
	/// The deepest nesting of wrappers.
	pub depth: u32,
	/// Every dispatched call overturns or relaxes a firewall action or dismisses a regulator.
	pub all_unholdable: bool,
	/// Every dispatched call is unholdable or cancels a decision in its delay.
	pub all_undelayed: bool,
	/// Some call changes who runs the chain, who decides or what the chain is.
	pub any_root_level: bool,
	/// Some call no vote may ever dispatch: sudo's, and raw storage writes.
	pub any_forbidden: bool,
}

impl CallSummary {
	/// Whether the tree is within [`MAX_CALL_DEPTH`] and [`MAX_CALL_LEAVES`].
	pub fn bounded(&self) -> bool {
		self.depth <= MAX_CALL_DEPTH && self.calls <= MAX_CALL_LEAVES
	}
}

/// Walks `call`'s tree once. Stops early (and the summary is then out of bounds) as soon as
/// the tree is deeper or larger than the bounds, so a hostile tree costs no more than the bound.
pub fn summarize(call: &RuntimeCall) -> CallSummary {
	let mut summary = CallSummary {
		calls: 0,
		depth: 0,
		all_unholdable: true,
		all_undelayed: true,
		any_root_level: false,
		any_forbidden: false,
	};
	let mut stack: Vec<(&RuntimeCall, u32)> = alloc::vec![(call, 0)];
	while let Some((call, depth)) = stack.pop() {
		summary.calls = summary.calls.saturating_add(1);
		summary.depth = summary.depth.max(depth);
		if !summary.bounded() {
			break;
		}
		if is_root_level(call) {
			summary.any_root_level = true;
		}
		match children(call) {
			Some(inner) => {
				// A wrapper that dispatches nothing exempts nothing.
				if inner.is_empty() {
					summary.all_unholdable = false;
					summary.all_undelayed = false;
				}
				#[cfg(feature = "dev")]
				if matches!(call, RuntimeCall::Sudo(_)) {
					summary.any_forbidden = true;
				}
				stack.extend(inner.into_iter().map(|c| (c, depth.saturating_add(1))));
			},
			None => {
				let unholdable = is_unholdable(call);
				summary.all_unholdable &= unholdable;
				summary.all_undelayed &= unholdable || is_cancel(call);
				summary.any_forbidden |= is_forbidden(call);
			},
		}
	}
	if !summary.bounded() {
		summary.all_unholdable = false;
		summary.all_undelayed = false;
		summary.any_root_level = true;
		summary.any_forbidden = true;
	}
	summary
}

/// One dispatched call that overturns or relaxes a firewall action, or dismisses a regulator.
fn is_unholdable(call: &RuntimeCall) -> bool {
	use pallet_regulatory_nodes::Call as Regulators;
	match call {
		RuntimeCall::RegulatoryNodes(Regulators::overturn { .. } | Regulators::dismiss { .. }) => {
			true
		},
		// A vote relaxing the firewall directly (an unfreeze, say) is an overturn too.
		RuntimeCall::RegulatoryNodes(Regulators::act { action, .. }) => !action.restricts(),
		_ => false,
	}
}

fn is_cancel(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::cancel { .. }))
}

/// Calls no vote may dispatch: sudo's (root may `sudo.setKey`), and raw storage writes, which
/// could write any key — `Sudo::Key` among them — around every pallet's rules.
fn is_forbidden(call: &RuntimeCall) -> bool {
	use polkadot_sdk::frame_system::Call as System;
	#[cfg(feature = "dev")]
	if matches!(call, RuntimeCall::Sudo(_)) {
		return true;
	}
	matches!(
		call,
		RuntimeCall::System(
			System::set_storage { .. } | System::kill_storage { .. } | System::kill_prefix { .. }
		)
	)
}

/// One call (wrapper or not) that changes who runs the chain, who decides, how a scope votes or
/// what the chain is.
fn is_root_level(call: &RuntimeCall) -> bool {
	use pallet_regulatory_nodes::Call as Regulators;
	use pallet_stakeholder_voting::{Call as Voting, CHAIN_WIDE_SCOPE};
	match call {
		RuntimeCall::StakeholderVoting(
			Voting::dispatch_as_root { .. }
			| Voting::set_safeguards { .. }
			| Voting::set_policy { .. }
			| Voting::set_rule { .. }
			| Voting::add_registrar { .. }
			| Voting::remove_registrar { .. }
			| Voting::set_stake { .. }
			| Voting::remove_from_scope { .. }
			| Voting::suspend { .. }
			| Voting::resume { .. }
			| Voting::remove { .. },
		) => true,
		// Admitting someone without their own application, or to the chain-wide scope.
		RuntimeCall::StakeholderVoting(Voting::admit { .. }) => true,
		RuntimeCall::StakeholderVoting(Voting::approve_application { who, .. }) => {
			pallet_stakeholder_voting::Applications::<crate::Runtime>::get(who)
				.is_none_or(|a| a.scope == CHAIN_WIDE_SCOPE)
		},
		RuntimeCall::RegulatoryNodes(
			Regulators::appoint { .. }
			| Regulators::dismiss { .. }
			| Regulators::set_threshold { .. }
			| Regulators::add_validator { .. }
			| Regulators::remove_validator { .. }
			| Regulators::set_min_validators { .. }
			| Regulators::shorten_cool_off { .. },
		) => true,
		RuntimeCall::NodeAuthorization(_) | RuntimeCall::System(_) => true,
		#[cfg(feature = "dev")]
		RuntimeCall::Sudo(_) => true,
		_ => false,
	}
}

/// Proposals regulators can never hold: every call their tree dispatches overturns or relaxes a
/// firewall action or dismisses a regulator.
pub struct Unholdable;
impl Contains<RuntimeCall> for Unholdable {
	fn contains(call: &RuntimeCall) -> bool {
		summarize(call).all_unholdable
	}
}

/// Passed calls enacted without waiting out an enactment delay: every call their tree dispatches
/// is unholdable or cancels a decision in its delay.
pub struct Undelayed;
impl Contains<RuntimeCall> for Undelayed {
	fn contains(call: &RuntimeCall) -> bool {
		summarize(call).all_undelayed
	}
}

/// What no passed vote may dispatch: a tree with any of sudo's calls or a raw storage write
/// in it, so no vote can hand anyone a superuser or write around the pallets' rules.
pub struct NotForRoot;
impl Contains<RuntimeCall> for NotForRoot {
	fn contains(call: &RuntimeCall) -> bool {
		summarize(call).any_forbidden
	}
}

/// Root-level decisions, held to the root safeguards on top of their scope's: a tree with any
/// call that changes who runs the chain or what it is, who decides or how a scope votes.
pub struct RootLevel;
impl Contains<RuntimeCall> for RootLevel {
	fn contains(call: &RuntimeCall) -> bool {
		summarize(call).any_root_level
	}
}

/// Call trees within [`MAX_CALL_DEPTH`] and [`MAX_CALL_LEAVES`].
pub struct BoundedCallTree;
impl Contains<RuntimeCall> for BoundedCallTree {
	fn contains(call: &RuntimeCall) -> bool {
		summarize(call).bounded()
	}
}
