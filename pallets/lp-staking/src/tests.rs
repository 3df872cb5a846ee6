//! LpStaking's unit and property tests; every test ends with the pallet's invariants checked
//! (`run_test`).

use crate::{mock::*, Error, Event, LpStakes, Parameters, Pools, ShortStakes};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{RewardPools, ShortStakeHook, StakingParameters};
use proptest::prelude::*;
use sp_runtime::{traits::Zero, DispatchError, FixedU128};

fn signed(who: u128) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn mir(who: u128) -> u128 {
	AllAssets::balance(MIR, &who)
}

fn token(asset: AssetIdOf, who: u128) -> u128 {
	AllAssets::balance(asset, &who)
}

type AssetIdOf = mirror_primitives::AssetId;

fn deposit(asset: AssetIdOf, amount: u128) {
	assert_ok!(<LpStaking as RewardPools<u128>>::deposit_reward(&FACTORY, &asset, amount));
}

fn set_weight(asset: AssetIdOf, weight: FixedU128) {
	Pools::<Test>::mutate(asset, |p| p.as_mut().unwrap().short_reward_weight = weight);
}

fn pending(who: u128, asset: AssetIdOf) -> u128 {
	LpStaking::reward_info(&who, Some(asset)).iter().map(|r| r.pending_reward).sum()
}

fn assets(list: &[AssetIdOf]) -> BoundedVec<AssetIdOf, ConstU32<3>> {
	list.to_vec().try_into().unwrap()
}

use frame_support::traits::ConstU32;

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

// ---------------------------------------------------------------------------------------------
// Registration and parameters

#[test]
fn genesis_registers_pools_and_funds_the_account() {
	run_test(|| {
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.staking_token, AAPL_LP);
		assert!(pool.lp.total_bond.is_zero() && pool.short.total_bond.is_zero());
		assert_eq!(mir(LpStaking::account_id()), ED);
		assert_eq!(LpStaking::parameters(), StakingParameters::default());
		assert_eq!(StakingParameters::default().premium_min_update_interval, 3_600);
	});
}

#[test]
fn register_asset_is_admin_only_and_validated() {
	run_test(|| {
		let new = mirror_primitives::NativeOrWithId::WithId(22);
		assert_noop!(
			LpStaking::register_asset(signed(ALICE), MIR, new.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LpStaking::register_asset(RuntimeOrigin::root(), AAPL, AAPL_LP),
			Error::<Test>::PoolAlreadyRegistered
		);
		// The LP token must exist and differ from the asset.
		assert_noop!(
			LpStaking::register_asset(RuntimeOrigin::root(), MIR, MIR),
			Error::<Test>::InvalidStakingToken
		);
		assert_noop!(
			LpStaking::register_asset(
				RuntimeOrigin::root(),
				MIR,
				mirror_primitives::NativeOrWithId::WithId(77)
			),
			Error::<Test>::InvalidStakingToken
		);
		assert_ok!(LpStaking::register_asset(RuntimeOrigin::root(), MIR, new.clone()));
		assert_eq!(
			last_event(),
			Event::PoolRegistered { asset: MIR, staking_token: new.clone() }.into()
		);
		assert_ok!(LpStaking::register_asset(RuntimeOrigin::root(), UST, AAPL_LP2));
		// MaxPools is 4.
		assert_noop!(
			LpStaking::register_asset(
				RuntimeOrigin::root(),
				mirror_primitives::NativeOrWithId::WithId(50),
				new
			),
			Error::<Test>::TooManyPools
		);
	});
}

#[test]
fn update_config_sets_and_validates() {
	run_test(|| {
		assert_noop!(
			LpStaking::update_config(signed(ALICE), Some(1), None, None),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LpStaking::update_config(RuntimeOrigin::root(), None, Some(fx(11, 10)), None),
			Error::<Test>::InvalidShortRewardCap
		);
		assert_ok!(LpStaking::update_config(RuntimeOrigin::root(), Some(60), Some(fx(1, 2)), None));
		let parameters = Parameters::<Test>::get();
		assert_eq!(parameters.premium_min_update_interval, 60);
		assert_eq!(parameters.short_reward_cap, fx(1, 2));
		assert_eq!(parameters.premium_half_max, fx(2, 100));
		assert_eq!(last_event(), Event::ParametersUpdated { parameters }.into());
	});
}

// ---------------------------------------------------------------------------------------------
// Bond and unbond

#[test]
fn bond_moves_lp_tokens_and_counts_them() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1_000));
		assert_eq!(token(AAPL_LP, ALICE), BALANCE - 1_000);
		assert_eq!(token(AAPL_LP, LpStaking::account_id()), 1_000);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().lp.total_bond, 1_000);
		let record = LpStakes::<Test>::get(ALICE, AAPL).unwrap();
		assert_eq!((record.bond_amount, record.staking_token), (1_000, Some(AAPL_LP)));
		assert_eq!(last_event(), Event::Bonded { who: ALICE, asset: AAPL, amount: 1_000 }.into());
	});
}

