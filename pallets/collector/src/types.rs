//! The Collector's types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use mirror_primitives::Moment;
use scale_info::TypeInfo;
use sp_runtime::FixedU128;

/// How conversions are bounded.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct CollectorParameters {
	/// The most a conversion may return below the oracle price (Terraswap's `max_spread`
	/// against `belief_price`): 1 % by default. The original sold mAssets with no bound and
	/// bought MIR with 50 %, which invites sandwiching.
	pub max_spread: FixedU128,
	/// The oldest oracle price a conversion accepts (seconds): 60 by default, as Mint.
	pub price_max_age: Moment,
}

impl Default for CollectorParameters {
	fn default() -> Self {
		CollectorParameters { max_spread: FixedU128::from_rational(1, 100), price_max_age: 60 }
	}
}
