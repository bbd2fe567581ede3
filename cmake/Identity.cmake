# The app's identity, set once: every target, template and the code take it from here.
set(ONEDIAL_NAME "OneDial")
set(ONEDIAL_EXECUTABLE "onedial")
set(ONEDIAL_APP_ID "org.onedial.OneDial")
set(ONEDIAL_ORG_DOMAIN "onedial.org")
set(ONEDIAL_VERSION "0.1.0")
set(ONEDIAL_URL_SCHEMES "tel;callto")
# Windows Installer upgrade code: fixed for the life of the product so new versions replace old ones.
set(ONEDIAL_WINDOWS_UPGRADE_GUID "6C1B7E52-3F0A-4E0B-9D2E-5A4C8B1F0D17")
