#include "Autostart.h"
#include "DesktopEntry.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

namespace onedial {

namespace {

QString entryPath()
{
    // $XDG_CONFIG_HOME/autostart (XDG Autostart Specification).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/" ONEDIAL_APP_ID ".desktop");
}

} // namespace

bool Autostart::isEnabled()
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // The desktop's own start-up settings may have switched the entry off instead of deleting it.
    const QList<QByteArray> lines = file.readAll().split('\n');
    return !lines.contains("Hidden=true") && !lines.contains("X-GNOME-Autostart-enabled=false");
}

IntegrationResult Autostart::setEnabled(bool enabled)
{
    if (!enabled) {
        if (QFile::exists(entryPath()) && !QFile::remove(entryPath()))
            return {false, QCoreApplication::translate("Autostart", "Could not remove %1.").arg(entryPath())};
        return {true, {}};
    }
    const QString exec = desktopentry::execValue({desktopentry::executablePath(), hiddenOption()});
    const QByteArray packaged = desktopentry::packagedEntry();
    if (exec.isEmpty() || packaged.isEmpty()) {
        return {false, QCoreApplication::translate(
                           "Autostart", "OneDial cannot describe its own location to the desktop.")};
    }
    // Only the start-up entry: it does not claim links (the handler entry does) and has no menu item.
    const QByteArray entry = desktopentry::rewrite(
        packaged, exec, {QStringLiteral("MimeType")},
        {QStringLiteral("NoDisplay=true"), QStringLiteral("X-GNOME-Autostart-enabled=true")});
    if (!desktopentry::writeFile(entryPath(), entry))
        return {false, QCoreApplication::translate("Autostart", "Could not write %1.").arg(entryPath())};
    return {true, {}};
}

} // namespace onedial
