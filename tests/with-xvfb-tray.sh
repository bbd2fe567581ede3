#!/usr/bin/env bash
# Runs its arguments on a private X server (Xvfb) with a real system-tray host (trayer), so that
# QSystemTrayIcon embeds a real icon the way it does on a desktop. Works without a display and
# without a window manager.
#
#   tests/with-xvfb-tray.sh COMMAND [ARGS...]
#
# The command sees DISPLAY, QT_QPA_PLATFORM=xcb and ONEDIAL_TEST_TRAYER_PID (the tray host's
# process, which a test may end to see how OneDial copes when the tray goes away). The exit
# status is the command's; 127 when Xvfb, trayer or xdotool is missing.
set -euo pipefail

me=$(basename "$0")

if [[ $# -eq 0 ]]; then
    echo "$me: usage: $me COMMAND [ARGS...]" >&2
    exit 2
fi

missing=()
for tool in Xvfb trayer xdotool; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "$me: ERROR: ${missing[*]} not found; the tray tests need a real X server and tray host." >&2
    echo "$me: install the packages: apt-get install xvfb trayer xdotool" >&2
    exit 127
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/onedial-xvfb.XXXXXX")
xvfb_pid=""
trayer_pid=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    # The test may have ended trayer already; Xvfb goes last, after every client.
    for pid in "$trayer_pid" "$xvfb_pid"; do
        if [[ -n "$pid" ]]; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf -- "$workdir"
}
trap cleanup EXIT

# Waits up to $1 tenths of a second for the command after it to succeed.
wait_for() {
    local tries=$1
    shift
    for _ in $(seq "$tries"); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# -displayfd: Xvfb picks a free display number itself and writes it once it accepts clients, so
# parallel test runs never race for one.
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp -noreset 3>"$workdir/display" \
    >"$workdir/xvfb.log" 2>&1 &
xvfb_pid=$!
if ! wait_for 100 grep -q '[0-9]' "$workdir/display"; then
    echo "$me: ERROR: Xvfb did not start:" >&2
    cat "$workdir/xvfb.log" >&2
    exit 1
fi
display=$(tr -dc '0-9' <"$workdir/display")
export DISPLAY=":$display"

# A D-Bus session bus that does not exist: Qt then uses the X11 (XEmbed) tray protocol with
# trayer, instead of a StatusNotifier host on the desktop of whoever runs the tests.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$workdir/no-session-bus"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION QT_QPA_PLATFORMTHEME

trayer --edge bottom --align right --widthtype request --height 24 --transparent false \
    --tint 0xd0d7de >"$workdir/trayer.log" 2>&1 &
trayer_pid=$!
# The panel window exists once trayer has set up its tray; the test itself then waits for Qt to
# see the tray selection (QSystemTrayIcon::isSystemTrayAvailable()).
if ! wait_for 100 xdotool search --classname "^panel$"; then
    echo "$me: ERROR: trayer did not show its tray:" >&2
    cat "$workdir/trayer.log" >&2
    exit 1
fi
export ONEDIAL_TEST_TRAYER_PID="$trayer_pid"
export QT_QPA_PLATFORM=xcb

status=0
"$@" || status=$?
exit "$status"
