#!/usr/bin/env bash
# Sets up everything a clean machine needs to build Mirror on Substrate, including the runtime's wasm.
#
# Idempotent and unattended. Where rustup can add `wasm32v1-none` and `rust-src` it uses them; where it
# cannot (this project's machines reach no rustup server), it uses Debian's wasm-capable Rust
# (`rustc-web`, with its standard library sources), links it as the rustup toolchain `debian-web` and
# gives it a prebuilt `wasm32v1-none` standard library, built once with build-std. See docs/building.md.
#
# Prints `WASM_BUILD_TOOLCHAIN=<name>` (or nothing for the default toolchain) as its last line on stdout
# when called with --print-env; the Makefile uses that.
set -euo pipefail

PRINT_ENV=0
[ "${1:-}" = "--print-env" ] && PRINT_ENV=1

log() { echo "[setup-toolchain] $*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
  fi
}

# Native build dependencies: protoc (litep2p), clang/libclang (bindgen), make.
if command -v apt-get >/dev/null 2>&1; then
  apt_install protobuf-compiler clang libclang-dev make
fi

# 1. The plain route: rustup with the wasm target and rust-src.
rustup_route() {
  command -v rustup >/dev/null 2>&1 || return 1
  rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none || \
    rustup target add wasm32v1-none >/dev/null 2>&1 || return 1
  rustup component list --installed 2>/dev/null | grep -q '^rust-src' || \
    rustup component add rust-src >/dev/null 2>&1 || return 1
  return 0
}

TOOLCHAIN=""
if [ "${MIRROR_FORCE_DEBIAN_WASM:-0}" != "1" ] && rustup_route; then
  log "rustup has wasm32v1-none and rust-src: using the default toolchain"
else
  # 2. Debian's wasm-capable Rust.
  TOOLCHAIN=debian-web
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  # rust-lld for the wasm linker: Debian ships lld as wasm-ld / ld.lld; rustc looks for rust-lld in
  # its sysroot's gcc-ld / bin directories first, then on PATH.
  if ! command -v rust-lld >/dev/null 2>&1; then
    if [ -x /usr/lib/llvm-22/bin/lld ]; then
      $SUDO ln -sf /usr/lib/llvm-22/bin/lld /usr/local/bin/rust-lld
    fi
  fi
  if ! rustup toolchain list | grep -q '^debian-web'; then
    log "linking Debian's Rust as rustup toolchain debian-web"
    rustup toolchain link debian-web /usr
  fi
  LIBDIR=/usr/lib/rustlib/wasm32v1-none/lib
  if ! ls "$LIBDIR"/libcore-*.rlib >/dev/null 2>&1; then
    log "building a wasm32v1-none standard library for debian-web (once)"
    WORK=$(mktemp -d)
    mkdir -p "$WORK/stub/src"
    cat > "$WORK/stub/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-stub"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[profile.release]
panic = "abort"
[workspace]
TOML
    cat > "$WORK/stub/src/lib.rs" <<'RS'
#![no_std]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn stub() -> u32 { 42 }
RS
    ( cd "$WORK/stub" && RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" CARGO_TARGET_DIR="$WORK/target" \
        cargo +debian-web build --release -Zbuild-std=core,alloc --target wasm32v1-none >&2 )
    $SUDO mkdir -p "$LIBDIR"
    for lib in core alloc compiler_builtins; do
      $SUDO cp "$WORK"/target/wasm32v1-none/release/deps/lib${lib}-*.rlib "$LIBDIR"/
    done
    rm -rf "$WORK"
  fi
  log "debian-web has a wasm32v1-none standard library in $LIBDIR"
fi

if [ $PRINT_ENV = 1 ]; then
  echo "${TOOLCHAIN}"
fi
