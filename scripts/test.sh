#!/usr/bin/env bash
# Runs every test of the playground, after installing whatever is missing (scripts/setup.sh):
#   1. formatting and lints (natively, and for wasm32 on the crates that ship to the browser);
#   2. native tests of the whole workspace (`cargo test --workspace`);
#   3. browser-only tests of web/ with wasm-bindgen-test in headless Chromium (chromedriver);
#   4. the release build (`trunk build --release`) driven end to end in headless Chromium, with
#      a test build (`--features test-panic`) for what a panic shows;
#   5. a one-minute soak of the heavy network (tests/soak.mjs): no memory growth, no slowdown.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh"

# Trunk finds wasm-opt (binaryen 132, from npm) here and never downloads a tool.
export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo clippy (wasm32)"
# The crates that ship to the browser; the CLI, benches and native-only tests stay out.
cargo clippy -p nn-core -p playground-model --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p playground-web --lib --tests --target wasm32-unknown-unknown -- -D warnings

step "cargo test --workspace (native)"
cargo test --workspace

step "wasm-bindgen-test in headless Chromium"
cargo test -p playground-web --target wasm32-unknown-unknown

step "trunk build --release"
trunk build --release

step "trunk build --release --features test-panic (the e2e test of a panic)"
trunk build --release --features test-panic --dist target/dist-test-panic

step "end-to-end tests in headless Chromium"
node tests/run.mjs

step "one-minute soak of the heavy network"
node tests/soak.mjs 1
