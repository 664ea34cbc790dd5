//! The figures behind the node's `polity_*` metrics, computed where the storage layouts and
//! event types are known: a runtime upgrade carries its own reading of them.

use crate::{Runtime, RuntimeEvent};
use polity_primitives::metrics::GovernanceFigures;
use polkadot_sdk::{frame_system, pallet_safe_mode};

/// Every figure at the current block.
pub fn governance_figures() -> GovernanceFigures {
	use pallet_data_ownership::Event as Data;
	use pallet_regulatory_nodes::{Freezes, Pauses, RegulatorCount, Validators};
	use pallet_stakeholder_voting::{Event as Voting, OpenProposalsIn, ProposalCount};

	let mut figures = GovernanceFigures {
		open_proposals: OpenProposalsIn::<Runtime>::iter_values().map(u64::from).sum(),
		proposals: ProposalCount::<Runtime>::get().into(),
		freezes: count(Freezes::<Runtime>::iter_keys().count()),
		pauses: Pauses::<Runtime>::count().into(),
		safe_mode: pallet_safe_mode::EnteredUntil::<Runtime>::get().is_some(),
		regulators: RegulatorCount::<Runtime>::get().into(),
		validators: count(Validators::<Runtime>::get().len()),
		..Default::default()
	};
	for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
		let counter = match record.event {
			RuntimeEvent::StakeholderVoting(Voting::Voted { .. } | Voting::VoteRevealed { .. }) => {
				&mut figures.votes_in_block
			},
			RuntimeEvent::StakeholderVoting(Voting::Enacted { .. }) => {
				&mut figures.enactments_in_block
			},
			RuntimeEvent::DataOwnership(Data::Registered { .. }) => {
				&mut figures.registrations_in_block
			},
			_ => continue,
		};
		*counter = counter.saturating_add(1);
	}
	figures
}

fn count(n: usize) -> u64 {
	u64::try_from(n).unwrap_or(u64::MAX)
}
