#!/bin/sh
# Trunk post_build hook (Trunk.toml). In a debug build (`trunk serve`, scripts/serve.sh) it drops
# the Content-Security-Policy meta tag from the built index.html: Trunk's live-reload script is
# inline, and the policy forbids inline scripts. Release builds keep the policy.
set -eu

if [ "${TRUNK_PROFILE:-}" = "debug" ]; then
  perl -0pi -e 's/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?//' \
    "$TRUNK_STAGING_DIR/index.html"
fi
