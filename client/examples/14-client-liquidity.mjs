// Provide liquidity and earn MIR with the client: Bob provides 10 mAAPL with the matching UST and
// bonds the LP tokens in one call; anyone distributes the Factory's MIR emission (once a minute);
// Bob collects his share.
import { MirrorClient, signerFromUri, UST, formatUnits } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const bob = await signerFromUri('//Bob');
const MAAPL = await client.findAsset('mAAPL');

// UST for 10 mAAPL at the pool's ratio; at most 1 % slippage.
const pool = await client.amm.pool(MAAPL, UST);
const [ust, aapl] = pool.assetA === UST ? [pool.reserveA, pool.reserveB] : [pool.reserveB, pool.reserveA];
let r = await client.staking.autoStake(MAAPL, '10', 10_000_000n * ust / aapl, '0.01').send(bob);
console.log(`Bob bonded ${formatUnits(r.events.find((e) => e.method === 'Bonded').data.amount)} LP tokens`);

// The emission can be distributed once a minute: wait for the chain's clock to get there.
const { nextDistribution } = await client.factory.distributionInfo();
for (let waited = 0; (await client.now()) < nextDistribution; waited++) {
  if (waited > 120) throw new Error('the chain\'s clock stands still: is it producing blocks?');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
r = await client.factory.distribute().send(bob);
console.log(`distributed ${formatUnits(r.events.find((e) => e.method === 'Distributed').data.amount)} MIR`);

console.log(formatUnits(await client.staking.pendingRewards(bob)), 'MIR pending');
r = await client.staking.withdrawRewards().send(bob);
console.log(`Bob withdrew ${formatUnits(r.events.find((e) => e.method === 'RewardsWithdrawn').data.amount)} MIR`);
await client.disconnect();
