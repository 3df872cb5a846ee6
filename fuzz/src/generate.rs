//! The decoder: bytes (seeded or a fuzzer's) into actions on the chain. Arguments lean on what
//! exists (assets, pools, positions, polls, balances) so that calls get past their first check,
//! and on the boundaries that break maths: 0, 1, the caller's balance, `u128::MAX`, prices near 0
//! and very large, ids of closed positions, repeated ids.

use crate::{chain::FEEDER, entropy::Entropy};
use frame_support::{traits::fungibles::Inspect, BoundedVec};
use mirror_primitives::{
	AssetId, Balance, FixedU128, IpoParams, NativeOrWithId, OracleAssetConfig, OracleFallback,
	PollId, Position, PositionId, PreIpoParams, PriceRange, PriceSource, ShortParams, VoteOption,
	WhitelistParams, MIR, UNIT, UST,
};
use mirror_runtime::{configs::NativeAndAssets, AccountId, Runtime, RuntimeCall};
use sp_runtime::{
	traits::{Bounded, One, Zero},
	FixedPointNumber, Saturating,
};
use std::collections::BTreeMap;

/// One step of a run.
#[derive(Clone, Debug)]
pub enum Action {
	/// Finalise the block (every pallet's `on_finalize`) and open the next `secs` later
	/// (`on_initialize`, the timestamp inherent).
	Block {
		/// Seconds to the next block.
		secs: u64,
	},
	/// A signed call from signer `who`.
	Call {
		/// The signer's index in [`crate::chain::KEYS`].
		who: usize,
		/// The call (a sudo-wrapped admin call is `Sudo::sudo`).
		call: RuntimeCall,
	},
}

/// What the decoder reads of the state before each action.
pub struct View {
	/// The open block's time, seconds.
	pub now: u64,
	/// The signers' accounts.
	pub signers: Vec<AccountId>,
	/// MIR, and every `pallet-assets` asset, and one id that does not exist yet.
	pub assets: Vec<AssetId>,
	/// The assets Mint knows.
	pub massets: Vec<AssetId>,
	/// pre-IPO mAssets and their trigger accounts.
	pub ipo_assets: Vec<(AssetId, AccountId)>,
	/// Registered collateral.
	pub collaterals: Vec<AssetId>,
	/// Pools: their two assets and LP token.
	pub pools: Vec<(AssetId, AssetId, AssetId)>,
	/// Assets with a reward pool in LpStaking.
	pub reward_pools: Vec<AssetId>,
	/// Open positions, by id.
	pub positions: Vec<(PositionId, Position<AccountId>)>,
	/// The id the next position takes.
	pub next_position: PositionId,
	/// Short positions' locked proceeds that may be unlocked now: id and receiver.
	pub unlockable: Vec<(PositionId, AccountId)>,
	/// The last accepted oracle price of each asset with feeders.
	pub prices: BTreeMap<AssetId, FixedU128>,
	/// Each asset's feeders.
	pub feeders: BTreeMap<AssetId, Vec<AccountId>>,
	/// Assets whose oracle is frozen.
	pub frozen: Vec<AssetId>,
	/// Whether an asset's last accepted price is older than 45 s (Mint wants one of 60 s).
	pub stale: bool,
	/// mAssets a short sale can go through now: a price younger than 45 s, an oracle not frozen
	/// and a pool against UST with liquidity.
	pub shortable: Vec<AssetId>,
	/// Polls created so far (ids `1..=polls`... or `0..polls`: both are tried).
	pub polls: PollId,
	/// Each signer's Gov shares.
	pub gov_shares: Vec<Balance>,
	/// Polls in progress: id and when voting closes.
	pub open_polls: Vec<(PollId, u64)>,
	/// Passed polls with a call to execute.
	pub passed_polls: Vec<PollId>,
}

