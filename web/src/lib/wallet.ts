/**
 * Accounts that sign: the dev chain's well-known keys (signed locally with the SDK's
 * `signerFromUri`), and accounts from a browser extension (polkadot.js, Talisman, SubWallet)
 * through `@polkadot/extension-dapp`.
 *
 * The SDK's `MirrorTx.send(signer)` takes a `Signer`, which is a @polkadot/keyring pair: it reads
 * `signer.address` (for the nonce) and hands the signer to @polkadot/api's `signAndSend`. An
 * extension's account is not a pair, so `injectedSigner` adapts it: an object with the address and
 * no `sign` method, which makes `signAndSend` sign through `api.signer`, set here to the
 * extension's injected signer. (SDK gap: `send` has no `signer` option of its own.)
 */
import type { ApiPromise } from '@polkadot/api';
import type { Signer as InjectedSigner } from '@polkadot/api/types';
import { type Signer, signerFromUri } from '@mirror-substrate/client';

/** The dev chain's accounts, in the order @polkadot/keyring's test keyring lists them. */
export const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

/** An account the app can sign with. */
export interface WalletAccount {
  /** A stable key: `dev:Bob` or `ext:<source>:<address>`. */
  key: string;
  name: string;
  address: string;
  kind: 'dev' | 'extension';
  /** The extension's name (`polkadot-js`, `talisman`, `subwallet-js`). */
  source?: string;
}

/** Whether a chain is one whose dev keys are public: `Development` or `Local` chain type, or a dev chain name. */
export function isDevChain(chainType: string, chainName: string): boolean {
  return chainType === 'Development' || chainType === 'Local' || /development|local testnet|^dev/i.test(chainName);
}

const devPairs = new Map<string, Promise<Signer>>();

/** The keyring pair of dev account `name` (`Bob` → `//Bob`), made once. */
export function devSigner(name: string): Promise<Signer> {
  let p = devPairs.get(name);
  if (!p) {
    p = signerFromUri(`//${name}`);
    devPairs.set(name, p);
  }
  return p;
}

export async function devAccounts(): Promise<WalletAccount[]> {
  return Promise.all(DEV_ACCOUNTS.map(async (name) => ({
    key: `dev:${name}`, name, address: (await devSigner(name)).address, kind: 'dev' as const,
  })));
}

/** The accounts of every enabled extension; `[]` when none is installed or the user refused. */
export async function extensionAccounts(appName = 'Mirror on Substrate'): Promise<WalletAccount[]> {
  const { web3Enable, web3Accounts } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable(appName);
  if (extensions.length === 0) return [];
  const accounts = await web3Accounts({ ss58Format: 42 });
  return accounts.map((a) => ({
    key: `ext:${a.meta.source}:${a.address}`,
    name: a.meta.name ? `${a.meta.name} (${a.meta.source})` : a.meta.source,
    address: a.address,
    kind: 'extension' as const,
    source: a.meta.source,
  }));
}

/**
 * The adapter for an extension account: a `Signer` in the SDK's sense whose signing is done by
 * the extension. It sets `api.signer` to the extension's injected signer; dev accounts (keyring
 * pairs, with their own `sign`) are not affected by it.
 */
export function injectedSigner(api: ApiPromise, address: string, signer: InjectedSigner): Signer {
  api.setSigner(signer);
  const adapter = { address, toString: () => address };
  return adapter as unknown as Signer;
}

/** The `Signer` for `account`, asking its extension for its injected signer when it has one. */
export async function signerFor(api: ApiPromise, account: WalletAccount): Promise<Signer> {
  if (account.kind === 'dev') return devSigner(account.name);
  const { web3FromSource } = await import('@polkadot/extension-dapp');
  const injector = await web3FromSource(account.source!);
  return injectedSigner(api, account.address, injector.signer);
}
