#!/usr/bin/env bash
# The Linux installers, made and checked the way a user would meet them.
#
#   check-packages.sh build   BUILD_DIR   run cpack: BUILD_DIR/packages/*.deb and *.rpm
#   check-packages.sh inspect BUILD_DIR   check the files, the desktop entry, the AppStream
#                                         metainfo, the icons and the dependencies of both; and
#                                         of onedial-gateway's .deb and .rpm: files, unit, user,
#                                         dependencies (no GUI libraries), maintainer scripts
#   check-packages.sh install BUILD_DIR   install the .deb with apt into a throw-away Debian 12
#                                         root (debootstrap, then chroot) holding nothing but
#                                         the minimal base system, and run OneDial from it;
#                                         then the same for onedial-gateway
#
# The install step needs root (chroot) and Debian's mirror; without root it exits 77, which the
# test suite reports as skipped. The base system is downloaded once per build folder and kept
# as a tarball there; every run unpacks a fresh root from it and deletes it afterwards.
set -euo pipefail

mode=${1:?usage: check-packages.sh build|inspect|install BUILD_DIR}
build=$(cd "${2:?usage: check-packages.sh build|inspect|install BUILD_DIR}" && pwd)
packages=$build/packages
name=onedial
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
app_id=org.onedial.OneDial

fail() {
    echo "check-packages: $*" >&2
    exit 1
}

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null ||
            fail "$tool is not installed; tools/install-deps.sh --with-tests installs it"
    done
}

the_deb() {
    local debs=("$packages"/${name}_"$version"-*_*.deb)
    [[ -f ${debs[0]} ]] || fail "no .deb in $packages; run the build step first"
    echo "${debs[0]}"
}

the_rpm() {
    local rpms=("$packages"/${name}-"$version"-*.rpm)
    [[ -f ${rpms[0]} ]] || fail "no .rpm in $packages; run the build step first"
    echo "${rpms[0]}"
}

# Fails unless every line of the expected list occurs as a whole line of the actual text.
expect_lines() {
    local what=$1 actual=$2 line
    shift 2
    for line in "$@"; do
        grep -qxF -- "$line" <<<"$actual" || fail "$what lacks '$line'. It has:"$'\n'"$actual"
    done
}

