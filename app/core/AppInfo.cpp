#include "AppInfo.h"

#include <QCoreApplication>

namespace onedial {

void setUpApplicationIdentity()
{
    // No organization name: the per-user folders are then simply .../onedial on every platform
    // (~/.config/onedial, ~/.local/share/onedial on Linux; AppData\Local\onedial for settings and
    // AppData\Roaming\onedial for contacts and history on Windows).
    QCoreApplication::setApplicationName(QStringLiteral(ONEDIAL_EXECUTABLE));
    QCoreApplication::setOrganizationDomain(QStringLiteral(ONEDIAL_ORG_DOMAIN));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONEDIAL_VERSION));
}

} // namespace onedial
