//! Runtime tests of the Factory: a listing through every pallet, and emission reaching stakers.

mod common;

use common::{account, advance, dev_ext};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungibles::Inspect, Hooks},
	BoundedVec,
};
use mirror_primitives::{AssetId, WhitelistParams, UNIT, UST};
use mirror_runtime::{
	configs::NativeAndAssets, Amm, Factory, LpStaking, Mint, Oracle, Runtime, RuntimeOrigin,
};
use pallet_mirror_factory::{Error, Listings, Symbols, TotalWeight};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::FixedU128;

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

fn whitelist_nflx() -> AssetId {
	assert_ok!(Factory::whitelist(
		RuntimeOrigin::root(),
		b"Mirrored Netflix".to_vec().try_into().unwrap(),
		b"NFLX".to_vec().try_into().unwrap(),
		account(Alice),
		WhitelistParams {
			weight: None,
			auction_discount: fx(1, 5),
			min_collateral_ratio: fx(3, 2),
			ipo_params: None,
		},
	));
	Symbols::<Runtime>::get(BoundedVec::truncate_from(b"NFLX".to_vec())).expect("listed")
}

#[test]
fn genesis_weights_mir_300_and_each_dev_masset_100() {
	dev_ext().execute_with(|| {
		assert_eq!(Listings::<Runtime>::get(mirror_primitives::MIR).unwrap().weight, 300);
		assert_eq!(TotalWeight::<Runtime>::get(), 600);
	});
}

#[test]
fn whitelist_feed_mint_provide_bond_distribute_and_see_rewards() {
	dev_ext().execute_with(|| {
		<Factory as Hooks<u32>>::on_finalize(1);
		let bob = account(Bob);
		let nflx = whitelist_nflx();
		assert_eq!(TotalWeight::<Runtime>::get(), 630);
		// A second listing of the symbol (in any case) fails.
		assert_noop!(
			Factory::whitelist(
				RuntimeOrigin::root(),
				b"Again".to_vec().try_into().unwrap(),
				b"nflx".to_vec().try_into().unwrap(),
				account(Alice),
				WhitelistParams {
					weight: None,
					auction_discount: fx(1, 5),
					min_collateral_ratio: fx(3, 2),
					ipo_params: None,
				},
			),
			Error::<Runtime>::DuplicateSymbol
		);

		// Alice, its feeder, prices it at 400 UST.
		let prices: BoundedVec<_, _> = vec![(nflx.clone(), fx(400, 1))].try_into().unwrap();
		assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(account(Alice)), prices));

		// Bob mints 10 mNFLX against 8,000 UST at 200 %.
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			8_000 * UNIT,
			nflx.clone(),
			fx(2, 1),
			None
		));
		assert_eq!(NativeAndAssets::balance(nflx.clone(), &bob), 10 * UNIT);

		// He provides 10 mNFLX + 4,000 UST to its new pool and bonds the LP tokens.
		assert_ok!(Amm::provide_liquidity(
			RuntimeOrigin::signed(bob.clone()),
			nflx.clone(),
			10 * UNIT,
			UST,
			4_000 * UNIT,
			None,
			None
		));
		let lp = <Amm as mirror_primitives::ProvideLiquidity<_>>::lp_token(&nflx, &UST).unwrap();
		let lp_amount = NativeAndAssets::balance(lp, &bob);
		assert_ok!(LpStaking::bond(RuntimeOrigin::signed(bob.clone()), nflx.clone(), lp_amount));

		// A minute later anyone distributes: mNFLX's pool gets 30/630 of the minute's emission.
		advance(60);
		let info = Factory::distribution_info();
		let share = info.amounts.iter().find(|(a, _)| *a == nflx).map(|(_, x)| *x).unwrap();
		assert!(share > 0);
		assert_ok!(Factory::distribute(RuntimeOrigin::signed(bob.clone())));
		assert_noop!(
			Factory::distribute(RuntimeOrigin::signed(bob.clone())),
			Error::<Runtime>::DistributionTooEarly
		);
		let pending: u128 =
			LpStaking::reward_info(&bob, Some(nflx.clone())).iter().map(|r| r.pending_reward).sum();
		assert!(pending <= share && pending + 1 >= share, "{pending} vs {share}");
		let before = NativeAndAssets::balance(mirror_primitives::MIR, &bob);
		assert_ok!(LpStaking::withdraw_rewards(RuntimeOrigin::signed(bob.clone()), None));
		let after: u128 = NativeAndAssets::balance(mirror_primitives::MIR, &bob);
		assert_eq!(after - before, pending);
	});
}
