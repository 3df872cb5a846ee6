//! # mirror-fuzz
//!
//! Drives the real Mirror runtime (native, from the `development` genesis preset) with random
//! call sequences and checks every invariant after each call: every pallet's `try_state`, the
//! books of MIR and of every asset, the documented mint and burn paths, accounts' reference
//! counts, holds and freezes, the block's weight, and that nothing panics. It measures each
//! call's real time and storage proof against its declared weight.
//!
//! One decoder, two modes: a seeded PRNG (`mirror-fuzz`, and `make test`'s 20,000 calls) and a
//! fuzzer's bytes (`libfuzzer/`, coverage-guided with cargo-fuzz). See docs/reliability.md.

pub mod chain;
pub mod entropy;
pub mod generate;
pub mod invariants;
pub mod report;
pub mod run;
