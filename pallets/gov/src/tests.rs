//! Gov's unit and property tests; every test ends with the pallet's invariants checked.

use crate::{
	mock::*, Error, Event, Origin, Parameters, Polls, PollsInProgress, Stakers, Totals, Voters,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, fungible::Mutate, tokens::Preservation},
};
use mirror_primitives::{PollClass, PollId, PollStatus, VoteOption, VoterInfo};
use proptest::prelude::*;
use sp_runtime::{traits::Dispatchable, DispatchError};

type Pallet = crate::Pallet<Test>;

fn mir(who: u128) -> u128 {
	Balances::balance(&who)
}

fn gov_account() -> u128 {
	Pallet::account_id()
}

fn stake(who: u128, amount: u128) {
	assert_ok!(Pallet::stake_voting_tokens(RuntimeOrigin::signed(who), amount));
}

/// Sends `amount` MIR to the Gov account as a reward (what the collector will do).
fn donate(amount: u128) {
	assert_ok!(Balances::transfer(&DAVE, &gov_account(), amount, Preservation::Preserve));
}

fn set_value(value: u32) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Target(target::Call::set_value { value }))
}

fn upgrade() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
		code_hash: sp_core::H256::repeat_byte(7),
	}))
}

fn new_parameters() -> Box<RuntimeCall> {
	let mut parameters = test_parameters();
	parameters.effective_delay = 5;
	Box::new(RuntimeCall::Gov(crate::Call::update_config { parameters }))
}

/// Creates a poll from `creator` carrying `call`; returns its id.
fn create(creator: u128, call: Option<Box<RuntimeCall>>) -> PollId {
	assert_ok!(Pallet::create_poll(
		RuntimeOrigin::signed(creator),
		b"Test poll".to_vec(),
		b"A poll for tests".to_vec(),
		Some(b"https://mirror.finance".to_vec()),
		call
	));
	Totals::<Test>::get().poll_count
}

fn vote(who: u128, poll_id: PollId, vote: VoteOption, amount: u128) {
	assert_ok!(Pallet::cast_vote(RuntimeOrigin::signed(who), poll_id, vote, amount));
}

fn end(poll_id: PollId) {
	assert_ok!(Pallet::end_poll(RuntimeOrigin::signed(DAVE), poll_id));
}

fn status(poll_id: PollId) -> PollStatus {
	Polls::<Test>::get(poll_id).unwrap().status
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn genesis_sets_parameters_and_funds_the_account() {
	run_test(|| {
		assert_eq!(Parameters::<Test>::get(), test_parameters());
		assert_eq!(mir(gov_account()), ED);
		assert_eq!(Pallet::total_staked(), 0);
	});
}

#[test]
fn stake_gives_shares_at_the_current_rate() {
	run_test(|| {
		stake(ALICE, 1_000);
		assert_eq!(Stakers::<Test>::get(ALICE).unwrap().share, 1_000);
		assert_eq!(last_event(), Event::Staked { who: ALICE, amount: 1_000, share: 1_000 }.into());
		// A reward doubles every share's worth: Bob's 1,000 MIR buys 500 shares.
		donate(1_000);
		stake(BOB, 1_000);
		assert_eq!(Stakers::<Test>::get(BOB).unwrap().share, 500);
		assert_eq!(Totals::<Test>::get().total_share, 1_500);
		assert_eq!(Pallet::staker(&ALICE).unwrap().balance, 2_000);
		assert_eq!(Pallet::staker(&BOB).unwrap().balance, 1_000);
		assert_eq!(mir(BOB), BALANCE - 1_000);
	});
}

#[test]
fn stake_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			Pallet::stake_voting_tokens(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::ZeroAmount
		);
		// More than the account holds (keeping it alive).
		assert!(Pallet::stake_voting_tokens(RuntimeOrigin::signed(ALICE), BALANCE).is_err());
		assert_eq!(Totals::<Test>::get().total_share, 0);
		// After a large reward one unit no longer buys a share.
		stake(ALICE, 10);
		donate(100_000);
		assert_noop!(
			Pallet::stake_voting_tokens(RuntimeOrigin::signed(BOB), 1),
			Error::<Test>::StakeTooSmall
		);
	});
}

#[test]
fn withdraw_pays_shares_at_the_current_rate() {
	run_test(|| {
		stake(ALICE, 1_000);
		stake(BOB, 1_000);
		donate(1_000);
		// 2,000 shares are worth 3,000 MIR: 300 MIR burn 200 shares.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(300)));
		assert_eq!(Stakers::<Test>::get(ALICE).unwrap().share, 800);
		assert_eq!(mir(ALICE), BALANCE - 1_000 + 300);
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, amount: 300, share: 200 }.into());
		// All of Bob's: 1,000 shares of 1,800 over 2,700 MIR.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), None));
		assert_eq!(mir(BOB), BALANCE - 1_000 + 1_500);
		assert!(Stakers::<Test>::get(BOB).is_none());
		assert_eq!(Totals::<Test>::get().total_share, 800);
		assert_eq!(Pallet::total_staked(), 1_200);
	});
}

