/**
 * @mirror-substrate/client — a typed client for the Mirror on Substrate chain.
 *
 * ```ts
 * import { MirrorClient, signerFromUri, UST } from '@mirror-substrate/client';
 * const client = await MirrorClient.connect('ws://127.0.0.1:9944');
 * const bob = await signerFromUri('//Bob');
 * await client.mint.openPosition({ collateral: UST, collateralAmount: '3600', asset: 101, collateralRatio: '2' }).send(bob);
 * ```
 */
export * from './units.js';
export * from './assets.js';
export * from './errors.js';
export * from './types.js';
export { toPlain } from './convert.js';
export { MirrorTx, decodeEvent, findEvent, findEvents, type Signer, type SendOptions } from './tx.js';
export * from './client.js';
