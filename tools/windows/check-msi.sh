#!/usr/bin/env bash
# Installs OneDial's MSI under Wine as an administrator would, and checks what it did:
#
#   tools/windows/check-msi.sh BUILD_DIR      (BUILD_DIR: build/windows, after windows_packages)
#
# In a Wine prefix made afresh (BUILD_DIR/wine-msi), with no SDK on the DLL search path, so the
# installed folder must carry everything it loads:
#   1. msiinfo: product name, version, upgrade code and platform, read back from the MSI;
#   2. an older MSI made from the same files (version 0.0.1) is installed, then the real one
#      (msiexec /i ... /qn) upgrades it: one product left, at the new version;
#   3. the installed files are exactly the build's staged folder; the Start-menu entry; the
#      tel:/callto: ProgIDs, Capabilities and RegisteredApplications entry; the browser
#      extension's native-messaging host for four browsers; the uninstall entry;
#   4. the installed onedial.exe: --version, `token` against the API's published test vector,
#      a sandbox dial with --json and its history row, and the window to its first paint (Xvfb);
#   5. msiexec /x ... /qn: program, Start-menu entry and registry entries gone, the user's
#      database kept;
#   6. the portable .zip: the same files; unpacked into the user's folder (no installer, no
#      administrator), it runs --version and a sandbox dial.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: check-msi.sh BUILD_DIR}" && pwd)

identity="$build/packaging/windows/msi-identity.cmake"
value() { sed -n "s/^set($1 \"\\(.*\\)\")$/\\1/p" "$identity"; }
name=$(value ONEDIAL_NAME)
version=$(value ONEDIAL_VERSION)
upgrade_code=$(value ONEDIAL_WINDOWS_UPGRADE_GUID)
exe="$(value ONEDIAL_EXECUTABLE).exe"
msi="$build/$name-$version-win64.msi"
stage="$build/stage/$name"
[[ -f "$msi" && -d "$stage" ]] || { echo "check-msi.sh: no $msi (build the target windows_packages)" >&2; exit 1; }

fail() { echo "check-msi.sh: FAILED: $*" >&2; exit 1; }
pass() { echo "  ok: $*"; }

export WINEPREFIX="$build/wine-msi" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset WINEPATH
rm -rf "$WINEPREFIX"
wineboot -i >/dev/null 2>&1
wineserver -w
drive_c="$WINEPREFIX/drive_c"
install_dir="$drive_c/Program Files/$name"
# ProgramMenuFolder of a per-machine install: the common Start menu on Windows. Wine's msiexec
# (8.0) resolves it to the installing user's Start menu even with ALLUSERS=1; both are accepted,
# and the check says which it found.
start_menus=("$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/$name.lnk"
    "$drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$name.lnk")
windows_exe="C:\\Program Files\\$name\\$exe"

reg_query() { wine reg query "$@" 2>/dev/null | tr -d '\r'; }
# The uninstall entries whose DisplayName is ours, as "DisplayVersion" lines.
uninstall_versions() {
    local key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' sub out=""
    while read -r sub; do
        [[ "$sub" == HKEY_LOCAL_MACHINE* && "$sub" != *Uninstall ]] || continue
        if reg_query "$sub" /v DisplayName | grep -q "REG_SZ[[:space:]]*$name\$"; then
            out+="$(reg_query "$sub" /v DisplayVersion | sed -n 's/.*REG_SZ[[:space:]]*//p')"$'\n'
        fi
    done < <(reg_query "$key")
    printf '%s' "$out"
}

echo "== 1. the MSI, read back"
size=$(stat -c %s "$msi")
echo "  $msi: $((size / 1024 / 1024)) MiB ($size bytes)"
properties=$(msiinfo export "$msi" Property | tr -d '\r')
grep -qx "ProductName	$name" <<<"$properties" || fail "ProductName is not $name"
grep -qx "ProductVersion	$version" <<<"$properties" || fail "ProductVersion is not $version"
grep -qx "UpgradeCode	{$upgrade_code}" <<<"$properties" || fail "UpgradeCode is not {$upgrade_code}"
grep -qx "ALLUSERS	1" <<<"$properties" || fail "not a per-machine package (ALLUSERS)"
msiinfo suminfo "$msi" | grep -q "Template: x64;" || fail "not a 64-bit package"
pass "$name $version, upgrade code {$upgrade_code}, x64, per machine"

