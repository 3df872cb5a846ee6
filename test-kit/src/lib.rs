//! Dev-only: what the Mirror pallets' mock runtimes share.
//!
//! - **Runtime pieces**, as macros: `construct_runtime!` and the `Config` impls of a mock must live
//!   in the pallet's own crate (the orphan rule), so [`mock_runtime!`] (over [`impl_system!`],
//!   [`impl_timestamp!`], [`impl_balances!`] and [`impl_assets!`]) writes them there. They name `frame_support`, `frame_system`, `sp_runtime` and the FRAME pallets they
//!   configure as the calling crate does (every pallet has them as (dev-)dependencies).
//! - **Genesis and clock**: [`ExtBuilder`] builds the externalities, [`set_time`], [`now`] and
//!   [`next_block`] move the clock, [`run_checked`] runs a test and then the pallet's `try_state`.
//! - **Stand-ins** for the pallets a pallet talks to through the traits of `mirror-primitives`,
//!   with their tables in thread-local storage: [`MockOracle`], [`MockCollateral`], [`MockAmm`],
//!   [`MockShortStake`]; each mock's `new_test_ext` clears the tables with [`reset`]. And
//!   `pallet-assets` behind the token traits: [`ForceMetadata`], [`NextAssetId`], [`AssetSymbols`].
//!
//! The kit knows the pallets only through `mirror-primitives`: it never depends on a Mirror pallet
//! crate.

pub mod amm;
pub mod assets;
pub mod collateral;
pub mod ext;
pub mod oracle;
mod runtime;
pub mod short_stake;

pub use amm::{AmmAt, AmmSettings, MockAmm};
pub use assets::{AssetSymbols, ForceMetadata, NextAssetId};
pub use collateral::MockCollateral;
pub use ext::{next_block, now, run_checked, set_time, ExtBuilder};
pub use mirror_primitives::{MIR, UST};
pub use oracle::{MockOracle, OracleSettings};
pub use short_stake::MockShortStake;

use mirror_primitives::{AssetId, FixedU128, NativeOrWithId};

/// The mocks' first accounts.
pub const ALICE: u128 = 1;
pub const BOB: u128 = 2;
pub const CHARLIE: u128 = 3;
pub const DAVE: u128 = 4;

/// MIR's existential deposit in the mocks.
pub const ED: u128 = 10;

/// mAAPL in the mocks.
pub const AAPL: AssetId = NativeOrWithId::WithId(2);
/// mTSLA in the mocks.
pub const TSLA: AssetId = NativeOrWithId::WithId(3);

/// The genesis time of the mocks: 1,000,000 s.
pub const T0: u64 = 1_000_000;

/// `n / d` as a [`FixedU128`].
pub fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// 1.3333334, the multiplier of volatile collateral.
pub fn volatile() -> FixedU128 {
	FixedU128::from_rational(13_333_334, 10_000_000)
}

/// Clears every stand-in's tables (a test thread may run several tests).
pub fn reset() {
	amm::reset();
	oracle::reset();
	collateral::reset();
	short_stake::reset();
}

#[cfg(test)]
mod tests;
