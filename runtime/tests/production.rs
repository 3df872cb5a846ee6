//! The `production` preset: no sudo key, mainnet parameters, UST owned by Gov, and an admin call
//! that only a passed poll makes.

mod common;

use common::{advance, preset_storage, set_time, GENESIS_SECS};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use mirror_primitives::{
	FactoryParameters, GovParameters, MintParameters, PollStatus, StakingParameters, VoteOption,
	UST_ASSET_ID,
};
use mirror_runtime::{
	genesis_config_presets::{
		factory_account, gov_account, production_placeholder_holder, COMMUNITY_MIR, FACTORY_MIR,
		PRODUCTION_LAUNCH_MIR, PRODUCTION_RUNTIME_PRESET,
	},
	Balances, Gov, Mint, Runtime, RuntimeCall, RuntimeOrigin, Sudo, System, MIR,
};
use sp_runtime::DispatchError;

fn production_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(preset_storage(PRODUCTION_RUNTIME_PRESET));
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(GENESIS_SECS);
	});
	ext
}

#[test]
fn production_genesis_has_no_sudo_key_and_mainnet_parameters() {
	production_ext().execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let ust = pallet_assets::Asset::<Runtime>::get(UST_ASSET_ID).expect("UST exists");
		assert_eq!(ust.owner, gov_account());
		assert_eq!(ust.supply, 0, "no UST exists at genesis");
		assert_eq!(pallet_mirror_mint::Parameters::<Runtime>::get(), MintParameters::default());
		assert_eq!(pallet_mirror_mint::Parameters::<Runtime>::get().lock_period, 1_209_600);
		assert_eq!(pallet_mirror_gov::Parameters::<Runtime>::get(), GovParameters::default());
		assert_eq!(
			pallet_mirror_lp_staking::Parameters::<Runtime>::get(),
			StakingParameters::default()
		);
		assert_eq!(
			pallet_mirror_factory::Parameters::<Runtime>::get(),
			FactoryParameters::default()
		);
		assert_eq!(Balances::balance(&factory_account()), FACTORY_MIR);
		assert_eq!(Balances::balance(&production_placeholder_holder()), PRODUCTION_LAUNCH_MIR);
		assert_eq!(
			Balances::balance(&mirror_runtime::Community::account_id()),
			COMMUNITY_MIR,
			"the community pool"
		);
	});
}

#[test]
fn on_production_an_admin_call_needs_a_passed_poll() {
	production_ext().execute_with(|| {
		let holder = production_placeholder_holder();
		let call = RuntimeCall::Mint(pallet_mirror_mint::Call::update_config {
			protocol_fee_rate: None,
			price_max_age: None,
			lock_period: Some(7 * 24 * 3_600),
			close_factor: None,
			full_liquidation_ratio: None,
			min_debt_value: None,
			risk_change_delay: None,
		});
		// Neither a signed account nor sudo can make it.
		assert_noop!(
			Mint::update_config(
				RuntimeOrigin::signed(holder.clone()),
				None,
				None,
				Some(1),
				None,
				None,
				None,
				None
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Sudo::sudo(RuntimeOrigin::signed(holder.clone()), Box::new(call.clone())),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		// A poll the stakers pass does, after the voting period and the effective delay.
		assert_ok!(Gov::stake_voting_tokens(
			RuntimeOrigin::signed(holder.clone()),
			5_000_000 * MIR
		));
		assert_ok!(Gov::create_poll(
			RuntimeOrigin::signed(holder.clone()),
			b"A week's lock".to_vec(),
			b"Production test".to_vec(),
			None,
			Some(Box::new(call)),
		));
		let id = pallet_mirror_gov::Totals::<Runtime>::get().poll_count;
		assert_ok!(Gov::cast_vote(
			RuntimeOrigin::signed(holder.clone()),
			id,
			VoteOption::Yes,
			5_000_000 * MIR
		));
		let parameters = GovParameters::default();
		advance(parameters.default_poll.voting_period);
		assert_ok!(Gov::end_poll(RuntimeOrigin::signed(holder.clone()), id));
		advance(parameters.effective_delay);
		assert_ok!(Gov::execute_poll(RuntimeOrigin::signed(holder), id));
		assert_eq!(
			pallet_mirror_gov::Polls::<Runtime>::get(id).map(|p| p.status),
			Some(PollStatus::Executed)
		);
		assert_eq!(pallet_mirror_mint::Parameters::<Runtime>::get().lock_period, 7 * 24 * 3_600);
	});
}
