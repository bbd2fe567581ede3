#!/usr/bin/env bash
# Runs clang-tidy with the repository's .clang-tidy over the project's own C++ sources, using the
# compile commands of a build folder (first argument; CMake writes compile_commands.json there).
# Every finding is an error (WarningsAsErrors in .clang-tidy).
set -euo pipefail
build=${1:?usage: run-clang-tidy.sh BUILD_DIR}
cd "$(dirname "$0")/.."
for tool in run-clang-tidy clang-tidy; do
    if ! command -v "$tool" >/dev/null; then
        echo "run-clang-tidy: $tool is not installed (Debian package clang-tidy)" >&2
        exit 1
    fi
done
if [[ ! -f "$build/compile_commands.json" ]]; then
    echo "run-clang-tidy: $build/compile_commands.json is missing; configure with a preset first" >&2
    exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Only the project's own translation units: not moc/rcc output, not the fuzzers' separate tree.
# Of tests/ only the shared helpers (support/): the per-class tst_*.cpp would add half again to the
# time, and the analyzer cannot see that QVERIFY returns on failure (false null dereferences).
status=0
sources="$PWD/(app|ui|bench|gateway|tests/support)/.*\.cpp$"
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "$sources" >"$log" 2>&1 || status=$?
grep -E "(warning|error):" -A3 "$log" || true
if [[ $status -ne 0 ]] || grep -qE "(warning|error):" "$log"; then
    echo "clang-tidy: findings above" >&2
    exit 1
fi
checked=$(grep -oE '"file": "[^"]+"' "$build/compile_commands.json" | cut -d'"' -f4 | sort -u | grep -cE "$sources")
echo "clang-tidy: no findings in $checked source files"
