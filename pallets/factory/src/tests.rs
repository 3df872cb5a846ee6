//! The Factory's unit and property tests; every test ends with the pallet's invariants checked.

use crate::{mock::*, Error, Event, LastDistributed, Listings, Symbols, TotalWeight};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{
	DistributionPeriod, FactoryParameters, MintRegistry, NativeOrWithId, PreIpoParams,
	WhitelistParams,
};
use proptest::prelude::*;
use sp_runtime::DispatchError;

type Pallet = crate::Pallet<Test>;

fn name(s: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn symbol(s: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<8>> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn params(weight: Option<u32>) -> WhitelistParams<u128> {
	WhitelistParams {
		weight,
		auction_discount: fx(1, 5),
		min_collateral_ratio: fx(3, 2),
		ipo_params: None,
	}
}

fn whitelist(sym: &str, weight: Option<u32>) -> Result<(), DispatchError> {
	Pallet::whitelist(
		RuntimeOrigin::root(),
		name("Mirrored X"),
		symbol(sym),
		FEEDER,
		params(weight),
	)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn mir(who: u128) -> u128 {
	AllAssets::balance(MIR, &who)
}

const NEW: AssetId = NativeOrWithId::WithId(100);
use mirror_primitives::AssetId;

#[test]
fn genesis_lists_mir_and_the_genesis_masset() {
	run_test(|| {
		assert_eq!(Listings::<Test>::get(MIR).unwrap().weight, 300);
		assert_eq!(Listings::<Test>::get(AAPL).unwrap().weight, 100);
		assert_eq!(TotalWeight::<Test>::get(), 400);
		assert_eq!(crate::GenesisTime::<Test>::get(), T0);
		assert_eq!(LastDistributed::<Test>::get(), T0);
		assert_eq!(Pallet::distribution_info().next_distribution, T0 + 60);
	});
}

fn genesis_listing(sym: &str) -> crate::GenesisListingOf<Test> {
	crate::GenesisListing {
		name: b"Mirrored Netflix".to_vec(),
		symbol: sym.as_bytes().to_vec(),
		oracle_feeder: FEEDER,
		params: params(Some(100)),
		endowments: vec![(ALICE, 1_000), (FEEDER, 500)],
		liquidity: Some((ALICE, 400, 40_000)),
	}
}

#[test]
fn genesis_lists_through_the_whitelist_path_and_seeds_supply() {
	new_test_ext_with(vec![(ALICE, 50_000)], vec![genesis_listing("nflx")]).execute_with(|| {
		let lp = NativeOrWithId::WithId(101);
		// Listed as `whitelist` lists: token owned by the Factory, Mint config, feeder, UST
		// pool, reward pool, weight and symbol.
		assert_eq!(Listings::<Test>::get(NEW).unwrap().weight, 100);
		assert_eq!(TotalWeight::<Test>::get(), 500);
		assert_eq!(Symbols::<Test>::get(symbol("NFLX")), Some(NEW));
		assert_eq!(
			pallet_assets::Asset::<Test>::get(100).unwrap().owner,
			crate::Pallet::<Test>::account_id()
		);
		assert!(MockMint::asset_config(&NEW).is_some());
		assert!(FEEDERS.with(|f| f.borrow().contains(&(NEW, FEEDER))));
		assert_eq!(
			<MockAmm as mirror_primitives::ProvideLiquidity<u128>>::lp_token(&NEW, &UST),
			Some(lp.clone())
		);
		assert_eq!(
			STAKING.with(|s| s.borrow().get(&NEW).map(|(t, _)| t.clone())),
			Some(lp.clone())
		);
		// The endowments are minted, and the provider's liquidity sits in the pool.
		assert_eq!(AllAssets::balance(NEW.clone(), &ALICE), 600);
		assert_eq!(AllAssets::balance(NEW.clone(), &FEEDER), 500);
		assert_eq!(AllAssets::balance(NEW.clone(), &POOL_ACCOUNT), 400);
		assert_eq!(AllAssets::balance(UST, &POOL_ACCOUNT), 40_000);
		assert_eq!(AllAssets::balance(lp, &ALICE), 400);
		assert_eq!(AllAssets::total_issuance(NEW.clone()), 1_500);
		crate::Pallet::<Test>::do_try_state().expect("Factory invariants hold");
	});
}

#[test]
#[should_panic(expected = "genesis whitelist")]
fn genesis_whitelist_rejects_what_the_call_rejects() {
	// The same symbol twice fails as `whitelist` would.
	new_test_ext_with(
		vec![(ALICE, 100_000)],
		vec![genesis_listing("NFLX"), genesis_listing("nflx")],
	);
}

#[test]
#[should_panic(expected = "genesis whitelist")]
fn genesis_whitelist_fails_without_the_liquidity() {
	// Alice holds no UST for the pool.
	new_test_ext_with(vec![], vec![genesis_listing("NFLX")]);
}

#[test]
fn whitelist_lists_a_new_masset_everywhere() {
	run_test(|| {
		assert_ok!(whitelist("tsla", None));
		// The token: id 100, owned by the Factory, named mTSLA with 6 decimals.
		assert!(AllAssets::asset_exists(NEW));
		assert_eq!(pallet_assets::Asset::<Test>::get(100).unwrap().owner, Pallet::account_id());
		let metadata = pallet_assets::Metadata::<Test>::get(100);
		assert_eq!(metadata.symbol.to_vec(), b"mTSLA".to_vec());
		assert_eq!(metadata.decimals, 6);
		// Mint, the oracle, the AMM and the staking pool know it.
		assert_eq!(MockMint::asset_config(&NEW).unwrap().min_collateral_ratio, fx(3, 2));
		assert_eq!(feeders(), vec![(NEW, FEEDER)]);
		let lp =
			<MockAmm as mirror_primitives::ProvideLiquidity<u128>>::lp_token(&NEW, &UST).unwrap();
		assert_eq!(lp, NativeOrWithId::WithId(101));
		assert!(<MockLpStaking as mirror_primitives::RewardPools<u128>>::pool_exists(&NEW));
		// The default weight for new mAssets.
		assert_eq!(Listings::<Test>::get(NEW).unwrap().weight, 30);
		assert_eq!(TotalWeight::<Test>::get(), 430);
		assert_eq!(Symbols::<Test>::get(symbol("TSLA")), Some(NEW));
		assert_eq!(
			last_event(),
			Event::Whitelisted {
				asset: NEW,
				symbol: b"mTSLA".to_vec(),
				weight: 30,
				lp_token: lp,
				is_pre_ipo: false
			}
			.into()
		);
	});
}

#[test]
fn whitelist_rejects_bad_input() {
	run_test(|| {
		assert_noop!(
			Pallet::whitelist(
				RuntimeOrigin::signed(ALICE),
				name("X"),
				symbol("X"),
				FEEDER,
				params(None)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(whitelist("", None), Error::<Test>::InvalidSymbol);
		assert_noop!(whitelist("mX", None), Error::<Test>::InvalidSymbol);
		assert_noop!(whitelist("X-1", None), Error::<Test>::InvalidSymbol);
		assert_noop!(whitelist("X", Some(0)), Error::<Test>::ZeroWeight);
		assert_noop!(
			Pallet::whitelist(RuntimeOrigin::root(), name(""), symbol("X"), FEEDER, params(None)),
			Error::<Test>::InvalidName
		);
		// An upper-case M first is fine; symbols are upper-cased, so "Msft" is "MSFT" again.
		assert_ok!(whitelist("MSFT", None));
		assert_noop!(whitelist("Msft", None), Error::<Test>::DuplicateSymbol);
	});
}

#[test]
fn a_failure_anywhere_leaves_nothing_half_listed() {
	run_test(|| {
		// Mint refuses the parameters: no token, no pool, no listing.
		let mut bad = params(None);
		bad.min_collateral_ratio = fx(1, 1);
		assert_noop!(
			Pallet::whitelist(RuntimeOrigin::root(), name("X"), symbol("X"), FEEDER, bad),
			DispatchError::Other("MinCollateralRatioTooLow")
		);
		// LpStaking refuses the pool after everything else was done: all of it reverts.
		refuse_pools(true);
		let before = pallet_assets::NextAssetId::<Test>::get();
		assert_noop!(whitelist("X", None), DispatchError::Other("TooManyPools"));
		assert_eq!(pallet_assets::NextAssetId::<Test>::get(), before);
		assert!(!AllAssets::asset_exists(NEW));
	});
}

#[test]
fn whitelist_respects_the_asset_bound() {
	run_test(|| {
		// MaxAssets is 5 and 2 are listed.
		assert_ok!(whitelist("A", None));
		assert_ok!(whitelist("B", None));
		assert_ok!(whitelist("C", None));
		assert_noop!(whitelist("D", None), Error::<Test>::TooManyAssets);
	});
}

#[test]
fn a_pre_ipo_listing_mints_until_the_period_ends() {
	run_test(|| {
		let mut p = params(Some(50));
		p.ipo_params = Some(PreIpoParams {
			mint_period: 3_600,
			pre_ipo_price: fx(100, 1),
			min_collateral_ratio_after_ipo: fx(3, 2),
			trigger_account: ALICE,
		});
		assert_ok!(Pallet::whitelist(RuntimeOrigin::root(), name("X"), symbol("X"), FEEDER, p));
		let ipo = MockMint::asset_config(&NEW).unwrap().ipo_params.unwrap();
		assert_eq!(ipo.mint_end, T0 + 3_600);
		assert_eq!(ipo.pre_ipo_price, fx(100, 1));
		// Revoking it without an end price settles at the pre-IPO price.
		assert_ok!(Pallet::revoke_asset(RuntimeOrigin::root(), NEW, None));
		assert_eq!(last_event(), Event::AssetRevoked { asset: NEW, end_price: fx(100, 1) }.into());
	});
}

#[test]
fn update_weight_moves_the_total() {
	run_test(|| {
		assert_ok!(Pallet::update_weight(RuntimeOrigin::root(), AAPL, 40));
		assert_eq!(TotalWeight::<Test>::get(), 340);
		assert_eq!(last_event(), Event::WeightUpdated { asset: AAPL, weight: 40 }.into());
		assert_noop!(
			Pallet::update_weight(RuntimeOrigin::root(), AAPL, 0),
			Error::<Test>::ZeroWeight
		);
		assert_noop!(
			Pallet::update_weight(RuntimeOrigin::root(), NEW, 1),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Pallet::update_weight(RuntimeOrigin::signed(ALICE), AAPL, 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn revoke_asset_delists_at_the_end_price() {
	run_test(|| {
		assert_noop!(
			Pallet::revoke_asset(RuntimeOrigin::root(), NEW, None),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Pallet::revoke_asset(RuntimeOrigin::root(), MIR, None),
			Error::<Test>::NotAnMAsset
		);
		// No oracle price and none given.
		assert_noop!(
			Pallet::revoke_asset(RuntimeOrigin::root(), AAPL, None),
			Error::<Test>::NoEndPrice
		);
		set_price(AAPL, fx(180, 1));
		assert_ok!(Pallet::revoke_asset(RuntimeOrigin::root(), AAPL, None));
		assert_eq!(MockMint::asset_config(&AAPL).unwrap().end_price, Some(fx(180, 1)));
		assert!(Listings::<Test>::get(AAPL).is_none());
		assert_eq!(TotalWeight::<Test>::get(), 300);
		assert_eq!(last_event(), Event::AssetRevoked { asset: AAPL, end_price: fx(180, 1) }.into());
	});
}

#[test]
fn migrate_asset_replaces_the_token_with_the_same_terms() {
	run_test(|| {
		assert_ok!(whitelist("TSLA", Some(70)));
		assert_ok!(Pallet::migrate_asset(
			RuntimeOrigin::root(),
			name("Mirrored Tesla"),
			symbol("TSLA"),
			NEW,
			Some(fx(250, 1))
		));
		let new = NativeOrWithId::WithId(102);
		assert_eq!(
			last_event(),
			Event::AssetMigrated { from_asset: NEW, asset: new.clone(), end_price: fx(250, 1) }
				.into()
		);
		assert_eq!(Listings::<Test>::get(&new).unwrap().weight, 70);
		assert_eq!(Listings::<Test>::get(&new).unwrap().feeder, Some(FEEDER));
		assert_eq!(MockMint::asset_config(&NEW).unwrap().end_price, Some(fx(250, 1)));
		assert_eq!(Symbols::<Test>::get(symbol("TSLA")), Some(new));
		assert_eq!(TotalWeight::<Test>::get(), 470);
		// The genesis mAsset has a feeder on record; MIR is not an mAsset.
		assert_noop!(
			Pallet::migrate_asset(RuntimeOrigin::root(), name("M"), symbol("M"), MIR, None),
			Error::<Test>::NotAnMAsset
		);
	});
}

#[test]
fn update_config_validates_the_schedule() {
	run_test(|| {
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::root(), Some(0), None),
			Error::<Test>::InvalidParameters
		);
		let bad: mirror_primitives::DistributionSchedule =
			vec![DistributionPeriod { start: 10, end: 10, amount: 1 }].try_into().unwrap();
		assert_noop!(
			Pallet::update_config(RuntimeOrigin::root(), None, Some(bad)),
			Error::<Test>::InvalidParameters
		);
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), Some(30), None));
		assert_eq!(crate::Parameters::<Test>::get().distribution_interval, 30);
		assert_eq!(FactoryParameters::default().distribution_schedule.len(), 4);
	});
}

/// The block-1 race: a `distribute` included in block 1 ran before `on_finalize(1)` gave the
/// schedule its origin, measured time from the Unix epoch and released the whole schedule.
#[test]
fn a_distribute_in_block_1_pays_nothing() {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		// Back to the start of block 1, before its `on_finalize`.
		crate::GenesisTime::<Test>::kill();
		LastDistributed::<Test>::kill();
		System::set_block_number(1);
		set_time(T0);
		let factory = mir(Pallet::account_id());
		assert_noop!(
			Pallet::distribute(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::ScheduleNotStarted
		);
		assert_eq!(Pallet::distribution_info().pending_amount, 0);
		<Factory as frame_support::traits::Hooks<u64>>::on_finalize(1);
		assert_eq!(crate::GenesisTime::<Test>::get(), T0);
		// Block 2, 3 s later: not a distribution interval yet, and nothing accrued beyond 3 s.
		System::set_block_number(2);
		set_time(T0 + 3);
		assert_noop!(
			Pallet::distribute(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DistributionTooEarly
		);
		// The first minutes pay what the schedule says. Mainnet's schedule starts 6 h after
		// genesis: nothing is due in the first two minutes.
		set_time(T0 + 120);
		assert_eq!(Pallet::released(T0 + 120), Ok(0));
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(mir(Pallet::account_id()), factory);
		// A schedule paying 1,000 a second from genesis pays 1,000 for each second since.
		let schedule: mirror_primitives::DistributionSchedule =
			vec![DistributionPeriod { start: 0, end: 1_000, amount: 1_000_000 }]
				.try_into()
				.unwrap();
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), None, Some(schedule)));
		set_time(T0 + 180);
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(mir(Pallet::account_id()), factory - 60_000);
		set_time(T0 + 300);
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(mir(Pallet::account_id()), factory - 180_000);
		crate::Pallet::<Test>::do_try_state().expect("Factory invariants hold");
	});
}

#[test]
fn distribute_pays_the_schedule_by_weight() {
	run_test(|| {
		let schedule: mirror_primitives::DistributionSchedule =
			vec![DistributionPeriod { start: 0, end: 1_000, amount: 1_000_000 }]
				.try_into()
				.unwrap();
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), None, Some(schedule)));
		// Too early.
		set_time(T0 + 59);
		assert_noop!(
			Pallet::distribute(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DistributionTooEarly
		);
		// 100 s of 1,000 MIR/s: 100,000; MIR 300/400, mAAPL 100/400.
		set_time(T0 + 100);
		let factory = mir(Pallet::account_id());
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(deposited(&MIR), 75_000);
		assert_eq!(deposited(&AAPL), 25_000);
		assert_eq!(mir(Pallet::account_id()), factory - 100_000);
		assert_eq!(last_event(), Event::Distributed { amount: 100_000, pools: 2 }.into());
		assert_eq!(LastDistributed::<Test>::get(), T0 + 100);
		// Past the period's end only its rest is paid.
		set_time(T0 + 5_000);
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(deposited(&MIR) + deposited(&AAPL), 1_000_000);
		// Nothing left: a distribution pays nothing.
		set_time(T0 + 6_000);
		assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
		assert_eq!(last_event(), Event::Distributed { amount: 0, pools: 2 }.into());
	});
}

