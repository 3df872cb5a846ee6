//! Runtime tests of the hardening pass (docs/hardening.md): each spans pallets or the transaction
//! pipeline, and each failed before its fix.
//!
//! 1. Free feeds that would fail never reach the pool or a block, and a block cannot be stuffed
//!    with free feeds.
//! 2. A `distribute` in block 1 pays nothing.
//! 3. A swap just before `adjust_premium` moves the premium by its time share only.
//! 4. A fee balance large against the pool converts in slices within the oracle bound.

mod common;

use common::{account, advance, dev_ext, feeder, feeder_pair, signed, GENESIS_SECS};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	storage::{with_transaction, TransactionOutcome},
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		Hooks,
	},
	BoundedVec,
};
use mirror_primitives::{AssetId, NativeOrWithId, MIR, UNIT, UST};
use mirror_runtime::{
	configs::NativeAndAssets, Amm, Collector, Executive, Factory, LpStaking, Oracle, Runtime,
	RuntimeCall, RuntimeOrigin, System, UncheckedExtrinsic,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Ferdie};
use sp_runtime::{
	traits::Zero,
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
	},
	ApplyExtrinsicResult, FixedPointNumber, FixedU128,
};

const MAAPL: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[0].0);
const MTSLA: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[1].0);
const MGOOGL: AssetId =
	NativeOrWithId::WithId(mirror_runtime::genesis_config_presets::DEV_MASSETS[2].0);

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// The dev feeder feeds mAAPL at 180 (and MIR at 1.5).
fn feed() {
	let prices: BoundedVec<_, _> = vec![(MAAPL, fx(180, 1)), (MIR, fx(3, 2))].try_into().unwrap();
	assert_ok!(Oracle::feed_prices(RuntimeOrigin::signed(feeder()), prices));
}

/// `who` buys mAAPL with `ust` UST on the AMM, with no spread check.
fn buy_maapl(who: mirror_runtime::AccountId, ust: u128) {
	assert_ok!(Amm::swap(RuntimeOrigin::signed(who), UST, MAAPL, ust, None, None, None));
}

// --- 1. free feeds --------------------------------------------------------------------------------

fn feed_call(prices: Vec<(AssetId, FixedU128)>) -> RuntimeCall {
	RuntimeCall::Oracle(pallet_mirror_oracle::Call::feed_prices {
		prices: prices.try_into().expect("within the bound"),
	})
}

/// What the transaction pool answers, without keeping any of the validation's changes.
fn pool_validity(xt: UncheckedExtrinsic) -> TransactionValidity {
	with_transaction(|| {
		let validity =
			Executive::validate_transaction(TransactionSource::External, xt, System::parent_hash());
		TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(validity))
	})
	.expect("validation does not fail as a dispatch")
}

fn refused(code: pallet_mirror_oracle::FeedInvalid) -> TransactionValidityError {
	InvalidTransaction::Custom(code as u8).into()
}

fn nonce(who: &sp_core::sr25519::Pair) -> u32 {
	System::account_nonce(mirror_runtime::AccountId::from(sp_core::Pair::public(who)))
}

#[test]
fn a_non_feeders_empty_feed_is_refused_by_the_pool_and_costs_the_sender_nothing() {
	dev_ext().execute_with(|| {
		use pallet_mirror_oracle::FeedInvalid;
		let bob = account(Bob);
		let before = NativeAndAssets::balance(MIR, &bob);
		let empty = signed(&Bob.pair(), feed_call(vec![]), nonce(&Bob.pair()));
		assert_eq!(pool_validity(empty.clone()), Err(refused(FeedInvalid::Empty)));
		// A block builder refuses it too: nothing is applied, nothing is paid.
		let applied: ApplyExtrinsicResult = Executive::apply_extrinsic(empty);
		assert_eq!(applied, Err(refused(FeedInvalid::Empty)));
		assert_eq!(NativeAndAssets::balance(MIR, &bob), before);
		assert_eq!(nonce(&Bob.pair()), 0);
		// A non-feeder's feed of a real asset, and a feeder's feed of an asset it does not feed.
		let xt = signed(&Bob.pair(), feed_call(vec![(MAAPL, fx(180, 1))]), nonce(&Bob.pair()));
		assert_eq!(pool_validity(xt), Err(refused(FeedInvalid::NotFeeder)));
		let xt = signed(&feeder_pair(), feed_call(vec![(UST, fx(1, 1))]), nonce(&feeder_pair()));
		assert_eq!(pool_validity(xt), Err(refused(FeedInvalid::UnknownAsset)));
		// Other calls are untouched, and a feeder's valid feed is valid.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() });
		assert!(pool_validity(signed(&Bob.pair(), remark, nonce(&Bob.pair()))).is_ok());
		let xt =
			signed(&feeder_pair(), feed_call(vec![(MAAPL, fx(180, 1))]), nonce(&feeder_pair()));
		assert!(pool_validity(xt).is_ok());
	});
}

