//! Benchmarks of the Gov pallet, each in its worst case: existing stakers and shares, a new staker
//! record's deposit held (or a deposit updated as votes come and go), full-length texts and calls,
//! the snapshot taken by a vote, deposits refunded, vote lists at their bound.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use mirror_primitives::PollConfig;
use sp_runtime::Perbill;

/// MIR for a benchmark account: a billion units above the existential deposit.
fn fund<T: Config>(who: &T::AccountId) -> Balance {
	let amount =
		T::Currency::minimum_balance().saturating_mul(1_000).saturating_add(1_000_000_000_000_000);
	let _ = T::Currency::mint_into(who, amount);
	amount
}

/// Parameters that let every path run without waiting: no effective delay, a snapshot period
/// as long as the voting period (so a vote snapshots), small deposits.
fn quick_parameters<T: Config>() {
	let config = PollConfig {
		proposal_deposit: 1_000_000,
		voting_period: 1_000,
		quorum: Perbill::from_percent(10),
		threshold: Perbill::from_percent(50),
	};
	Parameters::<T>::put(GovParameters {
		effective_delay: 0,
		snapshot_period: 1_000,
		voter_weight: sp_runtime::Permill::zero(),
		default_poll: config,
		auth_admin_poll: config,
		migration_poll: config,
	});
}

/// `who` stakes `amount`.
fn staked<T: Config>(who: &T::AccountId, amount: Balance) -> Result<(), BenchmarkError> {
	fund::<T>(who);
	Pallet::<T>::stake_voting_tokens(RawOrigin::Signed(who.clone()).into(), amount)
		.map_err(|_| BenchmarkError::Stop("stake failed"))
}

/// A poll by `creator` through `create_poll`, carrying `call`; returns its id.
fn poll<T: Config>(
	creator: &T::AccountId,
	call: Option<<T as Config>::RuntimeCall>,
) -> Result<PollId, BenchmarkError> {
	fund::<T>(creator);
	Pallet::<T>::create_poll(
		RawOrigin::Signed(creator.clone()).into(),
		alloc::vec![b't'; TITLE_LENGTH.1 as usize],
		alloc::vec![b'd'; DESCRIPTION_LENGTH.1 as usize],
		Some(alloc::vec![b'l'; LINK_LENGTH.1 as usize]),
		call.map(Box::new),
	)
	.map_err(|_| BenchmarkError::Stop("create_poll failed"))?;
	Ok(Totals::<T>::get().poll_count)
}

/// A remark as long as a poll's call may be.
fn long_remark<T: Config>() -> <T as Config>::RuntimeCall {
	// The call index, the length prefix and the bytes stay within the bound.
	let len = T::MaxCallLength::get().saturating_sub(8) as usize;
	frame_system::Call::<T>::remark { remark: alloc::vec![7u8; len] }.into()
}