#[test]
fn withdraw_rounds_in_the_protocols_favour() {
	run_test(|| {
		stake(ALICE, 3);
		stake(BOB, 3);
		donate(1);
		// 6 shares over 7 MIR: 1 MIR burns ⌈6/7⌉ = 1 share, though a share is worth 7/6 MIR.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(1)));
		assert_eq!(Stakers::<Test>::get(ALICE).unwrap().share, 2);
		// Bob's 3 shares of 5 over 6 MIR: ⌊3 × 6 / 5⌋ = 3.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), None));
		assert_eq!(mir(BOB), BALANCE - 3 + 3);
		assert_eq!(Pallet::total_staked(), 3);
	});
}

#[test]
fn withdraw_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), None),
			Error::<Test>::NothingStaked
		);
		stake(ALICE, 1_000);
		assert_noop!(
			Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(0)),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(1_001)),
			Error::<Test>::InsufficientUnlocked
		);
	});
}

#[test]
fn votes_in_polls_in_progress_stay_locked() {
	run_test(|| {
		stake(ALICE, 1_000);
		let first = create(BOB, None);
		let second = create(BOB, None);
		vote(ALICE, first, VoteOption::Yes, 600);
		vote(ALICE, second, VoteOption::No, 900);
		// The largest vote is locked: 100 can go, 101 cannot.
		assert_eq!(Pallet::staker(&ALICE).unwrap().locked, 900);
		assert_noop!(
			Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(101)),
			Error::<Test>::InsufficientUnlocked
		);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(100)));
		assert_noop!(
			Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), None),
			Error::<Test>::NothingToWithdraw
		);
		// Once the polls end, the lock goes, and so do their entries in the vote list.
		advance(10_001);
		end(first);
		end(second);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), None));
		assert_eq!(mir(ALICE), BALANCE);
		assert!(Stakers::<Test>::get(ALICE).is_none());
		assert!(Voters::<Test>::get(first, ALICE).is_none());
	});
}

#[test]
fn create_poll_takes_the_deposit_of_the_class_its_call_gives() {
	run_test(|| {
		let default = create(ALICE, Some(set_value(7)));
		let plain = create(ALICE, None);
		let admin = create(ALICE, Some(new_parameters()));
		let migration = create(ALICE, Some(upgrade()));
		let poll = |id| Polls::<Test>::get(id).unwrap();
		assert_eq!(poll(default).class, PollClass::Default);
		assert_eq!(poll(plain).class, PollClass::Default);
		assert_eq!(poll(admin).class, PollClass::AuthAdmin);
		assert_eq!(poll(migration).class, PollClass::Migration);
		assert_eq!(poll(default).deposit_amount, 100);
		assert_eq!(poll(admin).deposit_amount, 300);
		assert_eq!(poll(migration).deposit_amount, 200);
		assert_eq!(poll(default).end_time, T0 + 10_000);
		assert_eq!(poll(admin).end_time, T0 + 30_000);
		assert_eq!(poll(migration).end_time, T0 + 20_000);
		assert_eq!(poll(default).call_weight, set_value(7).get_dispatch_info().call_weight);
		assert_eq!(Totals::<Test>::get().total_deposit, 700);
		assert_eq!(mir(ALICE), BALANCE - 700);
		// Deposits are not stake.
		assert_eq!(Pallet::total_staked(), 0);
		assert_eq!(
			last_event(),
			Event::PollCreated {
				poll_id: migration,
				creator: ALICE,
				class: PollClass::Migration,
				deposit: 200,
				end_time: T0 + 20_000,
				has_call: true,
			}
			.into()
		);
	});
}

use frame_support::dispatch::GetDispatchInfo;

#[test]
fn create_poll_rejects_bad_input() {
	run_test(|| {
		let try_create = |title: &[u8], description: &[u8], link: Option<&[u8]>, call| {
			Pallet::create_poll(
				RuntimeOrigin::signed(ALICE),
				title.to_vec(),
				description.to_vec(),
				link.map(|l| l.to_vec()),
				call,
			)
		};
		assert_noop!(try_create(b"abc", b"abcd", None, None), Error::<Test>::TitleTooShort);
		assert_noop!(try_create(&[b'a'; 65], b"abcd", None, None), Error::<Test>::TitleTooLong);
		assert_noop!(try_create(b"abcd", b"abc", None, None), Error::<Test>::DescriptionTooShort);
		assert_noop!(
			try_create(b"abcd", &[b'a'; 257], None, None),
			Error::<Test>::DescriptionTooLong
		);
		assert_noop!(
			try_create(b"abcd", b"abcd", Some(b"http://a.b"), None),
			Error::<Test>::LinkTooShort
		);
		assert_noop!(
			try_create(b"abcd", b"abcd", Some(&[b'a'; 129]), None),
			Error::<Test>::LinkTooLong
		);
		let heavy = Box::new(RuntimeCall::Target(target::Call::heavy {}));
		assert_noop!(try_create(b"abcd", b"abcd", None, Some(heavy)), Error::<Test>::CallTooHeavy);
		let long =
			Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] }));
		assert_noop!(try_create(b"abcd", b"abcd", None, Some(long)), Error::<Test>::CallTooLong);
		// The limits themselves are fine.
		assert_ok!(try_create(&[b'a'; 64], &[b'a'; 256], Some(&[b'a'; 128]), None));
		// A proposer who cannot pay the deposit.
		let poor = 99;
		assert_ok!(Balances::mint_into(&poor, 50));
		assert!(Pallet::create_poll(
			RuntimeOrigin::signed(poor),
			b"abcd".to_vec(),
			b"abcd".to_vec(),
			None,
			None
		)
		.is_err());
		assert_eq!(Totals::<Test>::get().poll_count, 1);
	});
}

