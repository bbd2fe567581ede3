#include "ProcessHandOff.h"

#include <QDir>

#include <windows.h>

namespace onedial::platform {

QString handOffDirectory()
{
    // %TEMP% is per user. The lock file lives there; the local server is a named pipe, whose
    // machine-wide name is made from this path and the user (see SingleInstance).
    return QDir::tempPath();
}

void allowForegroundHandOff()
{
    // This second start was just launched by the user, so it may take the foreground; it passes
    // that right on, because SetForegroundWindow in the running instance fails otherwise and the
    // window only flashes in the taskbar.
    AllowSetForegroundWindow(ASFW_ANY);
}

} // namespace onedial::platform
