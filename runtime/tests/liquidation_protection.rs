//! Runtime tests of liquidation protection: a poll raises an MCR and nothing becomes liquidatable
//! until the grace period ends; an owner who tops up in time is never liquidated; a migration
//! poll (Root) applies a raise at once; a raised multiplier waits Mint's delay too; a partial
//! auction on the real pallets.

mod common;

use common::{account, advance, dev_ext, feeder};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{AssetId, NativeOrWithId, PollClass, VoteOption, MIR, UNIT, UST};
use mirror_runtime::{
	configs::NativeAndAssets,
	genesis_config_presets::{dev_gov_parameters, dev_mint_parameters},
	CollateralOracle, Gov, Mint, Oracle, Runtime, RuntimeCall, RuntimeOrigin,
};
use pallet_mirror_gov::{Polls, Totals};
use pallet_mirror_mint::{Error, Positions};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::FixedU128;

const MAAPL: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[0].0);

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// The dev feeder feeds mAAPL at 180 and MIR at 1.5.
fn feed() {
	let prices: BoundedVec<_, _> = vec![(MAAPL, fx(180, 1)), (MIR, fx(3, 2))].try_into().unwrap();
	assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
}

/// `who` opens a UST position of 1,000 UST at 160 % against mAAPL (MCR 150 %).
fn open(who: sp_keyring::Sr25519Keyring) -> u64 {
	assert_ok!(Mint::open_position(
		RuntimeOrigin::signed(account(who)),
		UST,
		1_000 * UNIT,
		MAAPL,
		fx(8, 5),
		None
	));
	pallet_mirror_mint::NextPositionId::<Runtime>::get() - 1
}

/// Bob stakes, Alice proposes `call`, Bob votes it through and Charlie ends and executes it.
fn pass(call: RuntimeCall) -> PollClass {
	let bob = account(Bob);
	if Gov::staker(&bob).is_none() {
		assert_ok!(Gov::stake_voting_tokens(
			RuntimeOrigin::signed(bob.clone()),
			1_000_000 * mirror_runtime::MIR
		));
	}
	assert_ok!(Gov::create_poll(
		RuntimeOrigin::signed(account(Alice)),
		b"Risk".to_vec(),
		b"Runtime test".to_vec(),
		None,
		Some(Box::new(call)),
	));
	let id = Totals::<Runtime>::get().poll_count;
	let class = Polls::<Runtime>::get(id).unwrap().class;
	assert_ok!(Gov::cast_vote(
		RuntimeOrigin::signed(bob),
		id,
		VoteOption::Yes,
		700_000 * mirror_runtime::MIR
	));
	let parameters = dev_gov_parameters();
	if class != PollClass::Migration {
		advance(parameters.poll_config(class).voting_period);
	}
	assert_ok!(Gov::end_poll(RuntimeOrigin::signed(account(Charlie)), id));
	if class != PollClass::Migration {
		advance(parameters.effective_delay);
	}
	assert_ok!(Gov::execute_poll(RuntimeOrigin::signed(account(Charlie)), id));
	class
}

fn raise_mcr() -> RuntimeCall {
	RuntimeCall::Mint(pallet_mirror_mint::Call::update_asset {
		asset: MAAPL,
		auction_discount: None,
		min_collateral_ratio: Some(fx(2, 1)),
		ipo_params: None,
	})
}

