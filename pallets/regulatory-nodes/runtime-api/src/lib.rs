//! Supervision runtime API: what regulators read — "penetrating supervision".
//!
//! The audit trail of an account gathers, from on-chain indexes only (no storage scans), its
//! stakeholder status, its votes, the data records it owns, its freeze and every firewall action
//! concerning it. Lists are paginated; the trail gives the first page of each, and the
//! dedicated methods page further.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
pub use pallet_data_ownership::ContentHash;
pub use pallet_regulatory_nodes::{
	ActionId, ActionView, FreezeInfo, PauseView, RegulatorView, ValidatorSetView,
};
pub use pallet_stakeholder_voting::{ProposalIndex, StakeholderView, VoteRecord};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Everything on chain about one account that supervision may look at.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditTrail<AccountId, BlockNumber> {
	/// The account.
	pub account: AccountId,
	/// Whether it is a regulator.
	pub is_regulator: bool,
	/// Its stakeholder record, if any.
	pub stakeholder: Option<StakeholderView<BlockNumber>>,
	/// Its proposals (first page).
	pub proposals: Vec<ProposalIndex>,
	/// Its votes (first page).
	pub votes: Vec<(ProposalIndex, VoteRecord)>,
	/// The data records it owns (first page).
	pub records: Vec<ContentHash>,
	/// Its freeze, if one is in force.
	pub freeze: Option<FreezeInfo<BlockNumber>>,
	/// Firewall actions concerning it, with who proposed and approved them and why (first page).
	pub actions: Vec<ActionView<AccountId, BlockNumber>>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Supervision queries.
	pub trait SupervisionApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The audit trail of `who`, each list's first `limit` (at most 100) items.
		fn audit_trail(who: AccountId, limit: u32) -> AuditTrail<AccountId, BlockNumber>;

		/// Every regulator with its jurisdiction and licensed nodes.
		fn regulators() -> Vec<RegulatorView<AccountId, BlockNumber>>;

		/// Every licensed node's peer id: the network register, validators' and regulators'
		/// nodes alike.
		fn licensed_nodes() -> Vec<Vec<u8>>;
		/// The validators authoring now, the set governance decided for the next session, and
		/// its floor.
		fn validators() -> ValidatorSetView<AccountId>;
		/// Calls and pallets paused now, and the last block of safe mode if it is entered.
		fn pauses() -> (Vec<PauseView<BlockNumber>>, Option<BlockNumber>);

		/// A page of the freezes in force (an expired one not yet cleared is not), after
		/// `start_after`.
		fn freezes(start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, FreezeInfo<BlockNumber>)>;

		/// A page of the action log, newest first, before `before`.
		fn action_log(before: Option<ActionId>, limit: u32) -> Vec<ActionView<AccountId, BlockNumber>>;

		/// A page of the actions concerning `who`, after `start_after`.
		fn actions_concerning(who: AccountId, start_after: Option<ActionId>, limit: u32) -> Vec<ActionView<AccountId, BlockNumber>>;
	}
}
