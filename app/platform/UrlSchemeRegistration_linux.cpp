#include "DesktopEntry.h"
#include "UrlSchemeRegistration.h"
#include "core/Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace onedial {

namespace {

constexpr int kToolTimeoutMs = 10000;

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/applications/" ONEDIAL_APP_ID ".desktop");
}

QString execForThisExecutable()
{
    return desktopentry::execValue({desktopentry::executablePath()}, QStringLiteral("%u"));
}

// Runs a desktop tool when it is installed; false when it is missing or fails.
bool runTool(const QString &name, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(name);
    if (program.isEmpty())
        return false;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(kToolTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        qCWarning(lcPlatform, "%s did not finish", qUtf8Printable(name));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qCWarning(lcPlatform, "%s failed: %s", qUtf8Printable(name),
                  process.readAllStandardError().trimmed().constData());
        return false;
    }
    return true;
}

} // namespace

IntegrationResult UrlSchemeRegistration::registerHandler()
{
    const QString exec = execForThisExecutable();
    const QByteArray packaged = desktopentry::packagedEntry();
    if (exec.isEmpty() || packaged.isEmpty()) {
        return {false,
                QCoreApplication::translate("UrlSchemeRegistration",
                                            "OneDial cannot describe its own location to the desktop.")};
    }
    if (!desktopentry::writeFile(entryPath(), desktopentry::rewrite(packaged, exec))) {
        return {false,
                QCoreApplication::translate("UrlSchemeRegistration", "Could not write %1.").arg(entryPath())};
    }
    // The cache lets desktops find the handler without reading every entry; optional.
    runTool(QStringLiteral("update-desktop-database"),
            {QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
             QStringLiteral("/applications")});

    bool allDefault = true;
    for (const QString &scheme : schemes()) {
        allDefault = runTool(QStringLiteral("xdg-mime"),
                             {QStringLiteral("default"), QStringLiteral(ONEDIAL_APP_ID ".desktop"),
                              QStringLiteral("x-scheme-handler/") + scheme}) &&
                     allDefault;
    }
    if (!allDefault) {
        return {true,
                QCoreApplication::translate("UrlSchemeRegistration",
                                            "OneDial is now offered for tel: and callto: links. To make it "
                                            "the default, choose it in your desktop's Default Applications "
                                            "settings (xdg-mime, from xdg-utils, could not do it).")};
    }
    return {true, QCoreApplication::translate("UrlSchemeRegistration",
                                              "OneDial now opens tel: and callto: links.")};
}

IntegrationResult UrlSchemeRegistration::unregisterHandler()
{
    if (QFile::exists(entryPath()) && !QFile::remove(entryPath())) {
        return {
            false,
            QCoreApplication::translate("UrlSchemeRegistration", "Could not remove %1.").arg(entryPath())};
    }
    runTool(QStringLiteral("update-desktop-database"),
            {QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
             QStringLiteral("/applications")});
    // A default in mimeapps.list that names a missing entry is skipped by the desktop.
    return {true, QCoreApplication::translate("UrlSchemeRegistration",
                                              "OneDial no longer opens tel: and callto: links.")};
}

bool UrlSchemeRegistration::isRegistered()
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray expected = (QStringLiteral("Exec=") + execForThisExecutable()).toUtf8();
    return file.readAll().split('\n').contains(expected);
}

} // namespace onedial
