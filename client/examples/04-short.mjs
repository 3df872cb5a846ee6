// A short: Charlie opens a position whose minted mTSLA are sold on the pool at once (at most 1 %
// below the pool's price); the UST raised stays locked for the lock period (120 s on dev chains).
// Then what a keeper asks: is the position liquidatable, and what would an auction return?
import { connect, send, event, errorName, fmt, FIXED, UNIT, UST, MTSLA } from './lib.mjs';

const { api, charlie } = await connect();

const short = { beliefPrice: null, maxSpread: FIXED / 100n };
const r = await send(api.tx.mint.openPosition(UST, 5_000n * UNIT, MTSLA, 2n * FIXED, short), charlie);
const opened = event(r, 'mint', 'PositionOpened');
const id = opened.positionId.toBigInt();
const locked = event(r, 'mint', 'FundsLocked');
console.log(`short position ${id}: ${fmt(opened.mintedAmount)} mTSLA minted and sold for ${fmt(locked.amount)} UST,`);
console.log(`  locked until ${new Date(locked.unlockTime.toNumber() * 1000).toISOString()} (mint.unlockPositionFunds after that)`);

// Keepers: a safe position is not liquidatable, and an auction of it is refused.
const liquidatable = (await api.call.mintApi.liquidatable(id)).asOk.isTrue;
const quote = await api.call.mintApi.simulateAuction(id, UNIT);
console.log(`liquidatable: ${liquidatable}; auction of 1 mTSLA: ${quote.isOk ? JSON.stringify(quote.asOk.toHuman()) : `refused, ${errorName(quote.asErr)}`}`);
await api.disconnect();
