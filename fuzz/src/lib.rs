//! # Polity's stateful fuzzer
//!
//! Runs random sequences of every custom call of the three pallets — stakeholder voting, data
//! ownership and regulatory nodes — together with the firewall levers (`tx-pause`,
//! `safe-mode`) and the network register (`node-authorization`), from random origins (signed
//! accounts, passed votes of a scope, root) with random arguments drawn from small domains so
//! that calls meet each other's state. Blocks advance with the pallets' hooks. After every block
//! all three pallets' invariants (`do_try_state`, the same checks `try-runtime` runs) must hold,
//! and no call or hook may panic.
//!
//! Signed calls pass through `CheckFirewall` as a transaction would: a frozen account's call is
//! dropped unless it is one of the governance calls a freeze never blocks.
//!
//! A run is reproducible from its seed. `polity-fuzz --seed S --steps N` runs one from the
//! command line; `scripts/fuzz.sh` runs as many seeds as asked; the crate's test runs a bounded,
//! seeded amount in CI.

pub mod classes;

use codec::Encode;
use pallet_regulatory_nodes::{FirewallAction, JurisdictionInput};
use pallet_stakeholder_voting::{Sector, VoteChoice, VotingRule, Weighting};
use polity_runtime::{
	genesis_config_presets, AccountId, BlockNumber, Runtime, RuntimeCall, RuntimeOrigin,
};
use polkadot_sdk::{
	frame_support::{
		dispatch::GetDispatchInfo, pallet_prelude::TransactionSource, traits::OnInitialize,
	},
	frame_system, pallet_node_authorization, pallet_safe_mode, pallet_tx_pause,
	sp_core::{OpaquePeerId, H256},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{traits::Dispatchable, traits::TransactionExtension, BuildStorage, Perbill},
};
use std::{collections::BTreeMap, panic::AssertUnwindSafe};

/// A small, fast, seedable generator (xorshift64*): runs are reproducible from the seed alone.
pub struct Rng(u64);

impl Rng {
	/// A generator for `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		self.0 = x;
		x.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	/// A number below `n` (`n > 0`).
	pub fn below(&mut self, n: u64) -> u64 {
		self.next_u64() % n.max(1)
	}

	/// `true` with probability `percent` %.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items`.
	pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize].clone()
	}
}

/// What a run did and found.
#[derive(Debug, Default)]
pub struct Report {
	/// The seed.
	pub seed: u64,
	/// Calls dispatched.
	pub calls: u64,
	/// Calls that succeeded.
	pub succeeded: u64,
	/// Signed calls `CheckFirewall` dropped (frozen accounts).
	pub dropped: u64,
	/// Blocks advanced.
	pub blocks: u64,
	/// Signed calls whose why-refused answer, asked before, was compared with the dispatch.
	pub answers_checked: u64,
	/// Calls dispatched per pallet.
	pub by_pallet: BTreeMap<&'static str, u64>,
	/// Proposals submitted, and how many passed.
	pub proposals: (u32, u32),
	/// Firewall actions executed (motions that reached their threshold).
	pub actions: u32,
	/// Failures by call and error name.
	pub errors: BTreeMap<String, u64>,
	/// Panics and broken invariants, with the step they happened at. Empty on a clean run.
	pub findings: Vec<String>,
}

const ACCOUNTS: [Sr25519Keyring; 8] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
	Sr25519Keyring::AliceStash,
	Sr25519Keyring::BobStash,
];

/// Mostly the genesis stakeholders and regulators (Alice, Bob, Charlie, Dave), so calls meet
/// state; sometimes anyone.
fn account(rng: &mut Rng) -> AccountId {
	if rng.chance(60) {
		rng.pick(&ACCOUNTS[..4]).to_account_id()
	} else {
		rng.pick(&ACCOUNTS).to_account_id()
	}
}

/// The salt of every fuzzed commitment, so reveals can match them.
const SALT: [u8; 32] = [7; 32];

fn record(rng: &mut Rng) -> H256 {
	H256::repeat_byte(1 + rng.below(6) as u8)
}

fn peer(rng: &mut Rng) -> OpaquePeerId {
	OpaquePeerId(vec![b'p', rng.below(6) as u8])
}

fn bounded<S: polkadot_sdk::sp_core::Get<u32>>(
	bytes: &[u8],
) -> polkadot_sdk::frame_support::BoundedVec<u8, S> {
	polkadot_sdk::frame_support::BoundedVec::truncate_from(bytes.to_vec())
}

