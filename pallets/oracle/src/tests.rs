//! Unit tests of the Oracle pallet: every call, every error, the median, staleness and the circuit
//! breaker. Every test ends with the pallet's `try_state` checks (`run_test`).

use crate::{mock::*, Error, Event, Feeds, RejectReason};
use frame_support::{assert_noop, assert_ok, dispatch::Pays, BoundedVec};
use mirror_primitives::{
	OracleAssetConfig, OracleFallback, OraclePrice, PriceError, PriceOrigin, PriceProvider,
	PriceRange, UST,
};
use sp_runtime::traits::{One as _, Saturating as _, Zero as _};
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
		max_move_per_hour: None,
		fallback: None,
	}
}

/// Every stage of the breaker: 10 % deviation, an absolute range of 0.01 to 10^9 UST and a
/// relative one of ×10 per hour, as the runtime lists assets.
fn guarded() -> OracleAssetConfig {
	OracleAssetConfig {
		min_fresh_feeds: 1,
		max_deviation: Some(FixedU128::from_rational(1, 10)),
		sanity_range: Some(PriceRange {
			min: FixedU128::from_rational(1, 100),
			max: p(1_000_000_000),
		}),
		max_move_per_hour: Some(p(10)),
		fallback: None,
	}
}

fn configure(asset: mirror_primitives::AssetId, config: OracleAssetConfig) {
	assert_ok!(Oracle::set_asset_config(RuntimeOrigin::root(), asset, config));
}

fn oracle_price(asset: mirror_primitives::AssetId) -> Result<OraclePrice, PriceError> {
	<Oracle as PriceProvider>::oracle_price(&asset, 60)
}

fn pending_of(asset: mirror_primitives::AssetId, who: u64) -> Option<FixedU128> {
	Feeds::<Test>::get(asset)
		.and_then(|e| e.feeds.iter().find(|f| f.feeder == who).and_then(|f| f.pending))
		.map(|p| p.price)
}

/// Alice, Bob and Charlie feed mAAPL at 100 under [`guarded`].
fn three_feeders_at_100() {
	register(AAPL, BOB);
	register(AAPL, CHARLIE);
	configure(AAPL, guarded());
	for who in [ALICE, BOB, CHARLIE] {
		assert_ok!(feed(who, &[(AAPL, p(100))]));
	}
	assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(100)));
}

#[test]
fn feeds_outside_the_sanity_range_are_skipped_and_the_rest_apply() {
	run_test(|| {
		configure(AAPL, breaker(None, Some((10, 1_000))));
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
fn a_feed_outside_the_relative_range_is_rejected_and_the_range_widens_per_hour() {
	run_test(|| {
		configure(AAPL, guarded());
		assert_ok!(feed(ALICE, &[(AAPL, p(180))]));
		// The dev-chain attacks: 10^12 UST and u128::MAX for an asset near 180.
		for attack in [p(1_000_000_000_000), FixedU128::from_inner(u128::MAX)] {
			advance(6);
			assert_ok!(feed(ALICE, &[(AAPL, attack)]));
			let rejected = System::events().iter().any(|r| {
				matches!(&r.event, RuntimeEvent::Oracle(Event::FeedRejected { price, .. })
					if *price == attack)
			});
			assert!(rejected, "{attack:?} must be rejected");
			assert_eq!(pending_of(AAPL, ALICE), None);
			assert_eq!(price(AAPL, 600).map(|x| x.0), Ok(p(180)));
		}
		// Within the hour ×10 is the limit: 1,801 is out, 1,800 is only held.
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(1_801))]));
		assert_eq!(pending_of(AAPL, ALICE), None);
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(1_800))]));
		assert_eq!(pending_of(AAPL, ALICE), Some(p(1_800)));
		// Two hours after the last accepted median the range is ×100.
		advance(2 * 3_600);
		assert_ok!(feed(ALICE, &[(AAPL, p(18_000))]));
		assert_eq!(pending_of(AAPL, ALICE), Some(p(18_000)));
	});
}

