#!/usr/bin/env node
/** mirror-keeper: auctions unsafe Mint positions when it pays. */
import { assetId, type AssetId } from '../assets.js';
import { signerFromUri } from '../client.js';
import { booleanOption, checkKnown, connectBot, DEFAULT_CONNECT_TIMEOUT_S, makeLogger, numberOption, parseArgs, readConfig, runUntilSignal, stringOption } from '../cli.js';
import { DEFAULT_KEEPER_OPTIONS, LiquidationKeeper } from '../keeper/keeper.js';
import { formatUnits, toFixed, toUnits } from '../units.js';

const HELP = `mirror-keeper — liquidates unsafe Mirror positions

Usage: mirror-keeper [options]

Every few blocks, pages through positions with the Mint runtime API (at most --max-positions per
round, resuming where the last round stopped), and for each one that is liquidatable simulates the
auction, values the collateral it returns against the mAssets it burns (held at the oracle price,
or bought from the AMM) and the fees, and calls mint.auction when the profit reaches --min-profit.
Auctions are sized to what one auction may repay: Mint's close factor (a share of the debt; all
of it when the position is deep under water), never leaving less than Mint's least debt; with
--no-buy and too few mAssets held, the most that leaves the least debt, or a skip when the
position must be closed in one auction. Positions not liquidatable yet that a scheduled raise of
their required ratio (an MCR or a collateral multiplier) will make liquidatable at today's prices
are reported as exposed (once each, and counted in every round's summary).
Every decision is logged; SIGINT/SIGTERM finish the current round and exit.

Options (each may also be set in the --config JSON file, under the same name):
  --config <file>         JSON config file
  --url <ws-url>          node RPC (default ws://127.0.0.1:9944)
  --connect-timeout <s>   give up (exit 2) if the node cannot be reached at start-up within this
                          many seconds (default 30; 0: wait for ever); a lost node is reconnected to
                          (1 s doubling to 30 s between attempts), said once when lost and once back
  --suri <suri>           the keeper's key (default: $MIRROR_KEEPER_SURI, else //Ferdie)
  --every <blocks>        scan every N blocks (default 1)
  --max-positions <n>     positions looked at per round (default 300)
  --min-profit <UST>      least profit worth an auction, in UST (default 1)
  --buy / --no-buy        buy missing mAssets from the AMM with UST (default --buy)
  --max-spread <ratio>    spread accepted when buying (default 0.01)
  --price-max-age <s>     oldest oracle price used (default 60)
  --assets <ids>          only these mAssets, comma-separated ids (default: all)
  --dry-run               decide and log, send nothing
  --once                  one round, then exit
  --quiet                 only decisions, warnings and errors
  --help                  this text`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  checkKnown(args, ['config', 'url', 'connect-timeout', 'suri', 'every', 'max-positions', 'min-profit', 'buy', 'max-spread', 'price-max-age', 'assets', 'dry-run', 'once', 'quiet', 'help']);
  const config = readConfig(stringOption(args, {}, 'config'));
  const log = makeLogger('mirror-keeper', booleanOption(args, config, 'quiet', false));
  const url = stringOption(args, config, 'url', 'ws://127.0.0.1:9944')!;
  const connectTimeout = numberOption(args, config, 'connect-timeout', DEFAULT_CONNECT_TIMEOUT_S);
  const suri = stringOption(args, config, 'suri', process.env.MIRROR_KEEPER_SURI ?? '//Ferdie')!;
  const assetsRaw = args.assets ?? config.assets;
  let assets: AssetId[] | null = null;
  if (typeof assetsRaw === 'string') assets = assetsRaw.split(',').map((s) => assetId(/^\d+$/.test(s.trim()) ? Number(s) : (s.trim() as 'MIR' | 'UST')));
  else if (Array.isArray(assetsRaw)) assets = assetsRaw.map((a) => assetId(a));
  const options = {
    everyBlocks: Math.max(1, numberOption(args, config, 'every', DEFAULT_KEEPER_OPTIONS.everyBlocks)),
    maxPositionsPerRound: Math.max(1, numberOption(args, config, 'max-positions', DEFAULT_KEEPER_OPTIONS.maxPositionsPerRound)),
    minProfit: toUnits(stringOption(args, config, 'min-profit', formatUnits(DEFAULT_KEEPER_OPTIONS.minProfit))!),
    buy: booleanOption(args, config, 'buy', DEFAULT_KEEPER_OPTIONS.buy),
    maxSpread: toFixed(stringOption(args, config, 'max-spread', '0.01')!),
    priceMaxAge: numberOption(args, config, 'price-max-age', DEFAULT_KEEPER_OPTIONS.priceMaxAge),
    assets,
    dryRun: booleanOption(args, config, 'dry-run', false),
  };

  const signer = await signerFromUri(suri);
  log.info(`connecting to ${url} as ${signer.address}`);
  const client = await connectBot(url, connectTimeout, log);
  const keeper = new LiquidationKeeper(client, signer, log, options);
  log.info(`watching ${assets ? assets.join(', ') : 'every mAsset'}; min profit ${formatUnits(options.minProfit)} UST; buying ${options.buy ? 'on' : 'off'}${options.dryRun ? '; dry run' : ''}`);
  try {
    if (booleanOption(args, config, 'once', false)) {
      await keeper.round();
      return keeper.stats.failures > 0 ? 1 : 0;
    }
    await runUntilSignal(log, (signal) => keeper.run(signal));
    const s = keeper.stats;
    log.notice(`stopped after ${s.rounds} round(s): ${s.auctions} auction(s), ${s.skipped} skipped, ${s.failures} failure(s), expected profit ${formatUnits(s.profitUst)} UST`);
    return 0;
  } finally {
    await client.disconnect();
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`mirror-keeper: ${e.message}`);
  process.exit(2);
});
