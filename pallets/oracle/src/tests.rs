//! Unit tests of the Oracle pallet: every call, every error, the median, staleness and the circuit
//! breaker. Every test ends with the pallet's `try_state` checks (`run_test`).

use crate::{mock::*, Error, Event, Feeds, RejectReason};
use frame_support::{assert_noop, assert_ok, dispatch::Pays, BoundedVec};
use mirror_primitives::{OracleAssetConfig, PriceError, PriceProvider, PriceRange, UST};
use sp_runtime::traits::{One as _, Zero as _};
use sp_runtime::{DispatchError, FixedPointNumber, FixedU128};

fn p(n: u128) -> FixedU128 {
	FixedU128::saturating_from_integer(n)
}

fn batch(
	prices: &[(mirror_primitives::AssetId, FixedU128)],
) -> BoundedVec<(mirror_primitives::AssetId, FixedU128), MaxPricesPerFeed> {
	prices.to_vec().try_into().expect("within the bound")
}

fn feed(
	who: u64,
	prices: &[(mirror_primitives::AssetId, FixedU128)],
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Oracle::feed_prices(RuntimeOrigin::signed(who), batch(prices))
}

fn price(asset: mirror_primitives::AssetId, max_age: u64) -> Result<(FixedU128, u64), PriceError> {
	<Oracle as PriceProvider>::price(&asset, max_age)
}

