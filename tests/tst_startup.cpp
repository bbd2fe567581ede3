// The real executable starts its window and, with --exit-after-startup, quits after the first
// paint: the switch the start-up benchmark relies on. The database is opened after that paint,
// and the contacts load from it whether the window is shown or starts hidden (at login).
#include "TestEnvironment.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace onedial;

class TestStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitsAfterFirstPaint();
    void runsBesideARunningInstance();
    void loadsContactsAfterStart_data();
    void loadsContactsAfterStart();
};

void TestStartup::exitsAfterFirstPaint()
{
    test::TestEnvironment env;
    const test::ProcessResult run = env.runOnedial({QStringLiteral("--exit-after-startup")}, {}, 60000);
    QVERIFY2(!run.crashed, run.err.constData());
    QCOMPARE(run.exitCode, 0);
    // The first paint did not wait for the database: a new user's file is not even made yet.
    env.applyToThisProcess();
    QVERIFY2(!QFileInfo::exists(Database::defaultPath()), qPrintable(Database::defaultPath()));
}

void TestStartup::loadsContactsAfterStart_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("shown") << QStringList{};
    QTest::newRow("hidden, as at login") << QStringList{QStringLiteral("--hidden")};
}

void TestStartup::loadsContactsAfterStart()
{
    QFETCH(const QStringList, arguments);
    test::TestEnvironment env;
    const test::ProcessResult added = env.runOnedial({QStringLiteral("contacts"), QStringLiteral("add"),
                                                      QStringLiteral("张三"), QStringLiteral("13800138000")});
    QVERIFY2(added.exitCode == 0, added.err.constData());

    QProcessEnvironment environment = env.environment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("onedial.contacts.info=true"));
    QProcess window;
    window.setProcessEnvironment(environment);
    QByteArray log;
    connect(&window, &QProcess::readyReadStandardError, this,
            [&window, &log] { log += window.readAllStandardError(); });
    window.start(test::TestEnvironment::onedialExecutable(), arguments);
    QVERIFY(window.waitForStarted(10000));
    QTRY_VERIFY2_WITH_TIMEOUT(log.contains("Loaded 1 contacts") || window.state() != QProcess::Running,
                              log.constData(), 30000);
    const bool loaded = log.contains("Loaded 1 contacts");
    window.kill();
    window.waitForFinished(10000);
    QVERIFY2(loaded, log.constData());
}

void TestStartup::runsBesideARunningInstance()
{
    // A measurement must not hand its arguments to an instance that is already running.
    test::TestEnvironment env;
    QProcessEnvironment environment = env.environment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("onedial.instance.info=true"));
    QProcess first;
    first.setProcessEnvironment(environment);
    QByteArray firstLog;
    connect(&first, &QProcess::readyReadStandardError, this,
            [&first, &firstLog] { firstLog += first.readAllStandardError(); });
    first.start(test::TestEnvironment::onedialExecutable(), {});
    QVERIFY(first.waitForStarted(10000));
    // Only once the first instance listens could a later start hand anything over to it.
    QTRY_VERIFY2_WITH_TIMEOUT(firstLog.contains("listening on") || first.state() != QProcess::Running,
                              firstLog.constData(), 30000);
    QVERIFY2(firstLog.contains("listening on"), firstLog.constData());

    const test::ProcessResult measured = env.runOnedial({QStringLiteral("--exit-after-startup")}, {}, 60000);
    QVERIFY2(!measured.crashed, measured.err.constData());
    QCOMPARE(measured.exitCode, 0);
    QCOMPARE(first.state(), QProcess::Running);
    first.kill();
    first.waitForFinished(10000);
    firstLog += first.readAllStandardError();
    QVERIFY2(!firstLog.contains("received"), firstLog.constData());
}

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
