//! Runtime tests of Mint wired to the real Oracle, CollateralOracle, Assets and Balances.

mod common;

use common::{account, advance, dev_ext, feeder};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{
	AssetId, CollateralStatus, MintParameters, NativeOrWithId, PositionFilter,
	ProvideCollateralPrice, SortOrder, MIR, UNIT, UST,
};
use mirror_runtime::{
	configs::{FeeCollectorAccount, NativeAndAssets},
	genesis_config_presets::{dev_masset_config, volatile_multiplier},
	CollateralOracle, Mint, Oracle, Runtime, RuntimeOrigin, EXISTENTIAL_DEPOSIT,
};
use pallet_mirror_mint::{Error, Positions, UnbackedSupply};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
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

fn last_position() -> u64 {
	pallet_mirror_mint::NextPositionId::<Runtime>::get() - 1
}

#[test]
fn genesis_lists_the_dev_massets_as_collateral() {
	dev_ext().execute_with(|| {
		for asset in [MAAPL, MTSLA] {
			assert_eq!(
				pallet_mirror_mint::AssetConfigs::<Runtime>::get(&asset),
				Some(dev_masset_config())
			);
			assert_eq!(
				<CollateralOracle as ProvideCollateralPrice>::collateral_status(&asset),
				Ok(CollateralStatus {
					multiplier: FixedU128::from_u32(1),
					is_revoked: false,
					scheduled_multiplier: None
				})
			);
			// Everything in circulation at genesis is unbacked.
			assert_eq!(
				UnbackedSupply::<Runtime>::get(&asset),
				NativeAndAssets::total_issuance(asset)
			);
		}
		assert_eq!(pallet_mirror_mint::Parameters::<Runtime>::get().lock_period, 120);
		assert_eq!(
			pallet_mirror_mint::Parameters::<Runtime>::get().protocol_fee_rate,
			MintParameters::default().protocol_fee_rate
		);
		assert_eq!(NativeAndAssets::balance(MIR, &Mint::account_id()), EXISTENTIAL_DEPOSIT);
		assert!(NativeAndAssets::balance(MIR, &FeeCollectorAccount::get()) > 0);
	});
}

#[test]
fn bob_opens_a_ust_position_mints_and_burns_with_the_fee() {
	dev_ext().execute_with(|| {
		feed();
		let bob = account(Bob);
		let before = NativeAndAssets::balance(MAAPL, &bob);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			3_600 * UNIT,
			MAAPL,
			fx(2, 1),
			None
		));
		let id = last_position();
		// 3,600 UST at 200 % and 180 UST: ⌊⌊3,600e6 × 0.005555555555555555⌋ × 0.5⌋ = 9,999,999
		// (the original's 1e-9 helpers round 1/180 down).
		assert_eq!(NativeAndAssets::balance(MAAPL, &bob) - before, 9_999_999);
		assert_ok!(Mint::mint(RuntimeOrigin::signed(bob.clone()), id, 3 * UNIT, None));
		// 12.999999 mAAPL need 3,509.99973 UST; one more needs 3,779.99973.
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(bob.clone()), id, UNIT, None),
			Error::<Runtime>::InsufficientCollateralRatio
		);
		assert_noop!(
			Mint::withdraw(RuntimeOrigin::signed(bob.clone()), id, Some(91 * UNIT)),
			Error::<Runtime>::InsufficientCollateralRatio
		);
		let collector = FeeCollectorAccount::get();
		assert_ok!(Mint::burn(RuntimeOrigin::signed(bob.clone()), id, 5 * UNIT));
		// Fee: 5 × 180 × 1.5 % = 13.5 UST.
		assert_eq!(NativeAndAssets::balance(UST, &collector), 13_500_000);
		assert_eq!(
			Positions::<Runtime>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((3_600 * UNIT - 13_500_000, 7_999_999))
		);
		assert_eq!(
			Mint::positions(PositionFilter::Owner(bob), None, 0, SortOrder::Descending).len(),
			1
		);
	});
}

#[test]
fn mir_collateral_is_priced_by_the_oracle_with_its_multiplier() {
	dev_ext().execute_with(|| {
		feed();
		let charlie = account(Charlie);
		// MCR 1.5 ×₉ 1.3333334 = 2.0000001.
		assert_eq!(volatile_multiplier(), fx(13_333_334, 10_000_000));
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(charlie.clone()),
				MIR,
				1_000 * UNIT,
				MAAPL,
				fx(2, 1),
				None
			),
			Error::<Runtime>::InsufficientCollateralRatio
		);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(charlie.clone()),
			MIR,
			1_000 * UNIT,
			MAAPL,
			FixedU128::from_inner(2_000_000_100_000_000_000),
			None
		));
		assert_eq!(
			NativeAndAssets::balance(MIR, &Mint::account_id()),
			EXISTENTIAL_DEPOSIT + 1_000 * UNIT
		);
		// mAAPL itself is collateral for an mTSLA position.
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(charlie),
			MAAPL,
			10 * UNIT,
			MTSLA,
			fx(3, 1),
			None
		));
		// 10 × 180 / 250 / 3 = 2.4 mTSLA, less the last unit to the helpers' flooring.
		assert_eq!(
			Positions::<Runtime>::get(last_position()).map(|p| p.asset_amount),
			Some(2_399_999)
		);
	});
}

