//! The tokens: MIR (Balances), UST, mAssets and LP tokens (Assets), and the one `fungibles`
//! view of all of them the Mirror pallets use.

use super::*;

parameter_types! {
	pub const AssetDeposit: Balance = 10 * MIR;
	pub const AssetAccountDeposit: Balance = 10 * MILLI_MIR;
	pub const MetadataDepositBase: Balance = MIR;
	pub const MetadataDepositPerByte: Balance = 10 * MILLI_MIR;
	pub const ApprovalDeposit: Balance = 10 * MILLI_MIR;
}

/// UST, mAssets and LP tokens. Nobody creates assets with a signed call: UST exists from genesis,
/// and mAssets and LP tokens are created by Mirror's pallets (or by Root with `force_create`).
impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = mirror_primitives::LocalAssetId;
	type AssetIdParameter = codec::Compact<mirror_primitives::LocalAssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	/// New assets (LP tokens, mAssets) take consecutive ids from `NextAssetId` (100 at genesis).
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	/// UST's name and symbol in `pallet-assets` metadata.
	pub UstMetadata: (&'static [u8], &'static [u8]) = (b"TerraUSD", b"UST");
}

/// Every token as one `fungibles` implementation: MIR (`Native`) from Balances, the rest from
/// Assets, as pallet-asset-conversion does.
pub type NativeAndAssets = frame_support::traits::fungible::UnionOf<
	Balances,
	Assets,
	frame_support::traits::fungible::NativeFromLeft,
	mirror_primitives::NativeOrWithId<mirror_primitives::LocalAssetId>,
	AccountId,
>;

/// Metadata for the tokens Mirror's pallets create (LP tokens, mAssets), without a deposit: the
/// creating call's fee pays for it.
pub struct ForceAssetMetadata;
impl mirror_primitives::SetAssetMetadata for ForceAssetMetadata {
	fn set_metadata(
		id: mirror_primitives::LocalAssetId,
		name: alloc::vec::Vec<u8>,
		symbol: alloc::vec::Vec<u8>,
		decimals: u8,
	) -> Result<(), sp_runtime::DispatchError> {
		pallet_assets::Pallet::<Runtime>::force_set_metadata(
			RuntimeOrigin::root(),
			id.into(),
			name,
			symbol,
			decimals,
			false,
		)
	}
}

/// Token symbols for LP token names: `MIR` for the native token, a `pallet-assets` token's metadata
/// symbol otherwise (none when it has no metadata).
pub struct AssetSymbols;
impl mirror_primitives::AssetSymbol for AssetSymbols {
	fn symbol(asset: &AssetId) -> Option<alloc::vec::Vec<u8>> {
		use frame_support::traits::fungibles::metadata::Inspect;
		match asset {
			mirror_primitives::NativeOrWithId::Native => Some(b"MIR".to_vec()),
			mirror_primitives::NativeOrWithId::WithId(id) => {
				let symbol = <Assets as Inspect<AccountId>>::symbol(*id);
				(!symbol.is_empty()).then_some(symbol)
			}
		}
	}
}

/// The chain's one asset-id allocator: `pallet-assets`' `NextAssetId`.
pub struct NextAssetId;
impl mirror_primitives::AssetIdAllocator for NextAssetId {
	fn next_asset_id() -> Result<mirror_primitives::LocalAssetId, sp_runtime::DispatchError> {
		pallet_assets::NextAssetId::<Runtime>::get()
			.ok_or(sp_runtime::DispatchError::Other("asset id allocation is off"))
	}
}
