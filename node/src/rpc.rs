//! The node's JSON-RPC surface beyond the standard Substrate methods.
//!
//! Each Polity pallet that serves queries adds its module here with one `merge` line.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use polity_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce};
use polkadot_sdk::{
	sc_transaction_pool_api::TransactionPool,
	sp_api::ProvideRuntimeApi,
	sp_block_builder::BlockBuilder,
	sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata},
	*,
};

/// What the RPC handlers need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// GRANDPA's authority sets, for receipts.
	pub authority_set: Option<sc_consensus_grandpa::SharedAuthoritySet<Hash, BlockNumber>>,
}

/// Builds the node's RPC module.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ sc_client_api::ProofProvider<Block>
		+ sc_client_api::BlockBackend<Block>
		+ sc_client_api::AuxStore
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_regulatory_nodes_rpc::SupervisionRuntimeApi<Block, AccountId, BlockNumber>,
	C::Api:
		pallet_data_ownership_rpc::DataOwnershipRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_stakeholder_voting_rpc::StakeholderVotingRuntimeApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
	>,
	P: TransactionPool + 'static,
{
	use pallet_data_ownership_rpc::{DataOwnership, DataOwnershipApiServer};
	use pallet_regulatory_nodes_rpc::{Supervision, SupervisionApiServer};
	use pallet_stakeholder_voting_rpc::{StakeholderVoting, StakeholderVotingApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, authority_set } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(StakeholderVoting::new(client.clone()).into_rpc())?;
	module.merge(DataOwnership::new(client.clone(), authority_set).into_rpc())?;
	module.merge(Supervision::new(client).into_rpc())?;

	Ok(module)
}
