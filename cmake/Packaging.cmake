# Packaging assets made from the identity in cmake/Identity.cmake, so the .desktop entry, the
# macOS Info.plist and the code name the same app and the same URL schemes.
#   ONEDIAL_DESKTOP_FILE  the Linux desktop entry (also compiled into onedial_core, which writes it
#                         out again when the user registers a portable copy as the link handler)
#   ONEDIAL_METAINFO_FILE the Linux AppStream metainfo (software centres), with the release notes
#   ONEDIAL_INFO_PLIST    the macOS bundle's Info.plist template (${MACOSX_BUNDLE_*} left for CMake)

set(ONEDIAL_DESKTOP_MIME_TYPES "")
set(ONEDIAL_PLIST_URL_TYPES "")
foreach(scheme IN LISTS ONEDIAL_URL_SCHEMES)
    string(APPEND ONEDIAL_DESKTOP_MIME_TYPES "x-scheme-handler/${scheme};")
    string(APPEND ONEDIAL_PLIST_URL_TYPES
        "        <dict>\n"
        "            <key>CFBundleURLName</key>\n"
        "            <string>${ONEDIAL_APP_ID}.${scheme}</string>\n"
        "            <key>CFBundleURLSchemes</key>\n"
        "            <array><string>${scheme}</string></array>\n"
        "            <key>CFBundleTypeRole</key>\n"
        "            <string>Viewer</string>\n"
        "        </dict>\n")
endforeach()

set(ONEDIAL_DESKTOP_FILE "${PROJECT_BINARY_DIR}/packaging/linux/${ONEDIAL_APP_ID}.desktop")
configure_file("${PROJECT_SOURCE_DIR}/packaging/linux/org.onedial.OneDial.desktop.in" "${ONEDIAL_DESKTOP_FILE}" @ONLY)

set(ONEDIAL_METAINFO_FILE "${PROJECT_BINARY_DIR}/packaging/linux/${ONEDIAL_APP_ID}.metainfo.xml")
configure_file("${PROJECT_SOURCE_DIR}/packaging/linux/org.onedial.OneDial.metainfo.xml.in" "${ONEDIAL_METAINFO_FILE}" @ONLY)

set(ONEDIAL_INFO_PLIST "${PROJECT_BINARY_DIR}/packaging/macos/Info.plist.in")
configure_file("${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in" "${ONEDIAL_INFO_PLIST}" @ONLY)
