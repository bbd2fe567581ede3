#!/usr/bin/env bash
# Runs a Windows program of the cross build under Wine: the emulator CMake puts before every test
# of the windows preset (CMAKE_CROSSCOMPILING_EMULATOR), also usable by hand:
#
#   tools/windows/wine-run.sh --prefix DIR --sdk DIR program.exe [arguments...]
#
# --prefix: the Wine prefix, made on first use (never the user's ~/.wine). Wine passes no QT_*
#           variable on to Windows programs, so the prefix sets the two the tests need for every
#           program: QT_QPA_PLATFORM=offscreen, and QT_FORCE_STDERR_LOGGING=1 (else a Qt program
#           without a console window sends its messages, the test results too, to the debugger).
#           It also sets QT_QPA_FONTDIR to PREFIX-fonts, links to Debian's DejaVu Sans and Noto
#           Sans CJK: on Windows the offscreen platform reads fonts from that one folder only,
#           not from Wine, and without any every letter is drawn as a box of one width, so no
#           layout (what fits the smallest window, which column gets the room) can be checked.
# --sdk:    the Windows SDK, whose bin/ holds the Qt, ICU and MinGW DLLs the tests load.
#
# With ONEDIAL_WINE_PREFIX set (ctest sets it for each test of the windows preset), the program
# runs in a prefix of its own at that path instead, a copy of the --prefix one: Wine takes TEMP,
# USERPROFILE and the AppData folders from its prefix, not from the environment, so a prefix per
# test is what keeps tests apart (their files, registry, credentials and instance pipes), as a
# HOME per test does on Linux. The copy hard-links the prefix's Windows folder, which Wine only
# reads, so it costs seconds and no space.
set -euo pipefail
prefix="" sdk=""
while (($#)); do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --sdk) sdk=$2; shift 2 ;;
        *) break ;;
    esac
done
if [[ -z "$prefix" || -z "$sdk" || $# -eq 0 ]]; then
    echo "usage: wine-run.sh --prefix DIR --sdk DIR program.exe [arguments...]" >&2
    exit 2
fi

export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
# No Mono or Gecko installer prompts in a fresh prefix.
export WINEDLLOVERRIDES="mscoree,mshtml=${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"
export WINEPATH="Z:${sdk//\//\\}\\bin"

mkdir -p "$(dirname "$prefix")"
# Raised whenever what the prefix holds changes, so older prefixes are made again.
prefix_version=3
(
    # One test makes the prefix; the others wait for it.
    flock 9
    if [[ "$(cat "$prefix/.onedial-ready" 2>/dev/null)" != "$prefix_version" ]]; then
        if [[ -d "$prefix" && ! -f "$prefix/.onedial-ready" && -n "$(ls -A "$prefix")" ]]; then
            echo "wine-run.sh: $prefix is a Wine prefix this script did not make; choose another --prefix" >&2
            exit 2
        fi
        rm -rf "$prefix"
        wineboot -i >/dev/null 2>&1
        wine reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null 2>&1
        wine reg add 'HKCU\Environment' /v QT_FORCE_STDERR_LOGGING /d 1 /f >/dev/null 2>&1
        fonts=$prefix-fonts
        rm -rf "$fonts"
        mkdir -p "$fonts"
        for font in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
            /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf \
            /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
            /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc; do
            if [[ ! -f $font ]]; then
                echo "wine-run.sh: $font is missing (Debian: fonts-dejavu-core, fonts-noto-cjk)" >&2
                exit 1
            fi
            ln -s "$font" "$fonts/"
        done
        wine reg add 'HKCU\Environment' /v QT_QPA_FONTDIR /d "Z:${fonts//\//\\}" /f >/dev/null 2>&1
        wineserver -w
        echo "$prefix_version" >"$prefix/.onedial-ready"
    fi
) 9>"$prefix.lock"

if [[ -n "${ONEDIAL_WINE_PREFIX:-}" ]]; then
    if [[ "$(cat "$ONEDIAL_WINE_PREFIX/.onedial-ready" 2>/dev/null)" != "$prefix_version" ]]; then
        rm -rf "$ONEDIAL_WINE_PREFIX"
        mkdir -p "$ONEDIAL_WINE_PREFIX/drive_c"
        cp -a "$prefix/dosdevices" "$prefix"/*.reg "$prefix/.update-timestamp" "$ONEDIAL_WINE_PREFIX/"
        for entry in "$prefix/drive_c"/*; do
            if [[ "$entry" == */windows ]]; then
                cp -al "$entry" "$ONEDIAL_WINE_PREFIX/drive_c/"
            else
                cp -a "$entry" "$ONEDIAL_WINE_PREFIX/drive_c/"
            fi
        done
        echo "$prefix_version" >"$ONEDIAL_WINE_PREFIX/.onedial-ready"
    fi
    export WINEPREFIX=$ONEDIAL_WINE_PREFIX
fi

exec wine "$@"