#[test]
fn bond_rejects_bad_input() {
	run_test(|| {
		assert_noop!(LpStaking::bond(signed(ALICE), AAPL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(LpStaking::bond(signed(ALICE), MIR, 10), Error::<Test>::PoolNotFound);
		assert_noop!(
			LpStaking::bond(signed(ALICE), AAPL, BALANCE + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			LpStaking::bond(signed(ALICE), AAPL, u128::MAX),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn unbond_returns_lp_tokens_and_removes_empty_records() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1_000));
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 400));
		assert_eq!(token(AAPL_LP, ALICE), BALANCE - 600);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().lp.total_bond, 600);
		assert_eq!(
			last_event(),
			Event::Unbonded { who: ALICE, asset: AAPL, amount: 400, staking_token: AAPL_LP }.into()
		);
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 600));
		assert!(LpStakes::<Test>::get(ALICE, AAPL).is_none());
		assert_eq!(token(AAPL_LP, ALICE), BALANCE);
	});
}

#[test]
fn unbond_rejects_bad_input() {
	run_test(|| {
		assert_noop!(LpStaking::unbond(signed(ALICE), AAPL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(LpStaking::unbond(signed(ALICE), AAPL, 1), Error::<Test>::NoStake);
		assert_noop!(LpStaking::unbond(signed(ALICE), MIR, 1), Error::<Test>::PoolNotFound);
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1_000));
		assert_noop!(
			LpStaking::unbond(signed(ALICE), AAPL, 1_001),
			Error::<Test>::InsufficientBond
		);
		assert_noop!(LpStaking::unbond(signed(BOB), AAPL, 1), Error::<Test>::NoStake);
	});
}

// ---------------------------------------------------------------------------------------------
// Rewards (spec §3.8)

#[test]
fn rewards_split_by_bond_and_wait_while_nothing_is_bonded() {
	run_test(|| {
		// Nothing bonded: 1,000 MIR waits in the LP half.
		deposit(AAPL, 1_000);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().lp.pending, 1_000);
		assert_eq!(mir(LpStaking::account_id()), ED + 1_000);
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		assert_ok!(LpStaking::bond(signed(BOB), AAPL, 300));
		// The next deposit releases both: (3,000 + 1,000) / 400 = 10 per LP token.
		deposit(AAPL, 3_000);
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!((pool.lp.index, pool.lp.pending), (fx(10, 1), 0));
		assert_eq!(pending(ALICE, AAPL), 1_000);
		assert_eq!(pending(BOB, AAPL), 3_000);
		// Alice withdraws 1,000 MIR.
		let before = mir(ALICE);
		assert_ok!(LpStaking::withdraw_rewards(signed(ALICE), Some(AAPL)));
		assert_eq!(mir(ALICE), before + 1_000);
		assert_eq!(
			last_event(),
			Event::RewardsWithdrawn { who: ALICE, asset: Some(AAPL), amount: 1_000 }.into()
		);
		assert_eq!(pending(ALICE, AAPL), 0);
		assert_noop!(
			LpStaking::withdraw_rewards(signed(ALICE), Some(AAPL)),
			Error::<Test>::NothingToWithdraw
		);
	});
}

#[test]
fn rewards_settle_before_a_bond_changes() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		deposit(AAPL, 1_000);
		// Bob joins after the deposit: he earns none of it.
		assert_ok!(LpStaking::bond(signed(BOB), AAPL, 100));
		assert_eq!(pending(BOB, AAPL), 0);
		// Alice doubles her bond: her 1,000 are settled first.
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		assert_eq!(LpStakes::<Test>::get(ALICE, AAPL).unwrap().pending_reward, 1_000);
		deposit(AAPL, 3_000);
		assert_eq!(pending(ALICE, AAPL), 1_000 + 2_000);
		assert_eq!(pending(BOB, AAPL), 1_000);
		// Unbonding everything keeps the rewards withdrawable.
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 200));
		assert_eq!(pending(ALICE, AAPL), 3_000);
		assert_ok!(LpStaking::withdraw_rewards(signed(ALICE), Some(AAPL)));
		assert!(LpStakes::<Test>::get(ALICE, AAPL).is_none());
	});
}

