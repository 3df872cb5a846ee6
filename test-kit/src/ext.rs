//! Genesis, the clock and the test runner.

use core::{fmt::Debug, marker::PhantomData};
use sp_io::TestExternalities;
use sp_runtime::{traits::One, BuildStorage, Storage};

/// Builds a mock's externalities: `frame_system`'s genesis, then the configs added; [`Self::build`]
/// starts them at block 1.
pub struct ExtBuilder<T> {
	storage: Storage,
	_runtime: PhantomData<T>,
}

impl<T: frame_system::Config> Default for ExtBuilder<T> {
	fn default() -> Self {
		let storage = frame_system::GenesisConfig::<T>::default().build_storage().unwrap();
		Self { storage, _runtime: PhantomData }
	}
}

impl<T: frame_system::Config> ExtBuilder<T> {
	/// Adds a genesis config (the pallet's own, say).
	pub fn genesis(mut self, config: impl BuildStorage) -> Self {
		config.assimilate_storage(&mut self.storage).unwrap();
		self
	}

	/// `pallet_balances`' genesis: these MIR balances.
	pub fn balances(self, balances: Vec<(T::AccountId, u128)>) -> Self
	where
		T: pallet_balances::Config<Balance = u128>,
	{
		self.genesis(pallet_balances::GenesisConfig::<T> { balances, ..Default::default() })
	}

	/// `pallet_assets`' genesis: these assets (id, owner, sufficient, minimum balance) and
	/// accounts (id, who, balance), new ids from `next_asset_id`.
	pub fn assets(
		self,
		assets: Vec<(u32, T::AccountId, bool, u128)>,
		accounts: Vec<(u32, T::AccountId, u128)>,
		next_asset_id: Option<u32>,
	) -> Self
	where
		T: pallet_assets::Config<AssetId = u32, Balance = u128>,
	{
		self.genesis(pallet_assets::GenesisConfig::<T> {
			assets,
			metadata: vec![],
			accounts,
			next_asset_id,
			reserves: vec![],
		})
	}

	/// The externalities, at block 1.
	pub fn build(self) -> TestExternalities {
		let mut ext = TestExternalities::new(self.storage);
		ext.execute_with(|| frame_system::Pallet::<T>::set_block_number(One::one()));
		ext
	}

	/// The externalities, at block 1 and `secs` seconds.
	pub fn build_at(self, secs: u64) -> TestExternalities
	where
		T: pallet_timestamp::Config<Moment = u64>,
	{
		let mut ext = self.build();
		ext.execute_with(|| set_time::<T>(secs));
		ext
	}
}

/// Sets `T`'s clock to `secs` seconds.
pub fn set_time<T: pallet_timestamp::Config<Moment = u64>>(secs: u64) {
	pallet_timestamp::Now::<T>::put(secs * 1_000);
}

/// `T`'s clock, in seconds.
pub fn now<T: pallet_timestamp::Config<Moment = u64>>() -> u64 {
	pallet_timestamp::Now::<T>::get() / 1_000
}

/// The next block, `secs` seconds later.
pub fn next_block<T: pallet_timestamp::Config<Moment = u64>>(secs: u64) {
	frame_system::Pallet::<T>::set_block_number(
		frame_system::Pallet::<T>::block_number() + One::one(),
	);
	set_time::<T>(now::<T>() + secs);
}

/// Runs `test` in `ext`, then checks the pallet's invariants (`try_state`), failing with
/// `invariants` and the error.
pub fn run_checked<E: Debug>(
	mut ext: TestExternalities,
	test: impl FnOnce(),
	try_state: impl FnOnce() -> Result<(), E>,
	invariants: &str,
) {
	ext.execute_with(|| {
		test();
		try_state().expect(invariants);
	});
}