#[test]
fn a_block_stuffed_with_free_feeds_is_impossible() {
	dev_ext().execute_with(|| {
		use pallet_mirror_oracle::FeedInvalid;
		let max = <Runtime as pallet_mirror_oracle::Config>::MaxFeedsPerBlock::get();
		let feeder = feeder();
		let fees_before = NativeAndAssets::balance(MIR, &feeder);
		// The feeder feeds four assets, one per transaction, all in one block.
		let assets = [MAAPL, MTSLA, MGOOGL, MIR];
		let mut landed = 0;
		for (i, asset) in assets.iter().enumerate() {
			let xt = signed(
				&feeder_pair(),
				feed_call(vec![(asset.clone(), fx(100, 1))]),
				nonce(&feeder_pair()),
			);
			let applied = Executive::apply_extrinsic(xt);
			if (i as u32) < max {
				assert_eq!(applied, Ok(Ok(())), "feed {i}");
				landed += 1;
			} else {
				assert_eq!(applied, Err(refused(FeedInvalid::TooManyFeedsInBlock)), "feed {i}");
			}
		}
		assert_eq!(landed, max);
		// Free: the feeder paid nothing for the feeds that landed.
		assert_eq!(NativeAndAssets::balance(MIR, &feeder), fees_before);
		// The same asset twice in a block is refused as well.
		advance(3);
		let xt =
			signed(&feeder_pair(), feed_call(vec![(MAAPL, fx(100, 1))]), nonce(&feeder_pair()));
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));
		let again =
			signed(&feeder_pair(), feed_call(vec![(MAAPL, fx(101, 1))]), nonce(&feeder_pair()));
		assert_eq!(Executive::apply_extrinsic(again), Err(refused(FeedInvalid::AlreadyFed)));
		// A feed wrapped in a batch is not free: it pays its fee like any call.
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![feed_call(vec![(MTSLA, fx(250, 1))])],
		});
		assert!(batch.get_dispatch_info().pays_fee == frame_support::dispatch::Pays::Yes);
	});
}

// --- 2. emission in block 1 -----------------------------------------------------------------------

#[test]
fn a_distribute_in_block_1_pays_nothing_and_the_schedule_starts_at_block_1() {
	dev_ext().execute_with(|| {
		// Block 1, before its `on_finalize`: the schedule has no origin yet.
		assert!(pallet_mirror_factory::GenesisTime::<Runtime>::get().is_zero());
		let factory = mirror_runtime::genesis_config_presets::factory_account();
		let before = NativeAndAssets::balance(MIR, &factory);
		assert_noop!(
			Factory::distribute(RuntimeOrigin::signed(account(Ferdie))),
			pallet_mirror_factory::Error::<Runtime>::ScheduleNotStarted
		);
		assert_eq!(Factory::distribution_info().pending_amount, 0);
		<Factory as Hooks<u32>>::on_finalize(1);
		assert_eq!(pallet_mirror_factory::GenesisTime::<Runtime>::get(), GENESIS_SECS);
		// Two minutes later the dev schedule (its first year from genesis) has released two
		// minutes' worth: 54.9M MIR a year.
		advance(120);
		assert_ok!(Factory::distribute(RuntimeOrigin::signed(account(Ferdie))));
		let paid = before - NativeAndAssets::balance(MIR, &factory);
		let per_second = 54_900_000 * UNIT / 31_557_600;
		assert!(paid >= 120 * per_second && paid <= 121 * per_second, "{paid}");
	});
}

// --- 3. the premium is time-weighted --------------------------------------------------------------