#[test]
fn distribute_fails_whole_without_funds() {
	run_test(|| {
		let schedule: mirror_primitives::DistributionSchedule =
			vec![DistributionPeriod { start: 0, end: 10, amount: FACTORY_MIR * 2 }]
				.try_into()
				.unwrap();
		assert_ok!(Pallet::update_config(RuntimeOrigin::root(), None, Some(schedule)));
		set_time(T0 + 100);
		assert_noop!(
			Pallet::distribute(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::InsufficientFunds
		);
		assert_eq!(deposited(&MIR), 0);
	});
}

#[test]
fn the_mainnet_schedule_releases_its_first_year_by_the_year_end() {
	run_test(|| {
		// 6 h after genesis the first period starts; by its end 54.9M MIR are released.
		let released = Pallet::released(T0 + 31_557_600).unwrap();
		assert!(released <= 54_900_000_000_000 && released > 54_899_999_000_000, "{released}");
		assert_eq!(Pallet::released(T0 + 21_600).unwrap(), 0);
	});
}

proptest! {
	/// However often `distribute` runs, the total paid never exceeds the schedule's amount and
	/// falls short of it by at most a unit per period and pool per distribution (rounding).
	#[test]
	fn distributions_never_exceed_the_schedule(steps in proptest::collection::vec(60u64..2_000, 1..20)) {
		run_test(|| {
			let schedule: mirror_primitives::DistributionSchedule = vec![
				DistributionPeriod { start: 0, end: 10_000, amount: 7_777_777 },
				DistributionPeriod { start: 10_000, end: 20_000, amount: 3_333_333 },
			]
			.try_into()
			.unwrap();
			assert_ok!(Pallet::update_config(RuntimeOrigin::root(), None, Some(schedule)));
			let mut now = T0;
			let mut runs = 0u128;
			for step in steps {
				now += step;
				set_time(now);
				assert_ok!(Pallet::distribute(RuntimeOrigin::signed(ALICE)));
				runs += 1;
			}
			let paid = deposited(&MIR) + deposited(&AAPL);
			let elapsed = (now - T0) as u128;
			let exact = if elapsed >= 20_000 {
				11_111_110
			} else if elapsed >= 10_000 {
				7_777_777 + 3_333_333 * (elapsed - 10_000) / 10_000
			} else {
				7_777_777 * elapsed / 10_000
			};
			assert!(paid <= exact + 1, "paid {paid} > {exact}");
			assert!(exact - paid.min(exact) <= runs * 6 + 2, "paid {paid}, exact {exact}");
		});
	}
}
