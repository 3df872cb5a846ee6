//! Runtime tests of the foundation: the genesis presets build, and MIR and UST move between
//! accounts with a fee of about 0.01 MIR.

use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect as _};
mod common;

use common::{account, dev_ext, preset_storage};
use mirror_runtime::{
	configs::AmmPairCreationFee,
	genesis_config_presets::{
		self, DEV_MASSETS, ENDOWMENT_MASSET, ENDOWMENT_MIR, ENDOWMENT_UST, POOL_MASSET, POOL_MIR,
	},
	AccountId, Assets, AssetsCall, Balances, BalancesCall, Runtime, RuntimeCall, RuntimeOrigin,
	TransactionPayment, MILLI_MIR, MIR, UNIT, UST_ASSET_ID,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Dispatchable;

#[test]
fn the_three_presets_are_listed_and_unknown_ones_are_not() {
	assert_eq!(
		genesis_config_presets::preset_names(),
		vec![
			sp_genesis_builder::PresetId::from("development"),
			sp_genesis_builder::PresetId::from("local_testnet"),
			sp_genesis_builder::PresetId::from("production")
		]
	);
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn development_preset_funds_dev_accounts_with_mir_and_ust() {
	dev_ext().execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		for who in genesis_config_presets::dev_accounts().into_iter().filter(|w| *w != alice) {
			assert_eq!(Balances::free_balance(&who), ENDOWMENT_MIR);
			assert_eq!(Assets::balance(UST_ASSET_ID, &who), ENDOWMENT_UST);
			for (id, ..) in DEV_MASSETS {
				assert_eq!(Assets::balance(id, &who), ENDOWMENT_MASSET);
			}
		}
		// Alice (the root key) created and seeded the MIR-UST pool, paying its creation fee, and
		// seeded each mAsset's UST pool, which the Factory created when it listed the mAsset.
		assert_eq!(
			Balances::free_balance(&alice),
			ENDOWMENT_MIR - POOL_MIR.0 - AmmPairCreationFee::get()
		);
		assert_eq!(
			Balances::free_balance(genesis_config_presets::factory_account()),
			genesis_config_presets::FACTORY_MIR
				- DEV_MASSETS.len() as u128 * AmmPairCreationFee::get()
		);
		let ust_in_pools: u128 = POOL_MIR.1
			+ DEV_MASSETS.iter().map(|(_, _, _, price)| POOL_MASSET * price).sum::<u128>();
		assert_eq!(Assets::balance(UST_ASSET_ID, &alice), ENDOWMENT_UST - ust_in_pools);
		for (id, ..) in DEV_MASSETS {
			assert_eq!(Assets::balance(id, &alice), ENDOWMENT_MASSET);
		}
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		// UST metadata: 6 decimals.
		assert_eq!(
			<Assets as frame_support::traits::fungibles::metadata::Inspect<AccountId>>::decimals(
				UST_ASSET_ID
			),
			6
		);
		assert_eq!(
			<Assets as frame_support::traits::fungibles::metadata::Inspect<AccountId>>::symbol(
				UST_ASSET_ID
			),
			b"UST".to_vec()
		);
		assert_eq!(Assets::total_issuance(UST_ASSET_ID), 6 * ENDOWMENT_UST);
		// New assets start at 100: the MIR-UST LP token, then each mAsset and its LP token.
		assert_eq!(pallet_assets::NextAssetId::<Runtime>::get(), Some(107));
	});
}

#[test]
fn development_preset_lists_the_dev_massets_through_the_factory() {
	use mirror_primitives::{MintRegistry, NativeOrWithId, ProvideLiquidity as _};
	use mirror_runtime::{Amm, Factory, Mint};
	dev_ext().execute_with(|| {
		for (i, (id, name, symbol, price)) in DEV_MASSETS.into_iter().enumerate() {
			let asset = NativeOrWithId::WithId(id);
			// The ids the allocation gives, in listing order.
			assert_eq!(id, genesis_config_presets::FIRST_NEW_ASSET_ID + 1 + 2 * i as u32);
			// The token: owned by the Factory, named `m` + symbol.
			let details = pallet_assets::Asset::<Runtime>::get(id).expect("the mAsset exists");
			assert_eq!(details.owner, genesis_config_presets::factory_account());
			let meta = pallet_assets::Metadata::<Runtime>::get(id);
			assert_eq!(meta.name.to_vec(), name.as_bytes().to_vec());
			assert_eq!(meta.symbol.to_vec(), [b"m", symbol.as_bytes()].concat());
			// Listed with the genesis weight and its symbol.
			let listing = pallet_mirror_factory::Listings::<Runtime>::get(&asset).expect("listed");
			assert_eq!(listing.weight, pallet_mirror_factory::GENESIS_WEIGHT);
			assert_eq!(
				pallet_mirror_factory::Symbols::<Runtime>::get(
					frame_support::BoundedVec::try_from(symbol.as_bytes().to_vec()).unwrap()
				),
				Some(asset.clone())
			);
			// Mint knows it and records its whole genesis supply as unbacked.
			assert!(<Mint as MintRegistry<AccountId>>::asset_config(&asset).is_some());
			assert_eq!(
				pallet_mirror_mint::UnbackedSupply::<Runtime>::get(&asset),
				Assets::total_issuance(id)
			);
			// Its UST pool holds the root key's liquidity at the genesis price, and its LP token
			// is the next id.
			let lp = Amm::lp_token(&asset, &mirror_primitives::UST).expect("a UST pool");
			assert_eq!(lp, NativeOrWithId::WithId(id + 1));
			assert_eq!(
				Amm::reserves(&asset, &mirror_primitives::UST),
				Some((POOL_MASSET, POOL_MASSET * price))
			);
		}
		assert_eq!(
			pallet_mirror_factory::TotalWeight::<Runtime>::get(),
			pallet_mirror_factory::MIR_WEIGHT
				+ DEV_MASSETS.len() as u32 * pallet_mirror_factory::GENESIS_WEIGHT
		);
		assert_eq!(Factory::listings().len(), 1 + DEV_MASSETS.len());
	});
}

