//! The mock runtime pieces, as macros expanded in the pallet's crate.

/// A mock runtime `$runtime`: `construct_runtime!` with `System`, the shared pallets named in the
/// first braces (any of `Timestamp`, `Balances`, `Assets`, in that order) and then the mock's own
/// pallets; and the shared pallets' `Config` impls ([`impl_system!`], [`impl_timestamp!`],
/// [`impl_balances!`], [`impl_assets!`]). Accounts are u128 with `Balances` and the prelude's u64
/// without; `Assets(auto_increment_ids)` makes `create` take `NextAssetId`'s id. It imports
/// `frame_support::derive_impl`, which the `impl_*!` macros need in scope.
///
/// ```ignore
/// mirror_test_kit::mock_runtime!(Test { Timestamp, Balances, Assets } { Mint: pallet_mint });
/// ```
#[macro_export]
macro_rules! mock_runtime {
	(@munch $runtime:ident [$($pallets:tt)*] [$($system:tt)*] [$($impls:tt)*]
		[Timestamp $($rest:tt)*] $own:tt) => {
		$crate::mock_runtime!(@munch $runtime
			[$($pallets)* Timestamp: pallet_timestamp,] [$($system)*]
			[$($impls)* $crate::impl_timestamp!($runtime);] [$($rest)*] $own);
	};
	(@munch $runtime:ident [$($pallets:tt)*] [$($system:tt)*] [$($impls:tt)*]
		[Balances $($rest:tt)*] $own:tt) => {
		$crate::mock_runtime!(@munch $runtime
			[$($pallets)* Balances: pallet_balances,] []
			[$($impls)* $crate::impl_balances!($runtime);] [$($rest)*] $own);
	};
	(@munch $runtime:ident [$($pallets:tt)*] [$($system:tt)*] [$($impls:tt)*]
		[Assets(auto_increment_ids) $($rest:tt)*] $own:tt) => {
		$crate::mock_runtime!(@munch $runtime
			[$($pallets)* Assets: pallet_assets,] [$($system)*]
			[$($impls)* $crate::impl_assets!($runtime, auto_increment_ids);] [$($rest)*] $own);
	};
	(@munch $runtime:ident [$($pallets:tt)*] [$($system:tt)*] [$($impls:tt)*]
		[Assets $($rest:tt)*] $own:tt) => {
		$crate::mock_runtime!(@munch $runtime
			[$($pallets)* Assets: pallet_assets,] [$($system)*]
			[$($impls)* $crate::impl_assets!($runtime);] [$($rest)*] $own);
	};
	(@munch $runtime:ident [$($pallets:tt)*] [$($system:tt)*] [$($impls:tt)*] []
		{ $($own:tt)* }) => {
		frame_support::construct_runtime!(
			pub enum $runtime {
				$($pallets)*
				$($own)*
			}
		);
		// `derive_impl` expands to itself by name.
		use frame_support::derive_impl;
		$crate::impl_system!($runtime $($system)*);
		$($impls)*
	};
	($runtime:ident { $($shared:ident $(($option:ident))?),* $(,)? } $own:tt) => {
		$crate::mock_runtime!(@munch $runtime
			[System: frame_system,] [, u64_accounts] [] [$($shared $(($option))?)*] $own);
	};
}

/// `frame_system::Config` for a mock: `TestDefaultConfig` over `MockBlock`, with u128 accounts
/// (their own lookup) holding `pallet_balances` data; `$runtime, u64_accounts` keeps the
/// prelude's u64 accounts and no account data (the mocks without balances).
#[macro_export]
macro_rules! impl_system {
	($runtime:ident) => {
		#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = frame_system::mocking::MockBlock<$runtime>;
			type AccountId = u128;
			type Lookup = sp_runtime::traits::IdentityLookup<u128>;
			type AccountData = pallet_balances::AccountData<u128>;
		}
	};
	($runtime:ident, u64_accounts) => {
		#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = frame_system::mocking::MockBlock<$runtime>;
		}
	};
}

/// `pallet_timestamp::Config` for a mock (u64 milliseconds, minimum period 1), and the mock's
/// `set_time(secs)` and `now()` (in seconds) over [`set_time`](crate::set_time) and
/// [`now`](crate::now).
#[macro_export]
macro_rules! impl_timestamp {
	($runtime:ident) => {
		impl pallet_timestamp::Config for $runtime {
			type Moment = u64;
			type OnTimestampSet = ();
			type MinimumPeriod = frame_support::traits::ConstU64<1>;
			type WeightInfo = ();
		}

		/// Sets the clock to `secs` seconds.
		#[allow(dead_code)]
		pub fn set_time(secs: u64) {
			$crate::set_time::<$runtime>(secs)
		}

		/// The clock, in seconds.
		#[allow(dead_code)]
		pub fn now() -> u64 {
			$crate::now::<$runtime>()
		}
	};
}

/// `pallet_balances::Config` for a mock: MIR, u128 balances, existential deposit
/// [`ED`](crate::ED), accounts in `System`.
#[macro_export]
macro_rules! impl_balances {
	($runtime:ident) => {
		#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type Balance = u128;
			type ExistentialDeposit = frame_support::traits::ConstU128<{ $crate::ED }>;
			type AccountStore = System;
		}
	};
}

/// `pallet_assets::Config` for a mock (u32 ids, u128 balances, no deposits, created by any signed
/// account, forced by Root), and `AllAssets`: every token, MIR from `Balances` and the rest from
/// `Assets`. `$runtime, auto_increment_ids` makes `create` take `NextAssetId`'s id.
#[macro_export]
macro_rules! impl_assets {
	($runtime:ident) => {
		$crate::impl_assets!(@impl $runtime, ());
	};
	($runtime:ident, auto_increment_ids) => {
		$crate::impl_assets!(@impl $runtime, pallet_assets::AutoIncAssetId<$runtime>);
	};
	(@impl $runtime:ident, $allocator:ty) => {
		#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for $runtime {
			type Balance = u128;
			type AssetId = u32;
			type AssetIdParameter = u32;
			type Currency = Balances;
			type CreateOrigin =
				frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<u128>>;
			type ForceOrigin = frame_system::EnsureRoot<u128>;
			type Freezer = ();
			type AssetIdAllocator = $allocator;
			type AssetDeposit = frame_support::traits::ConstU128<0>;
			type AssetAccountDeposit = frame_support::traits::ConstU128<0>;
			type MetadataDepositBase = frame_support::traits::ConstU128<0>;
			type MetadataDepositPerByte = frame_support::traits::ConstU128<0>;
			type ApprovalDeposit = frame_support::traits::ConstU128<0>;
		}

		/// Every token: MIR from Balances, the rest from Assets.
		pub type AllAssets = frame_support::traits::fungible::UnionOf<
			Balances,
			Assets,
			frame_support::traits::fungible::NativeFromLeft,
			frame_support::traits::fungible::NativeOrWithId<u32>,
			u128,
		>;
	};
}
