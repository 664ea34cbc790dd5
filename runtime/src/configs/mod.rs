//! Pallet configurations, one file per domain.

pub mod consensus;
pub mod governance;
pub mod monetary;
pub mod system;
pub mod utility;