#[test]
fn a_poll_raising_an_mcr_waits_the_grace_period_and_a_top_up_saves_the_position() {
	dev_ext().execute_with(|| {
		feed();
		let careful = open(Bob);
		let careless = open(Dave);
		assert_eq!(pass(raise_mcr()), PollClass::Default);
		let delay = dev_mint_parameters().risk_change_delay;
		let change = Mint::scheduled_min_collateral_ratio(&MAAPL).expect("the raise waits");
		assert_eq!(change.value, fx(2, 1));
		// Both positions are reported at risk to their owners, neither is liquidatable yet.
		assert_eq!(Mint::positions_at_risk(&account(Bob)).len(), 1);
		for id in [careful, careless] {
			assert_eq!(Mint::liquidatable(id), Ok(false));
			assert_noop!(
				Mint::auction(RuntimeOrigin::signed(account(Charlie)), id, UNIT / 10),
				Error::<Runtime>::PositionSafelyCollateralized
			);
		}
		// Bob tops up within the grace period: 1,000 UST more puts him at 320 %.
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(account(Bob)), careful, 1_000 * UNIT));
		assert!(Mint::positions_at_risk(&account(Bob)).is_empty());
		// One second before the end nothing has changed.
		let now = pallet_timestamp::Now::<Runtime>::get() / 1_000;
		advance(change.effective_at - now - 1);
		feed();
		assert_eq!(Mint::liquidatable(careless), Ok(false));
		// From its time on the raise is the MCR: Dave's position is liquidatable, Bob's never.
		advance(1);
		feed();
		assert_eq!(Mint::liquidatable(careless), Ok(true));
		assert_eq!(Mint::liquidatable(careful), Ok(false));
		assert!(change.effective_at >= now + delay - 1);
	});
}

#[test]
fn a_migration_poll_applies_a_raise_at_once() {
	dev_ext().execute_with(|| {
		feed();
		let id = open(Bob);
		pass(raise_mcr());
		assert_eq!(Mint::liquidatable(id), Ok(false));
		let apply = RuntimeCall::Mint(pallet_mirror_mint::Call::apply_risk_change { asset: MAAPL });
		assert_eq!(pass(apply), PollClass::Migration);
		assert!(Mint::scheduled_min_collateral_ratio(&MAAPL).is_none());
		feed();
		assert_eq!(Mint::liquidatable(id), Ok(true));
		let multiplier = RuntimeCall::CollateralOracle(
			pallet_mirror_collateral_oracle::Call::apply_multiplier_change { asset: MIR },
		);
		assert_eq!(Gov::classify(&multiplier), PollClass::Migration);
	});
}

#[test]
fn a_raised_multiplier_waits_mints_delay() {
	dev_ext().execute_with(|| {
		let as_gov: RuntimeOrigin = pallet_mirror_gov::Origin::Poll.into();
		assert_ok!(CollateralOracle::update_collateral_multiplier(as_gov, MIR, fx(2, 1)));
		let scheduled = pallet_mirror_collateral_oracle::ScheduledMultipliers::<Runtime>::get(MIR)
			.expect("the raise waits");
		let now = pallet_timestamp::Now::<Runtime>::get() / 1_000;
		assert_eq!(scheduled.effective_at, now + dev_mint_parameters().risk_change_delay);
		assert_ok!(CollateralOracle::apply_multiplier_change(RuntimeOrigin::root(), MIR));
		assert!(
			pallet_mirror_collateral_oracle::ScheduledMultipliers::<Runtime>::get(MIR).is_none()
		);
	});
}

#[test]
fn an_auction_repays_half_and_the_owner_keeps_the_rest() {
	dev_ext().execute_with(|| {
		feed();
		let id = open(Bob);
		let debt = Positions::<Runtime>::get(id).unwrap().asset_amount;
		// mAAPL up 8 %: the position (160 % → 148 %) is liquidatable but not deep.
		advance(3);
		let prices: BoundedVec<_, _> = vec![(MAAPL, fx(1944, 10))].try_into().unwrap();
		assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
		assert_eq!(Mint::liquidatable(id), Ok(true));
		let (_, quote) = Mint::quote_auction(id, debt).unwrap();
		assert_eq!(quote.liquidated_amount, debt / 2);
		assert_eq!(quote.refunded_asset, debt - debt / 2);
		let charlie = account(Charlie);
		let before = NativeAndAssets::balance(MAAPL, &charlie);
		assert_ok!(Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, debt));
		assert_eq!(before - NativeAndAssets::balance(MAAPL, &charlie), debt / 2);
		let position = Positions::<Runtime>::get(id).expect("the position stays open");
		assert_eq!(position.asset_amount, debt - debt / 2);
		assert_eq!(
			position.collateral_amount,
			1_000 * UNIT - quote.returned_collateral - quote.protocol_fee
		);
		// The ratio rose above the required 150 %: the rest is safe at this price.
		assert_eq!(Mint::liquidatable(id), Ok(false));
	});
}