/// Fills `who`'s vote list with `n` votes of 1,000 in full-size polls that have ended, each
/// with `reward` for its voters (booked as pending), and their voter records.
fn ended_votes<T: Config>(
	who: &T::AccountId,
	n: u32,
	reward: Balance,
) -> Result<(), BenchmarkError> {
	let template = poll::<T>(&account("template", 0, 0), Some(long_remark::<T>()))?;
	let mut ended = Polls::<T>::get(template).ok_or(BenchmarkError::Stop("no template"))?;
	Polls::<T>::remove(template);
	PollsInProgress::<T>::remove(template);
	Totals::<T>::mutate(|t| t.total_deposit = 0);
	ended.status = PollStatus::Rejected;
	ended.yes_votes = 1_000;
	ended.voters_reward = reward;
	let mut staker = Stakers::<T>::get(who).unwrap_or_default();
	for i in 0..n {
		let poll_id = PollId::MAX - i;
		let _ = staker.votes.try_push((poll_id, 1_000));
		Polls::<T>::insert(poll_id, ended.clone());
		Voters::<T>::insert(poll_id, who, VoterInfo { vote: VoteOption::Yes, balance: 1_000 });
	}
	Stakers::<T>::insert(who, staker);
	let booked = reward.saturating_mul(n.into());
	Totals::<T>::mutate(|t| {
		t.pending_voting_rewards = t.pending_voting_rewards.saturating_add(booked)
	});
	let _ = T::Currency::mint_into(&Pallet::<T>::account_id(), booked);
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A second staker's first stake: shares at the current rate, a new record and its deposit.
	#[benchmark]
	fn stake_voting_tokens() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		staked::<T>(&account("first", 0, 0), 1_000_000_000)?;
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), 1_000_000_000);

		assert_eq!(Stakers::<T>::get(&caller).map(|s| s.share), Some(1_000_000_000));
		assert!(StakerDeposits::<T>::contains_key(&caller));
		Ok(())
	}

	/// A vote list of `n` ended polls, every one pruned with its voter record.
	#[benchmark]
	fn withdraw_voting_tokens(
		n: Linear<0, { T::MaxVotesPerStaker::get() }>,
	) -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let caller: T::AccountId = whitelisted_caller();
		staked::<T>(&caller, 1_000_000_000)?;
		ended_votes::<T>(&caller, n, 0)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Some(1_000));

		assert!(Stakers::<T>::get(&caller).is_some_and(|s| s.votes.is_empty()));
		Ok(())
	}

	/// Full-length title, description and link, the longest call.
	#[benchmark]
	fn create_poll() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let call = long_remark::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			alloc::vec![b't'; TITLE_LENGTH.1 as usize],
			alloc::vec![b'd'; DESCRIPTION_LENGTH.1 as usize],
			Some(alloc::vec![b'l'; LINK_LENGTH.1 as usize]),
			Some(Box::new(call)),
		);

		assert_eq!(Totals::<T>::get().poll_count, 1);
		Ok(())
	}

	/// A voter with a nearly full vote list, on a poll that the vote snapshots.
	#[benchmark]
	fn cast_vote() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let caller: T::AccountId = whitelisted_caller();
		staked::<T>(&caller, 1_000_000_000)?;
		ended_votes::<T>(&caller, T::MaxVotesPerStaker::get() - 1, 0)?;
		let poll_id = poll::<T>(&account("creator", 0, 0), Some(long_remark::<T>()))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), poll_id, VoteOption::Yes, 1_000_000_000);

		assert!(Voters::<T>::contains_key(poll_id, &caller));
		assert!(Polls::<T>::get(poll_id).is_some_and(|p| p.staked_amount.is_some()));
		Ok(())
	}

	#[benchmark]
	fn snapshot_poll() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		staked::<T>(&account("staker", 0, 0), 1_000_000_000)?;
		let poll_id = poll::<T>(&account("creator", 0, 0), Some(long_remark::<T>()))?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll_id);

		assert!(Polls::<T>::get(poll_id).is_some_and(|p| p.staked_amount.is_some()));
		Ok(())
	}

	/// A passed poll whose deposit goes back to its creator.
	#[benchmark]
	fn end_poll() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let voter: T::AccountId = account("voter", 0, 0);
		staked::<T>(&voter, 1_000_000_000)?;
		let poll_id = poll::<T>(&account("creator", 0, 0), Some(long_remark::<T>()))?;
		Pallet::<T>::cast_vote(
			RawOrigin::Signed(voter).into(),
			poll_id,
			VoteOption::Yes,
			1_000_000_000,
		)
		.map_err(|_| BenchmarkError::Stop("vote failed"))?;
		Polls::<T>::mutate(poll_id, |p| {
			if let Some(p) = p {
				p.end_time = 0;
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll_id);

		assert!(Polls::<T>::get(poll_id).is_some_and(|p| p.status == PollStatus::Passed));
		Ok(())
	}

	/// A default poll's longest call, dispatched (its own weight is charged on top).
	#[benchmark]
	fn execute_poll() -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let poll_id = poll::<T>(&account("creator", 0, 0), Some(long_remark::<T>()))?;
		Polls::<T>::mutate(poll_id, |p| {
			if let Some(p) = p {
				p.status = PollStatus::Passed;
				p.end_time = 0;
			}
		});
		PollsInProgress::<T>::remove(poll_id);
		Totals::<T>::mutate(|t| t.total_deposit = 0);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll_id);

		assert!(Polls::<T>::get(poll_id).is_some_and(|p| p.status != PollStatus::Passed));
		Ok(())
	}

	/// `n` polls in progress share the voters' part.
	#[benchmark]
	fn deposit_reward(
		n: Linear<1, { T::MaxAdminPollsInProgress::get() }>,
	) -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		Parameters::<T>::mutate(|p| p.voter_weight = sp_runtime::Permill::from_percent(50));
		// `n` copies of a full-size poll in progress (more than default polls may be created).
		let first = poll::<T>(&account("creator", 0, 0), Some(long_remark::<T>()))?;
		let template = Polls::<T>::get(first).ok_or(BenchmarkError::Stop("no poll"))?;
		for id in 1..n {
			Polls::<T>::insert(first + id, template.clone());
			PollsInProgress::<T>::insert(first + id, ());
		}
		let deposits = template.deposit_amount.saturating_mul(Balance::from(n - 1));
		Totals::<T>::mutate(|t| {
			t.poll_count = first + n - 1;
			t.total_deposit = t.total_deposit.saturating_add(deposits);
		});
		let _ = T::Currency::mint_into(&Pallet::<T>::account_id(), deposits);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 1_000_000_000);

		assert_eq!(
			Totals::<T>::get().pending_voting_rewards,
			500_000_000 / Balance::from(n) * Balance::from(n)
		);
		Ok(())
	}

	/// A vote list of `n` ended polls, each paying a reward.
	#[benchmark]
	fn withdraw_voting_rewards(
		n: Linear<1, { T::MaxVotesPerStaker::get() }>,
	) -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let caller: T::AccountId = whitelisted_caller();
		staked::<T>(&caller, 1_000_000_000)?;
		ended_votes::<T>(&caller, n, 1_000_000)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), None);

		assert_eq!(Totals::<T>::get().pending_voting_rewards, 0);
		Ok(())
	}

	/// A vote list of `n` ended polls, each paying a reward, staked at a rate.
	#[benchmark]
	fn stake_voting_rewards(
		n: Linear<1, { T::MaxVotesPerStaker::get() }>,
	) -> Result<(), BenchmarkError> {
		quick_parameters::<T>();
		let caller: T::AccountId = whitelisted_caller();
		staked::<T>(&caller, 1_000_000_000)?;
		ended_votes::<T>(&caller, n, 1_000_000)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), None);

		assert_eq!(Totals::<T>::get().pending_voting_rewards, 0);
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let parameters = GovParameters::default();

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, parameters);

		assert_eq!(Parameters::<T>::get(), parameters);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
