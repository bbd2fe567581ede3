#!/bin/sh
# OneDial browser extension: install, build and test in one go (CI and
# developers). Exits 77 (skipped) when the system's Chromium is missing; the
# project's set-up script installs it (apt-get install chromium).
set -eu
cd "$(dirname "$0")"

CHROMIUM="${ONEDIAL_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
    echo "SKIP: extension tests need Chromium at $CHROMIUM (apt-get install chromium); not run." >&2
    exit 77
fi

# puppeteer-core never downloads a browser; this makes sure of it.
export PUPPETEER_SKIP_DOWNLOAD=1

echo "== npm ci"
npm ci --no-audit --no-fund
echo "== build"
npm run build
echo "== unit tests"
npm test
echo "== browser tests ($("$CHROMIUM" --version 2>/dev/null || echo chromium))"
npm run test:browser
echo "== extension: all tests passed"