#[test]
fn stale_prices_stop_minting_but_not_deposits() {
	dev_ext().execute_with(|| {
		feed();
		let bob = account(Bob);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			1_000 * UNIT,
			MAAPL,
			fx(2, 1),
			None
		));
		let id = last_position();
		advance(61);
		assert_noop!(
			Mint::mint(RuntimeOrigin::signed(bob.clone()), id, 1, None),
			Error::<Runtime>::PriceUnavailable
		);
		assert_ok!(Mint::deposit(RuntimeOrigin::signed(bob), id, UNIT));
	});
}

#[test]
fn registering_an_masset_registers_its_collateral() {
	dev_ext().execute_with(|| {
		// A token Alice issues can be minted outside Mint: it is refused (found by the fuzzer).
		let alices = 49u32;
		assert_ok!(mirror_runtime::Assets::force_create(
			RuntimeOrigin::root(),
			alices.into(),
			account(Alice).into(),
			false,
			1
		));
		assert_noop!(
			Mint::register_asset(
				RuntimeOrigin::root(),
				NativeOrWithId::WithId(alices),
				fx(1, 5),
				fx(13, 10),
				None
			),
			pallet_mirror_mint::Error::<Runtime>::InvalidAsset
		);
		// A token the Factory's account issues, as listed mAssets are, is accepted.
		let id = 50u32;
		assert_ok!(mirror_runtime::Assets::force_create(
			RuntimeOrigin::root(),
			id.into(),
			mirror_runtime::genesis_config_presets::factory_account().into(),
			false,
			1
		));
		let asset = NativeOrWithId::WithId(id);
		assert_ok!(Mint::register_asset(
			RuntimeOrigin::root(),
			asset.clone(),
			fx(1, 5),
			fx(13, 10),
			None
		));
		assert!(<CollateralOracle as ProvideCollateralPrice>::collateral_status(&asset).is_ok());
		assert_noop!(
			Mint::register_asset(
				RuntimeOrigin::signed(account(Alice)),
				asset,
				fx(1, 5),
				fx(13, 10),
				None
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn charlie_liquidates_after_the_mir_price_drops() {
	dev_ext().execute_with(|| {
		feed();
		let bob = account(Bob);
		let charlie = account(Charlie);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			MIR,
			1_000 * UNIT,
			MAAPL,
			FixedU128::from_inner(2_000_000_100_000_000_000),
			None
		));
		let id = last_position();
		assert_eq!(Mint::liquidatable(id), Ok(false));
		assert_noop!(
			Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, UNIT),
			Error::<Runtime>::PositionSafelyCollateralized
		);
		// Next block, MIR falls from 1.5 to 1.4 UST.
		advance(3);
		let prices: BoundedVec<_, _> =
			vec![(MAAPL, fx(180, 1)), (MIR, fx(7, 5))].try_into().unwrap();
		assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
		assert_eq!(Mint::liquidatable(id), Ok(true));
		let (_, quote) = Mint::quote_auction(id, UNIT).unwrap();
		// One mAAPL (180 UST) buys 180 / 1.4 / 0.8 ≈ 160.7 MIR, less 1.5 % of 128.6 MIR of fee.
		assert!((158 * UNIT..160 * UNIT).contains(&quote.returned_collateral), "{quote:?}");
		let mir_before = NativeAndAssets::balance(MIR, &charlie);
		let collector_before = NativeAndAssets::balance(MIR, &FeeCollectorAccount::get());
		assert_ok!(Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, UNIT));
		assert_eq!(NativeAndAssets::balance(MIR, &charlie) - mir_before, quote.returned_collateral);
		assert_eq!(
			NativeAndAssets::balance(MIR, &FeeCollectorAccount::get()) - collector_before,
			quote.protocol_fee
		);
		assert_eq!(Positions::<Runtime>::get(id).map(|p| p.asset_amount), Some(4_166_666 - UNIT));
		assert_eq!(pallet_mirror_mint::ForgivenDebt::<Runtime>::get(MAAPL), 0);
	});
}

#[test]
fn a_delisted_masset_is_redeemed_by_anyone() {
	dev_ext().execute_with(|| {
		feed();
		let bob = account(Bob);
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(bob.clone()),
			UST,
			3_600 * UNIT,
			MAAPL,
			fx(2, 1),
			None
		));
		let id = last_position();
		assert_ok!(Mint::register_migration(RuntimeOrigin::root(), MAAPL, fx(200, 1)));
		// mAAPL is revoked as collateral and priced at its end price, with no feed needed.
		advance(3_600);
		let status = <CollateralOracle as ProvideCollateralPrice>::collateral_price(&MAAPL, 60)
			.expect("a fixed end price is never stale");
		assert_eq!((status.price, status.is_revoked), (fx(200, 1), true));
		// Dave, who never had a position, burns 1 mAAPL: 200 UST less the 1.5 % fee.
		let dave = account(sp_keyring::Sr25519Keyring::Dave);
		let before = NativeAndAssets::balance(UST, &dave);
		assert_ok!(Mint::burn(RuntimeOrigin::signed(dave.clone()), id, UNIT));
		assert_eq!(NativeAndAssets::balance(UST, &dave) - before, 197 * UNIT);
		assert_eq!(
			Positions::<Runtime>::get(id).map(|p| (p.collateral_amount, p.asset_amount)),
			Some((3_400 * UNIT, 9_999_999 - UNIT))
		);
	});
}

