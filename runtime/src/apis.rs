//! The runtime APIs the node and clients call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Amm, Aura, Balance, Block, Executive, Factory, Gov, Grandpa, InherentDataExt,
	LpStaking, Mint, Nonce, Oracle, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys,
	System, TransactionPayment, VERSION,
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
			// The key owner proof type is uninhabited (`sp_core::Void`): no proof can exist.
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

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();

			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			// `set_code`, `authorize_upgrade` and `apply_authorized_upgrade` upgrade to the chain's own
			// code. The default is a 4.25 MB kitchensink runtime linked into this wasm, which alone
			// made the benchmarking runtime 96 % of a block (docs/building.md, "Runtime size").
			impl frame_system_benchmarking::Config for Runtime {
				fn prepare_set_code_data() -> Vec<u8> {
					frame_support::storage::unhashed::get_raw(sp_core::storage::well_known_keys::CODE)
						.unwrap_or_default()
				}
			}
			impl baseline::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let mut whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			// The timestamp inherent writes `Timestamp::Now` first thing in every block, so any later
			// read of it in the block hits the overlay, like `System::Number`.
			whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	impl mirror_oracle_runtime_api::OracleApi<Block, AccountId> for Runtime {
		fn price(
			asset: mirror_primitives::AssetId,
			max_age: mirror_primitives::Moment,
		) -> Option<mirror_primitives::PriceInfo<AccountId>> {
			Oracle::price_info(asset, max_age)
		}

		fn all_prices(max_age: mirror_primitives::Moment) -> Vec<mirror_primitives::PriceInfo<AccountId>> {
			Oracle::all_price_infos(max_age)
		}
	}

	impl mirror_amm_runtime_api::AmmApi<Block, AccountId> for Runtime {
		fn pool(
			a: mirror_primitives::AssetId,
			b: mirror_primitives::AssetId,
		) -> Option<mirror_primitives::PoolInfo<AccountId>> {
			Amm::pool_info(a, b)
		}

		fn simulate_swap(
			offer: mirror_primitives::AssetId,
			ask: mirror_primitives::AssetId,
			offer_amount: Balance,
		) -> Result<mirror_primitives::SwapQuote, sp_runtime::DispatchError> {
			Amm::simulate_swap(offer, ask, offer_amount)
		}

		fn reverse_simulate_swap(
			offer: mirror_primitives::AssetId,
			ask: mirror_primitives::AssetId,
			ask_amount: Balance,
		) -> Result<mirror_primitives::SwapQuote, sp_runtime::DispatchError> {
			Amm::reverse_simulate_swap(offer, ask, ask_amount)
		}

		fn simulate_route(
			path: Vec<mirror_primitives::AssetId>,
			offer_amount: Balance,
		) -> Result<Balance, sp_runtime::DispatchError> {
			Amm::simulate_route(path, offer_amount)
		}
	}

	#[api_version(2)]
	impl mirror_mint_runtime_api::MintApi<Block, AccountId> for Runtime {
		fn position(
			position_id: mirror_primitives::PositionId,
		) -> Option<mirror_primitives::Position<AccountId>> {
			pallet_mirror_mint::Positions::<Runtime>::get(position_id)
		}

		fn positions(
			filter: mirror_primitives::PositionFilter<AccountId>,
			start_after: Option<mirror_primitives::PositionId>,
			limit: u32,
			order: mirror_primitives::SortOrder,
		) -> Vec<(mirror_primitives::PositionId, mirror_primitives::Position<AccountId>)> {
			Mint::positions(filter, start_after, limit, order)
		}

		fn asset_config(
			asset: mirror_primitives::AssetId,
		) -> Option<mirror_primitives::AssetConfig<AccountId>> {
			Mint::asset_config(&asset)
		}

		fn scheduled_min_collateral_ratio(
			asset: mirror_primitives::AssetId,
		) -> Option<mirror_primitives::ScheduledChange> {
			Mint::scheduled_min_collateral_ratio(&asset)
		}

		fn next_position_id() -> mirror_primitives::PositionId {
			pallet_mirror_mint::NextPositionId::<Runtime>::get()
		}

		fn parameters() -> mirror_primitives::MintParameters {
			pallet_mirror_mint::Parameters::<Runtime>::get()
		}

		fn collateral_ratio(
			position_id: mirror_primitives::PositionId,
		) -> Result<mirror_primitives::PositionRatio, mirror_primitives::PositionRatioError> {
			Mint::collateral_ratio(position_id)
		}

		fn positions_at_risk(
			owner: AccountId,
		) -> Vec<(mirror_primitives::PositionId, mirror_primitives::PositionRatio)> {
			Mint::positions_at_risk(&owner)
		}

		fn liquidation_price(
			position_id: mirror_primitives::PositionId,
		) -> Result<Option<sp_runtime::FixedU128>, mirror_primitives::PositionRatioError> {
			Mint::liquidation_price(position_id)
		}

		fn simulate_open_position(
			collateral: mirror_primitives::AssetId,
			collateral_amount: Balance,
			asset: mirror_primitives::AssetId,
			collateral_ratio: sp_runtime::FixedU128,
		) -> Result<mirror_primitives::PositionPreview, sp_runtime::DispatchError> {
			Mint::simulate_open_position(collateral, collateral_amount, asset, collateral_ratio)
		}

		fn liquidatable(
			position_id: mirror_primitives::PositionId,
		) -> Result<bool, mirror_primitives::PositionRatioError> {
			Mint::liquidatable(position_id)
		}

		fn simulate_auction(
			position_id: mirror_primitives::PositionId,
			amount: Balance,
		) -> Result<mirror_primitives::AuctionQuote, sp_runtime::DispatchError> {
			Mint::quote_auction(position_id, amount).map(|(_, quote)| quote)
		}

		fn forgiven_debt(asset: mirror_primitives::AssetId) -> Balance {
			pallet_mirror_mint::ForgivenDebt::<Runtime>::get(asset)
		}

		fn lock(
			position_id: mirror_primitives::PositionId,
		) -> Option<mirror_primitives::PositionLock<AccountId>> {
			pallet_mirror_mint::Locks::<Runtime>::get(position_id)
		}

		fn locks(
			owner: AccountId,
		) -> Vec<(mirror_primitives::PositionId, mirror_primitives::PositionLock<AccountId>)> {
			Mint::locks_of(&owner)
		}
	}

	impl mirror_factory_runtime_api::FactoryApi<Block> for Runtime {
		fn listings() -> Vec<(mirror_primitives::AssetId, u32)> {
			Factory::listings()
		}

		fn total_weight() -> u32 {
			pallet_mirror_factory::TotalWeight::<Runtime>::get()
		}

		fn distribution_info() -> mirror_primitives::DistributionInfo {
			Factory::distribution_info()
		}

		fn parameters() -> mirror_primitives::FactoryParameters {
			pallet_mirror_factory::Parameters::<Runtime>::get()
		}
	}

	impl mirror_lp_staking_runtime_api::LpStakingApi<Block, AccountId> for Runtime {
		fn pool(asset: mirror_primitives::AssetId) -> Option<mirror_primitives::StakingPool> {
			LpStaking::pool(&asset)
		}

		fn pools() -> Vec<(mirror_primitives::AssetId, mirror_primitives::StakingPool)> {
			LpStaking::pools()
		}

		fn reward_info(
			staker: AccountId,
			asset: Option<mirror_primitives::AssetId>,
		) -> Vec<mirror_primitives::RewardInfo> {
			LpStaking::reward_info(&staker, asset)
		}

		fn parameters() -> mirror_primitives::StakingParameters {
			LpStaking::parameters()
		}
	}

	impl mirror_gov_runtime_api::GovApi<Block, AccountId, pallet_mirror_gov::PollOf<Runtime>> for Runtime {
		fn staker(staker: AccountId) -> Option<mirror_primitives::GovStakerInfo> {
			Gov::staker(&staker)
		}

		fn poll(poll_id: mirror_primitives::PollId) -> Option<pallet_mirror_gov::PollOf<Runtime>> {
			Gov::poll(poll_id)
		}

		fn polls(
			start_before: Option<mirror_primitives::PollId>,
			limit: u32,
		) -> Vec<(mirror_primitives::PollId, pallet_mirror_gov::PollOf<Runtime>)> {
			Gov::polls(start_before, limit)
		}

		fn voter(
			poll_id: mirror_primitives::PollId,
			voter: AccountId,
		) -> Option<mirror_primitives::VoterInfo> {
			pallet_mirror_gov::Voters::<Runtime>::get(poll_id, voter)
		}

		fn state() -> mirror_primitives::GovState {
			Gov::state()
		}

		fn parameters() -> mirror_primitives::GovParameters {
			pallet_mirror_gov::Parameters::<Runtime>::get()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
