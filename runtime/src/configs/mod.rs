//! Pallet configurations, one file per domain.

pub mod consensus;
pub mod data;
pub mod governance;
pub mod supervision;
pub mod monetary;
pub mod system;
pub mod utility;
