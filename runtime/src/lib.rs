//! # Polity runtime
//!
//! The state transition function of Polity, a governance chain on which government, market and
//! community take part as equal nodes. This crate composes upstream FRAME pallets (consensus,
//! balances, fees, utility) with Polity's own pallets into one runtime; `configs/` holds each
//! pallet's configuration grouped by domain, `apis.rs` the runtime APIs the node and clients call,
//! and `genesis_config_presets.rs` the only place genesis state is defined.

#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: no unwrap, expect, panic, indexing, unchecked arithmetic or lossy
// casts outside tests (enforced by `cargo clippy`, as for wasm32 runtimes).
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects,
		clippy::cast_possible_truncation,
		clippy::unreachable,
		clippy::todo,
		clippy::unimplemented
	)
)]
// `construct_runtime` and `impl_runtime_apis` expand to deeply nested types.
#![recursion_limit = "256"]

// The runtime every chain but `--dev` runs: no superuser pallet.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The `--dev` runtime: the same runtime built with the cargo feature `dev`, which adds
/// `pallet-sudo` (and the `development` genesis preset). `build.rs` builds both blobs.
#[cfg(feature = "std")]
pub mod dev_wasm {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_dev.rs"));
}

extern crate alloc;

pub mod apis;
pub mod check_nonce;
pub mod configs;
pub mod genesis_config_presets;
pub mod metrics;
#[cfg(feature = "runtime-benchmarks")]
mod node_authorization_benchmarks;
pub mod refusals;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use polkadot_sdk::{
	sp_runtime::{
		generic, impl_opaque_keys,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature,
	},
	sp_version::{runtime_version, RuntimeVersion},
	*,
};

#[cfg(feature = "std")]
pub use polkadot_sdk::sp_runtime::BuildStorage;
/// Calls node tools build transactions of.
pub use polkadot_sdk::{frame_system::Call as SystemCall, pallet_balances::Call as BalancesCall};

/// Polity's runtime version. `spec_version` must grow with every runtime upgrade.
#[cfg(not(feature = "next-spec-version"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("polity"),
	impl_name: Cow::Borrowed("polity-node"),
	authoring_version: 1,
	spec_version: 102,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime one `spec_version` later: the code the live-upgrade test enacts by vote
/// (`scripts/build-next-runtime.sh`).
#[cfg(feature = "next-spec-version")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("polity"),
	impl_name: Cow::Borrowed("polity-node"),
	authoring_version: 1,
	spec_version: 103,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// A block number.
pub type BlockNumber = u32;
/// A signature on the chain: sr25519, ed25519 or ecdsa, so any wallet key type works.
pub type Signature = MultiSignature;
/// An account: the public key behind the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of the native token.
pub type Balance = u128;
/// A transaction counter of an account.
pub type Nonce = u32;
/// A hash of some data on the chain.
pub type Hash = polkadot_sdk::sp_core::H256;

/// The native token's symbol, shown by wallets.
pub const TOKEN_SYMBOL: &str = "POL";
/// The native token's decimal places.
pub const TOKEN_DECIMALS: u8 = 12;
/// Polity's SS58 address prefix.
pub const SS58_PREFIX: u16 = 7013;

/// One whole token.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a token.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a token.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The smallest balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Target block time. Blocks come one per Aura slot at most.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot length; it cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
/// Blocks per minute.
// Evaluated at compile time: 10 blocks a minute fits any block number.
#[allow(clippy::cast_possible_truncation)]
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
/// Blocks per session: validator-set changes decided by governance take effect at a session
/// change, so sessions are short enough for that to happen within minutes.
pub const SESSION_PERIOD: BlockNumber = MINUTES;

/// Opaque types the node uses without knowing the runtime's extrinsic format, so it keeps
/// syncing across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	pub use polkadot_sdk::sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash.
	pub type Hash = <BlakeTwo256 as polkadot_sdk::sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		/// Block authoring key.
		pub aura: Aura,
		/// Finality voting key.
		pub grandpa: Grandpa,
	}
}

/// The address format of a transaction's sender.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed transaction carries, checked in this order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckMortality<Runtime>,
	// `frame_system::CheckNonce`, capping each account's feeless transactions in the pool.
	check_nonce::CheckNonce,
	frame_system::CheckWeight<Runtime>,
	// Before fees: a frozen account's transaction is rejected without charging it.
	pallet_regulatory_nodes::CheckFirewall<Runtime>,
	// Governance's feeless calls (a member's first vote on a proposal) skip the fee.
	pallet_skip_feeless_payment::SkipCheckIfFeeless<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions of a transaction with nonce `nonce`, mortality `era` and no tip,
