//! The runtime APIs: what the node, wallets and Polity's RPC call into the runtime for.

use crate::{
	genesis_config_presets, AccountId, Aura, Balance, Block, BlockNumber, DataOwnership, Executive,
	Grandpa, InherentDataExt, Nonce, RegulatoryNodes, Runtime, RuntimeCall, RuntimeGenesisConfig,
	Session, SessionKeys, StakeholderVoting, System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	pallet_grandpa::AuthorityId as GrandpaId,
	sp_api::impl_runtime_apis,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult,
	},
	sp_version::RuntimeVersion,
	*,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is `Void`: there is no proof to give.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_stakeholder_voting_runtime_api::StakeholderVotingApi<Block, AccountId, Balance, BlockNumber>
		for Runtime
	{
		fn stakeholder(who: AccountId) -> Option<pallet_stakeholder_voting::StakeholderView<BlockNumber>> {
			StakeholderVoting::stakeholder(&who)
		}

		fn scope(id: pallet_stakeholder_voting::ScopeId) -> Option<pallet_stakeholder_voting::ScopeView<BlockNumber>> {
			StakeholderVoting::scope(id)
		}

		fn proposal(
			index: pallet_stakeholder_voting::ProposalIndex,
		) -> Option<pallet_stakeholder_voting::ProposalView<AccountId, Balance, BlockNumber>> {
			StakeholderVoting::proposal(index)
		}

		fn votes_of(
			who: AccountId,
			start_after: Option<pallet_stakeholder_voting::ProposalIndex>,
			limit: u32,
		) -> Vec<(pallet_stakeholder_voting::ProposalIndex, pallet_stakeholder_voting::VoteRecord)> {
			StakeholderVoting::votes_of(&who, start_after, limit)
		}

		fn proposals_in(
			scope: pallet_stakeholder_voting::ScopeId,
			filter: pallet_stakeholder_voting::StatusFilter,
			before: Option<pallet_stakeholder_voting::ProposalIndex>,
			limit: u32,
		) -> pallet_stakeholder_voting::Page<pallet_stakeholder_voting::ProposalIndex> {
			StakeholderVoting::proposals_in(scope, filter, before, limit)
		}

		fn ballot(
			who: AccountId,
			before: Option<pallet_stakeholder_voting::ProposalIndex>,
			limit: u32,
		) -> pallet_stakeholder_voting::Page<pallet_stakeholder_voting::Ballot<BlockNumber>> {
			StakeholderVoting::ballot(&who, before, limit)
		}
	}

	impl pallet_data_ownership_runtime_api::DataOwnershipApi<Block, AccountId, Balance, BlockNumber>
		for Runtime
	{
		fn record(
			hash: pallet_data_ownership::ContentHash,
		) -> Option<pallet_data_ownership::RecordView<AccountId, Balance, BlockNumber>> {
			DataOwnership::record(hash)
		}

		fn records_of(
			owner: AccountId,
			start_after: Option<pallet_data_ownership::ContentHash>,
			limit: u32,
		) -> Vec<pallet_data_ownership::ContentHash> {
			DataOwnership::records_of(&owner, start_after, limit)
		}

		fn versions(
			hash: pallet_data_ownership::ContentHash,
			start: u32,
			limit: u32,
		) -> Vec<pallet_data_ownership::ContentHash> {
			DataOwnership::versions(hash, start, limit)
		}

		fn grants(
			hash: pallet_data_ownership::ContentHash,
		) -> Vec<pallet_data_ownership::GrantView<AccountId, BlockNumber>> {
			DataOwnership::grants(hash)
		}

		fn has_access(hash: pallet_data_ownership::ContentHash, who: AccountId) -> bool {
			DataOwnership::has_access(hash, &who)
		}

		fn record_storage_key(hash: pallet_data_ownership::ContentHash) -> Vec<u8> {
			DataOwnership::record_storage_key(hash)
		}

		fn activity(
			hash: pallet_data_ownership::ContentHash,
			start: u32,
			limit: u32,
		) -> Vec<pallet_data_ownership::ActivityEntry<AccountId, BlockNumber>> {
			DataOwnership::activity(hash, start, limit)
		}

		fn registered_in(hash: pallet_data_ownership::ContentHash) -> Option<BlockNumber> {
			DataOwnership::registered_in(hash)
		}
	}

	impl polity_primitives::refusals::WhyRefusedApi<Block, AccountId, RuntimeCall> for Runtime {
		fn why_refused(
			who: AccountId,
			call: RuntimeCall,
		) -> Option<polity_primitives::refusals::Refusal> {
			crate::refusals::why_refused(who, call)
		}
	}

	impl polity_primitives::metrics::GovernanceMetricsApi<Block> for Runtime {
		fn governance_figures() -> polity_primitives::metrics::GovernanceFigures {
			crate::metrics::governance_figures()
		}
	}

	impl pallet_regulatory_nodes_runtime_api::SupervisionApi<Block, AccountId, BlockNumber> for Runtime {
		fn audit_trail(
			who: AccountId,
			limit: u32,
		) -> pallet_regulatory_nodes_runtime_api::AuditTrail<AccountId, BlockNumber> {
			pallet_regulatory_nodes_runtime_api::AuditTrail {
				is_regulator: pallet_regulatory_nodes::Regulators::<Runtime>::contains_key(&who),
				stakeholder: StakeholderVoting::stakeholder(&who),
				proposals: StakeholderVoting::proposals_of(&who, None, limit),
				votes: StakeholderVoting::votes_of(&who, None, limit),
				records: DataOwnership::records_of(&who, None, limit),
				freeze: RegulatoryNodes::freeze_of(&who),
				actions: RegulatoryNodes::actions_concerning(&who, None, limit),
				account: who,
			}
		}

		fn regulators() -> Vec<pallet_regulatory_nodes::RegulatorView<AccountId, BlockNumber>> {
			RegulatoryNodes::regulators()
		}

		fn licensed_nodes() -> Vec<Vec<u8>> {
			pallet_node_authorization::WellKnownNodes::<Runtime>::get()
				.into_iter()
				.map(|peer| peer.0)
				.collect()
		}

		fn validators() -> pallet_regulatory_nodes::ValidatorSetView<AccountId> {
			RegulatoryNodes::validator_set(Session::validators())
		}

		fn pauses() -> (Vec<pallet_regulatory_nodes::PauseView<BlockNumber>>, Option<BlockNumber>) {
			(RegulatoryNodes::pauses(), pallet_safe_mode::EnteredUntil::<Runtime>::get())
		}

		fn freezes(
			start_after: Option<AccountId>,
			limit: u32,
		) -> Vec<(AccountId, pallet_regulatory_nodes::FreezeInfo<BlockNumber>)> {
			RegulatoryNodes::freezes(start_after, limit)
		}

		fn action_log(
			before: Option<pallet_regulatory_nodes::ActionId>,
			limit: u32,
		) -> Vec<pallet_regulatory_nodes::ActionView<AccountId, BlockNumber>> {
			RegulatoryNodes::action_log(before, limit)
		}

		fn actions_concerning(
			who: AccountId,
			start_after: Option<pallet_regulatory_nodes::ActionId>,
			limit: u32,
		) -> Vec<pallet_regulatory_nodes::ActionView<AccountId, BlockNumber>> {
			RegulatoryNodes::actions_concerning(&who, start_after, limit)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use crate::node_authorization_benchmarks::Pallet as NodeAuthorizationBench;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkBatch};
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use sp_storage::TrackedStorageKey;
			use crate::node_authorization_benchmarks::Pallet as NodeAuthorizationBench;
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl frame_benchmarking::baseline::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let config = frame_executive::TryRuntimeUpgradeConfig::new(checks);
			// try-runtime is an off-chain tool: a failed check should abort it loudly.
			let weight = Executive::try_runtime_upgrade_with_config(config).unwrap();
			(weight, crate::configs::system::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select).unwrap()
		}
	}
}
