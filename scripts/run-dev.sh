#!/usr/bin/env bash
# Starts a Mirror development chain, its price feeder (mirror-feeder) and the web app (web/dist,
# served by Vite's preview server when it was built): one validator (Alice), blocks every 3 s,
# GRANDPA finality, dev accounts Alice..Ferdie funded with MIR and UST, state in a temporary
# directory. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_BIN="${1:-${CARGO_TARGET_DIR:-target}/release/mirror-node}"
RPC_PORT="${RPC_PORT:-9944}"
WEB_PORT="${WEB_PORT:-5173}"
shift || true

"$NODE_BIN" --dev --rpc-port "$RPC_PORT" "$@" &
node_pid=$!
feeder_pid=""
web_pid=""
cleanup() {
	if [ -n "$web_pid" ]; then kill "$web_pid" 2>/dev/null || true; fi
	# The feeder first (it finishes its round while the node still answers), then the node.
	if [ -n "$feeder_pid" ] && kill "$feeder_pid" 2>/dev/null; then
		for _ in $(seq 1 40); do kill -0 "$feeder_pid" 2>/dev/null || break; sleep 0.5; done
	fi
	kill "$node_pid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# Wait for the RPC port, then start the feeder.
for _ in $(seq 1 120); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$RPC_PORT") 2>/dev/null; then break; fi
	kill -0 "$node_pid" 2>/dev/null || { echo "mirror-node exited"; exit 1; }
	sleep 0.5
done
# mirror-feeder (client/): the dev feeder //Feeder (its own key, so Alice stays free for you) feeds
# every dev mAsset and MIR; FEEDER_SOURCE picks the prices
# (random-walk[:seed], file:<prices.json|csv>, http(s)://...).
node client/dist/src/bin/mirror-feeder.js --url "ws://127.0.0.1:$RPC_PORT" --suri //Feeder \
	--source "${FEEDER_SOURCE:-random-walk}" --every 2 --quiet &
feeder_pid=$!
web_line="  Web app: not built (make run builds it; or cd web && npm ci && npm run build)."
if [ -f web/dist/index.html ] && [ -x web/node_modules/.bin/vite ]; then
	(cd web && exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$WEB_PORT" --strictPort \
		>/dev/null 2>&1) &
	web_pid=$!
	web_line="  Web app: http://127.0.0.1:${WEB_PORT}/?rpc=ws://127.0.0.1:${RPC_PORT}"
fi

cat <<MSG

  Mirror dev chain running. RPC: ws://127.0.0.1:${RPC_PORT}
${web_line}
  polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A${RPC_PORT}#/explorer
  (or run Apps locally and choose "Development > Local node").
  mirror-feeder (//Feeder) feeds mAsset and MIR prices every 2 blocks (a health line every 10
  rounds). A liquidation keeper: node client/dist/src/bin/mirror-keeper.js --help
  Stop with Ctrl-C.

MSG
wait "$node_pid"