build_packages() {
    need cpack dpkg-shlibdeps rpmbuild
    rm -rf "$packages"
    cpack --config "$build/CPackConfig.cmake" -B "$packages" -G "DEB;RPM"
    ls -l "$packages"/*.deb "$packages"/*.rpm
}

the_gateway_deb() {
    local debs=("$packages"/onedial-gateway_"$version"-*_*.deb)
    [[ -f ${debs[0]} ]] || fail "no onedial-gateway .deb in $packages; run the build step first"
    echo "${debs[0]}"
}

the_gateway_rpm() {
    local rpms=("$packages"/onedial-gateway-"$version"-*.rpm)
    [[ -f ${rpms[0]} ]] || fail "no onedial-gateway .rpm in $packages; run the build step first"
    echo "${rpms[0]}"
}

gateway_expected_files() {
    echo "/usr/bin/onedial-gateway"
    echo "/usr/lib/systemd/system/onedial-gateway.service"
    echo "/usr/lib/sysusers.d/onedial-gateway.conf"
    echo "/usr/share/doc/onedial-gateway/README.md"
    echo "/usr/share/doc/onedial-gateway/copyright"
}

# The desktop's graphical libraries, none of which a headless server should pull in. (The gateway
# still loads QtKeychain, which the core library's objects it uses refer to; it brings QtDBus, no
# graphics, and is never called on a server.)
gui_libraries='^(libqt6(widgets|gui|svg)|libxcb|libgl|libx11)'

inspect_gateway_packages() {
    local deb rpm work files extra depends script
    deb=$(the_gateway_deb)
    rpm=$(the_gateway_rpm)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' RETURN

    echo "== $(basename "$deb")" >&2
    [[ $(dpkg-deb -f "$deb" Package) == onedial-gateway ]] || fail "the gateway .deb is misnamed"
    [[ $(dpkg-deb -f "$deb" Version) == "$version"-* ]] || fail "the gateway .deb's version is not $version"
    files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
    mapfile -t want < <(gateway_expected_files)
    expect_lines "the gateway .deb's file list" "$files" "${want[@]}"
    extra=$(grep -v '/$' <<<"$files" | grep -vxF -f <(gateway_expected_files) || true)
    [[ -z $extra ]] || fail "the gateway .deb holds files it should not:"$'\n'"$extra"
    depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ *(.*//')
    expect_lines "the gateway's Depends" "$depends" libqt6core6 libc6 libqt6sql6-sqlite \
        "systemd | systemd-sysusers" procps
    if grep -E "$gui_libraries" <<<"$depends"; then
        fail "the gateway .deb depends on the desktop's graphical libraries"
    fi

    dpkg-deb -x "$deb" "$work/root"
    dpkg-deb -e "$deb" "$work/control"
    readelf -d "$work/root/usr/bin/onedial-gateway" | grep -qE 'R(UN)?PATH' &&
        fail "/usr/bin/onedial-gateway carries a run path"
    readelf -S "$work/root/usr/bin/onedial-gateway" | grep -q '\.debug_info' &&
        fail "/usr/bin/onedial-gateway is not stripped"
    readelf -d "$work/root/usr/bin/onedial-gateway" | grep NEEDED | grep -iE 'Qt6(Widgets|Gui|Svg)' &&
        fail "/usr/bin/onedial-gateway links the desktop's graphical libraries"
    grep -qxF "ExecStart=/usr/bin/onedial-gateway serve" \
        "$work/root/usr/lib/systemd/system/onedial-gateway.service" ||
        fail "the packaged unit does not start /usr/bin/onedial-gateway serve"
    grep -qx 'u onedial-gateway - .* /var/lib/onedial-gateway' \
        "$work/root/usr/lib/sysusers.d/onedial-gateway.conf" ||
        fail "the packaged sysusers entry does not make the onedial-gateway user"
    # Maintainer scripts: the user from systemd-sysusers, systemd told; never enabled or started
    # (only a restart on upgrade, of a gateway that runs); purge keeps the state folder.
    for script in postinst prerm postrm; do
        [[ -x $work/control/$script ]] || fail "the gateway .deb has no executable $script"
        sh -n "$work/control/$script" || fail "the gateway's $script is not valid sh"
    done
    grep -q 'systemd-sysusers /usr/lib/sysusers.d/onedial-gateway.conf' "$work/control/postinst" ||
        fail "postinst does not create the user with systemd-sysusers"
    grep -q 'daemon-reload' "$work/control/postinst" || fail "postinst does not reload systemd"
    if grep -hE 'systemctl .*(enable|start|deb-systemd-helper)|[^-]start ' \
        "$work/control/postinst" "$work/control/prerm" "$work/control/postrm" | grep -v 'try-restart'; then
        fail "a maintainer script enables or starts the service"
    fi
    grep -q '/var/lib/onedial-gateway' "$work/control/postrm" &&
        grep -E '^[^#]*rm .*/var/lib' "$work/control/postrm" &&
        fail "postrm deletes the state folder"
    grep -q 'systemctl stop onedial-gateway.service' "$work/control/prerm" ||
        fail "prerm does not stop the service on removal"

    echo "== $(basename "$rpm")" >&2
    [[ $(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE}' "$rpm" 2>/dev/null) == \
        "onedial-gateway $version LicenseRef-proprietary" ]] ||
        fail "the gateway .rpm's name, version or licence is wrong"
    files=$(rpm -qpl "$rpm" 2>/dev/null)
    expect_lines "the gateway .rpm's file list" "$files" "${want[@]}"
    if grep -qxE '/usr/lib/(systemd(/system)?|sysusers\.d)|/usr/share/doc' <<<"$files"; then
        fail "the gateway .rpm claims folders that belong to the system"
    fi
    depends=$(rpm -qpR "$rpm" 2>/dev/null)
    expect_lines "the gateway .rpm's requirements" "$depends" "libQt6Core.so.6()(64bit)" systemd
    if grep -iE 'libQt6(Widgets|Gui|Svg)|qt6-qtsvg' <<<"$depends"; then
        fail "the gateway .rpm requires the desktop's graphical libraries"
    fi
    script=$(rpm -qp --scripts "$rpm" 2>/dev/null)
    grep -q 'systemd-sysusers /usr/lib/sysusers.d/onedial-gateway.conf' <<<"$script" ||
        fail "the gateway .rpm's %post does not create the user"
    grep -E 'systemctl [^|]*(enable|start)' <<<"$script" | grep -v 'try-restart' &&
        fail "the gateway .rpm's scriptlets enable or start the service"
    echo "check-packages: the gateway packages hold what they should"
}

expected_files() {
    local size
    echo "/usr/bin/onedial"
    echo "/usr/share/applications/$app_id.desktop"
    echo "/usr/share/metainfo/$app_id.metainfo.xml"
    echo "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    for size in 16 22 24 32 48 64 128 256 512; do
        echo "/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    echo "/usr/share/doc/onedial/copyright"
    echo "/etc/opt/chrome/native-messaging-hosts/org.onedial.onedial.json"
    echo "/etc/chromium/native-messaging-hosts/org.onedial.onedial.json"
    echo "/etc/opt/edge/native-messaging-hosts/org.onedial.onedial.json"
    echo "/usr/lib/mozilla/native-messaging-hosts/org.onedial.onedial.json"
}

inspect_packages() {
    need dpkg-deb rpm desktop-file-validate appstreamcli identify
    local deb rpm work files depends size geometry
    deb=$(the_deb)
    rpm=$(the_rpm)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' RETURN

    echo "== $(basename "$deb")" >&2
    [[ $(dpkg-deb -f "$deb" Package) == "$name" ]] || fail "the .deb is not named $name"
    [[ $(dpkg-deb -f "$deb" Version) == "$version"-* ]] || fail "the .deb's version is not $version"
    [[ $(dpkg-deb -f "$deb" Architecture) == "$(dpkg --print-architecture)" ]] ||
        fail "the .deb is not for $(dpkg --print-architecture)"
    files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
    mapfile -t want < <(expected_files)
    expect_lines "the .deb's file list" "$files" "${want[@]}"
    # Nothing else: no tests, no benchmark, no static libraries, no build paths.
    local extra
    extra=$(grep -v '/$' <<<"$files" | grep -vxF -f <(expected_files) || true)
    [[ -z $extra ]] || fail "the .deb holds files it should not:"$'\n'"$extra"

    # Dependencies: the libraries from dpkg-shlibdeps, the plug-ins Qt loads at run time by hand.
    depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ *(.*//')
    expect_lines "Depends" "$depends" libqt6widgets6 libqt6network6 libqt6sql6 libqt6httpserver6 \
        libqt6keychain1 libphonenumber8-protobuf32 libicu72 libc6 libqt6sql6-sqlite libqt6svg6
    dpkg-deb -f "$deb" Recommends | grep -q gnome-keyring ||
        fail "the .deb does not recommend a Secret Service"

    dpkg-deb -x "$deb" "$work/root"
    desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop"
    grep -qxF "MimeType=x-scheme-handler/tel;x-scheme-handler/callto;" \
        "$work/root/usr/share/applications/$app_id.desktop" ||
        fail "the desktop entry does not handle tel: and callto:"
    grep -qxF "Icon=$app_id" "$work/root/usr/share/applications/$app_id.desktop" ||
        fail "the desktop entry does not name the installed icon"
    appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml"
    grep -qF "<release version=\"$version\"" "$work/root/usr/share/metainfo/$app_id.metainfo.xml" ||
        fail "the metainfo has no release notes for $version"
    # The browser extension's host: the installed program, for the extension's ids only.
    local manifest
    for manifest in /etc/opt/chrome /etc/chromium /etc/opt/edge; do
        python3 - "$work/root$manifest/native-messaging-hosts/org.onedial.onedial.json" <<'PY' ||
import json, sys
m = json.load(open(sys.argv[1]))
assert m["name"] == "org.onedial.onedial" and m["type"] == "stdio", m
assert m["path"] == "/usr/bin/onedial", m["path"]
assert m["allowed_origins"] == ["chrome-extension://lgmgfcoklhjodldpoappaoddamjfedjh/"], m
PY
            fail "the native-messaging manifest in $manifest is wrong"
    done
    python3 - "$work/root/usr/lib/mozilla/native-messaging-hosts/org.onedial.onedial.json" <<'PY' ||
import json, sys
m = json.load(open(sys.argv[1]))
assert m["path"] == "/usr/bin/onedial" and m["allowed_extensions"] == ["onedial@onedial.org"], m
PY
        fail "the Firefox native-messaging manifest is wrong"
    for size in 16 22 24 32 48 64 128 256 512; do
        geometry=$(identify -format '%wx%h' \
            "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
        [[ $geometry == "${size}x${size}" ]] || fail "the ${size}px icon is $geometry"
    done
    # A stripped program that finds its libraries by soname, not by this machine's build paths.
    if readelf -d "$work/root/usr/bin/onedial" | grep -qE 'R(UN)?PATH'; then
        fail "/usr/bin/onedial carries a run path: $(readelf -d "$work/root/usr/bin/onedial" | grep PATH)"
    fi
    readelf -S "$work/root/usr/bin/onedial" | grep -q '\.debug_info' &&
        fail "/usr/bin/onedial is not stripped"

    echo "== $(basename "$rpm")" >&2
    [[ $(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE}' "$rpm" 2>/dev/null) == \
        "$name $version LicenseRef-proprietary" ]] || fail "the .rpm's name, version or licence is wrong"
    files=$(rpm -qpl "$rpm" 2>/dev/null)
    expect_lines "the .rpm's file list" "$files" "${want[@]}"
    if grep -qxE '/usr/share/(applications|metainfo|icons(/hicolor(/[^/]+(/apps)?)?)?)' <<<"$files"; then
        fail "the .rpm claims folders that belong to the system"
    fi
    depends=$(rpm -qpR "$rpm" 2>/dev/null)
    expect_lines "the .rpm's requirements" "$depends" "qt6-qtsvg" \
        "libQt6Widgets.so.6()(64bit)" "libqt6keychain.so.1()(64bit)" "libphonenumber.so.8()(64bit)"
    echo "check-packages: both packages hold what they should"
    inspect_gateway_packages
}

install_into_fresh_debian() {
    if [[ $(id -u) -ne 0 ]]; then
        echo "skipped: installing into a throw-away root needs root (chroot)"
        exit 77
    fi
    need debootstrap unshare chroot
    local deb cache base
    deb=$(the_deb)
    cache=$build/package-test
    base=$cache/debian12-minbase.tar
    mkdir -p "$cache"
    if [[ ! -f $base ]]; then
        echo "== downloading a minimal Debian 12 (once per build folder)"
        rm -rf "$cache/base"
        unshare --mount debootstrap --variant=minbase bookworm "$cache/base" http://deb.debian.org/debian
        tar -C "$cache/base" -cf "$base.part" .
        mv "$base.part" "$base"
        rm -rf "$cache/base"
    fi
    root=$(mktemp -d "$cache/root.XXXXXX")
    trap 'rm -rf "${root:?}"' EXIT
    tar -C "$root" -xf "$base"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    gateway_deb=$(the_gateway_deb)
    cp "$deb" "$gateway_deb" "$root/tmp/"

    # In a mount namespace of its own, so /proc is unmounted whatever happens.
    unshare --mount --fork bash -euo pipefail -s "$root" "$(basename "$deb")" "$version" \
        "$(basename "$gateway_deb")" <<'IN_ROOT'
root=$1 deb=$2 version=$3 gateway_deb=$4
mount -t proc proc "$root/proc"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 "$@"; }
echo "== apt-get install ./$deb (without recommended packages: Depends alone must suffice)"
in_root apt-get -q update
in_root apt-get -q -y -o Dpkg::Use-Pty=0 --no-install-recommends install "/tmp/$deb"
echo "== onedial --version"
out=$(in_root onedial --version)
echo "$out"
[[ $out == "OneDial $version" ]] || { echo "unexpected version output" >&2; exit 1; }
echo "== onedial dial 13800138000 --sandbox (network, numbers, SQLite history)"
in_root onedial dial 13800138000 --sandbox
in_root onedial history --limit 1 | grep -q 13800138000 || { echo "no history row" >&2; exit 1; }
echo "== the window, on the offscreen platform, to its first paint"
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp onedial --sandbox --exit-after-startup
echo "== apt-get purge onedial"
in_root apt-get -q -y -o Dpkg::Use-Pty=0 purge onedial
[[ ! -e $root/usr/bin/onedial ]] || { echo "purge left /usr/bin/onedial" >&2; exit 1; }
[[ -f $root/root/.local/share/onedial/onedial.sqlite ]] ||
    { echo "purge removed the user's database" >&2; exit 1; }

echo "== apt-get install ./$gateway_deb (Depends alone)"
in_root apt-get -q -y -o Dpkg::Use-Pty=0 --no-install-recommends install "/tmp/$gateway_deb"
echo "== onedial-gateway: its libraries, --help, its user, its unit"
if in_root ldd /usr/bin/onedial-gateway | grep 'not found'; then
    echo "onedial-gateway's libraries do not resolve" >&2; exit 1
fi
if in_root ldd /usr/bin/onedial-gateway | grep -iE 'Qt6(Widgets|Gui|Svg)'; then
    echo "onedial-gateway loads the desktop's libraries" >&2; exit 1
fi
in_root onedial-gateway --help
in_root getent passwd onedial-gateway | grep -q ':/var/lib/onedial-gateway:' ||
    { echo "no onedial-gateway user with home /var/lib/onedial-gateway" >&2; exit 1; }
[[ ! -e $root/etc/systemd/system/multi-user.target.wants/onedial-gateway.service ]] ||
    { echo "the package enabled the service" >&2; exit 1; }
echo "== apt-get purge onedial-gateway (keeps the state folder)"
mkdir -p "$root/var/lib/onedial-gateway"
echo audit >"$root/var/lib/onedial-gateway/keep-me"
in_root apt-get -q -y -o Dpkg::Use-Pty=0 purge onedial-gateway
[[ ! -e $root/usr/bin/onedial-gateway ]] || { echo "purge left the gateway" >&2; exit 1; }
[[ -f $root/var/lib/onedial-gateway/keep-me ]] ||
    { echo "purge removed /var/lib/onedial-gateway" >&2; exit 1; }
umount "$root/proc"
IN_ROOT
    echo "check-packages: the .deb installs on a fresh Debian 12, runs and uninstalls cleanly"
}

case $mode in
build) build_packages ;;
inspect) inspect_packages ;;
install) install_into_fresh_debian ;;
*) fail "unknown step '$mode'" ;;
esac
