/**
 * What the client returns: plain objects with bigint balances (base units, 6 decimals), bigint
 * `FixedU128` prices and ratios (18 decimals), and times in seconds since the Unix epoch.
 */
import type { AssetId } from './assets.js';

/** An account, as an SS58 string. */
export type Account = string;

/** One feed's latest price. */
export interface PricePoint {
  /** UST per unit, 18 decimals. */
  price: bigint;
  /** When it was fed (seconds). */
  updatedAt: bigint;
}

/** An asset's oracle state (OracleApi::price). */
export interface PriceInfo {
  asset: AssetId;
  /** The aggregated price, or why there is none. */
  price: { ok: PricePoint } | { err: 'UnknownAsset' | 'NoPrice' | 'Stale' | 'Frozen' | 'NotEnoughFeeds' };
  /** Which source answered (`Feeds`: the median of fresh feeds; `Fallback`: the AMM's TWAP); `null` without a price. */
  origin: 'Feeds' | 'Fallback' | null;
  /** Whether pending feeds contest the price (Mint then refuses mint, withdraw, auction, redeem). */
  contested: boolean;
  /** The last median the circuit breaker accepted, which the relative sanity range is measured from. */
  lastMedian: PricePoint | null;
  /** Every feeder's latest accepted feed, whether it is fresh, and its feed held as pending. */
  feeds: { feeder: Account; latest: PricePoint | null; fresh: boolean; pending: PricePoint | null }[];
  config: OracleAssetConfig;
  frozen: boolean;
}

/** An asset's oracle rules: quorum, circuit breaker and fallback (`Oracle::set_asset_config`). */
export interface OracleAssetConfig {
  minFreshFeeds: number;
  /** A feed further than this (18 decimals, 0.1 = 10 %) from its reference is held as pending. */
  maxDeviation: bigint | null;
  /** Feeds outside this absolute range (18 decimals) are rejected. */
  sanityRange: { min: bigint; max: bigint } | null;
  /** Feeds more than this factor (18 decimals) per started hour from the last accepted median are rejected. */
  maxMovePerHour: bigint | null;
  /** The source that answers when the feeds cannot. */
  fallback: { ammTwap: { window: bigint } } | null;
}

/** A price with its age, or `null` fields when the oracle has none. */
export interface Price {
  asset: AssetId;
  /** UST per unit, 18 decimals; `null` when missing, stale or frozen. */
  price: bigint | null;
  /** Seconds since it was fed, at the chain's time. */
  ageSeconds: bigint | null;
  /** Why there is no price. */
  error: string | null;
  /** Which source answered; `null` without a price. */
  origin: 'Feeds' | 'Fallback' | null;
  /** Whether pending feeds contest the price. */
  contested: boolean;
}

/** A pool (AmmApi::pool). */
export interface PoolInfo {
  assetA: AssetId;
  assetB: AssetId;
  account: Account;
  lpToken: number;
  reserveA: bigint;
  reserveB: bigint;
  totalShares: bigint;
}

/** A swap simulation (AmmApi::simulate_swap / reverse_simulate_swap). */
export interface SwapQuote {
  offerAmount: bigint;
  returnAmount: bigint;
  spreadAmount: bigint;
  commissionAmount: bigint;
}

/** A collateralised debt position (MintApi::position). */
export interface Position {
  owner: Account;
  collateralAsset: AssetId;
  collateralAmount: bigint;
  asset: AssetId;
  assetAmount: bigint;
  isShort: boolean;
}

/** A position with its id. */
export interface PositionEntry extends Position {
  id: bigint;
}

/** Which positions a listing returns. */
export type PositionFilter = { all: true } | { owner: Account } | { asset: AssetId | 'UST' };

/** What Mint knows of an mAsset. */
export interface AssetConfig {
  auctionDiscount: bigint;
  minCollateralRatio: bigint;
  endPrice: bigint | null;
  ipoParams: {
    mintEnd: bigint;
    preIpoPrice: bigint;
    minCollateralRatioAfterIpo: bigint;
    triggerAccount: Account;
  } | null;
}

/** Mint's parameters (MintApi::parameters). */
export interface MintParameters {
  /** The fee on burned and auctioned debt (18 decimals, 0.015 = 1.5 %). */
  protocolFeeRate: bigint;
  /** The oldest price (seconds) Mint acts on. */
  priceMaxAge: bigint;
  /** How long (seconds) a short sale's proceeds stay locked. */
  lockPeriod: bigint;
  /**
   * The most of a position's debt one auction may repay while the position is not deeply under
   * water; Permill (parts per million: 500_000 is 50 %, 1_000_000 the original's whole-position
   * auctions).
   */
  closeFactor: number;
  /**
   * Below this fraction of its required collateral a position may be auctioned whole; Permill
   * (parts per million, 950_000 = 95 %).
   */
  fullLiquidationRatio: number;
  /**
   * The least debt a position may keep, as its value in UST base units: opening, minting, burning
   * and partial auctions leave no debt between 0 and this (0: no minimum).
   */
  minDebtValue: bigint;
  /** How long (seconds) a raise of an MCR or a collateral multiplier waits before it takes effect. */
  riskChangeDelay: bigint;
}

/** A raise of a required ratio not yet in force (MintApi::scheduled_min_collateral_ratio). */
export interface ScheduledChange {
  /** The ratio once in force, 18 decimals. */
  value: bigint;
  /** When it takes effect (seconds since the Unix epoch, chain time). */
  effectiveAt: bigint;
}

