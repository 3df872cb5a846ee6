//! # Gov pallet
//!
//! MIR stakers run Mirror (spec §2.9, §3.10, §3.12).
//!
//! ## Staking with shares
//! [`Pallet::stake_voting_tokens`] moves MIR into the Gov account for shares; the staked total is
//! the account's MIR less its existential deposit, the deposits of polls in progress and pending
//! voting rewards. MIR that arrives in the account any other way (fees bought back by the
//! collector, forfeited deposits) raises every share's worth without a loop over stakers.
//! [`Pallet::withdraw_voting_tokens`] burns shares for MIR; what a staker voted in polls still in
//! progress stays locked.
//!
//! ## Polls
//! [`Pallet::create_poll`] takes a title, description, optional link and optional runtime call,
//! and the deposit of the poll's class. The class follows from the call: a runtime upgrade
//! ([`Config::MigrationCalls`]) makes a migration poll, a call on [`Config::AuthAdminCalls`] an
//! auth-admin poll, anything else (or nothing) a default poll. Each class has its own deposit,
//! quorum, threshold and voting period ([`GovParameters`]).
//!
//! [`Pallet::cast_vote`] votes staked MIR yes, no or abstain; [`Pallet::snapshot_poll`] records the
//! staked total near the end (a vote in the snapshot period does it too);
//! [`Pallet::end_poll`] tallies (§3.10: abstain counts for the quorum only, the deposit is refunded
//! only if the quorum is reached; migration polls may end early once they pass);
//! [`Pallet::execute_poll`] dispatches a passed poll's call after the effective delay: default and
//! auth-admin polls with this pallet's [`Origin`], which the runtime accepts as every Mirror
//! pallet's admin origin, migration polls with Root. A failing call marks the poll `Failed`; the
//! end stands. The call's weight is measured when the poll is created; `execute_poll` charges
//! [`Config::MaxCallWeight`] and refunds to what the call used.
//!
//! ## Voting rewards
//! [`Pallet::deposit_reward`] (anyone; the collector through [`mirror_primitives::GovRewards`])
//! books `voter_weight` of a reward to the polls in progress, equally; the rest raises the staked
//! total. Booked rewards stay out of the staked total until voters of the ended poll take them
//! with [`Pallet::withdraw_voting_rewards`] or [`Pallet::stake_voting_rewards`], pro rata to
//! their votes (§3.11).
//!
//! Nothing loops over stakers or voters: ending and executing a poll are O(1); a staker's own
//! vote list is bounded by [`Config::MaxVotesPerStaker`]; a reward deposit visits the polls in
//! progress, at most [`Config::MaxAdminPollsInProgress`].
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod math;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use math::{DESCRIPTION_LENGTH, LINK_LENGTH, TITLE_LENGTH};
pub use types::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use codec::{Decode, DecodeLimit, Encode};
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Consideration, Contains, Footprint, UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use math::{
	bounded_text, mul_div_ceil_or_zero, mul_div_floor_or_zero, shares_for_stake, TextLength,
};
use mirror_primitives::{
	Balance, GovParameters, GovStakerInfo, GovState, Moment, PollClass, PollId, PollStatus,
	VoteOption, VoterInfo,
};
use sp_runtime::traits::{AccountIdConversion, Dispatchable, Zero};

/// How deeply a stored call may nest when it is decoded for execution.
pub const CALL_DECODE_DEPTH: u32 = 64;

/// A poll's effect when it passes: the SCALE-encoded runtime call.
pub type CallBytesOf<T> = BoundedVec<u8, <T as Config>::MaxCallLength>;

/// What a poll stores of the call it carries: its class, the encoded call (none for a text poll)
/// and the call's weight.
type PollCallOf<T> = (PollClass, Option<CallBytesOf<T>>, Weight);