#[test]
fn a_feed_too_far_from_its_reference_is_held_as_pending() {
	run_test(|| {
		register(AAPL, BOB);
		configure(AAPL, breaker(Some(FixedU128::from_rational(1, 5)), None));
		// No reference yet: the first feed is accepted whatever it is.
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		// 30 % from Alice's feed: held, not dropped; the price stays and is contested.
		assert_ok!(feed(BOB, &[(AAPL, p(130))]));
		assert_eq!(
			last_event(),
			Event::FeedPending { asset: AAPL, feeder: BOB, price: p(130), reference: p(100) }
				.into()
		);
		assert_eq!(pending_of(AAPL, BOB), Some(p(130)));
		let held = oracle_price(AAPL).unwrap();
		assert_eq!((held.price, held.contested), (p(100), true));
		// The same feeder cannot feed again in the block it was held in.
		assert_noop!(feed(BOB, &[(AAPL, p(120))]), Error::<Test>::AlreadyFed);
		// Exactly 20 % away: accepted, and Bob's pending feed is gone.
		advance(3);
		assert_ok!(feed(BOB, &[(AAPL, p(120))]));
		assert_eq!(pending_of(AAPL, BOB), None);
		let accepted = oracle_price(AAPL).unwrap();
		assert_eq!((accepted.price, accepted.contested), (p(110), false));
	});
}

#[test]
fn a_pending_feed_stops_contesting_once_it_is_stale() {
	run_test(|| {
		register(AAPL, BOB);
		configure(AAPL, guarded());
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(feed(BOB, &[(AAPL, p(150))]));
		assert!(oracle_price(AAPL).unwrap().contested);
		advance(61);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert!(!oracle_price(AAPL).unwrap().contested);
		let info = Oracle::price_info(AAPL, 60).unwrap();
		assert!(!info.contested);
		assert_eq!(info.feeds[1].pending.map(|p| p.price), Some(p(150)));
	});
}

#[test]
fn a_lone_live_feeder_of_three_cannot_move_the_price_10x() {
	// (a): two of three feeders stale, the live one posts 10×: held, and never accepted however
	// often it repeats.
	run_test(|| {
		three_feeders_at_100();
		advance(120);
		for _ in 0..20 {
			assert_ok!(feed(ALICE, &[(AAPL, p(1_000))]));
			advance(6);
		}
		assert_eq!(pending_of(AAPL, ALICE), Some(p(1_000)));
		let entry = Feeds::<Test>::get(AAPL).unwrap();
		assert_eq!(entry.feeds[0].latest.map(|p| p.price), Some(p(100)));
		assert_eq!(entry.last_median.map(|m| m.price), Some(p(100)));
		assert_eq!(price(AAPL, 600).map(|x| x.0), Ok(p(100)));
	});
}

#[test]
fn a_compromised_feeder_cannot_walk_the_median() {
	// (b): one compromised feeder of three, the others fresh, feeding 5 % above the median every
	// block (6 s) for 10 minutes while the honest ones feed every 30 s.
	run_test(|| {
		three_feeders_at_100();
		let start = price(AAPL, 60).unwrap().0;
		let max_deviation = guarded().max_deviation.unwrap();
		for block in 1..=100u32 {
			advance(6);
			let median = price(AAPL, 60).unwrap().0;
			let attack = median.saturating_mul(FixedU128::from_rational(105, 100));
			assert_ok!(feed(CHARLIE, &[(AAPL, attack)]));
			if block % 5 == 0 {
				assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
				assert_ok!(feed(BOB, &[(AAPL, p(100))]));
			}
			let now = price(AAPL, 60).unwrap().0;
			let moved = crate::median::deviation(now, start).unwrap();
			assert!(moved <= max_deviation, "block {block}: the median moved to {now:?}");
		}
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(100)));
	});
}

#[test]
fn one_of_two_feeders_cannot_walk_the_price_by_its_own_feeds() {
	// Today's hole: a feeder's own last feed was part of its reference, so with two feeders it
	// walked the median up by the deviation every block. Now its reference is the other feed.
	run_test(|| {
		register(AAPL, BOB);
		configure(AAPL, guarded());
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		assert_ok!(feed(BOB, &[(AAPL, p(100))]));
		let mut attack = p(100);
		for block in 0..100u32 {
			advance(6);
			attack = attack.saturating_mul(FixedU128::from_rational(109, 100));
			assert_ok!(feed(BOB, &[(AAPL, attack)]));
			if block % 5 == 0 {
				assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
			}
		}
		let latest = Feeds::<Test>::get(AAPL).unwrap().feeds[1].latest.unwrap().price;
		assert!(latest <= p(110), "Bob's accepted feed walked to {latest:?}");
		assert!(price(AAPL, 60).unwrap().0 <= p(105));
	});
}

