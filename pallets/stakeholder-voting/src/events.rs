//! The pallet's events and errors: a `#[pallet_section]`, expanded inside `pallet` (lib.rs).

use polkadot_sdk::frame_support::pallet_macros::pallet_section;

/// The pallet's events and errors: a `#[pallet_section]`, expanded inside `pallet` (lib.
#[pallet_section]
mod events {
	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A scope was created.
		ScopeCreated {
			/// Its id.
			scope: ScopeId,
		},
		/// A scope's voting rule changed; proposals already submitted keep theirs.
		RuleChanged {
			/// The scope.
			scope: ScopeId,
		},
		/// An account became a member of a scope.
		Admitted {
			/// The stakeholder.
			who: T::AccountId,
			/// Its sector.
			sector: Sector,
			/// The scope.
			scope: ScopeId,
			/// Its stake there.
			stake: Stake,
		},
		/// A stakeholder's stake in a scope changed.
		StakeChanged {
			/// The stakeholder.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
			/// The new stake.
			stake: Stake,
		},
		/// A stakeholder left a scope.
		LeftScope {
			/// The stakeholder.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
		},
		/// A stakeholder was suspended.
		Suspended {
			/// The stakeholder.
			who: T::AccountId,
		},
		/// A suspended stakeholder was resumed.
		Resumed {
			/// The stakeholder.
			who: T::AccountId,
		},
		/// A stakeholder was removed from every scope.
		Removed {
			/// The former stakeholder.
			who: T::AccountId,
		},
		/// An account applied to become a stakeholder.
		Applied {
			/// The applicant.
			who: T::AccountId,
			/// The scope applied to.
			scope: ScopeId,
		},
		/// An application was rejected.
		ApplicationRejected {
			/// The applicant.
			who: T::AccountId,
			/// Whether its deposit was slashed.
			slashed: bool,
		},
		/// An applicant withdrew its application.
		ApplicationWithdrawn {
			/// The applicant.
			who: T::AccountId,
		},
		/// A proposal was submitted.
		Proposed {
			/// Its index.
			index: ProposalIndex,
			/// The scope deciding it.
			scope: ScopeId,
			/// The proposer.
			proposer: T::AccountId,
			/// Block its voting ends.
			end: BlockNumberFor<T>,
		},
		/// A vote was cast or changed.
		Voted {
			/// The proposal.
			index: ProposalIndex,
			/// The voter.
			who: T::AccountId,
			/// The choice.
			choice: VoteChoice,
		},
		/// A proposal passed.
		Approved {
			/// The proposal.
			index: ProposalIndex,
			/// Its final outcome.
			outcome: Outcome,
		},
		/// A proposal did not pass.
		Rejected {
			/// The proposal.
			index: ProposalIndex,
			/// Its final outcome.
			outcome: Outcome,
		},
		/// A passed proposal's call was dispatched.
		Enacted {
			/// The proposal.
			index: ProposalIndex,
			/// `Enacted` or `EnactmentFailed { error }`.
			result: Enactment,
		},
		/// Regulators held a proposal's enactment for review.
		EnactmentHeld {
			/// The proposal.
			index: ProposalIndex,
			/// Block its call is enacted at, if it passes.
			until: BlockNumberFor<T>,
		},
		/// Safeguards were set for a scope (`None`: for root-level decisions).
		SafeguardsSet {
			/// The scope, or `None` for root-level decisions.
			scope: Option<ScopeId>,
			/// The new safeguards.
			safeguards: Safeguards<BlockNumberFor<T>>,
		},
		/// A passed proposal's call waits out its enactment delay.
		EnactmentScheduled {
			/// The proposal.
			index: ProposalIndex,
			/// Block its call is enacted at.
			enact_at: BlockNumberFor<T>,
		},
		/// A proposal whose tally passed at its end was rejected: it had not been passing for
		/// its whole confirm period.
		NotConfirmed {
			/// The proposal.
			index: ProposalIndex,
			/// Since when it had been passing (`None`: it was not passing).
			passing_since: Option<BlockNumberFor<T>>,
		},
		/// A hold on a proposal's enactment was released.
		EnactmentReleased {
			/// The proposal.
			index: ProposalIndex,
		},
		/// A passed proposal's call was blocked by a pause or safe mode; it is tried again.
		EnactmentDeferred {
			/// The proposal.
			index: ProposalIndex,
			/// Block of the next attempt.
			retry: BlockNumberFor<T>,
		},
		/// Part of a deposit was burned: the proposal failed its quorum.
		DepositSlashed {
			/// The proposal.
			index: ProposalIndex,
			/// The amount burned.
			amount: BalanceOf<T>,
		},
		/// A proposal was withdrawn by its proposer.
		Withdrawn {
			/// The proposal.
			index: ProposalIndex,
		},
		/// A proposal was cancelled for abuse and its deposit slashed.
		Cancelled {
			/// The proposal.
			index: ProposalIndex,
		},
		/// A call was dispatched as root by the chain's stakeholders.
		DispatchedAsRoot {
			/// Its result.
			result: DispatchResult,
		},
		/// A delegate's vote was cast for the members who delegate to it (those who had not voted
		/// themselves).
		DelegatedVotesCast {
			/// The proposal.
			index: ProposalIndex,
			/// The delegate.
			delegate: T::AccountId,
			/// Delegated votes cast or changed.
			count: u32,
		},
		/// A member delegated its vote in a scope.
		Delegated {
			/// The delegator.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
			/// The delegate.
			delegate: T::AccountId,
			/// When the delegation stops counting, if ever.
			expires: Option<BlockNumberFor<T>>,
		},
		/// A scope's cap on attested stake was set (`None`: back to `MaxAttestedStake`).
		StakeCapSet {
			/// The scope.
			scope: ScopeId,
			/// The cap.
			cap: Option<Stake>,
		},
		/// A member offered to delegate its vote in a scope; it counts once the delegate accepts.
		DelegationOffered {
			/// The delegator.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
			/// The delegate asked to accept.
			delegate: T::AccountId,
			/// When the delegation would stop counting, if ever.
			expires: Option<BlockNumberFor<T>>,
		},
		/// A pending offer of delegation ended unaccepted: withdrawn by the delegator, refused by
		/// the delegate, or the delegator left the scope.
		DelegationOfferEnded {
			/// The delegator.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
			/// The delegate it was offered to.
			delegate: T::AccountId,
		},
		/// A delegation ended: undelegated, or one of the two left the scope.
		Undelegated {
			/// The delegator.
			who: T::AccountId,
			/// The scope.
			scope: ScopeId,
		},
		/// A scope's policy was set.
		PolicySet {
			/// The scope.
			scope: ScopeId,
			/// The new policy.
			policy: ScopePolicy<BlockNumberFor<T>>,
		},
		/// A member committed to a secret vote (its choice stays hidden until revealed).
		VoteCommitted {
			/// The proposal.
			index: ProposalIndex,
			/// The voter.
			who: T::AccountId,
		},
		/// A secret vote was revealed and counted.
		VoteRevealed {
			/// The proposal.
			index: ProposalIndex,
			/// The voter.
			who: T::AccountId,
			/// The choice.
			choice: VoteChoice,
		},
		/// A registrar was appointed for a scope.
		RegistrarAdded {
			/// The scope.
			scope: ScopeId,
			/// The registrar.
			registrar: T::AccountId,
		},
		/// A registrar was dismissed from a scope.
		RegistrarRemoved {
			/// The scope.
			scope: ScopeId,
			/// The registrar.
			registrar: T::AccountId,
		},
		/// A registrar attested an account's sector and stake in a scope.
		Attested {
			/// The scope.
			scope: ScopeId,
			/// The attested account.
			who: T::AccountId,
			/// The registrar.
			registrar: T::AccountId,
			/// When the attestation stops counting.
			expires: BlockNumberFor<T>,
		},
		/// An attestation was revoked.
		AttestationRevoked {
			/// The scope.
			scope: ScopeId,
			/// The account.
			who: T::AccountId,
		},
		/// Votes of an ended proposal were removed.
		VotesReaped {
			/// The proposal.
			index: ProposalIndex,
			/// How many were removed.
			count: u32,
			/// Whether votes remain.
			more: bool,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// No scope has this id.
		ScopeNotFound,
		/// The rule is out of bounds: voting period too short or too long.
		InvalidRule,
		/// No more scope ids.
		TooManyScopes,
		/// The account is not a stakeholder.
		StakeholderNotFound,
		/// The stakeholder is not a member of this scope.
		NotMember,
		/// The stakeholder is already a member of this scope.
		AlreadyMember,
		/// The stakeholder belongs to another sector.
		SectorMismatch,
		/// The stakeholder already belongs to the most scopes allowed.
		TooManyMemberships,
		/// The stakeholder is suspended.
		Suspended,
		/// The stakeholder is not suspended.
		NotSuspended,
		/// The account has no pending application.
		ApplicationNotFound,
		/// The account already has a pending application.
		ApplicationAlreadyExists,
		/// No proposal has this index.
		ProposalNotFound,
		/// The proposal is not open.
		NotOngoing,
		/// Only an ongoing or held proposal with a call can be held.
		NotHoldable,
		/// The hold must end after this block and within `MaxEnactmentHold`.
		InvalidHold,
		/// Renewed holds may not end later than `MaxEnactmentHold` after the first.
		HoldTooLong,
		/// The proposer, or the scope, already has the most ongoing proposals allowed.
		TooManyOpenProposals,
		/// The stake or status changed `MAX_RECENT_CHANGES` times within a voting period already:
		/// open proposals must still know what it was when they were submitted.
		TooManyChanges,
		/// The proposal's enactment is not held.
		NotHeld,
		/// Voting on the proposal has ended.
		VotingEnded,
		/// The proposal's voting period has not ended yet.
		NotDue,
		/// Only the proposer may do this.
		NotProposer,
		/// The proposal already has votes.
		HasVotes,
		/// The voter joined the scope at or after the proposal's submission.
		NotInElectorate,
		/// The proposal's call encodes to more than `MaxCallLen` bytes.
		CallTooLong,
		/// The proposal's call weighs more than `MaxEnactmentWeight`.
		CallTooHeavy,
		/// Every block within reach is full of proposals ending in it.
		TooManyProposalsEnding,
		/// No more proposal indices.
		TooManyProposals,
		/// The proposal has not ended, or its votes are still within the retention period.
		NotReapable,
		/// The call would not decode at enactment: nested too deeply, or the runtime changed
		/// since submission.
		CallUndecodable,
		/// Safeguards out of bounds: a period longer than `MaxVotingPeriod`.
		InvalidSafeguards,
		/// Only an ongoing proposal, or a passed one whose call has not run yet (in its
		/// enactment delay, held, or waiting out a pause), can be cancelled.
		NotCancellable,
		/// The call is one no vote may dispatch as root (`Config::NotForRoot`).
		RootCallForbidden,
		/// The call's tree of nested calls is deeper or larger than `Config::BoundedCallTree`
		/// allows.
		CallTooComplex,
		/// The proposal is decided by secret ballot: `commit_vote`, then `reveal_vote`.
		SecretBallot,
		/// The proposal is not decided by secret ballot.
		NotSecretBallot,
		/// Commitments are accepted before the reveal phase, reveals only during it.
		NotRevealPhase,
		/// The account has no unrevealed commitment on this proposal.
		CommitmentNotFound,
		/// The choice and salt do not hash to the commitment.
		CommitmentMismatch,
		/// A member cannot delegate to itself.
		CannotDelegateToSelf,
		/// The delegate delegates in this scope itself, or the delegator has delegators there:
		/// delegation is one step only.
		DelegationChain,
		/// The delegate already has the most delegators allowed in this scope.
		TooManyDelegators,
		/// The account does not delegate in this scope.
		DelegationNotFound,
		/// The expiry must lie after this block.
		InvalidExpiry,
		/// The scope's policy is out of bounds: a reveal period outside the voting period's
		/// bounds.
		InvalidPolicy,
		/// The caller is not a registrar of this scope.
		NotRegistrar,
		/// Only the registrar who made an attestation may revoke it.
		NotAuthorized,
		/// The account is a registrar of this scope already.
		AlreadyRegistrar,
		/// The account is not a registrar of this scope.
		RegistrarNotFound,
		/// The scope already has the most registrars allowed.
		TooManyRegistrars,
		/// The account has no attestation in this scope.
		AttestationNotFound,
		/// The account's attestation has expired.
		AttestationExpired,
		/// The admission's sector or stake differs from the attested ones.
		AttestationMismatch,
		/// This person is attested for another account in this scope.
		PersonAlreadyAttested,
		/// The member's attestation is still valid.
		AttestationStillValid,
		/// The scope does not require attestations.
		AttestationNotRequired,
		/// A scope's name is longer than `MaxNameLen` bytes.
		NameTooLong,
		/// A proposal's title is longer than `MaxTitleLen` bytes.
		TitleTooLong,
		/// The attested stake is above the scope's cap (`StakeCaps`, at most
		/// `MaxAttestedStake`).
		StakeTooLarge,
	}
}
