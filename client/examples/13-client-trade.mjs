// Trade with the client: quote and sell 1 mAAPL for UST within 1 % of the pool's price, then
// trade mAAPL for mTSLA through UST in one call.
import { MirrorClient, signerFromUri, UST, UNIT, fixedFromRatio, mulFixedFloor, toFixed, formatUnits } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const bob = await signerFromUri('//Bob');
const [MAAPL, MTSLA] = [await client.findAsset('mAAPL'), await client.findAsset('mTSLA')];

const quote = await client.amm.simulateSwap(MAAPL, UST, '1'); // { returnAmount, spreadAmount, commissionAmount }
console.log(`1 mAAPL -> ${formatUnits(quote.returnAmount)} UST (commission ${formatUnits(quote.commissionAmount)})`);
// The belief price is what we expect to pay in the offered asset per unit asked: mAAPL per UST,
// here at the pool's current price (what 1 mAAPL fetches before spread and commission).
const beliefPrice = fixedFromRatio(UNIT, quote.returnAmount + quote.spreadAmount + quote.commissionAmount);
let r = await client.amm.swap({ offer: MAAPL, ask: UST, offerAmount: '1', beliefPrice, maxSpread: '0.01' }).send(bob);
console.log(`sold 1 mAAPL for ${formatUnits(r.events.find((e) => e.method === 'Swapped').data.returnAmount)} UST`);

// mAAPL -> UST -> mTSLA, receiving at least 99 % of the simulated amount.
const expected = await client.amm.simulateRoute([MAAPL, UST, MTSLA], '1');
r = await client.amm.swapRoute({ path: [MAAPL, UST, MTSLA], offerAmount: '1', minimumReceive: mulFixedFloor(expected, toFixed('0.99')) }).send(bob);
const last = r.events.filter((e) => e.method === 'Swapped').pop().data;
console.log(`traded 1 mAAPL for ${formatUnits(last.returnAmount)} mTSLA through UST`);
await client.disconnect();
