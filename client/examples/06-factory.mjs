// Listing and emission: the sudo key (Alice, standing in for a passed Gov poll, see 07-gov.mjs)
// lists Mirrored Netflix in one call: a token, its oracle feeder, a Mint config, a UST pool and a
// reward pool. Then anyone distributes the scheduled MIR emission, at most once a minute.
import { connect, send, event, untilChainTime, unusedSymbol, fmt, FIXED } from './lib.mjs';

const { api, alice, bob } = await connect();

const symbol = await unusedSymbol('NFLX'); // listed as mNFLX (NFLX2... when run again)
const params = { weight: null, auctionDiscount: FIXED / 5n, minCollateralRatio: FIXED * 3n / 2n, ipoParams: null };
let r = await send(api.tx.sudo.sudo(api.tx.factory.whitelist('Mirrored Netflix', symbol, alice.address, params)), alice);
const listed = event(r, 'factory', 'Whitelisted');
console.log(`listed ${listed.symbol.toUtf8()} as asset ${listed.asset.asWithId}, weight ${listed.weight}, LP token ${listed.lpToken.asWithId}`);

const listings = await api.call.factoryApi.listings();
console.log(`${listings.length} assets share the emission: ${listings.map(([a, w]) => `${a.isNative ? 'MIR' : a.asWithId}:${w}`).join(' ')}`);

const info = await api.call.factoryApi.distributionInfo();
await untilChainTime(info.nextDistribution.toBigInt());
r = await send(api.tx.factory.distribute(), bob);
const distributed = event(r, 'factory', 'Distributed');
console.log(`Bob distributed ${fmt(distributed.amount)} MIR to ${distributed.pools} reward pools`);
await api.disconnect();
