//! The configuration of every pallet in the runtime, one file per concern:
//!
//! | file | what |
//! |---|---|
//! | `system.rs` | System, block limits, Aura, Grandpa, Timestamp, fees, Sudo, Utility |
//! | `tokens.rs` | Balances (MIR), Assets (UST, mAssets, LP tokens), `NativeAndAssets` |
//! | `mirror.rs` | the Mirror pallets and the adapters between them |
//! | `gov.rs` | `MirrorAdmin`, Gov and the call classes of its polls |
//! | `benchmark_helper.rs` | `MirrorBenchmarkHelper`, the runtime side of every Mirror benchmark |
//!
//! Every item is re-exported here: `configs::NativeAndAssets`, `configs::RuntimeBlockWeights`...

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse,
		VariantCountOf,
	},
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureNever, EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Amm, Assets, Aura, Balance, Balances, Block, BlockNumber, CollateralOracle, Hash,
	LpStaking, Mint, Nonce, Oracle, OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System,
	EXISTENTIAL_DEPOSIT, MILLI_MIR, MIR, SLOT_DURATION, VERSION,
};
use mirror_primitives::AssetId;

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper;
mod gov;
mod mirror;
mod system;
mod tokens;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmark_helper::*;
pub use gov::*;
pub use mirror::*;
pub use system::*;
pub use tokens::*;
