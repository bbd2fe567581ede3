// The app's identity at run time (names used by QStandardPaths, QSettings and the keychain).
#pragma once

#include <QString>

namespace onedial {

// Call right after constructing the Q(Core)Application, before anything reads paths or settings.
void setUpApplicationIdentity();

// The folders of this user's OneDial files: settings (Qt's AppConfigLocation) and contacts and
// history (AppDataLocation). On Windows, %LOCALAPPDATA% and %APPDATA% decide where they are when
// set, as they do for most Windows programs (Qt asks the shell, which ignores both): an
// administrator can move the files with them, and a test gives each OneDial it starts a profile
// of its own, as XDG_CONFIG_HOME and XDG_DATA_HOME do on Linux. QStandardPaths' test mode wins.
QString settingsFolder();
QString dataFolder();

} // namespace onedial
