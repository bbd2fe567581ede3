// The real executable starts its window and, with --exit-after-startup, quits after the first
// paint: the switch the start-up benchmark relies on.
#include "TestEnvironment.h"

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
    QProcess first;
    first.setProcessEnvironment(env.environment());
    first.start(test::TestEnvironment::onedialExecutable(), {});
    QVERIFY(first.waitForStarted(10000));
    const test::ProcessResult measured = env.runOnedial({QStringLiteral("--exit-after-startup")}, {}, 60000);
    QVERIFY2(!measured.crashed, measured.err.constData());
    QCOMPARE(measured.exitCode, 0);
    QCOMPARE(first.state(), QProcess::Running);
    first.kill();
    first.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