#[test]
fn a_genuine_move_by_every_feeder_goes_through() {
	run_test(|| {
		three_feeders_at_100();
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(67))]));
		assert_eq!(pending_of(AAPL, ALICE), Some(p(67)));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(100)));
		// Bob agrees (within 10 % of Alice): both pending feeds are confirmed.
		assert_ok!(feed(BOB, &[(AAPL, p(66))]));
		assert!(System::events()
			.iter()
			.any(|r| r.event
				== Event::PendingConfirmed { asset: AAPL, feeds: 2, median: p(67) }.into()));
		assert_eq!((pending_of(AAPL, ALICE), pending_of(AAPL, BOB)), (None, None));
		// The median of 67, 66 and Charlie's 100 is 67; Charlie's feed at the new level is
		// accepted at once, measured against the other two.
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(67)));
		assert_ok!(feed(CHARLIE, &[(AAPL, p(66))]));
		assert_eq!(
			last_event(),
			Event::PriceFed {
				asset: AAPL,
				feeder: CHARLIE,
				price: p(66),
				timestamp: GENESIS_SECS + 6,
			}
			.into()
		);
		assert!(!oracle_price(AAPL).unwrap().contested);
	});
}

#[test]
fn pending_feeds_that_disagree_do_not_confirm_each_other() {
	run_test(|| {
		three_feeders_at_100();
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
		assert_ok!(feed(BOB, &[(AAPL, p(60))]));
		assert_eq!((pending_of(AAPL, ALICE), pending_of(AAPL, BOB)), (Some(p(150)), Some(p(60))));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(100)));
	});
}

#[test]
fn a_lone_feeder_confirms_a_move_by_repeating_it_in_a_later_block() {
	run_test(|| {
		configure(AAPL, guarded());
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		// The weekend: the market reopens 50 % higher, after the freshness window.
		advance(3 * 24 * 3600);
		assert_ok!(feed(ALICE, &[(AAPL, p(150))]));
		assert_eq!(pending_of(AAPL, ALICE), Some(p(150)));
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		// One stray feed is not enough; the same level in the next block is.
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(152))]));
		assert_eq!(
			last_event(),
			Event::PendingConfirmed { asset: AAPL, feeds: 1, median: p(152) }.into()
		);
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(152)));
		// A second stray feed elsewhere is held again, and an unrelated one does not confirm it.
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(300))]));
		advance(6);
		assert_ok!(feed(ALICE, &[(AAPL, p(200))]));
		assert_eq!(pending_of(AAPL, ALICE), Some(p(200)));
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(152)));
	});
}

#[test]
fn a_new_asset_gets_the_default_config() {
	run_test(|| {
		DefaultAssetConfig::set(&guarded());
		register(TSLA, BOB);
		assert_eq!(Feeds::<Test>::get(TSLA).unwrap().config, guarded());
		// An asset the oracle knew keeps its config.
		register(AAPL, BOB);
		assert_eq!(Feeds::<Test>::get(AAPL).unwrap().config, OracleAssetConfig::default());
	});
}

#[test]
fn one_bad_feeder_among_fresh_honest_ones_does_not_contest_the_price() {
	run_test(|| {
		three_feeders_at_100();
		advance(6);
		// Charlie alone holds a 10× level: two fresh feeds still back the median.
		assert_ok!(feed(CHARLIE, &[(AAPL, p(1_000))]));
		assert_eq!(pending_of(AAPL, CHARLIE), Some(p(1_000)));
		assert!(!oracle_price(AAPL).unwrap().contested);
		// Bob joins him on another level: two pending against Alice's one, so contested.
		assert_ok!(feed(BOB, &[(AAPL, p(500))]));
		assert!(oracle_price(AAPL).unwrap().contested);
		assert!(Oracle::price_info(AAPL, 60).unwrap().contested);
		// Bob comes back to the median: one pending against two again.
		advance(6);
		assert_ok!(feed(BOB, &[(AAPL, p(101))]));
		assert!(!oracle_price(AAPL).unwrap().contested);
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(100)));
	});
}

