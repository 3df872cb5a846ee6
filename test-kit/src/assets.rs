//! `pallet-assets` behind the traits through which the AMM and the Factory make tokens.

use core::marker::PhantomData;
use mirror_primitives::{
	AssetId, AssetIdAllocator, AssetSymbol, LocalAssetId, NativeOrWithId, SetAssetMetadata,
};
use sp_runtime::DispatchError;
use std::vec::Vec;

/// Names tokens through `pallet_assets`' `force_set_metadata`, as Root.
pub struct ForceMetadata<T>(PhantomData<T>);

impl<T: pallet_assets::Config<AssetIdParameter = LocalAssetId>> SetAssetMetadata
	for ForceMetadata<T>
{
	fn set_metadata(
		asset: LocalAssetId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> Result<(), DispatchError> {
		let root = frame_system::RawOrigin::Root.into();
		pallet_assets::Pallet::<T>::force_set_metadata(root, asset, name, symbol, decimals, false)
	}
}

/// New asset ids from `pallet_assets`' `NextAssetId`.
pub struct NextAssetId<T>(PhantomData<T>);

impl<T: pallet_assets::Config<AssetId = LocalAssetId>> AssetIdAllocator for NextAssetId<T> {
	fn next_asset_id() -> Result<LocalAssetId, DispatchError> {
		pallet_assets::NextAssetId::<T>::get().ok_or(DispatchError::Other("no next asset id"))
	}
}

/// Symbols from `pallet_assets` metadata; MIR for the native token.
pub struct AssetSymbols<T>(PhantomData<T>);

impl<T: pallet_assets::Config<AssetId = LocalAssetId>> AssetSymbol for AssetSymbols<T> {
	fn symbol(asset: &AssetId) -> Option<Vec<u8>> {
		use frame_support::traits::fungibles::metadata::Inspect;
		match asset {
			NativeOrWithId::Native => Some(b"MIR".to_vec()),
			NativeOrWithId::WithId(id) => {
				let symbol = <pallet_assets::Pallet<T> as Inspect<T::AccountId>>::symbol(*id);
				(!symbol.is_empty()).then_some(symbol)
			}
		}
	}
}
