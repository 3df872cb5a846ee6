//! `mirror-node`: the node of Mirror on Substrate.
#![warn(missing_docs)]
// `sc_cli::Error` is large; every node built on sc-cli returns it.
#![allow(clippy::result_large_err)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
