#!/usr/bin/env bash
# Builds the release site and packs it into one zip for a course site (README, Hosting): the
# zip holds dist/'s files at its top level (index.html and the rest), to unpack into a folder.
#
#   ./scripts/package.sh [OUT.zip]              build, then pack (default OUT: ./playground.zip)
#   ./scripts/package.sh --no-build [OUT.zip]   pack an existing build (DIST=dir, default dist/)
#
# Packs with `zip` when the machine has it, else with python3's zipfile (NO_ZIP=1 forces that).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=1
if [ "${1:-}" = "--no-build" ]; then
    build=0
    shift
fi
out="$(realpath -m "${1:-playground.zip}")"
dist="$(realpath -m "${DIST:-$root/dist}")"

if [ "$build" = 1 ]; then
    "$root/scripts/setup.sh"
    export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
    (cd "$root" && trunk build --release --dist "$dist")
fi
if [ ! -f "$dist/index.html" ]; then
    echo "package: $dist/index.html is missing; build the site first" >&2
    exit 1
fi

rm -f "$out"
if command -v zip >/dev/null && [ -z "${NO_ZIP:-}" ]; then
    (cd "$dist" && zip -q -r -X "$out" . -x '.*' '*/.*')
else
    python3 - "$dist" "$out" <<'PY'
import os, sys, zipfile

dist, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, subfolders, files in os.walk(dist):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, dist))
PY
fi
echo "package: wrote $out ($(du -h "$out" | cut -f1)) from $dist"
