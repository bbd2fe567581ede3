# Windows: the install layout, the deployment of Qt and of the other DLLs, the icon and version
# resource of onedial.exe, and the MSI (CPack WiX Toolset v3) with a Start-menu shortcut and the
# per-machine registration for tel: and callto: links (packaging/windows/wix-patch.xml.in).
# Included by the top-level CMakeLists.txt on WIN32 only, after the onedial target is defined and
# before cmake/Installers.cmake (which sets the common CPACK_* values and includes CPack).
# Nothing here has been built or run on the project's own (Linux) machines; see the README.
#
# Installed layout (what windeployqt and the qt.conf it is given expect):
#   bin/onedial.exe, bin/Qt6*.dll, bin/qt.conf, bin/<other DLLs>, bin/<VC++ runtime DLLs>
#   plugins/<type>/*.dll, translations/qt_*.qm

include(GNUInstallDirs)
include(${CMAKE_CURRENT_LIST_DIR}/Deploy.cmake)

# --- The executable's resources: icon and VERSIONINFO ----------------------------------------

# MSVC projects normally have RC enabled already; say so, since the project lists only CXX.
enable_language(RC)

string(REGEX MATCH "^([0-9]+)\\.([0-9]+)\\.([0-9]+)" _onedial_version_ok "${ONEDIAL_VERSION}")
if(NOT _onedial_version_ok)
    message(FATAL_ERROR "ONEDIAL_VERSION '${ONEDIAL_VERSION}' is not MAJOR.MINOR.PATCH: "
        "the Windows version resource and the MSI need three numbers.")
endif()
set(ONEDIAL_RC_VERSION_COMMAS "${CMAKE_MATCH_1},${CMAKE_MATCH_2},${CMAKE_MATCH_3},0")
# rc.exe accepts forward slashes; a backslash would have to be doubled in the .rc string.
file(TO_CMAKE_PATH "${ONEDIAL_ICON_ICO}" ONEDIAL_RC_ICON)

set(_onedial_rc "${PROJECT_BINARY_DIR}/packaging/windows/onedial.rc")
configure_file("${PROJECT_SOURCE_DIR}/packaging/windows/onedial.rc.in" "${_onedial_rc}" @ONLY)
target_sources(onedial PRIVATE "${_onedial_rc}")
# The .ico is made at build time (cmake/Icons.cmake, target onedial_icons, which onedial depends
# on); a new icon must recompile the resource.
set_source_files_properties("${_onedial_rc}" PROPERTIES OBJECT_DEPENDS "${ONEDIAL_ICON_ICO}")

# --- Install rules ------------------------------------------------------------------------------

