# Sourced by the Makefile before every cargo command: the environment Mirror builds in.
#
# - WASM_BUILD_TOOLCHAIN: the toolchain that builds the runtime's wasm. The default toolchain when it
#   has the wasm32v1-none target; otherwise Debian's `debian-web` (see scripts/setup-toolchain.sh).
# - SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD: frame-benchmarking-cli carries a test runtime
#   used only by `benchmark storage`, which mirror-node does not offer; skipping its wasm build saves
#   minutes on every clean build. It must be set the same way for every cargo call, or cargo rebuilds.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none; then
	if rustup toolchain list 2>/dev/null | grep -q '^debian-web'; then
		export WASM_BUILD_TOOLCHAIN=debian-web
	fi
fi
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
# The runtime's wasm build looks for the workspace's Cargo.lock from the target directory; with a
# target directory outside the clone (CI's warm cache) it must be told where the workspace is, or it
# resolves fresh (untested) dependency versions.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
