//! Risk changes with a grace period: raising an mAsset's minimum collateral ratio (Mint) or a
//! collateral's multiplier (CollateralOracle) can make a safe position liquidatable, so a raise is
//! *scheduled* and takes effect `risk_change_delay` seconds later; lowering risk applies at once.
//! Nothing loops over positions: whoever reads the value reads the schedule with it
//! ([`ScheduledChange::resolve`]).

use crate::Moment;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::FixedU128;

/// A raise of a risk parameter (a minimum collateral ratio or a multiplier) that takes effect at
/// `effective_at`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct ScheduledChange {
	/// The value from `effective_at` on.
	pub value: FixedU128,
	/// When it takes effect (seconds since the Unix epoch).
	pub effective_at: Moment,
}

impl ScheduledChange {
	/// The value in force at `now` given the `current` one and a schedule, and the schedule still
	/// pending (`None` once it has taken effect).
	pub fn resolve(
		current: FixedU128,
		scheduled: Option<Self>,
		now: Moment,
	) -> (FixedU128, Option<Self>) {
		match scheduled {
			Some(change) if now >= change.effective_at => (change.value, None),
			Some(change) => (current, Some(change)),
			None => (current, None),
		}
	}
}

/// What an update of a risk parameter does, given the value in force: a raise is scheduled
/// `delay` seconds from `now`, anything else applies at once (and drops a pending raise).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RiskUpdate {
	/// Apply `0` now.
	Now(FixedU128),
	/// Schedule the change.
	Later(ScheduledChange),
}

impl RiskUpdate {
	/// Decides an update of a parameter in force at `current` to `new`.
	pub fn decide(current: FixedU128, new: FixedU128, now: Moment, delay: Moment) -> Self {
		if new > current && delay > 0 {
			Self::Later(ScheduledChange { value: new, effective_at: now.saturating_add(delay) })
		} else {
			Self::Now(new)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn fx(n: u128) -> FixedU128 {
		FixedU128::from_u32(n as u32)
	}

	#[test]
	fn a_schedule_takes_effect_at_its_time_not_before() {
		let change = ScheduledChange { value: fx(2), effective_at: 100 };
		assert_eq!(ScheduledChange::resolve(fx(1), Some(change), 99), (fx(1), Some(change)));
		assert_eq!(ScheduledChange::resolve(fx(1), Some(change), 100), (fx(2), None));
		assert_eq!(ScheduledChange::resolve(fx(1), None, 100), (fx(1), None));
	}

	#[test]
	fn raises_wait_and_everything_else_applies_now() {
		assert_eq!(
			RiskUpdate::decide(fx(1), fx(2), 10, 5),
			RiskUpdate::Later(ScheduledChange { value: fx(2), effective_at: 15 })
		);
		assert_eq!(RiskUpdate::decide(fx(2), fx(1), 10, 5), RiskUpdate::Now(fx(1)));
		assert_eq!(RiskUpdate::decide(fx(2), fx(2), 10, 5), RiskUpdate::Now(fx(2)));
		assert_eq!(RiskUpdate::decide(fx(1), fx(2), 10, 0), RiskUpdate::Now(fx(2)));
	}
}
