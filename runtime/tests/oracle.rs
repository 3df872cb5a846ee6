//! Runtime tests of the price layer: the dev genesis's feeders and collateral, a feed through the
//! real runtime call, and the CollateralOracle reading the Oracle.

mod common;

use common::{account, advance, dev_ext, feeder, GENESIS_SECS};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, BoundedVec};
use mirror_primitives::{
	CollateralPrice, NativeOrWithId, PriceError, PriceProvider, ProvideCollateralPrice, MIR, UST,
};
use mirror_runtime::{CollateralOracle, Oracle, Runtime, RuntimeCall, RuntimeOrigin};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::One as _;
use sp_runtime::{traits::Dispatchable, FixedU128};

const MAAPL: mirror_primitives::AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[0].0);

fn feed_call(prices: Vec<(mirror_primitives::AssetId, FixedU128)>) -> RuntimeCall {
	let prices: BoundedVec<_, _> = prices.try_into().expect("within the bound");
	RuntimeCall::Oracle(pallet_mirror_oracle::Call::feed_prices { prices })
}

#[test]
fn the_dev_feeder_feeds_the_dev_assets_and_mint_reads_them() {
	dev_ext().execute_with(|| {
		let price = FixedU128::from_rational(18_125, 100);
		let call = feed_call(vec![(MAAPL, price), (MIR, FixedU128::from_rational(3, 2))]);
		let info = call.get_dispatch_info();
		let post = call.dispatch(RuntimeOrigin::signed(feeder())).unwrap();
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert!(info.call_weight.ref_time() > 0, "feed_prices has a benchmarked weight");

		assert_eq!(<Oracle as PriceProvider>::price(&MAAPL, 60), Ok((price, GENESIS_SECS)));
		assert_eq!(<Oracle as PriceProvider>::price(&UST, 0), Ok((FixedU128::one(), GENESIS_SECS)));
		advance(61);
		assert_eq!(<Oracle as PriceProvider>::price(&MAAPL, 60), Err(PriceError::Stale));
	});
}

#[test]
fn only_registered_feeders_feed() {
	dev_ext().execute_with(|| {
		let prices: BoundedVec<_, _> = vec![(MAAPL, FixedU128::from_u32(1))].try_into().unwrap();
		assert_noop!(
			Oracle::feed_prices(RuntimeOrigin::signed(account(Sr25519Keyring::Bob)), prices),
			pallet_mirror_oracle::Error::<Runtime>::NotFeeder
		);
	});
}

#[test]
fn dev_collateral_is_ust_and_mir_priced_through_the_oracle() {
	dev_ext().execute_with(|| {
		assert_eq!(
			<CollateralOracle as ProvideCollateralPrice>::collateral_price(&UST, 60),
			Ok(CollateralPrice {
				price: FixedU128::one(),
				updated_at: GENESIS_SECS,
				multiplier: FixedU128::one(),
				is_revoked: false,
				contested: false,
				scheduled_multiplier: None,
			})
		);
		// MIR has no price until the dev feeder feeds it.
		assert!(<CollateralOracle as ProvideCollateralPrice>::collateral_price(&MIR, 60).is_err());
		let prices: BoundedVec<_, _> =
			vec![(MIR, FixedU128::from_rational(3, 2))].try_into().unwrap();
		assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
		let mir = <CollateralOracle as ProvideCollateralPrice>::collateral_price(&MIR, 60).unwrap();
		assert_eq!(mir.price, FixedU128::from_rational(3, 2));
		assert_eq!(mir.multiplier, FixedU128::from_rational(13_333_334, 10_000_000));
	});
}

#[test]
fn the_runtime_api_view_lists_the_dev_assets() {
	dev_ext().execute_with(|| {
		let all = Oracle::all_price_infos(60);
		assert_eq!(all.len(), 4, "mAAPL, mTSLA, mGOOGL and MIR");
		assert!(all.iter().all(|i| i.price == Err(PriceError::NoPrice)));
		assert!(all.iter().all(|i| i.feeds.len() == 1 && i.feeds[0].feeder == feeder()));
	});
}

// --- oracle defence (issue 21) -------------------------------------------------------------------

