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
status=0
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "$PWD/(app|ui|bench)/.*\.cpp$" >"$log" 2>&1 || status=$?
grep -E "(warning|error):" -A3 "$log" || true
if [[ $status -ne 0 ]] || grep -qE "(warning|error):" "$log"; then
    echo "clang-tidy: findings above" >&2
    exit 1
fi
echo "clang-tidy: no findings in $(grep -c '"file"' "$build/compile_commands.json") compile commands"