#[test]
fn the_polls_in_progress_are_limited_with_room_for_admin_polls() {
	run_test(|| {
		for _ in 0..3 {
			create(ALICE, None);
		}
		assert_noop!(
			Pallet::create_poll(
				RuntimeOrigin::signed(ALICE),
				b"abcd".to_vec(),
				b"abcd".to_vec(),
				None,
				Some(set_value(1))
			),
			Error::<Test>::TooManyPollsInProgress
		);
		// An admin poll still fits (4), then nothing does.
		create(ALICE, Some(upgrade()));
		assert_noop!(
			Pallet::create_poll(
				RuntimeOrigin::signed(ALICE),
				b"abcd".to_vec(),
				b"abcd".to_vec(),
				None,
				Some(new_parameters())
			),
			Error::<Test>::TooManyPollsInProgress
		);
		// Ending two makes room for a default poll again (2 of 3 left).
		advance(10_001);
		end(1);
		end(2);
		create(ALICE, None);
		assert_eq!(PollsInProgress::<Test>::count(), 3);
	});
}

#[test]
fn cast_vote_tallies_and_locks() {
	run_test(|| {
		stake(ALICE, 1_000);
		stake(BOB, 500);
		let id = create(CHARLIE, None);
		vote(ALICE, id, VoteOption::Yes, 700);
		vote(BOB, id, VoteOption::Abstain, 500);
		let poll = Polls::<Test>::get(id).unwrap();
		assert_eq!((poll.yes_votes, poll.no_votes, poll.abstain_votes), (700, 0, 500));
		assert_eq!(
			Voters::<Test>::get(id, ALICE),
			Some(VoterInfo { vote: VoteOption::Yes, balance: 700 })
		);
		assert_eq!(Pallet::staker(&ALICE).unwrap().locked_balance, vec![(id, 700)]);
		assert_eq!(
			last_event(),
			Event::VoteCast { poll_id: id, voter: BOB, vote: VoteOption::Abstain, amount: 500 }
				.into()
		);
		// Far from the end: no snapshot yet.
		assert_eq!(poll.staked_amount, None);
	});
}

#[test]
fn cast_vote_counts_the_staked_balance_not_the_share() {
	// The original's regression: the vote limit is the share's worth in MIR.
	run_test(|| {
		stake(ALICE, 1_000);
		donate(1_000);
		let id = create(CHARLIE, None);
		vote(ALICE, id, VoteOption::Yes, 2_000);
		let other = create(CHARLIE, None);
		assert_noop!(
			Pallet::cast_vote(RuntimeOrigin::signed(ALICE), other, VoteOption::Yes, 2_001),
			Error::<Test>::InsufficientStake
		);
	});
}

#[test]
fn cast_vote_rejects_bad_input() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(CHARLIE, None);
		let cast = |who, poll, amount| {
			Pallet::cast_vote(RuntimeOrigin::signed(who), poll, VoteOption::Yes, amount)
		};
		assert_noop!(cast(ALICE, id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(cast(ALICE, 0, 1), Error::<Test>::PollNotFound);
		assert_noop!(cast(ALICE, id + 1, 1), Error::<Test>::PollNotFound);
		assert_noop!(cast(BOB, id, 1), Error::<Test>::NothingStaked);
		assert_noop!(cast(ALICE, id, 1_001), Error::<Test>::InsufficientStake);
		assert_ok!(cast(ALICE, id, 10));
		assert_noop!(cast(ALICE, id, 10), Error::<Test>::AlreadyVoted);
		// After the voting period, and after the end.
		let late = create(CHARLIE, None);
		advance(10_001);
		assert_noop!(cast(ALICE, late, 1), Error::<Test>::PollNotInProgress);
		end(late);
		assert_noop!(cast(ALICE, late, 1), Error::<Test>::PollNotInProgress);
	});
}

#[test]
fn a_full_vote_list_refuses_votes_until_pruned() {
	run_test(|| {
		stake(ALICE, 1_000);
		// Five votes in polls that end fill Alice's list (the mock allows 5).
		for _ in 0..5 {
			let id = create(CHARLIE, None);
			vote(ALICE, id, VoteOption::No, 1);
			advance(10_001);
			end(id);
		}
		let id = create(CHARLIE, None);
		assert_noop!(
			Pallet::cast_vote(RuntimeOrigin::signed(ALICE), id, VoteOption::No, 1),
			Error::<Test>::TooManyVotes
		);
		// Any withdrawal prunes the ended polls.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(1)));
		assert!(Stakers::<Test>::get(ALICE).unwrap().votes.is_empty());
		vote(ALICE, id, VoteOption::No, 1);
	});
}

#[test]
fn snapshots_happen_only_near_the_end_and_once() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(CHARLIE, None);
		let snapshot = || Pallet::snapshot_poll(RuntimeOrigin::signed(BOB), id);
		assert_noop!(snapshot(), Error::<Test>::SnapshotTooEarly);
		assert_noop!(
			Pallet::snapshot_poll(RuntimeOrigin::signed(BOB), id + 1),
			Error::<Test>::PollNotFound
		);
		advance(10_000 - 10);
		assert_ok!(snapshot());
		assert_eq!(Polls::<Test>::get(id).unwrap().staked_amount, Some(1_000));
		assert_eq!(
			last_event(),
			Event::PollSnapshotted { poll_id: id, staked_amount: 1_000 }.into()
		);
		assert_noop!(snapshot(), Error::<Test>::AlreadySnapshotted);
		advance(11);
		end(id);
		assert_noop!(snapshot(), Error::<Test>::PollNotInProgress);
	});
}

