# macOS: the OneDial.app bundle (icon, Info.plist values), its install rule, the deployment of Qt
# and of the other dylibs into the bundle (macdeployqt), signing, and the .dmg (CPack DragNDrop).
# Included by the top-level CMakeLists.txt on APPLE only, after the onedial target is defined and
# before cmake/Installers.cmake (which sets the common CPACK_* values and includes CPack).
# Nothing here has been built or run on the project's own (Linux) machines; see the README.

include(GNUInstallDirs)
include(${CMAKE_CURRENT_LIST_DIR}/Deploy.cmake)

# --- The bundle ---------------------------------------------------------------------------------

# Mac users see the bundle's name in Finder and the Dock: OneDial.app, not onedial.app. The
# command line inside it is then OneDial.app/Contents/MacOS/OneDial.
set_target_properties(onedial PROPERTIES OUTPUT_NAME "${ONEDIAL_NAME}")

# The icon, made at build time by cmake/Icons.cmake, copied into Contents/Resources and named by
# CFBundleIconFile (${MACOSX_BUNDLE_ICON_FILE} in packaging/macos/Info.plist.in).
get_filename_component(_onedial_icns_name "${ONEDIAL_ICON_ICNS}" NAME)
target_sources(onedial PRIVATE "${ONEDIAL_ICON_ICNS}")
set_source_files_properties("${ONEDIAL_ICON_ICNS}" PROPERTIES
    MACOSX_PACKAGE_LOCATION Resources
    GENERATED TRUE)

