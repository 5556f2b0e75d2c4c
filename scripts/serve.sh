#!/usr/bin/env bash
# Serves the playground for development on http://127.0.0.1:8080/ with live reload, after
# installing whatever is missing (scripts/setup.sh). Extra arguments go to `trunk serve`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh"

export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
