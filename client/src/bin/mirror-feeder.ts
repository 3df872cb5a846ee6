#!/usr/bin/env node
/** mirror-feeder: feeds oracle prices for the assets its key is registered to feed. */
import { dirname, isAbsolute, resolve } from 'node:path';
import { signerFromUri } from '../client.js';
import { checkKnown, connectBot, DEFAULT_CONNECT_TIMEOUT_S, makeLogger, numberOption, parseArgs, readConfig, runUntilSignal, stringOption, booleanOption } from '../cli.js';
import { DEFAULT_FEEDER_OPTIONS, PriceFeeder } from '../feeder/feeder.js';
import { sourceFromSpec } from '../feeder/sources.js';

const HELP = `mirror-feeder — feeds Mirror oracle prices

Usage: mirror-feeder [options]

Feeds, every few blocks, a price for each asset the key is registered to feed (see
oracle.registerFeeder), taken from a source. Prints one line per feed and a health line every
--health-every rounds; stops cleanly on SIGINT/SIGTERM.

Options (each may also be set in the --config JSON file, under the same name):
  --config <file>         JSON config file
  --url <ws-url>          node RPC (default ws://127.0.0.1:9944)
  --connect-timeout <s>   give up (exit 2) if the node cannot be reached at start-up within this
                          many seconds (default 30; 0: wait for ever); a lost node is reconnected to
                          (1 s doubling to 30 s between attempts), said once when lost and once back
  --suri <suri>           the feeder's key: //Feeder, a mnemonic, a seed (default: $MIRROR_FEEDER_SURI, else //Feeder, the dev chain's feeder)
  --source <spec>         random-walk[:seed] | file:<prices.json|prices.csv> | http(s)://<endpoint>
                          (default random-walk); in the config, also { "type": "random-walk",
                          "seed", "step", "band", "start" } / { "type": "file", "path", "format" } /
                          { "type": "http", "url", "timeoutMs", "headers" }
  --every <blocks>        feed every N blocks (default 2)
  --retries <n>           tries per fetch and per transaction (default 3)
  --retry-delay <ms>      first wait between tries, doubled each time (default 1000)
  --health-every <n>      health line every N rounds (default 10)
  --health-file <file>    also write the health as JSON each round
  --once                  feed one round and exit (status 1 if it failed)
  --quiet                 only warnings, errors and health lines
  --help                  this text

Price files: JSON {"mAAPL": "180.25", "MIR": 1.5} or [{"symbol": "mAAPL", "price": "180.25"}]
(optionally under "prices"); CSV lines "symbol,price" with an optional header. Prices are UST per
unit; strings are exact. A file is read again every round.`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  checkKnown(args, ['config', 'url', 'connect-timeout', 'suri', 'source', 'every', 'retries', 'retry-delay', 'health-every', 'health-file', 'once', 'quiet', 'help']);
  const config = readConfig(stringOption(args, {}, 'config'));
  const quiet = booleanOption(args, config, 'quiet', false);
  const log = makeLogger('mirror-feeder', quiet);
  const url = stringOption(args, config, 'url', 'ws://127.0.0.1:9944')!;
  const connectTimeout = numberOption(args, config, 'connect-timeout', DEFAULT_CONNECT_TIMEOUT_S);
  const suri = stringOption(args, config, 'suri', process.env.MIRROR_FEEDER_SURI ?? '//Feeder')!;
  const configPath = stringOption(args, {}, 'config');
  let sourceSpec = (args.source as string | undefined) ?? (config.source as string | Record<string, unknown> | undefined) ?? 'random-walk';
  // A price file named in the config file is found next to it.
  if (!args.source && configPath && typeof sourceSpec === 'object' && sourceSpec.type === 'file' && !isAbsolute(String(sourceSpec.path))) {
    sourceSpec = { ...sourceSpec, path: resolve(dirname(configPath), String(sourceSpec.path)) };
  }
  const source = sourceFromSpec(sourceSpec);
  const options = {
    everyBlocks: Math.max(1, numberOption(args, config, 'every', DEFAULT_FEEDER_OPTIONS.everyBlocks)),
    retries: Math.max(1, numberOption(args, config, 'retries', DEFAULT_FEEDER_OPTIONS.retries)),
    retryDelayMs: numberOption(args, config, 'retry-delay', DEFAULT_FEEDER_OPTIONS.retryDelayMs),
    refreshRounds: DEFAULT_FEEDER_OPTIONS.refreshRounds,
    healthEvery: Math.max(1, numberOption(args, config, 'health-every', DEFAULT_FEEDER_OPTIONS.healthEvery)),
    healthFile: stringOption(args, config, 'health-file'),
  };

  const signer = await signerFromUri(suri);
  log.info(`connecting to ${url}`);
  const client = await connectBot(url, connectTimeout, log);
  const feeder = new PriceFeeder(client, signer, source, log, options);
  try {
    if (booleanOption(args, config, 'once', false)) {
      await feeder.round();
      return feeder.health.failures > 0 ? 1 : 0;
    }
    await runUntilSignal(log, (signal) => feeder.run(signal));
    log.notice(`stopped; ${feeder.healthLine()}`);
    return 0;
  } finally {
    await client.disconnect();
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`mirror-feeder: ${e.message}`);
  process.exit(2);
});
