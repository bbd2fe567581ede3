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
    # One package per install component: "desktop" is the app (onedial, cmake/Install.cmake),
    # "gateway" the team server (onedial-gateway, cmake/GatewayInstall.cmake). The desktop
    # package keeps the name, file name and fields it had before the gateway existed.
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_RPM_COMPONENT_INSTALL ON)
    set(CPACK_COMPONENTS_ALL desktop)
    if(TARGET onedial-gateway)
        list(APPEND CPACK_COMPONENTS_ALL gateway)
    endif()
    set(CPACK_RPM_MAIN_COMPONENT desktop)

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
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME "${ONEDIAL_EXECUTABLE}")
    set(CPACK_DEBIAN_DESKTOP_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")

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
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/lib/systemd /usr/lib/systemd/system /usr/lib/sysusers.d)
    # The browsers' own folders, above the native-messaging manifests.
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /etc/opt /etc/opt/chrome /etc/opt/edge /etc/chromium /usr/lib/mozilla)

    # onedial-gateway: the team server, headless. Its libraries come from dpkg-shlibdeps and rpm's
    # scan as for the app; Qt's SQLite driver is a plug-in, named by hand. The maintainer scripts
    # create the service user and reload systemd; they never enable or start the service, which
    # needs `onedial-gateway init` and `account set` first.
    set(_gateway_scripts "${PROJECT_SOURCE_DIR}/packaging/linux/gateway")
    set(_gateway_description
        "The OneDial team gateway keeps a company's OneNET access key on one server and places "
        "click-to-dial calls for the team's members, each with a token of their own, a caller "
        "number and a daily limit, and an audit log of every call. A systemd service (not "
        "started until configured) running as its own system user; SQLite for a small team, or "
        "several instances sharing one PostgreSQL database.")
    string(JOIN "" _gateway_description ${_gateway_description})
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_NAME "onedial-gateway")
    set(CPACK_DEBIAN_GATEWAY_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_GATEWAY_DESCRIPTION "${_gateway_description}")
    # systemd-sysusers creates the user in postinst (systemd provides it; so does
    # systemd-standalone-sysusers on a system without systemd); the unit's ExecReload runs
    # /bin/kill, from procps.
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_DEPENDS "libqt6sql6-sqlite, systemd | systemd-sysusers, procps")
    # OneNET's API is HTTPS: its certificate is checked against the system's certificates. Qt's
    # PostgreSQL driver serves a gateway set up with --database postgresql://… (without it, that
    # gateway says which package to install).
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_RECOMMENDS "ca-certificates, systemd, libqt6sql6-psql")
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_CONTROL_EXTRA
        "${_gateway_scripts}/debian/postinst" "${_gateway_scripts}/debian/prerm"
        "${_gateway_scripts}/debian/postrm")
    set(CPACK_DEBIAN_GATEWAY_PACKAGE_CONTROL_STRICT_PERMISSION ON)

    set(CPACK_RPM_GATEWAY_PACKAGE_NAME "onedial-gateway")
    set(CPACK_RPM_GATEWAY_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_GATEWAY_PACKAGE_SUMMARY "OneDial team gateway for the OneNET voice service")
    set(CPACK_RPM_GATEWAY_PACKAGE_DESCRIPTION "${_gateway_description}")
    # Fedora's qt6-qtbase holds the SQLite driver; the scriptlets need systemd.
    set(CPACK_RPM_GATEWAY_PACKAGE_REQUIRES "qt6-qtbase, ca-certificates")
    set(CPACK_RPM_GATEWAY_PACKAGE_REQUIRES_POST "systemd")
    set(CPACK_RPM_GATEWAY_PACKAGE_REQUIRES_PREUN "systemd")
    set(CPACK_RPM_GATEWAY_PACKAGE_REQUIRES_POSTUN "systemd")
    set(CPACK_RPM_GATEWAY_PACKAGE_RECOMMENDS "qt6-qtbase-postgresql")
    set(CPACK_RPM_GATEWAY_POST_INSTALL_SCRIPT_FILE "${_gateway_scripts}/rpm/post.sh")
    set(CPACK_RPM_GATEWAY_PRE_UNINSTALL_SCRIPT_FILE "${_gateway_scripts}/rpm/preun.sh")
    set(CPACK_RPM_GATEWAY_POST_UNINSTALL_SCRIPT_FILE "${_gateway_scripts}/rpm/postun.sh")
endif()

include(CPack)
