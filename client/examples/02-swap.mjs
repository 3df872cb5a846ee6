// Prices and trading: the oracle's price of mAAPL, its pool against UST, a quote, and a swap of
// 1 mAAPL for UST that fails rather than fill more than 1 % below the pool's price.
import { connect, send, event, fmt, fmtFixed, FIXED, UNIT, UST, MAAPL } from './lib.mjs';

const { api, bob } = await connect();

// The median of fresh feeds (at most 60 s old), and the pool's reserves.
const { price } = (await api.call.oracleApi.price(MAAPL, 60)).unwrap();
console.log(`oracle: mAAPL = ${price.isOk ? fmtFixed(price.asOk.price) : price.asErr.toString()} UST`);
const pool = (await api.call.ammApi.pool(MAAPL, UST)).unwrap();
const [ust, aapl] = pool.assetA.eq(UST) ? [pool.reserveA, pool.reserveB] : [pool.reserveB, pool.reserveA];
console.log(`pool:   ${fmt(aapl)} mAAPL + ${fmt(ust)} UST, ${fmtFixed(ust.toBigInt() * FIXED / aapl.toBigInt())} UST per mAAPL`);

// What selling 1 mAAPL would return now.
const quote = (await api.call.ammApi.simulateSwap(MAAPL, UST, UNIT)).asOk;
console.log(`quote:  1 mAAPL -> ${fmt(quote.returnAmount)} UST (commission ${fmt(quote.commissionAmount)})`);

// The belief price is what we expect to pay in the offered asset per unit asked: mAAPL per UST.
const beliefPrice = aapl.toBigInt() * FIXED / ust.toBigInt();
const r = await send(api.tx.amm.swap(MAAPL, UST, UNIT, beliefPrice, FIXED / 100n, null), bob);
const swapped = event(r, 'amm', 'Swapped');
console.log(`Bob sold ${fmt(swapped.offerAmount)} mAAPL for ${fmt(swapped.returnAmount)} UST`);
await api.disconnect();
