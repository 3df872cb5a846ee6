//! The pallets `mirror-node benchmark pallet` can measure.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_assets, Assets]
	[pallet_mirror_oracle, Oracle]
	[pallet_mirror_collateral_oracle, CollateralOracle]
	[pallet_mirror_amm, Amm]
	[pallet_mirror_mint, Mint]
	[pallet_mirror_lp_staking, LpStaking]
	[pallet_mirror_factory, Factory]
	[pallet_mirror_gov, Gov]
	[pallet_mirror_collector, Collector]
	[pallet_mirror_community, Community]
);
