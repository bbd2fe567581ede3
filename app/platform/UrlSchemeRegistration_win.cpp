#include "UrlSchemeRegistration.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

#include <shlobj.h>

namespace onedial {

namespace {

// Per user (HKEY_CURRENT_USER), so no administrator rights are needed; the installer writes the
// same keys for a system-wide install.
const QString kClasses = QStringLiteral("HKEY_CURRENT_USER\\Software\\Classes");
const QString kCapabilitiesPath = QStringLiteral("Software\\" ONEDIAL_NAME "\\Capabilities");
const QString kRegisteredApplications = QStringLiteral("HKEY_CURRENT_USER\\Software\\RegisteredApplications");

QString progId(const QString &scheme)
{
    return QStringLiteral(ONEDIAL_NAME ".Url.") + scheme;
}

QString executable()
{
    return QDir::toNativeSeparators(QCoreApplication::applicationFilePath());
}

QString openCommand()
{
    return QLatin1Char('"') + executable() + QStringLiteral("\" \"%1\"");
}

// One URL handler key: "Default" is the key's unnamed value in QSettings' registry mapping.
void writeHandler(QSettings &classes, const QString &key, const QString &description)
{
    classes.beginGroup(key);
    classes.setValue(QStringLiteral("Default"), description);
    classes.setValue(QStringLiteral("URL Protocol"), QStringLiteral(""));
    // QString(): a QVariant cannot be made from a QStringBuilder expression.
    classes.setValue(QStringLiteral("DefaultIcon/Default"),
                     QString(QLatin1Char('"') + executable() + QStringLiteral("\",0")));
    classes.setValue(QStringLiteral("shell/open/command/Default"), openCommand());
    classes.endGroup();
}

void notifyShell()
{
    // Explorer caches associations; this tells it to read them again.
    SHChangeNotify(SHCNE_ASSOCCHANGED, SHCNF_IDLIST, nullptr, nullptr);
}

} // namespace

IntegrationResult UrlSchemeRegistration::registerHandler()
{
    QSettings classes(kClasses, QSettings::NativeFormat);
    QSettings capabilities(QStringLiteral("HKEY_CURRENT_USER\\") + kCapabilitiesPath,
                           QSettings::NativeFormat);
    capabilities.setValue(QStringLiteral("ApplicationName"), QStringLiteral(ONEDIAL_NAME));
    capabilities.setValue(
        QStringLiteral("ApplicationDescription"),
        QCoreApplication::translate("UrlSchemeRegistration", "Click-to-dial for the OneNET voice service"));
    for (const QString &scheme : schemes()) {
        // The scheme's own key makes links work where Default Apps is not consulted; the ProgID
        // is what Default Apps offers and what the user's choice points at.
        writeHandler(classes, scheme, QStringLiteral("URL:%1").arg(scheme));
        writeHandler(classes, progId(scheme), QStringLiteral(ONEDIAL_NAME " %1: link").arg(scheme));
        capabilities.setValue(QString(QStringLiteral("URLAssociations/") + scheme), progId(scheme));
    }
    QSettings registered(kRegisteredApplications, QSettings::NativeFormat);
    registered.setValue(QStringLiteral(ONEDIAL_NAME), kCapabilitiesPath);
    classes.sync();
    capabilities.sync();
    registered.sync();
    notifyShell();
    if (classes.status() != QSettings::NoError || capabilities.status() != QSettings::NoError ||
        registered.status() != QSettings::NoError) {
        return {false, QCoreApplication::translate("UrlSchemeRegistration",
                                                   "Windows did not let OneDial write its link settings.")};
    }
    return {true,
            QCoreApplication::translate("UrlSchemeRegistration",
                                        "OneDial is registered for tel: and callto: links. Windows asks "
                                        "you to confirm the choice: Settings > Apps > Default apps > "
                                        "OneDial.")};
}

IntegrationResult UrlSchemeRegistration::unregisterHandler()
{
    QSettings classes(kClasses, QSettings::NativeFormat);
    for (const QString &scheme : schemes()) {
        // The scheme's key is removed only while it still points here: another app may own it now.
        if (classes.value(QString(scheme + QStringLiteral("/shell/open/command/Default"))).toString() ==
            openCommand())
            classes.remove(scheme);
        classes.remove(progId(scheme));
    }
    QSettings software(QStringLiteral("HKEY_CURRENT_USER\\Software"), QSettings::NativeFormat);
    software.remove(QStringLiteral(ONEDIAL_NAME "/Capabilities"));
    QSettings registered(kRegisteredApplications, QSettings::NativeFormat);
    registered.remove(QStringLiteral(ONEDIAL_NAME));
    classes.sync();
    software.sync();
    registered.sync();
    notifyShell();
    return {true, QCoreApplication::translate("UrlSchemeRegistration",
                                              "OneDial no longer opens tel: and callto: links.")};
}

bool UrlSchemeRegistration::isRegistered()
{
    // Registered per user (by the app, above) or for all users (by the MSI, with the same
    // ProgIDs under HKEY_LOCAL_MACHINE; see cmake/WindowsMsi.cmake). Counting the
    // latter keeps the settings from offering a second, per-user registration of an installed
    // OneDial, which would be listed twice in Default Apps and outlive an uninstall.
    const auto registeredIn = [](const QString &classesKey) {
        QSettings classes(classesKey, QSettings::NativeFormat);
        for (const QString &scheme : schemes()) {
            if (classes.value(QString(progId(scheme) + QStringLiteral("/shell/open/command/Default")))
                    .toString() != openCommand())
                return false;
        }
        return true;
    };
    return registeredIn(kClasses) || registeredIn(QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Classes"));
}

} // namespace onedial
