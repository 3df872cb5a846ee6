// Liquidate with the client, as mirror-keeper does: a position below its minimum collateral ratio
// can be auctioned by anyone, who burns its mAssets and receives collateral at a discount.
// To make one here, Bob opens a position at 160 % against mGOOGL and the sudo key (standing in for
// a Gov poll) raises mGOOGL's minimum from 150 % to 200 %; Ferdie auctions it; the minimum is
// then put back. (With `make run`, lowering a price in the feeder's file does it too.)
import { MirrorClient, signerFromUri, UST, formatUnits } from '@mirror-substrate/client';

const client = await MirrorClient.connect(process.env.MIRROR_URL ?? 'ws://127.0.0.1:9944');
const [alice, bob, ferdie] = await Promise.all(['//Alice', '//Bob', '//Ferdie'].map((s) => signerFromUri(s)));
const MGOOGL = await client.findAsset('mGOOGL');
const sudo = async (tx) => {
  const r = await client.sudo(tx).send(alice);
  const { sudoResult } = r.events.find((e) => e.method === 'Sudid').data;
  if ('err' in sudoResult) throw new Error(`sudo ${tx.label} failed: ${JSON.stringify(sudoResult.err)}`);
};

let r = await client.mint.openPosition({ collateral: UST, collateralAmount: '1500', asset: MGOOGL, collateralRatio: '1.6' }).send(bob);
const id = r.events.find((e) => e.method === 'PositionOpened').data.positionId;
const { minCollateralRatio } = await client.mint.assetConfig(MGOOGL);
await sudo(client.mint.updateAsset(MGOOGL, { minCollateralRatio: '2' }));
try {
  // What a keeper decides: is it liquidatable, and what would auctioning all its debt do?
  if (!(await client.mint.liquidatable(id))) throw new Error(`position ${id} should be liquidatable`);
  const { assetAmount: debt } = await client.mint.position(id);
  const q = await client.mint.simulateAuction(id, debt); // { liquidatedAmount, returnedCollateral, protocolFee, ... }
  console.log(`position ${id}: auction ${formatUnits(q.liquidatedAmount)} of ${formatUnits(debt)} mGOOGL for ${formatUnits(q.returnedCollateral)} UST`);
  r = await client.mint.auction(id, q.liquidatedAmount).send(ferdie);
  const done = r.events.find((e) => e.method === 'Liquidated').data;
  console.log(`Ferdie burned ${formatUnits(done.liquidatedAmount)} mGOOGL, received ${formatUnits(done.returnedCollateral)} UST (fee ${formatUnits(done.protocolFee)})`);
} finally {
  await sudo(client.mint.updateAsset(MGOOGL, { minCollateralRatio }));
}
await client.disconnect();