impl View {
	/// Reads the view of the state; `signers` are the accounts that sign.
	pub fn read(signers: &[AccountId], now: u64) -> Self {
		let mut assets = vec![MIR];
		assets.extend(pallet_assets::Asset::<Runtime>::iter_keys().map(NativeOrWithId::WithId));
		assets.sort();
		let next = pallet_assets::NextAssetId::<Runtime>::get().unwrap_or(u32::MAX);
		assets.push(NativeOrWithId::WithId(next));
		let mut massets = Vec::new();
		let mut ipo_assets = Vec::new();
		for (asset, config) in pallet_mirror_mint::AssetConfigs::<Runtime>::iter() {
			if let Some(ipo) = &config.ipo_params {
				ipo_assets.push((asset.clone(), ipo.trigger_account.clone()));
			}
			massets.push(asset);
		}
		massets.sort();
		ipo_assets.sort();
		let mut collaterals: Vec<AssetId> =
			pallet_mirror_collateral_oracle::CollateralAssets::<Runtime>::iter_keys().collect();
		collaterals.sort();
		let mut pools: Vec<_> = pallet_mirror_amm::Pools::<Runtime>::iter()
			.map(|((a, b), pool)| (a, b, NativeOrWithId::WithId(pool.lp_token)))
			.collect();
		pools.sort();
		let mut reward_pools: Vec<AssetId> =
			pallet_mirror_lp_staking::Pools::<Runtime>::iter_keys().collect();
		reward_pools.sort();
		let mut positions: Vec<_> = pallet_mirror_mint::Positions::<Runtime>::iter().collect();
		positions.sort_by_key(|(id, _)| *id);
		let mut prices = BTreeMap::new();
		let mut feeders = BTreeMap::new();
		let mut frozen = Vec::new();
		let mut stale = false;
		let mut fresh = Vec::new();
		for (asset, entry) in pallet_mirror_oracle::Feeds::<Runtime>::iter() {
			if !entry.frozen
				&& entry.last_median.is_some_and(|p| p.updated_at.saturating_add(45) >= now)
			{
				fresh.push(asset.clone());
			}
			// Of the assets the dev feeder (the genesis feeder) feeds and can feed now.
			let dev_fed =
				signers.get(FEEDER).is_some_and(|a| entry.feeds.iter().any(|f| &f.feeder == a));
			if dev_fed
				&& !entry.frozen
				&& entry.last_median.is_some_and(|p| p.updated_at.saturating_add(45) < now)
			{
				stale = true;
			}
			if entry.frozen {
				frozen.push(asset.clone());
			}
			if let Some(point) = entry.last_median {
				prices.insert(asset.clone(), point.price);
			}
			feeders.insert(asset, entry.feeds.iter().map(|f| f.feeder.clone()).collect());
		}
		let mut open_polls = Vec::new();
		let mut passed_polls = Vec::new();
		for id in pallet_mirror_gov::PollsInProgress::<Runtime>::iter_keys() {
			if let Some(poll) = pallet_mirror_gov::Polls::<Runtime>::get(id) {
				open_polls.push((id, poll.end_time));
			}
		}
		open_polls.sort();
		let polls = pallet_mirror_gov::Totals::<Runtime>::get().poll_count;
		// The newest passed polls (older ones have mostly been executed or failed).
		for id in polls.saturating_sub(16)..=polls {
			if pallet_mirror_gov::Polls::<Runtime>::get(id).is_some_and(|p| {
				p.status == mirror_primitives::PollStatus::Passed && p.call.is_some()
			}) {
				passed_polls.push(id);
			}
		}
		let mut shortable: Vec<AssetId> = massets
			.iter()
			.filter(|a| fresh.contains(a))
			.filter(|a| {
				pools.iter().any(|(x, y, _)| (x == *a && *y == UST) || (*x == UST && y == *a))
			})
			.cloned()
			.collect();
		shortable.sort();
		let gov_shares = signers
			.iter()
			.map(|who| {
				pallet_mirror_gov::Stakers::<Runtime>::get(who).map(|s| s.share).unwrap_or(0)
			})
			.collect();
		View {
			now,
			signers: signers.to_vec(),
			assets,
			massets,
			ipo_assets,
			collaterals,
			pools,
			reward_pools,
			positions,
			next_position: pallet_mirror_mint::NextPositionId::<Runtime>::get(),
			unlockable: {
				let mut locks: Vec<_> = pallet_mirror_mint::Locks::<Runtime>::iter()
					.filter(|(_, lock)| lock.unlock_time <= now)
					.map(|(id, lock)| (id, lock.receiver))
					.collect();
				locks.sort_by_key(|(id, _)| *id);
				locks
			},
			prices,
			feeders,
			frozen: {
				frozen.sort();
				frozen
			},
			// Not when it fed in this block already (a second feed of an asset is refused).
			stale: stale
				&& signers.get(FEEDER).is_none_or(|a| {
					pallet_mirror_oracle::FeedsInBlock::<Runtime>::get(a).map(|(block, _)| block)
						!= Some(frame_system::Pallet::<Runtime>::block_number())
				}),
			polls,
			gov_shares,
			shortable,
			open_polls,
			passed_polls,
		}
	}

	fn balance(&self, asset: &AssetId, who: usize) -> Balance {
		let who = &self.signers[who % self.signers.len()];
		<NativeAndAssets as Inspect<AccountId>>::balance(asset.clone(), who)
	}

	fn account_index(&self, who: &AccountId) -> Option<usize> {
		self.signers.iter().position(|s| s == who)
	}
}

/// A signer: the six funded dev accounts mostly, the two empty ones now and then.
fn signer(e: &mut Entropy, view: &View) -> usize {
	let funded = view.signers.len().min(6);
	if e.chance(90) {
		e.below(funded)
	} else {
		e.below(view.signers.len())
	}
}

/// Decodes the next action.
pub fn action(e: &mut Entropy, view: &View) -> Action {
	let signers = view.signers.len();
	// After a clock jump the feeder mostly feeds first, as a live feeder would.
	if view.stale && e.chance(50) {
		return Action::Call { who: FEEDER, call: feed(e, view, FEEDER) };
	}
	match e.weighted(&[8, 7, 6, 5, 65, 1, 1, 1, 4, 2]) {
		0 => Action::Block { secs: block_secs(e) },
		1 => {
			// A feeder feeds (the dev feeder feeds every genesis asset).
			let who = if e.chance(85) { FEEDER } else { signer(e, view) };
			Action::Call { who, call: feed(e, view, who) }
		}
		2 => {
			// An admin call: through sudo by the sudo key, now and then by someone else or bare.
			let call = admin(e, view);
			match e.below(20) {
				0 => Action::Call { who: 1 + e.below(signers - 1), call: sudo(call) },
				1 => Action::Call { who: signer(e, view), call },
				_ => Action::Call { who: crate::chain::ALICE, call: sudo(call) },
			}
		}
		3 => {
			let who = signer(e, view);
			let calls = (0..2 + e.below(2)).map(|_| user(e, view, who)).collect();
			Action::Call {
				who,
				call: RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }),
			}
		}
		4 => {
			let who = signer(e, view);
			Action::Call { who, call: user(e, view, who) }
		}
		6 => {
			// Faucets: the community pool pays MIR, UST's owner mints UST, to the poorest.
			if e.chance(50) {
				let who = poorest(view, &MIR);
				Action::Call {
					who: crate::chain::ALICE,
					call: sudo(RuntimeCall::Community(pallet_mirror_community::Call::spend {
						amount: 50_000 * UNIT,
						beneficiary: view.signers[who].clone(),
					})),
				}
			} else {
				let who = poorest(view, &UST);
				Action::Call {
					who: crate::chain::ALICE,
					call: RuntimeCall::Assets(pallet_assets::Call::mint {
						id: mirror_primitives::UST_ASSET_ID.into(),
						beneficiary: view.signers[who].clone().into(),
						amount: 1_000_000 * UNIT,
					}),
				}
			}
		}
		7 => {
			// A short seller unlocks their proceeds, now and then naming one twice.
			let Some((_, receiver)) = e.pick(&view.unlockable).cloned() else {
				return Action::Block { secs: block_secs(e) };
			};
			let mut ids: Vec<PositionId> =
				view.unlockable.iter().filter(|(_, r)| *r == receiver).map(|(id, _)| *id).collect();
			if e.chance(30) {
				ids.push(ids[e.below(ids.len())]);
			}
			Action::Call {
				who: view.account_index(&receiver).unwrap_or(0),
				call: RuntimeCall::Mint(pallet_mirror_mint::Call::unlock_position_funds {
					position_ids: BoundedVec::truncate_from(ids),
				}),
			}
		}
		8 => {
			// A short sale that should get through: a fresh price, a pool, UST collateral well
			// above the minimum ratio. Short sales are what fill the lock account, and its
			// unlocks (with repeated ids) need several locks at once.
			let Some(asset) = e.pick(&view.shortable).cloned() else {
				let who = signer(e, view);
				return Action::Call { who, call: user(e, view, who) };
			};
			let who = e.below(view.signers.len().min(6));
			let balance = view.balance(&UST, who);
			let collateral_amount = match e.below(3) {
				0 => balance / 100,
				1 => balance / 1_000,
				_ => (UNIT * (10 + e.below(1_000) as u128)).min(balance),
			};
			let collateral_ratio = [fx(2, 1), fx(5, 2), fx(3, 1), fx(4, 1)][e.below(4)];
			Action::Call {
				who,
				call: RuntimeCall::Mint(pallet_mirror_mint::Call::open_position {
					collateral_asset: UST,
					collateral_amount,
					asset,
					collateral_ratio,
					short_params: Some(ShortParams {
						belief_price: None,
						max_spread: maybe(e, 20, |_| fx(1, 2)),
					}),
				}),
			}
		}
		9 => governance(e, view),
		_ => {
			// A pre-IPO asset's trigger account triggers its IPO.
			let (asset, trigger) = match e.pick(&view.ipo_assets) {
				Some((asset, trigger)) => (asset.clone(), trigger.clone()),
				None => (masset(e, view), view.signers[0].clone()),
			};
			let who = view.account_index(&trigger).unwrap_or(0);
			Action::Call {
				who,
				call: RuntimeCall::Mint(pallet_mirror_mint::Call::trigger_ipo { asset }),
			}
		}
	}
}