#[test]
fn deposits_split_between_lp_and_short_by_the_weight() {
	run_test(|| {
		set_weight(AAPL, fx(3, 10));
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &BOB, 50));
		assert_eq!(
			last_event(),
			Event::ShortStakeIncreased { who: BOB, asset: AAPL, amount: 50 }.into()
		);
		// R_s = ⌊1,001 × 0.3⌋ = 300, R_l = 701.
		assert_ok!(<LpStaking as RewardPools<u128>>::deposit_reward(&FACTORY, &AAPL, 1_001));
		assert_eq!(
			last_event(),
			Event::RewardDeposited {
				asset: AAPL,
				amount: 1_001,
				lp_amount: 701,
				short_amount: 300
			}
			.into()
		);
		assert_eq!(pending(ALICE, AAPL), 701);
		assert_eq!(pending(BOB, AAPL), 300);
		let info = LpStaking::reward_info(&BOB, None);
		assert_eq!(info.len(), 1);
		assert!(info[0].is_short && info[0].bond_amount == 50 && !info[0].should_migrate);
	});
}

#[test]
fn short_rewards_wait_until_someone_is_short() {
	run_test(|| {
		set_weight(AAPL, fx(1, 2));
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		deposit(AAPL, 1_000);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().short.pending, 500);
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &BOB, 10));
		deposit(AAPL, 1_000);
		assert_eq!(pending(BOB, AAPL), 1_000);
		assert_eq!(pending(ALICE, AAPL), 1_000);
	});
}

#[test]
fn the_short_hook_tracks_mints_debt() {
	run_test(|| {
		let hook = |amount, up: bool| {
			if up {
				<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &BOB, amount)
			} else {
				<LpStaking as ShortStakeHook<u128>>::decrease_short(&AAPL, &BOB, amount)
			}
		};
		assert_noop!(hook(1, false), Error::<Test>::NoStake);
		assert_noop!(
			<LpStaking as ShortStakeHook<u128>>::increase_short(&MIR, &BOB, 1),
			Error::<Test>::PoolNotFound
		);
		assert_ok!(hook(100, true));
		assert_noop!(hook(101, false), Error::<Test>::InsufficientBond);
		assert_ok!(hook(40, false));
		assert_eq!(
			last_event(),
			Event::ShortStakeDecreased { who: BOB, asset: AAPL, amount: 40 }.into()
		);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().short.total_bond, 60);
		assert_ok!(hook(60, false));
		assert!(ShortStakes::<Test>::get(BOB, AAPL).is_none());
		// Zero is a no-op.
		assert_ok!(hook(0, false));
	});
}

#[test]
fn withdraw_all_pays_every_pool_in_one_transfer() {
	run_test(|| {
		set_weight(TSLA, fx(1, 2));
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		assert_ok!(LpStaking::bond(signed(ALICE), TSLA, 100));
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&TSLA, &ALICE, 100));
		deposit(AAPL, 1_000);
		deposit(TSLA, 2_000);
		let before = mir(ALICE);
		assert_ok!(LpStaking::withdraw_rewards(signed(ALICE), None));
		assert_eq!(mir(ALICE), before + 3_000);
		assert_eq!(
			last_event(),
			Event::RewardsWithdrawn { who: ALICE, asset: None, amount: 3_000 }.into()
		);
		assert_noop!(
			LpStaking::withdraw_rewards(signed(ALICE), None),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			LpStaking::withdraw_rewards(signed(ALICE), Some(MIR)),
			Error::<Test>::PoolNotFound
		);
	});
}

