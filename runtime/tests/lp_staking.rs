//! Runtime tests of LpStaking wired to the real Amm (auto-stake, premium), Oracle (premium) and
//! Mint (short positions' sLP stake).

mod common;

use common::{account, advance, dev_ext, feeder};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{
	AssetId, NativeOrWithId, ProvideLiquidity as _, RewardPools, ShortParams, MIR, UNIT, UST,
};
use mirror_runtime::{
	configs::NativeAndAssets, genesis_config_presets::dev_staking_parameters, Amm, LpStaking, Mint,
	Oracle, Runtime, RuntimeOrigin,
};
use pallet_mirror_lp_staking::{Error, LpStakes, Pools, ShortStakes};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve};
use sp_runtime::FixedU128;

const MAAPL: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[0].0);
const MTSLA: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[1].0);

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// The dev feeder feeds mAAPL at 180, mTSLA at 250 and MIR at 1.5.
fn feed() {
	let prices: BoundedVec<_, _> =
		vec![(MAAPL, fx(180, 1)), (MTSLA, fx(250, 1)), (MIR, fx(3, 2))].try_into().unwrap();
	assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
}

fn pending(who: &mirror_runtime::AccountId, asset: AssetId) -> u128 {
	LpStaking::reward_info(who, Some(asset)).iter().map(|r| r.pending_reward).sum()
}

#[test]
fn genesis_has_a_pool_for_mir_and_every_dev_masset() {
	dev_ext().execute_with(|| {
		for asset in [
			MIR,
			MAAPL,
			MTSLA,
			NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[2].0),
		] {
			let pool = Pools::<Runtime>::get(&asset).expect("a reward pool");
			assert_eq!(Some(pool.staking_token), Amm::lp_token(&asset, &UST), "{asset:?}");
		}
		assert_eq!(LpStaking::parameters(), dev_staking_parameters());
	});
}

#[test]
fn bob_auto_stakes_earns_a_reward_deposit_and_withdraws_it() {
	dev_ext().execute_with(|| {
		let bob = account(Bob);
		let lp = Amm::lp_token(&MAAPL, &UST).unwrap();
		// 10 mAAPL and 1,800 UST at the pool's 180: the LP tokens go straight into the bond.
		assert_ok!(LpStaking::auto_stake(
			RuntimeOrigin::signed(bob.clone()),
			MAAPL,
			10 * UNIT,
			1_800 * UNIT,
			Some(fx(1, 100))
		));
		let bonded = LpStakes::<Runtime>::get(&bob, &MAAPL).unwrap().bond_amount;
		assert!(bonded > 0);
		assert_eq!(NativeAndAssets::balance(lp.clone(), &LpStaking::account_id()), bonded);
		assert_eq!(NativeAndAssets::balance(lp, &bob), 0);

		// The Factory's emission, here from Alice: 1,000 MIR for mAAPL, no short weight yet.
		assert_ok!(<LpStaking as RewardPools<_>>::deposit_reward(
			&account(Alice),
			&MAAPL,
			1_000 * UNIT
		));
		let owed = pending(&bob, MAAPL);
		assert!((1_000 * UNIT - 1..=1_000 * UNIT).contains(&owed), "{owed}");

		let before = NativeAndAssets::balance(MIR, &bob);
		assert_ok!(LpStaking::withdraw_rewards(RuntimeOrigin::signed(bob.clone()), Some(MAAPL)));
		// The call's fee is not charged here (no transaction payment in a direct dispatch).
		assert_eq!(NativeAndAssets::balance(MIR, &bob) - before, owed);
		assert_eq!(pending(&bob, MAAPL), 0);

		// Unbonding returns the LP tokens.
		assert_ok!(LpStaking::unbond(RuntimeOrigin::signed(bob.clone()), MAAPL, bonded));
		assert!(LpStakes::<Runtime>::get(&bob, &MAAPL).is_none());
	});
}