/// A poll carried through: a passed poll executed, an expired one ended, or a staker voting
/// with all their shares on an open one (mostly yes), so that polls pass and their calls run.
fn governance(e: &mut Entropy, view: &View) -> Action {
	use pallet_mirror_gov::Call as GovCall;
	let who = e.below(view.signers.len().min(6));
	if let Some(poll_id) = e.pick(&view.passed_polls).copied() {
		if e.chance(50) {
			return Action::Call { who, call: RuntimeCall::Gov(GovCall::execute_poll { poll_id }) };
		}
	}
	let Some((poll_id, end)) = e.pick(&view.open_polls).copied() else {
		return Action::Call { who, call: user(e, view, who) };
	};
	if view.now > end {
		return Action::Call { who, call: RuntimeCall::Gov(GovCall::end_poll { poll_id }) };
	}
	// The staker with the most shares, mostly.
	let voter = if e.chance(70) {
		(0..view.gov_shares.len().min(6)).max_by_key(|i| view.gov_shares[*i]).unwrap_or(who)
	} else {
		who
	};
	Action::Call {
		who: voter,
		call: RuntimeCall::Gov(GovCall::cast_vote {
			poll_id,
			vote: if e.chance(85) { VoteOption::Yes } else { VoteOption::No },
			amount: view.gov_shares[voter % view.gov_shares.len()],
		}),
	}
}

fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
}

fn block_secs(e: &mut Entropy) -> u64 {
	const SECS: [u64; 10] = [3, 6, 30, 60, 120, 600, 3_600, 86_400, 7 * 86_400 + 3, 30 * 86_400];
	SECS[e.weighted(&[60, 10, 5, 8, 5, 4, 4, 2, 1, 1])]
}

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

/// A price: near `base` mostly, else at the extremes.
fn price(e: &mut Entropy, base: Option<FixedU128>) -> FixedU128 {
	const MOVES: [(u128, u128); 13] = [
		(1, 1),
		(101, 100),
		(99, 100),
		(105, 100),
		(95, 100),
		(11, 10),
		(9, 10),
		(3, 2),
		(3, 5),
		(2, 1),
		(1, 2),
		(10, 1),
		(1, 10),
	];
	if let Some(base) = base {
		if e.chance(85) {
			let (n, d) = MOVES[e.weighted(&[30, 10, 10, 6, 6, 5, 5, 5, 5, 4, 4, 2, 2])];
			return base.saturating_mul(fx(n, d));
		}
	}
	match e.below(9) {
		0 => FixedU128::from_inner(1),
		1 => fx(1, 1_000_000),
		2 => fx(1, 1_000),
		3 => FixedU128::one(),
		4 => FixedU128::from_u32(1_000_000_000),
		5 => FixedU128::from_u32(u32::MAX),
		6 => FixedU128::max_value(),
		7 => FixedU128::zero(),
		_ => fx(1 + e.u64() as u128 % 1_000_000, 1_000),
	}
}

/// An amount of `asset` for signer `who`: their balance and its fractions, round numbers, and
/// the boundaries.
fn amount(e: &mut Entropy, view: &View, who: usize, asset: &AssetId) -> Balance {
	let mut balance = view.balance(asset, who);
	// MIR pays the fees: mostly keep some, so one bold call does not silence an account; the
	// sudo key and feeder always keeps a million.
	if *asset == MIR && who == crate::chain::ALICE {
		balance = balance.saturating_sub(1_000_000 * UNIT);
	} else if *asset == MIR && e.chance(95) {
		balance = balance.saturating_sub(1_000 * UNIT);
	}
	of(e, balance)
}

/// The signer (of the six funded) with the least of `asset`.
fn poorest(view: &View, asset: &AssetId) -> usize {
	(0..view.signers.len().min(6)).min_by_key(|i| view.balance(asset, *i)).unwrap_or(0)
}

/// An amount around `reference` (a balance, a debt, a bond), or a boundary.
fn of(e: &mut Entropy, reference: Balance) -> Balance {
	match e.weighted(&[4, 4, 3, 8, 10, 15, 15, 18, 5, 3, 15]) {
		0 => 0,
		1 => 1,
		2 => Balance::MAX,
		3 => reference,
		4 => reference / 2,
		5 => reference / 10,
		6 => reference / 100,
		7 => 10u128.pow(e.below(13) as u32),
		8 => e.u64() as u128,
		9 => reference.saturating_add(1),
		_ => UNIT * (1 + e.below(100) as u128),
	}
}