#[test]
fn anyone_may_deposit_rewards_with_the_call() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		let before = mir(BOB);
		assert_ok!(LpStaking::deposit_reward(signed(BOB), AAPL, 500));
		assert_eq!(mir(BOB), before - 500);
		assert_eq!(pending(ALICE, AAPL), 500);
		assert_noop!(LpStaking::deposit_reward(signed(BOB), AAPL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(LpStaking::deposit_reward(signed(BOB), MIR, 5), Error::<Test>::PoolNotFound);
		// Bob keeps MIR's existential deposit.
		assert_noop!(
			LpStaking::deposit_reward(signed(BOB), AAPL, before - 500),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn deposit_reward_rejects_bad_input_and_changes_nothing() {
	run_test(|| {
		let call = |asset: &AssetIdOf, amount| {
			frame_support::storage::with_storage_layer(|| {
				<LpStaking as RewardPools<u128>>::deposit_reward(&FACTORY, asset, amount)
			})
		};
		assert_noop!(call(&AAPL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(call(&MIR, 10), Error::<Test>::PoolNotFound);
		// More MIR than the depositor holds: the pool is not credited either.
		let before = Pools::<Test>::get(AAPL);
		assert!(
			<LpStaking as RewardPools<u128>>::deposit_reward(&FACTORY, &AAPL, BALANCE * 2).is_err()
		);
		assert_eq!(Pools::<Test>::get(AAPL), before);
	});
}

// ---------------------------------------------------------------------------------------------
// auto_stake

#[test]
fn auto_stake_provides_and_bonds_in_one_call() {
	run_test(|| {
		assert_ok!(LpStaking::auto_stake(signed(ALICE), AAPL, 500, 600, None));
		assert_eq!(token(AAPL, ALICE), BALANCE - 500);
		assert_eq!(token(UST, ALICE), BALANCE - 600);
		// The mock mints LP equal to the asset amount, straight to the pallet.
		assert_eq!(token(AAPL_LP, LpStaking::account_id()), 500);
		assert_eq!(token(AAPL_LP, ALICE), BALANCE);
		assert_eq!(LpStakes::<Test>::get(ALICE, AAPL).unwrap().bond_amount, 500);
		assert_eq!(last_event(), Event::Bonded { who: ALICE, asset: AAPL, amount: 500 }.into());
	});
}

#[test]
fn auto_stake_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			LpStaking::auto_stake(signed(ALICE), AAPL, 0, 1, None),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LpStaking::auto_stake(signed(ALICE), AAPL, 1, 0, None),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LpStaking::auto_stake(signed(ALICE), MIR, 1, 1, None),
			Error::<Test>::PoolNotFound
		);
		// The AMM pool's LP token is not the staking token.
		amm_pool(TSLA, 1, 1, AAPL_LP2);
		assert_noop!(
			LpStaking::auto_stake(signed(ALICE), TSLA, 1, 1, None),
			Error::<Test>::InvalidStakingToken
		);
		// More than the account holds: the AMM's error, nothing bonded.
		assert!(LpStaking::auto_stake(signed(ALICE), AAPL, BALANCE + 1, 1, None).is_err());
		assert!(LpStakes::<Test>::get(ALICE, AAPL).is_none());
	});
}

// ---------------------------------------------------------------------------------------------
// Premium and short-reward weight (spec §3.6, §3.7)

#[test]
fn adjust_premium_sets_premium_and_weight() {
	run_test(|| {
		// Pool 1.05 UST per mAAPL, oracle 1: a 5 % premium.
		amm_pool(AAPL, 1_000_000, 1_050_000, AAPL_LP);
		set_price(AAPL, Some(fx(1, 1)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.premium_rate, fx(5, 100));
		let expected = crate::math::short_reward_weight(fx(5, 100), fx(4, 5), fx(2, 100));
		assert_eq!(pool.short_reward_weight, expected);
		// 0.8 · Φ(3) = 0.7989...
		assert!(expected > fx(7989, 10_000) && expected < fx(799, 1_000));
		assert_eq!(pool.premium_updated_time, T0);
		assert_eq!(
			last_event(),
			Event::PremiumAdjusted {
				asset: AAPL,
				premium_rate: fx(5, 100),
				short_reward_weight: expected,
				twap_window: 3_600,
			}
			.into()
		);
		// At 2 % it is half the cap.
		amm_pool(TSLA, 1_000_000, 1_020_000, TSLA_LP);
		set_price(TSLA, Some(fx(1, 1)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[TSLA])));
		let weight = Pools::<Test>::get(TSLA).unwrap().short_reward_weight;
		assert!(weight <= fx(2, 5) && weight > fx(39_999, 100_000));
	});
}

/// The premium reads the pool's time-weighted price: a spot price that one swap set just before
/// the call counts only for its time share of the window.
#[test]
fn adjust_premium_uses_the_time_weighted_price_not_the_spot_reserves() {
	run_test(|| {
		set_price(AAPL, Some(fx(1, 1)));
		// Spot says 10 UST (a swap just moved it); over the window the pool averaged 1.01.
		amm_pool(AAPL, 100_000, 1_000_000, AAPL_LP);
		set_twap(AAPL, Some((fx(101, 100), 3_600)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.premium_rate, fx(1, 100));
		assert_eq!(
			pool.short_reward_weight,
			crate::math::short_reward_weight(fx(1, 100), fx(4, 5), fx(2, 100))
		);
	});
}

#[test]
fn without_price_history_the_previous_weight_stands_and_the_time_is_stamped() {
	run_test(|| {
		set_price(AAPL, Some(fx(1, 1)));
		set_weight(AAPL, fx(3, 10));
		amm_pool(AAPL, 1_000_000, 2_000_000, AAPL_LP);
		set_twap(AAPL, None);
		let before = Pools::<Test>::get(AAPL).unwrap();
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.short_reward_weight, fx(3, 10));
		assert_eq!(pool.premium_rate, before.premium_rate);
		assert_eq!(pool.premium_updated_time, T0);
		assert_eq!(
			last_event(),
			Event::PremiumAdjusted {
				asset: AAPL,
				premium_rate: before.premium_rate,
				short_reward_weight: fx(3, 10),
				twap_window: 0,
			}
			.into()
		);
	});
}

#[test]
fn adjust_premium_waits_for_the_interval() {
	run_test(|| {
		set_price(AAPL, Some(fx(1, 1)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		set_time(T0 + 3_599);
		assert_noop!(
			LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])),
			Error::<Test>::PremiumUpdateTooEarly
		);
		// A batch fails whole.
		assert_noop!(
			LpStaking::adjust_premium(signed(CHARLIE), assets(&[TSLA, AAPL])),
			Error::<Test>::PremiumUpdateTooEarly
		);
		set_time(T0 + 3_600);
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL, TSLA])));
	});
}

