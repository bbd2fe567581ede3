#include "BrowserCommand.h"

#include "Output.h"
#include "browser/NativeMessaging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>

namespace onedial {

namespace {

using NativeMessaging::Browser;

bool writeManifest(Browser browser, const QString &path, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("BrowserCommand", "cannot create the folder %1")
                     .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(NativeMessaging::manifest(browser, QCoreApplication::applicationFilePath())) < 0 ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
#ifdef Q_OS_WIN
    QSettings(NativeMessaging::userRegistryKey(browser), QSettings::NativeFormat)
        .setValue(QStringLiteral("Default"), QDir::toNativeSeparators(path));
#endif
    return true;
}

// The program a manifest at path names, or empty when there is none (or it cannot be read).
QString registeredProgram(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("path")).toString();
}

} // namespace

void BrowserCommand::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lets the OneDial browser extension hand numbers to this OneDial, for you only.\n"
           "install: register with Chrome, Chromium, Edge and Firefox\n"
           "remove: take the registration away\n"
           "status: say which browsers know this OneDial"));
    parser.addPositionalArgument(QStringLiteral("action"), tr("install, remove or status"));
    if (!parse(parser, QStringLiteral("onedial browser install|remove|status")))
        return;
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1 ||
        !QStringList{QStringLiteral("install"), QStringLiteral("remove"), QStringLiteral("status")}.contains(
            action)) {
        Output::err(tr("Say what to do: onedial browser install, remove or status."));
        finish(2);
        return;
    }

    const QString program = QDir::toNativeSeparators(QCoreApplication::applicationFilePath());
    int failures = 0;
    for (const Browser browser : NativeMessaging::allBrowsers()) {
        const QString path = NativeMessaging::userManifestPath(browser);
        const QString name = NativeMessaging::browserName(browser);
        if (action == QLatin1String("install")) {
            QString error;
            if (writeManifest(browser, path, &error)) {
                Output::out(tr("%1: registered (%2)").arg(name, QDir::toNativeSeparators(path)));
            } else {
                Output::err(tr("%1: not registered: %2").arg(name, error));
                ++failures;
            }
        } else if (action == QLatin1String("remove")) {
            if (QFile::exists(path) && !QFile::remove(path)) {
                Output::err(tr("%1: %2 could not be removed").arg(name, QDir::toNativeSeparators(path)));
                ++failures;
                continue;
            }
#ifdef Q_OS_WIN
            QSettings(NativeMessaging::userRegistryKey(browser), QSettings::NativeFormat).remove(QString());
#endif
            Output::out(tr("%1: not registered for you").arg(name));
        } else {
            const QString registered = registeredProgram(path);
            if (registered.isEmpty())
                Output::out(tr("%1: not registered for you").arg(name));
            else if (registered == program)
                Output::out(tr("%1: registered for this OneDial").arg(name));
            else
                Output::out(tr("%1: registered for another OneDial (%2)").arg(name, registered));
        }
    }
    finish(failures == 0 ? 0 : 2);
}

} // namespace onedial
