// Minting: Bob locks 3,600 UST at a 200 % collateral ratio against mAAPL (priced by the oracle,
// which the dev feeder keeps fresh), mints 1 more, burns 1 (the protocol fee is taken from the
// collateral), and withdraws 100 UST of collateral.
import { connect, send, event, fmt, fmtPercent, FIXED, UNIT, UST, MAAPL } from './lib.mjs';

const { api, bob } = await connect();

let r = await send(api.tx.mint.openPosition(UST, 3_600n * UNIT, MAAPL, 2n * FIXED, null), bob);
const opened = event(r, 'mint', 'PositionOpened');
const id = opened.positionId.toBigInt();
console.log(`position ${id}: ${fmt(opened.collateralAmount)} UST locked, ${fmt(opened.mintedAmount)} mAAPL minted`);

await send(api.tx.mint.mint(id, UNIT, null), bob);
r = await send(api.tx.mint.burn(id, UNIT), bob);
console.log(`minted 1 more and burned 1: fee ${fmt(event(r, 'mint', 'Burned').protocolFee)} UST`);
await send(api.tx.mint.withdraw(id, 100n * UNIT), bob);

const position = (await api.call.mintApi.position(id)).unwrap();
const { collateralRatio, requiredRatio } = (await api.call.mintApi.collateralRatio(id)).asOk;
console.log(`now ${fmt(position.collateralAmount)} UST against ${fmt(position.assetAmount)} mAAPL: ` +
  `ratio ${fmtPercent(collateralRatio.unwrap())}, at least ${fmtPercent(requiredRatio)}`);

// Bob's positions, newest first.
const mine = await api.call.mintApi.positions({ Owner: bob.address }, null, 10, 'Descending');
console.log(`Bob's positions: ${mine.map(([pid]) => pid.toString()).join(', ')}`);
await api.disconnect();
