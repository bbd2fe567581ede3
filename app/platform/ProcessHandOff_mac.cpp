#include "ProcessHandOff.h"

#include <QDir>

namespace onedial::platform {

QString handOffDirectory()
{
    // $TMPDIR on macOS is a per-user folder under /var/folders, and short enough for a Unix
    // socket path (104 bytes at most).
    return QDir::tempPath();
}

void allowForegroundHandOff()
{
    // The running app activates itself (QWidget::activateWindow); macOS needs no permission for it.
}

} // namespace onedial::platform
