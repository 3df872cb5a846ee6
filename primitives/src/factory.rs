//! Listing and emission: the types of the Factory pallet that its calls, storage and runtime API
//! share with clients (spec §2.8, §3.9).

use crate::{Balance, Moment};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::FixedU128;

/// A new mAsset's pre-IPO terms as `whitelist` takes them: a minting *period* from the listing.
#[derive(
	Clone,
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
pub struct PreIpoParams<AccountId> {
	/// How long, from the listing, the asset may be minted at its pre-IPO price (seconds).
	pub mint_period: Moment,
	/// The fixed price (UST) until the IPO.
	pub pre_ipo_price: FixedU128,
	/// The minimum collateral ratio once the IPO is triggered.
	pub min_collateral_ratio_after_ipo: FixedU128,
	/// The account allowed to trigger the IPO.
	pub trigger_account: AccountId,
}

/// How a new mAsset is listed (spec §2.8 `Whitelist.params`).
#[derive(
	Clone,
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
pub struct WhitelistParams<AccountId> {
	/// Its share of emissions (`None`: the default for new mAssets, 30).
	pub weight: Option<u32>,
	/// Mint's auction discount.
	pub auction_discount: FixedU128,
	/// Mint's minimum collateral ratio.
	pub min_collateral_ratio: FixedU128,
	/// Pre-IPO terms, if the asset lists before its IPO.
	pub ipo_params: Option<PreIpoParams<AccountId>>,
}

/// One period of the emission schedule: `amount` MIR paid out evenly from `start` to `end`
/// (seconds from the chain's genesis).
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
pub struct DistributionPeriod {
	/// Start, seconds after genesis.
	pub start: Moment,
	/// End, seconds after genesis.
	pub end: Moment,
	/// MIR paid over the period.
	pub amount: Balance,
}

/// The most periods an emission schedule may have.
pub type MaxDistributionPeriods = ConstU32<8>;

/// The emission schedule.
pub type DistributionSchedule = BoundedVec<DistributionPeriod, MaxDistributionPeriods>;

/// The Factory's parameters.
#[derive(
	Clone,
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
pub struct FactoryParameters {
	/// The least time between two `distribute` calls (seconds; 60 on mainnet).
	pub distribution_interval: Moment,
	/// The emission schedule.
	pub distribution_schedule: DistributionSchedule,
}

/// One MIR in base units.
const MIR: Balance = 1_000_000;
/// A year of 365.25 days, in seconds.
const YEAR: Moment = 31_557_600;

impl Default for FactoryParameters {
	/// Mainnet's: distribution every 60 s; 54.9M, 27.45M, 13.725M and 6.8625M MIR over four years,
	/// the first starting 6 hours after genesis.
	fn default() -> Self {
		let periods = [
			DistributionPeriod { start: 21_600, end: YEAR, amount: 54_900_000 * MIR },
			DistributionPeriod { start: YEAR, end: 2 * YEAR, amount: 27_450_000 * MIR },
			DistributionPeriod { start: 2 * YEAR, end: 3 * YEAR, amount: 13_725_000 * MIR },
			DistributionPeriod { start: 3 * YEAR, end: 4 * YEAR, amount: 6_862_500 * MIR },
		];
		Self {
			distribution_interval: 60,
			distribution_schedule: BoundedVec::truncate_from(periods.to_vec()),
		}
	}
}

/// What the next `distribute` would pay, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct DistributionInfo {
	/// When `distribute` last paid (seconds; the chain's genesis before the first).
	pub last_distributed: Moment,
	/// The earliest time the next `distribute` may run.
	pub next_distribution: Moment,
	/// MIR the schedule releases from `last_distributed` to now, before the per-asset split.
	pub pending_amount: Balance,
	/// Each listed asset's share of `pending_amount` if `distribute` ran now.
	pub amounts: alloc::vec::Vec<(crate::AssetId, Balance)>,
}
