#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

namespace onedial {

namespace {

const QString kRunKey =
    QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

QString command()
{
    return QLatin1Char('"') + QDir::toNativeSeparators(QCoreApplication::applicationFilePath()) +
           QStringLiteral("\" ") + Autostart::hiddenOption();
}

} // namespace

bool Autostart::isEnabled()
{
    // The user can also switch it off in Task Manager > Startup, which Windows records elsewhere
    // (StartupApproved); the Run value alone is what OneDial controls.
    return QSettings(kRunKey, QSettings::NativeFormat).contains(QStringLiteral(ONEDIAL_NAME));
}

IntegrationResult Autostart::setEnabled(bool enabled)
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(QStringLiteral(ONEDIAL_NAME), command());
    else
        run.remove(QStringLiteral(ONEDIAL_NAME));
    run.sync();
    if (run.status() != QSettings::NoError) {
        return {false, QCoreApplication::translate(
                           "Autostart", "Windows did not let OneDial change its start-up setting.")};
    }
    return {true, {}};
}

} // namespace onedial
