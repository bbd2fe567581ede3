#!/usr/bin/env bash
# Fails when a C++ file of the project does not follow .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=${CLANG_FORMAT:-clang-format}
if ! command -v "$formatter" >/dev/null; then
    echo "check-format: $formatter is not installed (Debian package clang-format)" >&2
    exit 1
fi
mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h' 2>/dev/null ||
    find app ui tests -name '*.cpp' -o -name '*.h')
"$formatter" --dry-run --Werror "${files[@]}"
echo "check-format: ${#files[@]} files follow .clang-format"