fn ratio(e: &mut Entropy) -> FixedU128 {
	match e.weighted(&[20, 15, 20, 10, 10, 5, 5, 3, 3, 3, 6]) {
		0 => fx(3, 2),
		1 => fx(8, 5),
		2 => FixedU128::from_u32(2),
		3 => fx(5, 2),
		4 => FixedU128::from_u32(3),
		5 => FixedU128::from_u32(10),
		6 => fx(6, 5),
		7 => FixedU128::one(),
		8 => FixedU128::zero(),
		9 => FixedU128::max_value(),
		_ => fx(14_999, 10_000),
	}
}

fn fraction(e: &mut Entropy) -> FixedU128 {
	match e.below(8) {
		0 => FixedU128::zero(),
		1 => fx(1, 100),
		2 => fx(1, 10),
		3 => fx(1, 5),
		4 => fx(1, 2),
		5 => fx(99, 100),
		6 => FixedU128::one(),
		_ => FixedU128::max_value(),
	}
}

fn any_asset(e: &mut Entropy, view: &View) -> AssetId {
	match e.weighted(&[50, 40, 5, 5]) {
		0 if !view.massets.is_empty() => e.pick(&view.massets).cloned().unwrap_or(UST),
		1 => e.pick(&view.assets).cloned().unwrap_or(UST),
		2 => NativeOrWithId::WithId(e.u64() as u32),
		_ => MIR,
	}
}

fn masset(e: &mut Entropy, view: &View) -> AssetId {
	if e.chance(90) {
		if let Some(a) = e.pick(&view.massets) {
			return a.clone();
		}
	}
	any_asset(e, view)
}

fn account(e: &mut Entropy, view: &View) -> AccountId {
	if e.chance(95) {
		view.signers[e.below(view.signers.len())].clone()
	} else {
		let mut raw = [0u8; 32];
		raw[..8].copy_from_slice(&e.u64().to_le_bytes());
		AccountId::new(raw)
	}
}

fn maybe<T>(e: &mut Entropy, percent: u8, f: impl FnOnce(&mut Entropy) -> T) -> Option<T> {
	if e.chance(percent) {
		Some(f(e))
	} else {
		None
	}
}

/// A position id: mostly the signer's own, else anyone's, a closed one, or a boundary.
fn position<'v>(
	e: &mut Entropy,
	view: &'v View,
	who: usize,
) -> (PositionId, Option<&'v Position<AccountId>>) {
	let me = &view.signers[who % view.signers.len()];
	let mine: Vec<_> = view.positions.iter().filter(|(_, p)| &p.owner == me).collect();
	match e.weighted(&[70, 15, 8, 7]) {
		0 if !mine.is_empty() => {
			let (id, p) = mine[e.below(mine.len())];
			(*id, Some(p))
		}
		1 if !view.positions.is_empty() => {
			let (id, p) = &view.positions[e.below(view.positions.len())];
			(*id, Some(p))
		}
		2 => (1 + e.below(view.next_position.max(1) as usize) as PositionId, None),
		_ => ([0, u64::MAX, view.next_position][e.below(3)], None),
	}
}

fn pool(e: &mut Entropy, view: &View) -> (AssetId, AssetId, AssetId) {
	match e.pick(&view.pools) {
		Some(p) if e.chance(90) => {
			let (a, b, lp) = p.clone();
			if e.chance(50) {
				(b, a, lp)
			} else {
				(a, b, lp)
			}
		}
		_ => (any_asset(e, view), any_asset(e, view), any_asset(e, view)),
	}
}

fn poll_id(e: &mut Entropy, view: &View) -> PollId {
	match e.weighted(&[80, 10, 10]) {
		0 if view.polls > 0 => {
			// Recent polls mostly.
			let back = e.below(view.polls.min(4) as usize) as PollId;
			view.polls.saturating_sub(back).max(1) - if e.chance(50) { 1 } else { 0 }
		}
		1 => view.polls.saturating_add(1),
		_ => [0, PollId::MAX][e.below(2)],
	}
}

/// A feed by `who` of the assets they feed, near their price or at the extremes.
fn feed(e: &mut Entropy, view: &View, who: usize) -> RuntimeCall {
	let me = &view.signers[who % view.signers.len()];
	let mut mine: Vec<AssetId> = view
		.feeders
		.iter()
		.filter(|(_, feeders)| feeders.contains(me))
		.map(|(asset, _)| asset.clone())
		.collect();
	if mine.is_empty() || e.chance(5) {
		mine.push(any_asset(e, view));
	}
	let all = e.chance(60);
	let mut prices = Vec::new();
	for asset in mine {
		if all || e.chance(50) {
			let base = view.prices.get(&asset).copied().unwrap_or(FixedU128::from_u32(100));
			prices.push((asset, price(e, Some(base))));
		}
	}
	if e.chance(3) && !prices.is_empty() {
		// The same asset twice.
		prices.push(prices[0].clone());
	}
	RuntimeCall::Oracle(pallet_mirror_oracle::Call::feed_prices {
		prices: BoundedVec::truncate_from(prices),
	})
}

fn short_params(e: &mut Entropy, view: &View, asset: &AssetId) -> ShortParams {
	ShortParams {
		belief_price: maybe(e, 40, |e| price(e, view.prices.get(asset).copied())),
		max_spread: maybe(e, 40, fraction),
	}
}

