// Liquidate with the client, as mirror-keeper does: a position below its minimum collateral ratio
// can be auctioned by anyone, who burns its mAssets and receives collateral at a discount.
// To make one here, Bob opens a position at 160 % against mGOOGL and the sudo key (standing in for
// a Gov poll) raises mGOOGL's minimum from 150 % to 200 %: a raise waits a grace period (Mint's
// riskChangeDelay) so that owners can add collateral, and Root applies it at once; Ferdie auctions
// it; the minimum is then put back (lowering applies at once). (With `make run`, lowering a price
// in the feeder's file does it too.)
import { MirrorClient, signerFromUri, UST, formatFixed, formatUnits } from '@mirror-substrate/client';

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
try {
  await sudo(client.mint.updateAsset(MGOOGL, { minCollateralRatio: '2' })); // scheduled: mint.RiskChangeScheduled
  const { scheduled } = await client.mint.collateralRatio(id); // what Bob sees: { value, effectiveAt }, or null
  if (scheduled) {
    console.log(`position ${id} will need a ratio of ${formatFixed(scheduled.value)} from ${new Date(Number(scheduled.effectiveAt) * 1000).toISOString()}`);
    await sudo(client.mint.applyRiskChange(MGOOGL)); // in force now, not in riskChangeDelay seconds
  }
  // What a keeper decides: is it liquidatable, and what may one auction repay? At most the close
  // factor's share of the debt (50 %), all of it when the position is deep under water (here).
  if (!(await client.mint.liquidatable(id))) throw new Error(`position ${id} should be liquidatable`);
  const { assetAmount: debt } = await client.mint.position(id);
  const q = await client.mint.simulateAuction(id, debt); // { liquidatedAmount (the most it takes), returnedCollateral, protocolFee, ... }
  console.log(`position ${id}: auction ${formatUnits(q.liquidatedAmount)} of ${formatUnits(debt)} mGOOGL for ${formatUnits(q.returnedCollateral)} UST`);
  r = await client.mint.auction(id, q.liquidatedAmount).send(ferdie);
  const done = r.events.find((e) => e.method === 'Liquidated').data;
  console.log(`Ferdie burned ${formatUnits(done.liquidatedAmount)} mGOOGL, received ${formatUnits(done.returnedCollateral)} UST (fee ${formatUnits(done.protocolFee)})`);
} finally {
  await sudo(client.mint.updateAsset(MGOOGL, { minCollateralRatio }));
}
await client.disconnect();