/// The state a run keeps to aim its arguments at what exists.
struct World {
	now: BlockNumber,
}

impl World {
	fn block_near(&self, rng: &mut Rng) -> BlockNumber {
		match rng.below(4) {
			0 => self.now,
			1 => self.now.saturating_add(rng.below(20) as BlockNumber),
			2 => self.now.saturating_add(rng.below(2_000) as BlockNumber),
			_ => self.now.saturating_sub(rng.below(5) as BlockNumber),
		}
	}

	fn proposal(&self, rng: &mut Rng) -> u32 {
		let count = pallet_stakeholder_voting::ProposalCount::<Runtime>::get();
		// Mostly the latest few, which are still open: votes gather and proposals pass.
		if rng.chance(70) {
			count.saturating_sub(1 + rng.below(3) as u32)
		} else {
			rng.below(u64::from(count) + 2) as u32
		}
	}

	fn motion(&self, rng: &mut Rng) -> u32 {
		let next = pallet_regulatory_nodes::NextMotionId::<Runtime>::get();
		next.saturating_sub(rng.below(4) as u32 + u32::from(rng.chance(80)))
	}

	fn action(&self, rng: &mut Rng) -> u32 {
		let next = pallet_regulatory_nodes::NextActionId::<Runtime>::get();
		next.saturating_sub(1 + rng.below(4) as u32)
	}

	fn scope(&self, rng: &mut Rng) -> u32 {
		rng.below(4) as u32
	}

	fn rule(&self, rng: &mut Rng) -> VotingRule<BlockNumber> {
		VotingRule {
			weighting: match rng.below(4) {
				0 => Weighting::Headcount,
				1 => Weighting::Stake { cap: Perbill::from_percent(rng.below(101) as u32) },
				2 => Weighting::Quadratic,
				_ => Weighting::Hybrid {
					headcount_share: Perbill::from_percent(rng.below(101) as u32),
				},
			},
			approval: Perbill::from_percent(rng.below(101) as u32),
			quorum: Perbill::from_percent(rng.below(60) as u32),
			sector_balance: rng.chance(50),
			voting_period: 1 + rng.below(30) as BlockNumber,
		}
	}

	/// A firewall action as calls take it; now and then a name one byte over its bound, which
	/// must be refused by name (`CallNameTooLong`), never trap.
	fn firewall_action(
		&self,
		rng: &mut Rng,
	) -> pallet_regulatory_nodes::FirewallActionInput<AccountId, BlockNumber> {
		const TOO_LONG: &[u8] = &[b'x'; pallet_regulatory_nodes::MAX_CALL_NAME_LEN as usize + 1];
		let pallets: [&[u8]; 6] =
			[b"Balances", b"DataOwnership", b"StakeholderVoting", b"Utility", b"Nowhere", TOO_LONG];
		let calls: [&[u8]; 4] =
			[b"transfer_keep_alive", b"register", b"transfer_allow_death", b"nothing"];
		let pallet = rng.pick(&pallets).to_vec();
		let call = rng.chance(50).then(|| rng.pick(&calls).to_vec());
		match rng.below(10) {
			0 => FirewallAction::Freeze { who: account(rng), until: self.block_near(rng) },
			1 => FirewallAction::Unfreeze { who: account(rng) },
			2 => FirewallAction::Pause { pallet, call, until: self.block_near(rng) },
			3 => FirewallAction::Unpause { pallet, call },
			4 => FirewallAction::EnterSafeMode,
			5 => FirewallAction::ExitSafeMode,
			6 => FirewallAction::Dispute { record: record(rng) },
			7 => FirewallAction::ClearDispute { record: record(rng) },
			8 => FirewallAction::HoldEnactment {
				proposal: self.proposal(rng),
				until: self.block_near(rng),
			},
			_ => FirewallAction::ReleaseEnactment { proposal: self.proposal(rng) },
		}
	}

