#!/usr/bin/env bash
# Checks a generated desktop entry with desktop-file-validate. Errors and warnings fail; hints
# pass. Exits 77 (the test's SKIP_RETURN_CODE) when the tool is not installed.
set -euo pipefail
if ! command -v desktop-file-validate >/dev/null; then
    echo "skipped: desktop-file-validate is not installed (Debian package desktop-file-utils)"
    exit 77
fi
for file in "$@"; do
    output=$(desktop-file-validate "$file" 2>&1) || { echo "$output"; exit 1; }
    if grep -Eq '(error|warning):' <<<"$output"; then
        echo "$output"
        exit 1
    fi
    echo "desktop-file-validate: $file is valid${output:+ ($output)}"
done
