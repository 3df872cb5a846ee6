// Governance: Alice proposes a poll whose call lists Mirrored Microsoft (the poll's class, and so
// its deposit, quorum and threshold, follows from the call); Bob stakes MIR and votes yes;
// after the voting period (30 s on dev chains) anyone ends the poll, and after the effective delay
// (6 s) anyone executes its call with the Gov origin. Bob then withdraws his stake.
import { connect, send, event, untilChainTime, unusedSymbol, fmt, errorName, FIXED, UNIT } from './lib.mjs';

const { api, alice, bob } = await connect();

const symbol = await unusedSymbol('MSFT');
const params = { weight: null, auctionDiscount: FIXED / 5n, minCollateralRatio: FIXED * 3n / 2n, ipoParams: null };
const listing = api.tx.factory.whitelist('Mirrored Microsoft', symbol, alice.address, params);
let r = await send(api.tx.gov.createPoll(`List m${symbol}`, `Whitelist m${symbol} at MCR 150 %`, null, listing), alice);
const created = event(r, 'gov', 'PollCreated');
const pollId = created.pollId.toNumber();
console.log(`poll ${pollId} (${created.class}): Alice's deposit ${fmt(created.deposit)} MIR`);

await send(api.tx.gov.stakeVotingTokens(1_000_000n * UNIT), bob);
const staked = (await api.call.govApi.staker(bob.address)).unwrap().balance.toBigInt();
await send(api.tx.gov.castVote(pollId, 'Yes', staked), bob); // at most his staked balance
console.log(`Bob staked and voted yes with ${fmt(staked)} MIR`);

const { endTime } = (await api.call.govApi.poll(pollId)).unwrap();
await untilChainTime(endTime.toBigInt());
r = await send(api.tx.gov.endPoll(pollId), bob);
console.log(`ended: ${event(r, 'gov', 'PollEnded').status}`);

const { effectiveDelay } = await api.call.govApi.parameters();
await untilChainTime(endTime.toBigInt() + effectiveDelay.toBigInt());
r = await send(api.tx.gov.executePoll(pollId), bob);
const { result } = event(r, 'gov', 'PollExecuted');
if (result.isErr) throw new Error(`the poll's call failed: ${errorName(result.asErr)}`);
console.log(`executed: listed ${event(r, 'factory', 'Whitelisted').symbol.toUtf8()}`);
console.log(`poll ${pollId} is ${(await api.call.govApi.poll(pollId)).unwrap().status}`);

r = await send(api.tx.gov.withdrawVotingTokens(null), bob); // everything, now that no poll locks it
console.log(`Bob withdrew ${fmt(event(r, 'gov', 'Withdrawn').amount)} MIR`);
await api.disconnect();
