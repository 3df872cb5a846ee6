//! Unit tests of the CollateralOracle pallet: every call and error, every price source.

use crate::{mock::*, CollateralAssets, CollateralInfo, Error, Event, ScheduledMultipliers};
use frame_support::{assert_noop, assert_ok};
use mirror_primitives::{
	CollateralError, CollateralPrice, CollateralRegistry, PriceError, PriceSource,
	ProvideCollateralPrice, ScheduledChange, TwapError, UST,
};
use sp_runtime::{DispatchError, FixedPointNumber, FixedU128};

fn fx(n: u128) -> FixedU128 {
	FixedU128::saturating_from_integer(n)
}

fn collateral(asset: mirror_primitives::AssetId) -> Result<CollateralPrice, CollateralError> {
	<CollateralOracle as ProvideCollateralPrice>::collateral_price(&asset, 60)
}

#[test]
fn genesis_registers_ust_and_mir() {
	run_test(|| {
		assert_eq!(
			collateral(UST),
			Ok(CollateralPrice {
				price: fx(1),
				updated_at: NOW,
				multiplier: fx(1),
				contested: false,
				is_revoked: false,
				scheduled_multiplier: None,
			})
		);
		set_price(MIR, Ok((FixedU128::from_rational(3, 2), NOW - 10)));
		assert_eq!(
			collateral(MIR),
			Ok(CollateralPrice {
				price: FixedU128::from_rational(3, 2),
				updated_at: NOW - 10,
				multiplier: volatile(),
				contested: false,
				is_revoked: false,
				scheduled_multiplier: None,
			})
		);
	});
}

#[test]
fn register_a_collateral() {
	run_test(|| {
		assert_ok!(CollateralOracle::register_collateral_asset(
			RuntimeOrigin::root(),
			AAPL,
			PriceSource::Oracle,
			fx(1)
		));
		System::assert_last_event(
			Event::CollateralRegistered {
				asset: AAPL,
				price_source: PriceSource::Oracle,
				multiplier: fx(1),
			}
			.into(),
		);
		assert_eq!(
			CollateralAssets::<Test>::get(AAPL),
			Some(CollateralInfo {
				price_source: PriceSource::Oracle,
				multiplier: fx(1),
				is_revoked: false
			})
		);
	});
}

