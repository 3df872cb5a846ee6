//! Runtime tests of governance: a poll changes a Mint parameter through the Gov origin, a poll
//! without quorum forfeits its deposit to stakers, a migration poll authorises a runtime upgrade.

mod common;

use common::{account, advance, dev_ext, feeder};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use mirror_primitives::{PollClass, PollStatus, VoteOption};
use mirror_runtime::{
	genesis_config_presets::dev_gov_parameters, Balances, Gov, Mint, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, MIR,
};
use pallet_mirror_gov::{Error, Polls, Totals};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};

fn create(who: sp_keyring::Sr25519Keyring, call: Option<RuntimeCall>) -> u32 {
	assert_ok!(Gov::create_poll(
		RuntimeOrigin::signed(account(who)),
		b"A poll".to_vec(),
		b"Runtime test".to_vec(),
		None,
		call.map(Box::new),
	));
	Totals::<Runtime>::get().poll_count
}

fn status(id: u32) -> PollStatus {
	Polls::<Runtime>::get(id).unwrap().status
}

#[test]
fn a_passed_poll_changes_a_mint_parameter_after_the_delay() {
	dev_ext().execute_with(|| {
		assert_ok!(Gov::stake_voting_tokens(RuntimeOrigin::signed(account(Bob)), 1_000_000 * MIR));
		let call = RuntimeCall::Mint(pallet_mirror_mint::Call::update_config {
			protocol_fee_rate: None,
			price_max_age: None,
			lock_period: Some(777),
			close_factor: None,
			full_liquidation_ratio: None,
			min_debt_value: None,
			risk_change_delay: None,
		});
		let id = create(Alice, Some(call));
		assert_eq!(Polls::<Runtime>::get(id).unwrap().class, PollClass::Default);
		assert_ok!(Gov::cast_vote(
			RuntimeOrigin::signed(account(Bob)),
			id,
			VoteOption::Yes,
			500_000 * MIR
		));
		let parameters = dev_gov_parameters();
		advance(parameters.default_poll.voting_period);
		assert_ok!(Gov::end_poll(RuntimeOrigin::signed(account(Charlie)), id));
		assert_eq!(status(id), PollStatus::Passed);
		assert_noop!(
			Gov::execute_poll(RuntimeOrigin::signed(account(Charlie)), id),
			Error::<Runtime>::EffectiveDelayNotExpired
		);
		advance(parameters.effective_delay);
		assert_ok!(Gov::execute_poll(RuntimeOrigin::signed(account(Charlie)), id));
		assert_eq!(status(id), PollStatus::Executed);
		assert_eq!(pallet_mirror_mint::Parameters::<Runtime>::get().lock_period, 777);
	});
}

#[test]
fn a_poll_missing_quorum_forfeits_its_deposit_to_stakers() {
	dev_ext().execute_with(|| {
		let bob = account(Bob);
		assert_ok!(Gov::stake_voting_tokens(RuntimeOrigin::signed(bob.clone()), 1_000_000 * MIR));
		let alice_before = Balances::balance(&account(Alice));
		let id = create(Alice, None);
		let deposit = dev_gov_parameters().default_poll.proposal_deposit;
		// 10 % of the stake votes; the quorum is 18 %.
		assert_ok!(Gov::cast_vote(
			RuntimeOrigin::signed(bob.clone()),
			id,
			VoteOption::Yes,
			100_000 * MIR
		));
		advance(dev_gov_parameters().default_poll.voting_period);
		assert_ok!(Gov::end_poll(RuntimeOrigin::signed(account(Charlie)), id));
		assert_eq!(status(id), PollStatus::Rejected);
		// Alice paid the deposit and the transaction fees are not charged here: she lost exactly
		// the deposit, and Bob's stake grew by it.
		assert_eq!(Balances::balance(&account(Alice)), alice_before - deposit);
		assert_eq!(Gov::staker(&bob).unwrap().balance, 1_000_000 * MIR + deposit);
	});
}

#[test]
fn a_migration_poll_authorises_a_runtime_upgrade_as_root() {
	dev_ext().execute_with(|| {
		assert_ok!(Gov::stake_voting_tokens(RuntimeOrigin::signed(account(Bob)), 1_000_000 * MIR));
		let upgrade = RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: sp_core::H256::repeat_byte(1),
		});
		// Batched, it is still a migration poll.
		let batched =
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![upgrade.clone()] });
		assert_eq!(Gov::classify(&batched), PollClass::Migration);
		let id = create(Alice, Some(upgrade));
		assert_eq!(Polls::<Runtime>::get(id).unwrap().class, PollClass::Migration);
		// 70 % yes of the stake: past the 40 % quorum and 66.7 % threshold, so it ends at once.
		assert_ok!(Gov::cast_vote(
			RuntimeOrigin::signed(account(Bob)),
			id,
			VoteOption::Yes,
			700_000 * MIR
		));
		assert_ok!(Gov::end_poll(RuntimeOrigin::signed(account(Charlie)), id));
		assert_ok!(Gov::execute_poll(RuntimeOrigin::signed(account(Charlie)), id));
		assert_eq!(status(id), PollStatus::Executed);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { .. })
		)));
	});
}

