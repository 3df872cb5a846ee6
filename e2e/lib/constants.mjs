// Units and asset ids the end-to-end tests share, in the shapes @polkadot/api takes: an asset is a
// `NativeOrWithId<u32>` (`'Native'` is MIR, `{ WithId: n }` a pallet-assets token).

/** One whole token (MIR, UST, ...) in base units: 6 decimals. */
export const UNIT = 1_000_000n;

/** 1 as a `FixedU128` (prices, ratios, rates): 18 decimals. */
export const FIXED = 10n ** 18n;

/** UST: pallet-assets id 1. */
export const UST = { WithId: 1 };

/** mAAPL on the dev chain. */
export const MAAPL = { WithId: 101 };

/** mTSLA on the dev chain. */
export const MTSLA = { WithId: 103 };

/** The dev feeder's key: registered in the dev and local presets as the feeder of every dev
 * mAsset and MIR, so that Alice and the other dev accounts stay free for people. */
export const DEV_FEEDER_SURI = '//Feeder';