	/// A call a proposal may carry.
	fn proposal_call(&self, rng: &mut Rng) -> Option<Box<RuntimeCall>> {
		let call = match rng.below(7) {
			0 => return None,
			1 => RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] }),
			2 => RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::overturn {
				action: self.action(rng),
			}),
			3 => RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::cancel {
				index: self.proposal(rng),
			}),
			4 => RuntimeCall::RegulatoryNodes(pallet_regulatory_nodes::Call::dismiss {
				who: account(rng),
			}),
			5 => RuntimeCall::StakeholderVoting(pallet_stakeholder_voting::Call::admit {
				who: account(rng),
				sector: self.sector(rng),
				scope: self.scope(rng),
				stake: rng.below(1_000),
			}),
			_ => RuntimeCall::Balances(polkadot_sdk::pallet_balances::Call::transfer_keep_alive {
				dest: account(rng).into(),
				value: 1,
			}),
		};
		Some(Box::new(call))
	}

	fn sector(&self, rng: &mut Rng) -> Sector {
		rng.pick(&[Sector::Government, Sector::Market, Sector::Community])
	}

	/// Metadata as a caller submits it; now and then a field one byte over its bound, which the
	/// call must refuse with its named error.
	fn metadata(&self, rng: &mut Rng) -> pallet_data_ownership::MetadataInput {
		use polkadot_sdk::sp_core::Get as _;
		let over = |bound: u32| vec![b'x'; bound as usize + 1];
		pallet_data_ownership::MetadataInput {
			title: if rng.chance(5) {
				over(<Runtime as pallet_data_ownership::Config>::MaxTitleLen::get())
			} else {
				b"a record title"[..rng.below(14) as usize].to_vec()
			},
			media_type: b"text/csv".to_vec(),
			uri: if rng.chance(5) {
				over(<Runtime as pallet_data_ownership::Config>::MaxUriLen::get())
			} else {
				b"ipfs://cid".to_vec()
			},
			schema: None,
		}
	}

	/// A random call of the three pallets, the levers or the register.
	fn call(&self, rng: &mut Rng) -> RuntimeCall {
		use pallet_data_ownership::Call as Data;
		use pallet_regulatory_nodes::Call as Reg;
		use pallet_stakeholder_voting::Call as Vote;
		match rng.below(100) {
			// Stakeholder voting: most traffic.
			// Delegation, and secret ballots (a commitment of a random account opens when
			// that account also signs, with the fuzzer's fixed salt).
			12 => {
				let scope = if rng.chance(50) { rng.below(2) as u32 } else { self.scope(rng) };
				match rng.below(3) {
					0 => RuntimeCall::StakeholderVoting(Vote::delegate {
						scope,
						delegate: account(rng),
						expires: rng.chance(30).then(|| rng.below(60) as u32),
					}),
					1 => RuntimeCall::StakeholderVoting(Vote::accept_delegation {
						scope,
						delegator: account(rng),
					}),
					_ => RuntimeCall::StakeholderVoting(Vote::reject_delegation {
						scope,
						delegator: account(rng),
					}),
				}
			},
			13 => RuntimeCall::StakeholderVoting(Vote::undelegate { scope: rng.below(2) as u32 }),
			14 => {
				let index = self.proposal(rng);
				let choice = if rng.chance(70) { VoteChoice::Aye } else { VoteChoice::Nay };
				RuntimeCall::StakeholderVoting(Vote::commit_vote {
					index,
					commitment: pallet_stakeholder_voting::commitment_of(
						index,
						&account(rng),
						choice,
						&[1; 32],
					),
				})
			},
			15 => RuntimeCall::StakeholderVoting(Vote::reveal_vote {
				index: self.proposal(rng),
				choice: if rng.chance(70) { VoteChoice::Aye } else { VoteChoice::Nay },
				salt: [1; 32],
			}),
			0..=11 => RuntimeCall::StakeholderVoting(Vote::vote {
				index: self.proposal(rng),
				choice: match rng.below(20) {
					0..=11 => VoteChoice::Aye,
					12..=16 => VoteChoice::Nay,
					_ => VoteChoice::Abstain,
				},
			}),
			16..=19 => RuntimeCall::StakeholderVoting(Vote::propose {
				scope: if rng.chance(80) { rng.below(2) as u32 } else { self.scope(rng) },
				title: b"a proposal".to_vec(),
				description_hash: H256::repeat_byte(7),
				call: self.proposal_call(rng),
			}),
			20..=23 => RuntimeCall::StakeholderVoting(Vote::close { index: self.proposal(rng) }),
			24 => RuntimeCall::StakeholderVoting(Vote::withdraw { index: self.proposal(rng) }),
			25 => RuntimeCall::StakeholderVoting(Vote::cancel { index: self.proposal(rng) }),
			26 => RuntimeCall::StakeholderVoting(Vote::reap_votes {
				index: self.proposal(rng),
				limit: rng.below(5) as u32,
			}),
			27 => RuntimeCall::StakeholderVoting(Vote::admit {
				who: account(rng),
				sector: self.sector(rng),
				scope: self.scope(rng),
				stake: rng.below(1_000),
			}),
			28 => RuntimeCall::StakeholderVoting(Vote::set_stake {
				who: account(rng),
				scope: self.scope(rng),
				stake: rng.below(1_000),
			}),
			29 => RuntimeCall::StakeholderVoting(Vote::remove_from_scope {
				who: account(rng),
				scope: self.scope(rng),
			}),
			30 => RuntimeCall::StakeholderVoting(Vote::suspend { who: account(rng) }),
			31 => RuntimeCall::StakeholderVoting(Vote::resume { who: account(rng) }),
			32 => RuntimeCall::StakeholderVoting(Vote::remove { who: account(rng) }),
			33 => RuntimeCall::StakeholderVoting(Vote::apply {
				sector: self.sector(rng),
				scope: self.scope(rng),
				stake: rng.below(1_000),
			}),
			34 => RuntimeCall::StakeholderVoting(Vote::approve_application {
				who: account(rng),
				stake: rng.below(1_000),
			}),
			35 => RuntimeCall::StakeholderVoting(Vote::reject_application {
				who: account(rng),
				slash: rng.chance(50),
			}),
			36 => RuntimeCall::StakeholderVoting(Vote::withdraw_application {}),
			37 => RuntimeCall::StakeholderVoting(Vote::create_scope {
				name: b"fuzzed-scope".to_vec(),
				rule: self.rule(rng),
			}),
			38 if rng.chance(20) => RuntimeCall::StakeholderVoting(Vote::set_policy {
				scope: self.scope(rng),
				policy: pallet_stakeholder_voting::ScopePolicy {
					secret_ballot: rng.chance(60).then(|| 2 + rng.below(6) as u32),
					attestation_required: rng.chance(20),
				},
			}),
			38 if rng.chance(15) => RuntimeCall::StakeholderVoting(Vote::add_registrar {
				scope: self.scope(rng),
				registrar: account(rng),
			}),
			38 if rng.chance(15) => RuntimeCall::StakeholderVoting(Vote::attest {
				scope: self.scope(rng),
				who: account(rng),
				person: H256::repeat_byte(rng.below(4) as u8),
				sector: self.sector(rng),
				// Now and then far above any cap (`StakeTooLarge`).
				stake: if rng.chance(10) { u64::MAX - rng.below(3) } else { rng.below(1_000) },
				evidence: H256::zero(),
				expires: rng.below(80) as u32,
			}),
			38 if rng.chance(15) => {
				RuntimeCall::StakeholderVoting(Vote::join { scope: self.scope(rng) })
			},
			38 if rng.chance(10) => RuntimeCall::StakeholderVoting(Vote::set_stake_cap {
				scope: self.scope(rng),
				cap: rng.chance(70).then(|| rng.below(2_000)),
			}),
			38 if rng.chance(10) => RuntimeCall::StakeholderVoting(Vote::remove_unattested {
				scope: self.scope(rng),
				who: account(rng),
			}),
			38 if rng.chance(10) => {
				RuntimeCall::StakeholderVoting(Vote::leave { scope: self.scope(rng) })
			},
			38 if rng.chance(10) => RuntimeCall::StakeholderVoting(Vote::revoke_attestation {
				scope: self.scope(rng),
				who: account(rng),
			}),
			38 if rng.chance(50) => RuntimeCall::StakeholderVoting(Vote::set_rule {
				scope: self.scope(rng),
				rule: self.rule(rng),
			}),
			// Safeguards short enough to delay and confirm within a fuzzed run.
			38 => RuntimeCall::StakeholderVoting(Vote::set_safeguards {
				scope: if rng.chance(20) { None } else { Some(self.scope(rng)) },
				safeguards: pallet_stakeholder_voting::Safeguards {
					min_voting_period: rng.below(12) as u32,
					enactment_delay: rng.below(8) as u32,
					confirm_period: rng.below(6) as u32,
				},
			}),
			39 => RuntimeCall::StakeholderVoting(Vote::dispatch_as_root {
				call: self.proposal_call(rng).unwrap_or_else(|| {
					Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
				}),
			}),
			// Data ownership.
			40..=42 => RuntimeCall::DataOwnership(Data::register {
				hash: record(rng),
				metadata: self.metadata(rng),
				supersedes: rng.chance(20).then(|| record(rng)),
			}),
			// Commitments of a random account: they match when it is also the signer.
			43 => RuntimeCall::DataOwnership(Data::commit {
				commitment: pallet_data_ownership::Pallet::<Runtime>::commitment_of(
					&account(rng),
					&SALT,
					&[(record(rng), rng.chance(20).then(|| record(rng)))],
				),
			}),
			44 => RuntimeCall::DataOwnership(Data::reveal {
				records: vec![pallet_data_ownership::NewRecordInput {
					hash: record(rng),
					metadata: self.metadata(rng),
					supersedes: rng.chance(20).then(|| record(rng)),
				}],
				salt: SALT,
			}),
			45 => {
				if rng.chance(50) {
					RuntimeCall::DataOwnership(Data::expire_dispute { hash: record(rng) })
				} else {
					RuntimeCall::DataOwnership(Data::resolve_dispute {
						hash: record(rng),
						owner: rng.chance(70).then(|| account(rng)),
					})
				}
			},
			46 => RuntimeCall::DataOwnership(Data::revoke { hash: record(rng) }),
			47 => RuntimeCall::DataOwnership(Data::purge { hash: record(rng) }),
			48 => RuntimeCall::DataOwnership(Data::offer_transfer {
				hash: record(rng),
				to: account(rng),
				expires: self.block_near(rng),
			}),
			49 => RuntimeCall::DataOwnership(Data::accept_transfer { hash: record(rng) }),
			50 => {
				if rng.chance(50) {
					RuntimeCall::DataOwnership(Data::cancel_offer { hash: record(rng) })
				} else {
					RuntimeCall::DataOwnership(Data::cancel_commitment {
						commitment: pallet_data_ownership::Pallet::<Runtime>::commitment_of(
							&account(rng),
							&SALT,
							&[(record(rng), None)],
						),
					})
				}
			},
			51..=52 => RuntimeCall::DataOwnership(Data::grant_access {
				hash: record(rng),
				to: account(rng),
				purpose: b"research".to_vec(),
				expires: self.block_near(rng),
			}),
			53 => RuntimeCall::DataOwnership(Data::revoke_access {
				hash: record(rng),
				who: account(rng),
			}),
			// Regulatory nodes and the firewall.
			54..=63 => RuntimeCall::RegulatoryNodes(Reg::propose {
				action: self.firewall_action(rng),
				scope: rng.chance(60).then(|| self.scope(rng)),
				reason: b"fuzzed".to_vec(),
			}),
			64..=71 => RuntimeCall::RegulatoryNodes(Reg::approve { motion: self.motion(rng) }),
			72 => RuntimeCall::RegulatoryNodes(Reg::close_motion { motion: self.motion(rng) }),
			73..=74 => RuntimeCall::RegulatoryNodes(Reg::overturn { action: self.action(rng) }),
			75 => RuntimeCall::RegulatoryNodes(Reg::clear_expired_freeze { who: account(rng) }),
			76 => RuntimeCall::RegulatoryNodes(Reg::appoint {
				who: account(rng),
				jurisdiction: if rng.chance(50) {
					JurisdictionInput::ChainWide
				} else {
					// Now and then more scopes than a jurisdiction holds: `TooManyScopes`.
					let n = if rng.chance(5) { 17 } else { 1 };
					JurisdictionInput::Scopes((0..n).map(|_| self.scope(rng)).collect())
				},
				nodes: vec![peer(rng).0],
			}),
			77 => {
				if rng.chance(50) {
					RuntimeCall::RegulatoryNodes(Reg::dismiss { who: account(rng) })
				} else {
					RuntimeCall::RegulatoryNodes(Reg::act {
						action: self.firewall_action(rng),
						reason: b"by vote".to_vec(),
					})
				}
			},
			78 => {
				RuntimeCall::RegulatoryNodes(Reg::set_threshold { threshold: rng.below(4) as u32 })
			},
			79 => RuntimeCall::RegulatoryNodes(Reg::add_validator { who: account(rng) }),
			80 => RuntimeCall::RegulatoryNodes(Reg::remove_validator { who: account(rng) }),
			81 => {
				RuntimeCall::RegulatoryNodes(Reg::set_min_validators { min: rng.below(4) as u32 })
			},
			// The levers and the register, as their own calls.
			82 => RuntimeCall::TxPause(pallet_tx_pause::Call::unpause {
				ident: (bounded(b"Balances"), bounded(b"transfer_keep_alive")),
			}),
			83 => RuntimeCall::SafeMode(pallet_safe_mode::Call::force_exit {}),
			84 => RuntimeCall::SafeMode(pallet_safe_mode::Call::enter {}),
			85 => RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node {
				node: peer(rng),
			}),
			86 => {
				RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
					node: peer(rng),
					connections: vec![peer(rng)],
				})
			},
			87 => RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::add_well_known_node {
					node: peer(rng),
					owner: account(rng).into(),
				},
			),
			88 => RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::remove_well_known_node { node: peer(rng) },
			),
			89 => RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::transfer_node {
				node: peer(rng),
				owner: account(rng).into(),
			}),
			// Balance moves change who can pay deposits.
			_ => RuntimeCall::Balances(polkadot_sdk::pallet_balances::Call::transfer_keep_alive {
				dest: account(rng).into(),
				value: u128::from(rng.below(1_000)) * polity_runtime::UNIT,
			}),
		}
	}

	/// A random origin: mostly accounts, sometimes a passed vote of a scope, rarely root.
	fn origin(&self, rng: &mut Rng) -> (RuntimeOrigin, Option<AccountId>) {
		match rng.below(100) {
			0..=74 => {
				let who = account(rng);
				(RuntimeOrigin::signed(who.clone()), Some(who))
			},
			75..=96 => {
				let scope = if rng.chance(70) { 0 } else { self.scope(rng) };
				(pallet_stakeholder_voting::Origin::Stakeholders { scope }.into(), None)
			},
			_ => (RuntimeOrigin::root(), None),
		}
	}
}