#[test]
fn local_testnet_preset_has_four_validators() {
	sp_io::TestExternalities::new(preset_storage("local_testnet")).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert_eq!(Balances::free_balance(account(Sr25519Keyring::Ferdie)), ENDOWMENT_MIR);
	});
}

#[test]
fn a_mir_transfer_moves_balances() {
	dev_ext().execute_with(|| {
		let (sender, dest) = (account(Sr25519Keyring::Bob), AccountId::new([7u8; 32]));
		let call = RuntimeCall::Balances(BalancesCall::transfer_allow_death {
			dest: dest.clone().into(),
			value: 3 * MIR,
		});
		assert_ok!(call.dispatch(RuntimeOrigin::signed(sender.clone())));
		assert_eq!(Balances::free_balance(&dest), 3 * MIR);
		assert_eq!(Balances::free_balance(&sender), ENDOWMENT_MIR - 3 * MIR);
	});
}

#[test]
fn a_ust_transfer_moves_asset_balances_and_overdrafts_fail() {
	dev_ext().execute_with(|| {
		let (sender, receiver) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Charlie));
		let call = RuntimeCall::Assets(AssetsCall::transfer {
			id: UST_ASSET_ID.into(),
			target: receiver.clone().into(),
			amount: 250 * UNIT,
		});
		assert_ok!(call.dispatch(RuntimeOrigin::signed(sender.clone())));
		assert_eq!(Assets::balance(UST_ASSET_ID, &receiver), ENDOWMENT_UST + 250 * UNIT);
		assert_eq!(Assets::balance(UST_ASSET_ID, &sender), ENDOWMENT_UST - 250 * UNIT);

		// More than Alice holds: an error, and nothing changes.
		assert_noop!(
			pallet_assets::Pallet::<Runtime>::transfer(
				RuntimeOrigin::signed(sender.clone()),
				UST_ASSET_ID.into(),
				receiver.clone().into(),
				ENDOWMENT_UST,
			),
			pallet_assets::Error::<Runtime>::BalanceLow
		);
	});
}

#[test]
fn signed_accounts_cannot_create_assets() {
	dev_ext().execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		assert!(pallet_assets::Pallet::<Runtime>::create(
			RuntimeOrigin::signed(alice.clone()),
			99.into(),
			alice.into(),
			1,
		)
		.is_err());
		assert!(!pallet_assets::Asset::<Runtime>::contains_key(99));
	});
}

#[test]
fn a_transfer_costs_about_a_hundredth_of_a_mir() {
	dev_ext().execute_with(|| {
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: AccountId::new([9u8; 32]).into(),
			value: MIR,
		});
		// Signed with every transaction extension, as a wallet sends it: the fee counts the
		// extensions' weight and the whole encoded length (about 145 bytes), as the node charges.
		let xt = common::signed(&Sr25519Keyring::Alice.pair(), call, 0);
		let len = codec::Encode::encoded_size(&xt) as u32;
		let fee = TransactionPayment::query_info(xt, len).partial_fee;
		// ../shared/design.md promises about 0.01 MIR.
		assert!((8 * MILLI_MIR..=12 * MILLI_MIR).contains(&fee), "a transfer costs {fee}");
	});
}

#[test]
fn the_wasm_runtime_is_built() {
	// `make test` builds the wasm; a `SKIP_WASM_BUILD` build has none.
	if std::env::var_os("SKIP_WASM_BUILD").is_none() {
		assert!(mirror_runtime::WASM_BINARY.is_some_and(|w| w.len() > 100_000));
	}
}

#[test]
fn a_runtime_upgrade_fits_in_a_block() {
	use frame_support::dispatch::DispatchClass;
	// `scripts/check-runtime-size.sh` (run by `make test`) measures the runtime against this length.
	let length = mirror_runtime::configs::RuntimeBlockLength::get();
	assert_eq!(*length.max.get(DispatchClass::Operational), 5_242_880);
	// The runtime `make build` produced (benchmarks included) stays under 80 % of it.
	if let Some(wasm) = mirror_runtime::WASM_BINARY {
		assert!(wasm.len() * 100 <= 5_242_880 * 80, "the runtime is {} bytes", wasm.len());
	}
}

#[test]
fn the_dev_feeder_is_its_own_key_and_feeds_every_dev_asset() {
	use sp_core::Pair as _;
	let feeder = sp_core::sr25519::Pair::from_string("//Feeder", None).expect("a derivation");
	assert_eq!(AccountId::from(feeder.public()), genesis_config_presets::dev_feeder());
	dev_ext().execute_with(|| {
		let infos = mirror_runtime::Oracle::all_price_infos(60);
		assert_eq!(infos.len(), DEV_MASSETS.len() + 1, "the dev mAssets and MIR");
		for (i, info) in infos.iter().enumerate() {
			let feeders: Vec<_> = info.feeds.iter().map(|f| f.feeder.clone()).collect();
			assert_eq!(feeders, vec![genesis_config_presets::dev_feeder()], "asset {i}");
		}
		// Alice, the account newcomers use, feeds nothing; the feeder holds a little MIR.
		assert!(Balances::free_balance(genesis_config_presets::dev_feeder()) > 0);
	});
}