/// A user call of signer `who`.
pub fn user(e: &mut Entropy, view: &View, who: usize) -> RuntimeCall {
	use pallet_mirror_amm::Call as AmmCall;
	use pallet_mirror_gov::Call as GovCall;
	use pallet_mirror_lp_staking::Call as StakeCall;
	use pallet_mirror_mint::Call as MintCall;
	let weights = [
		8, 3, 4, 4, 4, 4, 1, 3, // Mint
		1, 5, 3, 8, 3, // Amm
		4, 3, 3, 3, 2, 1, // LpStaking
		3, // Factory
		4, 2, 2, 4, 1, 2, 2, 1, 2, 1, // Gov
		3, 2, // Collector
		2, 1, 1, // Balances
		2, 1, 1, 1, 1, 1, // Assets
	];
	match e.weighted(&weights) {
		0 => {
			let collateral = match e.weighted(&[45, 25, 20, 10]) {
				0 => UST,
				1 => MIR,
				2 => e.pick(&view.collaterals).cloned().unwrap_or(UST),
				_ => any_asset(e, view),
			};
			let asset = masset(e, view);
			let short = e.chance(35);
			RuntimeCall::Mint(MintCall::open_position {
				collateral_amount: amount(e, view, who, &collateral),
				collateral_asset: collateral,
				short_params: if short { Some(short_params(e, view, &asset)) } else { None },
				asset,
				collateral_ratio: ratio(e),
			})
		}
		1 => {
			let (position_id, p) = position(e, view, who);
			let asset = p.map(|p| p.collateral_asset.clone()).unwrap_or(UST);
			RuntimeCall::Mint(MintCall::deposit {
				position_id,
				amount: amount(e, view, who, &asset),
			})
		}
		2 => {
			let (position_id, p) = position(e, view, who);
			let collateral = p.map(|p| p.collateral_amount).unwrap_or(UNIT);
			RuntimeCall::Mint(MintCall::withdraw {
				position_id,
				amount: maybe(e, 80, |e| of(e, collateral)),
			})
		}
		3 => {
			let (position_id, p) = position(e, view, who);
			let debt = p.map(|p| p.asset_amount).unwrap_or(UNIT);
			let asset = p.map(|p| p.asset.clone()).unwrap_or(UST);
			RuntimeCall::Mint(MintCall::mint {
				position_id,
				amount: of(e, debt / 5),
				short_params: maybe(e, 20, |e| short_params(e, view, &asset)),
			})
		}
		4 => {
			let me = &view.signers[who % view.signers.len()];
			let holding: Vec<_> = view
				.positions
				.iter()
				.filter(|(_, p)| &p.owner == me && view.balance(&p.asset, who) > 0)
				.collect();
			let (position_id, p) = match e.pick(&holding) {
				Some((id, p)) if e.chance(80) => (*id, Some(p)),
				_ => position(e, view, who),
			};
			let debt = p.map(|p| p.asset_amount).unwrap_or(UNIT);
			let held = p.map(|p| view.balance(&p.asset, who)).unwrap_or(0);
			RuntimeCall::Mint(MintCall::burn { position_id, amount: of(e, debt.min(held)) })
		}
		5 => {
			// Liquidate someone's position.
			let (position_id, p) = if e.chance(80) && !view.positions.is_empty() {
				let (id, p) = &view.positions[e.below(view.positions.len())];
				(*id, Some(p))
			} else {
				position(e, view, who)
			};
			let debt = p.map(|p| p.asset_amount).unwrap_or(UNIT);
			RuntimeCall::Mint(MintCall::auction { position_id, amount: of(e, debt) })
		}
		6 => {
			let asset = match e.pick(&view.ipo_assets) {
				Some((asset, _)) => asset.clone(),
				None => masset(e, view),
			};
			RuntimeCall::Mint(MintCall::trigger_ipo { asset })
		}
		7 => {
			let me = &view.signers[who % view.signers.len()];
			let mut ids: Vec<PositionId> = view
				.positions
				.iter()
				.filter(|(_, p)| &p.owner == me && p.is_short)
				.map(|(id, _)| *id)
				.collect();
			if ids.is_empty() || e.chance(20) {
				ids.push(position(e, view, who).0);
			}
			if e.chance(15) {
				ids.push(ids[0]);
			}
			RuntimeCall::Mint(MintCall::unlock_position_funds {
				position_ids: BoundedVec::truncate_from(ids),
			})
		}
		8 => RuntimeCall::Amm(AmmCall::create_pair {
			asset_a: any_asset(e, view),
			asset_b: if e.chance(70) { UST } else { any_asset(e, view) },
		}),
		9 => {
			let (a, b, _) = pool(e, view);
			let amount_a = amount(e, view, who, &a);
			let amount_b = match (view.prices.get(&a), e.chance(70)) {
				(Some(p), true) if b == UST => p.saturating_mul_int(amount_a),
				_ => amount(e, view, who, &b),
			};
			RuntimeCall::Amm(AmmCall::provide_liquidity {
				asset_a: a,
				amount_a,
				asset_b: b,
				amount_b,
				slippage_tolerance: maybe(e, 30, fraction),
				receiver: maybe(e, 10, |e| account(e, view)),
			})
		}
		10 => {
			let (a, b, lp) = pool(e, view);
			RuntimeCall::Amm(AmmCall::withdraw_liquidity {
				asset_a: a,
				asset_b: b,
				lp_amount: amount(e, view, who, &lp),
			})
		}
		11 => {
			let (a, b, _) = pool(e, view);
			RuntimeCall::Amm(AmmCall::swap {
				offer_amount: amount(e, view, who, &a),
				belief_price: maybe(e, 25, |e| price(e, view.prices.get(&b).copied())),
				max_spread: maybe(e, 25, fraction),
				to: maybe(e, 10, |e| account(e, view)),
				offer_asset: a,
				ask_asset: b,
			})
		}
		12 => {
			let mut path = vec![any_asset(e, view)];
			for _ in 0..1 + e.below(3) {
				path.push(if e.chance(50) { UST } else { any_asset(e, view) });
			}
			RuntimeCall::Amm(AmmCall::swap_route {
				offer_amount: amount(e, view, who, &path[0]),
				path: BoundedVec::truncate_from(path),
				minimum_receive: maybe(e, 30, |e| of(e, UNIT)),
				to: maybe(e, 10, |e| account(e, view)),
			})
		}
		13 => {
			let asset = e.pick(&view.reward_pools).cloned().unwrap_or(MIR);
			let lp = view
				.pools
				.iter()
				.find(|(a, b, _)| (a == &asset && b == &UST) || (b == &asset && a == &UST))
				.map(|(_, _, lp)| lp.clone())
				.unwrap_or(UST);
			RuntimeCall::LpStaking(StakeCall::bond { asset, lp_amount: amount(e, view, who, &lp) })
		}
		14 => {
			let asset = e.pick(&view.reward_pools).cloned().unwrap_or(MIR);
			let me = &view.signers[who % view.signers.len()];
			let bonded = pallet_mirror_lp_staking::LpStakes::<Runtime>::get(me, &asset)
				.map(|r| r.bond_amount)
				.unwrap_or(0);
			RuntimeCall::LpStaking(StakeCall::unbond { asset, lp_amount: of(e, bonded) })
		}
		15 => RuntimeCall::LpStaking(StakeCall::withdraw_rewards {
			asset: maybe(e, 50, |e| e.pick(&view.reward_pools).cloned().unwrap_or(MIR)),
		}),
		16 => {
			let asset = masset(e, view);
			let asset_amount = amount(e, view, who, &asset);
			let ust_amount = match view.prices.get(&asset) {
				Some(p) if e.chance(70) => p.saturating_mul_int(asset_amount),
				_ => amount(e, view, who, &UST),
			};
			RuntimeCall::LpStaking(StakeCall::auto_stake {
				asset,
				asset_amount,
				ust_amount,
				slippage_tolerance: maybe(e, 30, fraction),
			})
		}
		17 => {
			let mut assets: Vec<AssetId> = view.massets.clone();
			if assets.is_empty() || e.chance(10) {
				assets.push(any_asset(e, view));
			}
			if e.chance(10) {
				assets.push(assets[0].clone());
			}
			assets.truncate(1 + e.below(assets.len()));
			RuntimeCall::LpStaking(StakeCall::adjust_premium {
				assets: BoundedVec::truncate_from(assets),
			})
		}
		18 => RuntimeCall::LpStaking(StakeCall::deposit_reward {
			asset: e.pick(&view.reward_pools).cloned().unwrap_or(MIR),
			amount: amount(e, view, who, &MIR) / 1_000,
		}),
		19 => RuntimeCall::Factory(pallet_mirror_factory::Call::distribute {}),
		20 => RuntimeCall::Gov(GovCall::stake_voting_tokens { amount: amount(e, view, who, &MIR) }),
		21 => RuntimeCall::Gov(GovCall::withdraw_voting_tokens {
			amount: maybe(e, 70, |e| of(e, view.gov_shares[who % view.gov_shares.len()])),
		}),
		22 => {
			let execute = maybe(e, 60, |e| Box::new(admin(e, view)));
			RuntimeCall::Gov(GovCall::create_poll {
				title: match e.below(10) {
					0 => b"abc".to_vec(),
					_ => b"A fuzzed proposal".to_vec(),
				},
				description: b"Proposed by the fuzzer.".to_vec(),
				link: maybe(e, 30, |e| {
					if e.chance(90) {
						b"https://mirror.finance/poll".to_vec()
					} else {
						b"x".to_vec()
					}
				}),
				execute,
			})
		}
		23 => RuntimeCall::Gov(GovCall::cast_vote {
			poll_id: poll_id(e, view),
			vote: [VoteOption::Yes, VoteOption::Yes, VoteOption::No, VoteOption::Abstain]
				[e.below(4)],
			amount: of(e, view.gov_shares[who % view.gov_shares.len()]),
		}),
		24 => RuntimeCall::Gov(GovCall::snapshot_poll { poll_id: poll_id(e, view) }),
		25 => RuntimeCall::Gov(GovCall::end_poll { poll_id: poll_id(e, view) }),
		26 => RuntimeCall::Gov(GovCall::execute_poll { poll_id: poll_id(e, view) }),
		27 => {
			RuntimeCall::Gov(GovCall::deposit_reward { amount: amount(e, view, who, &MIR) / 1_000 })
		}
		28 => RuntimeCall::Gov(GovCall::withdraw_voting_rewards {
			poll_id: maybe(e, 40, |e| poll_id(e, view)),
		}),
		29 => RuntimeCall::Gov(GovCall::stake_voting_rewards {
			poll_id: maybe(e, 40, |e| poll_id(e, view)),
		}),
		30 => {
			let asset = match e.below(4) {
				0 => UST,
				1 => MIR,
				_ => any_asset(e, view),
			};
			RuntimeCall::Collector(pallet_mirror_collector::Call::convert {
				asset,
				amount: maybe(e, 40, |e| of(e, UNIT * 10)),
			})
		}
		31 => RuntimeCall::Collector(pallet_mirror_collector::Call::distribute {}),
		32 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: account(e, view).into(),
			value: amount(e, view, who, &MIR),
		}),
		33 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(e, view).into(),
			value: amount(e, view, who, &MIR),
		}),
		34 if who != crate::chain::ALICE => {
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: account(e, view).into(),
				keep_alive: e.chance(50),
			})
		}
		34 => RuntimeCall::System(frame_system::Call::remark { remark: vec![0; e.below(64)] }),
		n => {
			let asset = any_asset(e, view);
			let id = match &asset {
				NativeOrWithId::WithId(id) => *id,
				NativeOrWithId::Native => mirror_primitives::UST_ASSET_ID,
			};
			let target = account(e, view);
			let amount = amount(e, view, who, &NativeOrWithId::WithId(id));
			RuntimeCall::Assets(match n {
				35 => {
					pallet_assets::Call::transfer { id: id.into(), target: target.into(), amount }
				}
				36 => pallet_assets::Call::transfer_keep_alive {
					id: id.into(),
					target: target.into(),
					amount,
				},
				37 => pallet_assets::Call::approve_transfer {
					id: id.into(),
					delegate: target.into(),
					amount,
				},
				38 => {
					let owner = view.signers[e.below(view.signers.len())].clone();
					pallet_assets::Call::transfer_approved {
						id: id.into(),
						owner: owner.into(),
						destination: target.into(),
						amount,
					}
				}
				39 => pallet_assets::Call::mint {
					id: id.into(),
					beneficiary: target.into(),
					amount: of(e, UNIT * 1_000),
				},
				_ => pallet_assets::Call::burn { id: id.into(), who: target.into(), amount },
			})
		}
	}
}

