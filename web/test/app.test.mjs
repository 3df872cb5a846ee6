// The web app in Chromium against a real dev node: every test drives the page as a person would
// and checks the chain's state through the SDK.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { UST, UNIT } from '@mirror-substrate/client';
import {
  appUrl, feed, launchBrowser, serveDist, signerFromUri, startNode, unitsOf, useDevAccount, waitConnected, waitTx,
} from './lib/harness.mjs';

const MAAPL = 101;
let node, server, browser, page, bob;

before(async () => {
  [node, server, browser] = await Promise.all([startNode(), serveDist(), launchBrowser()]);
  page = await browser.page();
  bob = await signerFromUri('//Bob');
});

after(async () => {
  await browser?.close();
  await server?.close();
  await node?.stop();
});

test('Bob swaps 1 mAAPL for UST and receives exactly the quoted amount, finalised', async () => {
  const { client } = node;
  await page.goto(appUrl(server.base, node.url, 'trade'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await page.getByLabel('Asset').selectOption(String(MAAPL));
  await page.getByTestId('trade-sell').click();
  await page.getByTestId('slippage-1').click();
  await page.getByLabel(/You pay/).fill('1');

  const quoted = await unitsOf(page, 'quote-return');
  const minimum = await unitsOf(page, 'quote-minimum');
  assert.ok(quoted > 170n * UNIT && quoted < 180n * UNIT, `quote ${quoted}`);
  assert.equal(minimum, (quoted * 99n) / 100n);
  // The SDK's own quote agrees with the page.
  assert.equal((await client.amm.simulateSwap(MAAPL, UST, '1')).returnAmount, quoted);
  await page.getByTestId('swap-fee').filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });

  const ustBefore = await client.balance(bob, UST);
  const aaplBefore = await client.balance(bob, MAAPL);
  await page.getByTestId('swap-submit').click();
  const included = await waitTx(page, 'swap');
  assert.notEqual(included.phase, 'failed', included.text);

  const at = await client.at(included.blockHash);
  assert.equal((await at.balance(bob, UST)) - ustBefore, quoted);
  assert.equal(aaplBefore - (await at.balance(bob, MAAPL)), UNIT);

  const final = await waitTx(page, 'swap', ['finalized'], 120_000);
  assert.match(final.text, /Finalised in block #\d+/);
});

test('Bob opens a long on the Mint page and sees it under My positions with the chain\'s ratio', async () => {
  const { client } = node;
  await feed(client);
  const before = await client.mint.positionsByOwner(bob);

  await page.goto(appUrl(server.base, node.url, 'mint'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await page.getByLabel('mAsset to mint').selectOption(String(MAAPL));
  await page.getByLabel('Collateral', { exact: true }).selectOption(String(UST));
  await page.getByLabel(/Collateral amount/).fill('3600');
  await page.getByLabel('Exact ratio (%)').fill('200');
  await page.getByTestId('mint-min-ratio').filter({ hasText: '150 %' }).waitFor({ timeout: 30_000 });
  const expected = await unitsOf(page, 'mint-result');
  assert.equal(expected, 10n * UNIT);
  await page.locator('[data-testid="open-submit"]:enabled').waitFor({ timeout: 30_000 });
  await page.getByTestId('open-submit').click();
  const included = await waitTx(page, 'open');
  assert.notEqual(included.phase, 'failed', included.text);

  const after = await (await client.at(included.blockHash)).mint.positionsByOwner(bob);
  assert.equal(after.length, before.length + 1);
  const p = after[after.length - 1];
  assert.equal(p.collateralAsset, UST);
  assert.equal(p.collateralAmount, 3_600n * UNIT);
  assert.equal(p.asset, MAAPL);
  assert.equal(p.isShort, false);
  assert.ok(expected - p.assetAmount <= 1n, `minted ${p.assetAmount}, shown ${expected}`);

  await page.getByTestId('nav-positions').click();
  const shownRatio = await unitsOf(page, `position-${p.id}-ratio`);
  const shownRequired = await unitsOf(page, `position-${p.id}-required`);
  const chain = await client.mint.collateralRatio(p.id);
  assert.equal(shownRatio, chain.collateralRatio);
  assert.equal(shownRequired, chain.requiredRatio);
  assert.equal(await page.getByTestId(`position-${p.id}-health`).innerText(), 'safe');
  await page.getByTestId('close-factor').filter({ hasText: '50 %' }).waitFor({ timeout: 10_000 });

  // A withdrawal below the minimum ratio fails with the module error and its docs; nothing changes.
  await page.getByTestId(`position-${p.id}-action`).selectOption('withdraw');
  await page.getByTestId(`position-${p.id}-amount`).fill('1000');
  await page.locator(`[data-testid="position-${p.id}-tx-submit"]:enabled`).waitFor({ timeout: 30_000 });
  await page.getByTestId(`position-${p.id}-tx-submit`).click();
  const failed = await waitTx(page, `position-${p.id}-tx`);
  assert.equal(failed.phase, 'failed');
  assert.match(failed.text, /mint\.InsufficientCollateralRatio/);
  assert.ok(failed.text.length > 'Failed: mint.InsufficientCollateralRatio'.length + 10, `no docs: ${failed.text}`);
  assert.equal((await client.mint.position(p.id)).collateralAmount, 3_600n * UNIT);
});

test('the page follows new blocks without a reload', async () => {
  await page.goto(appUrl(server.base, node.url, 'trade'));
  await waitConnected(page);
  const first = Number((await page.getByTestId('block').innerText()).slice(1));
  const later = await node.client.blockNumber().then(async (n) => {
    await page.waitForFunction((min) => Number(document.querySelector('[data-testid="block"]')?.textContent?.slice(1)) > min, Math.max(n, first), { timeout: 30_000 });
    return Number((await page.getByTestId('block').innerText()).slice(1));
  });
  assert.ok(later > first, `${later} > ${first}`);
});

test('an extension account signs through the injected signer: Dave buys mAAPL with 100 UST', async () => {
  const { client } = node;
  const dave = await signerFromUri('//Dave');
  const ext = await browser.context.newPage();
  // A stand-in for polkadot.js / Talisman / SubWallet: window.injectedWeb3 with a signer whose
  // signPayload is answered here, in Node, by Dave's key (as an extension signs the payload).
  await ext.exposeFunction('__fakeSign', async (payload) => {
    const signable = client.api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    return { id: 1, signature: signable.sign(dave).signature };
  });
  await ext.addInitScript(({ address }) => {
    const account = { address, name: 'Dave (fake)', type: 'sr25519' };
    window.injectedWeb3 = {
      'fake-wallet': {
        version: '0.0.1',
        enable: async () => ({
          accounts: { get: async () => [account], subscribe: (cb) => { cb([account]); return () => {}; } },
          signer: { signPayload: (payload) => window.__fakeSign(payload) },
        }),
      },
    };
  }, { address: dave.address });
  try {
    await ext.goto(appUrl(server.base, node.url, 'trade'));
    await waitConnected(ext);
    await ext.getByRole('button', { name: 'Connect extension' }).click();
    await ext.getByText('1 account(s) from the extension').waitFor({ timeout: 30_000 });
    await ext.getByLabel('Account').selectOption(`ext:fake-wallet:${dave.address}`);
    await ext.getByLabel('Asset').selectOption(String(MAAPL));
    await ext.getByTestId('trade-buy').click();
    await ext.getByLabel(/You pay/).fill('100');
    const quoted = await unitsOf(ext, 'quote-return');
    await ext.getByTestId('swap-fee').filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });
    const [ustBefore, aaplBefore] = [await client.balance(dave, UST), await client.balance(dave, MAAPL)];
    await ext.getByTestId('swap-submit').click();
    const included = await waitTx(ext, 'swap');
    assert.notEqual(included.phase, 'failed', included.text);
    const at = await client.at(included.blockHash);
    assert.equal(ustBefore - (await at.balance(dave, UST)), 100n * UNIT);
    assert.equal((await at.balance(dave, MAAPL)) - aaplBefore, quoted);
  } finally {
    await ext.close();
  }
});

test('the page raised no errors', () => {
  const relevant = browser.errors.filter((e) => !/favicon/.test(e));
  assert.deepEqual(relevant, []);
});
