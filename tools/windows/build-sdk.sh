#!/usr/bin/env bash
# Builds the Windows SDK that OneDial's Windows build links against: Qt 6.4.2 (Core, Gui, Widgets,
# Network with Schannel, Sql with SQLite, Svg, WebSockets, HttpServer, Test), QtKeychain on the
# Credential Manager, ICU, abseil, protobuf and libphonenumber, all cross-built with MinGW-w64 from
# Debian 12's source packages (and, for the four Debian does not serve, the upstream archives at
# the same versions; see --sources).
#
# It builds once into $ONEDIAL_MINGW_SDK (default ~/.cache/onedial/mingw-sdk-<versions>); the work
# folders, sources and one log per step are kept beside it in <sdk>.work. Each step leaves a stamp
# when it is done, so running the script again after an interruption carries on where it stopped.
#
#   tools/windows/build-sdk.sh [--sources DIR | --fetch-upstream] [--jobs N]
#
# --sources: the folder with qtsvg, qtwebsockets, qthttpserver (6.4.2) and qtkeychain (0.13.2)
#            archives; default ../shared/third-party beside the project, when present. Each archive's
#            sha256 is checked before use.
# --fetch-upstream: clone those four from their upstream repositories at the same tags instead
#            (a machine with access to GitHub, such as CI), checking each tag's commit.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=sdk-env.sh
source "$repo/tools/windows/sdk-env.sh"

sources_dir="$repo/../shared/third-party"
fetch_upstream=0
jobs=$(nproc)
while (($#)); do
    case "$1" in
        --sources) sources_dir=$2; shift 2 ;;
        --fetch-upstream) fetch_upstream=1; shift ;;
        --jobs) jobs=$2; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "build-sdk.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

sdk=$ONEDIAL_MINGW_SDK
work=$ONEDIAL_MINGW_SDK_WORK
mkdir -p "$sdk" "$work/src" "$work/build" "$work/logs" "$work/stamps"
host_cmake_dir=/usr/lib/x86_64-linux-gnu/cmake
triple=x86_64-w64-mingw32

"$repo/tools/install-deps.sh" --windows-sdk

# The upstream archives Debian's archive does not serve here, with their checksums.
declare -A upstream_sha256=(
    [qtsvg-everywhere-src-6.4.2.tar.xz]=b7f5c33044bc14926e9d7f3de46591e84ea943bb937592a5258fdfbd7f392cc6
    [qtwebsockets-everywhere-src-6.4.2.tar.xz]=44118ad922318068cec5f08bb3277ad1f680755c54bb287ee29fd7574a64a8d7
    [qthttpserver-everywhere-src-6.4.2.tar.xz]=139cee9098d28efce40b10431db0f9e8b2b56ca39c9b0c2ea5c7e421254fb55e
    [qtkeychain-0.13.2.tar.xz]=01c3ced983957aae8bfcad8fc2ca38cf4111c40f028bc29957a1f6eda657be63
)
# The same four at their upstream tags: folder, repository, tag, commit.
upstream_git=(
    "qtsvg-everywhere-src-6.4.2 https://github.com/qt/qtsvg v6.4.2 54066fe644f2c9f7789c61b4fcb4d513eb3f775c"
    "qtwebsockets-everywhere-src-6.4.2 https://github.com/qt/qtwebsockets v6.4.2 ae9a4ad36f5dcbe9e9a68cab9ea15f9f8b5350e3"
    "qthttpserver-everywhere-src-6.4.2 https://github.com/qt/qthttpserver v6.4.2 7603d016a0154fcf496f5fbcd29af04dbd4e1636"
    "qtkeychain-0.13.2 https://github.com/frankosterfeld/qtkeychain v0.13.2 c236f9241e37f1754879cf8726d59351a2b2b24a"
)
# Debian source package -> the binary package whose installed version it must match.
declare -A debian_sources=(
    [qt6-base]=qt6-base-dev [sqlite3]=libsqlite3-dev [icu]=libicu-dev [abseil]=libabsl-dev
    [protobuf]=libprotobuf-dev [libphonenumber]=libphonenumber-dev
)

