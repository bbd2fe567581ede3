// The real onedial executable turns core dumps off for itself first thing, in the window and on
// the command line, even when it was started with them allowed: a dump would hold access keys and
// contacts. Read from the running process's /proc/<pid>/limits (Linux).
#include "TestEnvironment.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <sys/resource.h>

using namespace onedial;

namespace {

// "Max core file size" of a running process: its soft and hard limit as /proc shows them.
QByteArray coreLimit(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            return line.mid(int(sizeof "Max core file size")).simplified();
    }
    return {};
}

} // namespace

class TestProcessProtection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noCoreDumps_data();
    void noCoreDumps();
};

void TestProcessProtection::initTestCase()
{
    // Started with core dumps allowed as far as this system lets a process raise them: otherwise
    // a child that does nothing would pass as well.
    rlimit core = {};
    QVERIFY(getrlimit(RLIMIT_CORE, &core) == 0);
    if (core.rlim_max == 0)
        QSKIP("core dumps are off for this whole session (hard limit 0); nothing to tell apart");
    core.rlim_cur = core.rlim_max;
    QVERIFY(setrlimit(RLIMIT_CORE, &core) == 0);
    QVERIFY2(coreLimit(QCoreApplication::applicationPid()) != "0 0 bytes",
             coreLimit(QCoreApplication::applicationPid()).constData());
}

void TestProcessProtection::noCoreDumps_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("window") << QStringList{QStringLiteral("--sandbox")};
    // Waits on standard input for the key.
    QTest::newRow("command line") << QStringList{QStringLiteral("account"),
                                                 QStringLiteral("add"),
                                                 QStringLiteral("desk"),
                                                 QStringLiteral("--api"),
                                                 QStringLiteral("v1"),
                                                 QStringLiteral("--appid"),
                                                 QStringLiteral("c0de0000000000000000000000000001"),
                                                 QStringLiteral("--sponsor"),
                                                 QStringLiteral("075528000003"),
                                                 QStringLiteral("--caller"),
                                                 QStringLiteral("13800138000")};
}

void TestProcessProtection::noCoreDumps()
{
    QFETCH(QStringList, arguments);
    test::TestEnvironment env;
    QProcess onedial;
    QProcessEnvironment environment = env.environment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    onedial.setProcessEnvironment(environment);
    onedial.start(test::TestEnvironment::onedialExecutable(), arguments);
    QVERIFY(onedial.waitForStarted(10000));
    const qint64 pid = onedial.processId();
    // It inherited this process's limit; main() lowers it at once.
    QTRY_COMPARE_WITH_TIMEOUT(coreLimit(pid), QByteArray("0 0 bytes"), 10000);
    QCOMPARE(onedial.state(), QProcess::Running);
    onedial.kill();
    onedial.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestProcessProtection)
#include "tst_processprotection.moc"