/// The `development` genesis with a short voting period, as the node builds it.
pub fn dev_chain() -> TestExternalities {
	let config = genesis_config_presets::preset_config(&"development".into())
		.expect("the development preset builds a genesis config");
	let mut ext: TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| frame_system::Pallet::<Runtime>::set_block_number(1));
	ext
}

/// Every pallet invariant; `None` when all hold.
fn broken_invariant() -> Option<String> {
	let checks: [(&str, fn() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError>); 3] = [
		("StakeholderVoting", pallet_stakeholder_voting::Pallet::<Runtime>::do_try_state),
		("DataOwnership", pallet_data_ownership::Pallet::<Runtime>::do_try_state),
		("RegulatoryNodes", pallet_regulatory_nodes::Pallet::<Runtime>::do_try_state),
	];
	checks.iter().find_map(|(pallet, check)| check().err().map(|e| format!("{pallet}: {e:?}")))
}

/// Runs the hooks of a new block `n`.
fn next_block(n: BlockNumber) {
	frame_system::Pallet::<Runtime>::reset_events();
	frame_system::Pallet::<Runtime>::set_block_number(n);
	<(
		polity_runtime::Session,
		polity_runtime::SafeMode,
		polity_runtime::StakeholderVoting,
		polity_runtime::RegulatoryNodes,
	) as OnInitialize<BlockNumber>>::on_initialize(n);
}