#[test]
fn a_vote_in_the_snapshot_period_snapshots() {
	// The original's regression: the snapshot is taken at the first vote inside the period, and
	// stake added later does not dilute the quorum.
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(CHARLIE, None);
		advance(10_000 - 9);
		vote(ALICE, id, VoteOption::Yes, 300);
		assert_eq!(Polls::<Test>::get(id).unwrap().staked_amount, Some(1_000));
		stake(BOB, 100_000);
		advance(10);
		end(id);
		// 300 of 1,000 meets the 30 % quorum though 101,000 are staked now.
		assert_eq!(status(id), PollStatus::Passed);
		assert_eq!(Polls::<Test>::get(id).unwrap().total_balance_at_end_poll, Some(1_000));
	});
}

#[test]
fn end_poll_passes_with_quorum_and_threshold_and_refunds() {
	run_test(|| {
		stake(ALICE, 600);
		stake(BOB, 400);
		let id = create(CHARLIE, None);
		vote(ALICE, id, VoteOption::Yes, 600);
		vote(BOB, id, VoteOption::No, 400);
		assert_noop!(
			Pallet::end_poll(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::VotingPeriodNotExpired
		);
		advance(10_000);
		end(id);
		assert_eq!(status(id), PollStatus::Passed);
		assert_eq!(mir(CHARLIE), BALANCE);
		assert_eq!(Totals::<Test>::get().total_deposit, 0);
		assert_eq!(
			last_event(),
			Event::PollEnded {
				poll_id: id,
				status: PollStatus::Passed,
				yes_votes: 600,
				no_votes: 400,
				abstain_votes: 0,
				staked: 1_000,
				deposit_refunded: true,
			}
			.into()
		);
		assert_noop!(
			Pallet::end_poll(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::PollNotInProgress
		);
		assert_noop!(
			Pallet::end_poll(RuntimeOrigin::signed(DAVE), id + 1),
			Error::<Test>::PollNotFound
		);
	});
}

#[test]
fn a_poll_without_quorum_forfeits_its_deposit_to_stakers() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(CHARLIE, None);
		// 299 of 1,000 is below the 30 % quorum.
		vote(ALICE, id, VoteOption::Yes, 299);
		advance(10_000);
		end(id);
		assert_eq!(status(id), PollStatus::Rejected);
		assert_eq!(mir(CHARLIE), BALANCE - 100);
		// The deposit is now Alice's.
		assert_eq!(Pallet::staker(&ALICE).unwrap().balance, 1_100);
		assert!(matches!(
			last_event(),
			RuntimeEvent::Gov(Event::PollEnded { deposit_refunded: false, .. })
		));
		// Nobody voting at all is no quorum either.
		let empty = create(CHARLIE, None);
		advance(10_000);
		end(empty);
		assert_eq!(status(empty), PollStatus::Rejected);
	});
}

#[test]
fn abstain_counts_for_quorum_only_and_the_threshold_is_strict() {
	run_test(|| {
		stake(ALICE, 100);
		stake(BOB, 100);
		stake(CHARLIE, 800);
		// Quorum from abstain (800 of 1,000), and yes = no is not above 50 %: rejected, refunded.
		let id = create(DAVE, None);
		vote(ALICE, id, VoteOption::Yes, 100);
		vote(BOB, id, VoteOption::No, 100);
		vote(CHARLIE, id, VoteOption::Abstain, 800);
		advance(10_000);
		end(id);
		assert_eq!(status(id), PollStatus::Rejected);
		assert_eq!(mir(DAVE), BALANCE);
		// One more yes than no passes.
		let id = create(DAVE, None);
		vote(ALICE, id, VoteOption::Yes, 100);
		vote(BOB, id, VoteOption::No, 99);
		vote(CHARLIE, id, VoteOption::Abstain, 800);
		advance(10_000);
		end(id);
		assert_eq!(status(id), PollStatus::Passed);
	});
}

#[test]
fn execute_poll_dispatches_with_the_gov_origin_after_the_delay() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(BOB, Some(set_value(42)));
		let execute = || Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id);
		assert_noop!(execute(), Error::<Test>::PollNotPassed);
		vote(ALICE, id, VoteOption::Yes, 1_000);
		advance(10_000);
		end(id);
		assert_noop!(execute(), Error::<Test>::EffectiveDelayNotExpired);
		advance(10_000);
		assert_ok!(execute());
		assert_eq!(target::Value::<Test>::get(), 42);
		assert_eq!(status(id), PollStatus::Executed);
		assert_eq!(last_event(), Event::PollExecuted { poll_id: id, result: Ok(()) }.into());
		assert_noop!(execute(), Error::<Test>::PollNotPassed);
	});
}

