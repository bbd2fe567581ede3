#!/usr/bin/env bash
# onedial-gateway.service as the packages install it, checked by systemd itself.
#
#   check-gateway-unit.sh BUILD_DIR GATEWAY_EXECUTABLE
#
# Installs the gateway component into a temporary folder (prefix /usr, as cpack does), then:
# the unit names /usr/bin/onedial-gateway; `systemd-analyze verify` reports nothing about it
# (verify needs the programs it names, so it reads a copy whose ExecStart is the built program);
# every hardening option is there; `systemd-analyze security --offline=yes` rates its exposure
# at most 2.0; the sysusers.d entry is read by `systemd-sysusers --dry-run`.
set -euo pipefail

build=${1:?usage: check-gateway-unit.sh BUILD_DIR GATEWAY_EXECUTABLE}
gateway=$(realpath "${2:?usage: check-gateway-unit.sh BUILD_DIR GATEWAY_EXECUTABLE}")
max_exposure=2.0

fail() {
    echo "check-gateway-unit: $*" >&2
    exit 1
}
for tool in systemd-analyze systemd-sysusers; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (package systemd)"
done
[[ -x /bin/kill ]] || fail "/bin/kill (ExecReload) is missing: tools/install-deps.sh --with-tests installs procps"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DESTDIR=$work/root cmake --install "$build" --component gateway --prefix /usr >/dev/null
unit=$work/root/usr/lib/systemd/system/onedial-gateway.service
sysusers=$work/root/usr/lib/sysusers.d/onedial-gateway.conf
[[ -f $unit ]] || fail "the gateway component installs no /usr/lib/systemd/system/onedial-gateway.service"
[[ -f $sysusers ]] || fail "the gateway component installs no /usr/lib/sysusers.d/onedial-gateway.conf"
grep -qxF "ExecStart=/usr/bin/onedial-gateway serve" "$unit" ||
    fail "the installed unit does not start /usr/bin/onedial-gateway serve: $(grep ExecStart "$unit")"

# The options the gateway's security rests on, each as a whole line.
expected=(
    "Type=exec" "ExecReload=/bin/kill -HUP \$MAINPID" "Restart=on-failure"
    "User=onedial-gateway" "Group=onedial-gateway"
    "StateDirectory=onedial-gateway" "StateDirectoryMode=0700" "UMask=0077"
    "CapabilityBoundingSet=" "NoNewPrivileges=yes" "ProtectSystem=strict" "ProtectHome=yes"
    "PrivateTmp=yes" "PrivateDevices=yes" "ProtectKernelTunables=yes" "ProtectKernelModules=yes"
    "ProtectKernelLogs=yes" "ProtectControlGroups=yes" "ProtectClock=yes" "ProtectHostname=yes"
    "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" "RestrictNamespaces=yes"
    "RestrictRealtime=yes" "RestrictSUIDSGID=yes" "LockPersonality=yes"
    "MemoryDenyWriteExecute=yes" "SystemCallArchitectures=native"
    "SystemCallFilter=@system-service"
    "#AmbientCapabilities=CAP_NET_BIND_SERVICE"
    "#LoadCredential=onenet-access-key:/etc/onedial-gateway/onenet-access-key"
)
for line in "${expected[@]}"; do
    grep -qxF -- "$line" "$unit" || fail "the unit lacks '$line'"
done
# Nothing may enable or start it behind the admin's back, nor give it capabilities.
grep -qE '^(AmbientCapabilities|Environment.*KEY)' "$unit" && fail "the unit sets capabilities or a key"

mkdir "$work/verify"
sed "s|^ExecStart=/usr/bin/onedial-gateway |ExecStart=$gateway |" "$unit" \
    >"$work/verify/onedial-gateway.service"
echo "== systemd-analyze verify (ExecStart: $gateway)"
if ! out=$(systemd-analyze verify "$work/verify/onedial-gateway.service" 2>&1); then
    fail "systemd-analyze verify failed:"$'\n'"$out"
fi
# Messages about other units come from the machine's own; any about this one is a failure.
if grep -i 'onedial-gateway' <<<"$out"; then
    fail "systemd-analyze verify complains about the unit"
fi

echo "== systemd-analyze security --offline=yes"
security=$(systemd-analyze security --offline=yes "$work/verify/onedial-gateway.service" 2>&1) ||
    fail "systemd-analyze security failed:"$'\n'"$security"
score=$(sed -n 's/.*Overall exposure level for onedial-gateway.service: \([0-9.]*\).*/\1/p' <<<"$security")
[[ -n $score ]] || fail "no exposure level in:"$'\n'"$security"
echo "exposure level $score (at most $max_exposure)"
awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s <= m) }' ||
    fail "exposure level $score is above $max_exposure:"$'\n'"$security"

echo "== systemd-sysusers --dry-run"
mkdir -p "$work/sysroot/etc"
users=$(systemd-sysusers --dry-run --root="$work/sysroot" "$sysusers" 2>&1) ||
    fail "systemd-sysusers rejects the entry:"$'\n'"$users"
grep -q "Creating user 'onedial-gateway'" <<<"$users" ||
    fail "systemd-sysusers would not create the user:"$'\n'"$users"
grep -qxE "u onedial-gateway - \"[^\"]+\" /var/lib/onedial-gateway" "$sysusers" ||
    fail "the sysusers entry does not give the user the home /var/lib/onedial-gateway"
echo "check-gateway-unit: the unit and the user entry are as the packages install them"
