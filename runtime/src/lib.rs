//! # Mirror runtime
//!
//! The runtime of Mirror on Substrate: a standalone chain for synthetic assets (mAssets) that track
//! real-world prices. The native token is **MIR** (6 decimals); **UST**, every mAsset and every LP
//! token live in `pallet-assets` (UST at id [`mirror_primitives::UST_ASSET_ID`]).
//!
//! The layout follows the solochain template: `configs/` holds each pallet's configuration, `apis`
//! the runtime APIs, `genesis_config_presets` the named genesis presets. Mirror's own pallets talk to
//! each other only through the traits in `mirror-primitives`; this crate is where they are wired.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a higher recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use mirror_primitives::{Balance, DECIMALS, UNIT, UST_ASSET_ID};
pub use pallet_assets::Call as AssetsCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_mirror_oracle::CheckFeed;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, used by the node to handle blocks without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: Aura for block production, GRANDPA for finality.
	pub struct SessionKeys {
		/// Block production.
		pub aura: Aura,
		/// Finality.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` with every change of runtime logic.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("mirror"),
	impl_name: alloc::borrow::Cow::Borrowed("mirror-node"),
	authoring_version: 1,
	spec_version: 106,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Block times.
mod block_times {
	/// The target block time in milliseconds. Aura produces one block per slot of this length.
	///
	/// It cannot change once the chain has started: doing so would stop block production.
	pub const MILLI_SECS_PER_BLOCK: u64 = 3000;

	/// The Aura slot duration, equal to the block time.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
}
pub use block_times::*;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// How many recent block hashes the chain keeps (mortal transactions refer to them).
pub const BLOCK_HASH_COUNT: BlockNumber = 2400;

/// One MIR in base units (6 decimals).
pub const MIR: Balance = UNIT;
/// A thousandth of a MIR.
pub const MILLI_MIR: Balance = MIR / 1_000;
/// A millionth of a MIR: the smallest unit.
pub const MICRO_MIR: Balance = 1;

/// The least MIR an account must hold to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_MIR;

/// The signature scheme of the chain's transactions.
pub type Signature = MultiSignature;

/// An account: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// The number of transactions an account has signed.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// A block number.
pub type BlockNumber = u32;

/// The address format of a transaction's sender and of `dest` arguments.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions: what every signed transaction carries and is checked against.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// Refuses free feeds that would fail, before they enter the pool or a block.
	pallet_mirror_oracle::CheckFeed<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations of the runtime besides the ones the pallets declare.
#[allow(unused_parens)]
type Migrations = (
	pallet_mirror_oracle::migrations::MigrateV0ToV1<Runtime>,
	pallet_mirror_lp_staking::migrations::MigrateV0ToV1<Runtime>,
	pallet_mirror_gov::migrations::MigrateV0ToV1<Runtime>,
	pallet_mirror_mint::migrations::MigrateV0ToV1<Runtime>,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Mirror runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// Block timestamps: Mirror's clock (seconds for every protocol period).
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block production.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// MIR, the native token.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees in MIR.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The chain's root key until governance takes over.
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	/// Batches of calls.
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	/// UST, mAssets and LP tokens.
	#[runtime::pallet_index(8)]
	pub type Assets = pallet_assets;

	/// Price feeds: feeders, median of fresh feeds, circuit breaker.
	#[runtime::pallet_index(20)]
	pub type Oracle = pallet_mirror_oracle;

	/// Collateral registry: price source, multiplier, revocation.
	#[runtime::pallet_index(21)]
	pub type CollateralOracle = pallet_mirror_collateral_oracle;

	/// Terraswap pairs: pools, LP tokens, swaps, router, time-weighted prices.
	#[runtime::pallet_index(22)]
	pub type Amm = pallet_mirror_amm;

	/// Collateralised positions that mint mAssets.
	#[runtime::pallet_index(23)]
	pub type Mint = pallet_mirror_mint;

	/// LP and sLP reward pools: bonds, reward indices, premium and short-reward weight.
	#[runtime::pallet_index(24)]
	pub type LpStaking = pallet_mirror_lp_staking;

	/// The listing pipeline and MIR emission.
	#[runtime::pallet_index(25)]
	pub type Factory = pallet_mirror_factory;

	/// Governance: MIR staking, polls, votes and their execution.
	#[runtime::pallet_index(26)]
	pub type Gov = pallet_mirror_gov;

	/// Protocol fees sold for MIR within an oracle bound and paid to Gov.
	#[runtime::pallet_index(27)]
	pub type Collector = pallet_mirror_collector;

	/// The community pool: MIR spent only by governance, up to a limit.
	#[runtime::pallet_index(28)]
	pub type Community = pallet_mirror_community;
}
