# The app's identity, set once: every target, template and the code take it from here.
set(ONEDIAL_NAME "OneDial")
set(ONEDIAL_EXECUTABLE "onedial")
set(ONEDIAL_APP_ID "org.onedial.OneDial")
set(ONEDIAL_ORG_DOMAIN "onedial.org")
set(ONEDIAL_VERSION "0.1.0")
set(ONEDIAL_URL_SCHEMES "tel;callto")
# Windows Installer upgrade code: fixed for the life of the product so new versions replace old ones.
set(ONEDIAL_WINDOWS_UPGRADE_GUID "6C1B7E52-3F0A-4E0B-9D2E-5A4C8B1F0D17")
set(ONEDIAL_SUMMARY "Click-to-dial for the OneNET voice service")
set(ONEDIAL_HOMEPAGE "https://onedial.org")
set(ONEDIAL_MAINTAINER "OneDial developers <dev@onedial.org>")
# No licence has been chosen for OneDial yet: the packages say so (SPDX LicenseRef) rather than
# name one. Changing this one line changes every package's licence field.
set(ONEDIAL_LICENSE_SPDX "LicenseRef-proprietary")
set(ONEDIAL_RELEASE_DATE "2026-11-30")
set(ONEDIAL_COPYRIGHT "Copyright (C) 2026 OneDial developers")