steps_total=13
step_no=0
# step NAME FUNCTION: runs FUNCTION once, its output in logs/NAME.log; skipped when already done.
step() {
    local name=$1 fn=$2
    step_no=$((step_no + 1))
    if [[ -f "$work/stamps/$name" ]]; then
        echo "[$step_no/$steps_total] $name: done before"
        return
    fi
    local log="$work/logs/$name.log" start=$SECONDS
    echo "[$step_no/$steps_total] $name: building (log: $log)"
    # In the background and waited for, so that errexit holds inside the step (it would not in an
    # `if` condition).
    ("$fn") >"$log" 2>&1 &
    if ! wait $!; then
        echo "build-sdk.sh: step $name failed; the end of its log:" >&2
        tail -n 30 "$log" >&2
        echo "Run the script again to carry on from this step." >&2
        exit 1
    fi
    echo "$((SECONDS - start))" >"$work/stamps/$name"
    echo "[$step_no/$steps_total] $name: done in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
}

# The folder apt-get unpacked a Debian source package into.
src_of() {
    local d
    d=$(find "$work/src" -maxdepth 1 -mindepth 1 -type d -name "$1-*" | head -n 1)
    [[ -n "$d" ]] || { echo "no unpacked source for $1" >&2; return 1; }
    echo "$d"
}

cmake_cross() {  # cmake_cross SRC BUILD TOOLCHAIN ARGS...
    local src=$1 build=$2 toolchain=$3
    shift 3
    if [[ ! -f "$build/build.ninja" ]]; then
        cmake -S "$src" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
            -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$sdk" -DCMAKE_PREFIX_PATH="$sdk" "$@"
    fi
}

qt_module() {  # qt_module SRC BUILD ARGS...
    local src=$1 build=$2
    shift 2
    cmake_cross "$src" "$build" "$sdk/lib/cmake/Qt6/qt.toolchain.cmake" \
        -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR="$host_cmake_dir" \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF "$@"
    ninja -C "$build" -j "$jobs"
    ninja -C "$build" install
}