#[test]
fn a_discount_or_a_missing_price_gives_no_premium() {
	run_test(|| {
		set_weight(AAPL, fx(1, 2));
		// Pool below the oracle: no premium, the curve's floor weight.
		amm_pool(AAPL, 1_000_000, 900_000, AAPL_LP);
		set_price(AAPL, Some(fx(1, 1)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.premium_rate, FixedU128::zero());
		// 0.8 · Φ(−2) ≈ 0.0182.
		assert!(
			pool.short_reward_weight > fx(181, 10_000)
				&& pool.short_reward_weight < fx(183, 10_000)
		);
		// No oracle price: premium and weight 0.
		set_price(TSLA, None);
		set_weight(TSLA, fx(1, 2));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[TSLA])));
		let pool = Pools::<Test>::get(TSLA).unwrap();
		assert_eq!(
			(pool.premium_rate, pool.short_reward_weight),
			(FixedU128::zero(), FixedU128::zero())
		);
	});
}

#[test]
fn adjust_premium_rejects_unknown_pools() {
	run_test(|| {
		assert_noop!(
			LpStaking::adjust_premium(signed(CHARLIE), assets(&[MIR])),
			Error::<Test>::PoolNotFound
		);
		assert_ok!(LpStaking::register_asset(RuntimeOrigin::root(), MIR, AAPL_LP2));
		assert_noop!(
			LpStaking::adjust_premium(signed(CHARLIE), assets(&[MIR])),
			Error::<Test>::NoAmmPool
		);
	});
}

#[test]
fn the_cap_and_half_max_premium_are_governable() {
	run_test(|| {
		assert_ok!(LpStaking::update_config(
			RuntimeOrigin::root(),
			None,
			Some(fx(1, 2)),
			Some(fx(4, 100))
		));
		amm_pool(AAPL, 1_000_000, 1_040_000, AAPL_LP);
		set_price(AAPL, Some(fx(1, 1)));
		assert_ok!(LpStaking::adjust_premium(signed(CHARLIE), assets(&[AAPL])));
		// A 4 % premium is now the midpoint: half of the 0.5 cap.
		let weight = Pools::<Test>::get(AAPL).unwrap().short_reward_weight;
		assert!(weight <= fx(1, 4) && weight > fx(24_999, 100_000));
	});
}

// ---------------------------------------------------------------------------------------------
// LP-token migration

