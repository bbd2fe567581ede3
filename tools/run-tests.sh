#!/usr/bin/env bash
# Installs what is missing, builds OneDial with its tests (ci preset: warnings are errors) and
# runs the whole test suite; then builds it again with AddressSanitizer and
# UndefinedBehaviorSanitizer (asan preset) and runs the suite there too; last, the Windows checks
# under Wine when the Windows SDK is built (see the end).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --with-tests

cmake --preset ci
cmake --build --preset ci
ctest --preset ci --parallel 2 "$@"

# The checks that read the sources (label static), the fuzzers (fuzz), the package checks
# (packages: a sanitized program is not what users install) and the browser extension's tests
# (browser: JavaScript, in Chromium) ran above already.
cmake --preset asan
cmake --build --preset asan
ctest --preset asan --parallel 2 --label-exclude 'static|packages|fuzz|browser' "$@"

# The Windows build, cross-compiled and tested under Wine (tools/run-windows-checks.sh), when the
# Windows SDK is already built: building it takes over an hour, so the test command never does.
# shellcheck source=windows/sdk-env.sh
source tools/windows/sdk-env.sh
if onedial_sdk_ready; then
    tools/run-windows-checks.sh --no-sdk-build
else
    echo "Windows checks skipped: no Windows SDK in $ONEDIAL_MINGW_SDK (tools/windows/build-sdk.sh builds it, once)."
fi
