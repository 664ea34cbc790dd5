//! The pallet's storage items: a `#[pallet_section]`, expanded inside `pallet` (lib.rs).

use polkadot_sdk::frame_support::pallet_macros::pallet_section;

/// The pallet's storage items: a `#[pallet_section]`, expanded inside `pallet` (lib.
#[pallet_section]
mod storage {
	/// Scopes by id; `0` is the chain-wide scope.
	#[pallet::storage]
	pub type Scopes<T: Config> = StorageMap<_, Twox64Concat, ScopeId, ScopeInfoOf<T>>;

	/// The id the next scope gets.
	#[pallet::storage]
	pub type NextScopeId<T: Config> = StorageValue<_, ScopeId, ValueQuery>;

	/// Stakeholders: sector, status, scopes and stakes.
	#[pallet::storage]
	pub type Stakeholders<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, StakeholderInfoOf<T>>;

	/// Pending applications to become a stakeholder, one per account.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Application<BalanceOf<T>>>;

	/// Proposals by index, kept after they end as the record of their outcome.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, ProposalOf<T>>;

	/// The SCALE-encoded call of each proposal that carries one, apart from the proposal so
	/// that votes neither read nor rewrite it: read at enactment only.
	#[pallet::storage]
	pub type ProposalCalls<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, EncodedCall<T::MaxCallLen>>;

	/// The index the next proposal gets.
	#[pallet::storage]
	pub type ProposalCount<T: Config> = StorageValue<_, ProposalIndex, ValueQuery>;

	/// Proposals by proposer, for the audit trail and paginated queries.
	#[pallet::storage]
	pub type ProposalsBy<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ProposalIndex, ()>;

	/// Votes by proposal and voter.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalIndex,
		Blake2_128Concat,
		T::AccountId,
		VoteRecord,
	>;

	/// The proposals each account voted on, for paginated queries of an account's votes.
	#[pallet::storage]
	pub type VotesByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ProposalIndex, ()>;

	/// Ongoing proposals by the block their voting ends.
	#[pallet::storage]
	pub type ProposalsEndingAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ProposalIndex, T::MaxProposalsEndingPerBlock>,
		ValueQuery,
	>;

	/// Holds regulators placed on ongoing proposals' enactment: if the proposal passes, its
	/// call is enacted at this block rather than at the close.
	#[pallet::storage]
	pub type EnactmentHolds<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, BlockNumberFor<T>>;

	/// A member's recent stake changes in a scope: (block of the change, stake before it),
	/// oldest first. A vote weighs the voter's stake as it was when the proposal was submitted.
	#[pallet::storage]
	pub type StakeChanges<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ScopeId,
		BoundedVec<(BlockNumberFor<T>, Stake), ConstU32<MAX_RECENT_CHANGES>>,
		ValueQuery,
	>;

	/// A stakeholder's recent suspensions and resumptions: (block of the change, status before
	/// it), oldest first. Whether a member may vote is decided by its status at submission.
	#[pallet::storage]
	pub type StatusChanges<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(BlockNumberFor<T>, StakeholderStatus), ConstU32<MAX_RECENT_CHANGES>>,
		ValueQuery,
	>;

	/// Ongoing proposals by proposer, bounded by `MaxOpenProposalsPerProposer`.
	#[pallet::storage]
	pub type OpenProposalsBy<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Ongoing proposals by scope, bounded by `MaxOpenProposalsPerScope` (but for the
	/// chain-wide scope).
	#[pallet::storage]
	pub type OpenProposalsIn<T: Config> = StorageMap<_, Twox64Concat, ScopeId, u32, ValueQuery>;

	/// The block regulators first held a proposal's enactment: every later hold ends within
	/// `MaxEnactmentHold` of it.
	#[pallet::storage]
	pub type HoldStarts<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, BlockNumberFor<T>>;

	/// Safeguards of a scope's proposals (none by default). Set by `set_safeguards`.
	#[pallet::storage]
	pub type ScopeSafeguards<T: Config> =
		StorageMap<_, Twox64Concat, ScopeId, Safeguards<BlockNumberFor<T>>, ValueQuery>;

	/// Safeguards of root-level decisions (`Config::RootLevel`), on top of their scope's.
	#[pallet::storage]
	pub type RootSafeguards<T: Config> = StorageValue<_, Safeguards<BlockNumberFor<T>>, ValueQuery>;

	/// Proposals whose description this pallet requested from the preimage pallet (so its
	/// text stays while the proposal needs it): released when the proposal is withdrawn or
	/// cancelled while voting, or once its votes are reaped after `VoteRetention`.
	#[pallet::storage]
	pub type PinnedDescriptions<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, ()>;

	/// The safeguards a proposal was submitted under, when any is set.
	#[pallet::storage]
	pub type ProposalSafeguards<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, Safeguards<BlockNumberFor<T>>, ValueQuery>;

	/// For an ongoing proposal with a confirm period that is passing: since which block.
	#[pallet::storage]
	pub type PassingSince<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, BlockNumberFor<T>>;

	/// Delegations by delegator and scope.
	#[pallet::storage]
	pub type Delegations<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ScopeId, DelegationOf<T>>;

	/// A scope's cap on attested stake, if it set one below `MaxAttestedStake`.
	#[pallet::storage]
	pub type StakeCaps<T: Config> = StorageMap<_, Twox64Concat, ScopeId, Stake>;

	/// Delegations offered and not yet accepted, by delegator and scope: one per delegator and
	/// scope (a new offer replaces it). An offer counts for nothing until its delegate accepts.
	#[pallet::storage]
	pub type DelegationOffers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ScopeId, DelegationOf<T>>;

	/// The members who delegate to a delegate in a scope, at most `MaxDelegators`.
	#[pallet::storage]
	pub type Delegators<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ScopeId,
		BoundedVec<T::AccountId, T::MaxDelegators>,
		ValueQuery,
	>;

	/// Each scope's policy: secret ballots, admission by attestation (neither by default).
	#[pallet::storage]
	pub type Policies<T: Config> =
		StorageMap<_, Twox64Concat, ScopeId, ScopePolicy<BlockNumberFor<T>>, ValueQuery>;

	/// Secret ballots by proposal: phases and counts.
	#[pallet::storage]
	pub type SecretBallots<T: Config> =
		StorageMap<_, Twox64Concat, ProposalIndex, SecretBallot<BlockNumberFor<T>>>;

	/// Unrevealed commitments of secret ballots, by proposal and voter.
	#[pallet::storage]
	pub type Commitments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalIndex, Blake2_128Concat, T::AccountId, H256>;

	/// Registrars by scope: they attest people's sector and stake there.
	#[pallet::storage]
	pub type Registrars<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ScopeId, Blake2_128Concat, T::AccountId, ()>;

	/// Number of registrars per scope, at most `MaxRegistrarsPerScope`.
	#[pallet::storage]
	pub type RegistrarCount<T: Config> = StorageMap<_, Twox64Concat, ScopeId, u32, ValueQuery>;

	/// Attestations by scope and account.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ScopeId,
		Blake2_128Concat,
		T::AccountId,
		AttestationOf<T>,
	>;

	/// The account each attested person holds in a scope: one person, one account.
	#[pallet::storage]
	pub type AttestedPersons<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ScopeId, Identity, H256, T::AccountId>;

	/// The earliest block whose ending proposals may not all be closed yet.
	#[pallet::storage]
	pub type CloseCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;
}
