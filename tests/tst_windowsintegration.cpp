// Windows: the per-user tel:/callto: registration (Default Apps) and the start at login, read back
// from the registry. They change HKEY_CURRENT_USER, so they run only under Wine, in the throw-away
// prefix of the Windows checks (tools/windows/wine-run.sh), never in a real user's registry.
#include "platform/Autostart.h"
#include "platform/UrlSchemeRegistration.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTest>

#include <windows.h>

using namespace onedial;

namespace {

bool underWine()
{
    const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

const QString kClasses = QStringLiteral("HKEY_CURRENT_USER\\Software\\Classes");

QString openCommand()
{
    return QLatin1Char('"') + QDir::toNativeSeparators(QCoreApplication::applicationFilePath()) +
           QStringLiteral("\" \"%1\"");
}

QString commandOf(const QString &key)
{
    return QSettings(kClasses, QSettings::NativeFormat)
        .value(QString(key + QStringLiteral("/shell/open/command/Default")))
        .toString();
}

} // namespace

class TestWindowsIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void linksRegisterAndUnregister();
    void unregisterLeavesAnotherAppsScheme();
    void autostartRunValue();
};

void TestWindowsIntegration::initTestCase()
{
    if (!underWine())
        QSKIP("changes the user's registry: runs only in the Windows checks' throw-away Wine prefix");
}

void TestWindowsIntegration::linksRegisterAndUnregister()
{
    QVERIFY(!UrlSchemeRegistration::isRegistered());
    const IntegrationResult registered = UrlSchemeRegistration::registerHandler();
    QVERIFY2(registered.ok, qPrintable(registered.message));
    QVERIFY(registered.message.contains(QStringLiteral("Default apps")));
    QVERIFY(UrlSchemeRegistration::isRegistered());

    QCOMPARE(UrlSchemeRegistration::schemes(),
             (QStringList{QStringLiteral("tel"), QStringLiteral("callto")}));
    const QSettings capabilities(QStringLiteral("HKEY_CURRENT_USER\\Software\\OneDial\\Capabilities"),
                                 QSettings::NativeFormat);
    QCOMPARE(capabilities.value(QStringLiteral("ApplicationName")).toString(), QStringLiteral("OneDial"));
    for (const QString &scheme : UrlSchemeRegistration::schemes()) {
        const QString progId = QStringLiteral("OneDial.Url.") + scheme;
        QCOMPARE(commandOf(progId), openCommand());
        QCOMPARE(commandOf(scheme), openCommand());
        const QSettings classes(kClasses, QSettings::NativeFormat);
        QVERIFY(classes.contains(QString(scheme + QStringLiteral("/URL Protocol"))));
        QCOMPARE(capabilities.value(QString(QStringLiteral("URLAssociations/") + scheme)).toString(), progId);
    }
    const QSettings applications(QStringLiteral("HKEY_CURRENT_USER\\Software\\RegisteredApplications"),
                                 QSettings::NativeFormat);
    QCOMPARE(applications.value(QStringLiteral("OneDial")).toString(),
             QStringLiteral("Software\\OneDial\\Capabilities"));

    const IntegrationResult unregistered = UrlSchemeRegistration::unregisterHandler();
    QVERIFY2(unregistered.ok, qPrintable(unregistered.message));
    QVERIFY(!UrlSchemeRegistration::isRegistered());
    for (const QString &scheme : UrlSchemeRegistration::schemes()) {
        QVERIFY(commandOf(scheme).isEmpty());
        QVERIFY(commandOf(QStringLiteral("OneDial.Url.") + scheme).isEmpty());
    }
    QVERIFY(!QSettings(QStringLiteral("HKEY_CURRENT_USER\\Software\\RegisteredApplications"),
                       QSettings::NativeFormat)
                 .contains(QStringLiteral("OneDial")));
    QVERIFY(!QSettings(QStringLiteral("HKEY_CURRENT_USER\\Software\\OneDial"), QSettings::NativeFormat)
                 .childGroups()
                 .contains(QStringLiteral("Capabilities")));
}

void TestWindowsIntegration::unregisterLeavesAnotherAppsScheme()
{
    QVERIFY(UrlSchemeRegistration::registerHandler().ok);
    // Another program takes tel: afterwards.
    const QString other = QStringLiteral("\"C:\\Program Files\\Softphone\\softphone.exe\" \"%1\"");
    {
        QSettings classes(kClasses, QSettings::NativeFormat);
        classes.setValue(QStringLiteral("tel/shell/open/command/Default"), other);
    }
    QVERIFY(UrlSchemeRegistration::unregisterHandler().ok);
    QCOMPARE(commandOf(QStringLiteral("tel")), other);
    QVERIFY(commandOf(QStringLiteral("callto")).isEmpty());
    QSettings(kClasses, QSettings::NativeFormat).remove(QStringLiteral("tel"));
}

void TestWindowsIntegration::autostartRunValue()
{
    const QSettings run(
        QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"),
        QSettings::NativeFormat);
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(Autostart::setEnabled(true).ok);
    QVERIFY(Autostart::isEnabled());
    QSettings after(run.fileName(), QSettings::NativeFormat);
    QCOMPARE(after.value(QStringLiteral("OneDial")).toString(),
             QString(QLatin1Char('"') + QDir::toNativeSeparators(QCoreApplication::applicationFilePath()) +
                     QStringLiteral("\" --hidden")));
    QVERIFY(Autostart::setEnabled(false).ok);
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(!QSettings(run.fileName(), QSettings::NativeFormat).contains(QStringLiteral("OneDial")));
}

QTEST_GUILESS_MAIN(TestWindowsIntegration)
#include "tst_windowsintegration.moc"