#[test]
fn a_failing_call_marks_the_poll_failed_and_the_end_stands() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(BOB, Some(set_value(13)));
		vote(ALICE, id, VoteOption::Yes, 1_000);
		advance(20_000);
		end(id);
		assert_ok!(Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(status(id), PollStatus::Failed);
		assert_eq!(target::Value::<Test>::get(), 0);
		assert!(matches!(
			last_event(),
			RuntimeEvent::Gov(Event::PollExecuted { result: Err(_), .. })
		));
		assert_noop!(
			Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::PollNotPassed
		);
	});
}

#[test]
fn a_poll_without_a_call_cannot_execute() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(BOB, None);
		vote(ALICE, id, VoteOption::Yes, 1_000);
		advance(20_000);
		end(id);
		assert_noop!(
			Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NoExecuteData
		);
		assert_noop!(
			Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id + 1),
			Error::<Test>::PollNotFound
		);
	});
}

#[test]
fn a_rejected_poll_cannot_execute() {
	run_test(|| {
		stake(ALICE, 1_000);
		let id = create(BOB, Some(set_value(42)));
		vote(ALICE, id, VoteOption::No, 1_000);
		advance(20_000);
		end(id);
		assert_eq!(status(id), PollStatus::Rejected);
		assert_noop!(
			Pallet::execute_poll(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::PollNotPassed
		);
	});
}

#[test]
fn a_migration_poll_fast_tracks_and_executes_as_root() {
	run_test(|| {
		stake(ALICE, 500);
		stake(BOB, 500);
		let id = create(CHARLIE, Some(upgrade()));
		// 40 % quorum: 300 yes is not enough to end early.
		vote(ALICE, id, VoteOption::Yes, 300);
		assert_noop!(
			Pallet::end_poll(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::FastTrackNotReached
		);
		vote(BOB, id, VoteOption::Yes, 200);
		end(id);
		assert_eq!(status(id), PollStatus::Passed);
		// No effective delay either; the upgrade is authorised by Root.
		assert_ok!(Pallet::execute_poll(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(status(id), PollStatus::Executed);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { .. })
		)));
	});
}

#[test]
fn an_auth_admin_poll_changes_gov_and_a_default_origin_cannot() {
	run_test(|| {
		// A default poll's origin is refused by Gov's own admin origin.
		assert_noop!(
			Pallet::update_config(Origin::Poll.into(), test_parameters()),
			DispatchError::BadOrigin
		);
		stake(ALICE, 1_000);
		let id = create(BOB, Some(new_parameters()));
		assert_eq!(Polls::<Test>::get(id).unwrap().class, PollClass::AuthAdmin);
		vote(ALICE, id, VoteOption::Yes, 1_000);
		// Auth-admin polls are not fast-tracked.
		assert_noop!(
			Pallet::end_poll(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::VotingPeriodNotExpired
		);
		advance(30_000 + 10_000);
		end(id);
		assert_ok!(Pallet::execute_poll(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(status(id), PollStatus::Executed);
		assert_eq!(Parameters::<Test>::get().effective_delay, 5);
	});
}

#[test]
fn the_proposer_cannot_choose_the_class() {
	run_test(|| {
		// The same upgrade inside any call the classifier sees is a migration poll; the class is
		// not a parameter of `create_poll` at all, and a default poll's origin cannot upgrade.
		let call = upgrade();
		assert_eq!(Pallet::classify(&call), PollClass::Migration);
		let as_default: RuntimeOrigin = Origin::Poll.into();
		assert_noop!(call.dispatch(as_default).map_err(|e| e.error), DispatchError::BadOrigin);
	});
}

#[test]
fn update_config_checks_origin_and_values() {
	run_test(|| {
		let mut parameters = test_parameters();
		parameters.snapshot_period = 77;
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::signed(ALICE), parameters),
			DispatchError::BadOrigin
		);
		let mut bad = parameters;
		bad.migration_poll.voting_period = 0;
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::root(), bad),
			Error::<Test>::InvalidParameters
		);
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), parameters));
		assert_eq!(Parameters::<Test>::get().snapshot_period, 77);
		assert_eq!(last_event(), Event::ParametersUpdated { parameters }.into());
	});
}

#[test]
fn polls_page_newest_first() {
	run_test(|| {
		for _ in 0..3 {
			create(ALICE, None);
		}
		let ids: Vec<_> = Pallet::polls(None, 2).into_iter().map(|(id, _)| id).collect();
		assert_eq!(ids, vec![3, 2]);
		let ids: Vec<_> = Pallet::polls(Some(2), 10).into_iter().map(|(id, _)| id).collect();
		assert_eq!(ids, vec![1]);
		assert_eq!(Pallet::poll(2).unwrap().title, b"Test poll".to_vec());
		assert!(Pallet::poll(4).is_none());
		assert_eq!(Pallet::state().poll_count, 3);
	});
}

#[test]
fn try_state_catches_a_broken_total() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		Totals::<Test>::mutate(|t| t.total_share = 999);
		assert!(Pallet::do_try_state().is_err());
	});
}

fn with_voter_weight(percent: u32) {
	Parameters::<Test>::mutate(|p| p.voter_weight = sp_runtime::Permill::from_percent(percent));
}

fn reward(amount: u128) {
	assert_ok!(Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), amount));
}

fn pending() -> u128 {
	Totals::<Test>::get().pending_voting_rewards
}

