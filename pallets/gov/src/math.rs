//! Gov's pure functions: share maths (spec §3.12) and the bounds of a poll's text. Each share
//! helper says its rounding and what it answers for a zero divisor (no shares or no stake yet).

use frame_support::{traits::Get, BoundedVec};
use mirror_primitives::{
	decimal::{mul_div_ceil, mul_div_floor},
	Balance,
};

/// Titles take 4 to 64 bytes (the original's limits).
pub const TITLE_LENGTH: (u32, u32) = (4, 64);
/// Descriptions take 4 to 256 bytes.
pub const DESCRIPTION_LENGTH: (u32, u32) = (4, 256);
/// Links take 12 to 128 bytes.
pub const LINK_LENGTH: (u32, u32) = (12, 128);

/// `⌊a × b / c⌋`; **zero when `c` is zero**; `None` on overflow. The MIR `a` shares are worth
/// (`b` staked, `c` shares), or a voter's part of a poll's reward.
pub fn mul_div_floor_or_zero(a: Balance, b: Balance, c: Balance) -> Option<Balance> {
	if c == 0 {
		return Some(0);
	}
	mul_div_floor(a, b, c)
}

/// `⌈a × b / c⌉`; **zero when `c` is zero**; `None` on overflow. The shares an amount of MIR
/// takes from a staker who withdraws it: rounded against the staker.
pub fn mul_div_ceil_or_zero(a: Balance, b: Balance, c: Balance) -> Option<Balance> {
	if c == 0 {
		return Some(0);
	}
	mul_div_ceil(a, b, c)
}

/// The shares `amount` MIR buys when `staked` MIR back `total_share` shares:
/// `⌊amount × total_share / staked⌋`, or **`amount` when either is zero** (the first stake, or
/// shares left without stake); `None` on overflow.
pub fn shares_for_stake(amount: Balance, total_share: Balance, staked: Balance) -> Option<Balance> {
	if total_share == 0 || staked == 0 {
		return Some(amount);
	}
	mul_div_floor(amount, total_share, staked)
}

/// Why a poll's text is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextLength {
	/// Shorter than its minimum.
	TooShort,
	/// Longer than its maximum.
	TooLong,
}

/// `text` bounded to `(min, max)` bytes, or why not.
pub fn bounded_text<S: Get<u32>>(
	text: alloc::vec::Vec<u8>,
	(min, max): (u32, u32),
) -> Result<BoundedVec<u8, S>, TextLength> {
	let len = text.len() as u32;
	if len > max {
		return Err(TextLength::TooLong);
	}
	if len < min {
		return Err(TextLength::TooShort);
	}
	BoundedVec::try_from(text).map_err(|_| TextLength::TooLong)
}

#[cfg(test)]
#[path = "tests/math.rs"]
mod tests;