/** A position's ratio now (MintApi::collateral_ratio). */
export interface PositionRatio {
  /** Collateral value over debt value, 18 decimals; `null` without debt. */
  collateralRatio: bigint | null;
  /** The least ratio the position must keep now (the asset's MCR × the collateral's multiplier). */
  requiredRatio: bigint;
  /**
   * The required ratio once every scheduled raise (of the asset's MCR, of the collateral's
   * multiplier) is in force, with the time the first of them takes effect; `null` when none is
   * scheduled. A position whose `collateralRatio` is at or below `scheduled.value` becomes
   * liquidatable then, at today's prices, unless its owner adds collateral or repays debt.
   */
  scheduled: ScheduledChange | null;
}

/** What opening a position would give now (MintApi::simulate_open_position). */
export interface PositionPreview {
  /** The mAssets it would mint (and owe). */
  mintedAmount: bigint;
  /** The least ratio it must keep now (18 decimals). */
  requiredRatio: bigint;
  /** The mAsset price (UST, 18 decimals) at which it would become liquidatable, the collateral's price held. */
  liquidationPrice: bigint | null;
  /** The required ratio once scheduled raises are in force, and when the first takes effect. */
  scheduled: ScheduledChange | null;
}

/** A position at risk, with its ratios (MintApi::positions_at_risk). */
export interface PositionAtRisk extends PositionRatio {
  positionId: bigint;
}

/**
 * What an auction would do now (MintApi::simulate_auction). The chain serves an offer up to the
 * most one auction may repay (the close factor's share of the debt, or all of it when the position
 * is deep under water or the rest would be dust) and counts the rest in `refundedAsset`: the
 * `liquidatedAmount` of a quote for the whole debt is that limit.
 */
export interface AuctionQuote {
  /** mAssets burned from the liquidator (the offer less the refund). */
  liquidatedAmount: bigint;
  /** The part of the offer not needed (beyond the collateral or the limit), kept by the liquidator. */
  refundedAsset: bigint;
  returnedCollateral: bigint;
  protocolFee: bigint;
  leftoverCollateral: bigint;
  forgivenDebt: bigint;
}

/** A short position's locked sale proceeds. */
export interface PositionLock {
  receiver: Account;
  amount: bigint;
  unlockTime: bigint;
}

/** An LP staking pool (LpStakingApi::pool). */
export interface StakingPool {
  stakingToken: AssetId;
  lp: { totalBond: bigint; index: bigint; pending: bigint };
  short: { totalBond: bigint; index: bigint; pending: bigint };
  premiumRate: bigint;
  shortRewardWeight: bigint;
  premiumUpdatedTime: bigint;
  migration: { indexSnapshot: bigint; deprecatedStakingToken: AssetId; totalBond: bigint } | null;
}

/** A staker's bond and pending MIR in one pool (LpStakingApi::reward_info). */
export interface RewardInfo {
  asset: AssetId;
  bondAmount: bigint;
  pendingReward: bigint;
  isShort: boolean;
  shouldMigrate: boolean;
}

/** LP staking parameters. */
export interface StakingParameters {
  premiumMinUpdateInterval: bigint;
  shortRewardCap: bigint;
  premiumHalfMax: bigint;
}

/** The Factory's emission state (FactoryApi::distribution_info). */
export interface DistributionInfo {
  lastDistributed: bigint;
  nextDistribution: bigint;
  pendingAmount: bigint;
  amounts: [AssetId, bigint][];
}

/** The Factory's parameters. */
export interface FactoryParameters {
  distributionInterval: bigint;
  distributionSchedule: { start: bigint; end: bigint; amount: bigint }[];
}

/** Poll classes, statuses and vote options. */
export type PollClass = 'Default' | 'AuthAdmin' | 'Migration';
export type PollStatus = 'InProgress' | 'Passed' | 'Rejected' | 'Executed' | 'Failed';
export type VoteOption = 'Yes' | 'No' | 'Abstain';

/** A poll (GovApi::poll). */
export interface Poll {
  creator: Account;
  status: PollStatus;
  class: PollClass;
  yesVotes: bigint;
  noVotes: bigint;
  abstainVotes: bigint;
  endTime: bigint;
  snapshotTime: bigint;
  title: string;
  description: string;
  link: string | null;
  /** The SCALE-encoded call the poll executes, as hex. */
  call: string | null;
  callWeight: { refTime: bigint; proofSize: bigint };
  depositAmount: bigint;
  totalBalanceAtEndPoll: bigint | null;
  votersReward: bigint;
  stakedAmount: bigint | null;
}

/** A poll with its id. */
export interface PollEntry extends Poll {
  id: number;
}

/** A Gov staker (GovApi::staker). */
export interface GovStaker {
  balance: bigint;
  share: bigint;
  lockedBalance: [number, bigint][];
  locked: bigint;
  withdrawablePolls: [number, bigint][];
}

/** Gov totals (GovApi::state). */
export interface GovState {
  pollCount: number;
  totalShare: bigint;
  totalDeposit: bigint;
  pendingVotingRewards: bigint;
  totalStaked: bigint;
}

/** One poll class's rules. */
export interface PollConfig {
  proposalDeposit: bigint;
  votingPeriod: bigint;
  /** Perbill (parts per billion). */
  quorum: number;
  /** Perbill (parts per billion). */
  threshold: number;
}

/** Gov parameters (GovApi::parameters). */
export interface GovParameters {
  effectiveDelay: bigint;
  snapshotPeriod: bigint;
  /** Permill (parts per million). */
  voterWeight: number;
  defaultPoll: PollConfig;
  authAdminPoll: PollConfig;
  migrationPoll: PollConfig;
}

/** A chain event, decoded. */
export interface MirrorEvent {
  section: string;
  method: string;
  /** The event's fields by name (camelCase), converted like every other answer. */
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What an included transaction did. */
export interface TxResult {
  blockHash: string;
  /** The block number it was included in. */
  blockNumber: number;
  /** The transaction's own events (Mirror's, tokens', and System's). */
  events: MirrorEvent[];
}
