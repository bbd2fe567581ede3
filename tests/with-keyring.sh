#!/usr/bin/env bash
# Runs its arguments inside a real Secret Service: gnome-keyring-daemon on a private D-Bus
# session bus, in a throw-away HOME whose "login" keyring is unlocked and has no password, so
# nothing ever prompts. Works without a display, without a terminal and as root.
#
#   tests/with-keyring.sh COMMAND [ARGS...]
#
# The command sees ONEDIAL_TEST_KEYRING_HOME (the throw-away HOME), so a test can look at the
# keyring files the daemon writes under $ONEDIAL_TEST_KEYRING_HOME/.local/share/keyrings.
# The exit status is the command's; 127 when the keyring tools are missing.
set -euo pipefail

me=$(basename "$0")

if [[ $# -eq 0 ]]; then
    echo "$me: usage: $me COMMAND [ARGS...]" >&2
    exit 2
fi

missing=()
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "$me: ERROR: ${missing[*]} not found; keychain tests need a real Secret Service." >&2
    echo "$me: install the packages: apt-get install gnome-keyring dbus dbus-x11" >&2
    exit 127
fi

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/onedial-keyring.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    rm -rf -- "$keyring_home"
}
trap cleanup EXIT

keyrings="$keyring_home/.local/share/keyrings"
mkdir -p "$keyrings" "$keyring_home/.config" "$keyring_home/.cache" "$keyring_home/runtime"
chmod 700 "$keyring_home/runtime"
cat >"$keyrings/login.keyring" <<'EOF'
[keyring]
display-name=login
ctime=0
mtime=0
lock-on-idle=false
lock-after=false
EOF
printf 'login' >"$keyrings/default"

# Everything the daemon derives its folders from points into the throw-away HOME, so it can
# neither find nor join a keyring daemon of the person running the tests.
export HOME="$keyring_home"
export XDG_DATA_HOME="$keyring_home/.local/share"
export XDG_CONFIG_HOME="$keyring_home/.config"
export XDG_CACHE_HOME="$keyring_home/.cache"
export XDG_RUNTIME_DIR="$keyring_home/runtime"
export ONEDIAL_TEST_KEYRING_HOME="$keyring_home"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DBUS_SESSION_BUS_ADDRESS

# Not exec: this shell stays to remove the throw-away HOME when the session ends. The inner
# script is single-quoted on purpose: it expands its variables inside the session.
status=0
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
    set -euo pipefail
    me=$0
    eval "$(gnome-keyring-daemon --start --components=secrets)"
    export GNOME_KEYRING_CONTROL
    # The daemon forks away from us; the bus knows which process owns the Secret Service name.
    daemon_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
        string:org.freedesktop.secrets | awk "{ print \$2 }")
    if [[ -z "$daemon_pid" ]]; then
        echo "$me: ERROR: gnome-keyring-daemon did not provide org.freedesktop.secrets" >&2
        exit 1
    fi
    status=0
    "$@" || status=$?
    kill "$daemon_pid" 2>/dev/null || true
    # Wait until it is gone (or only a zombie waiting for its reaper), so that it writes nothing
    # into the HOME while that is being removed.
    for _ in $(seq 50); do
        state=$(awk "/^State:/ { print \$2 }" "/proc/$daemon_pid/status" 2>/dev/null || true)
        [[ -z "$state" || "$state" == Z ]] && break
        sleep 0.1
    done
    exit "$status"
' "$me" "$@" || status=$?
exit "$status"
