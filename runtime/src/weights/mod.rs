//! Weights measured on Polity's reference machine (2 cores, ParityDb) with Polity's runtime:
//! the block and extrinsic base weights (`benchmark overhead`), the database's read and write
//! weights (`benchmark storage`), and every upstream pallet and transaction extension the
//! runtime charges. Polity's own pallets keep theirs in `pallets/*/src/weights.rs`.
//!
//! Regenerate all of them with `scripts/benchmark.sh` (see its `-h`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_node_authorization;
pub mod pallet_preimage;
pub mod pallet_safe_mode;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_tx_pause;
pub mod pallet_utility;
#[allow(unused_doc_comments)] // The storage benchmark's template documents fields.
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