# The program, and the set of DLLs it loads that are neither Qt's (windeployqt below) nor
# Windows' own: QtKeychain, libphonenumber's protobuf, abseil and re2, and ICU (with its data
# DLL). file(GET_RUNTIME_DEPENDENCIES) finds them next to the build's onedial.exe (vcpkg copies
# its DLLs there) or in the folders listed below.
install(TARGETS onedial
    RUNTIME_DEPENDENCY_SET onedial_runtime_dlls
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(_onedial_dll_dirs "")
if(TARGET qt6keychain)
    list(APPEND _onedial_dll_dirs "$<TARGET_FILE_DIR:qt6keychain>")
endif()
if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
    list(APPEND _onedial_dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
endif()
if(ICU_INCLUDE_DIR)
    get_filename_component(_onedial_icu_root "${ICU_INCLUDE_DIR}" DIRECTORY)
    list(APPEND _onedial_dll_dirs "${_onedial_icu_root}/bin64" "${_onedial_icu_root}/bin")
endif()
foreach(_onedial_prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND _onedial_dll_dirs "${_onedial_prefix}/bin")
endforeach()

install(RUNTIME_DEPENDENCY_SET onedial_runtime_dlls
    # Windows lowercases DLL names before these are matched (file(GET_RUNTIME_DEPENDENCIES)).
    # qt6keychain.dll is not Qt's own: keep it although it starts like Qt's DLLs.
    PRE_INCLUDE_REGEXES "^qt6keychain[a-z0-9_]*\\.dll$"
    PRE_EXCLUDE_REGEXES
        # API sets: names Windows resolves itself, not files to ship.
        "^api-ms-" "^ext-ms-"
        # Qt's DLLs come with their plug-ins from windeployqt.
        "^qt6"
        # The Visual C++ runtime comes from InstallRequiredSystemLibraries below.
        "^(msvcp|vcruntime|concrt|vccorlib|vcomp)[0-9_a-z]*\\.dll$"
    POST_EXCLUDE_REGEXES
        # Anything resolved in the Windows folder (system32, SysWOW64, ...) is part of Windows.
        "^[A-Za-z]:[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]"
    DIRECTORIES ${_onedial_dll_dirs}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The Visual C++ runtime DLLs next to onedial.exe ("app-local", which Microsoft supports): an MSI
# cannot run vc_redist.x64.exe, and a silent roll-out must not depend on it being there already.
# The Universal CRT is part of Windows 10 and later.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
set(CMAKE_INSTALL_UCRT_LIBRARIES OFF)
include(InstallRequiredSystemLibraries)

# windeployqt, through Qt's deploy script: the Qt DLLs into bin, the plug-ins Qt loads at run time
# (platform, styles, SVG icon engine and image format, SQLite driver, TLS back-ends, network
# information) into plugins/, Qt's own translations merged per language into translations/qt_*.qm,
# and bin/qt.conf pointing Qt at them. NO_COMPILER_RUNTIME (Qt 6.5 and later): without it
# windeployqt adds vc_redist.x64.exe, an installer for the runtime already shipped app-local.
onedial_deploy_qt(_onedial_deploy_script NO_COMPILER_RUNTIME)
install(SCRIPT "${_onedial_deploy_script}")
# Qt 6.4: drop the redistributable installer windeployqt may have copied (see above).
install(CODE [[
    file(GLOB _onedial_vc_redist
        "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/vc_redist*.exe"
        "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin/vc_redist*.exe")
    if(_onedial_vc_redist)
        file(REMOVE ${_onedial_vc_redist})
    endif()
]])

# Start menu: one "OneDial" entry, directly in the Start menu (CPACK_WIX_PROGRAM_MENU_FOLDER ".").
set(_onedial_installed_exe "${CMAKE_INSTALL_BINDIR}/${ONEDIAL_EXECUTABLE}.exe")
set_property(INSTALL "${_onedial_installed_exe}" PROPERTY CPACK_START_MENU_SHORTCUTS "${ONEDIAL_NAME}")

# --- The MSI: CPack WiX generator ---------------------------------------------------------------

set(CPACK_GENERATOR "WIX")
# The patch file is written in WiX v3 syntax (candle/light), CPack's default toolset.
set(CPACK_WIX_VERSION 3)
# Fixed for the life of the product: a newer MSI replaces the installed one (MajorUpgrade).
set(CPACK_WIX_UPGRADE_GUID "${ONEDIAL_WINDOWS_UPGRADE_GUID}")
# For all users, into Program Files, shortcut and Add/Remove entry for all users; this is what
# companies roll out with msiexec /qn. CMake before 3.29 has no such setting and makes a mixed
# installer (files per machine, shortcut per user).
set(CPACK_WIX_INSTALL_SCOPE "perMachine")
if(CMAKE_VERSION VERSION_LESS 3.29)
    message(WARNING "CMake ${CMAKE_VERSION} cannot make a per-machine MSI "
        "(CPACK_WIX_INSTALL_SCOPE needs CMake 3.29): build the OneDial MSI with CMake 3.29 or later.")
endif()
set(CPACK_WIX_PRODUCT_ICON "${ONEDIAL_ICON_ICO}")
set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
set(CPACK_WIX_ROOT_FEATURE_TITLE "${ONEDIAL_NAME}")
# Add/Remove Programs ("Installed apps"): the publisher is CPACK_PACKAGE_VENDOR (Manufacturer).
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${ONEDIAL_HOMEPAGE}")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${ONEDIAL_HOMEPAGE}")
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${ONEDIAL_SUMMARY}")

# The licence page of the installer's dialogs. CPack's WiX generator takes .txt or .rtf only, and
# without a licence file it shows CMake's placeholder text. OneDial has no LICENSE file yet: show
# the project's own statement of terms (packaging/linux/copyright), or LICENSE once one exists.
set(_onedial_terms "")
foreach(_onedial_candidate LICENSE LICENSE.txt LICENSE.md COPYING packaging/linux/copyright)
    if(NOT _onedial_terms AND EXISTS "${PROJECT_SOURCE_DIR}/${_onedial_candidate}")
        set(_onedial_terms "${PROJECT_SOURCE_DIR}/${_onedial_candidate}")
    endif()
endforeach()
if(_onedial_terms)
    file(READ "${_onedial_terms}" _onedial_text)
    # Plain ASCII only: RTF would need \uN escapes for anything else (let CPack convert it then).
    string(REGEX MATCH "[^\t\r\n -~]" _onedial_non_ascii "${_onedial_text}")
    if(NOT _onedial_non_ascii)
        string(REPLACE "\\" "\\\\" _onedial_text "${_onedial_text}")
        string(REPLACE "{" "\\{" _onedial_text "${_onedial_text}")
        string(REPLACE "}" "\\}" _onedial_text "${_onedial_text}")
        string(REPLACE "\r" "" _onedial_text "${_onedial_text}")
        string(REPLACE "\n" "\\par\n" _onedial_text "${_onedial_text}")
        set(_onedial_rtf "${PROJECT_BINARY_DIR}/packaging/windows/License.rtf")
        file(WRITE "${_onedial_rtf}"
            "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Segoe UI;}}\\f0\\fs18\n"
            "${_onedial_text}}\n")
        set(CPACK_WIX_LICENSE_RTF "${_onedial_rtf}")
    endif()
endif()

# The per-machine link registration, written from the identity (see the patch file's comment).
string(REPLACE "/" "\\" _onedial_bindir_win "${CMAKE_INSTALL_BINDIR}")
set(_onedial_exe_formatted "[INSTALL_ROOT]${_onedial_bindir_win}\\${ONEDIAL_EXECUTABLE}.exe")
set(_onedial_open_command "&quot;${_onedial_exe_formatted}&quot; &quot;%1&quot;")
set(_onedial_default_icon "&quot;${_onedial_exe_formatted}&quot;,0")
string(REPLACE ";" ", " ONEDIAL_URL_SCHEMES_TEXT "${ONEDIAL_URL_SCHEMES}")
# Component GUIDs: stable names derived from the upgrade code, one per component.
string(UUID ONEDIAL_WIX_CAPABILITIES_GUID NAMESPACE "${ONEDIAL_WINDOWS_UPGRADE_GUID}"
    NAME "link-capabilities" TYPE SHA1 UPPER)

set(ONEDIAL_WIX_SEARCHES "")
set(ONEDIAL_WIX_URL_ASSOCIATIONS "")
set(ONEDIAL_WIX_PROGIDS "")
set(ONEDIAL_WIX_SCHEME_COMPONENTS "")
set(ONEDIAL_WIX_SCHEME_REFS "")
foreach(_scheme IN LISTS ONEDIAL_URL_SCHEMES)
    string(TOUPPER "${_scheme}" _scheme_upper)
    set(_progid "${ONEDIAL_NAME}.Url.${_scheme}")
    set(_property "ONEDIAL_HANDLER_${_scheme_upper}")
    string(UUID _guid NAMESPACE "${ONEDIAL_WINDOWS_UPGRADE_GUID}" NAME "scheme-key/${_scheme}"
        TYPE SHA1 UPPER)
    string(APPEND ONEDIAL_WIX_SEARCHES
        "    <Property Id=\"${_property}\" Secure=\"yes\">\n"
        "      <RegistrySearch Id=\"OneDialSearch_${_scheme}\" Root=\"HKLM\"\n"
        "                      Key=\"Software\\Classes\\${_scheme}\\shell\\open\\command\" Type=\"raw\"/>\n"
        "    </Property>\n")
    string(APPEND ONEDIAL_WIX_URL_ASSOCIATIONS
        "          <RegistryValue Key=\"URLAssociations\" Name=\"${_scheme}\" Type=\"string\" Value=\"${_progid}\"/>\n")
    string(APPEND ONEDIAL_WIX_PROGIDS
        "        <RegistryKey Root=\"HKLM\" Key=\"Software\\Classes\\${_progid}\" ForceDeleteOnUninstall=\"yes\">\n"
        "          <RegistryValue Type=\"string\" Value=\"${ONEDIAL_NAME} ${_scheme}: link\"/>\n"
        "          <RegistryValue Name=\"URL Protocol\" Type=\"string\" Value=\"\"/>\n"
        "          <RegistryValue Key=\"DefaultIcon\" Type=\"string\" Value=\"${_onedial_default_icon}\"/>\n"
        "          <RegistryValue Key=\"shell\\open\\command\" Type=\"string\" Value=\"${_onedial_open_command}\"/>\n"
        "        </RegistryKey>\n")
    # The scheme's own key (HKLM\Software\Classes\<scheme>) makes links work where Default Apps is
    # not consulted. Written only when no other program's command is there, or when it is ours
    # (an upgrade reads the key before the old version is removed).
    string(APPEND ONEDIAL_WIX_SCHEME_COMPONENTS
        "      <Component Id=\"OneDialSchemeKey_${_scheme}\" Guid=\"${_guid}\">\n"
        "        <Condition>NOT ${_property} OR ${_property} ~&gt;&lt; \"\\${ONEDIAL_EXECUTABLE}.exe\"</Condition>\n"
        "        <RegistryKey Root=\"HKLM\" Key=\"Software\\Classes\\${_scheme}\">\n"
        "          <RegistryValue Type=\"string\" Value=\"URL:${_scheme}\" KeyPath=\"yes\"/>\n"
        "          <RegistryValue Name=\"URL Protocol\" Type=\"string\" Value=\"\"/>\n"
        "          <RegistryValue Key=\"DefaultIcon\" Type=\"string\" Value=\"${_onedial_default_icon}\"/>\n"
        "          <RegistryValue Key=\"shell\\open\\command\" Type=\"string\" Value=\"${_onedial_open_command}\"/>\n"
        "        </RegistryKey>\n"
        "      </Component>\n")
    string(APPEND ONEDIAL_WIX_SCHEME_REFS "    <ComponentRef Id=\"OneDialSchemeKey_${_scheme}\"/>\n")
endforeach()

set(_onedial_wix_patch "${PROJECT_BINARY_DIR}/packaging/windows/wix-patch.xml")
configure_file("${PROJECT_SOURCE_DIR}/packaging/windows/wix-patch.xml.in" "${_onedial_wix_patch}" @ONLY)
set(CPACK_WIX_PATCH_FILE "${_onedial_wix_patch}")
