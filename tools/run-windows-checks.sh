#!/usr/bin/env bash
# The Windows build, made and checked on Linux: cross-compiles OneDial with MinGW-w64 against the
# Windows SDK (tools/windows/build-sdk.sh, which this runs first when the SDK is missing: about
# 80 min once), runs the test suite under Wine in a throw-away Wine prefix, makes the MSI and the
# portable .zip, and installs, upgrades and uninstalls the MSI under Wine (tools/windows/check-msi.sh).
#
#   tools/run-windows-checks.sh [--no-sdk-build] [ctest arguments...]
#
# --no-sdk-build: stop (status 77) instead of building a missing SDK.
# Results: build/windows/onedial.exe, build/windows/OneDial-<version>-win64.msi and
# build/windows/OneDial-<version>-win64-portable.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=windows/sdk-env.sh
source tools/windows/sdk-env.sh

build_sdk=1
if [[ "${1:-}" == "--no-sdk-build" ]]; then
    build_sdk=0
    shift
fi
if ! onedial_sdk_ready; then
    if ((build_sdk == 0)); then
        echo "run-windows-checks.sh: no Windows SDK in $ONEDIAL_MINGW_SDK (tools/windows/build-sdk.sh builds it)"
        exit 77
    fi
    tools/windows/build-sdk.sh
fi
tools/install-deps.sh --windows

cmake --preset windows
cmake --build --preset windows

# The tests, in a Wine prefix of their own made afresh (tools/windows/wine-run.sh).
rm -rf build/windows/wine-tests build/windows/wine-tests.lock
ctest --preset windows --parallel 2 "$@"

cmake --build --preset windows --target windows_packages
tools/windows/check-msi.sh build/windows
