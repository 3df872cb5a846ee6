//! Benchmarks of the LpStaking pallet, each in its worst case: a bond makes a stake record (its
//! deposit held) in a pool with rewards, an unbond or a withdrawal removes one (its deposit
//! released) after settling, LP tokens are `pallet-assets` tokens, both halves of a pool bonded.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use mirror_primitives::NativeOrWithId;
use sp_runtime::FixedPointNumber;

const ASSET: u32 = 2_000;
const LP: u32 = 3_000;
const FUNDS: Balance = 1_000_000_000_000_000;
const BOND: Balance = 1_000_000_000;
const REWARD: Balance = 1_000_000_000;

fn asset(i: u32) -> AssetId {
	NativeOrWithId::WithId(ASSET + i)
}

fn lp(i: u32) -> AssetId {
	NativeOrWithId::WithId(LP + i)
}

fn fund_mir<T: Config>(who: &T::AccountId, amount: Balance) {
	let _ = T::Assets::mint_into(MIR, who, amount);
}

/// The pallet's account with MIR's existential deposit, and a caller with MIR. Pools from the
/// genesis are removed, so that every benchmark can create up to [`Config::MaxPools`].
fn caller<T: Config>() -> T::AccountId {
	let _ = Pools::<T>::clear(u32::MAX, None);
	let account = Pallet::<T>::account_id();
	let ed = T::Assets::minimum_balance(MIR);
	if T::Assets::balance(MIR, &account) < ed {
		fund_mir::<T>(&account, ed);
	}
	let caller: T::AccountId = whitelisted_caller();
	// Fees and every stake record's deposit (two per pool).
	fund_mir::<T>(&caller, FUNDS);
	caller
}

/// Pool `i` with a plain LP token (no AMM pool), half of its rewards to shorts, and the caller
/// holding its LP token.
fn plain_pool<T: Config>(i: u32, caller: &T::AccountId) -> AssetId {
	T::BenchmarkHelper::create_token(&asset(i));
	T::BenchmarkHelper::create_token(&lp(i));
	let _ = Pallet::<T>::do_register_asset(asset(i), lp(i));
	Pools::<T>::mutate(asset(i), |p| {
		if let Some(p) = p {
			p.short_reward_weight = FixedU128::from_rational(1, 2);
		}
	});
	let _ = T::Assets::mint_into(lp(i), caller, FUNDS);
	lp(i)
}

/// Pool `i` whose LP token is that of a real AMM pool of the asset against UST, priced 100; the
/// caller holds the asset, UST and LP tokens.
fn amm_pool<T: Config>(i: u32, caller: &T::AccountId) -> AssetId {
	T::BenchmarkHelper::create_token(&asset(i));
	let price = FixedU128::saturating_from_integer(100u32);
	T::BenchmarkHelper::set_price(&asset(i), price);
	let token = T::BenchmarkHelper::create_amm_pool(&asset(i), price);
	let _ = Pallet::<T>::do_register_asset(asset(i), token.clone());
	let _ = T::Assets::mint_into(asset(i), caller, FUNDS);
	let _ = T::Assets::mint_into(UST, caller, FUNDS);
	token
}

/// Deposits MIR rewards for pool `i` from a funded account.
fn reward<T: Config>(i: u32) -> Result<(), BenchmarkError> {
	let funder: T::AccountId = account("funder", 0, 0);
	fund_mir::<T>(&funder, REWARD.saturating_mul(10));
	<Pallet<T> as RewardPools<T::AccountId>>::deposit_reward(&funder, &asset(i), REWARD)?;
	Ok(())
}

/// The caller bonds LP and sLP in pool `i`, then rewards arrive: both records have rewards to
/// settle.
fn stake_and_reward<T: Config>(i: u32, caller: &T::AccountId) -> Result<(), BenchmarkError> {
	Pallet::<T>::bond(RawOrigin::Signed(caller.clone()).into(), asset(i), BOND)?;
	<Pallet<T> as ShortStakeHook<T::AccountId>>::increase_short(&asset(i), caller, BOND)?;
	reward::<T>(i)
}

/// Another staker bonds LP (in `token`) and sLP in pool `i`, then rewards arrive: the caller's
/// record will be new, in a pool with bonds and rewards.
fn others_staked<T: Config>(i: u32, token: AssetId) -> Result<(), BenchmarkError> {
	let other: T::AccountId = account("staker", i, 0);
	fund_mir::<T>(&other, FUNDS);
	let _ = T::Assets::mint_into(token, &other, FUNDS);
	stake_and_reward::<T>(i, &other)
}

/// Whether `who`'s `half` record of pool `i` holds a deposit.
fn holds_deposit<T: Config>(who: &T::AccountId, i: u32, half: Half) -> bool {
	StakeDeposits::<T>::contains_key(who, (asset(i), half))
}

