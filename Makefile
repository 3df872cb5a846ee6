# Mirror on Substrate. `make run` starts a dev chain; `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
NODE_BIN := $(CARGO_TARGET_DIR)/release/mirror-node
CARGO_ENV := source scripts/env.sh &&
CARGO := $(CARGO_ENV) cargo
CARGO_FLAGS := --release --locked
# One feature set for the node and every test, so the dependency tree compiles once. The dev node
# can therefore run `benchmark pallet`; `make production` builds a node without benchmarks.
FEATURES := --features runtime-benchmarks

# The fuzzer builds the runtime natively with `try-runtime` and no wasm, in its own workspace
# (fuzz/): a feature set the node never sees. It shares the target directory.
FUZZ := source scripts/env.sh && export SKIP_WASM_BUILD=1 && cargo
FUZZ_FLAGS := $(CARGO_FLAGS) --manifest-path fuzz/Cargo.toml
CALLS ?= 1000000
SEED ?= 1
CHUNK ?= 50000

.PHONY: help setup build run test check-deps check-runtime-size check-docs test-rust test-fuzz test-client test-e2e test-web web web-dev screenshots fuzz plants bench production fmt clippy clean

help:
	@echo "make run    - set up the toolchain if needed, build, start a dev chain on ws://127.0.0.1:9944"
	@echo "              with mirror-feeder feeding a random walk of prices, and the web app on"
	@echo "              http://127.0.0.1:5173"
	@echo "make web-dev - the web app on Vite's dev server (against ws://127.0.0.1:9944)"
	@echo "make screenshots - the web app's screenshots in docs/web/ from a browser run"
	@echo "make test   - set up, build and run every test (Rust unit, runtime, client, end-to-end, browser)"
	@echo "make build  - build mirror-node (release)"
	@echo "make fuzz   - the deterministic fuzzer's soak: CALLS=1000000 SEED=1 CHUNK=50000"
	@echo "make plants - check the fuzzer finds each planted bug (fuzz/plants) within 20,000 calls"
	@echo "make bench  - run every pallet benchmark and regenerate the weights.rs files"
	@echo "make production - an optimised node without benchmarking code"
	@echo "make fmt | clippy | clean"

## setup: the toolchain (wasm target or Debian's wasm-capable Rust), protoc, clang; the client's,
## the e2e tests' and the web app's npm packages (from their lock files), and the client's build.
setup:
	@bash scripts/setup-toolchain.sh
	@command -v node >/dev/null && command -v npm >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	@for d in client e2e web; do \
		if [ ! -d $$d/node_modules ] || [ $$d/package-lock.json -nt $$d/node_modules/.package-lock.json ]; then \
			(cd $$d && npm ci --no-audit --no-fund --loglevel=error); fi; done
	@cd client && npm run --silent build

build: setup
	$(CARGO) build $(CARGO_FLAGS) --workspace $(FEATURES)

run: build web
	@bash scripts/run-dev.sh "$(NODE_BIN)"

## The web app's production build (web/dist), which `make run` serves.
web: setup
	cd web && npm run --silent build

web-dev: setup
	cd web && npm run dev

test: build check-deps check-runtime-size check-docs test-rust test-fuzz test-client test-e2e test-web

## Loose coupling: no Mirror pallet crate depends on another's (cargo metadata).
check-deps:
	$(CARGO_ENV) node scripts/check-pallet-deps.mjs

## The runtime `make build` produced fits in a block with room to spare: at most 80 % of it.
check-runtime-size:
	bash scripts/check-runtime-size.sh

## The docs show client/examples/ as they are (no node needed; e2e `examples` runs them).
check-docs:
	node scripts/check-doc-examples.mjs

test-rust:
	$(CARGO) test $(CARGO_FLAGS) --workspace $(FEATURES)

## The fuzzer: 20,000 seeded calls on the real runtime, every invariant after each, and its
## determinism; and every planted bug still applies to the tree (fuzz/plants, `make plants`).
test-fuzz:
	@for p in fuzz/plants/*.patch; do git apply --check "$$p" || { echo "the plant $$p no longer applies: update it"; exit 1; }; done
	$(FUZZ) test $(FUZZ_FLAGS)

## The long soak, resumable by chunk (docs/reliability.md).
fuzz:
	$(FUZZ) run $(FUZZ_FLAGS) --bin mirror-fuzz -- --calls $(CALLS) --seed $(SEED) --chunk $(CHUNK) --corpus fuzz/libfuzzer/corpus/runtime $(FUZZ_ARGS)

plants:
	bash fuzz/plants/run.sh

## The client's unit tests (SDK, feeder, keeper); no node needed.
test-client:
	cd client && npm test

## End-to-end: real nodes driven by @polkadot/api, the client, mirror-feeder and mirror-keeper.
test-e2e:
	cd e2e && MIRROR_NODE="$(NODE_BIN)" npm test

## The web app: its maths' unit tests, then the browser suite (Debian's chromium through
## playwright-core, installed here if missing) against a real dev node.
test-web:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	cd web && MIRROR_NODE="$(NODE_BIN)" CHROMIUM="$$(command -v chromium)" npm test

## The web app's screenshots in docs/web/ (1280×800 and phone width), from a browser run.
screenshots:
	cd web && MIRROR_NODE="$(NODE_BIN)" CHROMIUM="$$(command -v chromium)" npm run screenshots

bench: build
	bash scripts/benchmark.sh "$(NODE_BIN)"

production: setup
	$(CARGO) build --profile production --locked -p mirror-node

fmt:
	cargo fmt --all

clippy:
	$(CARGO) clippy $(CARGO_FLAGS) --workspace --all-targets $(FEATURES)

clean:
	cargo clean
