// Govern with the client: Charlie proposes raising Mint's protocol fee to 2 % (a 1,000 MIR
// deposit); Bob stakes MIR and votes yes; after the voting period (30 s on dev chains) and the
// effective delay (6 s) anyone ends the poll and executes it. Bob then withdraws his stake.
import { MirrorClient, signerFromUri, formatUnits, formatFixed } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const [bob, charlie] = await Promise.all(['//Bob', '//Charlie'].map((s) => signerFromUri(s)));
const untilChainTime = async (secs) => { // waits for the chain's clock, at most two minutes
  for (let waited = 0; (await client.now()) < secs; waited++) {
    if (waited > 120) throw new Error('the chain\'s clock stands still: is it producing blocks?');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

const created = await client.gov.createPoll({
  title: 'Fee 2 %', description: 'Raise the protocol fee to 2 %',
  execute: client.mint.updateConfig({ protocolFeeRate: '0.02' }),
}).send(charlie);
const { pollId } = created.events.find((e) => e.method === 'PollCreated').data;
await client.gov.stakeVotingTokens('1000000').send(bob);
const { balance } = await client.gov.staker(bob); // all of Bob's staked MIR
await client.gov.castVote(pollId, 'Yes', balance).send(bob);
const poll = await client.gov.poll(pollId);
console.log(`poll ${pollId} '${poll.title}': ${formatUnits(poll.yesVotes)} MIR yes, ends ${new Date(Number(poll.endTime) * 1000).toISOString()}`);

await untilChainTime(poll.endTime);
await client.gov.endPoll(pollId).send(bob);
await untilChainTime(poll.endTime + (await client.gov.parameters()).effectiveDelay);
await client.gov.executePoll(pollId).send(bob);
const { status } = await client.gov.poll(pollId); // Executed, or Failed if its call failed
if (status !== 'Executed') throw new Error(`poll ${pollId} is ${status}`);
console.log(`poll ${pollId} executed: the protocol fee is ${formatFixed((await client.mint.parameters()).protocolFeeRate * 100n)} %`);
await client.gov.withdrawVotingTokens().send(bob);
await client.disconnect();
