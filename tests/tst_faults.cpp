// Faults around the command line's dial: the keychain service going away between two dials (it
// comes back through D-Bus activation; a vanished session bus cannot), and a damaged settings file. Each
// gives a clear message, places no call it should not, and loses nothing already stored. Runs inside
// tests/with-keyring.sh (a real Secret Service).
#include "TestEnvironment.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace onedial;

namespace {

QByteArray randomKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return bytes.toBase64();
}

// The process that owns the Secret Service name on this test's private bus.
qint64 keyringDaemonPid()
{
    QProcess query;
    query.start(QStringLiteral("dbus-send"),
                {QStringLiteral("--session"), QStringLiteral("--print-reply=literal"),
                 QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                 QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
                 QStringLiteral("string:org.freedesktop.secrets")});
    if (!query.waitForFinished(10000))
        return 0;
    const QList<QByteArray> words = query.readAllStandardOutput().simplified().split(' ');
    return words.size() >= 2 ? words.at(1).toLongLong() : 0;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void damagedSettingsFileIsKeptAndReported();
    void keychainGoneBetweenTwoDials();

private:
    test::TestEnvironment m_env;
    SandboxServer m_sandbox;
    QByteArray m_key = randomKey();
};

void TestFaults::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"), "run through tests/with-keyring.sh");
    QVERIFY(m_sandbox.listen());
    m_sandbox.addRegistration({Api::V1, QStringLiteral("fa017500000000000000000000000001"), m_key,
                               SandboxScenarios::sponsor(), SandboxScenarios::caller(), true});
}

void TestFaults::damagedSettingsFileIsKeptAndReported()
{
    const QString folder = m_env.configHome() + QStringLiteral("/onedial");
    QVERIFY(QDir().mkpath(folder));
    const QByteArray damaged = QByteArray("[accounts]\nsales\\api=v1\n\0\x01\xff\xfe[[[ broken", 36);
    {
        QFile file(folder + QStringLiteral("/onedial.ini"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
    }
    const test::ProcessResult list = m_env.runOnedial({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.err.contains("settings file was damaged"), list.err.constData());
    const QStringList kept = QDir(folder).entryList({QStringLiteral("onedial.ini.damaged-*")}, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QFile copy(folder + QLatin1Char('/') + kept.first());
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), damaged);

    // A second run finds a sound (new) file and says nothing more.
    const test::ProcessResult again = m_env.runOnedial({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(!again.err.contains("damaged"));
}

void TestFaults::keychainGoneBetweenTwoDials()
{
    const QString endpoint = m_sandbox.baseUrl().toString();
    const test::ProcessResult added = m_env.runOnedial(
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("field"), QStringLiteral("--api"),
         QStringLiteral("v1"), QStringLiteral("--appid"), QStringLiteral("fa017500000000000000000000000001"),
         QStringLiteral("--sponsor"), SandboxScenarios::sponsor(), QStringLiteral("--caller"),
         SandboxScenarios::caller(), QStringLiteral("--endpoint"), endpoint},
        m_key + '\n');
    QVERIFY2(added.exitCode == 0, added.err.constData());

    const test::ProcessResult first =
        m_env.runOnedial({QStringLiteral("dial"), QStringLiteral("13800138000")});
    QVERIFY2(first.exitCode == 0, first.out.constData());
    QCOMPARE(m_sandbox.requestCount(), 1);

    const qint64 daemon = keyringDaemonPid();
    QVERIFY(daemon > 0);
    QProcess::execute(QStringLiteral("kill"), {QString::number(daemon)});
    QTRY_VERIFY_WITH_TIMEOUT(
        !QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(daemon)) || keyringDaemonPid() == 0, 10000);

    // The session bus starts the Secret Service again on demand (D-Bus activation), so the next
    // dial finds the keyring as it was: one more request, no stale state.
    const test::ProcessResult second =
        m_env.runOnedial({QStringLiteral("dial"), QStringLiteral("13800138000")});
    QVERIFY2(second.exitCode == 0, second.out.constData());
    QCOMPARE(m_sandbox.requestCount(), 2);
    const qint64 restarted = keyringDaemonPid();
    QVERIFY(restarted > 0 && restarted != daemon);

    // With the whole session bus gone, nothing can give the key: exit 4, a clear message, no call.
    const QByteArray realBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onedial-faults-bus");
    const test::ProcessResult third =
        m_env.runOnedial({QStringLiteral("dial"), QStringLiteral("13800138000")});
    QCOMPARE(third.exitCode, 4);
    QVERIFY2(third.out.contains("GNOME Keyring"), third.out.constData());
    QCOMPARE(m_sandbox.requestCount(), 2);

    // Nothing was lost: the account is still there.
    qputenv("DBUS_SESSION_BUS_ADDRESS", realBus);
    const test::ProcessResult list = m_env.runOnedial({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("field"));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
