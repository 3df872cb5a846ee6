// The web app in Chromium against a real dev node: every test drives the page as a person would
// and checks the chain's state through the SDK.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { UST, UNIT } from '@mirror-substrate/client';
import {
  appUrl, feed, launchBrowser, serveDist, signerFromUri, startNode, unitsOf, useDevAccount, waitConnected, waitTx, waitUnits,
} from './lib/harness.mjs';

const MAAPL = 101;
const MTSLA = 103;
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
  // The first visit, cold: from navigation start (performance.now() is measured from it) to the
  // Trade page showing the pool's and the oracle's prices, read from the chain.
  await page.goto(appUrl(server.base, node.url, 'trade'));
  const firstRender = await (await page.waitForFunction(() => {
    const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return /\d/.test(text('pool-price')) && !['', '—'].includes(text('oracle-price')) ? Math.round(performance.now()) : false;
  }, null, { timeout: 60_000, polling: 'raf' })).jsonValue();
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await page.getByLabel('Asset').selectOption(String(MAAPL));
  await page.getByTestId('trade-sell').click();
  await page.getByTestId('slippage-1').click();
  const typedAt = await page.evaluate(() => performance.now());
  await page.getByLabel(/You pay/).fill('1');

  const quoted = await unitsOf(page, 'quote-return');
  const quoteMs = Math.round((await page.evaluate(() => performance.now())) - typedAt);
  console.log(`[measure] first Trade render with data (navigation start → pool and oracle prices shown): ${firstRender} ms; typing → quote: ${quoteMs} ms`);
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

test('Bob swaps 1 mAAPL for mTSLA along the route mAAPL → UST → mTSLA and receives what simulateRoute gave at the parent block', async () => {
  const { client } = node;
  await page.goto(appUrl(server.base, node.url, 'trade'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await page.getByLabel('Asset').selectOption(String(MAAPL));
  await page.getByTestId('trade-route').click();
  await page.getByLabel('You receive').selectOption(String(MTSLA));
  await page.getByTestId('slippage-1').click();
  await page.getByLabel(/You pay/).fill('1');
  await page.getByTestId('quote-route').filter({ hasText: 'mAAPL → UST → mTSLA' }).waitFor({ timeout: 30_000 });
  const quoted = await unitsOf(page, 'quote-return');
  const minimum = await unitsOf(page, 'quote-minimum');
  assert.equal(minimum, (quoted * 99n) / 100n, 'minimum received is ⌊quote × 0.99⌋');
  assert.equal(await client.amm.simulateRoute([MAAPL, UST, MTSLA], '1'), quoted);
  await page.getByTestId('swap-fee').filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });

  const [aaplBefore, tslaBefore] = [await client.balance(bob, MAAPL), await client.balance(bob, MTSLA)];
  await page.getByTestId('swap-submit').click();
  const included = await waitTx(page, 'swap');
  assert.notEqual(included.phase, 'failed', included.text);
  const at = await client.at(included.blockHash);
  const parentHash = (await client.api.rpc.chain.getHeader(included.blockHash)).parentHash.toHex();
  const atParent = await (await client.at(parentHash)).amm.simulateRoute([MAAPL, UST, MTSLA], '1');
  const received = (await at.balance(bob, MTSLA)) - tslaBefore;
  assert.equal(aaplBefore - (await at.balance(bob, MAAPL)), UNIT);
  assert.ok(received >= minimum, `received ${received} < minimum ${minimum}`);
  assert.equal(received, atParent, 'exactly simulateRoute at the parent block');
});

