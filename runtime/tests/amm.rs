//! Runtime tests of the Amm with the real Assets and Balances pallets, and of the CollateralOracle
//! pricing collateral from the Amm's time-weighted price.

mod common;

use common::{account, advance, dev_ext};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use mirror_primitives::{
	NativeOrWithId, PriceSource, ProvideCollateralPrice, TwapProvider, MIR, UNIT, UST,
};
use mirror_runtime::{configs::NativeAndAssets, Amm, CollateralOracle, Runtime, RuntimeOrigin};
use sp_keyring::Sr25519Keyring;
use sp_runtime::FixedU128;

const MAAPL: mirror_primitives::AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[0].0);

#[test]
fn every_lp_token_is_named_after_its_pair() {
	use frame_support::traits::fungibles::metadata::Inspect as _;
	use mirror_runtime::Assets;
	dev_ext().execute_with(|| {
		let named = |lp| (Assets::symbol(lp), Assets::name(lp));
		let mir = Amm::pool_info(MIR, UST).expect("MIR pool").lp_token;
		assert_eq!(named(mir), (b"MIR-UST".to_vec(), b"MIR-UST LP".to_vec()));
		let maapl = Amm::pool_info(MAAPL, UST).expect("genesis pool").lp_token;
		assert_eq!(named(maapl), (b"mAAPL-UST".to_vec(), b"mAAPL-UST LP".to_vec()));
		// A pool created later is named the same way.
		let mtsla: mirror_primitives::AssetId =
			NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[1].0);
		assert_ok!(Amm::create_pair(
			RuntimeOrigin::signed(account(Sr25519Keyring::Bob)),
			MIR,
			mtsla.clone()
		));
		let lp = Amm::pool_info(MIR, mtsla).expect("new pool").lp_token;
		assert_eq!(named(lp), (b"MIR-mTSLA".to_vec(), b"MIR-mTSLA LP".to_vec()));
	});
}

#[test]
fn genesis_pools_hold_what_their_accounts_hold() {
	dev_ext().execute_with(|| {
		let pool = Amm::pool_info(MAAPL, UST).expect("genesis pool");
		assert_eq!((pool.reserve_a, pool.reserve_b), (1_800_000 * UNIT, 10_000 * UNIT));
		assert_eq!(NativeAndAssets::balance(UST, &pool.account), pool.reserve_a);
		assert_eq!(NativeAndAssets::balance(MAAPL, &pool.account), pool.reserve_b);
		let mir = Amm::pool_info(MIR, UST).expect("MIR pool");
		assert_eq!(NativeAndAssets::balance(MIR, &mir.account), mir.reserve_a);
		assert_eq!(mir.lp_token, 100, "LP tokens take ids from 100, MIR-UST first");
		assert_eq!(pool.lp_token, 102, "mAAPL (101) then its LP token");
	});
}

/// Every pool's recorded reserves equal its account's balances (the pallet's `try_state`, which
/// is compiled only for its own tests and try-runtime).
fn reserves_match_balances() {
	for (a, b) in [(MIR, UST), (UST, MAAPL)] {
		let pool = Amm::pool_info(a.clone(), b.clone()).expect("pool");
		assert_eq!(NativeAndAssets::balance(a, &pool.account), pool.reserve_a);
		assert_eq!(NativeAndAssets::balance(b, &pool.account), pool.reserve_b);
	}
}

#[test]
fn bob_swaps_mir_for_ust_and_the_fee_stays_in_the_pool() {
	dev_ext().execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let before = NativeAndAssets::balance(UST, &bob);
		let quote = Amm::simulate_swap(MIR, UST, 1_000 * UNIT).unwrap();
		assert_ok!(Amm::swap(
			RuntimeOrigin::signed(bob.clone()),
			MIR,
			UST,
			1_000 * UNIT,
			None,
			None,
			None
		));
		assert_eq!(NativeAndAssets::balance(UST, &bob) - before, quote.return_amount);
		assert!(quote.commission_amount > 0);
		// 1,000 MIR at 1.5 UST: about 1,495 UST after the commission and spread.
		assert!((1_490 * UNIT..1_500 * UNIT).contains(&quote.return_amount));
		reserves_match_balances();
	});
}

#[test]
fn bob_cannot_create_a_pair_that_exists() {
	dev_ext().execute_with(|| {
		assert_noop!(
			Amm::create_pair(RuntimeOrigin::signed(account(Sr25519Keyring::Bob)), UST, MAAPL),
			pallet_mirror_amm::Error::<Runtime>::PairExists
		);
	});
}

#[test]
fn collateral_can_be_priced_from_the_amm_time_weighted_price() {
	dev_ext().execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		// mAAPL (collateral since Mint listed it at genesis) priced from its pool's 5-minute
		// average instead of the oracle.
		assert_ok!(CollateralOracle::update_collateral_price_source(
			RuntimeOrigin::root(),
			MAAPL,
			PriceSource::AmmTwap { quote: UST, window: 300 },
		));
		// The genesis liquidity started the history: the pool is priced at once, at the genesis
		// price it has held since, and a trade in this block does not move it.
		assert_ok!(Amm::swap(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			MAAPL,
			180 * UNIT,
			None,
			None,
			None
		));
		let at_genesis_price =
			<CollateralOracle as ProvideCollateralPrice>::collateral_price(&MAAPL, 60).unwrap();
		assert_eq!(at_genesis_price.price, FixedU128::from_u32(180));
		advance(600);
		// A large purchase now moves the spot price but not the 5-minute average.
		assert_ok!(Amm::swap(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			MAAPL,
			500_000 * UNIT,
			None,
			None,
			None
		));
		let twap = <Amm as TwapProvider>::twap(&MAAPL, &UST, 300).unwrap();
		let priced =
			<CollateralOracle as ProvideCollateralPrice>::collateral_price(&MAAPL, 60).unwrap();
		assert_eq!(priced.price, twap);
		let spot = Amm::simulate_swap(MAAPL, UST, UNIT).unwrap().return_amount;
		assert!(spot > 240 * UNIT, "spot moved to {spot}");
		assert!(
			(FixedU128::from_u32(179)..FixedU128::from_u32(181)).contains(&priced.price),
			"the average stays near 180: {:?}",
			priced.price
		);
	});
}
