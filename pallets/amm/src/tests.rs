//! Unit tests of the Amm pallet, with hand-computed numbers from the formulas (spec §3.13, §3.14).
//! Every test ends with the pallet's `try_state` checks (`run_test`).

use crate::{mock::*, Error, Event, Pools};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{
	NativeOrWithId, ProvideLiquidity, QuoteSwap, SpreadLimit, Swap, TwapError, TwapProvider,
};
use sp_runtime::{DispatchError, FixedU128};

fn create(a: mirror_primitives::AssetId, b: mirror_primitives::AssetId) {
	assert_ok!(Amm::create_pair(RuntimeOrigin::signed(ALICE), a, b));
}

fn provide(
	who: u128,
	a: mirror_primitives::AssetId,
	da: u128,
	b: mirror_primitives::AssetId,
	db: u128,
) {
	assert_ok!(Amm::provide_liquidity(RuntimeOrigin::signed(who), a, da, b, db, None, None));
}

fn bal(asset: mirror_primitives::AssetId, who: u128) -> u128 {
	AllAssets::balance(asset, &who)
}

fn pool_account() -> u128 {
	Amm::pool_account(&(UST, AAPL))
}

/// A UST/mAAPL pool with 2,000,000 UST and 1,000,000 mAAPL from Alice.
fn seeded() -> mirror_primitives::AssetId {
	create(AAPL, UST);
	provide(ALICE, AAPL, 1_000_000, UST, 2_000_000);
	NativeOrWithId::WithId(Pools::<Test>::get((UST, AAPL)).unwrap().lp_token)
}

#[test]
fn lp_tokens_are_named_after_their_pair_with_ust_last() {
	run_test(|| {
		use frame_support::traits::fungibles::metadata::Inspect as _;
		let root = || RuntimeOrigin::root();
		assert_ok!(Assets::force_set_metadata(
			root(),
			1,
			b"TerraUSD".to_vec(),
			b"UST".to_vec(),
			6,
			false
		));
		assert_ok!(Assets::force_set_metadata(
			root(),
			2,
			b"Apple".to_vec(),
			b"mAAPL".to_vec(),
			6,
			false
		));
		create(UST, AAPL);
		let lp = Pools::<Test>::get((UST, AAPL)).unwrap().lp_token;
		assert_eq!(Assets::symbol(lp), b"mAAPL-UST".to_vec());
		assert_eq!(Assets::name(lp), b"mAAPL-UST LP".to_vec());
		create(MIR, UST);
		let lp = Pools::<Test>::get((MIR, UST)).unwrap().lp_token;
		assert_eq!(Assets::symbol(lp), b"MIR-UST".to_vec());
		// Without UST, in the order given; a symbol too long for a name falls back to ids.
		assert_eq!(
			Amm::lp_token_metadata(&MIR, &AAPL),
			(b"MIR-mAAPL LP".to_vec(), b"MIR-mAAPL".to_vec())
		);
		let long = alloc_symbol(30);
		assert_ok!(Assets::force_set_metadata(root(), 3, b"Tesla".to_vec(), long, 6, false));
		assert_eq!(Amm::lp_token_metadata(&TSLA, &UST), (b"LP 3-1".to_vec(), b"LP 3-1".to_vec()));
	});
}

fn alloc_symbol(len: usize) -> Vec<u8> {
	vec![b'X'; len]
}

#[test]
fn create_pair_makes_a_pool_an_account_and_an_lp_token() {
	run_test(|| {
		let before = bal(MIR, ALICE);
		create(AAPL, UST);
		let pool = Pools::<Test>::get((UST, AAPL)).expect("ordered key");
		assert_eq!(pool.lp_token, 100);
		assert!(Assets::asset_exists(100));
		use frame_support::traits::fungibles::metadata::Inspect as _;
		assert_eq!(Assets::decimals(100), 6);
		// The mock's tokens have no metadata: the LP token is named by its pair's ids.
		assert_eq!(Assets::symbol(100), b"LP 2-1".to_vec());
		assert_eq!(Assets::name(100), b"LP 2-1".to_vec());
		assert_eq!(bal(MIR, ALICE), before - 100, "the creation fee is burnt");
		System::assert_last_event(
			Event::PairCreated {
				creator: ALICE,
				asset_a: UST,
				asset_b: AAPL,
				pool_account: pool_account(),
				lp_token: 100,
			}
			.into(),
		);
		// MIR pairs work too.
		create(MIR, UST);
		assert!(Pools::<Test>::contains_key((MIR, UST)));
	});
}

