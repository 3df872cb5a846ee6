// The Mirror client (client/, `@mirror-substrate/client`): connect, find an asset by symbol, read
// its oracle price and how old it is, and a dev account's balances.
import { MirrorClient, signerFromUri, UST, MIR, formatUnits, formatFixed } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const bob = await signerFromUri('//Bob');
const MAAPL = await client.findAsset('mAAPL'); // 101

const { price, ageSeconds } = await client.oracle.price(MAAPL);
console.log(`mAAPL ${formatFixed(price, 2)} UST, ${ageSeconds} s old`);
console.log(`Bob: ${formatUnits(await client.balance(bob, UST))} UST, ${formatUnits(await client.balance(bob, MIR))} MIR`);
await client.disconnect();
