//! Regulators, motions, firewall actions and the action log.

// The codec, scale-info and serde derives cast variant indices; the lints hold for the rest of
// the crate.
#![allow(clippy::cast_possible_truncation)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	sp_core::{ConstU32, Get, H256},
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifies a motion.
pub type MotionId = u32;
/// Identifies an executed action in the log.
pub type ActionId = u32;
pub use polity_primitives::{ProposalIndex, ScopeId};
/// A data-ownership record: its content hash (see `pallet-data-ownership`).
pub type RecordHash = H256;
/// Longest pallet or call name a pause may name, in bytes.
pub const MAX_CALL_NAME_LEN: u32 = 64;
/// A pallet or call name as the runtime's call metadata spells it, e.g. `Balances`,
/// `transfer_keep_alive`.
pub type CallName = BoundedVec<u8, ConstU32<MAX_CALL_NAME_LEN>>;

/// What a regulator supervises.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxScopes))]
pub enum Jurisdiction<MaxScopes: Get<u32>> {
	/// The whole chain.
	ChainWide,
	/// These stakeholder-voting scopes only.
	Scopes(BoundedVec<ScopeId, MaxScopes>),
}

/// A jurisdiction as `appoint` takes it: its scopes unbounded on the wire (encoded exactly like
/// [`Jurisdiction`]), bounded first thing in the call, so one scope over `MaxScopes` is a named
/// error (`TooManyScopes`), not a decoding trap.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub enum JurisdictionInput {
	/// The whole chain.
	ChainWide,
	/// These stakeholder-voting scopes only.
	Scopes(alloc::vec::Vec<ScopeId>),
}

impl JurisdictionInput {
	/// The jurisdiction with its scopes bounded; `None` when there are more than `MaxScopes`.
	pub fn bounded<MaxScopes: Get<u32>>(self) -> Option<Jurisdiction<MaxScopes>> {
		Some(match self {
			Self::ChainWide => Jurisdiction::ChainWide,
			Self::Scopes(scopes) => Jurisdiction::Scopes(scopes.try_into().ok()?),
		})
	}
}

impl<MaxScopes: Get<u32>> Jurisdiction<MaxScopes> {
	/// Whether it covers `scope` (`None`: the whole chain, which only `ChainWide` covers).
	pub fn covers(&self, scope: Option<ScopeId>) -> bool {
		match (self, scope) {
			(Jurisdiction::ChainWide, _) => true,
			(Jurisdiction::Scopes(scopes), Some(s)) => scopes.contains(&s),
			(Jurisdiction::Scopes(_), None) => false,
		}
	}
}

/// A licensed node's libp2p peer id, as its raw multihash bytes.
pub type PeerIdOf<T> = BoundedVec<u8, <T as crate::Config>::MaxPeerIdLen>;

/// A regulator: jurisdiction and licensed nodes.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxScopes, MaxNodes, MaxPeerIdLen))]
pub struct Regulator<BlockNumber, MaxScopes: Get<u32>, MaxNodes: Get<u32>, MaxPeerIdLen: Get<u32>> {
	/// What it supervises.
	pub jurisdiction: Jurisdiction<MaxScopes>,
	/// Its licensed nodes' peer ids.
	pub nodes: BoundedVec<BoundedVec<u8, MaxPeerIdLen>, MaxNodes>,
	/// Block of appointment.
	pub appointed_at: BlockNumber,
}