#[test]
fn deprecating_an_lp_token_freezes_old_bonds_at_the_snapshot() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		deposit(AAPL, 1_000);
		assert_noop!(
			LpStaking::deprecate_staking_token(signed(ALICE), AAPL, AAPL_LP2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LpStaking::deprecate_staking_token(RuntimeOrigin::root(), AAPL, AAPL_LP),
			Error::<Test>::InvalidStakingToken
		);
		assert_noop!(
			LpStaking::deprecate_staking_token(RuntimeOrigin::root(), MIR, AAPL_LP2),
			Error::<Test>::PoolNotFound
		);
		assert_ok!(LpStaking::deprecate_staking_token(RuntimeOrigin::root(), AAPL, AAPL_LP2));
		assert_eq!(
			last_event(),
			Event::StakingTokenDeprecated {
				asset: AAPL,
				deprecated_staking_token: AAPL_LP,
				new_staking_token: AAPL_LP2
			}
			.into()
		);
		assert_noop!(
			LpStaking::deprecate_staking_token(RuntimeOrigin::root(), AAPL, TSLA_LP),
			Error::<Test>::AlreadyMigrated
		);
		let pool = Pools::<Test>::get(AAPL).unwrap();
		assert_eq!(pool.lp.total_bond, 0);
		assert_eq!(pool.migration.as_ref().unwrap().total_bond, 100);
		// Alice must unbond the old token before bonding the new one.
		assert_noop!(
			LpStaking::bond(signed(ALICE), AAPL, 10),
			Error::<Test>::StakingTokenDeprecated
		);
		assert!(LpStaking::reward_info(&ALICE, Some(AAPL))[0].should_migrate);
		// Bob bonds the new token; the next deposit is his alone.
		assert_ok!(LpStaking::bond(signed(BOB), AAPL, 50));
		assert_eq!(token(AAPL_LP2, LpStaking::account_id()), 50);
		deposit(AAPL, 2_000);
		assert_eq!(pending(ALICE, AAPL), 1_000);
		assert_eq!(pending(BOB, AAPL), 2_000);
		// Alice's unbond returns the old token, and migrates her.
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 100));
		assert_eq!(
			last_event(),
			Event::Unbonded { who: ALICE, asset: AAPL, amount: 100, staking_token: AAPL_LP }.into()
		);
		assert_eq!(token(AAPL_LP, ALICE), BALANCE);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().migration.unwrap().total_bond, 0);
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 10));
		assert_eq!(token(AAPL_LP2, ALICE), BALANCE - 10);
		assert_eq!(pending(ALICE, AAPL), 1_000);
	});
}

#[test]
fn rewards_deposited_while_only_old_bonds_exist_wait_for_new_bonds() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 100));
		assert_ok!(LpStaking::deprecate_staking_token(RuntimeOrigin::root(), AAPL, AAPL_LP2));
		deposit(AAPL, 500);
		assert_eq!(Pools::<Test>::get(AAPL).unwrap().lp.pending, 500);
		assert_eq!(pending(ALICE, AAPL), 0);
		assert_ok!(LpStaking::bond(signed(BOB), AAPL, 10));
		deposit(AAPL, 500);
		assert_eq!(pending(BOB, AAPL), 1_000);
	});
}

// ---------------------------------------------------------------------------------------------
// Properties