echo "== 2. install an older version, then upgrade it with this MSI"
older_dir="$build/packaging/windows/older"
mkdir -p "$older_dir"
cmake -DIDENTITY="$identity" -DSTAGE="$stage" -DWXS="$older_dir/onedial.wxs" -DVERSION=0.0.1 \
    -P "$repo/cmake/WindowsMsi.cmake"
(cd "$older_dir" && wixl -a x64 -o "$older_dir/older.msi" onedial.wxs 2>/dev/null)
wine msiexec /i "$older_dir/older.msi" /qn || fail "msiexec /i older.msi: status $?"
wineserver -w
[[ "$(uninstall_versions)" == "0.0.1" ]] || fail "after installing 0.0.1: uninstall entries '$(uninstall_versions)'"
pass "0.0.1 installed"
wine msiexec /i "$msi" /qn || fail "msiexec /i $msi: status $?"
wineserver -w
versions=$(uninstall_versions)
[[ "$versions" == "$version" ]] || fail "after the upgrade the uninstall entries are '${versions//$'\n'/, }', not just $version"
pass "upgraded: one product left, $version"

echo "== 3. what it installed"
diff <(cd "$stage" && find . -type f | sort) <(cd "$install_dir" && find . -type f | sort) ||
    fail "the installed files differ from $stage"
pass "$(find "$install_dir" -type f | wc -l) files in Program Files\\$name, the same as the build's folder"
cmp -s "$stage/$exe" "$install_dir/$exe" || fail "the installed $exe differs from the build's"
start_menu=""
for candidate in "${start_menus[@]}"; do
    [[ -f "$candidate" ]] && start_menu=$candidate
done
[[ -n "$start_menu" ]] || fail "no Start-menu entry (${start_menus[*]})"
pass "Start-menu entry ${start_menu#"$drive_c"/}"
for scheme in tel callto; do
    reg_query "HKLM\\Software\\Classes\\$name.Url.$scheme\\shell\\open\\command" /ve |
        grep -qF "\"$windows_exe\" \"%1\"" || fail "ProgID $name.Url.$scheme has no open command for $windows_exe"
    reg_query "HKLM\\Software\\$name\\Capabilities\\URLAssociations" /v "$scheme" |
        grep -q "$name.Url.$scheme" || fail "Capabilities\\URLAssociations has no $scheme"
done
reg_query 'HKLM\Software\RegisteredApplications' /v "$name" | grep -qF "Software\\$name\\Capabilities" ||
    fail "no RegisteredApplications entry"
pass "tel: and callto: ProgIDs, Capabilities, RegisteredApplications"
for vendor in 'Google\Chrome' 'Chromium' 'Microsoft\Edge' 'Mozilla'; do
    reg_query "HKLM\\Software\\$vendor\\NativeMessagingHosts\\org.onedial.onedial" /ve |
        grep -qF 'org.onedial.onedial.' || fail "no native-messaging host registered for $vendor"
done
grep -qF '"path": "onedial.exe"' "$install_dir/org.onedial.onedial.chromium.json" ||
    fail "the Chromium-family host manifest does not name the installed onedial.exe"
grep -qF '"onedial@onedial.org"' "$install_dir/org.onedial.onedial.firefox.json" ||
    fail "the Firefox host manifest does not allow the extension"
pass "the browser extension's host registered for Chrome, Chromium, Edge and Firefox"

echo "== 4. the installed program"
run() { wine "$windows_exe" "$@" 2>&1 | tr -d '\r'; }
out=$(run --version)
[[ "$out" == "$name $version"* ]] || fail "--version printed '$out'"
pass "--version: $out"
# The console program (onedial.com) that cmd.exe and PowerShell find first.
out=$(wine "${windows_exe%.exe}.com" --version 2>&1 | tr -d '\r')
[[ "$out" == "$name $version"* ]] || fail "onedial.com --version printed '$out'"
pass "${exe%.exe}.com --version: $out"
# The published test vector (docs: the token algorithm).
out=$(echo 'DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=' |
    run token --res products/238322/devices/mqtts-test-device --et 1672735919 --method md5 --version 2018-10-31)