/// A firewall action a motion may take. The first of each pair restricts and can be overturned
/// by a stakeholder vote; the second relaxes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(
	rename_all_fields = "camelCase",
	bound(
		serialize = "AccountId: Serialize, BlockNumber: Serialize, Name: AsRef<[u8]>",
		deserialize = "AccountId: Deserialize<'de>, BlockNumber: Deserialize<'de>, \
			Name: TryFrom<alloc::vec::Vec<u8>>"
	)
)]
pub enum FirewallAction<AccountId, BlockNumber, Name = CallName> {
	/// Reject `who`'s transactions at the pool until block `until` (governance calls excepted).
	Freeze {
		/// The account.
		who: AccountId,
		/// Last block of the freeze.
		until: BlockNumber,
	},
	/// Lift `who`'s freeze.
	Unfreeze {
		/// The account.
		who: AccountId,
	},
	/// Pause one call of a pallet, or the whole pallet (`call: None`), until block `until`.
	/// Governance calls cannot be paused.
	Pause {
		/// The pallet's name.
		#[serde(with = "polity_primitives::text::bounded")]
		pallet: Name,
		/// The call's name; `None` pauses every call of the pallet.
		#[serde(with = "polity_primitives::text::optional_bounded")]
		call: Option<Name>,
		/// Last paused block.
		until: BlockNumber,
	},
	/// End a pause.
	Unpause {
		/// The pallet's name.
		#[serde(with = "polity_primitives::text::bounded")]
		pallet: Name,
		/// The call's name, as paused.
		#[serde(with = "polity_primitives::text::optional_bounded")]
		call: Option<Name>,
	},
	/// Last resort: chain-wide safe mode, in which only governance and consensus calls go
	/// through; it ends by itself after the runtime's safe-mode duration.
	EnterSafeMode,
	/// End safe mode early.
	ExitSafeMode,
	/// Flag a data-ownership record as disputed: it cannot be transferred, superseded, revoked
	/// or purged until cleared.
	Dispute {
		/// The record's content hash.
		record: RecordHash,
	},
	/// Clear a record's dispute flag.
	ClearDispute {
		/// The record's content hash.
		record: RecordHash,
	},
	/// Hold a stakeholder-voting proposal's enactment until block `until` for review: if it
	/// passes, its call executes at `until`, not at the close.
	HoldEnactment {
		/// The proposal.
		proposal: ProposalIndex,
		/// Block its enactment is held until (bounded by the voting pallet).
		until: BlockNumber,
	},
	/// Release a hold: the proposal is enacted at its close, or at the next block if it has
	/// already passed.
	ReleaseEnactment {
		/// The proposal.
		proposal: ProposalIndex,
	},
}

/// A firewall action as a call takes it: pallet and call names unbounded on the wire (they encode
/// exactly like the stored [`CallName`]s), bounded first thing in the call, so a name one byte
/// over `MAX_CALL_NAME_LEN` is a named error (`CallNameTooLong`), not a decoding trap.
pub type FirewallActionInput<AccountId, BlockNumber> =
	FirewallAction<AccountId, BlockNumber, alloc::vec::Vec<u8>>;

impl<AccountId, BlockNumber> From<FirewallAction<AccountId, BlockNumber>>
	for FirewallActionInput<AccountId, BlockNumber>
{
	fn from(action: FirewallAction<AccountId, BlockNumber>) -> Self {
		match action.try_map_names(|n| Ok::<_, core::convert::Infallible>(n.into_inner())) {
			Ok(input) => input,
			Err(never) => match never {},
		}
	}
}

impl<AccountId, BlockNumber> FirewallActionInput<AccountId, BlockNumber> {
	/// The action with its names bounded; `None` when a name is longer than
	/// `MAX_CALL_NAME_LEN`.
	pub fn bounded(self) -> Option<FirewallAction<AccountId, BlockNumber>> {
		self.try_map_names(CallName::try_from).ok()
	}
}

impl<AccountId, BlockNumber, Name> FirewallAction<AccountId, BlockNumber, Name> {
	/// The same action with each pallet and call name mapped by `f`; the first error `f`
	/// returns, if any.
	pub fn try_map_names<Other, E>(
		self,
		f: impl Fn(Name) -> Result<Other, E>,
	) -> Result<FirewallAction<AccountId, BlockNumber, Other>, E> {
		Ok(match self {
			Self::Freeze { who, until } => FirewallAction::Freeze { who, until },
			Self::Unfreeze { who } => FirewallAction::Unfreeze { who },
			Self::Pause { pallet, call, until } => {
				FirewallAction::Pause { pallet: f(pallet)?, call: call.map(&f).transpose()?, until }
			},
			Self::Unpause { pallet, call } => {
				FirewallAction::Unpause { pallet: f(pallet)?, call: call.map(&f).transpose()? }
			},
			Self::EnterSafeMode => FirewallAction::EnterSafeMode,
			Self::ExitSafeMode => FirewallAction::ExitSafeMode,
			Self::Dispute { record } => FirewallAction::Dispute { record },
			Self::ClearDispute { record } => FirewallAction::ClearDispute { record },
			Self::HoldEnactment { proposal, until } => {
				FirewallAction::HoldEnactment { proposal, until }
			},
			Self::ReleaseEnactment { proposal } => FirewallAction::ReleaseEnactment { proposal },
		})
	}
}