#[test]
fn a_large_swap_before_adjust_premium_moves_it_by_its_time_share_only() {
	dev_ext().execute_with(|| {
		let bob = account(Bob);
		feed();
		// A small trade records the pool's first observation at the pool price, 180.
		buy_maapl(bob.clone(), UNIT);
		let pre_attack = {
			let (asset_reserve, ust_reserve) = Amm::reserves(&MAAPL, &UST).expect("a pool");
			let price = FixedU128::checked_from_rational(ust_reserve, asset_reserve).unwrap();
			(price - fx(180, 1)) / fx(180, 1)
		};
		advance(57);
		feed();
		// 200,000 UST buys up mAAPL: the spot premium is above 20 %.
		let attacker = account(Charlie);
		buy_maapl(attacker, 200_000 * UNIT);
		let (asset_reserve, ust_reserve) = Amm::reserves(&MAAPL, &UST).expect("a pool");
		let spot = FixedU128::checked_from_rational(ust_reserve, asset_reserve).unwrap();
		let spot_premium = (spot - fx(180, 1)) / fx(180, 1);
		assert!(spot_premium > fx(1, 5), "{spot_premium:?}");
		// Three seconds later the premium is adjusted over a 60 s window.
		advance(3);
		feed();
		assert_ok!(LpStaking::adjust_premium(
			RuntimeOrigin::signed(bob),
			vec![MAAPL].try_into().unwrap()
		));
		let pool = pallet_mirror_lp_staking::Pools::<Runtime>::get(&MAAPL).unwrap();
		let window = System::events()
			.into_iter()
			.rev()
			.find_map(|r| match r.event {
				mirror_runtime::RuntimeEvent::LpStaking(
					pallet_mirror_lp_staking::Event::PremiumAdjusted { twap_window, .. },
				) => Some(twap_window),
				_ => None,
			})
			.expect("an event");
		assert_eq!(window, 60);
		// The spot premium held for 3 s of the 60: at most 3/60 of it (over the small premium
		// the pool had before), and a weight far below the one the spot premium would give.
		let bound = pre_attack + spot_premium * fx(3, 60) + fx(1, 1_000_000_000);
		assert!(pool.premium_rate <= bound, "{:?} > {bound:?}", pool.premium_rate);
		assert!(pool.premium_rate > FixedU128::zero());
		let parameters = LpStaking::parameters();
		let bounded_weight = pallet_mirror_lp_staking::math::short_reward_weight(
			bound,
			parameters.short_reward_cap,
			parameters.premium_half_max,
		);
		let spot_weight = pallet_mirror_lp_staking::math::short_reward_weight(
			spot_premium,
			parameters.short_reward_cap,
			parameters.premium_half_max,
		);
		assert!(pool.short_reward_weight <= bounded_weight);
		assert!(bounded_weight < spot_weight);
	});
}

// --- 4. the Collector sells in slices -------------------------------------------------------------

#[test]
fn a_fee_balance_of_five_percent_of_the_pool_converts_in_slices_within_the_bound() {
	dev_ext().execute_with(|| {
		feed();
		let collector = Collector::account_id();
		let (asset_reserve, _) = Amm::reserves(&MAAPL, &UST).expect("a pool");
		let fees = asset_reserve / 20;
		assert_ok!(NativeAndAssets::transfer(
			MAAPL,
			&account(Alice),
			&collector,
			fees,
			Preservation::Expendable
		));
		// All at once it is 5 % of the pool: beyond the 1 % bound.
		assert_noop!(
			Collector::convert(RuntimeOrigin::signed(account(Bob)), MAAPL, None),
			pallet_mirror_amm::Error::<Runtime>::MaxSpreadAssertion
		);
		// In ten slices of 0.5 %, with an arbitrageur bringing the pool back to the oracle
		// price after each, every slice stays within the bound.
		let arbitrageur = account(Charlie);
		let slice = fees / 10;
		let mut received = 0;
		for i in 0..10 {
			advance(3);
			feed();
			let amount = if i == 9 { None } else { Some(slice) };
			let ust_before = NativeAndAssets::balance(UST, &collector);
			assert_ok!(Collector::convert(RuntimeOrigin::signed(account(Bob)), MAAPL, amount));
			let got = NativeAndAssets::balance(UST, &collector) - ust_before;
			received += got;
			buy_maapl(arbitrageur.clone(), got);
		}
		assert_eq!(NativeAndAssets::balance(MAAPL, &collector), 0);
		// Within 1 % of the oracle value of the whole balance.
		let value = fees * 180;
		assert!(received * 100 >= value * 99, "{received} of {value}");
	});
}

// --- 5. registrations name existing tokens only ---------------------------------------------------

#[test]
fn feeders_and_collaterals_are_registered_only_for_existing_tokens() {
	dev_ext().execute_with(|| {
		let missing = NativeOrWithId::WithId(999_999);
		assert_noop!(
			Oracle::register_feeder(RuntimeOrigin::root(), missing.clone(), account(Bob)),
			pallet_mirror_oracle::Error::<Runtime>::AssetNotFound
		);
		assert_noop!(
			mirror_runtime::CollateralOracle::register_collateral_asset(
				RuntimeOrigin::root(),
				missing,
				mirror_primitives::PriceSource::Oracle,
				fx(1, 1)
			),
			pallet_mirror_collateral_oracle::Error::<Runtime>::AssetNotFound
		);
		// An existing token is fine: MIR always, an mAsset that exists.
		assert_ok!(Oracle::register_feeder(RuntimeOrigin::root(), MAAPL, account(Bob)));
		assert_ok!(Oracle::register_feeder(RuntimeOrigin::root(), MIR, account(Bob)));
	});
}
