//! Runtime tests of the price layer: the dev genesis's feeders and collateral, a feed through the
//! real runtime call, and the CollateralOracle reading the Oracle.

mod common;

use common::{account, advance, dev_ext, GENESIS_SECS};
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
fn alice_feeds_the_dev_assets_and_mint_reads_them() {
	dev_ext().execute_with(|| {
		let price = FixedU128::from_rational(18_125, 100);
		let call = feed_call(vec![(MAAPL, price), (MIR, FixedU128::from_rational(3, 2))]);
		let info = call.get_dispatch_info();
		let post = call.dispatch(RuntimeOrigin::signed(account(Sr25519Keyring::Alice))).unwrap();
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
				is_revoked: false
			})
		);
		// MIR has no price until Alice feeds it.
		assert!(<CollateralOracle as ProvideCollateralPrice>::collateral_price(&MIR, 60).is_err());
		let prices: BoundedVec<_, _> =
			vec![(MIR, FixedU128::from_rational(3, 2))].try_into().unwrap();
		assert_ok!(Oracle::feed_prices(
			RuntimeOrigin::signed(account(Sr25519Keyring::Alice)),
			prices
		));
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
		assert!(all
			.iter()
			.all(|i| i.feeds.len() == 1 && i.feeds[0].feeder == account(Sr25519Keyring::Alice)));
	});
}