#[test]
fn a_reward_without_polls_in_progress_goes_to_stakers() {
	run_test(|| {
		with_voter_weight(50);
		stake(ALICE, 1_000);
		reward(500);
		assert_eq!(pending(), 0);
		assert_eq!(Pallet::staker(&ALICE).unwrap().balance, 1_500);
		assert_eq!(
			last_event(),
			Event::RewardDeposited { from: DAVE, amount: 500, voters: 0, polls: 0 }.into()
		);
	});
}

#[test]
fn a_reward_is_split_between_voters_of_polls_in_progress_and_stakers() {
	run_test(|| {
		with_voter_weight(50);
		stake(ALICE, 600);
		stake(BOB, 400);
		let first = create(CHARLIE, None);
		let second = create(CHARLIE, None);
		vote(ALICE, first, VoteOption::Yes, 600);
		vote(BOB, first, VoteOption::No, 400);
		// 1,001 MIR: 500 to voters, 250 a poll; 501 to stakers. Pending rewards are not staked
		// (the original's bug #27).
		reward(1_001);
		assert_eq!(pending(), 500);
		assert_eq!(Polls::<Test>::get(first).unwrap().voters_reward, 250);
		assert_eq!(Polls::<Test>::get(second).unwrap().voters_reward, 250);
		assert_eq!(Pallet::total_staked(), 1_501);
		assert_eq!(
			last_event(),
			Event::RewardDeposited { from: DAVE, amount: 1_001, voters: 500, polls: 2 }.into()
		);
		// Voters claim once the poll has ended: 600/1,000 and 400/1,000 of 250.
		assert_noop!(
			Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(ALICE), Some(first)),
			Error::<Test>::PollInProgress
		);
		advance(10_000);
		end(first);
		end(second);
		// Nobody voted in the second poll: its 250 go to stakers at its end.
		assert_eq!(pending(), 250);
		assert_eq!(Polls::<Test>::get(second).unwrap().voters_reward, 0);
		assert_eq!(Pallet::staker(&ALICE).unwrap().withdrawable_polls, vec![(first, 150)]);
		let alice = mir(ALICE);
		assert_ok!(Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(ALICE), Some(first)));
		assert_eq!(mir(ALICE), alice + 150);
		assert_eq!(last_event(), Event::VotingRewardsWithdrawn { who: ALICE, amount: 150 }.into());
		assert_noop!(
			Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(ALICE), Some(first)),
			Error::<Test>::NotVoted
		);
		assert_ok!(Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(BOB), None));
		assert_eq!(pending(), 0);
		assert!(Voters::<Test>::get(first, BOB).is_none());
	});
}

#[test]
fn voting_rewards_can_be_staked() {
	run_test(|| {
		with_voter_weight(50);
		stake(ALICE, 1_000);
		let id = create(CHARLIE, None);
		vote(ALICE, id, VoteOption::Yes, 1_000);
		reward(2_000);
		// 1,000 to the poll, 1,000 to stakers: Alice's 1,000 shares are worth 2,000.
		advance(10_000);
		end(id);
		assert_ok!(Pallet::stake_voting_rewards(RuntimeOrigin::signed(ALICE), None));
		// 1,000 MIR at 2 MIR a share: 500 shares.
		assert_eq!(Stakers::<Test>::get(ALICE).unwrap().share, 1_500);
		assert_eq!(Pallet::staker(&ALICE).unwrap().balance, 3_000);
		assert_eq!(pending(), 0);
		assert_eq!(
			last_event(),
			Event::VotingRewardsStaked { who: ALICE, amount: 1_000, share: 500 }.into()
		);
	});
}

#[test]
fn voting_reward_calls_reject_bad_input() {
	run_test(|| {
		with_voter_weight(50);
		let withdraw = |who, id| Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(who), id);
		assert_noop!(withdraw(ALICE, None), Error::<Test>::NothingStaked);
		stake(ALICE, 1_000);
		stake(BOB, 1_000);
		assert_noop!(withdraw(ALICE, Some(1)), Error::<Test>::PollNotFound);
		let id = create(CHARLIE, None);
		vote(ALICE, id, VoteOption::Yes, 1_000);
		advance(10_000);
		end(id);
		// Ended without rewards.
		assert_noop!(withdraw(ALICE, Some(id)), Error::<Test>::NoVotingRewards);
		assert_noop!(withdraw(ALICE, None), Error::<Test>::NothingToWithdraw);
		assert_noop!(
			Pallet::stake_voting_rewards(RuntimeOrigin::signed(ALICE), None),
			Error::<Test>::NothingToWithdraw
		);
		let rewarded = create(CHARLIE, None);
		vote(ALICE, rewarded, VoteOption::Yes, 1_000);
		reward(100);
		advance(10_000);
		end(rewarded);
		// Bob staked but did not vote.
		assert_noop!(withdraw(BOB, Some(rewarded)), Error::<Test>::NotVoted);
		// Deposits: zero, and too small to give each poll in progress a unit.
		assert_noop!(
			Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), 0),
			Error::<Test>::ZeroAmount
		);
		create(CHARLIE, None);
		create(CHARLIE, None);
		assert_noop!(
			Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), 3),
			Error::<Test>::RewardTooSmall
		);
		// A withdrawal of tokens keeps the rewarded vote, prunes the rest.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(ALICE), Some(1)));
		assert_eq!(Stakers::<Test>::get(ALICE).unwrap().votes.len(), 1);
		assert_ok!(withdraw(ALICE, None));
		assert!(Stakers::<Test>::get(ALICE).unwrap().votes.is_empty());
	});
}