grep -qF 'sign=TqXfglVQXI7rjbqw2EgW%2BQ%3D%3D' <<<"$out" || fail "token printed '$out'"
pass "token: the test vector's signature"
out=$(run dial 13800138000 --sandbox --json) || fail "sandbox dial: status $?: $out"
grep -q '"outcome":"accepted"' <<<"$out" || fail "sandbox dial printed '$out'"
pass "sandbox dial: $out"
out=$(run history --json --limit 1)
grep -q '13800138000' <<<"$out" || fail "no history row after the dial: '$out'"
pass "history row written"
if command -v xvfb-run >/dev/null; then
    # The commands above ran without a display, so the prefix's desktop process has no X driver
    # and a window would never be seen (nor painted): stop it, so that this start makes one on Xvfb.
    wineserver -k || true
    wineserver -w
    started=$SECONDS
    timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" wine "$windows_exe" --sandbox --exit-after-startup \
        >/dev/null 2>&1 || fail "the window did not start and paint (status $?)"
    pass "the window started and painted (windows platform, Xvfb; $((SECONDS - started)) s)"
fi
database=$(find "$drive_c/users" -name '*.sqlite' -path "*onedial*" | head -n 1)
[[ -n "$database" ]] || fail "no database under the user's AppData"

echo "== 5. uninstall"
wine msiexec /x "$msi" /qn || fail "msiexec /x: status $?"
wineserver -w
[[ ! -e "$install_dir" ]] || fail "Program Files\\$name is still there: $(find "$install_dir" | head)"
[[ ! -e "$start_menu" ]] || fail "the Start-menu entry is still there"
[[ -z "$(uninstall_versions)" ]] || fail "an uninstall entry is left"
for key in "HKLM\\Software\\Classes\\$name.Url.tel" "HKLM\\Software\\$name\\Capabilities"; do
    ! wine reg query "$key" >/dev/null 2>&1 || fail "$key is still there"
done
! reg_query 'HKLM\Software\RegisteredApplications' /v "$name" | grep -q "$name" ||
    fail "the RegisteredApplications entry is still there"
pass "program, Start-menu entry and registration removed"
[[ -f "$database" ]] || fail "the user's database ($database) was removed"
pass "the user's database kept: ${database#"$drive_c"/}"

echo "== 6. the portable .zip"
zip="$build/$name-$version-win64-portable.zip"
[[ -f "$zip" ]] || fail "no $zip"
echo "  $zip: $(($(stat -c %s "$zip") / 1024 / 1024)) MiB ($(stat -c %s "$zip") bytes)"
portable="$drive_c/users/$(id -un)/$name-portable"
rm -rf "$portable"
mkdir -p "$portable"
(cd "$portable" && cmake -E tar xf "$zip")
diff <(cd "$stage" && find . -type f | sort) <(cd "$portable/$name" && find . -type f | sort) ||
    fail "the .zip's files differ from $stage"
pass "$(find "$portable/$name" -type f | wc -l) files, the same as the MSI's"
portable_exe="C:\\users\\$(id -un)\\$name-portable\\$name\\$exe"
out=$(wine "$portable_exe" --version 2>&1 | tr -d '\r')
[[ "$out" == "$name $version"* ]] || fail "the unpacked $exe --version printed '$out'"
out=$(wine "$portable_exe" dial 13800138000 --sandbox --json 2>&1 | tr -d '\r') ||
    fail "the unpacked $exe: sandbox dial: status $?: $out"
grep -q '"outcome":"accepted"' <<<"$out" || fail "the unpacked $exe: sandbox dial printed '$out'"
pass "unpacked and run from the user's folder: --version, sandbox dial accepted"
echo "check-msi.sh: all checks passed"
