//! What the Mirror pallets' benchmarks need from the runtime: tokens, prices, pools, collateral
//! and the clock, set up through the real pallets. One helper serves every pallet.

use super::*;

/// The runtime side of every Mirror pallet's benchmarks: it creates tokens (owned by the
/// Factory's account, as listed mAssets are), feeds prices through the Oracle, opens deep Amm
/// pools, registers collateral and sets the clock.
pub struct MirrorBenchmarkHelper;

impl pallet_mirror_amm::BenchmarkHelper for MirrorBenchmarkHelper {
	fn set_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1_000));
	}
}

impl MirrorBenchmarkHelper {
	fn ensure_token(asset: &AssetId) {
		use frame_support::traits::fungibles::Inspect;
		if let mirror_primitives::NativeOrWithId::WithId(id) = asset {
			if !<Assets as Inspect<AccountId>>::asset_exists(*id) {
				// Owned by the Factory's account, as listed mAssets are (Mint refuses others).
				let owner: AccountId =
					sp_runtime::traits::AccountIdConversion::into_account_truncating(
						&FactoryPalletId::get(),
					);
				let _ = Assets::force_create(
					RuntimeOrigin::root(),
					(*id).into(),
					owner.into(),
					true,
					1,
				);
			}
		}
	}

	/// Makes `price` the asset's only fresh feed. A feeder feeds once per block, so a new price
	/// in the same block comes from a new feeder and the earlier ones are removed.
	/// The breaker is set neutral first: set-up moves prices at will, which is not what is measured.
	fn feed(asset: &AssetId, price: sp_runtime::FixedU128) {
		let feeder = |index: u32| -> AccountId { frame_benchmarking::account("feeder", index, 0) };
		for index in 0..4 {
			let _ = Oracle::register_feeder(RuntimeOrigin::root(), asset.clone(), feeder(index));
			let _ = Oracle::set_asset_config(
				RuntimeOrigin::root(),
				asset.clone(),
				mirror_primitives::OracleAssetConfig::default(),
			);
			// Set-up may feed many assets in one block: the per-block limit is not what is measured.
			pallet_mirror_oracle::FeedsInBlock::<Runtime>::remove(feeder(index));
			let prices =
				frame_support::BoundedVec::truncate_from(alloc::vec![(asset.clone(), price)]);
			if Oracle::feed_prices(RuntimeOrigin::signed(feeder(index)), prices).is_ok() {
				for old in 0..index {
					let _ =
						Oracle::remove_feeder(RuntimeOrigin::root(), asset.clone(), feeder(old));
				}
				return;
			}
		}
	}
}
impl mirror_primitives::CreateToken for MirrorBenchmarkHelper {
	fn create_token(asset: &AssetId) {
		Self::ensure_token(asset);
	}
}
impl pallet_mirror_mint::BenchmarkHelper<AccountId> for MirrorBenchmarkHelper {
	fn create_asset(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::ensure_token(asset);
		Self::feed(asset, price);
		// Shorts of the asset stake sLP in its reward pool (UST stands in for its LP token).
		let _ = LpStaking::do_register_asset(asset.clone(), mirror_primitives::UST);
	}

	fn create_pool(asset: &AssetId, price: sp_runtime::FixedU128) {
		use frame_support::traits::fungibles::Mutate;
		let provider: AccountId = frame_benchmarking::account("provider", 0, 0);
		let depth: Balance = 1_000_000_000_000_000;
		let ust_depth = sp_runtime::FixedPointNumber::saturating_mul_int(price, depth);
		let _ = NativeAndAssets::mint_into(AssetId::Native, &provider, 1_000 * MIR);
		let _ = NativeAndAssets::mint_into(asset.clone(), &provider, depth);
		let _ = NativeAndAssets::mint_into(mirror_primitives::UST, &provider, ust_depth);
		let _ = Amm::create_pair(
			RuntimeOrigin::signed(provider.clone()),
			asset.clone(),
			mirror_primitives::UST,
		);
		let _ = Amm::provide_liquidity(
			RuntimeOrigin::signed(provider),
			asset.clone(),
			depth,
			mirror_primitives::UST,
			ust_depth,
			None,
			None,
		);
	}

	fn create_collateral(
		collateral: &AssetId,
		price: sp_runtime::FixedU128,
		multiplier: sp_runtime::FixedU128,
	) {
		Self::ensure_token(collateral);
		Self::feed(collateral, price);
		let _ = crate::CollateralOracle::register_collateral_asset(
			RuntimeOrigin::root(),
			collateral.clone(),
			mirror_primitives::PriceSource::Oracle,
			multiplier,
		);
	}
}

impl pallet_mirror_lp_staking::BenchmarkHelper<AccountId> for MirrorBenchmarkHelper {
	fn create_token(asset: &AssetId) {
		Self::ensure_token(asset);
	}

	/// The pool with a full observation ring (a small trade every observation period), so that
	/// `adjust_premium` measures its time-weighted price at its worst.
	fn create_amm_pool(asset: &AssetId, price: sp_runtime::FixedU128) -> AssetId {
		use frame_support::traits::fungibles::Mutate;
		<Self as pallet_mirror_mint::BenchmarkHelper<AccountId>>::create_pool(asset, price);
		let trader: AccountId = frame_benchmarking::account("trader", 0, 0);
		let _ = NativeAndAssets::mint_into(AssetId::Native, &trader, 1_000 * MIR);
		let _ = NativeAndAssets::mint_into(mirror_primitives::UST, &trader, 1_000_000 * MIR);
		for _ in 0..AmmMaxObservations::get() {
			pallet_timestamp::Now::<Runtime>::mutate(|now| {
				*now = now.saturating_add(AmmObservationPeriod::get() * 1_000)
			});
			let _ = Amm::swap(
				RuntimeOrigin::signed(trader.clone()),
				mirror_primitives::UST,
				asset.clone(),
				MIR,
				None,
				None,
				None,
			);
		}
		pallet_timestamp::Now::<Runtime>::mutate(|now| {
			*now = now.saturating_add(AmmObservationPeriod::get() * 1_000)
		});
		<Amm as mirror_primitives::ProvideLiquidity<AccountId>>::lp_token(
			asset,
			&mirror_primitives::UST,
		)
		.unwrap_or(mirror_primitives::UST)
	}

	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}
}

impl pallet_mirror_factory::BenchmarkHelper<AccountId> for MirrorBenchmarkHelper {
	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}

	fn set_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1_000));
	}
}

impl pallet_mirror_collector::BenchmarkHelper for MirrorBenchmarkHelper {
	fn setup_market(price: sp_runtime::FixedU128) -> AssetId {
		let asset = AssetId::WithId(9_000);
		Self::ensure_token(&asset);
		<Self as pallet_mirror_mint::BenchmarkHelper<AccountId>>::create_pool(&asset, price);
		asset
	}

	fn set_price(asset: &AssetId, price: sp_runtime::FixedU128) {
		Self::feed(asset, price);
	}
}
