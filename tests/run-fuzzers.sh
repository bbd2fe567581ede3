#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs each for a bounded time, starting from
# the committed seed corpus. Fails on any crash, sanitizer report, leak, timeout or out-of-memory.
#
#   tests/run-fuzzers.sh [BUILD_DIR]          (default build/fuzz)
#   ONEDIAL_FUZZ_SECONDS=300 tests/run-fuzzers.sh   longer runs by hand
#
# Exits 77 (skipped) when clang or its libFuzzer runtime (Debian: clang libclang-rt-14-dev) is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/fuzz}
seconds=${ONEDIAL_FUZZ_SECONDS:-50}
compiler=${ONEDIAL_FUZZ_CXX:-clang++}

if ! command -v "$compiler" >/dev/null; then
    echo "run-fuzzers: $compiler is not installed (Debian package clang); skipped" >&2
    exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n' >"$probe/p.cpp"
if ! "$compiler" -fsanitize=fuzzer,address "$probe/p.cpp" -o "$probe/p" 2>/dev/null; then
    echo "run-fuzzers: $compiler cannot link libFuzzer (Debian package libclang-rt-14-dev); skipped" >&2
    exit 77
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$compiler" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in vcard_fuzzer csv_fuzzer phonenumber_fuzzer; do
    # New inputs go to a working corpus in the build folder; the committed seeds stay as they are.
    work="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    echo "run-fuzzers: $target for ${seconds}s"
    if ! "$build/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$root/fuzz/corpus/$target" \
        >"$build/$target.log" 2>&1; then
        echo "run-fuzzers: $target FAILED; the input is in $artifacts, the log in $build/$target.log" >&2
        tail -n 60 "$build/$target.log" >&2
        status=1
        continue
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$build/$target.log" | sed "s/^/  $target: /"
    echo "  $target: corpus $(find "$work" -type f | wc -l) inputs"
done
exit $status
