//! Property tests: no sequence of calls, successful or not, lets the collateral the pallet holds
//! differ from the sum over positions, or an mAsset's supply differ from its debt plus the
//! unbacked supply and the debt auctions forgave.

use super::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
	Open { who: u128, mir: bool, amount: u128, ratio_pct: u128 },
	Deposit { who: u128, id: u64, amount: u128 },
	Withdraw { who: u128, id: u64, amount: Option<u128> },
	Mint { who: u128, id: u64, amount: u128 },
	Burn { who: u128, id: u64, amount: u128 },
	Price { mir: bool, cents: u128 },
	Auction { id: u64, amount: u128 },
}

fn op() -> impl Strategy<Value = Op> {
	let who = prop_oneof![Just(ALICE), Just(BOB)];
	let id = 1u64..6;
	let amount = prop_oneof![0u128..100, 0u128..10_000_000, Just(u128::MAX)];
	prop_oneof![
		(who.clone(), any::<bool>(), amount.clone(), 100u128..400)
			.prop_map(|(who, mir, amount, ratio_pct)| Op::Open { who, mir, amount, ratio_pct }),
		(who.clone(), id.clone(), amount.clone()).prop_map(|(who, id, amount)| Op::Deposit {
			who,
			id,
			amount
		}),
		(who.clone(), id.clone(), proptest::option::of(amount.clone()))
			.prop_map(|(who, id, amount)| Op::Withdraw { who, id, amount }),
		(who.clone(), id.clone(), amount.clone()).prop_map(|(who, id, amount)| Op::Mint {
			who,
			id,
			amount
		}),
		(who, id, amount).prop_map(|(who, id, amount)| Op::Burn { who, id, amount }),
		(any::<bool>(), 1u128..100_000).prop_map(|(mir, cents)| Op::Price { mir, cents }),
		(1u64..6, 0u128..10_000_000).prop_map(|(id, amount)| Op::Auction { id, amount }),
	]
}

fn apply(op: Op) {
	let _ = match op {
		Op::Open { who, mir, amount, ratio_pct } => Mint::open_position(
			RuntimeOrigin::signed(who),
			if mir { MIR } else { UST },
			amount,
			AAPL,
			fx(ratio_pct, 100),
			None,
		),
		Op::Deposit { who, id, amount } => Mint::deposit(RuntimeOrigin::signed(who), id, amount),
		Op::Withdraw { who, id, amount } => Mint::withdraw(RuntimeOrigin::signed(who), id, amount),
		Op::Mint { who, id, amount } => Mint::mint(RuntimeOrigin::signed(who), id, amount, None),
		Op::Burn { who, id, amount } => Mint::burn(RuntimeOrigin::signed(who), id, amount),
		Op::Auction { id, amount } => Mint::auction(RuntimeOrigin::signed(CHARLIE), id, amount),
		Op::Price { mir, cents } => {
			price(if mir { MIR } else { AAPL }, cents, 100);
			Ok(())
		}
	};
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn holdings_and_supply_always_match_the_positions(ops in proptest::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			price(AAPL, 180, 1);
			price(MIR, 3, 2);
			for op in ops {
				apply(op);
				crate::Pallet::<Test>::do_try_state().expect("invariants hold after every call");
			}
			let debt: u128 = Positions::<Test>::iter_values().map(|p| p.asset_amount).sum();
			let forgiven = crate::ForgivenDebt::<Test>::get(AAPL);
			assert_eq!(AllAssets::total_issuance(AAPL), debt + GENESIS_AAPL + forgiven);
		});
	}
}

/// Debt and collateral of a position (`None` once closed).
fn state(id: u64) -> Option<(u128, u128)> {
	Positions::<Test>::get(id).map(|p| (p.collateral_amount, p.asset_amount))
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

	/// With the protection on (any close factor and least debt): a position opened at 150-300 %,
	/// its mAsset's price then up by 1-80 %, auctioned again and again with any offer. After
	/// every auction that succeeds the position is closed or its collateral per unit of debt is
	/// strictly higher (`C'·A > C·A'`, the prices being the same), and its debt is zero or worth
	/// at least the least debt; the invariants hold after every call.
	#[test]
	fn auctions_raise_the_ratio_or_close_and_leave_no_dust(
		collateral in 1_000_000u128..100_000_000_000,
		ratio_pct in 150u128..300,
		rise_pct in 1u128..80,
		offers in proptest::collection::vec(1u128..10_000_000, 1..8),
		min_debt in prop_oneof![Just(0u128), Just(100_000u128), 1u128..2_000_000],
		close_pct in 1u32..=100,
		full_pct in 0u32..=100,
	) {
		new_test_ext().execute_with(|| {
			crate::Parameters::<Test>::put(MintParameters {
				close_factor: sp_runtime::Permill::from_percent(close_pct),
				full_liquidation_ratio: sp_runtime::Permill::from_percent(full_pct),
				min_debt_value: min_debt,
				..MintParameters::default()
			});
			price(AAPL, 1, 1);
			if Mint::open_position(RuntimeOrigin::signed(ALICE), UST, collateral, AAPL, fx(ratio_pct, 100), None).is_err() {
				return Ok(());
			}
			let id = 1;
			let debt = state(id).map(|(_, a)| a).unwrap_or_default();
			let _ = AllAssets::transfer(AAPL, &ALICE, &CHARLIE, debt, Preservation::Expendable);
			price(AAPL, 100 + rise_pct, 100);
			let p = FixedU128::from_rational(100 + rise_pct, 100);
			for offer in offers {
				let Some((c, a)) = state(id) else { break };
				if Mint::auction(RuntimeOrigin::signed(CHARLIE), id, offer.min(a)).is_ok() {
					if let Some((c2, a2)) = state(id) {
						prop_assert!(a2 < a, "an auction repaid nothing");
						prop_assert!(c2 * a > c * a2, "the ratio did not rise: {c}/{a} -> {c2}/{a2}");
						let value = mirror_primitives::decimal::mul_floor(a2, p).unwrap_or(u128::MAX);
						prop_assert!(a2 == 0 || value >= min_debt, "dust left: {a2} worth {value}");
					}
				}
				crate::Pallet::<Test>::do_try_state().expect("invariants hold after every call");
			}
			Ok(())
		})?;
	}
}
