#include "ProcessHandOff.h"

#include <QStandardPaths>

namespace onedial::platform {

QString handOffDirectory()
{
    // $XDG_RUNTIME_DIR: private to the user (Qt checks owner and mode 0700) and emptied at logout,
    // so no other user can squat the socket's name and nothing outlives the session.
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
}

void allowForegroundHandOff()
{
    // X11 and Wayland compositors decide focus themselves; the running window asks through
    // activateWindow().
}

} // namespace onedial::platform
