#include "AppInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

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

namespace {

QString userFolder(QStandardPaths::StandardLocation location, [[maybe_unused]] const char *variable)
{
#ifdef Q_OS_WIN
    if (!QStandardPaths::isTestModeEnabled()) {
        const QString base = QDir::fromNativeSeparators(qEnvironmentVariable(variable));
        if (!base.isEmpty() && QDir::isAbsolutePath(base))
            return QDir::cleanPath(base + u'/' + QCoreApplication::applicationName());
    }
#endif
    return QStandardPaths::writableLocation(location);
}

} // namespace

QString settingsFolder()
{
    return userFolder(QStandardPaths::AppConfigLocation, "LOCALAPPDATA");
}

QString dataFolder()
{
    return userFolder(QStandardPaths::AppDataLocation, "APPDATA");
}

} // namespace onedial
