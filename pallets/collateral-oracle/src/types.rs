//! The CollateralOracle pallet's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use mirror_primitives::PriceSource;
use scale_info::TypeInfo;
use sp_runtime::FixedU128;

/// A registered collateral asset.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CollateralInfo {
	/// Where its price comes from.
	pub price_source: PriceSource,
	/// The required collateral ratio of a position backed by it is the mAsset's minimum ratio
	/// times this (1.3333334 for volatile collateral such as MIR).
	pub multiplier: FixedU128,
	/// A revoked collateral stays priced, but Mint accepts it for no new position or deposit.
	pub is_revoked: bool,
}
