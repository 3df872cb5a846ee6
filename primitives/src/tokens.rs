//! Tokens as the Mirror pallets see them: how they move MIR and assets, whether a token exists,
//! and the two services the chain's own pallets use to create tokens (an asset-id allocator and
//! deposit-free metadata).

use crate::{AssetId, LocalAssetId, NativeOrWithId};
use sp_runtime::DispatchError;

/// How a Mirror pallet moves `asset` out of an account: MIR keeps the account's existential deposit
/// (`Preserve`); a `pallet-assets` token may be spent to the last unit (`Expendable`: with
/// `Preserve` an account could never spend its last `min_balance` of it).
pub fn preservation(asset: &AssetId) -> frame_support::traits::tokens::Preservation {
	use frame_support::traits::tokens::Preservation;
	match asset {
		NativeOrWithId::Native => Preservation::Preserve,
		NativeOrWithId::WithId(_) => Preservation::Expendable,
	}
}

/// Whether a token exists: MIR always, a `pallet-assets` id once it has been created. The oracle
/// pallets ask it before they register a feeder or a collateral, so that no feed or collateral
/// entry can name a token that does not exist.
pub trait AssetExists {
	/// Whether `asset` exists.
	fn asset_exists(asset: &AssetId) -> bool;
}

/// [`AssetExists`] read from a `fungibles` implementation (the runtime's union of Balances and
/// Assets, which answers `true` for MIR).
pub struct ExistsInFungibles<F, AccountId>(core::marker::PhantomData<(F, AccountId)>);

impl<F, AccountId> AssetExists for ExistsInFungibles<F, AccountId>
where
	F: frame_support::traits::fungibles::Inspect<AccountId, AssetId = AssetId>,
{
	fn asset_exists(asset: &AssetId) -> bool {
		F::asset_exists(asset.clone())
	}
}

/// [`AssetExists`] for mocks without an assets pallet: MIR and every `pallet-assets` id below
/// `FIRST_MISSING` exist.
pub struct IdsBelow<const FIRST_MISSING: LocalAssetId>;

impl<const FIRST_MISSING: LocalAssetId> AssetExists for IdsBelow<FIRST_MISSING> {
	fn asset_exists(asset: &AssetId) -> bool {
		match asset {
			NativeOrWithId::Native => true,
			NativeOrWithId::WithId(id) => *id < FIRST_MISSING,
		}
	}
}

/// Creates a token for a benchmark that needs one to exist (the oracle pallets' registrations).
#[cfg(feature = "runtime-benchmarks")]
pub trait CreateToken {
	/// Makes `asset` exist (a no-op if it does).
	fn create_token(asset: &AssetId);
}

/// For mocks in which every token the benchmarks name exists already.
#[cfg(feature = "runtime-benchmarks")]
impl CreateToken for () {
	fn create_token(_: &AssetId) {}
}

/// Sets a token's metadata without a deposit, for tokens the chain's own pallets create and own
/// (LP tokens, mAssets): their storage is paid for by the fee of the call that creates them.
pub trait SetAssetMetadata {
	/// Sets `asset`'s name, symbol and decimals.
	fn set_metadata(
		asset: LocalAssetId,
		name: alloc::vec::Vec<u8>,
		symbol: alloc::vec::Vec<u8>,
		decimals: u8,
	) -> Result<(), DispatchError>;
}

/// Hands out new `pallet-assets` ids (for LP tokens and mAssets), one allocator for the chain.
pub trait AssetIdAllocator {
	/// The id the next created asset must take.
	fn next_asset_id() -> Result<LocalAssetId, DispatchError>;
}

/// The ticker wallets show for a token: `MIR` for the native token, a `pallet-assets` token's
/// metadata symbol; `None` when it has none. The Amm names LP tokens after their pair with it.
pub trait AssetSymbol {
	/// `asset`'s symbol, if it has one.
	fn symbol(asset: &AssetId) -> Option<alloc::vec::Vec<u8>>;
}
