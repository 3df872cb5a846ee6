//! The community pool's types.

use frame_support::traits::Get;
use mirror_primitives::Balance;

/// The default spend limit: 1,000,000 MIR. The original's mainnet limit is not documented (a
/// third-party deploy script used 50,000,000 MIR); a poll can raise it.
pub struct DefaultSpendLimit;
impl Get<Balance> for DefaultSpendLimit {
	fn get() -> Balance {
		1_000_000 * 1_000_000
	}
}