#[test]
fn a_short_sells_into_the_real_pool_and_unlocks_after_the_lock_period() {
	dev_ext().execute_with(|| {
		feed();
		let eve = account(sp_keyring::Sr25519Keyring::Eve);
		let pool0 = mirror_runtime::Amm::pool_info(MAAPL, UST).unwrap();
		let short = mirror_primitives::ShortParams {
			belief_price: Some(FixedU128::from_rational(1, 180)),
			max_spread: Some(fx(1, 1_000)),
		};
		// Selling 9.999999 mAAPL into a 10,000 mAAPL pool moves the price ~0.1 % plus the 0.3 %
		// commission: over a 0.1 % max spread. Nothing changes.
		assert_noop!(
			Mint::open_position(
				RuntimeOrigin::signed(eve.clone()),
				UST,
				3_600 * UNIT,
				MAAPL,
				fx(2, 1),
				Some(short)
			),
			pallet_mirror_amm::Error::<Runtime>::MaxSpreadAssertion
		);
		let short = mirror_primitives::ShortParams { max_spread: Some(fx(1, 100)), ..short };
		assert_ok!(Mint::open_position(
			RuntimeOrigin::signed(eve.clone()),
			UST,
			3_600 * UNIT,
			MAAPL,
			fx(2, 1),
			Some(short)
		));
		let id = last_position();
		// The sale's `Swapped` event names the short seller, not Mint's account, and pays the
		// lock account.
		let swapped = frame_system::Pallet::<Runtime>::events()
			.into_iter()
			.rev()
			.find_map(|record| match record.event {
				mirror_runtime::RuntimeEvent::Amm(pallet_mirror_amm::Event::Swapped {
					who,
					offer_asset,
					to,
					..
				}) => Some((who, offer_asset, to)),
				_ => None,
			})
			.expect("the short sale swapped");
		assert_eq!(swapped, (eve.clone(), MAAPL, Mint::lock_account()));
		let pool1 = mirror_runtime::Amm::pool_info(MAAPL, UST).unwrap();
		// The pool holds the sold mAAPL and paid out the UST now locked.
		assert_eq!(pool1.reserve_b - pool0.reserve_b, 9_999_999);
		let lock = pallet_mirror_mint::Locks::<Runtime>::get(id).expect("a lock");
		assert_eq!(pool0.reserve_a - pool1.reserve_a, lock.amount);
		assert!((1_780 * UNIT..1_800 * UNIT).contains(&lock.amount), "{lock:?}");
		assert_eq!(lock.unlock_time, common::GENESIS_SECS + 120);
		assert_eq!(NativeAndAssets::balance(UST, &Mint::lock_account()), lock.amount);
		assert_eq!(Mint::locks_of(&eve), vec![(id, lock.clone())]);
		let ids: BoundedVec<_, _> = vec![id].try_into().unwrap();
		assert_noop!(
			Mint::unlock_position_funds(RuntimeOrigin::signed(eve.clone()), ids.clone()),
			Error::<Runtime>::NothingToUnlock
		);
		advance(120);
		let before = NativeAndAssets::balance(UST, &eve);
		assert_ok!(Mint::unlock_position_funds(RuntimeOrigin::signed(eve.clone()), ids));
		assert_eq!(NativeAndAssets::balance(UST, &eve) - before, lock.amount);
		assert_eq!(pallet_mirror_mint::TotalLocked::<Runtime>::get(), 0);
	});
}
