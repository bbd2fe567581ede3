#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages OneDial needs to build, run and test, skipping those
# already there. Used by run-app.sh, run-tests.sh and tools/windows/; safe to run again.
# --with-tests adds what the tests need; --windows is only what the Windows checks need, and
# --windows-sdk adds what building the Windows SDK needs.
set -euo pipefail

build_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    libphonenumber-dev libprotobuf-dev libicu-dev libqt6sql6-sqlite libsqlite3-dev libqt6svg6 libx11-dev libxcb1-dev libxtst-dev
    fonts-noto-cjk fonts-dejavu-core qt6-translations-l10n
)
# A real Secret Service and X server for the tests.
test_packages=(gnome-keyring dbus dbus-x11 xvfb xauth xdotool trayer imagemagick clang-format git desktop-file-utils)
# The global shortcut's test selects text with xclip (the PRIMARY selection) and presses the keys
# with xdotool.
test_packages+=(xclip)
# The browser extension (extension/): built and tested with Node.js and npm, in Debian's Chromium,
# headless. A Node.js that is already there (with its own npm) is kept.
test_packages+=(chromium)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    test_packages+=(nodejs npm)
fi
# clang with its libFuzzer runtime, for tests/run-fuzzers.sh (the fuzz_readers test).
test_packages+=(clang libclang-rt-14-dev clang-tidy)
# tests/check-packages.sh: building and reading the .rpm, validating the AppStream metadata, and a
# throw-away Debian 12 root to install the .deb into.
test_packages+=(rpm appstream debootstrap)
# The gateway's end-to-end test (tests/gateway-e2e.sh) speaks HTTP with curl and reads JSON with python3.
test_packages+=(curl python3)
# The gateway on PostgreSQL: Qt's driver, and a throw-away server for its tests (tests/with-postgres.sh).
build_packages+=(libqt6sql6-psql)
test_packages+=(postgresql-15)
# tests/check-gateway-unit.sh: systemd-analyze and systemd-sysusers, and /bin/kill (the unit's
# ExecReload), which systemd-analyze verify looks for.
test_packages+=(systemd procps)

# The Windows build (tools/windows/): the MinGW cross compiler, Wine to run what it builds, wixl and
# msiinfo for the MSI; tcl, protobuf-compiler and dpkg-dev only to build the SDK from Debian's sources.
windows_packages=(
    g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev libz-mingw-w64-dev
    wine64 msitools wixl cmake ninja-build xvfb xauth
)
windows_sdk_packages=(tcl dpkg-dev protobuf-compiler xz-utils git)

want=("${build_packages[@]}")
for arg in "$@"; do
    case "$arg" in
        --with-tests) want+=("${test_packages[@]}") ;;
        --windows) want=("${windows_packages[@]}") ;;
        --windows-sdk) want=("${windows_packages[@]}" "${windows_sdk_packages[@]}" qt6-base-dev qt6-tools-dev-tools) ;;
        *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

missing=()
for pkg in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