#[derive(Clone, Debug)]
enum Op {
	Bond(u8, u128),
	Unbond(u8, u128),
	Short(u8, u128),
	Cover(u8, u128),
	Deposit(u128),
	Withdraw(u8),
	Weight(u8),
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0u8..3;
	prop_oneof![
		(who.clone(), 1u128..1_000_000).prop_map(|(w, a)| Op::Bond(w, a)),
		(who.clone(), 1u128..1_000_000).prop_map(|(w, a)| Op::Unbond(w, a)),
		(who.clone(), 1u128..1_000_000).prop_map(|(w, a)| Op::Short(w, a)),
		(who.clone(), 1u128..1_000_000).prop_map(|(w, a)| Op::Cover(w, a)),
		(1u128..10_000_000).prop_map(Op::Deposit),
		who.prop_map(Op::Withdraw),
		(0u8..=100).prop_map(Op::Weight),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	/// Whatever the order of bonds, unbonds, short changes, deposits and withdrawals: paid plus
	/// still owed never exceeds what was deposited, and the invariants hold after every step.
	#[test]
	fn rewards_never_exceed_deposits(ops in proptest::collection::vec(op(), 1..40)) {
		run_test(|| {
			let people = [ALICE, BOB, CHARLIE];
			let mut deposited = 0u128;
			let mut paid = 0u128;
			for op in ops {
				let _ = frame_support::storage::with_storage_layer(|| -> Result<(), DispatchError> {
					match op {
						Op::Bond(w, a) => LpStaking::bond(signed(people[w as usize]), AAPL, a)?,
						Op::Unbond(w, a) => LpStaking::unbond(signed(people[w as usize]), AAPL, a)?,
						Op::Short(w, a) => <LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &people[w as usize], a)?,
						Op::Cover(w, a) => <LpStaking as ShortStakeHook<u128>>::decrease_short(&AAPL, &people[w as usize], a)?,
						Op::Deposit(a) => {
							<LpStaking as RewardPools<u128>>::deposit_reward(&FACTORY, &AAPL, a)?;
							deposited += a;
						},
						Op::Withdraw(w) => {
							let who = people[w as usize];
							let before = mir(who);
							LpStaking::withdraw_rewards(signed(who), Some(AAPL)).map_err(|e| e.error)?;
							paid += mir(who) - before;
						},
						Op::Weight(p) => set_weight(AAPL, fx(p as u128, 100)),
					}
					Ok(())
				});
				LpStaking::do_try_state().expect("invariants hold after every step");
				let owed: u128 = people.iter().map(|p| pending(*p, AAPL)).sum::<u128>()
					+ Pools::<Test>::get(AAPL).map(|p| p.lp.pending + p.short.pending).unwrap_or(0);
				assert!(paid + owed <= deposited, "paid {paid} + owed {owed} > deposited {deposited}");
				assert_eq!(mir(LpStaking::account_id()) - ED, deposited - paid);
			}
		});
	}

	/// Claiming after every deposit earns the same as claiming once at the end, up to one unit of
	/// dust per claim, always in the pool's favour.
	#[test]
	fn rewards_do_not_depend_on_how_often_one_claims(
		bond in 1u128..1_000_000_000,
		deposits in proptest::collection::vec(1u128..1_000_000_000, 1..20),
	) {
		run_test(|| {
			assert_ok!(LpStaking::bond(signed(ALICE), AAPL, bond));
			assert_ok!(LpStaking::bond(signed(BOB), AAPL, bond));
			let (alice, bob) = (mir(ALICE), mir(BOB));
			let mut claims = 0u128;
			for amount in &deposits {
				deposit(AAPL, *amount);
				if LpStaking::withdraw_rewards(signed(ALICE), Some(AAPL)).is_ok() {
					claims += 1;
				}
			}
			let _ = LpStaking::withdraw_rewards(signed(BOB), Some(AAPL));
			let frequent = mir(ALICE) - alice;
			let once = mir(BOB) - bob;
			assert!(frequent <= once, "claiming often paid more: {frequent} > {once}");
			assert!(once - frequent <= claims, "more than a unit of dust per claim");
			let total: u128 = deposits.iter().sum();
			assert!(frequent + once <= total);
		});
	}
}

/// Found by the fuzzer: a pool bonding MIR, the reward token, would mix bonds with rewards (its
/// LP balance check failed at once, and an unbond could have paid out rewards).
#[test]
fn mir_is_never_a_staking_token() {
	run_test(|| {
		let new = mirror_primitives::NativeOrWithId::WithId(22);
		assert_noop!(
			LpStaking::register_asset(RuntimeOrigin::root(), new, MIR),
			Error::<Test>::InvalidStakingToken
		);
		assert_noop!(
			LpStaking::deprecate_staking_token(RuntimeOrigin::root(), AAPL, MIR),
			Error::<Test>::InvalidStakingToken
		);
	});
}

// --- storage deposits (issue 24) ------------------------------------------------------------------

