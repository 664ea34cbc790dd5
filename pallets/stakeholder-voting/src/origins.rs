//! Origin checks for decisions taken by a scope's stakeholders.

use crate::{Origin, ScopeId, CHAIN_WIDE_SCOPE};
use core::marker::PhantomData;
use polkadot_sdk::frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, Get};

/// Succeeds for a passed proposal of the scope `Scope` yields.
pub struct EnsureStakeholders<Scope>(PhantomData<Scope>);

impl<O, Scope> EnsureOrigin<O> for EnsureStakeholders<Scope>
where
	O: Into<Result<Origin, O>> + From<Origin>,
	Scope: Get<ScopeId>,
{
	type Success = ScopeId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::Stakeholders { scope } if scope == Scope::get() => Ok(scope),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Stakeholders { scope: Scope::get() }))
	}
}

/// Succeeds, for a scope given as argument, for a passed proposal of that scope or of the
/// chain-wide scope: a scope governs its own membership, and the whole chain governs every scope.
pub struct EnsureStakeholdersOf;

impl<O> EnsureOriginWithArg<O, ScopeId> for EnsureStakeholdersOf
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = ScopeId;

	fn try_origin(o: O, arg: &ScopeId) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::Stakeholders { scope } if scope == *arg || scope == CHAIN_WIDE_SCOPE => {
				Ok(scope)
			},
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(arg: &ScopeId) -> Result<O, ()> {
		Ok(O::from(Origin::Stakeholders { scope: *arg }))
	}
}