#[test]
fn update_config_refuses_a_full_voter_weight() {
	run_test(|| {
		let mut parameters = test_parameters();
		parameters.voter_weight = sp_runtime::Permill::one();
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::root(), parameters),
			Error::<Test>::InvalidParameters
		);
	});
}

#[derive(Clone, Debug)]
enum Op {
	Stake(u8, u128),
	Withdraw(u8, Option<u128>),
	Reward(u128),
	Poll,
	Vote(u8, u128),
	End,
	TakeRewards(u8, bool),
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(0u8..3, 1u128..50_000).prop_map(|(w, a)| Op::Stake(w, a)),
		(0u8..3, proptest::option::of(1u128..50_000)).prop_map(|(w, a)| Op::Withdraw(w, a)),
		(1u128..20_000).prop_map(Op::Reward),
		Just(Op::Poll),
		(0u8..3, 1u128..20_000).prop_map(|(w, a)| Op::Vote(w, a)),
		Just(Op::End),
		(0u8..3, any::<bool>()).prop_map(|(w, s)| Op::TakeRewards(w, s)),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	/// Over any stake / withdraw / reward sequence, stakers' balances never exceed the staked
	/// total, and when everyone leaves they have taken at most what went in plus rewards.
	#[test]
	fn stakers_never_take_more_than_the_pool(ops in proptest::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			with_voter_weight(50);
			let who = |w: u8| [ALICE, BOB, CHARLIE][w as usize];
			let (mut paid_in, mut paid_out): (u128, u128) = (0, 0);
			for op in ops {
				match op {
					Op::Stake(w, amount) => {
						if Pallet::stake_voting_tokens(RuntimeOrigin::signed(who(w)), amount).is_ok() {
							paid_in += amount;
						}
					},
					Op::Withdraw(w, amount) => {
						let before = mir(who(w));
						let _ = Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(who(w)), amount);
						paid_out += mir(who(w)) - before;
					},
					Op::Reward(amount) => {
						// Counted with Dave's other payments (deposits) at the end.
						let _ = Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), amount);
					},
					Op::Poll => {
						let _ = Pallet::create_poll(
							RuntimeOrigin::signed(DAVE),
							b"Prop".to_vec(),
							b"Prop".to_vec(),
							None,
							None,
						);
					},
					Op::Vote(w, amount) => {
						let id = Totals::<Test>::get().poll_count;
						let _ = Pallet::cast_vote(RuntimeOrigin::signed(who(w)), id, VoteOption::Yes, amount);
					},
					Op::End => {
						advance(10_000);
						for id in PollsInProgress::<Test>::iter_keys().collect::<Vec<_>>() {
							let _ = Pallet::end_poll(RuntimeOrigin::signed(DAVE), id);
						}
					},
					Op::TakeRewards(w, stake) => {
						let before = mir(who(w));
						if stake {
							let _ = Pallet::stake_voting_rewards(RuntimeOrigin::signed(who(w)), None);
						} else {
							let _ = Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(who(w)), None);
						}
						paid_out += mir(who(w)) - before;
					},
				}
				Pallet::do_try_state().unwrap();
				let balances: u128 = [ALICE, BOB, CHARLIE]
					.iter()
					.filter_map(Pallet::staker)
					.map(|s| s.balance)
					.sum();
				prop_assert!(balances <= Pallet::total_staked());
				// Staked + pending rewards + open deposits = the account's MIR above its
				// existential deposit; what voters can claim is within the pending rewards.
				let totals = Totals::<Test>::get();
				prop_assert_eq!(
					Pallet::total_staked() + totals.pending_voting_rewards + totals.total_deposit,
					mir(gov_account()) - ED
				);
				let claimable: u128 = [ALICE, BOB, CHARLIE]
					.iter()
					.filter_map(Pallet::staker)
					.flat_map(|s| s.withdrawable_polls.into_iter().map(|(_, r)| r))
					.sum();
				prop_assert!(claimable <= totals.pending_voting_rewards);
			}
			advance(10_000);
			for id in PollsInProgress::<Test>::iter_keys().collect::<Vec<_>>() {
				let _ = Pallet::end_poll(RuntimeOrigin::signed(DAVE), id);
			}
			for w in 0..3 {
				let before = mir(who(w));
				let _ = Pallet::withdraw_voting_rewards(RuntimeOrigin::signed(who(w)), None);
				let _ = Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(who(w)), None);
				paid_out += mir(who(w)) - before;
			}
			Pallet::do_try_state().unwrap();
			// Dave paid rewards and forfeited deposits; nothing else came in.
			paid_in += BALANCE - mir(DAVE);
			prop_assert!(paid_out <= paid_in);
			prop_assert_eq!(mir(gov_account()), ED + paid_in - paid_out);
			Ok(())
		})?;
	}
}

#[test]
fn a_reward_above_the_balance_is_insufficient_balance() {
	run_test(|| {
		create(CHARLIE, None);
		assert_noop!(
			Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), u128::MAX),
			Error::<Test>::InsufficientBalance
		);
		let spendable = mir(DAVE) - ED;
		assert_noop!(
			Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), spendable + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Pallet::deposit_reward(RuntimeOrigin::signed(DAVE), spendable));
	});
}