#[test]
fn register_rejects_bad_input() {
	run_test(|| {
		let root = RuntimeOrigin::root;
		assert_noop!(
			CollateralOracle::register_collateral_asset(root(), MIR, PriceSource::Oracle, fx(1)),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			CollateralOracle::register_collateral_asset(root(), AAPL, PriceSource::Oracle, fx(0)),
			Error::<Test>::ZeroMultiplier
		);
		assert_noop!(
			CollateralOracle::register_collateral_asset(
				root(),
				AAPL,
				PriceSource::Fixed(fx(0)),
				fx(1)
			),
			Error::<Test>::InvalidPriceSource
		);
		assert_noop!(
			CollateralOracle::register_collateral_asset(
				root(),
				AAPL,
				PriceSource::AmmTwap { quote: UST, window: 0 },
				fx(1)
			),
			Error::<Test>::InvalidPriceSource
		);
		assert_noop!(
			CollateralOracle::register_collateral_asset(
				root(),
				AAPL,
				PriceSource::AmmTwap { quote: AAPL, window: 600 },
				fx(1)
			),
			Error::<Test>::InvalidPriceSource
		);
		assert_noop!(
			CollateralOracle::register_collateral_asset(
				RuntimeOrigin::signed(1),
				AAPL,
				PriceSource::Oracle,
				fx(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn update_the_price_source() {
	run_test(|| {
		let new = PriceSource::Fixed(fx(2));
		assert_ok!(CollateralOracle::update_collateral_price_source(
			RuntimeOrigin::root(),
			MIR,
			new.clone()
		));
		System::assert_last_event(
			Event::PriceSourceUpdated { asset: MIR, old: PriceSource::Oracle, new }.into(),
		);
		assert_eq!(collateral(MIR).map(|c| c.price), Ok(fx(2)));
		assert_noop!(
			CollateralOracle::update_collateral_price_source(
				RuntimeOrigin::root(),
				AAPL,
				PriceSource::Oracle
			),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(
			CollateralOracle::update_collateral_price_source(
				RuntimeOrigin::root(),
				MIR,
				PriceSource::Fixed(fx(0))
			),
			Error::<Test>::InvalidPriceSource
		);
		assert_noop!(
			CollateralOracle::update_collateral_price_source(
				RuntimeOrigin::signed(1),
				MIR,
				PriceSource::Oracle
			),
			DispatchError::BadOrigin
		);
	});
}

fn multiplier_of(asset: mirror_primitives::AssetId) -> (FixedU128, Option<ScheduledChange>) {
	let status = <CollateralOracle as ProvideCollateralPrice>::collateral_status(&asset).unwrap();
	(status.multiplier, status.scheduled_multiplier)
}

#[test]
fn lowering_a_multiplier_applies_at_once() {
	run_test(|| {
		assert_ok!(CollateralOracle::update_collateral_multiplier(
			RuntimeOrigin::root(),
			MIR,
			fx(1)
		));
		System::assert_last_event(
			Event::MultiplierUpdated { asset: MIR, old: volatile(), new: fx(1) }.into(),
		);
		assert_eq!(CollateralAssets::<Test>::get(MIR).unwrap().multiplier, fx(1));
		assert_eq!(multiplier_of(MIR), (fx(1), None));
		assert_noop!(
			CollateralOracle::update_collateral_multiplier(RuntimeOrigin::root(), MIR, fx(0)),
			Error::<Test>::ZeroMultiplier
		);
		assert_noop!(
			CollateralOracle::update_collateral_multiplier(RuntimeOrigin::root(), AAPL, fx(1)),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(
			CollateralOracle::update_collateral_multiplier(RuntimeOrigin::signed(1), MIR, fx(1)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn raising_a_multiplier_waits_for_the_delay() {
	run_test(|| {
		assert_ok!(CollateralOracle::update_collateral_multiplier(
			RuntimeOrigin::root(),
			MIR,
			fx(2)
		));
		let change = ScheduledChange { value: fx(2), effective_at: NOW + DAY };
		System::assert_last_event(
			Event::MultiplierChangeScheduled {
				asset: MIR,
				multiplier: fx(2),
				effective_at: NOW + DAY,
			}
			.into(),
		);
		// Before its time the multiplier in force is the old one, and the raise is reported.
		assert_eq!(CollateralAssets::<Test>::get(MIR).unwrap().multiplier, volatile());
		assert_eq!(multiplier_of(MIR), (volatile(), Some(change)));
		set_time(NOW + DAY - 1);
		assert_eq!(multiplier_of(MIR), (volatile(), Some(change)));
		// From its time on every read sees the new one, with no call in between.
		set_time(NOW + DAY);
		assert_eq!(multiplier_of(MIR), (fx(2), None));
		set_price(MIR, Ok((fx(1), NOW + DAY)));
		assert_eq!(
			collateral(MIR).map(|c| (c.multiplier, c.scheduled_multiplier)),
			Ok((fx(2), None))
		);
		// The next update folds it into the registry; lowering from there applies at once.
		assert_ok!(CollateralOracle::update_collateral_multiplier(
			RuntimeOrigin::root(),
			MIR,
			fx(1)
		));
		System::assert_last_event(
			Event::MultiplierUpdated { asset: MIR, old: fx(2), new: fx(1) }.into(),
		);
		assert!(ScheduledMultipliers::<Test>::get(MIR).is_none());
	});
}

#[test]
fn a_later_update_replaces_or_cancels_a_pending_raise() {
	run_test(|| {
		let raise =
			|m| CollateralOracle::update_collateral_multiplier(RuntimeOrigin::root(), MIR, m);
		assert_ok!(raise(fx(2)));
		set_time(NOW + 100);
		// A second raise replaces the first and restarts the wait.
		assert_ok!(raise(fx(3)));
		System::assert_has_event(
			Event::MultiplierChangeCancelled { asset: MIR, multiplier: fx(2) }.into(),
		);
		assert_eq!(
			multiplier_of(MIR),
			(volatile(), Some(ScheduledChange { value: fx(3), effective_at: NOW + 100 + DAY }))
		);
		// Lowering (below the multiplier in force) drops the pending raise.
		assert_ok!(raise(fx(1)));
		System::assert_has_event(
			Event::MultiplierChangeCancelled { asset: MIR, multiplier: fx(3) }.into(),
		);
		assert_eq!(multiplier_of(MIR), (fx(1), None));
		// With no delay a raise applies at once.
		RiskChangeDelay::set(0);
		assert_ok!(raise(fx(2)));
		assert_eq!(multiplier_of(MIR), (fx(2), None));
	});
}

#[test]
fn root_applies_a_scheduled_raise_at_once() {
	run_test(|| {
		assert_noop!(
			CollateralOracle::apply_multiplier_change(RuntimeOrigin::root(), MIR),
			Error::<Test>::NoScheduledChange
		);
		assert_ok!(CollateralOracle::update_collateral_multiplier(
			RuntimeOrigin::root(),
			MIR,
			fx(2)
		));
		assert_noop!(
			CollateralOracle::apply_multiplier_change(RuntimeOrigin::signed(1), MIR),
			DispatchError::BadOrigin
		);
		assert_ok!(CollateralOracle::apply_multiplier_change(RuntimeOrigin::root(), MIR));
		System::assert_last_event(
			Event::MultiplierUpdated { asset: MIR, old: volatile(), new: fx(2) }.into(),
		);
		assert_eq!(multiplier_of(MIR), (fx(2), None));
		assert_eq!(CollateralAssets::<Test>::get(MIR).unwrap().multiplier, fx(2));
	});
}

#[test]
fn revoke_keeps_the_price_and_flags_it() {
	run_test(|| {
		set_price(MIR, Ok((fx(3), NOW)));
		assert_ok!(CollateralOracle::revoke_collateral_asset(RuntimeOrigin::root(), MIR));
		System::assert_last_event(Event::CollateralRevoked { asset: MIR }.into());
		let c = collateral(MIR).unwrap();
		assert!(c.is_revoked);
		assert_eq!(c.price, fx(3));
		assert_noop!(
			CollateralOracle::revoke_collateral_asset(RuntimeOrigin::root(), MIR),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			CollateralOracle::revoke_collateral_asset(RuntimeOrigin::root(), AAPL),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(
			CollateralOracle::revoke_collateral_asset(RuntimeOrigin::signed(1), UST),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn oracle_errors_pass_through() {
	run_test(|| {
		set_price(MIR, Err(PriceError::Stale));
		assert_eq!(collateral(MIR), Err(CollateralError::Price(PriceError::Stale)));
		set_price(MIR, Err(PriceError::Frozen));
		assert_eq!(collateral(MIR), Err(CollateralError::Price(PriceError::Frozen)));
		assert_eq!(collateral(AAPL), Err(CollateralError::UnknownCollateral));
	});
}

#[test]
fn amm_twap_prices_through_the_quote_asset() {
	run_test(|| {
		assert_ok!(CollateralOracle::register_collateral_asset(
			RuntimeOrigin::root(),
			LUNA,
			PriceSource::AmmTwap { quote: MIR, window: 600 },
			volatile()
		));
		// No pool yet.
		assert_eq!(collateral(LUNA), Err(CollateralError::Twap(TwapError::NoPool)));
		// 1 LUNA = 4 MIR on average; MIR = 1.5 UST: LUNA = 6 UST, timed by the MIR feed.
		set_twap(LUNA, MIR, fx(4));
		assert_eq!(collateral(LUNA), Err(CollateralError::Price(PriceError::UnknownAsset)));
		set_price(MIR, Ok((FixedU128::from_rational(3, 2), NOW - 5)));
		let c = collateral(LUNA).unwrap();
		assert_eq!((c.price, c.updated_at, c.multiplier), (fx(6), NOW - 5, volatile()));

		// Quoted in UST: the oracle's 1.
		assert_ok!(CollateralOracle::update_collateral_price_source(
			RuntimeOrigin::root(),
			LUNA,
			PriceSource::AmmTwap { quote: UST, window: 600 }
		));
		set_twap(LUNA, UST, FixedU128::from_rational(7, 2));
		assert_eq!(collateral(LUNA).map(|c| c.price), Ok(FixedU128::from_rational(7, 2)));
	});
}

#[test]
fn a_contested_oracle_price_is_reported_contested() {
	run_test(|| {
		set_price(MIR, Ok((FixedU128::from_rational(3, 2), NOW - 10)));
		assert_eq!(collateral(MIR).map(|c| c.contested), Ok(false));
		set_contested(MIR);
		assert_eq!(collateral(MIR).map(|c| c.contested), Ok(true));

		// Through an AMM quoted in a contested asset: contested too.
		assert_ok!(CollateralOracle::register_collateral_asset(
			RuntimeOrigin::root(),
			LUNA,
			PriceSource::AmmTwap { quote: MIR, window: 600 },
			volatile()
		));
		set_twap(LUNA, MIR, fx(4));
		assert_eq!(collateral(LUNA).map(|c| (c.price, c.contested)), Ok((fx(6), true)));
		// A fixed price never is.
		assert_eq!(collateral(UST).map(|c| c.contested), Ok(false));
	});
}

#[test]
fn mint_registers_and_revokes_through_the_trait() {
	run_test(|| {
		assert_ok!(<CollateralOracle as CollateralRegistry>::register_collateral(
			AAPL,
			PriceSource::Oracle,
			fx(1)
		));
		assert!(CollateralAssets::<Test>::contains_key(AAPL));
		assert_noop!(
			<CollateralOracle as CollateralRegistry>::register_collateral(
				AAPL,
				PriceSource::Oracle,
				fx(1)
			),
			Error::<Test>::AlreadyRegistered
		);
		assert_ok!(<CollateralOracle as CollateralRegistry>::revoke_collateral(AAPL));
		assert!(CollateralAssets::<Test>::get(AAPL).unwrap().is_revoked);
		assert_noop!(
			<CollateralOracle as CollateralRegistry>::revoke_collateral(LUNA),
			Error::<Test>::UnknownCollateral
		);
	});
}

#[test]
fn status_needs_no_price() {
	run_test(|| {
		// MIR has no oracle price, yet its multiplier and revocation are known.
		assert_eq!(
			<CollateralOracle as ProvideCollateralPrice>::collateral_status(&MIR),
			Ok(mirror_primitives::CollateralStatus {
				multiplier: volatile(),
				is_revoked: false,
				scheduled_multiplier: None
			})
		);
		assert!(collateral(MIR).is_err());
		assert_ok!(CollateralOracle::revoke_collateral_asset(RuntimeOrigin::root(), MIR));
		assert_eq!(
			<CollateralOracle as ProvideCollateralPrice>::collateral_status(&MIR)
				.map(|s| s.is_revoked),
			Ok(true)
		);
		assert_eq!(
			<CollateralOracle as ProvideCollateralPrice>::collateral_status(&AAPL),
			Err(CollateralError::UnknownCollateral)
		);
	});
}

#[test]
fn delisting_revokes_and_fixes_the_price() {
	run_test(|| {
		assert_ok!(<CollateralOracle as CollateralRegistry>::delist_collateral(MIR, fx(2)));
		System::assert_has_event(Event::CollateralRevoked { asset: MIR }.into());
		assert_eq!(
			collateral(MIR),
			Ok(CollateralPrice {
				price: fx(2),
				updated_at: NOW,
				multiplier: volatile(),
				contested: false,
				is_revoked: true,
				scheduled_multiplier: None,
			})
		);
		// Again (a corrected end price): the source changes, the revocation stays.
		assert_ok!(<CollateralOracle as CollateralRegistry>::delist_collateral(MIR, fx(3)));
		assert_eq!(collateral(MIR).map(|c| c.price), Ok(fx(3)));
		assert_noop!(
			<CollateralOracle as CollateralRegistry>::delist_collateral(AAPL, fx(1)),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(
			<CollateralOracle as CollateralRegistry>::delist_collateral(MIR, fx(0)),
			Error::<Test>::InvalidPriceSource
		);
	});
}

#[test]
fn only_an_existing_token_is_registered() {
	run_test(|| {
		let missing = mirror_primitives::NativeOrWithId::WithId(FIRST_MISSING_ID);
		assert_noop!(
			CollateralOracle::register_collateral_asset(
				frame_system::RawOrigin::Root.into(),
				missing.clone(),
				PriceSource::Oracle,
				fx(1)
			),
			Error::<Test>::AssetNotFound
		);
		assert!(!CollateralAssets::<Test>::contains_key(&missing));
	});
}
