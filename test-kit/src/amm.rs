//! The AMM stand-in: fixed rates for sales, pools against UST for liquidity and time-weighted
//! prices, in thread-local tables.

use core::{cell::RefCell, marker::PhantomData};
use frame_support::traits::{
	fungibles::{Create, Mutate},
	tokens::Preservation,
};
use mirror_primitives::{
	decimal::mul_floor, AssetId, Balance, FixedU128, LocalAssetId, Moment, NativeOrWithId,
	PoolCreator, ProvideLiquidity, QuoteSwap, SpreadLimit, Swap, SwapQuote, TwapError,
	TwapProvider, UST,
};
use sp_runtime::{
	traits::{CheckedDiv, One},
	DispatchError, FixedPointNumber,
};
use std::collections::BTreeMap;

/// A pool against UST: asset reserve, UST reserve, LP token.
type Pool = (Balance, Balance, AssetId);

thread_local! {
	/// Sale rates: units of `ask` paid per unit of `offer`.
	static RATES: RefCell<BTreeMap<(AssetId, AssetId), FixedU128>> = const { RefCell::new(BTreeMap::new()) };
	/// The spread every sale shows.
	static SPREAD: RefCell<FixedU128> = const { RefCell::new(FixedU128::from_inner(0)) };
	/// The pools against UST, by asset.
	static POOLS: RefCell<BTreeMap<AssetId, Pool>> = const { RefCell::new(BTreeMap::new()) };
	/// Time-weighted prices that differ from the spot price (`None`: no history yet).
	static TWAPS: RefCell<BTreeMap<AssetId, Option<(FixedU128, Moment)>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// How a mock's AMM moves tokens.
pub trait AmmSettings {
	/// Every token (the mock's `AllAssets`).
	type Assets: Mutate<u128, AssetId = AssetId, Balance = Balance> + Create<u128>;
	/// The AMM's account: it takes what is offered or provided and, unless it mints, pays what a
	/// sale returns.
	const ACCOUNT: u128;
	/// Whether a sale mints what it returns (rather than paying it from [`Self::ACCOUNT`]).
	const MINTS: bool = false;
	/// Whether a sale with a belief price and a maximum spread fails when its return falls short
	/// of `offer / belief_price` by more than the spread (Terraswap's check).
	const CHECKS_BELIEF: bool = false;
	/// The error of a sale or deposit without a rate or pool.
	const NO_POOL: &'static str = "UnknownPair";

	/// The id of the LP token [`PoolCreator::create_pool`] creates.
	fn next_lp_token() -> LocalAssetId {
		1_000
	}
}

/// [`AmmSettings`] for a plain AMM of tokens `A` at account `ACCOUNT`: sales paid from its
/// holdings, no belief check, "no pool" without one, LP tokens from id 1,000.
pub struct AmmAt<A, const ACCOUNT: u128>(PhantomData<A>);

impl<A, const ACCOUNT: u128> AmmSettings for AmmAt<A, ACCOUNT>
where
	A: Mutate<u128, AssetId = AssetId, Balance = Balance> + Create<u128>,
{
	type Assets = A;
	const ACCOUNT: u128 = ACCOUNT;
	const NO_POOL: &'static str = "no pool";
}

/// The AMM stand-in, in every role. A sale of `offer` for `ask` returns `⌊amount × rate⌋` at the
/// rate set by [`set_rate`] (no rate: [`AmmSettings::NO_POOL`]) and fails with
/// `MaxSpreadAssertion` when the spread set by [`set_spread`] exceeds the limit's maximum. Providing liquidity to a pool of [`set_pool`]
/// moves both amounts to the AMM's account, grows the reserves and mints LP tokens equal to the
/// asset amount. The time-weighted price of a pool is its spot price over the whole window unless
/// [`set_twap`] said otherwise.
pub struct MockAmm<S>(PhantomData<S>);

impl<S: AmmSettings> MockAmm<S> {
	/// The sale of `offer_amount` of `offer` for `ask` at the rate set by [`set_rate`].
	fn sale(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		let rate = RATES
			.with(|r| r.borrow().get(&(offer.clone(), ask.clone())).copied())
			.ok_or(DispatchError::Other(S::NO_POOL))?;
		let return_amount =
			mul_floor(offer_amount, rate).ok_or(DispatchError::Other("overflow"))?;
		Ok(SwapQuote { offer_amount, return_amount, spread_amount: 0, commission_amount: 0 })
	}

	/// The reserves of the pool of `a` and UST (`b`), in that order.
	pub fn reserves(a: &AssetId, b: &AssetId) -> Option<(Balance, Balance)> {
		pool(a, b).map(|(asset, ust, _)| (asset, ust))
	}
}

impl<S: AmmSettings> Swap<u128> for MockAmm<S> {
	fn swap(
		payer: &u128,
		_trader: &u128,
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
		limit: SpreadLimit,
		to: &u128,
	) -> Result<SwapQuote, DispatchError> {
		let sale = Self::sale(offer, ask, offer_amount)?;
		let spread = SPREAD.with(|s| *s.borrow());
		let max_spread = match limit {
			SpreadLimit::Unchecked => None,
			SpreadLimit::MaxSpread(max) | SpreadLimit::BeliefPrice { max_spread: max, .. } => {
				Some(max)
			}
		};
		if max_spread.is_some_and(|max| spread > max) {
			return Err(DispatchError::Other("MaxSpreadAssertion"));
		}
		if let (true, SpreadLimit::BeliefPrice { belief_price, max_spread }) =
			(S::CHECKS_BELIEF, limit)
		{
			let expected = FixedU128::one()
				.checked_div(&belief_price)
				.ok_or(DispatchError::Other("bad belief"))?
				.saturating_mul_int(offer_amount);
			let shortfall = expected.saturating_sub(sale.return_amount);
			if FixedU128::saturating_from_rational(shortfall, expected) > max_spread {
				return Err(DispatchError::Other("MaxSpreadAssertion"));
			}
		}
		let expendable = Preservation::Expendable;
		S::Assets::transfer(offer.clone(), payer, &S::ACCOUNT, offer_amount, expendable)?;
		if S::MINTS {
			S::Assets::mint_into(ask.clone(), to, sale.return_amount)?;
		} else {
			S::Assets::transfer(ask.clone(), &S::ACCOUNT, to, sale.return_amount, expendable)?;
		}
		Ok(sale)
	}
}

/// Quotes at the rates of [`set_rate`]: what a sale would return, and the least offer that
/// returns an amount.
impl<S: AmmSettings> QuoteSwap for MockAmm<S> {
	fn quote(
		offer: &AssetId,
		ask: &AssetId,
		offer_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		Self::sale(offer, ask, offer_amount)
	}

	fn quote_for_return(
		offer: &AssetId,
		ask: &AssetId,
		ask_amount: Balance,
	) -> Result<SwapQuote, DispatchError> {
		let rate = RATES
			.with(|r| r.borrow().get(&(offer.clone(), ask.clone())).copied())
			.ok_or(DispatchError::Other(S::NO_POOL))?;
		let offer_amount = FixedU128::checked_from_integer(ask_amount)
			.and_then(|amount| amount.checked_div(&rate))
			.map(|offer| offer.into_inner().div_ceil(FixedU128::accuracy()))
			.ok_or(DispatchError::Other("no rate"))?;
		Ok(SwapQuote {
			offer_amount,
			return_amount: ask_amount,
			spread_amount: 0,
			commission_amount: 0,
		})
	}
}

impl<S: AmmSettings> ProvideLiquidity<u128> for MockAmm<S> {
	fn provide_liquidity(
		who: &u128,
		asset_a: &AssetId,
		amount_a: Balance,
		asset_b: &AssetId,
		amount_b: Balance,
		_slippage_tolerance: Option<FixedU128>,
		receiver: &u128,
	) -> Result<Balance, DispatchError> {
		let lp = Self::lp_token(asset_a, asset_b).ok_or(DispatchError::Other(S::NO_POOL))?;
		let expendable = Preservation::Expendable;
		S::Assets::transfer(asset_a.clone(), who, &S::ACCOUNT, amount_a, expendable)?;
		S::Assets::transfer(asset_b.clone(), who, &S::ACCOUNT, amount_b, expendable)?;
		S::Assets::mint_into(lp, receiver, amount_a)?;
		POOLS.with(|p| {
			if let Some(pool) = p.borrow_mut().get_mut(asset_a) {
				pool.0 += amount_a;
				pool.1 += amount_b;
			}
		});
		Ok(amount_a)
	}

	fn lp_token(a: &AssetId, b: &AssetId) -> Option<AssetId> {
		pool(a, b).map(|(_, _, lp)| lp)
	}
}

/// Creating a pool against UST creates its LP token, [`AmmSettings::next_lp_token`].
impl<S: AmmSettings> PoolCreator<u128> for MockAmm<S> {
	fn create_pool(creator: &u128, a: &AssetId, b: &AssetId) -> Result<AssetId, DispatchError> {
		// (The table outlives storage reverts between benchmark runs: an entry is overwritten.)
		if *b != UST {
			return Err(DispatchError::Other("UnknownPair"));
		}
		let lp = NativeOrWithId::WithId(S::next_lp_token());
		S::Assets::create(lp.clone(), *creator, false, 1)?;
		set_pool(a.clone(), 0, 0, lp.clone());
		Ok(lp)
	}
}

impl<S: AmmSettings> TwapProvider for MockAmm<S> {
	fn twap(base: &AssetId, quote: &AssetId, window: Moment) -> Result<FixedU128, TwapError> {
		Self::twap_up_to(base, quote, window).map(|(price, _)| price)
	}

	fn twap_up_to(
		base: &AssetId,
		quote: &AssetId,
		max_window: Moment,
	) -> Result<(FixedU128, Moment), TwapError> {
		let (asset_reserve, ust_reserve, _) = pool(base, quote).ok_or(TwapError::NoPool)?;
		match TWAPS.with(|t| t.borrow().get(base).cloned()) {
			Some(Some(twap)) => Ok(twap),
			Some(None) => Err(TwapError::NotEnoughHistory),
			None => FixedU128::checked_from_rational(ust_reserve, asset_reserve.max(1))
				.map(|price| (price, max_window))
				.ok_or(TwapError::NotEnoughHistory),
		}
	}
}

fn pool(a: &AssetId, b: &AssetId) -> Option<Pool> {
	if *b != UST {
		return None;
	}
	POOLS.with(|p| p.borrow().get(a).cloned())
}

/// Sets the rate of a sale of `offer` for `ask`: units of `ask` per unit of `offer`.
pub fn set_rate(offer: AssetId, ask: AssetId, rate: FixedU128) {
	RATES.with(|r| r.borrow_mut().insert((offer, ask), rate));
}

/// Sets the spread every sale shows.
pub fn set_spread(spread: FixedU128) {
	SPREAD.with(|s| *s.borrow_mut() = spread);
}

/// Opens (or resets) the pool of `asset` against UST with these reserves and LP token.
pub fn set_pool(asset: AssetId, asset_reserve: Balance, ust_reserve: Balance, lp: AssetId) {
	POOLS.with(|p| p.borrow_mut().insert(asset, (asset_reserve, ust_reserve, lp)));
}

/// Sets the time-weighted price of `asset` and its window (`None`: no history).
pub fn set_twap(asset: AssetId, twap: Option<(FixedU128, Moment)>) {
	TWAPS.with(|t| t.borrow_mut().insert(asset, twap));
}

pub(crate) fn reset() {
	RATES.with(|r| r.borrow_mut().clear());
	set_spread(FixedU128::from_inner(0));
	POOLS.with(|p| p.borrow_mut().clear());
	TWAPS.with(|t| t.borrow_mut().clear());
}
