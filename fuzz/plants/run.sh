#!/usr/bin/env bash
# Plants: each `*.patch` here re-introduces a known-dangerous mistake. For each, this script takes a
# scratch copy of the committed tree (`git archive HEAD`), applies the patch, builds the fuzzer there
# (sharing the target directory), runs the deterministic fuzzer and reports how many calls it took
# to find the plant. Every plant must be found within CALLS (20,000) calls.
#
#   fuzz/plants/run.sh            # every plant
#   fuzz/plants/run.sh 02         # the plants whose name starts with 02
#   CALLS=20000 SEED=1 fuzz/plants/run.sh
#
# Prints a Markdown table (docs/reliability.md keeps the last one). Exits 1 if a plant is not found.
set -euo pipefail
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
CALLS="${CALLS:-20000}"
SEED="${SEED:-1}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mirror-target}"
export SKIP_WASM_BUILD=1
export CARGO_TERM_COLOR=never
FILTER="${1:-}"
status=0
rows=()
for patch in "$ROOT"/fuzz/plants/"$FILTER"*.patch; do
	name="$(basename "$patch" .patch)"
	scratch="$(mktemp -d /tmp/mirror-plant.XXXXXX)"
	git -C "$ROOT" archive HEAD | tar -x -C "$scratch"
	git -C "$scratch" apply "$patch" 2>/dev/null || (cd "$scratch" && git apply "$patch")
	echo "== $name: building in $scratch" >&2
	start=$(date +%s)
	cargo build --release --locked --manifest-path "$scratch/fuzz/Cargo.toml" --bin mirror-fuzz >&2
	built=$(( $(date +%s) - start ))
	start=$(date +%s)
	out="$("$CARGO_TARGET_DIR/release/mirror-fuzz" --calls "$CALLS" --seed "$SEED" --no-table --shrink-replays 0 || true)"
	ran=$(( $(date +%s) - start ))
	line="$(grep -m1 '^FINDING' <<<"$out" || true)"
	if [ -n "$line" ]; then
		calls="$(sed -n 's/.*at call \([0-9]*\).*/\1/p' <<<"$line")"
		what="$(grep -m1 -A1 '^FINDING' <<<"$out" | tail -1 | sed 's/^ *//; s/|/\\|/g' | cut -c1-110)"
		rows+=("| $name | found | $calls | $what | ${built} s + ${ran} s |")
	else
		rows+=("| $name | NOT FOUND in $CALLS calls | | | ${built} s + ${ran} s |")
		status=1
	fi
	rm -rf "$scratch"
done
echo "| plant | result | calls to find | what broke | build + run |"
echo "|---|---|---:|---|---|"
printf '%s\n' "${rows[@]}"
exit $status
