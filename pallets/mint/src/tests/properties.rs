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
