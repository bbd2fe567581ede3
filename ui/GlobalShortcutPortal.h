// The global shortcut on Wayland, where no program may grab keys itself: the desktop portal's
// GlobalShortcuts interface (xdg-desktop-portal over the session bus; KDE Plasma, GNOME 48 and
// later). OneDial opens a session, asks for its one shortcut with the user's keys as the preferred
// trigger (the desktop may ask the user to confirm or choose), and hears Activated.
#pragma once

#include "GlobalShortcutBackend.h"

namespace onedial {

// Null when the session bus has no desktop portal.
std::unique_ptr<GlobalShortcutBackend>
createPortalBackend(std::function<void()> activated,
                    std::function<void(GlobalShortcutBackend::Grab)> settled);

// The portal's name for keys ("CTRL+ALT+d"; the XDG shortcuts specification), or empty for a key
// it has no name for.
QString portalTrigger(QKeyCombination keys);

} // namespace onedial
