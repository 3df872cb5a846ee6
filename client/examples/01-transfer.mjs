// Transfers: Alice sends Bob 5 MIR (the native token) and 100 UST (pallet-assets asset 1).
import { connect, send, fmt, UNIT } from './lib.mjs';

const { api, alice, bob } = await connect();
const ust = async (who) => (await api.query.assets.account(1, who.address)).unwrap().balance.toBigInt();
const mir = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const [mir0, ust0] = [await mir(bob), await ust(bob)];

await send(api.tx.balances.transferKeepAlive(bob.address, 5n * UNIT), alice);
await send(api.tx.assets.transfer(1, bob.address, 100n * UNIT), alice);

console.log(`Bob received ${fmt(await mir(bob) - mir0)} MIR and ${fmt(await ust(bob) - ust0)} UST`);
await api.disconnect();
