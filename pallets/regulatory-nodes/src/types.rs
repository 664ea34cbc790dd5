//! Regulators, motions, firewall actions and the action log.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	sp_core::Get,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifies a motion.
pub type MotionId = u32;
/// Identifies an executed action in the log.
pub type ActionId = u32;
/// A scope of stakeholder voting (see `pallet-stakeholder-voting`).
pub type ScopeId = u32;

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

/// A firewall action a motion may take.
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
#[serde(rename_all_fields = "camelCase")]
pub enum FirewallAction<AccountId, BlockNumber> {
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
}

impl<AccountId, BlockNumber> FirewallAction<AccountId, BlockNumber> {
	/// The account the action concerns.
	pub fn subject(&self) -> &AccountId {
		match self {
			FirewallAction::Freeze { who, .. } | FirewallAction::Unfreeze { who } => who,
		}
	}
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
	/// Who proposed it.
	pub proposer: AccountId,
	/// Who approved it.
	pub approvals: BoundedVec<AccountId, MaxApprovals>,
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
	/// The logged action that froze it.
	pub action: ActionId,
}

/// Serializes byte strings as text for JSON-RPC readers.
mod utf8 {
	use alloc::{string::String, vec::Vec};
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&String::from_utf8_lossy(bytes))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
		String::deserialize(d).map(String::into_bytes)
	}
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
	#[serde(with = "utf8")]
	pub reason: alloc::vec::Vec<u8>,
	/// Who proposed it.
	pub proposer: AccountId,
	/// Who approved it.
	pub approvals: alloc::vec::Vec<AccountId>,
	/// Block it took effect.
	pub executed_at: BlockNumber,
	/// Block it was overturned, if it was.
	pub overturned_at: Option<BlockNumber>,
}