mod defence {
	use super::*;
	use frame_support::traits::fungibles::Inspect;
	use mirror_primitives::{OraclePrice, PriceOrigin};
	use mirror_runtime::{configs::NativeAndAssets, Amm, Mint};
	use pallet_mirror_mint::Error as MintError;
	use sp_keyring::Sr25519Keyring::{Bob, Charlie};

	const UNIT: u128 = mirror_primitives::UNIT;

	fn fx(n: u128, d: u128) -> FixedU128 {
		FixedU128::from_rational(n, d)
	}

	fn feed(prices: Vec<(mirror_primitives::AssetId, FixedU128)>) {
		assert_ok!(feed_call(prices).dispatch(RuntimeOrigin::signed(feeder())));
	}

	fn oracle_price(asset: &mirror_primitives::AssetId) -> Result<OraclePrice, PriceError> {
		<Oracle as PriceProvider>::oracle_price(asset, 60)
	}

	fn last_position() -> u64 {
		pallet_mirror_mint::NextPositionId::<Runtime>::get() - 1
	}

	fn mtsla() -> mirror_primitives::AssetId {
		NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[1].0)
	}

	#[test]
	fn every_asset_of_the_dev_and_local_presets_runs_with_the_default_breaker() {
		for preset in ["development", "local_testnet"] {
			sp_io::TestExternalities::new(common::preset_storage(preset)).execute_with(|| {
				let default = mirror_runtime::configs::OracleDefaultAssetConfig::get();
				assert!(default.max_deviation.is_some() && default.sanity_range.is_some());
				assert!(default.max_move_per_hour.is_some());
				let infos = Oracle::all_price_infos(60);
				assert!(infos.len() >= 4, "{preset}: MIR and the dev mAssets");
				for info in infos {
					assert_eq!(info.config, default, "{preset}: {:?}", info.asset);
				}
			});
		}
	}

	#[test]
	fn the_dev_chain_attacks_are_rejected() {
		dev_ext().execute_with(|| {
			let mtsla = mtsla();
			feed(vec![(MAAPL, fx(180, 1)), (mtsla.clone(), fx(250, 1)), (MIR, fx(3, 2))]);
			// 10^12 UST (raw 10^30) for mAAPL and u128::MAX for mTSLA, fed twice, block after block.
			for _ in 0..2 {
				advance(3);
				feed(vec![
					(MAAPL, FixedU128::from_inner(10u128.pow(30))),
					(mtsla.clone(), FixedU128::from_inner(u128::MAX)),
				]);
			}
			assert_eq!(
				oracle_price(&MAAPL).map(|p| (p.price, p.contested)),
				Ok((fx(180, 1), false))
			);
			assert_eq!(
				oracle_price(&mtsla).map(|p| (p.price, p.contested)),
				Ok((fx(250, 1), false))
			);
		});
	}

	#[test]
	fn a_contested_price_blocks_what_docs_oracle_names_and_nothing_else() {
		dev_ext().execute_with(|| {
			let (bob, charlie) = (account(Bob), account(Charlie));
			feed(vec![(MAAPL, fx(180, 1)), (mtsla(), fx(250, 1)), (MIR, fx(3, 2))]);
			// Bob's position at 160 % (MCR 150 %), and a second one to repay.
			assert_ok!(Mint::open_position(
				RuntimeOrigin::signed(bob.clone()),
				UST,
				18_000 * UNIT,
				MAAPL,
				fx(16, 10),
				None
			));
			let id = last_position();

			// The lone dev feeder reports +40 %: held, and contested until it repeats it.
			advance(3);
			feed(vec![(MAAPL, fx(252, 1))]);
			let held = oracle_price(&MAAPL).unwrap();
			assert_eq!((held.price, held.contested), (fx(180, 1), true));
			assert!(Oracle::price_info(MAAPL, 60).unwrap().contested);

			// Blocked: opening, minting, withdrawing with debt, auctioning.
			let contested = || MintError::<Runtime>::PriceContested;
			assert_noop!(
				Mint::open_position(
					RuntimeOrigin::signed(charlie.clone()),
					UST,
					1_000 * UNIT,
					MAAPL,
					fx(2, 1),
					None
				),
				contested()
			);
			assert_noop!(
				Mint::mint(RuntimeOrigin::signed(bob.clone()), id, UNIT, None),
				contested()
			);
			assert_noop!(
				Mint::withdraw(RuntimeOrigin::signed(bob.clone()), id, Some(UNIT)),
				contested()
			);
			assert_noop!(
				Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, UNIT),
				contested()
			);
			assert_eq!(
				Mint::liquidatable(id),
				Err(mirror_primitives::PositionRatioError::PriceUnavailable)
			);

			// Not blocked: depositing, burning, the views, and everything outside Mint.
			assert_ok!(Mint::deposit(RuntimeOrigin::signed(bob.clone()), id, 1_000 * UNIT));
			assert_ok!(Mint::burn(RuntimeOrigin::signed(bob.clone()), id, UNIT));
			assert!(Mint::collateral_ratio(id).is_ok());
			let before = NativeAndAssets::balance(MAAPL, &charlie);
			assert_ok!(Amm::swap(
				RuntimeOrigin::signed(charlie.clone()),
				UST,
				MAAPL,
				180 * UNIT,
				None,
				None,
				None
			));
			assert!(NativeAndAssets::balance(MAAPL, &charlie) > before);
			// Another asset's positions are not affected.
			assert_ok!(Mint::open_position(
				RuntimeOrigin::signed(charlie.clone()),
				UST,
				1_000 * UNIT,
				mtsla(),
				fx(2, 1),
				None
			));

			// The feeder repeats the level in a later block: confirmed, the price moves, Mint goes on,
			// and Bob's position (160 % at 180, now ≈ 114 %) can be liquidated. Below 1 / (1 − 20 %)
			// = 125 % a partial auction would lower its ratio: an auction must close it.
			advance(3);
			feed(vec![(MAAPL, fx(252, 1))]);
			let confirmed = oracle_price(&MAAPL).unwrap();
			assert_eq!((confirmed.price, confirmed.contested), (fx(252, 1), false));
			assert_eq!(Mint::liquidatable(id), Ok(true));
			assert_noop!(
				Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, UNIT),
				pallet_mirror_mint::Error::<Runtime>::PartialAuctionLowersRatio
			);
			let debt = pallet_mirror_mint::Positions::<Runtime>::get(id).unwrap().asset_amount;
			assert_ok!(Mint::auction(RuntimeOrigin::signed(charlie.clone()), id, debt));
			assert!(pallet_mirror_mint::Positions::<Runtime>::get(id).is_none());
		});
	}

	#[test]
	fn the_amm_fallback_answers_when_the_feeds_are_stale_and_says_so() {
		dev_ext().execute_with(|| {
			let config = pallet_mirror_oracle::Feeds::<Runtime>::get(&MAAPL).unwrap().config;
			assert_ok!(Oracle::set_asset_config(
				RuntimeOrigin::root(),
				MAAPL,
				mirror_primitives::OracleAssetConfig {
					fallback: Some(mirror_primitives::OracleFallback::AmmTwap { window: 300 }),
					..config
				}
			));
			feed(vec![(MAAPL, fx(181, 1))]);
			assert_eq!(
				oracle_price(&MAAPL).map(|p| (p.price, p.origin)),
				Ok((fx(181, 1), PriceOrigin::Feeds))
			);
			advance(61);
			// The feed is stale: the genesis pool's 5-minute average (180) answers, now.
			let fallback = oracle_price(&MAAPL).unwrap();
			assert_eq!(fallback.origin, PriceOrigin::Fallback);
			assert_eq!(
				fallback.price,
				<Amm as mirror_primitives::TwapProvider>::twap(&MAAPL, &UST, 300).unwrap()
			);
			assert_eq!(fallback.updated_at, GENESIS_SECS + 61);
			let info = Oracle::price_info(MAAPL, 60).unwrap();
			assert_eq!(info.origin, Some(PriceOrigin::Fallback));
			// And Mint prices a position from it.
			assert_ok!(Mint::open_position(
				RuntimeOrigin::signed(account(Bob)),
				UST,
				1_000 * UNIT,
				MAAPL,
				fx(2, 1),
				None
			));
		});
	}
}
