# Windows: onedial.exe's icon and version resource, and the folder users get. Built with MinGW-w64
# on Linux against the SDK of tools/windows/build-sdk.sh (see README "Windows"); included by the
# top-level CMakeLists.txt on WIN32 only, after the onedial target is defined.
#
# `cmake --install <build> --prefix <folder>` lays out the program as users get it:
#   onedial.exe and onedial.com (the same program for the console, below), the DLLs they load
#   (Qt, QtKeychain, ICU, the MinGW runtime, zlib), qt.conf,
#   plugins/<type>/*.dll (the plug-ins Qt loads at run time), translations/qt_zh_CN.qm
# and the target windows_packages makes, from that folder, the MSI and the portable .zip:
#   <build>/OneDial-<version>-win64.msi, <build>/OneDial-<version>-win64-portable.zip
# (the folder itself is left in <build>/stage/OneDial).
# cmake/WindowsDeploy.cmake completes the folder, cmake/WindowsMsi.cmake writes the MSI's source.

# --- The executable's resources: icon and VERSIONINFO ----------------------------------------

enable_language(RC)

string(REGEX MATCH "^([0-9]+)\\.([0-9]+)\\.([0-9]+)$" _onedial_version_ok "${ONEDIAL_VERSION}")
if(NOT _onedial_version_ok)
    message(FATAL_ERROR "ONEDIAL_VERSION '${ONEDIAL_VERSION}' is not MAJOR.MINOR.PATCH: "
        "the Windows version resource and the MSI need three numbers.")
endif()
set(ONEDIAL_RC_VERSION_COMMAS "${CMAKE_MATCH_1},${CMAKE_MATCH_2},${CMAKE_MATCH_3},0")
file(TO_CMAKE_PATH "${ONEDIAL_ICON_ICO}" ONEDIAL_RC_ICON)

set(_onedial_rc "${PROJECT_BINARY_DIR}/packaging/windows/onedial.rc")
configure_file("${PROJECT_SOURCE_DIR}/packaging/windows/onedial.rc.in" "${_onedial_rc}" @ONLY)
target_sources(onedial PRIVATE "${_onedial_rc}")
# The .ico is made at build time (cmake/Icons.cmake); a new icon must recompile the resource.
set_source_files_properties("${_onedial_rc}" PROPERTIES OBJECT_DEPENDS "${ONEDIAL_ICON_ICO}")

# onedial.com: the same program as a console program, for the command line. Windows runs a GUI
# program (onedial.exe, so that the window opens without a console) without waiting for it, so
# `onedial dial ...` typed in cmd.exe or PowerShell would return at once, its output after the next
# prompt and its exit status lost. Typed without an extension, "onedial" finds onedial.com first
# (PATHEXT lists .COM before .EXE), which the console waits for. The Start menu and the links
# start onedial.exe.
qt_add_executable(onedial_console app/main.cpp "${_onedial_rc}")
target_link_libraries(onedial_console PRIVATE onedial_ui onedial_core onedial_common)
set_target_properties(onedial_console PROPERTIES WIN32_EXECUTABLE OFF OUTPUT_NAME "${ONEDIAL_EXECUTABLE}"
    SUFFIX ".com")
add_dependencies(onedial_console onedial_icons)

# --- The installed folder -----------------------------------------------------------------------

install(TARGETS onedial onedial_console RUNTIME DESTINATION .)

# The browser extension's native-messaging host manifests, beside the program they name: on
# Windows a manifest's path may be relative to the manifest's own folder. The MSI registers them
# for every user (cmake/WindowsMsi.cmake); `onedial browser install` does the same for one.
set(ONEDIAL_HOST_PATH onedial.exe)
set(ONEDIAL_CHROME_EXTENSION_ID lgmgfcoklhjodldpoappaoddamjfedjh)
set(ONEDIAL_FIREFOX_EXTENSION_ID onedial@onedial.org)
foreach(_nm_browser IN ITEMS chromium firefox)
    configure_file("${PROJECT_SOURCE_DIR}/packaging/browser/native-messaging-${_nm_browser}.json.in"
        "${CMAKE_CURRENT_BINARY_DIR}/native-messaging/org.onedial.onedial.${_nm_browser}.json" @ONLY)
    install(FILES "${CMAKE_CURRENT_BINARY_DIR}/native-messaging/org.onedial.onedial.${_nm_browser}.json"
        DESTINATION .)
endforeach()

# The plug-ins Qt loads at run time, which no import table names: the Windows platform and its
# style, TLS through Schannel (and the certificate-only back-end Qt falls back on), SQLite, SVG
# icons and images, .ico images. (No network-reachability back-end: OneDial does not use
# QNetworkInformation, and the SDK does not build it.)
set(_onedial_plugins
    platforms/qwindows styles/qwindowsvistastyle tls/qschannelbackend tls/qcertonlybackend
    sqldrivers/qsqlite iconengines/qsvgicon imageformats/qsvg imageformats/qico)
get_target_property(_onedial_qtcore_dll Qt6::Core IMPORTED_LOCATION_RELEASE)
if(NOT _onedial_qtcore_dll)
    get_target_property(_onedial_qtcore_dll Qt6::Core IMPORTED_LOCATION)
endif()
get_filename_component(_onedial_qt_bin "${_onedial_qtcore_dll}" DIRECTORY)
get_filename_component(_onedial_qt_prefix "${_onedial_qt_bin}" DIRECTORY)
# MinGW's own DLLs (libstdc++, libgcc, winpthread, zlib): where the compiler keeps them, and the
# SDK, which keeps a copy of each.
execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++-6.dll
    OUTPUT_VARIABLE _onedial_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
