#!/usr/bin/env bash
# Installs what is missing, builds OneDial (release preset) and starts it. Extra arguments go
# to onedial, e.g. `tools/run-app.sh --sandbox` to try it without an account.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/onedial "$@"