impl<AccountId: Clone, BlockNumber> FirewallAction<AccountId, BlockNumber> {
	/// What the action acts on: restricting and relaxing actions of a pair share it.
	pub fn target(&self) -> ActionTarget<AccountId> {
		match self {
			FirewallAction::Freeze { who, .. } | FirewallAction::Unfreeze { who } => {
				ActionTarget::Account(who.clone())
			},
			FirewallAction::Pause { pallet, call, .. }
			| FirewallAction::Unpause { pallet, call } => ActionTarget::Call(pallet.clone(), call.clone()),
			FirewallAction::EnterSafeMode | FirewallAction::ExitSafeMode => ActionTarget::SafeMode,
			FirewallAction::Dispute { record } | FirewallAction::ClearDispute { record } => {
				ActionTarget::Record(*record)
			},
			FirewallAction::HoldEnactment { proposal, .. }
			| FirewallAction::ReleaseEnactment { proposal } => ActionTarget::Proposal(*proposal),
		}
	}
}

impl<AccountId, BlockNumber, Name> FirewallAction<AccountId, BlockNumber, Name> {
	/// Whether the action acts on the whole chain (a pause or safe mode affects everyone), and
	/// so needs a chain-wide motion.
	pub fn chain_wide_only(&self) -> bool {
		matches!(
			self,
			FirewallAction::Pause { .. }
				| FirewallAction::Unpause { .. }
				| FirewallAction::EnterSafeMode
				| FirewallAction::ExitSafeMode
		)
	}

	/// Whether the action restricts (and so may be overturned by a stakeholder vote).
	pub fn restricts(&self) -> bool {
		matches!(
			self,
			FirewallAction::Freeze { .. }
				| FirewallAction::Pause { .. }
				| FirewallAction::EnterSafeMode
				| FirewallAction::Dispute { .. }
				| FirewallAction::HoldEnactment { .. }
		)
	}
}

/// What a firewall action acts on: the key of its cool-off after an overturn, and of the
/// action in force on it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: Serialize, Name: AsRef<[u8]>",
		deserialize = "AccountId: Deserialize<'de>, Name: TryFrom<alloc::vec::Vec<u8>>"
	)
)]
pub enum ActionTarget<AccountId, Name = CallName> {
	/// An account (freeze).
	Account(AccountId),
	/// A pallet, or one of its calls (pause).
	Call(
		#[serde(with = "polity_primitives::text::bounded")] Name,
		#[serde(with = "polity_primitives::text::optional_bounded")] Option<Name>,
	),
	/// The whole chain (safe mode).
	SafeMode,
	/// A data record (dispute).
	Record(RecordHash),
	/// A proposal's enactment (hold).
	Proposal(ProposalIndex),
}

/// A target as `shorten_cool_off` takes it: names unbounded on the wire (encoded exactly like
/// [`ActionTarget`]), bounded first thing in the call (`CallNameTooLong`).
pub type ActionTargetInput<AccountId> = ActionTarget<AccountId, alloc::vec::Vec<u8>>;

impl<AccountId> ActionTargetInput<AccountId> {
	/// The target with its names bounded; `None` when a name is longer than
	/// `MAX_CALL_NAME_LEN`.
	pub fn bounded(self) -> Option<ActionTarget<AccountId>> {
		self.try_map_names(CallName::try_from).ok()
	}
}

impl<AccountId> From<ActionTarget<AccountId>> for ActionTargetInput<AccountId> {
	fn from(target: ActionTarget<AccountId>) -> Self {
		match target.try_map_names(|n| Ok::<_, core::convert::Infallible>(n.into_inner())) {
			Ok(input) => input,
			Err(never) => match never {},
		}
	}
}

impl<AccountId, Name> ActionTarget<AccountId, Name> {
	/// The same target with its pallet and call names mapped by `f`; the first error `f`
	/// returns, if any.
	pub fn try_map_names<Other, E>(
		self,
		f: impl Fn(Name) -> Result<Other, E>,
	) -> Result<ActionTarget<AccountId, Other>, E> {
		Ok(match self {
			Self::Account(who) => ActionTarget::Account(who),
			Self::Call(pallet, call) => ActionTarget::Call(f(pallet)?, call.map(&f).transpose()?),
			Self::SafeMode => ActionTarget::SafeMode,
			Self::Record(record) => ActionTarget::Record(record),
			Self::Proposal(proposal) => ActionTarget::Proposal(proposal),
		})
	}
}

/// A paused call or pallet's key: pallet name, and call name (`None`: the whole pallet).
pub type PauseKey = (CallName, Option<CallName>);

/// A pause in force.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PauseInfo<BlockNumber> {
	/// Last paused block.
	pub until: BlockNumber,
	/// The logged action that paused it.
	pub action: ActionId,
}

