// Screenshots of every page at 1280×800 and at phone width (390×844) into docs/web/, against a
// dev node where Bob holds a long and a short position. Runs with `npm run screenshots`
// (MIRROR_SCREENSHOTS=1); skipped in `npm test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UST } from '@mirror-substrate/client';
import { WEB, appUrl, feed, launchBrowser, serveDist, signerFromUri, startNode, unitsOf, useDevAccount, waitConnected } from './lib/harness.mjs';

const enabled = process.env.MIRROR_SCREENSHOTS === '1';
const OUT = path.join(WEB, '..', 'docs', 'web');
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
let node, server, browser, page;

before(async () => {
  if (!enabled) return;
  [node, server, browser] = await Promise.all([startNode(), serveDist(), launchBrowser()]);
  page = await browser.page();
  const bob = await signerFromUri('//Bob');
  await feed(node.client);
  await node.client.mint.openPosition({ collateral: UST, collateralAmount: '3600', asset: 101, collateralRatio: '2' }).send(bob);
  await node.client.mint.openPosition({ collateral: UST, collateralAmount: '2000', asset: 103, collateralRatio: '2.5', short: {} }).send(bob);
  await node.client.staking.autoStake(101, '50', '9000', '0.01').send(bob);
  assert.equal((await node.client.mint.positionsByOwner(bob)).length, 2);
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await node?.stop();
});

const PAGES = [
  { route: 'trade', prepare: async () => { await page.getByLabel(/You pay/).fill('10'); await unitsOf(page, 'quote-return'); await unitsOf(page, 'swap-fee'); } },
  { route: 'mint', prepare: async () => { await page.getByLabel(/Collateral amount/).fill('3600'); await unitsOf(page, 'mint-liquidation-price'); await unitsOf(page, 'open-fee'); } },
  { route: 'positions', prepare: async () => { await page.locator('[data-testid$="-liquidation-price"][data-units]').first().waitFor({ timeout: 30_000 }); } },
  { route: 'pool', prepare: async () => {
    await page.getByTestId('pool-bonded').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('pool-provide-amount').fill('10');
    await unitsOf(page, 'autostake-fee');
  } },
];

for (const viewport of VIEWPORTS) {
  test(`screenshots at ${viewport.width}×${viewport.height}`, { skip: !enabled && 'set MIRROR_SCREENSHOTS=1 (npm run screenshots)' }, async () => {
    await page.setViewportSize(viewport);
    for (const { route, prepare } of PAGES) {
      await page.goto(appUrl(server.base, node.url, route));
      await waitConnected(page);
      await useDevAccount(page, 'Bob');
      await prepare();
      const file = path.join(OUT, `${route}-${viewport.width}x${viewport.height}.png`);
      await page.screenshot({ path: file, fullPage: viewport.width < 600 });
    }
    assert.deepEqual(browser.errors, []);
  });
}