fn oracle_config(e: &mut Entropy) -> OracleAssetConfig {
	let default = mirror_runtime::configs::OracleDefaultAssetConfig::get();
	if e.chance(50) {
		return default;
	}
	OracleAssetConfig {
		min_fresh_feeds: [1, 1, 2, 3, 0, u32::MAX][e.below(6)],
		max_deviation: maybe(e, 70, fraction),
		sanity_range: maybe(e, 60, |e| PriceRange { min: price(e, None), max: price(e, None) }),
		max_move_per_hour: maybe(e, 50, |e| {
			[fx(1, 2), FixedU128::from_u32(10), fx(3, 2)][e.below(3)]
		}),
		fallback: maybe(e, 30, |e| OracleFallback::AmmTwap {
			window: [0, 60, 600, 3_600][e.below(4)],
		}),
	}
}

fn symbol(e: &mut Entropy) -> Vec<u8> {
	match e.below(12) {
		0 => b"AAPL".to_vec(),
		1 => Vec::new(),
		_ => format!("F{}", e.below(5_000)).into_bytes(),
	}
}

fn ipo_trigger(e: &mut Entropy, view: &View) -> AccountId {
	view.signers[e.below(view.signers.len())].clone()
}

/// An admin call (Root or a passed poll).
pub fn admin(e: &mut Entropy, view: &View) -> RuntimeCall {
	use pallet_mirror_collateral_oracle::Call as CollateralCall;
	use pallet_mirror_factory::Call as FactoryCall;
	use pallet_mirror_lp_staking::Call as StakeCall;
	use pallet_mirror_mint::Call as MintCall;
	use pallet_mirror_oracle::Call as OracleCall;
	// The ones that end a market (revocations, migrations, freezes) are the rarest.
	let weights = [
		6, 2, 3, 1, 3, // Oracle
		4, 2, 1, 1, // CollateralOracle
		4, 4, 1, 4, // Mint
		3, 2, 3, // LpStaking
		6, 3, 1, 1, 3, // Factory
		3, 3, // Gov, Collector
		4, 3, // Community
		2, // Assets: a new token
		2, 2, // Root applies a scheduled MCR or multiplier
	];
	match e.weighted(&weights) {
		0 => RuntimeCall::Oracle(OracleCall::register_feeder {
			asset: any_asset(e, view),
			feeder: if e.chance(50) { view.signers[0].clone() } else { account(e, view) },
		}),
		1 => {
			let asset = any_asset(e, view);
			let feeder = view
				.feeders
				.get(&asset)
				.and_then(|f| e.pick(f).cloned())
				.unwrap_or_else(|| account(e, view));
			RuntimeCall::Oracle(OracleCall::remove_feeder { asset, feeder })
		}
		2 => RuntimeCall::Oracle(OracleCall::set_asset_config {
			asset: any_asset(e, view),
			config: oracle_config(e),
		}),
		3 => RuntimeCall::Oracle(OracleCall::freeze { asset: any_asset(e, view) }),
		4 => RuntimeCall::Oracle(OracleCall::unfreeze {
			asset: e.pick(&view.frozen).cloned().unwrap_or_else(|| any_asset(e, view)),
		}),
		5 | 6 => {
			let asset = any_asset(e, view);
			let price_source = match e.below(4) {
				0 => PriceSource::Fixed(price(e, None)),
				1 => PriceSource::AmmTwap { quote: UST, window: [60, 600, 0][e.below(3)] },
				_ => PriceSource::Oracle,
			};
			if e.chance(60) {
				RuntimeCall::CollateralOracle(CollateralCall::register_collateral_asset {
					asset,
					price_source,
					multiplier: [FixedU128::one(), fx(4, 3), FixedU128::zero(), fx(1, 2)]
						[e.below(4)],
				})
			} else {
				RuntimeCall::CollateralOracle(CollateralCall::update_collateral_price_source {
					asset,
					price_source,
				})
			}
		}
		7 => RuntimeCall::CollateralOracle(CollateralCall::update_collateral_multiplier {
			asset: e.pick(&view.collaterals).cloned().unwrap_or(MIR),
			multiplier: [FixedU128::one(), fx(4, 3), FixedU128::zero(), fx(1, 2)][e.below(4)],
		}),
		8 => RuntimeCall::CollateralOracle(CollateralCall::revoke_collateral_asset {
			asset: e.pick(&view.collaterals).cloned().unwrap_or(MIR),
		}),
		9 => RuntimeCall::Mint(MintCall::register_asset {
			asset: {
				let lp: Vec<&AssetId> = view.pools.iter().map(|(_, _, lp)| lp).collect();
				let fresh: Vec<AssetId> = view
					.assets
					.iter()
					.filter(|a| !view.massets.contains(a) && !lp.contains(a) && **a != UST)
					.cloned()
					.collect();
				match e.pick(&fresh) {
					Some(a) if e.chance(80) => a.clone(),
					_ => any_asset(e, view),
				}
			},
			auction_discount: fraction(e),
			min_collateral_ratio: ratio(e),
			ipo_params: maybe(e, 30, |e| IpoParams {
				mint_end: view.now + [0, 60, 600, 86_400][e.below(4)],
				pre_ipo_price: price(e, Some(FixedU128::from_u32(100))),
				min_collateral_ratio_after_ipo: ratio(e),
				trigger_account: ipo_trigger(e, view),
			}),
		}),
		10 => RuntimeCall::Mint(MintCall::update_asset {
			asset: masset(e, view),
			auction_discount: maybe(e, 50, fraction),
			min_collateral_ratio: maybe(e, 50, ratio),
			ipo_params: maybe(e, 20, |e| {
				maybe(e, 50, |e| IpoParams {
					mint_end: view.now + 600,
					pre_ipo_price: FixedU128::from_u32(100),
					min_collateral_ratio_after_ipo: ratio(e),
					trigger_account: ipo_trigger(e, view),
				})
			}),
		}),
		11 => {
			let asset = masset(e, view);
			let base = view.prices.get(&asset).copied();
			RuntimeCall::Mint(MintCall::register_migration { asset, end_price: price(e, base) })
		}
		12 => RuntimeCall::Mint(MintCall::update_config {
			protocol_fee_rate: maybe(e, 40, |e| {
				[fx(15, 1_000), FixedU128::zero(), fx(1, 10), FixedU128::one()][e.below(4)]
			}),
			price_max_age: maybe(e, 40, |e| [60, 0, 600, u64::MAX][e.below(4)]),
			// Not u64::MAX: no lock would ever end again, and a run would stop unlocking.
			lock_period: maybe(e, 40, |e| [120, 0, 3, 3_600][e.below(4)]),
			close_factor: maybe(e, 30, |e| {
				sp_runtime::Permill::from_percent([50, 0, 1, 100][e.below(4)])
			}),
			full_liquidation_ratio: maybe(e, 30, |e| {
				sp_runtime::Permill::from_percent([95, 0, 50, 100][e.below(4)])
			}),
			min_debt_value: maybe(e, 30, |e| [UNIT, 0, 1, 10_000 * UNIT][e.below(4)]),
			risk_change_delay: maybe(e, 30, |e| [120, 0, 6, 86_400][e.below(4)]),
		}),
		13 => {
			let unpooled: Vec<AssetId> =
				view.assets.iter().filter(|a| !view.reward_pools.contains(a)).cloned().collect();
			RuntimeCall::LpStaking(StakeCall::register_asset {
				asset: match e.pick(&unpooled) {
					Some(a) if e.chance(80) => a.clone(),
					_ => any_asset(e, view),
				},
				lp_token: any_asset(e, view),
			})
		}
		14 => RuntimeCall::LpStaking(StakeCall::deprecate_staking_token {
			asset: e.pick(&view.reward_pools).cloned().unwrap_or(MIR),
			new_lp_token: any_asset(e, view),
		}),
		15 => RuntimeCall::LpStaking(StakeCall::update_config {
			premium_min_update_interval: maybe(e, 40, |e| [60, 0, 3_600][e.below(3)]),
			short_reward_cap: maybe(e, 40, fraction),
			premium_half_max: maybe(e, 40, fraction),
		}),
		16 => RuntimeCall::Factory(FactoryCall::whitelist {
			name: BoundedVec::truncate_from(b"Mirrored Fuzz".to_vec()),
			symbol: BoundedVec::truncate_from(symbol(e)),
			oracle_feeder: if e.chance(80) { view.signers[0].clone() } else { account(e, view) },
			params: WhitelistParams {
				weight: maybe(e, 50, |e| [0, 1, 100, 300, u32::MAX][e.below(5)]),
				auction_discount: if e.chance(80) { fx(1, 5) } else { fraction(e) },
				min_collateral_ratio: if e.chance(80) { fx(3, 2) } else { ratio(e) },
				ipo_params: maybe(e, 25, |e| PreIpoParams {
					mint_period: [0, 60, 600, 86_400][e.below(4)],
					pre_ipo_price: price(e, Some(FixedU128::from_u32(100))),
					min_collateral_ratio_after_ipo: if e.chance(80) { fx(3, 2) } else { ratio(e) },
					trigger_account: ipo_trigger(e, view),
				}),
			},
		}),
		17 => RuntimeCall::Factory(FactoryCall::update_weight {
			asset: if e.chance(20) { MIR } else { masset(e, view) },
			weight: [0, 1, 100, 300, u32::MAX][e.below(5)],
		}),
		18 => {
			let asset = masset(e, view);
			let base = view.prices.get(&asset).copied();
			RuntimeCall::Factory(FactoryCall::revoke_asset {
				asset,
				end_price: maybe(e, 60, |e| price(e, base)),
			})
		}
		19 => {
			let asset = masset(e, view);
			let base = view.prices.get(&asset).copied();
			RuntimeCall::Factory(FactoryCall::migrate_asset {
				name: BoundedVec::truncate_from(b"Mirrored Fuzz v2".to_vec()),
				symbol: BoundedVec::truncate_from(symbol(e)),
				from_asset: asset,
				end_price: maybe(e, 80, |e| price(e, base)),
			})
		}
		20 => RuntimeCall::Factory(FactoryCall::update_config {
			distribution_interval: maybe(e, 60, |e| [60, 0, 3_600, u64::MAX][e.below(4)]),
			distribution_schedule: None,
		}),
		21 => {
			let mut parameters = mirror_runtime::genesis_config_presets::dev_gov_parameters();
			match e.below(4) {
				0 => parameters.default_poll.quorum = sp_runtime::Perbill::from_percent(0),
				1 => parameters.default_poll.voting_period = 0,
				2 => parameters.effective_delay = 0,
				_ => parameters.voter_weight = sp_runtime::Permill::from_percent(100),
			}
			RuntimeCall::Gov(pallet_mirror_gov::Call::update_config { parameters })
		}
		22 => RuntimeCall::Collector(pallet_mirror_collector::Call::update_config {
			parameters: pallet_mirror_collector::CollectorParameters {
				max_spread: fraction(e),
				price_max_age: [60, 0, 600, u64::MAX][e.below(4)],
			},
		}),
		23 => RuntimeCall::Community(pallet_mirror_community::Call::spend {
			amount: of(e, 1_000 * UNIT),
			beneficiary: account(e, view),
		}),
		24 => RuntimeCall::Community(pallet_mirror_community::Call::update_config {
			spend_limit: of(e, 100_000 * UNIT),
		}),
		26 => RuntimeCall::Mint(MintCall::apply_risk_change { asset: masset(e, view) }),
		27 => RuntimeCall::CollateralOracle(CollateralCall::apply_multiplier_change {
			asset: e.pick(&view.collaterals).cloned().unwrap_or(MIR),
		}),
		_ => {
			let next = view.assets.last().cloned().unwrap_or(MIR);
			let id = match next {
				NativeOrWithId::WithId(id) => id,
				NativeOrWithId::Native => u32::MAX,
			};
			RuntimeCall::Assets(pallet_assets::Call::force_create {
				id: id.into(),
				// The Factory's account, as a listing creates a token, or an account.
				owner: if e.chance(50) {
					mirror_runtime::genesis_config_presets::factory_account().into()
				} else {
					view.signers[0].clone().into()
				},
				is_sufficient: e.chance(50),
				min_balance: 1,
			})
		}
	}
}
