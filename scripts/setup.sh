#!/usr/bin/env bash
# Installs what building and testing the playground needs, skipping whatever is already there:
# the wasm32 target, Trunk (pinned), wasm-bindgen-cli (the version Cargo.lock resolves),
# Debian's chromium and chromium-driver, and the npm packages of tests/ (Playwright's core and
# binaryen's wasm-opt). Safe to run again: a machine that has everything installs nothing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Newer Trunk releases need a newer rustc than 1.95; keep this in step with README.md.
TRUNK_VERSION="0.21.14"

say() { printf '[setup] %s\n' "$*"; }

# The version of a package that Cargo.lock resolves, e.g. `locked_version wasm-bindgen`.
locked_version() {
    awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3 }' \
        Cargo.lock | head -n 1
}

install_wasm_target() {
    if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "wasm32-unknown-unknown target: present"
    else
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

install_trunk() {
    if command -v trunk >/dev/null && trunk --version | grep -q " $TRUNK_VERSION\$"; then
        say "trunk $TRUNK_VERSION: present"
    else
        say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
        cargo install trunk --version "$TRUNK_VERSION" --locked
    fi
}

install_wasm_bindgen() {
    [ -f Cargo.lock ] || cargo generate-lockfile
    local version
    version="$(locked_version wasm-bindgen)"
    if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $version\$" \
        && command -v wasm-bindgen-test-runner >/dev/null; then
        say "wasm-bindgen-cli $version: present"
    else
        # Without --locked: with it, a dependency version missing from the registry fails.
        say "installing wasm-bindgen-cli $version"
        cargo install wasm-bindgen-cli --version "$version" --force
    fi
}

install_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        say "chromium and chromedriver: present"
        return
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "installing Debian's chromium and chromium-driver"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
}

install_npm_packages() {
    # A stamp in node_modules records which package-lock.json was installed.
    local stamp=tests/node_modules/.installed-lock.sha256
    local wanted
    wanted="$(sha256sum tests/package-lock.json | cut -d' ' -f1)"
    if [ -x tests/node_modules/.bin/wasm-opt ] && [ -d tests/node_modules/playwright-core ] \
        && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
        say "npm packages of tests/: present"
    else
        say "installing the npm packages of tests/"
        (cd tests && npm ci --no-audit --no-fund)
        echo "$wanted" > "$stamp"
    fi
}

install_wasm_target
install_chromium
install_npm_packages
install_trunk
install_wasm_bindgen
say "done"