fn register(asset: mirror_primitives::AssetId, who: u64) {
	assert_ok!(Oracle::register_feeder(RuntimeOrigin::root(), asset, who));
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

// --- feed_prices ---------------------------------------------------------------------------------

#[test]
fn a_feeder_feeds_and_the_price_is_readable_for_free() {
	run_test(|| {
		let info = feed(ALICE, &[(AAPL, p(150))]).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert_eq!(price(AAPL, 60), Ok((p(150), GENESIS_SECS)));
		System::assert_last_event(
			Event::PriceFed { asset: AAPL, feeder: ALICE, price: p(150), timestamp: GENESIS_SECS }
				.into(),
		);
	});
}

#[test]
fn a_batch_feeds_several_assets() {
	run_test(|| {
		assert_ok!(feed(ALICE, &[(AAPL, p(150)), (MIR, FixedU128::from_rational(3, 2))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(150)));
		assert_eq!(price(MIR, 60).map(|x| x.0), Ok(FixedU128::from_rational(3, 2)));
		assert_eq!(System::events().len(), 2);
	});
}

#[test]
fn an_unauthorised_feed_fails_pays_and_changes_nothing() {
	run_test(|| {
		let err = feed(BOB, &[(AAPL, p(150))]).unwrap_err();
		assert_eq!(err.error, Error::<Test>::NotFeeder.into());
		assert_eq!(err.post_info.pays_fee, Pays::Yes);
		assert_eq!(price(AAPL, 60), Err(PriceError::NoPrice));
	});
}

#[test]
fn one_bad_entry_fails_the_whole_batch() {
	run_test(|| {
		// Alice feeds mAAPL but not mTSLA (unknown to the oracle).
		assert_noop!(feed(ALICE, &[(AAPL, p(150)), (TSLA, p(200))]), Error::<Test>::UnknownAsset);
		register(TSLA, BOB);
		assert_noop!(feed(ALICE, &[(AAPL, p(150)), (TSLA, p(200))]), Error::<Test>::NotFeeder);
		assert_noop!(feed(ALICE, &[(AAPL, p(150)), (MIR, p(0))]), Error::<Test>::ZeroPrice);
		assert_eq!(price(AAPL, 60), Err(PriceError::NoPrice));
	});
}

#[test]
fn a_duplicate_asset_in_a_batch_fails() {
	run_test(|| {
		assert_noop!(
			feed(ALICE, &[(AAPL, p(150)), (MIR, p(1)), (AAPL, p(1))]),
			Error::<Test>::DuplicateAsset
		);
	});
}

#[test]
fn unsigned_feeds_fail() {
	run_test(|| {
		assert_noop!(
			Oracle::feed_prices(RuntimeOrigin::none(), batch(&[(AAPL, p(1))])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_batch_longer_than_the_bound_cannot_be_built() {
	run_test(|| {
		let too_many: Vec<_> =
			(0..5).map(|i| (mirror_primitives::NativeOrWithId::WithId(10 + i), p(1))).collect();
		assert!(BoundedVec::<_, MaxPricesPerFeed>::try_from(too_many).is_err());
	});
}

#[test]
fn a_feeder_feeds_an_asset_at_most_once_per_block() {
	run_test(|| {
		assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
		assert_noop!(feed(ALICE, &[(AAPL, p(151))]), Error::<Test>::AlreadyFed);
		// Another asset in the same block is fine.
		assert_ok!(feed(ALICE, &[(MIR, p(1))]));
		advance(3);
		assert_ok!(feed(ALICE, &[(AAPL, p(151))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(151)));
	});
}

#[test]
fn the_quote_asset_is_priced_one_and_never_stale() {
	run_test(|| {
		assert_eq!(price(UST, 0), Ok((FixedU128::one(), GENESIS_SECS)));
		advance(1_000_000);
		assert_eq!(price(UST, 0).map(|x| x.0), Ok(FixedU128::one()));
		assert_noop!(
			Oracle::register_feeder(RuntimeOrigin::root(), UST, ALICE),
			Error::<Test>::QuoteAssetNotFed
		);
		assert_noop!(feed(ALICE, &[(UST, p(1))]), Error::<Test>::UnknownAsset);
	});
}

// --- staleness and the median --------------------------------------------------------------------

#[test]
fn a_price_older_than_max_age_is_stale() {
	run_test(|| {
		assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
		advance(60);
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(150)));
		advance(1);
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		// A caller that tolerates older prices still gets it.
		assert_eq!(price(AAPL, 120), Ok((p(150), GENESIS_SECS)));
	});
}

#[test]
fn the_price_is_the_median_of_fresh_feeds() {
	run_test(|| {
		register(AAPL, BOB);
		register(AAPL, CHARLIE);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(feed(BOB, &[(AAPL, p(300))]));
		assert_ok!(feed(CHARLIE, &[(AAPL, p(110))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(110)));

		// Charlie's feed goes stale; the median of the two others is their mean.
		advance(30);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(feed(BOB, &[(AAPL, p(120))]));
		advance(40);
		// Charlie fed at t0 (70 s ago): stale; Alice and Bob at t0 + 30 (40 s ago): fresh.
		assert_eq!(price(AAPL, 60), Ok((p(110), GENESIS_SECS + 30)));
	});
}

#[test]
fn the_price_time_is_the_oldest_fresh_feed() {
	run_test(|| {
		register(AAPL, BOB);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		advance(20);
		assert_ok!(feed(BOB, &[(AAPL, p(102))]));
		assert_eq!(price(AAPL, 60), Ok((p(101), GENESIS_SECS)));
	});
}

#[test]
fn min_fresh_feeds_is_enforced() {
	run_test(|| {
		register(AAPL, BOB);
		let config = OracleAssetConfig { min_fresh_feeds: 2, ..Default::default() };
		assert_ok!(Oracle::set_asset_config(RuntimeOrigin::root(), AAPL, config));
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_eq!(price(AAPL, 60), Err(PriceError::NotEnoughFeeds));
		assert_ok!(feed(BOB, &[(AAPL, p(104))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(102)));
		advance(61);
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
	});
}

#[test]
fn price_errors_tell_unknown_no_price_stale_and_frozen_apart() {
	run_test(|| {
		assert_eq!(price(TSLA, 60), Err(PriceError::UnknownAsset));
		assert_eq!(price(AAPL, 60), Err(PriceError::NoPrice));
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(Oracle::freeze(RuntimeOrigin::root(), AAPL));
		assert_eq!(price(AAPL, 60), Err(PriceError::Frozen));
		assert_ok!(Oracle::unfreeze(RuntimeOrigin::root(), AAPL));
		advance(100);
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		assert_eq!(
			DispatchError::from(Oracle::price_error(PriceError::Stale)),
			Error::<Test>::PriceStale.into()
		);
		assert_eq!(
			DispatchError::from(Oracle::price_error(PriceError::Frozen)),
			Error::<Test>::AssetFrozen.into()
		);
		assert_eq!(
			DispatchError::from(Oracle::price_error(PriceError::UnknownAsset)),
			Error::<Test>::NoPrice.into()
		);
	});
}

// --- circuit breaker -----------------------------------------------------------------------------

fn breaker(max_deviation: Option<FixedU128>, range: Option<(u128, u128)>) -> OracleAssetConfig {
	OracleAssetConfig {
		min_fresh_feeds: 1,
		max_deviation,
		sanity_range: range.map(|(min, max)| PriceRange { min: p(min), max: p(max) }),
	}
}

#[test]
fn feeds_outside_the_sanity_range_are_skipped_and_the_rest_apply() {
	run_test(|| {
		assert_ok!(Oracle::set_asset_config(
			RuntimeOrigin::root(),
			AAPL,
			breaker(None, Some((10, 1_000)))
		));
		let info = feed(ALICE, &[(AAPL, p(5_000)), (MIR, p(2))]).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert!(System::events().iter().any(|r| r.event
			== Event::FeedRejected {
				asset: AAPL,
				feeder: ALICE,
				price: p(5_000),
				reason: RejectReason::OutOfRange
			}
			.into()));
		assert_eq!(price(AAPL, 60), Err(PriceError::NoPrice));
		assert_eq!(price(MIR, 60).map(|x| x.0), Ok(p(2)));
		// Bounds are inclusive.
		advance(3);
		assert_ok!(feed(ALICE, &[(AAPL, p(1_000))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(1_000)));
	});
}

#[test]
fn feeds_too_far_from_the_fresh_median_are_skipped() {
	run_test(|| {
		register(AAPL, BOB);
		let twenty_percent = FixedU128::from_rational(1, 5);
		assert_ok!(Oracle::set_asset_config(
			RuntimeOrigin::root(),
			AAPL,
			breaker(Some(twenty_percent), None)
		));
		// No fresh median yet: the first feed is accepted whatever it is.
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		// 30 % away: rejected.
		assert_ok!(feed(BOB, &[(AAPL, p(130))]));
		assert_eq!(
			last_event(),
			Event::FeedRejected {
				asset: AAPL,
				feeder: BOB,
				price: p(130),
				reason: RejectReason::TooFarFromMedian
			}
			.into()
		);
		// Exactly 20 % away: accepted.
		assert_ok!(feed(BOB, &[(AAPL, p(120))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(110)));
	});
}

#[test]
fn a_lone_feeder_is_never_locked_out_after_a_pause() {
	run_test(|| {
		assert_ok!(Oracle::set_asset_config(
			RuntimeOrigin::root(),
			AAPL,
			breaker(Some(FixedU128::from_rational(1, 10)), None)
		));
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		// The weekend: the market reopens 50 % higher, after the freshness window.
		advance(3 * 24 * 3600);
		assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(150)));
	});
}

// --- admin calls ---------------------------------------------------------------------------------

#[test]
fn register_and_remove_feeders() {
	run_test(|| {
		register(TSLA, BOB);
		System::assert_last_event(Event::FeederRegistered { asset: TSLA, feeder: BOB }.into());
		assert_noop!(
			Oracle::register_feeder(RuntimeOrigin::root(), TSLA, BOB),
			Error::<Test>::AlreadyFeeder
		);
		assert_ok!(feed(BOB, &[(TSLA, p(200))]));
		assert_ok!(Oracle::remove_feeder(RuntimeOrigin::root(), TSLA, BOB));
		System::assert_last_event(Event::FeederRemoved { asset: TSLA, feeder: BOB }.into());
		// The feed went with the feeder; the asset stays known.
		assert_eq!(price(TSLA, 60), Err(PriceError::NoPrice));
		assert_noop!(feed(BOB, &[(TSLA, p(200))]), Error::<Test>::NotFeeder);
		assert_noop!(
			Oracle::remove_feeder(RuntimeOrigin::root(), TSLA, BOB),
			Error::<Test>::NotFeeder
		);
		assert_noop!(
			Oracle::remove_feeder(
				RuntimeOrigin::root(),
				mirror_primitives::NativeOrWithId::WithId(77),
				BOB
			),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn an_asset_has_at_most_max_feeders() {
	run_test(|| {
		for who in [BOB, CHARLIE, DAVE, EVE] {
			register(AAPL, who);
		}
		assert_noop!(
			Oracle::register_feeder(RuntimeOrigin::root(), AAPL, FERDIE),
			Error::<Test>::TooManyFeeders
		);
	});
}

#[test]
fn admin_calls_need_the_admin_origin() {
	run_test(|| {
		let s = RuntimeOrigin::signed(ALICE);
		assert_noop!(Oracle::register_feeder(s.clone(), TSLA, BOB), DispatchError::BadOrigin);
		assert_noop!(Oracle::remove_feeder(s.clone(), AAPL, ALICE), DispatchError::BadOrigin);
		assert_noop!(
			Oracle::set_asset_config(s.clone(), AAPL, OracleAssetConfig::default()),
			DispatchError::BadOrigin
		);
		assert_noop!(Oracle::freeze(s.clone(), AAPL), DispatchError::BadOrigin);
		assert_noop!(Oracle::unfreeze(s, AAPL), DispatchError::BadOrigin);
	});
}

#[test]
fn set_asset_config_validates_and_reports_old_and_new() {
	run_test(|| {
		let new = breaker(Some(FixedU128::from_rational(1, 4)), Some((1, 10)));
		assert_ok!(Oracle::set_asset_config(RuntimeOrigin::root(), AAPL, new));
		System::assert_last_event(
			Event::AssetConfigUpdated { asset: AAPL, old: OracleAssetConfig::default(), new }
				.into(),
		);
		assert_eq!(Feeds::<Test>::get(AAPL).unwrap().config, new);

		let invalid = [
			OracleAssetConfig { min_fresh_feeds: 0, ..Default::default() },
			OracleAssetConfig { min_fresh_feeds: 6, ..Default::default() },
			breaker(Some(FixedU128::zero()), None),
			breaker(None, Some((10, 1))),
			breaker(None, Some((0, 1))),
		];
		for config in invalid {
			assert_noop!(
				Oracle::set_asset_config(RuntimeOrigin::root(), AAPL, config),
				Error::<Test>::InvalidConfig
			);
		}
		assert_noop!(
			Oracle::set_asset_config(RuntimeOrigin::root(), TSLA, OracleAssetConfig::default()),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn freeze_and_unfreeze() {
	run_test(|| {
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(Oracle::freeze(RuntimeOrigin::root(), AAPL));
		System::assert_last_event(Event::AssetFrozen { asset: AAPL }.into());
		assert_noop!(Oracle::freeze(RuntimeOrigin::root(), AAPL), Error::<Test>::AlreadyFrozen);
		// Feeds are still recorded while frozen.
		advance(3);
		assert_ok!(feed(ALICE, &[(AAPL, p(101))]));
		assert_eq!(price(AAPL, 60), Err(PriceError::Frozen));
		assert_ok!(Oracle::unfreeze(RuntimeOrigin::root(), AAPL));
		System::assert_last_event(Event::AssetUnfrozen { asset: AAPL }.into());
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(101)));
		assert_noop!(Oracle::unfreeze(RuntimeOrigin::root(), AAPL), Error::<Test>::NotFrozen);
		assert_noop!(Oracle::freeze(RuntimeOrigin::root(), TSLA), Error::<Test>::UnknownAsset);
		assert_noop!(Oracle::unfreeze(RuntimeOrigin::root(), TSLA), Error::<Test>::UnknownAsset);
	});
}

// --- runtime API view ----------------------------------------------------------------------------

#[test]
fn price_info_shows_the_feeds_behind_a_price() {
	run_test(|| {
		register(AAPL, BOB);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		advance(70);
		assert_ok!(feed(BOB, &[(AAPL, p(104))]));
		let info = Oracle::price_info(AAPL, 60).unwrap();
		assert_eq!(info.price.map(|x| x.price), Ok(p(104)));
		assert_eq!(info.feeds.len(), 2);
		assert_eq!((info.feeds[0].feeder, info.feeds[0].fresh), (ALICE, false));
		assert_eq!((info.feeds[1].feeder, info.feeds[1].fresh), (BOB, true));
		assert!(Oracle::price_info(TSLA, 60).is_none());
		assert_eq!(
			Oracle::price_info(UST, 60).unwrap().price.map(|x| x.price),
			Ok(FixedU128::one())
		);
		let all = Oracle::all_price_infos(60);
		assert_eq!(all.len(), 2);
		assert!(all.iter().any(|i| i.asset == MIR && i.price == Err(PriceError::NoPrice)));
	});
}

#[test]
fn genesis_registers_feeders() {
	run_test(|| {
		let aapl = Feeds::<Test>::get(AAPL).unwrap();
		assert_eq!(aapl.feeds.iter().map(|f| f.feeder).collect::<Vec<_>>(), vec![ALICE]);
		assert!(Feeds::<Test>::get(MIR).is_some());
	});
}

// --- CheckFeed: free feeds that would fail never enter the pool or a block ---------------------

mod check_feed {
	use super::*;
	use crate::{CheckFeed, FeedInvalid, FeedsInBlock};
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::{
		traits::DispatchTransaction,
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	fn feed_call(prices: &[(mirror_primitives::AssetId, FixedU128)]) -> RuntimeCall {
		RuntimeCall::Oracle(crate::Call::feed_prices { prices: batch(prices) })
	}

	/// What the transaction pool (and block building) answers for `call` signed by `who`.
	fn validate(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
		let info = call.get_dispatch_info();
		CheckFeed::<Test>::new()
			.validate_only(
				RuntimeOrigin::signed(who),
				call,
				&info,
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
	}

	fn refused(reason: FeedInvalid) -> Result<(), TransactionValidityError> {
		Err(InvalidTransaction::Custom(reason as u8).into())
	}

	#[test]
	fn a_non_feeders_empty_feed_is_refused_before_the_pool() {
		run_test(|| {
			assert_eq!(validate(BOB, &feed_call(&[])), refused(FeedInvalid::Empty));
			// The call itself fails too, with a named error.
			assert_noop!(feed(BOB, &[]), Error::<Test>::EmptyFeed);
			assert_noop!(feed(ALICE, &[]), Error::<Test>::EmptyFeed);
		});
	}

	#[test]
	fn every_feed_that_would_fail_is_refused() {
		run_test(|| {
			assert_eq!(validate(ALICE, &feed_call(&[])), refused(FeedInvalid::Empty));
			assert_eq!(validate(BOB, &feed_call(&[(AAPL, p(1))])), refused(FeedInvalid::NotFeeder));
			assert_eq!(
				validate(ALICE, &feed_call(&[(TSLA, p(1))])),
				refused(FeedInvalid::UnknownAsset)
			);
			assert_eq!(
				validate(ALICE, &feed_call(&[(AAPL, p(1)), (AAPL, p(2))])),
				refused(FeedInvalid::DuplicateAsset)
			);
			assert_eq!(
				validate(ALICE, &feed_call(&[(AAPL, FixedU128::zero())])),
				refused(FeedInvalid::ZeroPrice)
			);
			assert_ok!(validate(ALICE, &feed_call(&[(AAPL, p(150)), (MIR, p(1))])));
			// A valid feed lives in the pool for a few blocks only.
			let info = feed_call(&[(AAPL, p(150))]).get_dispatch_info();
			let (valid, ..) = CheckFeed::<Test>::new()
				.validate_only(
					RuntimeOrigin::signed(ALICE),
					&feed_call(&[(AAPL, p(150))]),
					&info,
					0,
					TransactionSource::External,
					0,
				)
				.unwrap();
			assert_eq!(valid.longevity, 4);
			assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
			assert_eq!(
				validate(ALICE, &feed_call(&[(AAPL, p(1))])),
				refused(FeedInvalid::AlreadyFed)
			);
		});
	}

	#[test]
	fn other_calls_pass_untouched() {
		run_test(|| {
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
			assert_ok!(validate(BOB, &remark));
			// Even a failing one: `CheckFeed` looks at feeds only.
			let fail = RuntimeCall::Oracle(crate::Call::freeze { asset: TSLA });
			assert_ok!(validate(BOB, &fail));
		});
	}

	#[test]
	fn a_block_stuffed_with_free_feeds_is_impossible() {
		run_test(|| {
			// Many assets, so that the per-asset limit is not what stops the feeder.
			let assets: Vec<_> =
				(10..20).map(mirror_primitives::NativeOrWithId::WithId).collect::<Vec<_>>();
			for a in &assets {
				register(a.clone(), ALICE);
			}
			let max = <Test as crate::Config>::MaxFeedsPerBlock::get();
			for a in assets.iter().take(max as usize) {
				assert_ok!(validate(ALICE, &feed_call(&[(a.clone(), p(1))])));
				assert_ok!(feed(ALICE, &[(a.clone(), p(1))]));
			}
			let next = feed_call(&[(assets[max as usize].clone(), p(1))]);
			assert_eq!(validate(ALICE, &next), refused(FeedInvalid::TooManyFeedsInBlock));
			assert_noop!(
				feed(ALICE, &[(assets[max as usize].clone(), p(1))]),
				Error::<Test>::TooManyFeedsInBlock
			);
			assert_eq!(FeedsInBlock::<Test>::get(ALICE), Some((System::block_number(), max)));
			// The next block starts a new count.
			advance(3);
			assert_ok!(validate(ALICE, &next));
			assert_ok!(feed(ALICE, &[(assets[max as usize].clone(), p(1))]));
		});
	}

	#[test]
	fn a_feed_the_breaker_rejects_still_counts_towards_the_block() {
		run_test(|| {
			assert_ok!(Oracle::set_asset_config(
				RuntimeOrigin::root(),
				AAPL,
				breaker(None, Some((100, 200)))
			));
			assert_ok!(Oracle::set_asset_config(
				RuntimeOrigin::root(),
				MIR,
				breaker(None, Some((1, 2)))
			));
			assert_ok!(feed(ALICE, &[(AAPL, p(1_000))]));
			assert_ok!(feed(ALICE, &[(MIR, p(1_000))]));
			assert_eq!(
				validate(ALICE, &feed_call(&[(AAPL, p(150))])),
				refused(FeedInvalid::TooManyFeedsInBlock)
			);
		});
	}
}

#[test]
fn a_feeder_is_registered_only_for_an_existing_token() {
	run_test(|| {
		let missing = mirror_primitives::NativeOrWithId::WithId(FIRST_MISSING_ID);
		assert_noop!(
			Oracle::register_feeder(RuntimeOrigin::root(), missing.clone(), BOB),
			Error::<Test>::AssetNotFound
		);
		assert!(!Feeds::<Test>::contains_key(&missing));
	});
}