/// without a metadata hash.
pub fn tx_extension(nonce: Nonce, era: polkadot_sdk::sp_runtime::generic::Era) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckMortality::from(era),
		check_nonce::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_regulatory_nodes::CheckFirewall::new(),
		pallet_skip_feeless_payment::SkipCheckIfFeeless::from(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// A signed transaction of `call` from `signer` with nonce `nonce` and no tip, on the chain with
/// genesis `genesis`, valid for the chain's first 256 blocks only (mortal from block 0, so it can
/// never be replayed later, say by an account reaped and re-admitted at nonce 0); `sign` signs
/// the payload. Node tools (the overhead benchmark, which builds a block on a fresh chain) build
/// transactions with it and need not know the extensions.
pub fn signed_transaction(
	call: RuntimeCall,
	signer: AccountId,
	nonce: Nonce,
	genesis: Hash,
	sign: impl Fn(&[u8]) -> Signature,
) -> UncheckedExtrinsic {
	use codec::Encode as _;
	use polkadot_sdk::sp_runtime::generic::Era;
	let extension = tx_extension(nonce, Era::mortal(256, 0));
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| sign(bytes));
	UncheckedExtrinsic::new_signed(call, signer.into(), signature, extension)
}

/// An extrinsic as it arrives from outside.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations to run on the next runtime upgrade; each checks the storage version it
/// upgrades, so a chain already at it skips it.
type Migrations = (
	pallet_data_ownership::migrations::v1::MigrateToV1<Runtime>,
	pallet_stakeholder_voting::migrations::v1::MigrateToV1<Runtime>,
	pallet_stakeholder_voting::migrations::v2::MigrateToV2<Runtime>,
	pallet_stakeholder_voting::migrations::v3::MigrateToV3<Runtime>,
);

/// Dispatches extrinsics to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	// After this pallet's validators are known to the session (see `RegulatoryNodes`).
	#[runtime::pallet_index(4)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(5)]
	pub type NodeAuthorization = pallet_node_authorization;
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(21)]
	pub type Preimage = pallet_preimage;
	// Only in the `--dev` runtime (feature `dev`): every other chain has no superuser at all.
	#[cfg(feature = "dev")]
	#[runtime::pallet_index(30)]
	pub type Sudo = pallet_sudo;

	// Polity's own pallets.
	#[runtime::pallet_index(40)]
	pub type StakeholderVoting = pallet_stakeholder_voting;
	#[runtime::pallet_index(41)]
	pub type DataOwnership = pallet_data_ownership;
	#[runtime::pallet_index(42)]
	pub type RegulatoryNodes = pallet_regulatory_nodes;

	// The firewall's upstream levers, pulled by regulators' motions.
	#[runtime::pallet_index(43)]
	pub type TxPause = pallet_tx_pause;
	#[runtime::pallet_index(44)]
	pub type SafeMode = pallet_safe_mode;
}

#[cfg(all(feature = "runtime-benchmarks", feature = "dev"))]
mod benches {
	polkadot_sdk::frame_benchmarking::define_benchmarks!(
		[frame_benchmarking, BaselineBench::<Runtime>]
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_timestamp, Timestamp]
		[pallet_utility, Utility]
		[pallet_sudo, Sudo]
		[pallet_stakeholder_voting, StakeholderVoting]
		[pallet_data_ownership, DataOwnership]
		[pallet_regulatory_nodes, RegulatoryNodes]
		[pallet_preimage, Preimage]
		[pallet_tx_pause, TxPause]
		[pallet_node_authorization, NodeAuthorizationBench::<Runtime>]
		[pallet_safe_mode, SafeMode]
	);
}

#[cfg(all(feature = "runtime-benchmarks", not(feature = "dev")))]
mod benches {
	polkadot_sdk::frame_benchmarking::define_benchmarks!(
		[frame_benchmarking, BaselineBench::<Runtime>]
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_timestamp, Timestamp]
		[pallet_utility, Utility]
		[pallet_stakeholder_voting, StakeholderVoting]
		[pallet_data_ownership, DataOwnership]
		[pallet_regulatory_nodes, RegulatoryNodes]
		[pallet_preimage, Preimage]
		[pallet_tx_pause, TxPause]
		[pallet_node_authorization, NodeAuthorizationBench::<Runtime>]
		[pallet_safe_mode, SafeMode]
	);
}