/// MIR staking and governance polls. Stakers stake MIR for shares, create polls (with a deposit
/// and optionally a runtime call to execute), vote yes, no or abstain, and earn voting rewards;
/// a passed poll's call is executed after the effective delay. Each poll class (default,
/// auth-admin, migration) has its own deposit, quorum, threshold and voting period.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime origin, which a passed poll's [`Origin`] becomes.
		type RuntimeOrigin: From<Origin> + From<frame_system::RawOrigin<Self::AccountId>>;

		/// The runtime call a poll executes.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// Changes Gov's parameters: Root, or a passed auth-admin poll.
		type AdminOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// MIR.
		type Currency: Inspect<Self::AccountId, Balance = Balance> + Mutate<Self::AccountId>;

		/// Calls that make a poll a migration poll (runtime upgrades).
		type MigrationCalls: Contains<<Self as Config>::RuntimeCall>;

		/// Calls that make a poll an auth-admin poll (changes to governance itself).
		type AuthAdminCalls: Contains<<Self as Config>::RuntimeCall>;

		/// Derives the Gov account, which holds staked MIR, deposits and voting rewards.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The longest encoded call a poll may carry.
		#[pallet::constant]
		type MaxCallLength: Get<u32>;

		/// The heaviest call a poll may carry: what `execute_poll` charges before refunding.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// The most default polls in progress at once (the original's 50).
		#[pallet::constant]
		type MaxPollsInProgress: Get<u32>;

		/// The most polls in progress at once when the new one is an auth-admin or migration
		/// poll (the original's 60).
		#[pallet::constant]
		type MaxAdminPollsInProgress: Get<u32>;

		/// The most polls a staker's vote list holds (in progress, or ended and not yet pruned).
		#[pallet::constant]
		type MaxVotesPerStaker: Get<u32>;

		/// The chain's clock.
		type UnixTime: UnixTime;

		/// The deposit a staker pays for the state it keeps: its staker record and, per vote in
		/// its list, the list entry and the voter record. Held while the record exists, set to
		/// the current footprint by each stake or vote, released with the record; withdrawals
		/// never change it. The runtime holds MIR under `HoldReason::StakerDeposit`.
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The origin of a passed default or auth-admin poll's call.
	#[pallet::origin]
	#[derive(
		Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub enum Origin {
		/// A passed default poll.
		Poll,
		/// A passed auth-admin poll.
		AuthAdminPoll,
	}

	/// Gov's parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, GovParameters, ValueQuery>;

	/// Polls created, shares outstanding, deposits of polls in progress, pending voting rewards:
	/// one value, so a call reads them in one go.
	#[pallet::storage]
	pub type Totals<T: Config> = StorageValue<_, GovTotals, ValueQuery>;

	/// Every poll.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, PollOf<T>>;

	/// The polls in progress (counted, so the limits cost one read).
	#[pallet::storage]
	pub type PollsInProgress<T: Config> = CountedStorageMap<_, Twox64Concat, PollId, ()>;

	/// Stakers: shares and the polls they voted in.
	#[pallet::storage]
	pub type Stakers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, StakerOf<T>>;

	/// Votes, by poll and voter.
	#[pallet::storage]
	pub type Voters<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, T::AccountId, VoterInfo>;

	/// The deposit each staker holds for its records (`Config::Consideration`). Stakers from
	/// before version 1 hold none until their state next grows (a stake or a vote).
	#[pallet::storage]
	pub type StakerDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::Consideration>;

	/// Why Gov holds a staker's funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a staker's records: its staker record and its votes.
		#[codec(index = 0)]
		StakerDeposit,
	}

	/// Gov's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` staked `amount` MIR for `share` shares.
		Staked {
			/// The staker.
			who: T::AccountId,
			/// MIR staked.
			amount: Balance,
			/// Shares received.
			share: Balance,
		},
		/// `who` withdrew `amount` MIR, burning `share` shares.
		Withdrawn {
			/// The staker.
			who: T::AccountId,
			/// MIR paid out.
			amount: Balance,
			/// Shares burnt.
			share: Balance,
		},
		/// A poll was created.
		PollCreated {
			/// Its id.
			poll_id: PollId,
			/// The proposer.
			creator: T::AccountId,
			/// Its class, from its call.
			class: PollClass,
			/// The proposer's deposit.
			deposit: Balance,
			/// When voting closes.
			end_time: Moment,
			/// Whether it carries a call.
			has_call: bool,
		},
		/// `voter` voted `amount` staked MIR on a poll.
		VoteCast {
			/// The poll.
			poll_id: PollId,
			/// The voter.
			voter: T::AccountId,
			/// The option.
			vote: VoteOption,
			/// Staked MIR voted.
			amount: Balance,
		},
		/// A poll's staked total was recorded for its tally.
		PollSnapshotted {
			/// The poll.
			poll_id: PollId,
			/// The staked MIR.
			staked_amount: Balance,
		},
		/// A poll ended.
		PollEnded {
			/// The poll.
			poll_id: PollId,
			/// `Passed` or `Rejected`.
			status: PollStatus,
			/// Yes votes.
			yes_votes: Balance,
			/// No votes.
			no_votes: Balance,
			/// Abstain votes.
			abstain_votes: Balance,
			/// The staked MIR the quorum was measured against.
			staked: Balance,
			/// Whether the deposit went back to the proposer (quorum reached).
			deposit_refunded: bool,
		},
		/// A passed poll's call was dispatched.
		PollExecuted {
			/// The poll.
			poll_id: PollId,
			/// The call's result; an error marks the poll `Failed`.
			result: DispatchResult,
		},
		/// Rewards reached Gov: `voters` of them booked to the voters of `polls` polls in
		/// progress, the rest to stakers.
		RewardDeposited {
			/// Who paid.
			from: T::AccountId,
			/// MIR deposited.
			amount: Balance,
			/// The part booked to voters.
			voters: Balance,
			/// Polls in progress that shared it.
			polls: u32,
		},
		/// `who` withdrew voting rewards.
		VotingRewardsWithdrawn {
			/// The voter.
			who: T::AccountId,
			/// MIR paid.
			amount: Balance,
		},
		/// `who` staked its voting rewards.
		VotingRewardsStaked {
			/// The voter.
			who: T::AccountId,
			/// MIR staked.
			amount: Balance,
			/// Shares received.
			share: Balance,
		},
		/// The parameters changed.
		ParametersUpdated {
			/// The new parameters.
			parameters: GovParameters,
		},
	}

	/// Gov's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// An amount of zero.
		ZeroAmount,
		/// The stake is too small to buy a share.
		StakeTooSmall,
		/// The account has nothing staked.
		NothingStaked,
		/// More than the unlocked stake ("User is trying to withdraw too many tokens.").
		InsufficientUnlocked,
		/// Nothing is withdrawable now.
		NothingToWithdraw,
		/// The title is shorter than 4 bytes.
		TitleTooShort,
		/// The title is longer than 64 bytes.
		TitleTooLong,
		/// The description is shorter than 4 bytes.
		DescriptionTooShort,
		/// The description is longer than 256 bytes.
		DescriptionTooLong,
		/// The link is shorter than 12 bytes.
		LinkTooShort,
		/// The link is longer than 128 bytes.
		LinkTooLong,
		/// The call's encoding is longer than `Config::MaxCallLength`.
		CallTooLong,
		/// The call weighs more than `Config::MaxCallWeight`.
		CallTooHeavy,
		/// Too many polls in progress for this class.
		TooManyPollsInProgress,
		/// No poll has this id.
		PollNotFound,
		/// The poll is not in progress, or its voting period is over.
		PollNotInProgress,
		/// The voter already voted in this poll.
		AlreadyVoted,
		/// More than the voter's staked MIR.
		InsufficientStake,
		/// The staker's vote list is full: withdraw voting rewards or tokens to prune ended polls.
		TooManyVotes,
		/// A snapshot is allowed only within the snapshot period before the end.
		SnapshotTooEarly,
		/// The poll's staked total is recorded already.
		AlreadySnapshotted,
		/// The voting period is not over.
		VotingPeriodNotExpired,
		/// A migration poll may end early only once it has its quorum and threshold.
		FastTrackNotReached,
		/// The poll has not passed.
		PollNotPassed,
		/// The effective delay after the end time is not over.
		EffectiveDelayNotExpired,
		/// The poll carries no call.
		NoExecuteData,
		/// A reward too small to give every poll in progress a unit ("Reward deposited is too
		/// small").
		RewardTooSmall,
		/// The poll is still in progress.
		PollInProgress,
		/// The poll has no voting rewards.
		NoVotingRewards,
		/// The account did not vote in the poll.
		NotVoted,
		/// A voting period of zero, or a voter weight of 100 %.
		InvalidParameters,
		/// Arithmetic overflow.
		Overflow,
		/// The sender holds less MIR than the amount (keeping its existential deposit).
		InsufficientBalance,
		/// The staker cannot pay the deposit its records hold (MIR).
		CannotPayDeposit,
	}

	/// Parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` keeps mainnet's.
		pub parameters: Option<GovParameters>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(parameters) = &self.parameters {
				assert!(Pallet::<T>::parameters_are_valid(parameters), "invalid Gov parameters");
				Parameters::<T>::put(parameters);
			}
			// The Gov account keeps MIR's existential deposit, which the staked total excludes.
			let account = Pallet::<T>::account_id();
			let ed = T::Currency::minimum_balance();
			let held = T::Currency::balance(&account);
			if held < ed {
				let minted = T::Currency::mint_into(&account, ed - held);
				assert!(minted.is_ok(), "funding the Gov account: {minted:?}");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPollsInProgress::get() > 0, "at least one poll");
			assert!(
				T::MaxAdminPollsInProgress::get() >= T::MaxPollsInProgress::get(),
				"admin polls have at least the default room"
			);
			assert!(
				T::MaxVotesPerStaker::get() >= T::MaxAdminPollsInProgress::get(),
				"a staker can vote in every poll in progress"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stakes `amount` MIR for shares: `amount × total shares / staked total` (floored), or
		/// `amount` when nothing is staked.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `StakeTooSmall` (no whole share), `Overflow`;
		/// the transfer's error if the staker cannot pay.
		///
		/// Emits `Staked`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::stake_voting_tokens())]
		pub fn stake_voting_tokens(origin: OriginFor<T>, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut totals = Totals::<T>::get();
			let total_share = totals.total_share;
			let staked = Self::staked_of(&totals);
			let share = Self::shares_for(amount, total_share, staked)?;
			let new_total = total_share.checked_add(share).ok_or(Error::<T>::Overflow)?;
			let mut staker = Stakers::<T>::get(&who).unwrap_or_default();
			staker.share = staker.share.checked_add(share).ok_or(Error::<T>::Overflow)?;
			T::Currency::transfer(&who, &Self::account_id(), amount, Preservation::Preserve)?;
			totals.total_share = new_total;
			Totals::<T>::put(totals);
			Stakers::<T>::insert(&who, staker);
			Self::sync_staker_deposit(&who, true)?;
			Self::deposit_event(Event::Staked { who, amount, share });
			Ok(())
		}

		/// Withdraws `amount` staked MIR (`None`: all that is not locked). MIR voted in polls in
		/// progress stays locked (the largest such vote). Ended polls leave the vote list.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `NothingStaked`, `ZeroAmount`, `InsufficientUnlocked`,
		/// `NothingToWithdraw`, `Overflow`.
		///
		/// Emits `Withdrawn`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_voting_tokens(T::MaxVotesPerStaker::get()))]
		pub fn withdraw_voting_tokens(
			origin: OriginFor<T>,
			amount: Option<Balance>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut staker = Stakers::<T>::get(&who).ok_or(Error::<T>::NothingStaked)?;
			ensure!(!staker.share.is_zero(), Error::<T>::NothingStaked);
			ensure!(amount != Some(0), Error::<T>::ZeroAmount);
			let votes = staker.votes.len() as u32;
			let locked = Self::prune_votes(&who, &mut staker);
			let mut totals = Totals::<T>::get();
			let total_share = totals.total_share;
			let staked = Self::staked_of(&totals);
			// Rounded against the staker: the lock up, the shares burnt for an amount up.
			let locked_share =
				mul_div_ceil_or_zero(locked, total_share, staked).ok_or(Error::<T>::Overflow)?;
			let (share, paid) = match amount {
				Some(amount) => {
					let share = mul_div_ceil_or_zero(amount, total_share, staked)
						.ok_or(Error::<T>::Overflow)?;
					(share, amount)
				}
				None => {
					let share = staker.share.saturating_sub(locked_share);
					let paid = mul_div_floor_or_zero(share, staked, total_share)
						.ok_or(Error::<T>::Overflow)?;
					ensure!(!paid.is_zero(), Error::<T>::NothingToWithdraw);
					(share, paid)
				}
			};
			ensure!(
				locked_share.checked_add(share).is_some_and(|s| s <= staker.share),
				Error::<T>::InsufficientUnlocked
			);
			staker.share = staker.share.saturating_sub(share);
			T::Currency::transfer(&Self::account_id(), &who, paid, Preservation::Preserve)?;
			totals.total_share = total_share.saturating_sub(share);
			Totals::<T>::put(totals);
			Self::store_staker(&who, &mut staker)?;
			Self::deposit_event(Event::Withdrawn { who, amount: paid, share });
			Ok(Some(T::WeightInfo::withdraw_voting_tokens(votes)).into())
		}

		/// Creates a poll carrying `execute` (if any), taking the deposit of its class. The class
		/// follows from the call: a runtime upgrade makes a migration poll, a call on the
		/// auth-admin list an auth-admin poll, anything else a default poll.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `TitleTooShort`, `TitleTooLong`, `DescriptionTooShort`,
		/// `DescriptionTooLong`, `LinkTooShort`, `LinkTooLong`,
		/// `CallTooLong`, `CallTooHeavy`, `TooManyPollsInProgress`,
		/// `Overflow`; the transfer's error if the deposit cannot be paid.
		///
		/// Emits `PollCreated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::create_poll())]
		pub fn create_poll(
			origin: OriginFor<T>,
			title: Vec<u8>,
			description: Vec<u8>,
			link: Option<Vec<u8>>,
			execute: Option<Box<<T as Config>::RuntimeCall>>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			let title = Self::poll_text(
				title,
				TITLE_LENGTH,
				Error::<T>::TitleTooShort,
				Error::<T>::TitleTooLong,
			)?;
			let description = Self::poll_text(
				description,
				DESCRIPTION_LENGTH,
				Error::<T>::DescriptionTooShort,
				Error::<T>::DescriptionTooLong,
			)?;
			let link = link
				.map(|link| {
					Self::poll_text(
						link,
						LINK_LENGTH,
						Error::<T>::LinkTooShort,
						Error::<T>::LinkTooLong,
					)
				})
				.transpose()?;
			let (class, call, call_weight) = Self::poll_call(execute)?;
			let max = match class {
				PollClass::Default => T::MaxPollsInProgress::get(),
				PollClass::AuthAdmin | PollClass::Migration => T::MaxAdminPollsInProgress::get(),
			};
			ensure!(PollsInProgress::<T>::count() < max, Error::<T>::TooManyPollsInProgress);

			let parameters = Parameters::<T>::get();
			let config = parameters.poll_config(class);
			let deposit = config.proposal_deposit;
			let mut totals = Totals::<T>::get();
			let poll_id = totals.poll_count.checked_add(1).ok_or(Error::<T>::Overflow)?;
			totals.total_deposit =
				totals.total_deposit.checked_add(deposit).ok_or(Error::<T>::Overflow)?;
			totals.poll_count = poll_id;
			let end_time = Self::now().saturating_add(config.voting_period);
			if !deposit.is_zero() {
				T::Currency::transfer(
					&creator,
					&Self::account_id(),
					deposit,
					Preservation::Preserve,
				)?;
			}
			Totals::<T>::put(totals);
			PollsInProgress::<T>::insert(poll_id, ());
			let has_call = call.is_some();
			Polls::<T>::insert(
				poll_id,
				Poll {
					creator: creator.clone(),
					status: PollStatus::InProgress,
					class,
					yes_votes: 0,
					no_votes: 0,
					abstain_votes: 0,
					end_time,
					snapshot_time: end_time.saturating_sub(parameters.snapshot_period),
					title,
					description,
					link,
					call,
					call_weight,
					deposit_amount: deposit,
					total_balance_at_end_poll: None,
					voters_reward: 0,
					staked_amount: None,
				},
			);
			Self::deposit_event(Event::PollCreated {
				poll_id,
				creator,
				class,
				deposit,
				end_time,
				has_call,
			});
			Ok(())
		}

		/// Votes `amount` of the voter's staked MIR on `poll_id`. Within the snapshot period
		/// before the end, the first vote also snapshots the staked total.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `ZeroAmount`, `PollNotFound`, `PollNotInProgress`,
		/// `AlreadyVoted`, `NothingStaked`, `InsufficientStake`,
		/// `TooManyVotes`, `Overflow`.
		///
		/// Emits `VoteCast` (and `PollSnapshotted` when it snapshots).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cast_vote())]
		pub fn cast_vote(
			origin: OriginFor<T>,
			poll_id: PollId,
			vote: VoteOption,
			amount: Balance,
		) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::PollNotFound)?;
			let now = Self::now();
			ensure!(
				poll.status == PollStatus::InProgress && now <= poll.end_time,
				Error::<T>::PollNotInProgress
			);
			let mut staker = Stakers::<T>::get(&voter).ok_or(Error::<T>::NothingStaked)?;
			// A voter's votes are all in its list (pruning drops a record with its entry).
			ensure!(staker.votes.iter().all(|(id, _)| *id != poll_id), Error::<T>::AlreadyVoted);
			let totals = Totals::<T>::get();
			let staked = Self::staked_of(&totals);
			let balance = mul_div_floor_or_zero(staker.share, staked, totals.total_share)
				.ok_or(Error::<T>::Overflow)?;
			ensure!(balance >= amount, Error::<T>::InsufficientStake);
			staker.votes.try_push((poll_id, amount)).map_err(|_| Error::<T>::TooManyVotes)?;
			let tally = match vote {
				VoteOption::Yes => &mut poll.yes_votes,
				VoteOption::No => &mut poll.no_votes,
				VoteOption::Abstain => &mut poll.abstain_votes,
			};
			*tally = tally.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let snapshot = poll.staked_amount.is_none() && now >= poll.snapshot_time;
			if snapshot {
				poll.staked_amount = Some(staked);
			}
			Polls::<T>::insert(poll_id, poll);
			Stakers::<T>::insert(&voter, staker);
			Voters::<T>::insert(poll_id, &voter, VoterInfo { vote, balance: amount });
			Self::sync_staker_deposit(&voter, true)?;
			Self::deposit_event(Event::VoteCast { poll_id, voter, vote, amount });
			if snapshot {
				Self::deposit_event(Event::PollSnapshotted { poll_id, staked_amount: staked });
			}
			Ok(())
		}

		/// Records the staked total that `poll_id`'s quorum is measured against, within the
		/// snapshot period before its end.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `PollNotFound`, `PollNotInProgress`, `SnapshotTooEarly`,
		/// `AlreadySnapshotted`.
		///
		/// Emits `PollSnapshotted`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::snapshot_poll())]
		pub fn snapshot_poll(origin: OriginFor<T>, poll_id: PollId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::PollNotFound)?;
			ensure!(poll.status == PollStatus::InProgress, Error::<T>::PollNotInProgress);
			ensure!(Self::now() >= poll.snapshot_time, Error::<T>::SnapshotTooEarly);
			ensure!(poll.staked_amount.is_none(), Error::<T>::AlreadySnapshotted);
			let staked_amount = Self::total_staked();
			poll.staked_amount = Some(staked_amount);
			Polls::<T>::insert(poll_id, poll);
			Self::deposit_event(Event::PollSnapshotted { poll_id, staked_amount });
			Ok(())
		}

		/// Tallies `poll_id` after its voting period (§3.10): rejected without the quorum
		/// (deposit forfeited to stakers), passed if yes exceeds the threshold of yes and no,
		/// else rejected (deposit refunded). A migration poll may end early once it passes.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `PollNotFound`, `PollNotInProgress`,
		/// `VotingPeriodNotExpired`, `FastTrackNotReached`.
		///
		/// Emits `PollEnded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::end_poll())]
		pub fn end_poll(origin: OriginFor<T>, poll_id: PollId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::PollNotFound)?;
			ensure!(poll.status == PollStatus::InProgress, Error::<T>::PollNotInProgress);
			let config = Parameters::<T>::get().poll_config(poll.class);
			let mut totals = Totals::<T>::get();
			let staked = poll.staked_amount.unwrap_or_else(|| Self::staked_of(&totals));
			let (quorum_reached, passed) = poll.tally(staked, &config);
			if Self::now() < poll.end_time {
				ensure!(poll.class == PollClass::Migration, Error::<T>::VotingPeriodNotExpired);
				ensure!(passed, Error::<T>::FastTrackNotReached);
			}
			if quorum_reached && !poll.deposit_amount.is_zero() {
				T::Currency::transfer(
					&Self::account_id(),
					&poll.creator,
					poll.deposit_amount,
					Preservation::Preserve,
				)?;
			}
			totals.total_deposit = totals.total_deposit.saturating_sub(poll.deposit_amount);
			// Voting rewards of a poll nobody voted in can never be claimed: they go to stakers.
			if poll.tallied().is_zero() && !poll.voters_reward.is_zero() {
				totals.pending_voting_rewards =
					totals.pending_voting_rewards.saturating_sub(poll.voters_reward);
				poll.voters_reward = 0;
			}
			Totals::<T>::put(totals);
			PollsInProgress::<T>::remove(poll_id);
			poll.status = if passed { PollStatus::Passed } else { PollStatus::Rejected };
			poll.total_balance_at_end_poll = Some(staked);
			Self::deposit_event(Event::PollEnded {
				poll_id,
				status: poll.status,
				yes_votes: poll.yes_votes,
				no_votes: poll.no_votes,
				abstain_votes: poll.abstain_votes,
				staked,
				deposit_refunded: quorum_reached,
			});
			Polls::<T>::insert(poll_id, poll);
			Ok(())
		}

		/// Dispatches a passed poll's call, after the effective delay (migration polls: at
		/// once): default polls with `Origin::Poll`, auth-admin polls with
		/// `Origin::AuthAdminPoll`, migration polls with Root. The poll ends `Executed`, or
		/// `Failed` if the call fails or no longer decodes.
		///
		/// ## Dispatch Origin
		/// Signed (anyone).
		///
		/// ## Errors
		/// `PollNotFound`, `PollNotPassed`, `EffectiveDelayNotExpired`,
		/// `NoExecuteData`.
		///
		/// Emits `PollExecuted`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::execute_poll().saturating_add(T::MaxCallWeight::get()))]
		pub fn execute_poll(origin: OriginFor<T>, poll_id: PollId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::PollNotFound)?;
			ensure!(poll.status == PollStatus::Passed, Error::<T>::PollNotPassed);
			if poll.class != PollClass::Migration {
				let effective =
					poll.end_time.saturating_add(Parameters::<T>::get().effective_delay);
				ensure!(Self::now() >= effective, Error::<T>::EffectiveDelayNotExpired);
			}
			let bytes = poll.call.clone().ok_or(Error::<T>::NoExecuteData)?;
			// Marked before dispatch, so the call cannot execute its own poll again.
			poll.status = PollStatus::Executed;
			Polls::<T>::insert(poll_id, &poll);
			let decoded = <T as Config>::RuntimeCall::decode_with_depth_limit(
				CALL_DECODE_DEPTH,
				&mut &bytes[..],
			);
			let (result, used) = match decoded {
				Err(_) => {
					(Err(DispatchError::Other("the poll's call no longer decodes")), Weight::zero())
				}
				Ok(call) => {
					let origin: <T as Config>::RuntimeOrigin = match poll.class {
						PollClass::Default => Origin::Poll.into(),
						PollClass::AuthAdmin => Origin::AuthAdminPoll.into(),
						PollClass::Migration => frame_system::RawOrigin::Root.into(),
					};
					let outcome = call.dispatch(origin);
					let used = match &outcome {
						Ok(post) => post.actual_weight,
						Err(e) => e.post_info.actual_weight,
					}
					.unwrap_or(poll.call_weight);
					(outcome.map(|_| ()).map_err(|e| e.error), used)
				}
			};
			if result.is_err() {
				Polls::<T>::mutate(poll_id, |p| {
					if let Some(p) = p {
						p.status = PollStatus::Failed;
					}
				});
			}
			Self::deposit_event(Event::PollExecuted { poll_id, result });
			Ok(Some(
				T::WeightInfo::execute_poll().saturating_add(used.min(T::MaxCallWeight::get())),
			)
			.into())
		}

		/// Deposits `amount` MIR as rewards: `voter_weight` of it is shared equally by the polls
		/// in progress (each poll's voters split their share pro rata), the rest raises every
		/// staker's balance. Without polls in progress, everything goes to stakers.
		///
		/// ## Dispatch Origin
		/// Signed (anyone; the collector pays through `GovRewards`).
		///
		/// ## Errors
		/// `ZeroAmount`, `InsufficientBalance`, `RewardTooSmall`,
		/// `Overflow`.
		///
		/// Emits `RewardDeposited`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::deposit_reward(T::MaxAdminPollsInProgress::get()))]
		pub fn deposit_reward(origin: OriginFor<T>, amount: Balance) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let polls = Self::do_deposit_reward(&from, amount)?;
			Ok(Some(T::WeightInfo::deposit_reward(polls)).into())
		}

		/// Pays the voting rewards of ended polls `poll_id` (`None`: every ended poll with
		/// rewards the caller voted in), and drops those polls from its vote list.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// `NothingStaked`, `PollNotFound`, `PollInProgress`,
		/// `NoVotingRewards`, `NotVoted`, `NothingToWithdraw`.
		///
		/// Emits `VotingRewardsWithdrawn`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw_voting_rewards(T::MaxVotesPerStaker::get()))]
		pub fn withdraw_voting_rewards(
			origin: OriginFor<T>,
			poll_id: Option<PollId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (mut staker, amount, visited) = Self::take_voting_rewards(&who, poll_id)?;
			let mut totals = Totals::<T>::get();
			totals.pending_voting_rewards = totals.pending_voting_rewards.saturating_sub(amount);
			T::Currency::transfer(&Self::account_id(), &who, amount, Preservation::Preserve)?;
			Totals::<T>::put(totals);
			Self::store_staker(&who, &mut staker)?;
			Self::deposit_event(Event::VotingRewardsWithdrawn { who, amount });
			Ok(Some(T::WeightInfo::withdraw_voting_rewards(visited)).into())
		}

		/// Stakes the voting rewards of ended polls `poll_id` (`None`: all of them) at the
		/// current share rate, and drops those polls from the vote list.
		///
		/// ## Dispatch Origin
		/// Signed.
		///
		/// ## Errors
		/// As `withdraw_voting_rewards`, and `StakeTooSmall`,
		/// `Overflow`.
		///
		/// Emits `VotingRewardsStaked`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::stake_voting_rewards(T::MaxVotesPerStaker::get()))]
		pub fn stake_voting_rewards(
			origin: OriginFor<T>,
			poll_id: Option<PollId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (mut staker, amount, visited) = Self::take_voting_rewards(&who, poll_id)?;
			let mut totals = Totals::<T>::get();
			// The rewards leave `pending` first, so the staked total already includes them.
			totals.pending_voting_rewards = totals.pending_voting_rewards.saturating_sub(amount);
			let staked = Self::staked_of(&totals);
			let before = staked.saturating_sub(amount);
			let share = Self::shares_for(amount, totals.total_share, before)?;
			staker.share = staker.share.checked_add(share).ok_or(Error::<T>::Overflow)?;
			totals.total_share =
				totals.total_share.checked_add(share).ok_or(Error::<T>::Overflow)?;
			Totals::<T>::put(totals);
			Self::store_staker(&who, &mut staker)?;
			Self::deposit_event(Event::VotingRewardsStaked { who, amount, share });
			Ok(Some(T::WeightInfo::stake_voting_rewards(visited)).into())
		}

		/// Replaces Gov's parameters.
		///
		/// ## Dispatch Origin
		/// `Config::AdminOrigin` (Root or a passed auth-admin poll).
		///
		/// ## Errors
		/// `InvalidParameters` (a voting period of zero).
		///
		/// Emits `ParametersUpdated`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::update_config())]
		pub fn update_config(origin: OriginFor<T>, parameters: GovParameters) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(Self::parameters_are_valid(&parameters), Error::<T>::InvalidParameters);
			Parameters::<T>::put(parameters);
			Self::deposit_event(Event::ParametersUpdated { parameters });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The Gov account.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The chain's time in seconds; 0 at genesis.
	fn now() -> Moment {
		if frame_system::Pallet::<T>::block_number().is_zero() {
			return 0;
		}
		T::UnixTime::now().as_secs()
	}

	/// The staked total: the Gov account's MIR less its existential deposit, the deposits of
	/// polls in progress and pending voting rewards.
	pub fn total_staked() -> Balance {
		Self::staked_of(&Totals::<T>::get())
	}

	/// The staked total given `totals`.
	fn staked_of(totals: &GovTotals) -> Balance {
		T::Currency::reducible_balance(
			&Self::account_id(),
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.saturating_sub(totals.total_deposit)
		.saturating_sub(totals.pending_voting_rewards)
	}

	/// The shares `amount` MIR buys when `staked` MIR back `total_share` shares (§3.12):
	/// `⌊amount × total_share / staked⌋`, or `amount` when either is zero; at least one.
	fn shares_for(
		amount: Balance,
		total_share: Balance,
		staked: Balance,
	) -> Result<Balance, DispatchError> {
		let share = shares_for_stake(amount, total_share, staked).ok_or(Error::<T>::Overflow)?;
		ensure!(!share.is_zero(), Error::<T>::StakeTooSmall);
		Ok(share)
	}

	/// A poll's text within `bounds`, or the error for being too short or too long.
	fn poll_text<S: Get<u32>>(
		text: Vec<u8>,
		bounds: (u32, u32),
		too_short: Error<T>,
		too_long: Error<T>,
	) -> Result<BoundedVec<u8, S>, Error<T>> {
		bounded_text(text, bounds).map_err(|refused| match refused {
			TextLength::TooShort => too_short,
			TextLength::TooLong => too_long,
		})
	}

	/// What a poll carrying `execute` stores: its class (from the call), the encoded call and
	/// the call's weight; no call makes a default poll.
	fn poll_call(
		execute: Option<Box<<T as Config>::RuntimeCall>>,
	) -> Result<PollCallOf<T>, Error<T>> {
		let Some(call) = execute else { return Ok((PollClass::Default, None, Weight::zero())) };
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
		let bytes =
			CallBytesOf::<T>::try_from(call.encode()).map_err(|_| Error::<T>::CallTooLong)?;
		Ok((Self::classify(&call), Some(bytes), call_weight))
	}

	/// The class `call` gives a poll.
	pub fn classify(call: &<T as Config>::RuntimeCall) -> PollClass {
		if T::MigrationCalls::contains(call) {
			PollClass::Migration
		} else if T::AuthAdminCalls::contains(call) {
			PollClass::AuthAdmin
		} else {
			PollClass::Default
		}
	}

	/// Whether `parameters` are acceptable: every voting period above zero, a voter weight
	/// below 100 %.
	pub fn parameters_are_valid(parameters: &GovParameters) -> bool {
		parameters.voter_weight < sp_runtime::Permill::one()
			&& [parameters.default_poll, parameters.auth_admin_poll, parameters.migration_poll]
				.iter()
				.all(|c| c.voting_period > 0)
	}

	/// §3.11: moves `amount` from `from` and books `⌊amount × voter_weight⌋`, split equally
	/// (floored), to the polls in progress; returns how many polls shared it. Only what the
	/// polls received becomes pending; the split's dust stays with stakers.
	pub fn do_deposit_reward(from: &T::AccountId, amount: Balance) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		// Checked first, so that an amount above the balance is named as such rather than
		// failing inside the transfer (or in the booking's arithmetic).
		ensure!(
			amount
				<= T::Currency::reducible_balance(from, Preservation::Preserve, Fortitude::Polite),
			Error::<T>::InsufficientBalance
		);
		let voter_weight = Parameters::<T>::get().voter_weight;
		let polls = PollsInProgress::<T>::count();
		let to_voters = voter_weight.mul_floor(amount);
		let mut booked: Balance = 0;
		if polls > 0 && !to_voters.is_zero() {
			let per_poll = to_voters / Balance::from(polls);
			ensure!(!per_poll.is_zero(), Error::<T>::RewardTooSmall);
			for poll_id in PollsInProgress::<T>::iter_keys() {
				Polls::<T>::mutate(poll_id, |poll| {
					if let Some(poll) = poll {
						poll.voters_reward = poll.voters_reward.saturating_add(per_poll);
						booked = booked.saturating_add(per_poll);
					}
				});
			}
			Totals::<T>::try_mutate(|totals| -> DispatchResult {
				totals.pending_voting_rewards = totals
					.pending_voting_rewards
					.checked_add(booked)
					.ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
		}
		T::Currency::transfer(from, &Self::account_id(), amount, Preservation::Preserve)?;
		Self::deposit_event(Event::RewardDeposited {
			from: from.clone(),
			amount,
			voters: booked,
			polls: if booked.is_zero() { 0 } else { polls },
		});
		Ok(polls)
	}

	/// `⌊voters_reward × vote / tallied⌋`: a voter's reward from an ended poll.
	fn voter_reward(poll: &PollOf<T>, vote: Balance) -> Balance {
		mul_div_floor_or_zero(poll.voters_reward, vote, poll.tallied()).unwrap_or(0)
	}

	/// Takes `who`'s voting rewards of ended poll `poll_id` (`None`: every ended poll with
	/// rewards), removing those polls from its list and their voter records; returns the
	/// staker, the amount and the entries visited.
	fn take_voting_rewards(
		who: &T::AccountId,
		poll_id: Option<PollId>,
	) -> Result<(StakerOf<T>, Balance, u32), DispatchError> {
		let mut staker = Stakers::<T>::get(who).ok_or(Error::<T>::NothingStaked)?;
		let visited = staker.votes.len() as u32;
		if let Some(id) = poll_id {
			let poll = Polls::<T>::get(id).ok_or(Error::<T>::PollNotFound)?;
			ensure!(poll.status != PollStatus::InProgress, Error::<T>::PollInProgress);
			ensure!(!poll.voters_reward.is_zero(), Error::<T>::NoVotingRewards);
			let position =
				staker.votes.iter().position(|(p, _)| *p == id).ok_or(Error::<T>::NotVoted)?;
			let (_, vote) = staker.votes.remove(position);
			Voters::<T>::remove(id, who);
			let amount = Self::voter_reward(&poll, vote);
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			return Ok((staker, amount, visited));
		}
		let mut amount: Balance = 0;
		staker.votes.retain(|(id, vote)| {
			if PollsInProgress::<T>::contains_key(id) {
				return true;
			}
			match Polls::<T>::get(id) {
				Some(poll) if !poll.voters_reward.is_zero() => {
					amount = amount.saturating_add(Self::voter_reward(&poll, *vote));
					Voters::<T>::remove(id, who);
					false
				}
				_ => true,
			}
		});
		ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
		Ok((staker, amount, visited))
	}

	/// Stores `staker`, or removes it when it holds nothing (and then releases its deposit; a
	/// staker that stays keeps its deposit as it is).
	fn store_staker(who: &T::AccountId, staker: &mut StakerOf<T>) -> DispatchResult {
		if staker.share.is_zero() && staker.votes.is_empty() {
			Stakers::<T>::remove(who);
		} else {
			Stakers::<T>::insert(who, &*staker);
		}
		Self::sync_staker_deposit(who, false)
	}

	/// What a staker with `votes` votes occupies, as one item of that many bytes (storage prices
	/// charge `count × size`): the staker record, and per vote its list entry and voter record.
	pub fn staker_footprint(votes: u32) -> Footprint {
		let record = <(T::AccountId, Balance)>::max_encoded_len();
		let per_vote = <(PollId, Balance, T::AccountId, VoterInfo)>::max_encoded_len();
		Footprint::from_parts(1, record.saturating_add(per_vote.saturating_mul(votes as usize)))
	}

	/// Makes `who`'s deposit match its records. When the record is gone, the deposit is
	/// released. When its state grows (`may_charge`: a stake or a vote), the deposit is set to its
	/// current footprint (made, raised, or lowered if votes were pruned since); a staker who cannot
	/// pay gets `CannotPayDeposit`. Otherwise (withdrawals, pruning) the deposit is left as it is:
	/// a deposit can grow even for a smaller footprint (a runtime upgrade may raise the price), and
	/// leaving must never need MIR. Pruned votes' share comes back at the next stake or vote, or
	/// when the staker leaves.
	fn sync_staker_deposit(who: &T::AccountId, may_charge: bool) -> DispatchResult {
		let Some(staker) = Stakers::<T>::get(who) else {
			if let Some(ticket) = StakerDeposits::<T>::take(who) {
				ticket.drop(who)?;
			}
			return Ok(());
		};
		if !may_charge {
			return Ok(());
		}
		let footprint = Self::staker_footprint(staker.votes.len() as u32);
		let ticket = match StakerDeposits::<T>::take(who) {
			Some(ticket) => ticket.update(who, footprint),
			None => T::Consideration::new(who, footprint),
		}
		.map_err(|_| Error::<T>::CannotPayDeposit)?;
		StakerDeposits::<T>::insert(who, ticket);
		Ok(())
	}

	/// Drops `staker`'s votes in polls that ended without voting rewards (their voter records
	/// too; votes with rewards stay until withdrawn or staked); returns the largest vote in
	/// polls still in progress: the locked stake.
	fn prune_votes(who: &T::AccountId, staker: &mut StakerOf<T>) -> Balance {
		let mut locked: Balance = 0;
		staker.votes.retain(|(poll_id, amount)| {
			if PollsInProgress::<T>::contains_key(poll_id) {
				locked = locked.max(*amount);
				return true;
			}
			let rewarded = Polls::<T>::get(poll_id).is_some_and(|p| !p.voters_reward.is_zero());
			if !rewarded {
				Voters::<T>::remove(poll_id, who);
			}
			rewarded
		});
		locked
	}

	/// `who`'s stake now: balance, shares and locks.
	pub fn staker(who: &T::AccountId) -> Option<GovStakerInfo> {
		let staker = Stakers::<T>::get(who)?;
		let balance = mul_div_floor_or_zero(
			staker.share,
			Self::total_staked(),
			Totals::<T>::get().total_share,
		)
		.unwrap_or(0);
		let locked_balance: Vec<(PollId, Balance)> = staker
			.votes
			.iter()
			.filter(|(poll_id, _)| PollsInProgress::<T>::contains_key(poll_id))
			.cloned()
			.collect();
		let locked = locked_balance.iter().map(|(_, a)| *a).max().unwrap_or(0);
		let withdrawable_polls = staker
			.votes
			.iter()
			.filter(|(poll_id, _)| !PollsInProgress::<T>::contains_key(poll_id))
			.filter_map(|(poll_id, vote)| {
				let poll = Polls::<T>::get(poll_id)?;
				let reward = Self::voter_reward(&poll, *vote);
				(!reward.is_zero()).then_some((*poll_id, reward))
			})
			.collect();
		Some(GovStakerInfo {
			balance,
			share: staker.share,
			locked_balance,
			locked,
			withdrawable_polls,
		})
	}

	/// Poll `poll_id`, as stored.
	pub fn poll(poll_id: PollId) -> Option<PollOf<T>> {
		Polls::<T>::get(poll_id)
	}

	/// Up to `limit` (at most 30) polls, newest first, from the one before `start_before`
	/// (`None`: the newest).
	pub fn polls(start_before: Option<PollId>, limit: u32) -> Vec<(PollId, PollOf<T>)> {
		let mut id = start_before.unwrap_or(Totals::<T>::get().poll_count.saturating_add(1));
		let mut out = Vec::new();
		while out.len() < limit.min(30) as usize && id > 1 {
			id -= 1;
			if let Some(poll) = Self::poll(id) {
				out.push((id, poll));
			}
		}
		out
	}

	/// Gov's totals.
	pub fn state() -> GovState {
		let totals = Totals::<T>::get();
		GovState {
			poll_count: totals.poll_count,
			total_share: totals.total_share,
			total_deposit: totals.total_deposit,
			pending_voting_rewards: totals.pending_voting_rewards,
			total_staked: Self::total_staked(),
		}
	}

	/// The invariants: total shares = Σ shares; total deposit = Σ deposits of polls in
	/// progress; the polls-in-progress set is exactly the polls with that status; the Gov
	/// account's MIR above its existential deposit covers deposits and pending rewards; every
	/// listed vote has its voter record.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// Every deposit belongs to a staker record that exists.
		for who in StakerDeposits::<T>::iter_keys() {
			ensure!(Stakers::<T>::contains_key(&who), "a staker deposit without its staker");
		}
		let totals = Totals::<T>::get();
		let mut shares: Balance = 0;
		for (who, staker) in Stakers::<T>::iter() {
			shares = shares.checked_add(staker.share).ok_or("share overflow")?;
			ensure!(!staker.share.is_zero() || !staker.votes.is_empty(), "an empty staker record");
			for (poll_id, amount) in staker.votes.iter() {
				let voter =
					Voters::<T>::get(poll_id, &who).ok_or("a listed vote without record")?;
				ensure!(voter.balance == *amount, "a listed vote differs from its record");
			}
		}
		ensure!(shares == totals.total_share, "shares do not sum to the total");
		let mut deposits: Balance = 0;
		let mut in_progress: u32 = 0;
		for (poll_id, poll) in Polls::<T>::iter() {
			ensure!(poll_id <= totals.poll_count, "a poll beyond the count");
			let listed = PollsInProgress::<T>::contains_key(poll_id);
			ensure!(
				listed == (poll.status == PollStatus::InProgress),
				"the in-progress set disagrees with a poll's status"
			);
			if listed {
				in_progress += 1;
				deposits = deposits.checked_add(poll.deposit_amount).ok_or("deposit overflow")?;
			}
		}
		ensure!(in_progress == PollsInProgress::<T>::count(), "the in-progress counter is off");
		ensure!(
			in_progress as usize == PollsInProgress::<T>::iter_keys().count(),
			"the in-progress counter disagrees with its entries"
		);
		ensure!(deposits == totals.total_deposit, "deposits do not sum to the total");
		let held = T::Currency::reducible_balance(
			&Self::account_id(),
			Preservation::Preserve,
			Fortitude::Polite,
		);
		ensure!(
			held >= deposits.saturating_add(totals.pending_voting_rewards),
			"the Gov account does not cover deposits and pending rewards"
		);
		ensure!(
			totals.total_share.is_zero() || !Self::total_staked().is_zero(),
			"shares without stake"
		);
		Ok(())
	}
}

/// Accepts a passed poll's origin (default or auth-admin): what the runtime makes every Mirror
/// pallet's admin origin (with Root).
pub struct EnsureGov;
impl<O> EnsureOrigin<O> for EnsureGov
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = ();
	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().map(|_| ())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Poll))
	}
}

/// Accepts only a passed auth-admin poll's origin: Gov's own admin origin (with Root).
pub struct EnsureGovAuthAdmin;
impl<O> EnsureOrigin<O> for EnsureGovAuthAdmin
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = ();
	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::AuthAdminPoll => Ok(()),
			other => Err(O::from(other)),
		})
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::AuthAdminPoll))
	}
}

impl<T: Config> mirror_primitives::GovRewards<T::AccountId> for Pallet<T> {
	fn deposit_reward(from: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_deposit_reward(from, amount).map(|_| ())
	}
}