#[test]
fn the_migration_gives_every_asset_the_breaker_and_a_last_median() {
	use crate::migrations::{v0, MigrateV0ToV1};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run_test(|| {
		DefaultAssetConfig::set(&guarded());
		let old_feed = |feeder, price, at| v0::Feed {
			feeder,
			latest: Some(mirror_primitives::PricePoint { price: p(price), updated_at: at }),
			fed_in_block: 1u64,
		};
		let feeds =
			vec![old_feed(ALICE, 100, 10), old_feed(BOB, 104, 20), old_feed(CHARLIE, 90, 5)];
		// A chain at version 0 holds only version-0 entries.
		let _ = Feeds::<Test>::clear(u32::MAX, None);
		v0::Feeds::<Test>::insert(
			AAPL,
			v0::AssetFeeds {
				feeds: feeds.try_into().unwrap(),
				config: v0::OracleAssetConfig {
					min_fresh_feeds: 2,
					max_deviation: None,
					sanity_range: Some(PriceRange { min: p(1), max: p(1_000) }),
				},
				frozen: true,
			},
		);
		StorageVersion::new(0).put::<Oracle>();
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Oracle::on_chain_storage_version(), 1);
		let entry = Feeds::<Test>::get(AAPL).unwrap();
		// The admin's values stay; what was off gets the default.
		assert_eq!(
			entry.config,
			OracleAssetConfig {
				min_fresh_feeds: 2,
				max_deviation: guarded().max_deviation,
				sanity_range: Some(PriceRange { min: p(1), max: p(1_000) }),
				max_move_per_hour: guarded().max_move_per_hour,
				fallback: None,
			}
		);
		assert!(entry.frozen);
		assert_eq!(
			entry.last_median,
			Some(mirror_primitives::PricePoint { price: p(100), updated_at: 20 })
		);
		assert!(entry.feeds.iter().all(|f| f.pending.is_none()));
		assert_eq!(entry.feeds[1].latest.map(|l| l.price), Some(p(104)));
		// Run again: nothing changes (the version gate).
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Feeds::<Test>::get(AAPL), Some(entry));
	});
}

// --- fallback ------------------------------------------------------------------------------------

fn with_fallback(window: u64) -> OracleAssetConfig {
	OracleAssetConfig { fallback: Some(OracleFallback::AmmTwap { window }), ..guarded() }
}

#[test]
fn the_fallback_answers_only_when_the_feeds_are_stale_and_says_so() {
	run_test(|| {
		configure(AAPL, with_fallback(600));
		set_twap(p(99), 3_600);
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		let primary = oracle_price(AAPL).unwrap();
		assert_eq!((primary.price, primary.origin), (p(100), PriceOrigin::Feeds));
		advance(61);
		let fallback = oracle_price(AAPL).unwrap();
		assert_eq!(
			fallback,
			OraclePrice {
				price: p(99),
				updated_at: GENESIS_SECS + 61,
				origin: PriceOrigin::Fallback,
				contested: false,
			}
		);
		assert_eq!(price(AAPL, 60), Ok((p(99), GENESIS_SECS + 61)));
		let info = Oracle::price_info(AAPL, 60).unwrap();
		assert_eq!(info.origin, Some(PriceOrigin::Fallback));
		assert_eq!(info.price.map(|p| p.price), Ok(p(99)));
	});
}

#[test]
fn without_enough_history_or_when_frozen_the_fallback_gives_nothing() {
	run_test(|| {
		configure(AAPL, with_fallback(600));
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		advance(61);
		// No pool.
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		// A pool whose history is shorter than the window.
		set_twap(p(99), 599);
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		assert_eq!(Oracle::price_info(AAPL, 60).unwrap().origin, None);
		set_twap(p(99), 600);
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(99)));
		assert_ok!(Oracle::freeze(RuntimeOrigin::root(), AAPL));
		assert_eq!(price(AAPL, 60), Err(PriceError::Frozen));
		// An asset without a fallback never asks the AMM.
		assert_eq!(price(MIR, 60), Err(PriceError::NoPrice));
	});
}

#[test]
fn a_fallback_price_outside_the_relative_range_gives_nothing() {
	run_test(|| {
		configure(AAPL, with_fallback(600));
		assert_ok!(feed(ALICE, &[(AAPL, p(100))]));
		advance(61);
		// A pool pushed to 20× the last accepted median within the hour: not a price.
		set_twap(p(2_000), 3_600);
		assert_eq!(price(AAPL, 60), Err(PriceError::Stale));
		set_twap(p(1_000), 3_600);
		assert_eq!(price(AAPL, 60).map(|x| x.0), Ok(p(1_000)));
	});
}

#[test]
fn the_fallback_answers_a_never_fed_asset_and_too_few_fresh_feeds() {
	run_test(|| {
		set_twap(p(42), 3_600);
		configure(AAPL, OracleAssetConfig { min_fresh_feeds: 2, ..with_fallback(600) });
		assert_eq!(
			oracle_price(AAPL).map(|p| (p.price, p.origin)),
			Ok((p(42), PriceOrigin::Fallback))
		);
		assert_ok!(feed(ALICE, &[(AAPL, p(40))]));
		assert_eq!(oracle_price(AAPL).map(|p| p.origin), Ok(PriceOrigin::Fallback));
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
			OracleAssetConfig { max_move_per_hour: Some(FixedU128::one()), ..guarded() },
			with_fallback(0),
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
