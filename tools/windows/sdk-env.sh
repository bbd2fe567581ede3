# Sourced by the Windows scripts: which SDK OneDial's Windows build uses and where it is cached.
# The versions are Debian 12's, so that the host's Qt serves as QT_HOST_PATH and the Windows
# program links the same libraries as the Linux one. Change ONEDIAL_SDK_ID when the recipe changes.
ONEDIAL_SDK_ID="qt6.4.2-icu72.1-pn8.12.57-r2"
: "${ONEDIAL_MINGW_SDK:=${XDG_CACHE_HOME:-$HOME/.cache}/onedial/mingw-sdk-$ONEDIAL_SDK_ID}"
ONEDIAL_MINGW_SDK_WORK="$ONEDIAL_MINGW_SDK.work"
export ONEDIAL_MINGW_SDK

onedial_sdk_ready() {
    [[ -f "$ONEDIAL_MINGW_SDK/.complete" ]]
}
