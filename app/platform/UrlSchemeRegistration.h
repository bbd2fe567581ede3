// Makes OneDial the per-user handler of tel: and callto: links (the schemes in cmake/Identity.cmake).
// An installer registers it system-wide; this is for a portable or self-built copy, through a
// button in the app. One implementation per OS, chosen in CMake:
// - Linux: a .desktop file in $XDG_DATA_HOME/applications (Exec= this executable) and, when
//   xdg-mime is installed, x-scheme-handler/tel and /callto defaults pointing at it.
// - Windows: HKCU\Software\Classes\tel and \callto URL protocol keys, a ProgID, and
//   Capabilities\URLAssociations + RegisteredApplications so OneDial is listed in Default Apps.
// - macOS: nothing to do; the bundle's Info.plist declares the schemes (CFBundleURLTypes) and
//   Launch Services registers them when the app is first seen.
#pragma once

#include "DesktopIntegrationResult.h"

#include <QStringList>

namespace onedial {

class UrlSchemeRegistration final
{
public:
    static QStringList schemes();
    // Registers the running executable (on Linux, the AppImage when run from one).
    static IntegrationResult registerHandler();
    static IntegrationResult unregisterHandler();
    // Whether this executable's registration is in place (not whether the desktop picked it).
    static bool isRegistered();
};

} // namespace onedial
