//! # LpStaking (in progress)
//!
//! MIR rewards for liquidity providers (bonded LP tokens) and short sellers (sLP, the debt of their
//! short positions, told by Mint through `mirror_primitives::ShortStakeHook`), per mAsset (spec
//! §2.6, §2.7, §3.6–3.8).
//!
//! This crate holds, so far, the pallet's arithmetic ([`math`]): the reward-per-share indices that
//! make every call O(1) in the number of stakers, the premium of an mAsset's pool price over its
//! oracle price, and the short-reward weight — the original's *documented* curve
//! `W_max · Φ((p − p½) / σ)` with the true normal CDF, its cap `W_max` and half-max premium `p½`
//! as parameters (users asked for a governable cap in mirror-contracts #83). The calls, storage,
//! benchmarks and runtime wiring follow in the same issue (see `docs/` when they land).
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub mod math;
