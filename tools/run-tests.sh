#!/usr/bin/env bash
# Installs what is missing, builds OneDial with its tests (ci preset: warnings are errors) and
# runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --with-tests
cmake --preset ci
cmake --build --preset ci
ctest --preset ci --parallel 2 "$@"