/// The caller bonds LP and sLP in pool `i`, rewards arrive, and it unbonds both: two records
/// with rewards and no bond, each holding its deposit.
fn stake_and_unbond<T: Config>(i: u32, caller: &T::AccountId) -> Result<(), BenchmarkError> {
	stake_and_reward::<T>(i, caller)?;
	Pallet::<T>::unbond(RawOrigin::Signed(caller.clone()).into(), asset(i), BOND)?;
	<Pallet<T> as ShortStakeHook<T::AccountId>>::decrease_short(&asset(i), caller, BOND)?;
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let token = plain_pool::<T>(0, &caller);
		others_staked::<T>(0, token.clone())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), asset(0), BOND);

		assert_eq!(LpStakes::<T>::get(&caller, asset(0)).map(|r| r.bond_amount), Some(BOND));
		assert!(holds_deposit::<T>(&caller, 0, Half::Lp));
		assert_eq!(T::Assets::balance(token, &Pallet::<T>::account_id()), 2 * BOND);
		Ok(())
	}

	#[benchmark]
	fn unbond() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let token = plain_pool::<T>(0, &caller);
		others_staked::<T>(0, token.clone())?;
		Pallet::<T>::bond(RawOrigin::Signed(caller.clone()).into(), asset(0), BOND)?;
		let before = T::Assets::balance(token.clone(), &caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), asset(0), BOND);

		assert_eq!(T::Assets::balance(token, &caller), before + BOND);
		assert!(!LpStakes::<T>::contains_key(&caller, asset(0)));
		assert!(!holds_deposit::<T>(&caller, 0, Half::Lp));
		Ok(())
	}

	#[benchmark]
	fn withdraw_rewards() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		plain_pool::<T>(0, &caller);
		stake_and_unbond::<T>(0, &caller)?;
		let before = T::Assets::balance(MIR, &caller);

		#[extrinsic_call]
		withdraw_rewards(RawOrigin::Signed(caller.clone()), Some(asset(0)));

		// Both records are settled, emptied and removed; their deposits come back.
		assert!(T::Assets::balance(MIR, &caller) >= before + REWARD - 2);
		assert!(!holds_deposit::<T>(&caller, 0, Half::Lp));
		assert!(!holds_deposit::<T>(&caller, 0, Half::Short));
		Ok(())
	}

	/// `n` pools, each with an LP and an sLP record of the caller's that have rewards to settle
	/// and no bond left: each is removed and its deposit released.
	#[benchmark]
	fn withdraw_all_rewards(n: Linear<1, { T::MaxPools::get() }>) -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		for i in 0..n {
			plain_pool::<T>(i, &caller);
			stake_and_unbond::<T>(i, &caller)?;
		}
		let before = T::Assets::balance(MIR, &caller);

		#[extrinsic_call]
		withdraw_rewards(RawOrigin::Signed(caller.clone()), None);

		assert!(T::Assets::balance(MIR, &caller) >= before + (REWARD - 2) * n as Balance);
		Ok(())
	}

	#[benchmark]
	fn auto_stake() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let token = amm_pool::<T>(0, &caller);
		others_staked::<T>(0, token)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), asset(0), 1_000_000, 100_000_000, None);

		assert!(LpStakes::<T>::get(&caller, asset(0)).is_some_and(|r| r.bond_amount > 0));
		assert!(holds_deposit::<T>(&caller, 0, Half::Lp));
		Ok(())
	}

	/// `n` assets with AMM pools and oracle prices, all due for an adjustment.
	#[benchmark]
	fn adjust_premium(n: Linear<1, { T::MaxPremiumAssets::get() }>) -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let assets: Vec<AssetId> = (0..n)
			.map(|i| {
				amm_pool::<T>(i, &caller);
				asset(i)
			})
			.collect();
		let assets: PremiumAssets<T> =
			assets.try_into().map_err(|_| BenchmarkError::Stop("too many assets"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), assets);

		let now = Pallet::<T>::now();
		assert!(Pools::<T>::get(asset(n - 1)).is_some_and(|p| p.premium_updated_time == now));
		Ok(())
	}

	#[benchmark]
	fn register_asset() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::create_token(&asset(0));
		T::BenchmarkHelper::create_token(&lp(0));
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(0), lp(0));

		assert!(Pools::<T>::contains_key(asset(0)));
		Ok(())
	}

	#[benchmark]
	fn deprecate_staking_token() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		plain_pool::<T>(0, &caller);
		T::BenchmarkHelper::create_token(&lp(1));
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset(0), lp(1));

		assert!(Pools::<T>::get(asset(0)).is_some_and(|p| p.migration.is_some()));
		Ok(())
	}

	#[benchmark]
	fn update_config() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			Some(60),
			Some(FixedU128::from_rational(1, 2)),
			Some(FixedU128::from_rational(3, 100)),
		);

		assert_eq!(Parameters::<T>::get().premium_min_update_interval, 60);
		Ok(())
	}

	/// A deposit of one asset's rewards (the Factory's, or anyone's): both halves bonded.
	#[benchmark]
	fn deposit_reward() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		plain_pool::<T>(0, &caller);
		stake_and_reward::<T>(0, &caller)?;
		fund_mir::<T>(&caller, REWARD * 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), asset(0), REWARD);

		assert!(Pools::<T>::get(asset(0)).is_some_and(|p| !p.short.index.is_zero()));
		Ok(())
	}

	/// Mint's hook when a short position's debt grows: a record with rewards to settle.
	#[benchmark]
	fn increase_short() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let token = plain_pool::<T>(0, &caller);
		others_staked::<T>(0, token)?;

		#[block]
		{
			<Pallet<T> as ShortStakeHook<T::AccountId>>::increase_short(&asset(0), &caller, BOND)?;
		}

		assert_eq!(ShortStakes::<T>::get(&caller, asset(0)).map(|r| r.bond_amount), Some(BOND));
		assert!(holds_deposit::<T>(&caller, 0, Half::Short));
		Ok(())
	}

	/// Mint's hook when a short position's debt shrinks.
	#[benchmark]
	fn decrease_short() -> Result<(), BenchmarkError> {
		let caller = caller::<T>();
		let token = plain_pool::<T>(0, &caller);
		others_staked::<T>(0, token)?;
		<Pallet<T> as ShortStakeHook<T::AccountId>>::increase_short(&asset(0), &caller, BOND)?;

		#[block]
		{
			<Pallet<T> as ShortStakeHook<T::AccountId>>::decrease_short(&asset(0), &caller, BOND)?;
		}

		assert!(!ShortStakes::<T>::contains_key(&caller, asset(0)));
		assert!(!holds_deposit::<T>(&caller, 0, Half::Short));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