get_filename_component(_onedial_gcc_dir "${_onedial_libstdcxx}" DIRECTORY)
set(_onedial_dll_dirs "${_onedial_qt_bin}" "${_onedial_qt_prefix}/lib" "${_onedial_gcc_dir}")
foreach(_onedial_root IN LISTS CMAKE_FIND_ROOT_PATH)
    list(APPEND _onedial_dll_dirs "${_onedial_root}/bin" "${_onedial_root}/lib")
endforeach()

# Qt's own words (standard buttons, the file dialog) in Chinese: the app loads qt_<lang>.qm from
# Qt's translations folder (app/core/Translations.cpp), which qt.conf points at. The catalogue is
# the build machine's (Debian's qt6-translations-l10n, the same Qt version).
find_file(ONEDIAL_QTBASE_ZH_CN_QM qtbase_zh_CN.qm
    PATHS "${QT_HOST_PATH}/share/qt6/translations" /usr/share/qt6/translations
    NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(ONEDIAL_QTBASE_ZH_CN_QM)
    install(FILES "${ONEDIAL_QTBASE_ZH_CN_QM}" DESTINATION translations RENAME qt_zh_CN.qm)
else()
    message(WARNING "qtbase_zh_CN.qm not found (Debian: qt6-translations-l10n): the Windows "
        "package will show Qt's standard buttons in English.")
endif()

find_program(ONEDIAL_MINGW_OBJDUMP NAMES x86_64-w64-mingw32-objdump objdump REQUIRED)
if(NOT CMAKE_STRIP)
    find_program(CMAKE_STRIP NAMES x86_64-w64-mingw32-strip strip REQUIRED)
endif()
install(CODE "
    set(ONEDIAL_DEPLOY_EXE \"${ONEDIAL_EXECUTABLE}.exe;${ONEDIAL_EXECUTABLE}.com\")
    set(ONEDIAL_DEPLOY_PLUGINS_DIR \"${_onedial_qt_prefix}/plugins\")
    set(ONEDIAL_DEPLOY_PLUGINS \"${_onedial_plugins}\")
    set(ONEDIAL_DEPLOY_DLL_DIRS \"${_onedial_dll_dirs}\")
    set(ONEDIAL_DEPLOY_OBJDUMP \"${ONEDIAL_MINGW_OBJDUMP}\")
    set(ONEDIAL_DEPLOY_STRIP \"${CMAKE_STRIP}\")
")
install(SCRIPT "${PROJECT_SOURCE_DIR}/cmake/WindowsDeploy.cmake")

# --- The MSI and the portable .zip ------------------------------------------------------------

# What the MSI's source is made from, fixed at configure time: cmake/Identity.cmake's values.
set(_onedial_msi_identity "${PROJECT_BINARY_DIR}/packaging/windows/msi-identity.cmake")
file(WRITE "${_onedial_msi_identity}" "# Written by cmake/PlatformWindows.cmake from cmake/Identity.cmake.\n")
foreach(_onedial_var ONEDIAL_NAME ONEDIAL_EXECUTABLE ONEDIAL_VERSION ONEDIAL_URL_SCHEMES
        ONEDIAL_WINDOWS_UPGRADE_GUID ONEDIAL_SUMMARY ONEDIAL_HOMEPAGE ONEDIAL_ICON_ICO)
    file(APPEND "${_onedial_msi_identity}" "set(${_onedial_var} \"${${_onedial_var}}\")\n")
endforeach()

find_program(ONEDIAL_WIXL wixl)
set(_onedial_stage "${PROJECT_BINARY_DIR}/stage/${ONEDIAL_NAME}")
set(ONEDIAL_WINDOWS_MSI "${PROJECT_BINARY_DIR}/${ONEDIAL_NAME}-${ONEDIAL_VERSION}-win64.msi")
set(ONEDIAL_WINDOWS_ZIP "${PROJECT_BINARY_DIR}/${ONEDIAL_NAME}-${ONEDIAL_VERSION}-win64-portable.zip")
if(ONEDIAL_WIXL)
    add_custom_target(windows_packages
        COMMAND ${CMAKE_COMMAND} -E rm -rf "${PROJECT_BINARY_DIR}/stage"
        COMMAND ${CMAKE_COMMAND} --install "${PROJECT_BINARY_DIR}" --prefix "${_onedial_stage}"
        COMMAND ${CMAKE_COMMAND} -DIDENTITY=${_onedial_msi_identity} -DSTAGE=${_onedial_stage}
            -DWXS=${PROJECT_BINARY_DIR}/packaging/windows/onedial.wxs
            -P "${PROJECT_SOURCE_DIR}/cmake/WindowsMsi.cmake"
        COMMAND ${ONEDIAL_WIXL} -a x64 -o "${ONEDIAL_WINDOWS_MSI}"
            "${PROJECT_BINARY_DIR}/packaging/windows/onedial.wxs"
        COMMAND ${CMAKE_COMMAND} -E rm -f "${ONEDIAL_WINDOWS_ZIP}"
        COMMAND ${CMAKE_COMMAND} -E chdir "${PROJECT_BINARY_DIR}/stage"
            ${CMAKE_COMMAND} -E tar cf "${ONEDIAL_WINDOWS_ZIP}" --format=zip "${ONEDIAL_NAME}"
        COMMENT "Making ${ONEDIAL_NAME}-${ONEDIAL_VERSION}-win64.msi and the portable .zip"
        VERBATIM)
    add_dependencies(windows_packages onedial onedial_console)
else()
    message(STATUS "wixl not found (Debian: wixl): no target windows_packages")
endif()