set_target_properties(onedial PROPERTIES
    MACOSX_BUNDLE_ICON_FILE "${_onedial_icns_name}"
    MACOSX_BUNDLE_BUNDLE_NAME "${ONEDIAL_NAME}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${ONEDIAL_VERSION}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${ONEDIAL_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "${ONEDIAL_COPYRIGHT}")

# LSMinimumSystemVersion: the oldest macOS the binaries were built for. CMake fills
# ${ONEDIAL_MACOS_MINIMUM} in the Info.plist when it generates the build, from this directory's
# variables. It is the deployment target when one is given (CI: the Homebrew bottles' macOS);
# without one the compiler targets the build machine's own macOS, and so does the bundle.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(ONEDIAL_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
else()
    execute_process(COMMAND sw_vers -productVersion
        OUTPUT_VARIABLE _onedial_host_macos OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REGEX MATCH "^[0-9]+\\.[0-9]+" ONEDIAL_MACOS_MINIMUM "${_onedial_host_macos}")
    if(NOT ONEDIAL_MACOS_MINIMUM AND _onedial_host_macos MATCHES "^[0-9]+$")
        set(ONEDIAL_MACOS_MINIMUM "${_onedial_host_macos}.0")
    endif()
    if(NOT ONEDIAL_MACOS_MINIMUM)
        # Qt's own minimum (Qt6ConfigExtras) when even the host cannot be asked.
        set(ONEDIAL_MACOS_MINIMUM "${QT_SUPPORTED_MIN_MACOS_VERSION}")
    endif()
    message(STATUS "OneDial: no CMAKE_OSX_DEPLOYMENT_TARGET; the bundle will require macOS "
        "${ONEDIAL_MACOS_MINIMUM}. Set CMAKE_OSX_DEPLOYMENT_TARGET to build for older systems.")
endif()
# Always major.minor, as Info.plist readers expect ("14" -> "14.0").
if(ONEDIAL_MACOS_MINIMUM MATCHES "^[0-9]+$")
    string(APPEND ONEDIAL_MACOS_MINIMUM ".0")
endif()
if(QT_SUPPORTED_MIN_MACOS_VERSION AND ONEDIAL_MACOS_MINIMUM VERSION_LESS QT_SUPPORTED_MIN_MACOS_VERSION)
    message(WARNING "CMAKE_OSX_DEPLOYMENT_TARGET ${ONEDIAL_MACOS_MINIMUM} is below the macOS "
        "${QT_SUPPORTED_MIN_MACOS_VERSION} Qt ${Qt6_VERSION} supports.")
endif()

# --- Install rules ------------------------------------------------------------------------------

# The bundle at the top of the install prefix, which is where Qt's deploy script and the .dmg
# (with its /Applications link next to it) expect it.
install(TARGETS onedial
    BUNDLE DESTINATION .
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# macdeployqt, through Qt's deploy script: copies the Qt frameworks and the plug-ins Qt loads at
# run time (cocoa platform, mac style, SVG icon engine and image format, SQLite driver, TLS
# back-ends) into the bundle, and every other non-system dylib the program links (QtKeychain,
# libphonenumber with protobuf and abseil, ICU) into Contents/Frameworks, rewriting their
# install names, and writes Contents/Resources/qt.conf. Qt's own translations are not deployed
# on macOS (OneDial's are compiled in).
set(_onedial_deploy_extra "")
# Homebrew's Qt is built with @rpath install names that macdeployqt cannot always resolve from a
# bundle outside Homebrew ("Cannot resolve rpath"); -libpath tells it where to look. The option
# can only be passed from Qt 6.7 on (DEPLOY_TOOL_OPTIONS).
set(ONEDIAL_MACDEPLOYQT_LIBPATH "" CACHE PATH
    "Extra library folder for macdeployqt (-libpath); empty: Homebrew's lib folder if Qt is Homebrew's")
set(_onedial_libpath "${ONEDIAL_MACDEPLOYQT_LIBPATH}")
if(NOT _onedial_libpath AND Qt6_DIR MATCHES "^(/opt/homebrew|/usr/local)/")
    set(_onedial_libpath "${CMAKE_MATCH_1}/lib")
endif()
if(_onedial_libpath AND Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
    list(APPEND _onedial_deploy_extra DEPLOY_TOOL_OPTIONS "-libpath=${_onedial_libpath}")
endif()
onedial_deploy_qt(_onedial_deploy_script ${_onedial_deploy_extra})
install(SCRIPT "${_onedial_deploy_script}")

# Signing. macdeployqt rewrites install names, which invalidates the linker's signatures, and
# Apple silicon refuses to run unsigned code: sign the whole bundle again after deployment.
# The default "-" is an ad-hoc signature (runs on the Mac that downloads it after the Gatekeeper
# confirmation described in the README). With a "Developer ID Application: ..." identity the
# bundle is signed for distribution with the hardened runtime and a timestamp; notarizing the
# .dmg afterwards (xcrun notarytool submit --wait, xcrun stapler staple) is a separate step.
set(ONEDIAL_CODESIGN_IDENTITY "-" CACHE STRING
    "codesign identity for OneDial.app: '-' for ad-hoc, or a Developer ID Application identity")
if(ONEDIAL_CODESIGN_IDENTITY STREQUAL "-")
    set(_onedial_codesign_flags "")
else()
    set(_onedial_codesign_flags "--options runtime --timestamp")
endif()
# --deep signs the nested frameworks and plug-ins too; good enough for a bundle without helpers.
install(CODE "
    set(_onedial_app \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${ONEDIAL_NAME}.app\")
    separate_arguments(_onedial_flags UNIX_COMMAND \"${_onedial_codesign_flags}\")
    execute_process(COMMAND codesign --force --deep \${_onedial_flags}
            --sign \"${ONEDIAL_CODESIGN_IDENTITY}\" \"\${_onedial_app}\"
        RESULT_VARIABLE _onedial_rc)
    if(NOT _onedial_rc EQUAL 0)
        message(FATAL_ERROR \"codesign failed for \${_onedial_app}: \${_onedial_rc}\")
    endif()
")

# --- The .dmg: CPack DragNDrop generator --------------------------------------------------------

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "${ONEDIAL_NAME} ${ONEDIAL_VERSION}")
# Compressed read-only image (also CPack's default), HFS+ (the default) so older systems mount it.
set(CPACK_DMG_FORMAT "UDZO")
# Kept at its default (OFF): the /Applications link is what users drag OneDial.app onto.
set(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK OFF)
# No click-through licence on mounting (and no deprecated hdiutil udifrez).
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
# OneDial-<version>-macos-<arch>.dmg rather than ...-Darwin.dmg: Homebrew's bottles, and so the
# bundle, are for one architecture only.
if(CMAKE_OSX_ARCHITECTURES)
    string(REPLACE ";" "-" _onedial_arch "${CMAKE_OSX_ARCHITECTURES}")
else()
    set(_onedial_arch "${CMAKE_HOST_SYSTEM_PROCESSOR}")
endif()
set(CPACK_SYSTEM_NAME "macos-${_onedial_arch}")
