//! Governance: the types the Gov pallet shares with the runtime and clients (spec §2.9,
//! §3.10–§3.12).

use crate::{Balance, Moment};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{Perbill, Permill};

/// A poll's number: the first poll is 1.
pub type PollId = u32;

/// What a poll may do when it passes, which decides its deposit, quorum, threshold and period.
/// The class follows from the poll's call, never from the proposer's choice.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum PollClass {
	/// Any call the governance origin may make (listings, parameters, spends), or none.
	Default,
	/// A change to governance itself (a call on the runtime's auth-admin list).
	AuthAdmin,
	/// A runtime upgrade: executes as Root, and may end early once it has its quorum and
	/// threshold (fast track).
	Migration,
}

/// Where a poll stands.
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
)]
pub enum PollStatus {
	/// Open for votes.
	InProgress,
	/// Ended with its quorum and threshold; its call, if any, may execute after the delay.
	Passed,
	/// Ended without its quorum or threshold.
	Rejected,
	/// Passed and its call dispatched successfully.
	Executed,
	/// Passed, but its call failed (or no longer decodes); the end stands.
	Failed,
}

/// A vote.
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
)]
pub enum VoteOption {
	/// For.
	Yes,
	/// Against.
	No,
	/// Counts towards the quorum only.
	Abstain,
}

/// A voter's vote in one poll.
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
)]
pub struct VoterInfo {
	/// The option voted for.
	pub vote: VoteOption,
	/// The staked MIR voted (locked while the poll is in progress).
	pub balance: Balance,
}

/// One class's terms.
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
#[serde(rename_all = "camelCase")]
pub struct PollConfig {
	/// MIR the proposer deposits; refunded only if the poll reaches its quorum.
	pub proposal_deposit: Balance,
	/// Seconds the poll is open for votes.
	pub voting_period: Moment,
	/// The least share of the staked MIR that must vote (abstain included).
	pub quorum: Perbill,
	/// The share of yes among yes and no that must be exceeded.
	pub threshold: Perbill,
}

/// Gov's parameters.
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
#[serde(rename_all = "camelCase")]
pub struct GovParameters {
	/// Seconds between a poll's end time and when its call may execute (not for migrations).
	pub effective_delay: Moment,
	/// How long before a poll's end its staked total may be snapshotted.
	pub snapshot_period: Moment,
	/// The share of rewards deposited to Gov that goes to voters of polls in progress.
	pub voter_weight: Permill,
	/// Default polls.
	pub default_poll: PollConfig,
	/// Auth-admin polls.
	pub auth_admin_poll: PollConfig,
	/// Migration polls.
	pub migration_poll: PollConfig,
}

impl GovParameters {
	/// The terms of `class`.
	pub fn poll_config(&self, class: PollClass) -> PollConfig {
		match class {
			PollClass::Default => self.default_poll,
			PollClass::AuthAdmin => self.auth_admin_poll,
			PollClass::Migration => self.migration_poll,
		}
	}
}

impl Default for GovParameters {
	/// Mainnet V2 (spec §2.9): default polls 1,000 MIR, 7 days, quorum 18 %, threshold 50 %;
	/// auth-admin 3,000 MIR and migration 2,000 MIR, 7 days, quorum 40 %, threshold 66.7 %;
	/// effective delay and snapshot period 1 day; voter weight 50 %.
	fn default() -> Self {
		const DAY: Moment = 86_400;
		const MIR: Balance = 1_000_000;
		GovParameters {
			effective_delay: DAY,
			snapshot_period: DAY,
			voter_weight: Permill::from_percent(50),
			default_poll: PollConfig {
				proposal_deposit: 1_000 * MIR,
				voting_period: 7 * DAY,
				quorum: Perbill::from_percent(18),
				threshold: Perbill::from_percent(50),
			},
			auth_admin_poll: PollConfig {
				proposal_deposit: 3_000 * MIR,
				voting_period: 7 * DAY,
				quorum: Perbill::from_percent(40),
				threshold: Perbill::from_perthousand(667),
			},
			migration_poll: PollConfig {
				proposal_deposit: 2_000 * MIR,
				voting_period: 7 * DAY,
				quorum: Perbill::from_percent(40),
				threshold: Perbill::from_perthousand(667),
			},
		}
	}
}

/// A staker as clients see it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct GovStakerInfo {
	/// Its staked MIR now: `share × staked total / total shares`.
	pub balance: Balance,
	/// Its shares.
	pub share: Balance,
	/// MIR voted in polls still in progress, per poll.
	pub locked_balance: Vec<(PollId, Balance)>,
	/// The largest of those: what cannot be withdrawn now.
	pub locked: Balance,
	/// Voting rewards of ended polls it can withdraw or stake, per poll.
	pub withdrawable_polls: Vec<(PollId, Balance)>,
}

/// How MIR rewards reach Gov's stakers and voters (the collector's `distribute`).
pub trait GovRewards<AccountId> {
	/// Moves `amount` MIR from `from` to Gov: `voter_weight` of it is booked to the voters of
	/// polls in progress, the rest raises every staker's balance.
	fn deposit_reward(from: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;
}

/// Gov's totals.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct GovState {
	/// Polls created so far (the last poll's id).
	pub poll_count: PollId,
	/// Shares outstanding.
	pub total_share: Balance,
	/// Deposits of polls in progress.
	pub total_deposit: Balance,
	/// Voting rewards not yet withdrawn.
	pub pending_voting_rewards: Balance,
	/// The staked MIR: the Gov account's MIR less its existential deposit, deposits and pending
	/// voting rewards.
	pub total_staked: Balance,
}
