// Starts OneDial hidden (--hidden, to the tray) when the user logs in. Off unless the user turns
// it on; the state lives in the OS, not in OneDial's settings, so what the user sees in the OS's
// own start-up list and in OneDial always agree. One implementation per OS, chosen in CMake:
// - Linux: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/<app id>.desktop.
// - Windows: the per-user Run key, HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
// - macOS: a LaunchAgent, ~/Library/LaunchAgents/<app id>.plist (RunAtLoad). A login item through
//   SMAppService needs macOS 13 and a signed bundle; the LaunchAgent works everywhere.
#pragma once

#include "DesktopIntegrationResult.h"

#include <QString>

namespace onedial {

class Autostart final
{
public:
    static bool isEnabled();
    static IntegrationResult setEnabled(bool enabled);
    // The argument that makes a start at login go straight to the tray.
    static QString hiddenOption() { return QStringLiteral("--hidden"); }
};

} // namespace onedial
