//! Every fuzzer finding, as the shortest action sequence that reproduced it, replayed on the
//! real runtime with every invariant checked after each action. Each was fixed; each must stay
//! fixed (docs/reliability.md lists them).

use mirror_fuzz::{chain, generate::Action, run};
use mirror_primitives::NativeOrWithId;
use mirror_runtime::RuntimeCall;

fn sudo(call: RuntimeCall) -> Action {
	Action::Call {
		who: chain::ALICE,
		call: RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) }),
	}
}

fn assert_clean(actions: &[Action]) {
	let genesis = chain::development_genesis().expect("the development genesis builds");
	run::quiet_panics();
	if let Some(finding) = run::replay(&genesis, actions) {
		panic!("after action {}: {}", finding.at, finding.detail);
	}
}

/// Finding 1 (seed 1, call 432): Root registered a reward pool whose staking token was MIR, the
/// reward token; LpStaking's LP-balance invariant broke at once (bonds and rewards shared one
/// balance, so an unbond could pay out rewards). LpStaking now refuses MIR as a staking token.
#[test]
fn finding_1_mir_as_a_staking_token() {
	let lp_token_of_maapl = NativeOrWithId::WithId(102);
	assert_clean(&[sudo(RuntimeCall::LpStaking(pallet_mirror_lp_staking::Call::register_asset {
		asset: lp_token_of_maapl,
		lp_token: NativeOrWithId::Native,
	}))]);
}

/// Finding 2 (seed 1, call 2,775): Root registered an Amm LP token as an mAsset; the next
/// liquidity deposit minted LP tokens outside Mint, and Mint's books (an mAsset's supply is its
/// positions' debt plus its unbacked supply) broke. Mint now refuses tokens another pallet mints
/// (`Config::ForeignTokens`: the runtime names the Amm's LP tokens).
#[test]
fn finding_2_an_lp_token_as_an_masset() {
	use mirror_primitives::{FixedU128, IpoParams, WhitelistParams, UST};
	let alice = chain::Signers::new().id(chain::ALICE).clone();
	let fx = FixedU128::from_rational;
	assert_clean(&[
		sudo(RuntimeCall::Factory(pallet_mirror_factory::Call::whitelist {
			name: b"Mirrored Fuzz".to_vec().try_into().expect("short"),
			symbol: b"F1269".to_vec().try_into().expect("short"),
			oracle_feeder: alice.clone(),
			params: WhitelistParams {
				weight: None,
				auction_discount: fx(1, 5),
				min_collateral_ratio: fx(3, 2),
				ipo_params: None,
			},
		})),
		// The MIR-UST LP token (100) paired with UST: its LP token is 109.
		Action::Call {
			who: 3,
			call: RuntimeCall::Amm(pallet_mirror_amm::Call::create_pair {
				asset_a: NativeOrWithId::WithId(100),
				asset_b: UST,
			}),
		},
		sudo(RuntimeCall::Mint(pallet_mirror_mint::Call::register_asset {
			asset: NativeOrWithId::WithId(109),
			auction_discount: fx(1, 10),
			min_collateral_ratio: fx(2, 1),
			ipo_params: Some(IpoParams {
				mint_end: 1_705_464_444,
				pre_ipo_price: fx(200, 1),
				min_collateral_ratio_after_ipo: fx(2, 1),
				trigger_account: alice,
			}),
		})),
		Action::Call {
			who: chain::ALICE,
			call: RuntimeCall::Amm(pallet_mirror_amm::Call::provide_liquidity {
				asset_a: NativeOrWithId::WithId(100),
				amount_a: 10,
				asset_b: UST,
				amount_b: 524_973_656,
				slippage_tolerance: None,
				receiver: None,
			}),
		},
	]);
}

/// Finding 3 (seed 2026, call 11,039): the same books by another road. Root created a token for
/// Alice and registered it in Mint; Alice, its issuer, minted it through pallet-assets. Mint now
/// refuses every token the Factory did not create (the runtime's `ForeignTokens`).
#[test]
fn finding_3_a_token_with_an_issuer_as_an_masset() {
	let alice = chain::Signers::new().id(chain::ALICE).clone();
	assert_clean(&[
		sudo(RuntimeCall::Assets(pallet_assets::Call::force_create {
			id: 127u32.into(),
			owner: alice.clone().into(),
			is_sufficient: false,
			min_balance: 1,
		})),
		sudo(RuntimeCall::Mint(pallet_mirror_mint::Call::register_asset {
			asset: NativeOrWithId::WithId(127),
			auction_discount: mirror_primitives::FixedU128::from_rational(1, 100),
			min_collateral_ratio: mirror_primitives::FixedU128::from_u32(3),
			ipo_params: None,
		})),
		Action::Call {
			who: chain::ALICE,
			call: RuntimeCall::Assets(pallet_assets::Call::mint {
				id: 127u32.into(),
				beneficiary: alice.into(),
				amount: 27_000_000,
			}),
		},
	]);
}

/// Finding 4 (1,000,000-call soak, seed 63, call 1,411): a swap paid out of the MIR-UST pool
/// until 43 units of MIR were left, below MIR's existential deposit (1,000); Balances took them
/// from the pool's account as dust, and the pool's recorded reserve (43) no longer matched its
/// balance (0). The Amm now refuses any swap or withdrawal that would leave a reserve below its
/// asset's minimum balance (`ReserveLeftLessThanMinimal`, as pallet-asset-conversion does).
/// Here the shortest road: Alice, the genesis liquidity provider, withdraws all her MIR-UST LP
/// tokens, which would leave the pool the 1,000 locked shares' part of 1,000,000 MIR: 816 units.
/// Then Bob buys MIR with a fortune in UST, which would drain what a partial withdrawal leaves.
#[test]
fn finding_4_a_pool_reserve_below_the_existential_deposit() {
	use frame_support::traits::fungibles::Inspect;
	use mirror_primitives::{MIR, UST};
	let genesis = chain::development_genesis().expect("the development genesis builds");
	let mut chain = chain::Chain::new(&genesis, false).expect("block 1");
	let alice = chain.signers().id(chain::ALICE).clone();
	let all = chain.with(|| {
		let pool = pallet_mirror_amm::Pools::<mirror_runtime::Runtime>::get((MIR, UST))
			.expect("the genesis MIR-UST pool");
		let lp = NativeOrWithId::WithId(pool.lp_token);
		<mirror_runtime::configs::NativeAndAssets as Inspect<_>>::balance(lp, &alice)
	});
	assert!(all > 0, "Alice provided the genesis liquidity");
	let withdraw = |lp_amount| Action::Call {
		who: chain::ALICE,
		call: RuntimeCall::Amm(pallet_mirror_amm::Call::withdraw_liquidity {
			asset_a: MIR,
			asset_b: UST,
			lp_amount,
		}),
	};
	assert_clean(&[
		withdraw(all),
		// Leave the pool about 2,000 units of MIR (twice the existential deposit).
		withdraw(all - all / 408),
		Action::Call {
			who: 1,
			call: RuntimeCall::Amm(pallet_mirror_amm::Call::swap {
				offer_asset: UST,
				ask_asset: MIR,
				offer_amount: 9_000_000 * mirror_primitives::UNIT,
				belief_price: None,
				max_spread: None,
				to: None,
			}),
		},
	]);
}