#[test]
fn a_new_lp_record_holds_a_deposit_until_it_goes() {
	run_test(|| {
		let free = mir(ALICE);
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1_000));
		assert_eq!(held_deposits(ALICE), stake_deposit());
		assert_eq!(mir(ALICE), free - stake_deposit());
		assert!(crate::StakeDeposits::<Test>::contains_key(ALICE, (AAPL, crate::Half::Lp)));
		// A bond into the record it has holds nothing more.
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 500));
		assert_eq!(held_deposits(ALICE), stake_deposit());
		// A second asset is a second record.
		assert_ok!(LpStaking::bond(signed(ALICE), TSLA, 10));
		assert_eq!(held_deposits(ALICE), 2 * stake_deposit());
		// Partly unbonded, the record stays and so does its deposit; all of it, both go.
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 1_400));
		assert_eq!(held_deposits(ALICE), 2 * stake_deposit());
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 100));
		assert!(!LpStakes::<Test>::contains_key(ALICE, AAPL));
		assert_eq!(held_deposits(ALICE), stake_deposit());
		assert_ok!(LpStaking::unbond(signed(ALICE), TSLA, 10));
		assert_eq!(held_deposits(ALICE), 0);
		assert_eq!(mir(ALICE), free);
	});
}

#[test]
fn a_record_kept_for_its_rewards_keeps_its_deposit_until_they_are_withdrawn() {
	run_test(|| {
		assert_ok!(LpStaking::bond(signed(BOB), AAPL, 1_000));
		deposit(AAPL, 10_000);
		assert_ok!(LpStaking::unbond(signed(BOB), AAPL, 1_000));
		// Rewards are pending: the record (and its deposit) stay.
		assert!(LpStakes::<Test>::contains_key(BOB, AAPL));
		assert_eq!(held_deposits(BOB), stake_deposit());
		assert_ok!(LpStaking::withdraw_rewards(signed(BOB), Some(AAPL)));
		assert!(!LpStakes::<Test>::contains_key(BOB, AAPL));
		assert_eq!(held_deposits(BOB), 0);
	});
}

#[test]
fn an_slp_record_holds_the_short_sellers_deposit() {
	run_test(|| {
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &CHARLIE, 300));
		assert_eq!(held_deposits(CHARLIE), stake_deposit());
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &CHARLIE, 200));
		assert_eq!(held_deposits(CHARLIE), stake_deposit());
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::decrease_short(&AAPL, &CHARLIE, 500));
		assert!(!ShortStakes::<Test>::contains_key(CHARLIE, AAPL));
		assert_eq!(held_deposits(CHARLIE), 0);
	});
}

#[test]
fn a_staker_who_cannot_pay_the_deposit_is_refused_and_nothing_changes() {
	run_test(|| {
		// Dave holds LP tokens and short debt but no MIR.
		const DAVE: u128 = 44;
		assert_ok!(<AllAssets as frame_support::traits::fungibles::Mutate<u128>>::mint_into(
			AAPL_LP, &DAVE, 1_000
		));
		assert_noop!(LpStaking::bond(signed(DAVE), AAPL, 1_000), Error::<Test>::CannotPayDeposit);
		assert_noop!(
			<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &DAVE, 300),
			Error::<Test>::CannotPayDeposit
		);
		// With MIR for the deposit (and its existential deposit), the bond goes through.
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<u128>>::mint_into(
			&DAVE,
			stake_deposit() + ED
		));
		assert_ok!(LpStaking::bond(signed(DAVE), AAPL, 1_000));
		assert_eq!(held_deposits(DAVE), stake_deposit());
	});
}

#[test]
fn the_migration_to_deposits_keeps_every_record_and_charges_none() {
	use crate::migrations::MigrateV0ToV1;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run_test(|| {
		// A version-0 chain: records without deposits.
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1_000));
		assert_ok!(<LpStaking as ShortStakeHook<u128>>::increase_short(&AAPL, &BOB, 300));
		let _ = crate::StakeDeposits::<Test>::clear(u32::MAX, None);
		let lp = LpStakes::<Test>::get(ALICE, AAPL);
		let short = ShortStakes::<Test>::get(BOB, AAPL);
		StorageVersion::new(0).put::<LpStaking>();
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(LpStaking::on_chain_storage_version(), 1);
		assert_eq!(LpStakes::<Test>::get(ALICE, AAPL), lp);
		assert_eq!(ShortStakes::<Test>::get(BOB, AAPL), short);
		assert_eq!(crate::StakeDeposits::<Test>::iter().count(), 0);
		// A record from before pays nothing when it goes, and nothing while it stays.
		let held = held_deposits(ALICE);
		assert_ok!(LpStaking::bond(signed(ALICE), AAPL, 1));
		assert_ok!(LpStaking::unbond(signed(ALICE), AAPL, 1_001));
		assert_eq!(held_deposits(ALICE), held);
	});
}