/// A pause as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PauseView<BlockNumber> {
	/// The pallet's name.
	#[serde(with = "polity_primitives::text::utf8")]
	pub pallet: alloc::vec::Vec<u8>,
	/// The call's name; `None`: the whole pallet.
	pub call: Option<alloc::string::String>,
	/// Last paused block.
	pub until: BlockNumber,
	/// The logged action that paused it.
	pub action: ActionId,
}

/// A proposed firewall action awaiting approvals.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxReason, MaxApprovals))]
pub struct Motion<AccountId, BlockNumber, MaxReason: Get<u32>, MaxApprovals: Get<u32>> {
	/// What it would do.
	pub action: FirewallAction<AccountId, BlockNumber>,
	/// The jurisdiction it is taken in: a scope, or the whole chain.
	pub scope: Option<ScopeId>,
	/// Why.
	pub reason: BoundedVec<u8, MaxReason>,
	/// Who proposed it.
	pub proposer: AccountId,
	/// Regulators who approved it, the proposer first.
	pub approvals: BoundedVec<AccountId, MaxApprovals>,
	/// Last block it may be approved at.
	pub expires: BlockNumber,
}

/// An executed action, as the on-chain log keeps it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxReason, MaxApprovals))]
pub struct LoggedAction<AccountId, BlockNumber, MaxReason: Get<u32>, MaxApprovals: Get<u32>> {
	/// What was done.
	pub action: FirewallAction<AccountId, BlockNumber>,
	/// In which jurisdiction.
	pub scope: Option<ScopeId>,
	/// Why.
	pub reason: BoundedVec<u8, MaxReason>,
	/// The regulator who proposed it; `None`: a stakeholder vote took it directly (`act`).
	pub proposer: Option<AccountId>,
	/// Who approved it (none when a stakeholder vote took it).
	pub approvals: BoundedVec<AccountId, MaxApprovals>,
	/// The account it concerns (the frozen account, a disputed record's owner, a held
	/// proposal's proposer), if any.
	pub subject: Option<AccountId>,
	/// Block it took effect.
	pub executed_at: BlockNumber,
	/// Block a stakeholder vote overturned it, if any.
	pub overturned_at: Option<BlockNumber>,
}

/// An account's freeze.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct FreezeInfo<BlockNumber> {
	/// Last frozen block.
	pub until: BlockNumber,
	/// First block of the unbroken run of freezes this one continues: renewals never reach
	/// past `since + MaxFreezeDuration`.
	pub since: BlockNumber,
	/// The logged action that froze it.
	pub action: ActionId,
}

/// A validator as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidatorSetView<AccountId> {
	/// The validators of the current session.
	pub active: alloc::vec::Vec<AccountId>,
	/// The validators governance decided; the session takes them at its next change.
	pub validators: alloc::vec::Vec<AccountId>,
	/// The floor governance cannot remove validators below.
	pub min_validators: u32,
	/// Whether the set changed since the last session change.
	pub pending: bool,
}

/// A regulator as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegulatorView<AccountId, BlockNumber> {
	/// The regulator.
	pub account: AccountId,
	/// `None`: the whole chain; otherwise these scopes.
	pub scopes: Option<alloc::vec::Vec<ScopeId>>,
	/// Licensed nodes' peer ids (raw multihash bytes).
	pub nodes: alloc::vec::Vec<alloc::vec::Vec<u8>>,
	/// Block of appointment.
	pub appointed_at: BlockNumber,
}

/// A logged action as queries return it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionView<AccountId, BlockNumber> {
	/// Its id.
	pub id: ActionId,
	/// What was done.
	pub action: FirewallAction<AccountId, BlockNumber>,
	/// In which jurisdiction (`None`: the whole chain).
	pub scope: Option<ScopeId>,
	/// Why.
	#[serde(with = "polity_primitives::text::utf8")]
	pub reason: alloc::vec::Vec<u8>,
	/// The regulator who proposed it; `None`: a stakeholder vote took it directly.
	pub proposer: Option<AccountId>,
	/// Who approved it.
	pub approvals: alloc::vec::Vec<AccountId>,
	/// The account it concerns, if any.
	pub subject: Option<AccountId>,
	/// Block it took effect.
	pub executed_at: BlockNumber,
	/// Block it was overturned, if it was.
	pub overturned_at: Option<BlockNumber>,
}

/// A target's restriction spans: (first block, block it ended or ends at), oldest first.
pub type RestrictionSpansOf<T> = polkadot_sdk::frame_support::BoundedVec<
	(
		polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
		polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	),
	polkadot_sdk::frame_support::traits::ConstU32<{ crate::MAX_RESTRICTION_SPANS }>,
>;
