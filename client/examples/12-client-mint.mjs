// Mint with the client: Bob locks 3,600 UST at a 200 % collateral ratio against mAAPL (about
// 10 mAAPL at 180 UST), reads his positions and the new one's health, and sees a refusal by name.
import { MirrorClient, signerFromUri, MirrorError, UST, formatUnits, formatFixed } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const bob = await signerFromUri('//Bob');
const MAAPL = await client.findAsset('mAAPL');

const r = await client.mint.openPosition({ collateral: UST, collateralAmount: '3600', asset: MAAPL, collateralRatio: '2' }).send(bob);
const opened = r.events.find((e) => e.method === 'PositionOpened').data;
console.log(`position ${opened.positionId}: ${formatUnits(opened.mintedAmount)} mAAPL`);
console.log(`Bob has ${(await client.mint.positionsByOwner(bob)).length} position(s)`);
const { collateralRatio, requiredRatio } = await client.mint.collateralRatio(opened.positionId);
console.log(`collateral ratio ${formatFixed(collateralRatio, 4)}, at least ${formatFixed(requiredRatio, 4)}`);

// 120 % is below mAAPL's 150 % minimum: refused, with the error's name and documentation.
try {
  await client.mint.openPosition({ collateral: UST, collateralAmount: '100', asset: MAAPL, collateralRatio: '1.2' }).send(bob);
  throw new Error('expected a refusal');
} catch (e) {
  if (!(e instanceof MirrorError)) throw e;
  console.log(e.code, '—', e.docs); // mint.InsufficientCollateralRatio — ...
}
await client.disconnect();
