//! Pallet configurations, one file per domain.

pub mod calls;
pub mod consensus;
pub mod data;
pub mod governance;
pub mod monetary;
pub mod regulatory_nodes;
pub mod system;
pub mod utility;
