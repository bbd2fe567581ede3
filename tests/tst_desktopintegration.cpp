// The desktop's side of OneDial on Linux: the link-handler entry and the start-at-login entry
// written into the user's XDG folders (here a throw-away tree), both valid for
// desktop-file-validate, with Exec= quoted so any install path works; and the macOS Info.plist
// template declaring the same URL schemes.
#include "TestEnvironment.h"
#include "platform/Autostart.h"
#include "platform/DesktopEntry.h"
#include "platform/UrlSchemeRegistration.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace onedial;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Empty when the entry is valid or the validator is missing; otherwise what it said.
QString validatorComplaints(const QString &path)
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        return {};
    QProcess process;
    process.start(validator, {path});
    if (!process.waitForFinished(20000))
        return QStringLiteral("desktop-file-validate did not finish");
    const QString output =
        QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (process.exitCode() != 0 || output.contains(QLatin1String("error:")) ||
        output.contains(QLatin1String("warning:")))
        return output.isEmpty() ? QStringLiteral("desktop-file-validate failed") : output;
    return {};
}

} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void execQuoting_data();
    void execQuoting();
    void linkHandlerEntry();
    void autostartEntry();
    void infoPlistDeclaresTheSchemes();

private:
    test::TestEnvironment m_env;
};

void TestDesktopIntegration::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QVERIFY(!desktopentry::packagedEntry().isEmpty());
    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
        qWarning("desktop-file-validate is not installed (desktop-file-utils): entries are not validated");
}

void TestDesktopIntegration::execQuoting_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain") << "/usr/bin/onedial"
                           << "/usr/bin/onedial %u";
    QTest::newRow("space") << "/opt/One Dial/onedial"
                           << "\"/opt/One Dial/onedial\" %u";
    QTest::newRow("dollar") << "/home/a/$HOME/onedial"
                            << "\"/home/a/\\\\$HOME/onedial\" %u";
    QTest::newRow("double quote") << "/tmp/a\"b/onedial"
                                  << "\"/tmp/a\\\\\"b/onedial\" %u";
    QTest::newRow("backslash") << "/tmp/a\\b/onedial"
                               << "\"/tmp/a\\\\\\\\b/onedial\" %u";
    QTest::newRow("percent") << "/tmp/100%/onedial"
                             << "/tmp/100%%/onedial %u";
    QTest::newRow("unicode") << QString::fromUtf8("/home/张三/onedial")
                             << QString::fromUtf8("/home/张三/onedial %u");
}

void TestDesktopIntegration::execQuoting()
{
    QFETCH(QString, path);
    QFETCH(QString, exec);
    const QString value = desktopentry::execValue({path}, QStringLiteral("%u"));
    QCOMPARE(value, exec);

    // And the validator agrees that the entry holding it is well-formed.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral(ONEDIAL_APP_ID ".desktop"));
    QVERIFY(desktopentry::writeFile(file, desktopentry::rewrite(desktopentry::packagedEntry(), value)));
    const QString complaints = validatorComplaints(file);
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints));
}

void TestDesktopIntegration::linkHandlerEntry()
{
    QVERIFY(desktopentry::execValue({QStringLiteral("/tmp/a\nb")}).isEmpty());
    QVERIFY(!UrlSchemeRegistration::isRegistered());
    QCOMPARE(UrlSchemeRegistration::schemes(),
             (QStringList{QStringLiteral("tel"), QStringLiteral("callto")}));

    const IntegrationResult result = UrlSchemeRegistration::registerHandler();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.message.isEmpty());
    const QString path = m_env.dataHome() + QStringLiteral("/applications/" ONEDIAL_APP_ID ".desktop");
    const QByteArray entry = readAll(path);
    QVERIFY2(entry.contains("\nMimeType=x-scheme-handler/tel;x-scheme-handler/callto;\n"), entry.constData());
    const QByteArray exec =
        (QStringLiteral("\nExec=") + desktopentry::execValue({QCoreApplication::applicationFilePath()}) +
         QStringLiteral(" %u\n"))
            .toUtf8();
    QVERIFY2(entry.contains(exec), entry.constData());
    QVERIFY(UrlSchemeRegistration::isRegistered());
    const QString complaints = validatorComplaints(path);
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints));

    QVERIFY(UrlSchemeRegistration::unregisterHandler().ok);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!UrlSchemeRegistration::isRegistered());
}

void TestDesktopIntegration::autostartEntry()
{
    const QString path = m_env.configHome() + QStringLiteral("/autostart/" ONEDIAL_APP_ID ".desktop");
    QVERIFY2(!Autostart::isEnabled(), "off by default");
    QVERIFY(!QFile::exists(path));

    const IntegrationResult result = Autostart::setEnabled(true);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(Autostart::isEnabled());
    const QByteArray entry = readAll(path);
    const QByteArray exec =
        (QStringLiteral("\nExec=") +
         desktopentry::execValue({QCoreApplication::applicationFilePath(), QStringLiteral("--hidden")}) +
         QLatin1Char('\n'))
            .toUtf8();
    QVERIFY2(entry.contains(exec), entry.constData());
    QVERIFY2(!entry.contains("MimeType="), "the start-up entry claims no links");
    QVERIFY(entry.contains("\nX-GNOME-Autostart-enabled=true\n"));
    const QString complaints = validatorComplaints(path);
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints));

    // Switched off in the desktop's own start-up settings.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QByteArray(entry).replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"));
    file.close();
    QVERIFY(!Autostart::isEnabled());

    QVERIFY(Autostart::setEnabled(false).ok);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!Autostart::isEnabled());
}

void TestDesktopIntegration::infoPlistDeclaresTheSchemes()
{
    QFile file(QStringLiteral(ONEDIAL_INFO_PLIST_PATH));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList schemes;
    QString lastKey;
    bool inSchemes = false;
    QMap<QString, QString> flags;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("key")) {
            lastKey = xml.readElementText();
            inSchemes = lastKey == QLatin1String("CFBundleURLSchemes");
        } else if (xml.isStartElement() && xml.name() == QLatin1String("string") && inSchemes) {
            schemes << xml.readElementText();
        } else if (xml.isStartElement() &&
                   (xml.name() == QLatin1String("true") || xml.name() == QLatin1String("false"))) {
            flags.insert(lastKey, xml.name().toString());
        } else if (xml.isEndElement() && xml.name() == QLatin1String("array")) {
            inSchemes = false;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(schemes, UrlSchemeRegistration::schemes());
    QCOMPARE(flags.value(QStringLiteral("LSUIElement")), QStringLiteral("false"));
    QCOMPARE(flags.value(QStringLiteral("NSHighResolutionCapable")), QStringLiteral("true"));
}

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
