// The "Links and start-up" dialog changes what it says, at once, where it says: the link setting
// in onedial.ini, the handler entry and the autostart entry in the user's (throw-away) XDG folders.
#include "IntegrationSettingsDialog.h"
#include "TestEnvironment.h"
#include "browser/NativeMessaging.h"
#include "core/Settings.h"
#include "platform/Autostart.h"
#include "platform/UrlSchemeRegistration.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace onedial;

class TestIntegrationSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void askBeforeDiallingIsTheLinkSetting();
    void registerButtonWritesTheHandler();
    void startAtLoginWritesTheAutostartEntry();
    void browserButtonRegistersThisOneDial();

private:
    QCheckBox *checkBox(const IntegrationSettingsDialog &dialog, const QString &startsWith);
    test::TestEnvironment m_env;
};

void TestIntegrationSettings::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
}

QCheckBox *TestIntegrationSettings::checkBox(const IntegrationSettingsDialog &dialog,
                                             const QString &startsWith)
{
    const auto boxes = dialog.findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes) {
        if (box->text().remove(QLatin1Char('&')).startsWith(startsWith))
            return box;
    }
    return nullptr;
}

void TestIntegrationSettings::askBeforeDiallingIsTheLinkSetting()
{
    IntegrationSettingsDialog dialog;
    dialog.show();
    QCheckBox *ask = checkBox(dialog, QStringLiteral("Ask before dialling"));
    QVERIFY(ask);
    QVERIFY2(ask->isChecked(), "links are confirmed unless the user says otherwise");
    QVERIFY(!Settings().value(Setting::DialLinksAtOnce));

    QTest::mouseClick(ask, Qt::LeftButton, {}, QPoint(4, ask->height() / 2));
    QVERIFY(!ask->isChecked());
    QVERIFY(Settings().value(Setting::DialLinksAtOnce));
    QTest::mouseClick(ask, Qt::LeftButton, {}, QPoint(4, ask->height() / 2));
    QVERIFY(!Settings().value(Setting::DialLinksAtOnce));
}

void TestIntegrationSettings::registerButtonWritesTheHandler()
{
    const QString entry = m_env.dataHome() + QStringLiteral("/applications/" ONEDIAL_APP_ID ".desktop");
    IntegrationSettingsDialog dialog;
    dialog.show();
    QPushButton *button = nullptr;
    const auto buttons = dialog.findChildren<QPushButton *>();
    for (QPushButton *candidate : buttons) {
        if (candidate->text().contains(QLatin1String("tel:")))
            button = candidate;
    }
    QVERIFY(button);
    QVERIFY(!QFile::exists(entry));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(QFile::exists(entry));
    QVERIFY(UrlSchemeRegistration::isRegistered());
    QVERIFY(UrlSchemeRegistration::unregisterHandler().ok);
}

void TestIntegrationSettings::startAtLoginWritesTheAutostartEntry()
{
    const QString entry = m_env.configHome() + QStringLiteral("/autostart/" ONEDIAL_APP_ID ".desktop");
    IntegrationSettingsDialog dialog;
    dialog.show();
    QCheckBox *start = checkBox(dialog, QStringLiteral("Start OneDial when I log in"));
    QVERIFY(start);
    QVERIFY2(!start->isChecked(), "off by default");
    start->click();
    QVERIFY(QFile::exists(entry));
    QVERIFY(Autostart::isEnabled());
    start->click();
    QVERIFY(!QFile::exists(entry));

    // Reopened, the dialog shows what the OS has.
    QVERIFY(Autostart::setEnabled(true).ok);
    IntegrationSettingsDialog again;
    QVERIFY(checkBox(again, QStringLiteral("Start OneDial when I log in"))->isChecked());
    QVERIFY(Autostart::setEnabled(false).ok);
}

void TestIntegrationSettings::browserButtonRegistersThisOneDial()
{
    IntegrationSettingsDialog dialog;
    dialog.show();
    QPushButton *button = nullptr;
    QLabel *status = nullptr;
    for (QPushButton *candidate : dialog.findChildren<QPushButton *>()) {
        if (candidate->text().remove(QLatin1Char('&')).contains(QLatin1String("browser extension")))
            button = candidate;
    }
    QVERIFY(button);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().startsWith(QLatin1String("The browser extension cannot reach")))
            status = label;
    }
    QVERIFY2(status, "says the extension cannot reach this copy yet");
    QTest::mouseClick(button, Qt::LeftButton);
    // Every browser's manifest, in this test's own folders, names this program.
    for (const NativeMessaging::Browser browser : NativeMessaging::allBrowsers()) {
        const QString path = NativeMessaging::userManifestPath(browser);
        QVERIFY2(path.startsWith(m_env.home()), qPrintable(path));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("path")).toString(),
                 QApplication::applicationFilePath());
    }
    QCOMPARE(
        status->text(),
        QStringLiteral("Chrome, Chromium, Edge and Firefox can hand the numbers you click to this OneDial."));
    for (const NativeMessaging::Registration &removed : NativeMessaging::unregisterForUser())
        QVERIFY(removed.problem.isEmpty());
    QVERIFY(!NativeMessaging::isRegisteredForUser(QApplication::applicationFilePath()));
}

QTEST_MAIN(TestIntegrationSettings)
#include "tst_integrationsettings.moc"
