#!/usr/bin/env bash
# Prints the size of the runtime that `make build` produced and fails when it is over 80 % of the
# operational block length: a runtime upgrade (`set_code`, `apply_authorized_upgrade`) is one
# extrinsic and must fit in one block, with room for the features still to come
# (docs/building.md, "Runtime size"). Usage: scripts/check-runtime-size.sh [WASM] [MAX_PERCENT]
set -euo pipefail
cd "$(dirname "$0")/.."
WASM="${1:-${CARGO_TARGET_DIR:-target}/release/wbuild/mirror-runtime/mirror_runtime.compact.compressed.wasm}"
MAX_PERCENT="${2:-80}"
# runtime/src/configs/system.rs: RuntimeBlockLength's max_length (runtime/tests/foundation.rs
# checks the two agree).
BLOCK_LENGTH=5242880
[ -f "$WASM" ] || { echo "runtime size: $WASM not found (run make build)"; exit 1; }
size=$(stat -c %s "$WASM")
permille=$(( size * 1000 / BLOCK_LENGTH ))
printf 'runtime size: %d bytes compressed, %d.%d %% of the %d-byte block (limit %d %%)\n' \
	"$size" $(( permille / 10 )) $(( permille % 10 )) "$BLOCK_LENGTH" "$MAX_PERCENT"
if [ $(( size * 100 )) -gt $(( BLOCK_LENGTH * MAX_PERCENT )) ]; then
	echo "runtime size: over ${MAX_PERCENT} % of a block; an upgrade would barely fit (docs/building.md)"
	exit 1
fi