/// Whether `CheckFirewall` admits `who`'s `call` into a block.
fn firewall_admits(who: &AccountId, call: &RuntimeCall) -> bool {
	pallet_regulatory_nodes::CheckFirewall::<Runtime>::new()
		.validate(
			RuntimeOrigin::signed(who.clone()),
			call,
			&call.get_dispatch_info(),
			call.encoded_size(),
			(),
			&polkadot_sdk::sp_runtime::traits::TxBaseImplication(()),
			TransactionSource::External,
		)
		.is_ok()
}

/// Runs `steps` random steps from `seed`: each a call or, about one in twelve, a new block.
pub fn run(seed: u64, steps: u64) -> Report {
	let mut rng = Rng::new(seed);
	let mut report = Report { seed, ..Default::default() };
	let mut ext = dev_chain();
	ext.execute_with(|| {
		let mut world = World { now: 1 };
		let mut ledger = classes::Ledger::new();
		for step in 0..steps {
			if rng.chance(8) {
				world.now = world.now.saturating_add(1 + rng.below(3) as BlockNumber);
				let now = world.now;
				if let Err(panic) = std::panic::catch_unwind(AssertUnwindSafe(|| next_block(now))) {
					report.findings.push(format!("step {step}: block {now} panicked: {panic:?}"));
					break;
				}
				report.blocks += 1;
				if let Some(broken) = broken_invariant().or_else(|| ledger.check(None, 0)) {
					report.findings.push(format!("step {step}: after block {now}: {broken}"));
					break;
				}
				continue;
			}
			let call = world.call(&mut rng);
			// Proposals and votes come mostly from the genesis stakeholders, so that proposals pass and their
			// enactment (holds, retries, self-acting calls) is exercised.
			let (origin, signer) = match call {
				RuntimeCall::StakeholderVoting(
					pallet_stakeholder_voting::Call::vote { .. }
					| pallet_stakeholder_voting::Call::propose { .. },
				) if rng.chance(80) => {
					let who = rng.pick(&ACCOUNTS[..4]).to_account_id();
					(RuntimeOrigin::signed(who.clone()), Some(who))
				},
				_ => world.origin(&mut rng),
			};
			if let Some(who) = &signer {
				if !firewall_admits(who, &call) {
					report.dropped += 1;
					continue;
				}
			}
			let pallet = call_pallet(&call);
			let name = {
				use polkadot_sdk::frame_support::traits::GetCallMetadata;
				call.get_call_metadata().function_name
			};
			*report.by_pallet.entry(pallet).or_default() += 1;
			report.calls += 1;
			let described = format!("{call:?}");
			// Bad input is refused by name: every call sent here, over-bound fields included,
			// decodes as the pool decodes a transaction — none would meet it as a wasm trap.
			if <RuntimeCall as codec::Decode>::decode(&mut &codec::Encode::encode(&call)[..])
				.is_err()
			{
				report.findings.push(format!(
					"step {step}: {described} does not decode: a field over its bound would trap at \
					 the pool"
				));
				break;
			}
			let caller = classes::Caller::of(&origin);
			let dispatched = call.clone();
			let from = classes::event_count();
			// Why-refused, asked before: it must name the error the dispatch then returns.
			let asked = signer
				.as_ref()
				.map(|who| polity_runtime::refusals::why_refused(who.clone(), call.clone()))
				.map(|refusal| refusal.map(|r| (r.pallet, r.error)));
			let outcome = match std::panic::catch_unwind(AssertUnwindSafe(|| call.dispatch(origin)))
			{
				Ok(Ok(_)) => {
					report.succeeded += 1;
					None
				},
				Ok(Err(e)) => {
					let error = polity_runtime::refusals::dispatch_refusal(e.error).error;
					*report.errors.entry(format!("{name}: {error}")).or_default() += 1;
					Some(error)
				},
				Err(panic) => {
					report.findings.push(format!("step {step}: {described} panicked: {panic:?}"));
					break;
				},
			};
			if let Some(asked) = asked {
				report.answers_checked += 1;
				if let Some(mismatch) = classes::refusal_mismatch(&asked, &outcome) {
					report.findings.push(format!("step {step}: {described}: {mismatch}"));
					break;
				}
			}
			if let Some(broken) = ledger.check(Some((&dispatched, &caller)), from) {
				report.findings.push(format!("step {step}: {broken}"));
				break;
			}
		}
		report.proposals = (
			pallet_stakeholder_voting::ProposalCount::<Runtime>::get(),
			pallet_stakeholder_voting::Proposals::<Runtime>::iter_values()
				.filter(|p| {
					matches!(
						p.status,
						pallet_stakeholder_voting::ProposalStatus::Approved { .. }
							| pallet_stakeholder_voting::ProposalStatus::Held { .. }
							| pallet_stakeholder_voting::ProposalStatus::AwaitingEnactment { .. }
					)
				})
				.count() as u32,
		);
		report.actions = pallet_regulatory_nodes::NextActionId::<Runtime>::get();
		if report.findings.is_empty() {
			if let Some(broken) = broken_invariant() {
				report.findings.push(format!("at the end: {broken}"));
			}
		}
	});
	report
}

fn call_pallet(call: &RuntimeCall) -> &'static str {
	match call {
		RuntimeCall::StakeholderVoting(_) => "StakeholderVoting",
		RuntimeCall::DataOwnership(_) => "DataOwnership",
		RuntimeCall::RegulatoryNodes(_) => "RegulatoryNodes",
		RuntimeCall::TxPause(_) => "TxPause",
		RuntimeCall::SafeMode(_) => "SafeMode",
		RuntimeCall::NodeAuthorization(_) => "NodeAuthorization",
		_ => "other",
	}
}
