# Install rules for Linux and other freedesktop systems: the program, its desktop entry (with the
# tel: and callto: handlers), the AppStream metainfo and the icon in every hicolor size. Windows
# and macOS have their own rules in cmake/PlatformWindows.cmake and cmake/PlatformMacOS.cmake.
# All in the CPack component "desktop" (package onedial); the gateway's rules, in the component
# "gateway", are in cmake/GatewayInstall.cmake.
include(GNUInstallDirs)
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME desktop)

# The packages install no libraries of their own: no $ORIGIN run path (qt_standard_project_setup
# adds one for relocatable installs), so the system's libraries are found the system's way.
set_target_properties(onedial PROPERTIES INSTALL_RPATH "")
install(TARGETS onedial RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES "${ONEDIAL_DESKTOP_FILE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${ONEDIAL_METAINFO_FILE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES "${ONEDIAL_ICON_SVG}"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${ONEDIAL_APP_ID}.svg)
foreach(size IN LISTS ONEDIAL_ICON_PNG_SIZES)
    install(FILES "${ONEDIAL_ICON_DIR}/hicolor/${size}x${size}/apps/${ONEDIAL_APP_ID}.png"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/copyright"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${ONEDIAL_EXECUTABLE})

# The browser extension's native-messaging host (onedial itself) for every user: the manifests
# Chrome, Chromium, Edge and Firefox look for, naming the installed program (known at install
# time, as the gateway's unit is). `onedial browser install` writes the same for one user.
set(ONEDIAL_CHROME_EXTENSION_ID lgmgfcoklhjodldpoappaoddamjfedjh)
set(ONEDIAL_FIREFOX_EXTENSION_ID onedial@onedial.org)
set(_nm_dir "${CMAKE_CURRENT_BINARY_DIR}/install/native-messaging")
install(CODE "
    set(ONEDIAL_HOST_PATH \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/onedial\")
    set(ONEDIAL_CHROME_EXTENSION_ID ${ONEDIAL_CHROME_EXTENSION_ID})
    set(ONEDIAL_FIREFOX_EXTENSION_ID ${ONEDIAL_FIREFOX_EXTENSION_ID})
    configure_file(\"${PROJECT_SOURCE_DIR}/packaging/browser/native-messaging-chromium.json.in\"
        \"${_nm_dir}/chromium/org.onedial.onedial.json\" @ONLY)
    configure_file(\"${PROJECT_SOURCE_DIR}/packaging/browser/native-messaging-firefox.json.in\"
        \"${_nm_dir}/firefox/org.onedial.onedial.json\" @ONLY)
    ")
foreach(_browser_dir IN ITEMS /etc/opt/chrome /etc/chromium /etc/opt/edge)
    install(FILES "${_nm_dir}/chromium/org.onedial.onedial.json" DESTINATION ${_browser_dir}/native-messaging-hosts)
endforeach()
install(FILES "${_nm_dir}/firefox/org.onedial.onedial.json" DESTINATION lib/mozilla/native-messaging-hosts)
