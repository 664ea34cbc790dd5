//! Pallet configurations, one file per domain.

pub mod calls;
pub mod consensus;
pub mod data;
pub mod governance;
pub mod monetary;
pub mod supervision;
pub mod system;
pub mod utility;
