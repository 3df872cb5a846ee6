/** `client.gov`: `GovModule`, the calls and runtime API of pallet `gov`. */
import { toPlain } from '../convert.js';
import type { MirrorTx, Signer } from '../tx.js';
import type * as T from '../types.js';
import { type Amount, toUnits } from '../units.js';
import { type Ctx, account, opt } from './shared.js';

/** Gov (pallet `gov`): MIR staking, polls, votes, voting rewards. */
export class GovModule {
  constructor(private readonly c: Ctx) {}
  /** Stakes MIR for voting power and a share of protocol fees. */
  stakeVotingTokens(amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.stakeVotingTokens(toUnits(amount)));
  }
  /** Withdraws staked MIR (`null`: all that votes do not lock). */
  withdrawVotingTokens(amount: Amount | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.withdrawVotingTokens(opt(amount, toUnits)));
  }
  /** Creates a poll (deposit taken); `execute` is a call (e.g. `client.mint.updateConfig(...)`) run if it passes. */
  createPoll(a: { title: string; description: string; link?: string | null; execute?: MirrorTx | null }): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.createPoll(a.title, a.description, a.link ?? null, a.execute ? a.execute.extrinsic : null));
  }
  /** Votes `amount` of staked MIR on a poll. */
  castVote(pollId: number, vote: T.VoteOption, amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.castVote(pollId, vote, toUnits(amount)));
  }
  /** Records the staked total for the quorum, within the snapshot period. */
  snapshotPoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.snapshotPoll(pollId));
  }
  /** Tallies a poll after its voting period. */
  endPoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.endPoll(pollId));
  }
  /** Runs a passed poll's call after the effective delay. */
  executePoll(pollId: number): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.executePoll(pollId));
  }
  /** Pays MIR to stakers (and voters of open polls). */
  depositReward(amount: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.depositReward(toUnits(amount)));
  }
  /** Claims voting rewards of one ended poll, or all (`null`). */
  withdrawVotingRewards(pollId: number | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.withdrawVotingRewards(pollId));
  }
  /** Stakes voting rewards of one ended poll, or all (`null`). */
  stakeVotingRewards(pollId: number | null = null): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.stakeVotingRewards(pollId));
  }
  /** Admin (an auth-admin poll): Gov's parameters, all at once. */
  updateConfig(parameters: T.GovParameters): MirrorTx {
    return this.c.tx(this.c.api.tx.gov.updateConfig(parameters));
  }
  /** A staker, or null. */
  async staker(who: string | Signer): Promise<T.GovStaker | null> {
    return toPlain(await this.c.view.call.govApi.staker(account(who)));
  }
  /** A poll, or null. */
  async poll(pollId: number): Promise<T.Poll | null> {
    return toPlain(await this.c.view.call.govApi.poll(pollId));
  }
  /** Polls newest first, before `startBefore`, at most `limit` (≤ 30). */
  async polls(options: { startBefore?: number | null; limit?: number } = {}): Promise<T.PollEntry[]> {
    const rows = toPlain(await this.c.view.call.govApi.polls(options.startBefore ?? null, options.limit ?? 30)) as [number, T.Poll][];
    return rows.map(([id, p]) => ({ id, ...p }));
  }
  /** How `voter` voted on a poll, or null. */
  async voter(pollId: number, voter: string | Signer): Promise<{ vote: T.VoteOption; balance: bigint } | null> {
    return toPlain(await this.c.view.call.govApi.voter(pollId, account(voter)));
  }
  /** Gov's totals. */
  async state(): Promise<T.GovState> {
    return toPlain(await this.c.view.call.govApi.state());
  }
  /** Gov's parameters. */
  async parameters(): Promise<T.GovParameters> {
    return toPlain(await this.c.view.call.govApi.parameters());
  }
}