test('Bob opens a long on the Mint page: the chain\'s simulation and liquidation price, then My positions with the chain\'s ratio', async () => {
  const { client } = node;
  const fed = feed(client);
  const before = await client.mint.positionsByOwner(bob);

  await page.goto(appUrl(server.base, node.url, 'mint'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await fed;
  await page.getByLabel('mAsset to mint').selectOption(String(MAAPL));
  await page.getByLabel('Collateral', { exact: true }).selectOption(String(UST));
  await page.getByLabel(/Collateral amount/).fill('3600');
  await page.getByLabel('Exact ratio (%)').fill('200');
  await page.getByTestId('mint-min-ratio').filter({ hasText: '150 %' }).waitFor({ timeout: 30_000 });
  // The slider's marks: Min at the minimum, Safe 50 points above it.
  assert.equal(await unitsOf(page, 'mint-mark-min'), 15n * 10n ** 17n);
  assert.equal(await unitsOf(page, 'mint-mark-safe'), 2n * 10n ** 18n);
  // The page shows the chain's own simulation: mint amount and liquidation price.
  const sim = await client.mint.simulateOpenPosition({ collateral: UST, collateralAmount: '3600', asset: MAAPL, collateralRatio: '2' });
  const expected = await unitsOf(page, 'mint-result');
  assert.equal(expected, sim.mintedAmount);
  assert.ok(10n * UNIT - expected <= 1n, `about 10 mAAPL at 180 UST: ${expected}`);
  assert.ok(sim.liquidationPrice !== null);
  assert.equal(await unitsOf(page, 'mint-liquidation-price'), sim.liquidationPrice);
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
  assert.equal(p.assetAmount, expected, 'the simulation is what open_position minted');

  await page.getByTestId('nav-positions').click();
  const liquidationPrice = await client.mint.liquidationPrice(p.id);
  assert.equal(await unitsOf(page, `position-${p.id}-liquidation-price`), liquidationPrice);
  assert.equal(liquidationPrice, sim.liquidationPrice);
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

test('Bob opens a short on the Mint page and sees its lock (amount, unlock time) on My positions', async () => {
  const { client } = node;
  const fed = feed(client);
  const before = await client.mint.positionsByOwner(bob);

  await page.goto(appUrl(server.base, node.url, 'mint'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await fed;
  await page.getByLabel('mAsset to mint').selectOption(String(MTSLA));
  await page.getByLabel('Collateral', { exact: true }).selectOption(String(UST));
  await page.getByLabel(/Collateral amount/).fill('2000');
  await page.getByLabel('Exact ratio (%)').fill('250');
  await page.getByTestId('mint-short').check();
  const minted = await unitsOf(page, 'mint-result');
  const proceeds = await unitsOf(page, 'mint-proceeds');
  assert.equal(proceeds, (await client.amm.simulateSwap(MTSLA, UST, minted)).returnAmount);
  await page.locator('[data-testid="open-submit"]:enabled').waitFor({ timeout: 30_000 });
  await page.getByTestId('open-submit').click();
  const included = await waitTx(page, 'open');
  assert.notEqual(included.phase, 'failed', included.text);

  const at = await client.at(included.blockHash);
  const after = await at.mint.positionsByOwner(bob);
  assert.equal(after.length, before.length + 1);
  const p = after[after.length - 1];
  assert.equal(p.isShort, true);
  assert.equal(p.asset, MTSLA);
  assert.equal(p.assetAmount, minted);
  const lock = await at.mint.lock(p.id);
  assert.ok(lock, 'a short locks its proceeds');
  assert.equal(lock.amount, proceeds, 'the mTSLA pool did not move: the sale returned the quote');
  assert.equal(lock.unlockTime, (await at.now()) + BigInt((await at.mint.parameters()).lockPeriod));

  await page.getByTestId('nav-positions').click();
  const shown = page.getByTestId(`position-${p.id}-lock`);
  assert.equal(await unitsOf(page, `position-${p.id}-lock`), lock.amount);
  assert.equal(BigInt(await shown.getAttribute('data-unlock-time')), lock.unlockTime);
  await shown.filter({ hasText: /unlock on .* \(in \d+ min/ }).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId(`unlock-${p.id}-submit`).isDisabled(), true, 'still locked');
});

test('Bob provides and stakes liquidity in one click on the Pool page: the bond is the LP tokens minted', async () => {
  const { client } = node;
  await page.goto(appUrl(server.base, node.url, 'pool'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  await page.getByTestId('pool-asset').selectOption(String(MAAPL));
  await page.getByTestId('pool-provide-amount').fill('10');
  const ust = await unitsOf(page, 'pool-provide-ust');
  await page.getByTestId('autostake-fee').filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });
  const { lpToken } = await client.amm.pool(MAAPL, UST);
  const bondOf = async (c) => (await c.staking.rewardInfo(bob, MAAPL)).find((r) => !r.isShort)?.bondAmount ?? 0n;
  const [bondBefore, lpBefore, aaplBefore, ustBefore] = await Promise.all([
    bondOf(client), client.balance(bob, lpToken), client.balance(bob, MAAPL), client.balance(bob, UST),
  ]);
  // What the page says the deposit mints, and the share after it, read just before the click.
  const shownLp = await unitsOf(page, 'pool-provide-lp');
  assert.match(await page.getByTestId('pool-provide-share').textContent(), /^\d+(\.\d+)? %$/);
  await page.getByTestId('autostake-submit').click();
  const included = await waitTx(page, 'autostake');
  assert.notEqual(included.phase, 'failed', included.text);

  // The LP tokens the deposit minted, from the pool before the block: min(d0·S/x0, d1·S/x1).
  const parent = (await client.api.rpc.chain.getHeader(included.blockHash)).parentHash.toHex();
  const pool = await (await client.at(parent)).amm.pool(MAAPL, UST);
  const [xAapl, xUst] = pool.assetA === MAAPL ? [pool.reserveA, pool.reserveB] : [pool.reserveB, pool.reserveA];
  const a = (10n * UNIT * pool.totalShares) / xAapl;
  const b = (ust * pool.totalShares) / xUst;
  const lpMinted = a < b ? a : b;
  assert.ok(lpMinted > 0n);

  const at = await client.at(included.blockHash);
  const bondAfter = await bondOf(at);
  assert.equal(bondAfter - bondBefore, lpMinted, 'the minted LP tokens are bonded');
  assert.equal(shownLp, bondAfter - bondBefore, 'the page\'s "LP tokens received" is the bond growth');
  assert.equal(await at.balance(bob, lpToken), lpBefore, 'no LP token reaches the wallet');
  assert.equal(aaplBefore - (await at.balance(bob, MAAPL)), 10n * UNIT);
  assert.equal(ustBefore - (await at.balance(bob, UST)), ust);
  await waitUnits(page, 'pool-bonded', bondAfter);
});

test('a swap beyond the max spread fails with amm.MaxSpreadAssertion and changes no balance', async () => {
  const { client } = node;
  const charlie = await signerFromUri('//Charlie');
  const sp = await browser.context.newPage();
  // The page's view of new blocks can be frozen: new-head notifications on its WebSocket are held
  // back, so the quote on screen stays the one read before the pool moved (as if the person
  // clicked just before the next block's re-quote).
  let frozen = false;
  await sp.routeWebSocket(/^ws:\/\/127\.0\.0\.1/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((m) => {
      if (frozen && typeof m === 'string' && m.includes('"method":"chain_newHead"')) return;
      ws.send(m);
    });
  });
  try {
    await sp.goto(appUrl(server.base, node.url, 'trade'));
    await waitConnected(sp);
    await useDevAccount(sp, 'Bob');
    await sp.getByLabel('Asset').selectOption(String(MAAPL));
    await sp.getByTestId('trade-sell').click();
    await sp.getByTestId('slippage-custom').fill('0.1');
    await sp.getByLabel(/You pay/).fill('5');
    const quoted = await unitsOf(sp, 'quote-return');
    await sp.getByTestId('swap-fee').filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });
    await sp.locator('[data-testid="swap-submit"]:enabled').waitFor({ timeout: 30_000 });
    const fee = await unitsOf(sp, 'swap-fee');

    frozen = true;
    const shownBlock = await sp.getByTestId('block').innerText();
    // Charlie sells 100 mAAPL first: the pool's price falls about 2 %, past Bob's 0.1 %.
    await client.amm.swap({ offer: MAAPL, ask: UST, offerAmount: '100' }).send(charlie);
    const now = (await client.amm.simulateSwap(MAAPL, UST, '5')).returnAmount;
    assert.ok(now * 1000n < quoted * 999n, `the pool moved: ${now} vs ${quoted}`);
    assert.equal(await unitsOf(sp, 'quote-return'), quoted, 'the page still shows the quote it read');
    assert.equal(await sp.getByTestId('block').innerText(), shownBlock);

    const balances = () => Promise.all(['MIR', UST, MAAPL].map((a) => client.balance(bob, a)));
    const [mirBefore, ustBefore, aaplBefore] = await balances();
    await sp.getByTestId('swap-submit').click();
    const failed = await waitTx(sp, 'swap');
    assert.equal(failed.phase, 'failed', failed.text);
    assert.match(failed.text, /amm\.MaxSpreadAssertion/);
    assert.match(failed.text, /falls short of the belief price/, 'the error\'s docs');
    const [mirAfter, ustAfter, aaplAfter] = await balances();
    assert.equal(ustAfter, ustBefore, 'UST unchanged');
    assert.equal(aaplAfter, aaplBefore, 'mAAPL unchanged');
    assert.ok(mirBefore - mirAfter > 0n && (mirBefore - mirAfter) * 10n <= fee * 11n, `only the fee is paid: ${mirBefore - mirAfter} vs ${fee}`);

    // Unfrozen, the page re-quotes at the next block: the lower return.
    frozen = false;
    await waitUnits(sp, 'quote-return', (await client.amm.simulateSwap(MAAPL, UST, '5')).returnAmount);
  } finally {
    frozen = false;
    await sp.getByTestId('slippage-1').click().catch(() => {}); // the saved tolerance back to 1 %
    await sp.close();
  }
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

test('Bob closes a long on My positions: one transaction repays the debt and returns the collateral less the protocol fee', async () => {
  const { client } = node;
  await feed(client);
  await client.mint.openPosition({ collateral: UST, collateralAmount: '1000', asset: MAAPL, collateralRatio: '2' }).send(bob);
  const mine = await client.mint.positionsByOwner(bob);
  const p = mine.reduce((a, b) => (b.id > a.id ? b : a));
  assert.equal(p.collateralAmount, 1_000n * UNIT);

  await page.goto(appUrl(server.base, node.url, 'positions'));
  await waitConnected(page);
  await useDevAccount(page, 'Bob');
  // Health bar marks: Min at the required ratio, Safe at required + 50 points.
  const required = await unitsOf(page, `position-${p.id}-mark-min`);
  assert.equal(await unitsOf(page, `position-${p.id}-mark-safe`), required + 5n * 10n ** 17n);
  await page.locator(`[data-testid="close-${p.id}-submit"]:enabled`).waitFor({ timeout: 30_000 });
  await page.getByTestId(`close-${p.id}-fee`).filter({ hasText: 'MIR' }).waitFor({ timeout: 30_000 });
  const [ustBefore, aaplBefore] = [await client.balance(bob, UST), await client.balance(bob, MAAPL)];
  await page.getByTestId(`close-${p.id}-submit`).click();
  const included = await waitTx(page, `close-${p.id}`);
  assert.notEqual(included.phase, 'failed', included.text);

  const at = await client.at(included.blockHash);
  assert.equal(await at.mint.position(p.id), null, 'the position is gone');
  const events = await (await client.api.at(included.blockHash)).query.system.events();
  const burned = events.filter((r) => r.event.section === 'mint' && r.event.method === 'Burned' && BigInt(r.event.data[0].toString()) === p.id);
  assert.equal(burned.length, 1);
  const protocolFee = BigInt(burned[0].event.data[3].toString());
  assert.ok(protocolFee > 0n);
  assert.equal((await at.balance(bob, UST)) - ustBefore, p.collateralAmount - protocolFee);
  assert.equal(aaplBefore - (await at.balance(bob, MAAPL)), p.assetAmount);
});

test('the page raised no errors', () => {
  const relevant = browser.errors.filter((e) => !/favicon/.test(e));
  assert.deepEqual(relevant, []);
});