#[test]
fn create_pair_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			Amm::create_pair(RuntimeOrigin::signed(ALICE), UST, UST),
			Error::<Test>::IdenticalAssets
		);
		create(UST, AAPL);
		assert_noop!(
			Amm::create_pair(RuntimeOrigin::signed(BOB), AAPL, UST),
			Error::<Test>::PairExists
		);
		assert_noop!(
			Amm::create_pair(RuntimeOrigin::signed(ALICE), UST, NativeOrWithId::WithId(77)),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(Amm::create_pair(RuntimeOrigin::none(), UST, TSLA), DispatchError::BadOrigin);
		// Too poor to pay the fee of 100 and keep the existential deposit of 10.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), 9, 105));
		assert_noop!(
			Amm::create_pair(RuntimeOrigin::signed(9), UST, TSLA),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn first_deposit_mints_the_geometric_mean_minus_the_locked_minimum() {
	run_test(|| {
		let lp = seeded();
		// ⌊√(1,000,000 × 2,000,000)⌋ = 1,414,213; 1,000 locked in the pool account.
		assert_eq!(bal(lp.clone(), ALICE), 1_413_213);
		assert_eq!(bal(lp.clone(), pool_account()), 1_000);
		let pool = Pools::<Test>::get((UST, AAPL)).unwrap();
		assert_eq!(
			(pool.reserve_a, pool.reserve_b, pool.total_shares),
			(2_000_000, 1_000_000, 1_414_213)
		);
		System::assert_last_event(
			Event::LiquidityProvided {
				who: ALICE,
				receiver: ALICE,
				asset_a: UST,
				asset_b: AAPL,
				amount_a: 2_000_000,
				amount_b: 1_000_000,
				lp_minted: 1_413_213,
			}
			.into(),
		);
	});
}

#[test]
fn a_first_deposit_at_or_below_the_minimum_fails() {
	run_test(|| {
		create(UST, AAPL);
		// √(1000 × 1000) = 1000: nothing left over the lock.
		assert_noop!(
			Amm::provide_liquidity(
				RuntimeOrigin::signed(ALICE),
				UST,
				1_000,
				AAPL,
				1_000,
				None,
				None
			),
			Error::<Test>::InsufficientLiquidityMinted
		);
	});
}

#[test]
fn later_deposits_get_the_smaller_proportional_share() {
	run_test(|| {
		let lp = seeded();
		// 200,000 UST + 150,000 mAAPL into 2,000,000/1,000,000 with S = 1,414,213:
		// min(⌊200,000 × S / 2,000,000⌋, ⌊150,000 × S / 1,000,000⌋) = min(141,421, 212,131).
		assert_ok!(Amm::provide_liquidity(
			RuntimeOrigin::signed(BOB),
			UST,
			200_000,
			AAPL,
			150_000,
			None,
			Some(CHARLIE)
		));
		assert_eq!(bal(lp.clone(), CHARLIE), 141_421);
		assert_eq!(bal(lp, BOB), 0);
		assert_eq!(bal(UST, BOB), BALANCE - 200_000);
	});
}

#[test]
fn slippage_tolerance_is_enforced() {
	run_test(|| {
		seeded();
		let one_percent = Some(FixedU128::from_rational(1, 100));
		// Pool 2:1; deposit 2.05:1 (2.5 % off) fails at 1 %.
		assert_noop!(
			Amm::provide_liquidity(
				RuntimeOrigin::signed(BOB),
				UST,
				205_000,
				AAPL,
				100_000,
				one_percent,
				None
			),
			Error::<Test>::MaxSlippageAssertion
		);
		assert_ok!(Amm::provide_liquidity(
			RuntimeOrigin::signed(BOB),
			UST,
			201_000,
			AAPL,
			100_000,
			one_percent,
			None
		));
	});
}

#[test]
fn provide_rejects_bad_input() {
	run_test(|| {
		seeded();
		let s = RuntimeOrigin::signed;
		assert_noop!(
			Amm::provide_liquidity(s(BOB), UST, 0, AAPL, 1, None, None),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Amm::provide_liquidity(s(BOB), UST, 1, UST, 1, None, None),
			Error::<Test>::IdenticalAssets
		);
		assert_noop!(
			Amm::provide_liquidity(s(BOB), UST, 1, TSLA, 1, None, None),
			Error::<Test>::UnknownPair
		);
		assert_noop!(
			Amm::provide_liquidity(s(BOB), UST, BALANCE + 1, AAPL, 1_000, None, None),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn withdraw_pays_the_pro_rata_share_and_burns_lp() {
	run_test(|| {
		let lp = seeded();
		// 141,421 of 1,414,213 shares: from_ratio = 0.099999929289… ;
		// ⌊2,000,000 × r⌋ = 199,999, ⌊1,000,000 × r⌋ = 99,999.
		let (ust0, aapl0) = (bal(UST, ALICE), bal(AAPL, ALICE));
		assert_ok!(Amm::withdraw_liquidity(RuntimeOrigin::signed(ALICE), AAPL, UST, 141_421));
		assert_eq!(bal(UST, ALICE) - ust0, 199_999);
		assert_eq!(bal(AAPL, ALICE) - aapl0, 99_999);
		assert_eq!(bal(lp, ALICE), 1_413_213 - 141_421);
		System::assert_last_event(
			Event::LiquidityWithdrawn {
				who: ALICE,
				asset_a: UST,
				asset_b: AAPL,
				lp_burned: 141_421,
				amount_a: 199_999,
				amount_b: 99_999,
			}
			.into(),
		);
	});
}

#[test]
fn withdraw_rejects_bad_input() {
	run_test(|| {
		seeded();
		let s = RuntimeOrigin::signed;
		assert_noop!(Amm::withdraw_liquidity(s(ALICE), UST, AAPL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Amm::withdraw_liquidity(s(BOB), UST, AAPL, 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Amm::withdraw_liquidity(s(ALICE), UST, TSLA, 1), Error::<Test>::UnknownPair);
		assert_noop!(
			Amm::withdraw_liquidity(s(ALICE), UST, UST, 1),
			Error::<Test>::IdenticalAssets
		);
	});
}

#[test]
fn a_swap_matches_the_formula_and_leaves_the_commission_in_the_pool() {
	run_test(|| {
		seeded();
		// Sell 10,000 mAAPL into 1,000,000 mAAPL / 2,000,000 UST: return 19,742, spread 199,
		// commission 59 (see math::tests).
		let ust0 = bal(UST, BOB);
		assert_ok!(Amm::swap(RuntimeOrigin::signed(BOB), AAPL, UST, 10_000, None, None, None));
		assert_eq!(bal(UST, BOB) - ust0, 19_742);
		let pool = Pools::<Test>::get((UST, AAPL)).unwrap();
		assert_eq!((pool.reserve_a, pool.reserve_b), (2_000_000 - 19_742, 1_010_000));
		System::assert_last_event(
			Event::Swapped {
				who: BOB,
				offer_asset: AAPL,
				ask_asset: UST,
				offer_amount: 10_000,
				return_amount: 19_742,
				spread_amount: 199,
				commission_amount: 59,
				to: BOB,
			}
			.into(),
		);
	});
}

#[test]
fn max_spread_is_checked_on_the_net_return_and_a_failed_swap_changes_nothing() {
	run_test(|| {
		seeded();
		let s = RuntimeOrigin::signed;
		// Belief 0.5 UST/mAAPL inverted: expects 20,000 UST for 10,000 mAAPL; net 19,742 is
		// 1.29 % short. The original (gross 19,801) check would have passed at 1 %.
		let belief = Some(FixedU128::from_rational(1, 2));
		assert_noop!(
			Amm::swap(
				s(BOB),
				AAPL,
				UST,
				10_000,
				belief,
				Some(FixedU128::from_rational(1, 100)),
				None
			),
			Error::<Test>::MaxSpreadAssertion
		);
		assert_noop!(
			Amm::swap(
				s(BOB),
				AAPL,
				UST,
				10_000,
				None,
				Some(FixedU128::from_rational(1, 100)),
				None
			),
			Error::<Test>::MaxSpreadAssertion
		);
		assert_ok!(Amm::swap(
			s(BOB),
			AAPL,
			UST,
			10_000,
			belief,
			Some(FixedU128::from_rational(13, 1000)),
			Some(CHARLIE)
		));
		assert_eq!(bal(UST, CHARLIE), BALANCE + 19_742);
	});
}

#[test]
fn swap_rejects_bad_input() {
	run_test(|| {
		seeded();
		let s = RuntimeOrigin::signed;
		assert_noop!(Amm::swap(s(BOB), AAPL, UST, 0, None, None, None), Error::<Test>::ZeroAmount);
		assert_noop!(
			Amm::swap(s(BOB), AAPL, AAPL, 1, None, None, None),
			Error::<Test>::IdenticalAssets
		);
		assert_noop!(Amm::swap(s(BOB), TSLA, UST, 1, None, None, None), Error::<Test>::UnknownPair);
		assert_noop!(
			Amm::swap(s(BOB), AAPL, UST, BALANCE + 1, None, None, None),
			Error::<Test>::InsufficientBalance
		);
		create(TSLA, UST);
		assert_noop!(
			Amm::swap(s(BOB), TSLA, UST, 10, None, None, None),
			Error::<Test>::InsufficientLiquidity
		);
	});
}

#[test]
fn a_route_swaps_through_pools_and_checks_the_minimum() {
	run_test(|| {
		seeded();
		create(TSLA, UST);
		provide(ALICE, TSLA, 500_000, UST, 2_000_000);
		let path: BoundedVec<_, _> = vec![AAPL, UST, TSLA].try_into().unwrap();
		let expected = Amm::simulate_route(path.to_vec(), 10_000).unwrap();
		// Hop 1 returns 19,742 UST; hop 2 sells them into 2,000,000 UST / 500,000 mTSLA.
		let hop2 = crate::math::compute_swap(
			2_000_000,
			500_000,
			19_742,
			FixedU128::from_rational(3, 1000),
		)
		.unwrap();
		assert_eq!(expected, hop2.return_amount);
		assert_noop!(
			Amm::swap_route(
				RuntimeOrigin::signed(BOB),
				path.clone(),
				10_000,
				Some(expected + 1),
				None
			),
			Error::<Test>::MinimumReceiveNotMet
		);
		let tsla0 = bal(TSLA, BOB);
		assert_ok!(Amm::swap_route(RuntimeOrigin::signed(BOB), path, 10_000, Some(expected), None));
		assert_eq!(bal(TSLA, BOB) - tsla0, expected);
		// The intermediate UST went pool to pool.
		assert_eq!(bal(UST, BOB), BALANCE);
	});
}

#[test]
fn route_rejects_bad_paths() {
	run_test(|| {
		seeded();
		let s = RuntimeOrigin::signed;
		let one: BoundedVec<_, _> = vec![AAPL].try_into().unwrap();
		assert_noop!(Amm::swap_route(s(BOB), one, 10, None, None), Error::<Test>::InvalidPath);
		let repeat: BoundedVec<_, _> = vec![AAPL, AAPL].try_into().unwrap();
		assert_noop!(Amm::swap_route(s(BOB), repeat, 10, None, None), Error::<Test>::InvalidPath);
		let missing: BoundedVec<_, _> = vec![AAPL, UST, TSLA].try_into().unwrap();
		assert_noop!(Amm::swap_route(s(BOB), missing, 10, None, None), Error::<Test>::UnknownPair);
		assert!(BoundedVec::<_, frame_support::traits::ConstU32<4>>::try_from(vec![
			MIR, UST, AAPL, UST, TSLA
		])
		.is_err());
	});
}

#[test]
fn the_time_weighted_price_averages_over_the_window() {
	run_test(|| {
		seeded(); // at T0: 2 UST per mAAPL; first observation at T0.
		assert_eq!(<Amm as TwapProvider>::twap(&AAPL, &UST, 60), Err(TwapError::NotEnoughHistory));
		advance(100);
		// Nothing traded for 100 s: the average is the spot price, 2 UST per mAAPL.
		assert_eq!(<Amm as TwapProvider>::twap(&AAPL, &UST, 60), Ok(FixedU128::from_u32(2)));
		assert_eq!(
			<Amm as TwapProvider>::twap(&UST, &AAPL, 60),
			Ok(FixedU128::from_rational(1, 2))
		);
		// A big trade now moves spot a lot but the 100 s average little.
		assert_ok!(Amm::swap(RuntimeOrigin::signed(BOB), UST, AAPL, 2_000_000, None, None, None));
		let spot = FixedU128::from_rational(
			Amm::reserves(&AAPL, &UST).unwrap().1,
			Amm::reserves(&AAPL, &UST).unwrap().0,
		);
		assert!(spot > FixedU128::from_u32(7));
		assert_eq!(<Amm as TwapProvider>::twap(&AAPL, &UST, 60), Ok(FixedU128::from_u32(2)));
		advance(100);
		let avg = <Amm as TwapProvider>::twap(&AAPL, &UST, 150).unwrap();
		assert!(avg > FixedU128::from_u32(2) && avg < spot, "{avg:?} between 2 and {spot:?}");
		assert!(!Pools::<Test>::get((UST, AAPL)).unwrap().observations.is_empty());
		assert_eq!(<Amm as TwapProvider>::twap(&TSLA, &UST, 60), Err(TwapError::NoPool));
	});
}

#[test]
fn the_amm_roles_quote_swap_and_provide_for_other_pallets() {
	run_test(|| {
		let lp = seeded();
		let quote = Amm::quote(&AAPL, &UST, 10_000).unwrap();
		assert_eq!(
			(quote.return_amount, quote.spread_amount, quote.commission_amount),
			(19_742, 199, 59)
		);
		let done = <Amm as Swap<u128>>::swap(
			&BOB,
			&BOB,
			&AAPL,
			&UST,
			10_000,
			SpreadLimit::Unchecked,
			&CHARLIE,
		)
		.unwrap();
		assert_eq!(done, quote);
		assert_eq!(bal(UST, CHARLIE), BALANCE + 19_742);
		assert_eq!(Amm::reserves(&AAPL, &UST), Some((1_010_000, 2_000_000 - 19_742)));
		assert_eq!(Amm::lp_token(&UST, &AAPL), Some(lp));
		let minted = <Amm as ProvideLiquidity<u128>>::provide_liquidity(
			&BOB, &UST, 19_742, &AAPL, 10_000, None, &BOB,
		)
		.unwrap();
		assert!(minted > 0);
		let reverse = Amm::quote_for_return(&AAPL, &UST, 19_742).unwrap();
		assert_eq!(reverse, Amm::reverse_simulate_swap(AAPL, UST, 19_742).unwrap());
		assert!(reverse.offer_amount > 0);
	});
}

#[test]
fn a_swap_made_for_a_trader_names_the_trader_and_is_paid_by_the_payer() {
	run_test(|| {
		seeded();
		let quote = Amm::quote(&AAPL, &UST, 10_000).unwrap();
		let limit = SpreadLimit::MaxSpread(FixedU128::from_rational(2, 100));
		assert_ok!(<Amm as Swap<u128>>::swap(&BOB, &ALICE, &AAPL, &UST, 10_000, limit, &CHARLIE));
		assert_eq!(bal(AAPL, BOB), BALANCE - 10_000);
		assert_eq!(bal(UST, CHARLIE), BALANCE + quote.return_amount);
		System::assert_last_event(
			Event::Swapped {
				who: ALICE,
				offer_asset: AAPL,
				ask_asset: UST,
				offer_amount: 10_000,
				return_amount: quote.return_amount,
				spread_amount: quote.spread_amount,
				commission_amount: quote.commission_amount,
				to: CHARLIE,
			}
			.into(),
		);
		// Beyond the limit the swap fails and changes nothing.
		let tight = SpreadLimit::MaxSpread(FixedU128::from_rational(1, 1000));
		assert_noop!(
			<Amm as Swap<u128>>::swap(&BOB, &ALICE, &AAPL, &UST, 10_000, tight, &CHARLIE),
			Error::<Test>::MaxSpreadAssertion
		);
	});
}

#[test]
fn twap_up_to_uses_the_longest_window_the_history_holds() {
	run_test(|| {
		seeded(); // at T0: 2 UST per mAAPL; first observation at T0.
			// Younger than one observation period (60 s in the mock): no window yet.
		advance(30);
		assert_eq!(
			<Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 3_600),
			Err(TwapError::NotEnoughHistory)
		);
		// 90 s of history: a 90 s window, although 3,600 s were asked for.
		advance(60);
		assert_eq!(
			<Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 3_600),
			Ok((FixedU128::from_u32(2), 90))
		);
		// A large swap right now moves the average by nothing (it has lasted 0 s)...
		assert_ok!(Amm::swap(RuntimeOrigin::signed(BOB), UST, AAPL, 2_000_000, None, None, None));
		assert_eq!(
			<Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 3_600),
			Ok((FixedU128::from_u32(2), 90))
		);
		// ...and 10 s later by its time share: at most 10/100 of the spot move.
		advance(10);
		let (reserve_asset, reserve_ust) = Amm::reserves(&AAPL, &UST).unwrap();
		let spot = FixedU128::from_rational(reserve_ust, reserve_asset);
		let (avg, window) = <Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 3_600).unwrap();
		assert_eq!(window, 100);
		let bound =
			FixedU128::from_u32(2) + (spot - FixedU128::from_u32(2)) / FixedU128::from_u32(10);
		// (A few 10^-18 of rounding aside.)
		let bound = bound + FixedU128::from_inner(1_000);
		assert!(avg > FixedU128::from_u32(2) && avg <= bound, "{avg:?} within {bound:?}");
		// A window shorter than the history: the oldest observation inside it.
		advance(200);
		let (_, window) = <Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 250).unwrap();
		assert!((60..=250).contains(&window), "{window}");
		// No observation inside a short window: the newest one older than it.
		let (_, window) = <Amm as TwapProvider>::twap_up_to(&AAPL, &UST, 61).unwrap();
		assert!(window > 61, "{window}");
		assert_eq!(<Amm as TwapProvider>::twap_up_to(&TSLA, &UST, 60), Err(TwapError::NoPool));
	});
}

#[test]
fn a_slippage_tolerance_above_one_is_invalid() {
	run_test(|| {
		let s = RuntimeOrigin::signed;
		seeded();
		let above = FixedU128::from_rational(101, 100);
		assert_noop!(
			Amm::provide_liquidity(s(ALICE), AAPL, 10, UST, 20, Some(above), None),
			Error::<Test>::InvalidSlippageTolerance
		);
		// Exactly 1 is a valid (if loose) tolerance.
		assert_ok!(Amm::provide_liquidity(
			s(ALICE),
			AAPL,
			10,
			UST,
			20,
			Some(FixedU128::from_u32(1)),
			None
		));
	});
}

#[test]
fn a_deposit_above_the_balance_is_insufficient_balance_not_overflow() {
	run_test(|| {
		let s = RuntimeOrigin::signed;
		seeded();
		assert_noop!(
			Amm::provide_liquidity(s(ALICE), AAPL, u128::MAX, UST, u128::MAX, None, None),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Amm::provide_liquidity(s(ALICE), AAPL, 10, UST, u128::MAX, None, None),
			Error::<Test>::InsufficientBalance
		);
		// Into an empty pool too (the first deposit's square root).
		create(TSLA, UST);
		assert_noop!(
			Amm::provide_liquidity(s(ALICE), TSLA, u128::MAX, UST, u128::MAX, None, None),
			Error::<Test>::InsufficientBalance
		);
	});
}

/// Fuzz finding 4: a pool's account that falls below its asset's minimum balance loses the rest
/// as dust, and the recorded reserve no longer matches the balance. Swaps and withdrawals that
/// would leave less are refused (MIR's existential deposit is 10 in the mock).
#[test]
fn no_swap_or_withdrawal_leaves_a_reserve_below_its_minimum_balance() {
	run_test(|| {
		create(MIR, UST);
		provide(ALICE, MIR, 1_000, UST, 4_000_000);
		// The most a swap can take is 99.7 % of the reserve (the commission): 996 of 1,000
		// MIR, which would leave 4.
		assert_noop!(
			Amm::swap(RuntimeOrigin::signed(BOB), UST, MIR, BALANCE / 2, None, None, None),
			Error::<Test>::ReserveLeftLessThanMinimal
		);
		// A swap that leaves at least 10 goes through.
		assert_ok!(Amm::swap(RuntimeOrigin::signed(BOB), UST, MIR, 1_000_000, None, None, None));
		let pool = Pools::<Test>::get((MIR, UST)).unwrap();
		assert!(pool.reserve_a >= 10);
	});
	run_test(|| {
		create(MIR, UST);
		// sqrt(100 × 400,000,000) = 200,000 shares, 1,000 of them locked: withdrawing all of
		// Alice's would leave 100 × 1,000 / 200,000 → 1 MIR unit in the pool.
		provide(ALICE, MIR, 100, UST, 400_000_000);
		let lp = NativeOrWithId::WithId(Pools::<Test>::get((MIR, UST)).unwrap().lp_token);
		let all = bal(lp.clone(), ALICE);
		assert_eq!(all, 199_000);
		assert_noop!(
			Amm::withdraw_liquidity(RuntimeOrigin::signed(ALICE), MIR, UST, all),
			Error::<Test>::ReserveLeftLessThanMinimal
		);
		// Half of it leaves 50.
		assert_ok!(Amm::withdraw_liquidity(RuntimeOrigin::signed(ALICE), MIR, UST, all / 2));
		assert_eq!(bal(lp, ALICE), all - all / 2);
	});
}