#[test]
fn a_default_poll_cannot_change_gov_or_upgrade() {
	dev_ext().execute_with(|| {
		let as_default: RuntimeOrigin = pallet_mirror_gov::Origin::Poll.into();
		assert_noop!(
			Gov::update_config(as_default.clone(), dev_gov_parameters()),
			sp_runtime::DispatchError::BadOrigin
		);
		// The Gov origin is every Mirror pallet's admin.
		assert_ok!(Mint::update_config(as_default, None, None, Some(300), None, None, None, None));
		let gov_update = RuntimeCall::Gov(pallet_mirror_gov::Call::update_config {
			parameters: dev_gov_parameters(),
		});
		assert_eq!(Gov::classify(&gov_update), PollClass::AuthAdmin);
	});
}

#[test]
fn fees_from_a_burn_reach_stakers_and_voters_through_the_collector() {
	use frame_support::traits::fungibles::Inspect as _;
	use mirror_primitives::{NativeOrWithId, UNIT, UST};
	use mirror_runtime::{
		configs::NativeAndAssets, genesis_config_presets::DEV_MASSETS, Collector, Oracle,
	};
	use sp_runtime::FixedU128;
	dev_ext().execute_with(|| {
		let (bob, collector) =
			(account(Bob), pallet_mirror_collector::Pallet::<Runtime>::account_id());
		let maapl = NativeOrWithId::WithId(DEV_MASSETS[0].0);
		// Bob stakes 1M MIR and votes 500,000 in Charlie's poll.
		assert_ok!(Gov::stake_voting_tokens(RuntimeOrigin::signed(bob.clone()), 1_000_000 * MIR));
		let id = create(Charlie, None);
		assert_ok!(Gov::cast_vote(
			RuntimeOrigin::signed(bob.clone()),
			id,
			VoteOption::Yes,
			500_000 * MIR
		));
		// Bob mints mAAPL and burns 5: a 13.5 UST fee reaches the Collector.
		let prices: frame_support::BoundedVec<_, _> = vec![
			(maapl.clone(), FixedU128::from_u32(180)),
			(mirror_primitives::MIR, FixedU128::from_rational(3, 2)),
		]
		.try_into()
		.unwrap();
		assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			3_600 * UNIT,
			maapl,
			FixedU128::from_u32(2),
			None
		));
		let position = pallet_mirror_mint::NextPositionId::<Runtime>::get() - 1;
		assert_ok!(Mint::burn(RuntimeOrigin::signed(bob.clone()), position, 5 * UNIT));
		assert_eq!(NativeAndAssets::balance(UST, &collector), 13_500_000);

		// Anyone converts it: 13.5 UST buy about 9 MIR at 1.5 (0.3 % commission, within 1 %).
		let mir_before = Balances::balance(&collector);
		assert_ok!(Collector::convert(RuntimeOrigin::signed(account(Charlie)), UST, None));
		let bought = Balances::balance(&collector) - mir_before;
		assert!(bought > 8_900_000 && bought < 9_000_000, "{bought}");
		assert_eq!(NativeAndAssets::balance(UST, &collector), 0);

		// Distributed: half (the voter weight) to the one poll in progress, half to stakers.
		let staked_before = Gov::staker(&bob).unwrap().balance;
		assert_ok!(Collector::distribute(RuntimeOrigin::signed(account(Charlie))));
		let to_voters = bought / 2;
		assert_eq!(Gov::state().pending_voting_rewards, to_voters);
		assert_eq!(Gov::staker(&bob).unwrap().balance, staked_before + (bought - to_voters));

		// After the poll, Bob, its only voter, takes the voters' half.
		advance(dev_gov_parameters().default_poll.voting_period);
		assert_ok!(Gov::end_poll(RuntimeOrigin::signed(account(Charlie)), id));
		let free_before = Balances::balance(&bob);
		assert_ok!(Gov::withdraw_voting_rewards(RuntimeOrigin::signed(bob.clone()), Some(id)));
		// His storage deposit stays as it is: it follows his votes at his next stake or vote.
		assert_eq!(Balances::balance(&bob), free_before + to_voters);
		assert_eq!(Gov::state().pending_voting_rewards, 0);
	});
}

#[test]
fn a_passed_poll_spends_from_the_community_pool_within_the_limit() {
	use mirror_runtime::{genesis_config_presets::COMMUNITY_SPEND_LIMIT, Community};
	dev_ext().execute_with(|| {
		let dave = account(sp_keyring::Sr25519Keyring::Dave);
		let as_gov: RuntimeOrigin = pallet_mirror_gov::Origin::Poll.into();
		let before = Balances::balance(&dave);
		assert_ok!(Community::spend(as_gov.clone(), COMMUNITY_SPEND_LIMIT, dave.clone()));
		assert_eq!(Balances::balance(&dave), before + COMMUNITY_SPEND_LIMIT);
		assert_noop!(
			Community::spend(as_gov, COMMUNITY_SPEND_LIMIT + 1, dave.clone()),
			pallet_mirror_community::Error::<Runtime>::SpendLimitExceeded
		);
		assert_noop!(
			Community::spend(RuntimeOrigin::signed(dave.clone()), 1, dave),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
