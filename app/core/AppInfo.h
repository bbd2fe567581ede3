// The app's identity at run time (names used by QStandardPaths, QSettings and the keychain).
#pragma once

namespace onedial {

// Call right after constructing the Q(Core)Application, before anything reads paths or settings.
void setUpApplicationIdentity();

} // namespace onedial
