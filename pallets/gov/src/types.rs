//! Gov's storage types.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	weights::Weight,
	BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use mirror_primitives::{Balance, Moment, PollClass, PollConfig, PollId, PollStatus};
use scale_info::TypeInfo;

/// A poll as stored.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTitle, MaxDescription, MaxLink, MaxCall))]
pub struct Poll<AccountId, MaxTitle, MaxDescription, MaxLink, MaxCall>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitle: Get<u32>,
	MaxDescription: Get<u32>,
	MaxLink: Get<u32>,
	MaxCall: Get<u32>,
{
	/// Who proposed it (and gets the deposit back if it reaches its quorum).
	pub creator: AccountId,
	/// Where it stands.
	pub status: PollStatus,
	/// Its class, from its call.
	pub class: PollClass,
	/// Staked MIR voted yes.
	pub yes_votes: Balance,
	/// Staked MIR voted no.
	pub no_votes: Balance,
	/// Staked MIR voted abstain.
	pub abstain_votes: Balance,
	/// When voting closes (seconds).
	pub end_time: Moment,
	/// From when its staked total may be snapshotted: `end_time − snapshot_period`, fixed at
	/// creation.
	pub snapshot_time: Moment,
	/// Its title.
	pub title: BoundedVec<u8, MaxTitle>,
	/// Its description.
	pub description: BoundedVec<u8, MaxDescription>,
	/// Its link.
	pub link: Option<BoundedVec<u8, MaxLink>>,
	/// The SCALE-encoded call it executes if it passes.
	pub call: Option<BoundedVec<u8, MaxCall>>,
	/// The call's weight, measured at creation.
	pub call_weight: Weight,
	/// The proposer's deposit.
	pub deposit_amount: Balance,
	/// The staked MIR the tally was measured against, once ended.
	pub total_balance_at_end_poll: Option<Balance>,
	/// Voting rewards booked to its voters.
	pub voters_reward: Balance,
	/// The staked MIR snapshotted near its end.
	pub staked_amount: Option<Balance>,
}

impl<AccountId, MaxTitle, MaxDescription, MaxLink, MaxCall>
	Poll<AccountId, MaxTitle, MaxDescription, MaxLink, MaxCall>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitle: Get<u32>,
	MaxDescription: Get<u32>,
	MaxLink: Get<u32>,
	MaxCall: Get<u32>,
{
	/// Yes, no and abstain votes together.
	pub fn tallied(&self) -> Balance {
		self.yes_votes.saturating_add(self.no_votes).saturating_add(self.abstain_votes)
	}

	/// Whether the poll reaches its quorum against `staked`, and whether it passes (§3.10):
	/// quorum when `tallied ≥ ⌈quorum × staked⌉` (and something was tallied), pass when also
	/// `yes > ⌊threshold × (yes + no)⌋`.
	pub fn tally(&self, staked: Balance, config: &PollConfig) -> (bool, bool) {
		let tallied = self.tallied();
		let quorum_reached =
			tallied != 0 && staked != 0 && tallied >= config.quorum.mul_ceil(staked);
		let decisive = self.yes_votes.saturating_add(self.no_votes);
		let passed = quorum_reached
			&& self.yes_votes != 0
			&& self.yes_votes > config.threshold.mul_floor(decisive);
		(quorum_reached, passed)
	}
}

/// A poll of this runtime.
pub type PollOf<T> = Poll<
	<T as frame_system::Config>::AccountId,
	ConstU32<{ crate::TITLE_LENGTH.1 }>,
	ConstU32<{ crate::DESCRIPTION_LENGTH.1 }>,
	ConstU32<{ crate::LINK_LENGTH.1 }>,
	<T as crate::Config>::MaxCallLength,
>;

/// A staker: its shares and the polls it voted in, with the MIR voted.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	DefaultNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxVotes))]
pub struct Staker<MaxVotes: Get<u32>> {
	/// Its shares of the staked total.
	pub share: Balance,
	/// `(poll, MIR voted)` for polls in progress, and ended polls not yet pruned.
	pub votes: BoundedVec<(PollId, Balance), MaxVotes>,
}

/// A staker of this runtime.
pub type StakerOf<T> = Staker<<T as crate::Config>::MaxVotesPerStaker>;

/// Gov's running totals (the original's `State`).
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct GovTotals {
	/// Polls created: the last poll's id.
	pub poll_count: PollId,
	/// Shares outstanding.
	pub total_share: Balance,
	/// Deposits of polls in progress.
	pub total_deposit: Balance,
	/// Voting rewards booked to polls and not yet withdrawn: not part of the staked total.
	pub pending_voting_rewards: Balance,
}