do_sources_debian() {
    # Debian's sources of the packages the host has installed, through a deb-src entry beside the
    # machine's own entries (same mirrors and suites).
    if ! apt-cache showsrc qt6-base 2>/dev/null | grep -q '^Package:'; then
        local list=/etc/apt/sources.list.d/debian.sources
        [[ -f "$list" ]] || { echo "no $list to take the mirrors from; add a deb-src entry by hand" >&2; return 1; }
        local sudo_cmd=()
        [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
        sed 's/^Types: deb$/Types: deb-src/' "$list" | "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
        "${sudo_cmd[@]}" apt-get update -qq
    fi
    cd "$work/src"
    local pkg want
    for pkg in "${!debian_sources[@]}"; do
        want=$(dpkg-query -W -f='${source:Version}' "${debian_sources[$pkg]}")
        if [[ -z "$(find . -maxdepth 1 -type d -name "$pkg-*")" ]]; then
            apt-get source "$pkg=$want"
        fi
        echo "$pkg $want"
    done
}

do_sources_upstream() {
    local name sum dir
    if ((fetch_upstream)); then
        local line repo_url tag commit
        for line in "${upstream_git[@]}"; do
            read -r dir repo_url tag commit <<<"$line"
            rm -rf "$work/src/$dir"
            git clone --quiet --depth 1 --branch "$tag" "$repo_url" "$work/src/$dir"
            [[ "$(git -C "$work/src/$dir" rev-parse HEAD)" == "$commit" ]] || {
                echo "$repo_url $tag is not commit $commit" >&2
                return 1
            }
            echo "$dir: $tag = $commit"
        done
        return
    fi
    for name in "${!upstream_sha256[@]}"; do
        [[ -f "$sources_dir/$name" ]] || {
            echo "missing $sources_dir/$name (pass --sources DIR with the upstream archives)" >&2
            return 1
        }
        sum=$(sha256sum "$sources_dir/$name" | cut -d' ' -f1)
        [[ "$sum" == "${upstream_sha256[$name]}" ]] || {
            echo "$name: sha256 $sum, expected ${upstream_sha256[$name]}" >&2
            return 1
        }
        dir="$work/src/${name%.tar.xz}"
        rm -rf "$dir"
        tar -C "$work/src" -xf "$sources_dir/$name"
        echo "$name ok"
    done
}

do_toolchain() {
    # The SDK keeps its own copy of the toolchain file: Qt's generated toolchain loads it by path.
    cp "$repo/tools/windows/mingw.cmake" "$sdk/mingw.cmake"
    mkdir -p "$sdk/bin"
    # The MinGW runtime and zlib, which every program built with the SDK needs beside it.
    cp /usr/lib/gcc/$triple/12-posix/libstdc++-6.dll /usr/lib/gcc/$triple/12-posix/libgcc_s_seh-1.dll \
        /usr/$triple/lib/libwinpthread-1.dll /usr/$triple/lib/zlib1.dll "$sdk/bin/"
}

do_sqlite() {
    # Debian's Qt source has no bundled SQLite, so Qt Sql uses this one as its "system" SQLite.
    local src build=$work/build/sqlite-host
    src=$(src_of sqlite3)
    mkdir -p "$build"
    cd "$build"
    [[ -f Makefile ]] || "$src/configure" --disable-tcl
    make sqlite3.c sqlite3.h
    # COLUMN_METADATA: Qt's driver calls sqlite3_column_table_name16.
    $triple-gcc-posix -O2 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE \
        -DSQLITE_THREADSAFE=1 -c sqlite3.c -o sqlite3.o
    mkdir -p "$sdk/lib" "$sdk/include"
    rm -f "$sdk/lib/libsqlite3.a"
    $triple-ar rcs "$sdk/lib/libsqlite3.a" sqlite3.o
    cp sqlite3.h "$sdk/include/"
}

do_qtbase() {
    local src
    src=$(src_of qt6-base)
    # wintab and iaccessible2 are not in Debian's source, hence no tablet events; OpenGL stays
    # (dynamic): the Windows platform plug-in of 6.4.2 does not build without it. ICU as on Linux:
    # without it Qt 6.4 on Windows decodes no GB18030 (the CSV files Excel saves in China) and
    # sorts with the system's collation instead of ICU's.
    cmake_cross "$src" "$work/build/qtbase" "$sdk/mingw.cmake" \
        -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR="$host_cmake_dir" \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF \
        -DFEATURE_tabletevent=OFF -DFEATURE_dbus=OFF -DFEATURE_icu=ON -DICU_ROOT="$sdk" \
        -DFEATURE_openssl=OFF -DFEATURE_schannel=ON -DFEATURE_printsupport=OFF \
        -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF -DFEATURE_sql_mysql=OFF \
        -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=ON \
        -DSQLite3_INCLUDE_DIR="$sdk/include" -DSQLite3_LIBRARY="$sdk/lib/libsqlite3.a"
    ninja -C "$work/build/qtbase" -j "$jobs"
    ninja -C "$work/build/qtbase" install
}

do_qtsvg() { qt_module "$work/src/qtsvg-everywhere-src-6.4.2" "$work/build/qtsvg"; }
do_qtwebsockets() { qt_module "$work/src/qtwebsockets-everywhere-src-6.4.2" "$work/build/qtwebsockets"; }
do_qthttpserver() { qt_module "$work/src/qthttpserver-everywhere-src-6.4.2" "$work/build/qthttpserver"; }
do_qtkeychain() {
    qt_module "$work/src/qtkeychain-0.13.2" "$work/build/qtkeychain" \
        -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF
}

do_icu() {
    local src host=$work/build/icu-host cross=$work/build/icu
    src=$(src_of icu)/source
    local common=(--disable-tests --disable-samples --disable-extras --disable-layoutex --disable-icu-config)
    # A build for this machine first: the cross build runs its tools to package the data.
    mkdir -p "$host" "$cross"
    (cd "$host" && { [[ -f Makefile ]] || "$src/configure" "${common[@]}" CC=gcc CXX=g++; } && make -j "$jobs")
    cd "$cross"
    [[ -f Makefile ]] || "$src/configure" --host=$triple --with-cross-build="$host" --prefix="$sdk" \
        --enable-shared --disable-static --disable-tools --disable-icuio --with-data-packaging=library \
        "${common[@]}" CC=$triple-gcc-posix CXX=$triple-g++-posix
    make -j "$jobs"
    make install
    # The DLLs go where programs look for them.
    find "$sdk/lib" -maxdepth 1 -name 'icu*.dll' -exec mv -f {} "$sdk/bin/" \;
}

do_abseil() {
    cmake_cross "$(src_of abseil)" "$work/build/abseil" "$sdk/mingw.cmake" \
        -DCMAKE_CXX_STANDARD=17 -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DABSL_PROPAGATE_CXX_STD=ON
    ninja -C "$work/build/abseil" -j "$jobs"
    ninja -C "$work/build/abseil" install
}

do_protobuf() {
    # The host's protoc (the same 3.21.12) generates the code, so no protoc for Windows.
    cmake_cross "$(src_of protobuf)" "$work/build/protobuf" "$sdk/mingw.cmake" \
        -Dprotobuf_BUILD_TESTS=OFF -Dprotobuf_BUILD_PROTOC_BINARIES=OFF \
        -Dprotobuf_BUILD_SHARED_LIBS=OFF -Dprotobuf_WITH_ZLIB=OFF
    ninja -C "$work/build/protobuf" -j "$jobs"
    ninja -C "$work/build/protobuf" install
}

do_libphonenumber() {
    local src build=$work/build/libphonenumber
    src=$(src_of libphonenumber)/cpp
    # It has no switch to leave out its tests and stops without gtest: an empty folder satisfies
    # the search, and only the static library is built.
    mkdir -p "$work/build/no-gtest"
    PKG_CONFIG_LIBDIR="$sdk/lib/pkgconfig" cmake_cross "$src" "$build" "$sdk/mingw.cmake" \
        -DCMAKE_CXX_STANDARD=17 -DUSE_BOOST=OFF -DUSE_STDMUTEX=ON -DBUILD_GEOCODER=OFF \
        -DREGENERATE_METADATA=OFF -DUSE_ICU_REGEXP=ON -DICU_I18N_LIB="$sdk/lib/libicuin.dll.a" \
        -DPROTOC_BIN=/usr/bin/protoc -DGTEST_INCLUDE_DIR="$work/build/no-gtest" \
        -DGTEST_LIB="$work/build/no-gtest"
    ninja -C "$build" -j "$jobs" phonenumber
    cp "$build/libphonenumber.a" "$sdk/lib/"
    # The public headers, hand-written and generated, in their folders.
    (cd "$src/src" && find phonenumbers -name '*.h' -exec install -D -m 644 {} "$sdk/include/{}" \;)
    # A CMake package like vcpkg's, so that OneDial finds the static library with what it links.
    mkdir -p "$sdk/lib/cmake/libphonenumber"
    cat >"$sdk/lib/cmake/libphonenumber/libphonenumber-config.cmake" <<'CONFIG'
# libphonenumber as a static library, with what it needs at link time (written by build-sdk.sh).
include(CMakeFindDependencyMacro)
find_dependency(absl)
find_dependency(Protobuf CONFIG)
find_dependency(ICU COMPONENTS uc i18n)
get_filename_component(_phonenumber_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET libphonenumber::phonenumber)
    add_library(libphonenumber::phonenumber STATIC IMPORTED)
    set_target_properties(libphonenumber::phonenumber PROPERTIES
        IMPORTED_LOCATION "${_phonenumber_prefix}/lib/libphonenumber.a"
        INTERFACE_INCLUDE_DIRECTORIES "${_phonenumber_prefix}/include"
        INTERFACE_LINK_LIBRARIES
            "protobuf::libprotobuf;absl::node_hash_set;absl::strings;absl::synchronization;ICU::i18n;ICU::uc")
endif()
CONFIG
}

step sources-debian do_sources_debian
step sources-upstream do_sources_upstream
step toolchain do_toolchain
step sqlite do_sqlite
step icu do_icu
step qtbase do_qtbase
step qtsvg do_qtsvg
step qtwebsockets do_qtwebsockets
step qthttpserver do_qthttpserver
step qtkeychain do_qtkeychain
step abseil do_abseil
step protobuf do_protobuf
step libphonenumber do_libphonenumber

total=0
for s in "$work"/stamps/*; do total=$((total + $(cat "$s"))); done
date -u +%FT%TZ >"$sdk/.complete"
echo "The Windows SDK is ready in $sdk ($((total / 60)) min of building in all, $(du -sh "$sdk" | cut -f1))."
