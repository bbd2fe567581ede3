# CPack: the installers Linux and macOS users expect, all named and versioned from
# cmake/Identity.cmake. Linux: .deb and .rpm (below). macOS (.dmg) adds its generator settings in
# cmake/PlatformMacOS.cmake. Windows' MSI is not made by CPack: see cmake/PlatformWindows.cmake.
# `cpack` in a build folder writes them there.

set(CPACK_PACKAGE_NAME "${ONEDIAL_NAME}")
set(CPACK_PACKAGE_VENDOR "OneDial")
set(CPACK_PACKAGE_VERSION "${ONEDIAL_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${ONEDIAL_SUMMARY}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${ONEDIAL_HOMEPAGE}")
set(CPACK_PACKAGE_CONTACT "${ONEDIAL_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${ONEDIAL_NAME}")
set(CPACK_PACKAGE_DESCRIPTION
    "OneDial places calls through the click-to-dial service of OneNET, China Mobile's cloud "
    "telephony: pick a contact, press Enter, and OneNET rings your own phone, then connects the "
    "contact. Contacts with pinyin search, call history, a tray quick dial, tel: and callto: "
    "links, the access key kept in the system keychain, Simplified Chinese and English.")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB")
    find_program(ONEDIAL_RPMBUILD rpmbuild)
    if(ONEDIAL_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
    endif()
    # Only what install() lists: packages must not ship the tests or the benchmark.
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

    # Debian and Ubuntu. The shared libraries' packages come from dpkg-shlibdeps; the plug-ins Qt
    # loads at run time (SQLite driver, SVG icons) are not linked, so they are named here.
    set(CPACK_DEBIAN_PACKAGE_NAME "${ONEDIAL_EXECUTABLE}")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    set(CPACK_DEBIAN_PACKAGE_SECTION "comm")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
    # A Secret Service for the access key, Qt's own translations, and a font with Chinese glyphs.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "gnome-keyring | kwalletmanager | keepassxc, qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-microhei")

    # Fedora, openSUSE and the like. Library requirements come from rpm's automatic scan.
    set(CPACK_RPM_PACKAGE_NAME "${ONEDIAL_EXECUTABLE}")
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "${ONEDIAL_LICENSE_SPDX}")
    set(CPACK_RPM_PACKAGE_URL "${ONEDIAL_HOMEPAGE}")
    set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg")
    set(CPACK_RPM_PACKAGE_RECOMMENDS "gnome-keyring")
    # Folders the system's own packages own; listing them would make the package conflict.
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
        /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps)
    foreach(size IN LISTS ONEDIAL_ICON_PNG_SIZES)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
            /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()

include(CPack)