#[test]
fn a_short_position_stakes_slp_and_earns_the_short_half() {
	dev_ext().execute_with(|| {
		feed();
		let eve = account(Eve);
		let short = ShortParams { belief_price: None, max_spread: None };
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(eve.clone()),
			UST,
			3_600 * UNIT,
			MAAPL,
			fx(2, 1),
			Some(short)
		));
		let id = pallet_mirror_mint::NextPositionId::<Runtime>::get() - 1;
		let debt = pallet_mirror_mint::Positions::<Runtime>::get(id).unwrap().asset_amount;
		assert_eq!(ShortStakes::<Runtime>::get(&eve, &MAAPL).unwrap().bond_amount, debt);
		assert_eq!(Pools::<Runtime>::get(&MAAPL).unwrap().short.total_bond, debt);

		// The pool trades at a discount after the sale: no premium, the curve's floor weight,
		// once the discount has lasted one observation period (the premium is time-weighted).
		advance(61);
		assert_ok!(LpStaking::adjust_premium(
			RuntimeOrigin::signed(eve.clone()),
			vec![MAAPL].try_into().unwrap()
		));
		let pool = Pools::<Runtime>::get(&MAAPL).unwrap();
		assert_eq!(pool.premium_rate, FixedU128::from_u32(0));
		assert!(
			pool.short_reward_weight > fx(18, 1_000) && pool.short_reward_weight < fx(19, 1_000)
		);
		assert_noop!(
			LpStaking::adjust_premium(
				RuntimeOrigin::signed(eve.clone()),
				vec![MAAPL].try_into().unwrap()
			),
			Error::<Runtime>::PremiumUpdateTooEarly
		);

		// The short half of a deposit goes to Eve (the only short); no LP bonds, so the LP half
		// waits.
		assert_ok!(<LpStaking as RewardPools<_>>::deposit_reward(
			&account(Alice),
			&MAAPL,
			1_000 * UNIT
		));
		let short_half = sp_runtime::FixedPointNumber::saturating_mul_int(
			pool.short_reward_weight,
			1_000 * UNIT,
		);
		let owed = pending(&eve, MAAPL);
		assert!(owed <= short_half && owed + 1 >= short_half, "{owed} vs {short_half}");
		assert_eq!(Pools::<Runtime>::get(&MAAPL).unwrap().lp.pending, 1_000 * UNIT - short_half);

		// Burning the debt closes the sLP stake; the reward stays withdrawable.
		advance(6);
		feed();
		assert_ok!(Mint::burn(RuntimeOrigin::signed(eve.clone()), id, debt));
		assert_eq!(ShortStakes::<Runtime>::get(&eve, &MAAPL).unwrap().bond_amount, 0);
		assert_eq!(Pools::<Runtime>::get(&MAAPL).unwrap().short.total_bond, 0);
		assert_ok!(LpStaking::withdraw_rewards(RuntimeOrigin::signed(eve.clone()), None));
		assert!(ShortStakes::<Runtime>::get(&eve, &MAAPL).is_none());
	});
}

/// MIR `who` has on hold for stake records.
fn held(who: &mirror_runtime::AccountId) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	<mirror_runtime::Balances as InspectHold<_>>::balance_on_hold(
		&mirror_runtime::configs::LpStakingDepositReason::get(),
		who,
	)
}

#[test]
fn a_stake_record_holds_about_a_fifth_of_a_mir_until_it_goes() {
	use sp_runtime::traits::Convert;
	dev_ext().execute_with(|| {
		let deposit = mirror_runtime::configs::StakeRecordDeposit::convert(
			frame_support::traits::Footprint::from_mel::<(
				mirror_runtime::AccountId,
				AssetId,
				mirror_primitives::StakerReward,
			)>(),
		);
		// docs/parameters.md: 0.1 MIR + 0.001 MIR per byte.
		assert!(
			(150 * mirror_runtime::MILLI_MIR..=250 * mirror_runtime::MILLI_MIR).contains(&deposit),
			"{deposit}"
		);
		let bob = account(Bob);
		assert_ok!(LpStaking::auto_stake(
			RuntimeOrigin::signed(bob.clone()),
			MAAPL,
			10 * UNIT,
			1_800 * UNIT,
			None
		));
		assert_eq!(held(&bob), deposit);
		let bond = LpStakes::<Runtime>::get(&bob, &MAAPL).unwrap().bond_amount;
		assert_ok!(LpStaking::unbond(RuntimeOrigin::signed(bob.clone()), MAAPL, bond));
		assert_eq!(held(&bob), 0);
	});
}

#[test]
fn a_short_seller_who_cannot_pay_the_deposit_is_refused_before_anything_is_sold() {
	dev_ext().execute_with(|| {
		feed();
		// A seller with UST for collateral but no MIR for the sLP record's deposit.
		let seller: mirror_runtime::AccountId = sp_runtime::AccountId32::new([7u8; 32]);
		assert_ok!(<NativeAndAssets as frame_support::traits::fungibles::Mutate<_>>::mint_into(
			UST,
			&seller,
			10_000 * UNIT
		));
		let reserves = Amm::reserves(&MAAPL, &UST);
		let short = ShortParams { belief_price: None, max_spread: None };
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(seller.clone()),
				UST,
				3_600 * UNIT,
				MAAPL,
				fx(2, 1),
				Some(short)
			),
			Error::<Runtime>::CannotPayDeposit
		);
		assert_eq!(Amm::reserves(&MAAPL, &UST), reserves, "nothing was sold");
		// With MIR for the deposit the same short goes through and holds it.
		assert_ok!(
			<mirror_runtime::Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
				&seller, MIR_UNITS
			)
		);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(seller.clone()),
			UST,
			3_600 * UNIT,
			MAAPL,
			fx(2, 1),
			Some(short)
		));
		assert!(held(&seller) > 0);
		assert!(ShortStakes::<Runtime>::contains_key(&seller, &MAAPL));
	});
}

/// One MIR in base units.
const MIR_UNITS: u128 = mirror_runtime::MIR;
