// The real executable starts its window and, with --exit-after-startup, quits after the first
// paint: the switch the start-up benchmark relies on.
#include "TestEnvironment.h"

#include <QProcess>
#include <QTest>

using namespace onedial;

class TestStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitsAfterFirstPaint();
    void runsBesideARunningInstance();
};

void TestStartup::exitsAfterFirstPaint()
{
    test::TestEnvironment env;
    const test::ProcessResult run = env.runOnedial({QStringLiteral("--exit-after-startup")}, {}, 60000);
    QVERIFY2(!run.crashed, run.err.constData());
    QCOMPARE(run.exitCode, 0);
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