// --- storage deposits (issue 24) ------------------------------------------------------------------

/// Prices the staker deposit at 100 MIR plus 1 per byte for the rest of the test.
fn price_deposits() {
	StakerDepositBase::set(100);
	StakerDepositPerByte::set(1);
}

/// The deposit of a staker with `votes` votes at [`price_deposits`]'s price.
fn deposit_for(votes: u32) -> u128 {
	// LinearStoragePrice: the base once, the slope per byte.
	100 + Pallet::staker_footprint(votes).size as u128
}

#[test]
fn a_staker_holds_a_deposit_that_follows_its_votes_and_goes_with_its_record() {
	run_test(|| {
		price_deposits();
		let free = mir(BOB);
		stake(BOB, 1_000);
		assert_eq!(held_deposit(BOB), deposit_for(0));
		assert_eq!(mir(BOB), free - 1_000 - deposit_for(0));
		// More stake: the same record, the same deposit.
		stake(BOB, 500);
		assert_eq!(held_deposit(BOB), deposit_for(0));
		// Each vote adds its list entry and voter record.
		let first = create(ALICE, None);
		let second = create(ALICE, None);
		vote(BOB, first, VoteOption::Yes, 100);
		assert_eq!(held_deposit(BOB), deposit_for(1));
		vote(BOB, second, VoteOption::No, 100);
		assert_eq!(held_deposit(BOB), deposit_for(2));
		// Once the polls have ended, a withdrawal prunes the votes but never touches the deposit
		// (leaving must not need MIR); the next stake sets it to what is left.
		advance(10_001);
		end(first);
		end(second);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), Some(1)));
		assert!(Stakers::<Test>::get(BOB).unwrap().votes.is_empty());
		assert_eq!(held_deposit(BOB), deposit_for(2));
		stake(BOB, 10);
		assert_eq!(held_deposit(BOB), deposit_for(0));
		// All of the stake withdrawn, the record goes and the deposit comes back.
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), None));
		assert!(!Stakers::<Test>::contains_key(BOB));
		assert_eq!(held_deposit(BOB), 0);
		// All of it back, and the two polls' deposits: they missed the quorum and stayed staked.
		assert_eq!(mir(BOB), free + 200);
	});
}

#[test]
fn a_withdrawal_never_needs_mir_even_if_the_deposit_price_rose() {
	run_test(|| {
		price_deposits();
		stake(BOB, 1_000);
		let poll = create(ALICE, None);
		vote(BOB, poll, VoteOption::Yes, 100);
		let held = held_deposit(BOB);
		// The price doubles (a runtime upgrade) and Bob has nothing free beyond his existential
		// deposit: he can still take his stake out, and the deposit comes back with the record.
		StakerDepositBase::set(200);
		StakerDepositPerByte::set(2);
		let spare = mir(BOB) - Balances::minimum_balance();
		assert_ok!(Balances::transfer(&BOB, &DAVE, spare, Preservation::Preserve));
		advance(10_001);
		end(poll);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), Some(1)));
		assert_eq!(held_deposit(BOB), held);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), None));
		assert_eq!(held_deposit(BOB), 0);
	});
}

#[test]
fn a_staker_who_cannot_pay_the_deposit_is_refused_and_nothing_changes() {
	run_test(|| {
		price_deposits();
		// Enough to stake, not to stake and hold the deposit (and keep the existential deposit).
		let poor = 77u128;
		assert_ok!(Balances::mint_into(&poor, 1_000 + deposit_for(0) - 1));
		assert_noop!(
			Pallet::stake_voting_tokens(RuntimeOrigin::signed(poor), 1_000),
			Error::<Test>::CannotPayDeposit
		);
		// Staked with room for the record's deposit only: a vote needs more, and is refused.
		assert_ok!(Pallet::stake_voting_tokens(RuntimeOrigin::signed(poor), 500));
		let spare = mir(poor) - Balances::minimum_balance();
		assert_ok!(Balances::transfer(&poor, &DAVE, spare, Preservation::Preserve));
		let poll = create(ALICE, None);
		assert_noop!(
			Pallet::cast_vote(RuntimeOrigin::signed(poor), poll, VoteOption::Yes, 100),
			Error::<Test>::CannotPayDeposit
		);
	});
}

#[test]
fn the_migration_to_deposits_keeps_every_staker_and_charges_none() {
	use crate::migrations::MigrateV0ToV1;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run_test(|| {
		stake(BOB, 1_000);
		let poll = create(ALICE, None);
		vote(BOB, poll, VoteOption::Yes, 100);
		let _ = crate::StakerDeposits::<Test>::clear(u32::MAX, None);
		let staker = Stakers::<Test>::get(BOB);
		StorageVersion::new(0).put::<Pallet>();
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::on_chain_storage_version(), 1);
		assert_eq!(Stakers::<Test>::get(BOB), staker);
		assert_eq!(crate::StakerDeposits::<Test>::iter().count(), 0);
		// A staker from before pays nothing to leave, and is charged when its state next grows.
		price_deposits();
		advance(10_001);
		end(poll);
		assert_ok!(Pallet::withdraw_voting_tokens(RuntimeOrigin::signed(BOB), Some(1)));
		assert_eq!(held_deposit(BOB), 0);
		stake(BOB, 10);
		assert_eq!(held_deposit(BOB), deposit_for(0));
	});
}
