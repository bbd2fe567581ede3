// One OneDial per user. In this process: the message format and the server's handling of bad
// clients. With real onedial processes (offscreen, a throw-away XDG tree and runtime folder): a
// second start hands its link to the first and exits 0, the first shows the confirmation; a lock
// left by a killed instance is recovered; malformed messages leave the running instance serving.
#include "TestEnvironment.h"
#include "platform/SingleInstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtEndian>

using namespace onedial;

namespace {

QByteArray lengthPrefix(quint32 length)
{
    QByteArray prefix(4, '\0');
    qToBigEndian(length, prefix.data());
    return prefix;
}

QByteArray framed(const QByteArray &payload)
{
    return lengthPrefix(quint32(payload.size())) + payload;
}

// A throw-away home for onedial processes: XDG folders, a private runtime folder (where the lock
// and the socket go) and the logging categories the tests read.
class ProcessFixture final
{
public:
    bool isValid() const { return m_env.isValid(); }
    // The environment's own runtime folder: the one the onedial processes started here use.
    QString runtimeDir() const { return m_env.runtimeDir(); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = m_env.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("onedial.instance.info=true;onedial.links.info=true"));
        return env;
    }

    // The running instance's files, found the way a second start finds them.
    QString socketPath() const { return instance().serverName(); }
    QString lockPath() const { return instance().lockFilePath(); }

    void start(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(test::TestEnvironment::onedialExecutable(), arguments);
    }

    // Runs onedial to the end without blocking this event loop.
    test::ProcessResult run(const QStringList &arguments, int timeoutMs = 20000) const
    {
        test::ProcessResult result;
        QProcess process;
        start(process, arguments);
        if (!process.waitForStarted(10000))
            return result;
        process.closeWriteChannel();
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (process.state() != QProcess::NotRunning)
            loop.exec();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            result.crashed = true;
        }
        result.exitCode = process.exitCode();
        result.crashed = result.crashed || process.exitStatus() == QProcess::CrashExit;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private:
    // Named after the environment's home, as the onedial processes started in it name theirs.
    SingleInstance instance() const
    {
        return SingleInstance(m_env.runtimeDir(), SingleInstance::baseNameForHome(m_env.instanceHome()));
    }

    test::TestEnvironment m_env;
};

// A long-running onedial whose standard error is collected as it comes.
class RunningOnedial final
{
public:
    explicit RunningOnedial(const ProcessFixture &fixture,
                            const QStringList &arguments = {QStringLiteral("--sandbox")})
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
        fixture.start(m_process, arguments);
    }
    ~RunningOnedial()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(RunningOnedial)

    bool waitForLog(const QByteArray &line, int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this, &line] { return m_err.contains(line); }, timeoutMs);
    }
    const QByteArray &err() const { return m_err; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_err;
};

const QByteArray kListening = "onedial.instance: listening on";

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void messagesRoundTrip_data();
    void messagesRoundTrip();
    void malformedPayloadsAreRefused_data();
    void malformedPayloadsAreRefused();
    void oversizedArgumentsAreNotSent();
    void secondClaimHandsOff();
    void serverDropsBadClientsAndKeepsServing_data();
    void serverDropsBadClientsAndKeepsServing();
    void liveLockWithoutServerIsTakenOver();

    void secondStartHandsLinkToFirst();
    void staleLockOfKilledInstanceIsRecovered();
    void runningInstanceSurvivesMalformedMessages();
    void commandsRunOnTheirOwn();
};

void TestSingleInstance::initTestCase()
{
    QVERIFY2(QFile::exists(test::TestEnvironment::onedialExecutable()),
             "ONEDIAL_EXECUTABLE must name onedial");
}

void TestSingleInstance::messagesRoundTrip_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("a link") << QStringList{QStringLiteral("tel:+86-138-0013-8000")};
    QTest::newRow("options and link")
        << QStringList{QStringLiteral("--hidden"), QStringLiteral("callto:13800138000")};
    QTest::newRow("unicode and empty")
        << QStringList{QString::fromUtf8("张三 \"引号\""), QString(), QStringLiteral("\\")};
}

void TestSingleInstance::messagesRoundTrip()
{
    QFETCH(QStringList, arguments);
    const QByteArray message = SingleInstance::encodeMessage(arguments);
    QVERIFY(message.size() > 4);
    QCOMPARE(qFromBigEndian<quint32>(message.constData()), quint32(message.size() - 4));
    const auto decoded = SingleInstance::decodePayload(message.mid(4));
    QVERIFY(decoded);
    QCOMPARE(*decoded, arguments);
}

void TestSingleInstance::malformedPayloadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("hello, is this onedial?");
    QTest::newRow("object") << QByteArray(R"({"link":"tel:1"})");
    QTest::newRow("numbers") << QByteArray("[1,2,3]");
    QTest::newRow("nested") << QByteArray(R"([["tel:1"]])");
    QTest::newRow("null element") << QByteArray(R"(["a",null])");
    QTest::newRow("truncated") << QByteArray(R"(["tel:+8613800)");
    QTest::newRow("not UTF-8") << QByteArray("[\"\xff\xfe\"]");
    QTest::newRow("too many arguments") << (QByteArray("[") + QByteArray("\"a\",").repeated(300) + "\"a\"]");
    QTest::newRow("over the cap") << (QByteArray("[\"") + QByteArray(SingleInstance::kMaxMessageBytes, 'a') +
                                      "\"]");
}

void TestSingleInstance::malformedPayloadsAreRefused()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!SingleInstance::decodePayload(payload));
}

void TestSingleInstance::oversizedArgumentsAreNotSent()
{
    QVERIFY(SingleInstance::encodeMessage({QString(SingleInstance::kMaxMessageBytes, QLatin1Char('x'))})
                .isEmpty());
    QVERIFY(SingleInstance::encodeMessage(QStringList(SingleInstance::kMaxArguments + 1, QStringLiteral("a")))
                .isEmpty());
}

void TestSingleInstance::secondClaimHandsOff()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path(), QStringLiteral("handoff"));
    QCOMPARE(first.claim(), SingleInstance::Role::Primary);
    QVERIFY(first.isListening());
    QVERIFY(QFile::exists(first.lockFilePath()));
    QSignalSpy received(&first, &SingleInstance::argumentsReceived);

    SingleInstance second(dir.path(), QStringLiteral("handoff"));
    QCOMPARE(second.claim(2000), SingleInstance::Role::Secondary);
    QVERIFY(!second.isListening());
    const QStringList arguments{QStringLiteral("tel:+86-138-0013-8000"), QString::fromUtf8("名字")};
    QVERIFY(second.handOff(arguments));
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.at(0).at(0).toStringList(), arguments);

    // Another user's name (or another app) is a different instance altogether.
    SingleInstance other(dir.path(), QStringLiteral("someone-else"));
    QCOMPARE(other.claim(), SingleInstance::Role::Primary);
}

void TestSingleInstance::serverDropsBadClientsAndKeepsServing_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\n\r\n");
    QTest::newRow("length over the cap") << lengthPrefix(SingleInstance::kMaxMessageBytes + 1) + "[]";
    QTest::newRow("length 4 GiB") << lengthPrefix(0xFFFFFFFFu) + QByteArray(1000, 'x');
    QTest::newRow("length zero") << lengthPrefix(0);
    QTest::newRow("not JSON") << framed("{not json");
    QTest::newRow("not strings") << framed("[1,2]");
    QTest::newRow("truncated, then silence") << lengthPrefix(100) + QByteArray("[\"tel:");
    QTest::newRow("half a header, then silence") << QByteArray(2, '\0');
    QTest::newRow("nothing at all") << QByteArray();
}

void TestSingleInstance::serverDropsBadClientsAndKeepsServing()
{
    QFETCH(QByteArray, sent);
    QTemporaryDir dir;
    SingleInstance server(dir.path(), QStringLiteral("bad"));
    server.setReadTimeoutMs(300);
    QCOMPARE(server.claim(), SingleInstance::Role::Primary);
    QSignalSpy received(&server, &SingleInstance::argumentsReceived);

    QLocalSocket client;
    client.connectToServer(server.serverName());
    QVERIFY(client.waitForConnected(2000));
    client.write(sent);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QLocalSocket::UnconnectedState, 5000);
    QVERIFY(!client.readAll().contains(SingleInstance::kAck));
    QCOMPARE(received.count(), 0);

    SingleInstance later(dir.path(), QStringLiteral("bad"));
    QCOMPARE(later.claim(2000), SingleInstance::Role::Secondary);
    QVERIFY(later.handOff({QStringLiteral("tel:13800138000")}));
    QTRY_COMPARE(received.count(), 1);
}

void TestSingleInstance::liveLockWithoutServerIsTakenOver()
{
    // A lock naming a live process with OneDial's name (here: this process) whose native lock is
    // not held and that never answers, as when a dead instance's pid has been reused.
    QTemporaryDir dir;
    QByteArray contents;
    {
        QLockFile lock(dir.filePath(QStringLiteral("probe.lock")));
        QVERIFY(lock.tryLock(0));
        QFile file(lock.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        contents = file.readAll();
    }
    SingleInstance instance(dir.path(), QStringLiteral("silent"));
    QFile planted(instance.lockFilePath());
    QVERIFY(planted.open(QIODevice::WriteOnly));
    planted.write(contents);
    planted.close();

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(instance.claim(500), SingleInstance::Role::Primary);
    QVERIFY(instance.isListening());
    QVERIFY(timer.elapsed() < 5000);

    // A hung instance, which still holds its lock: a new start runs on its own, and promptly.
    QTemporaryDir hungDir;
    QLockFile hung(hungDir.filePath(QStringLiteral("hung.lock")));
    QVERIFY(hung.tryLock(0));
    SingleInstance alone(hungDir.path(), QStringLiteral("hung"));
    timer.restart();
    QCOMPARE(alone.claim(500), SingleInstance::Role::Alone);
    QVERIFY(timer.elapsed() < 5000);
}

void TestSingleInstance::secondStartHandsLinkToFirst()
{
    ProcessFixture fixture;
    QVERIFY(fixture.isValid());
    RunningOnedial first(fixture);
    QVERIFY2(first.waitForLog(kListening), first.err().constData());

    QElapsedTimer timer;
    timer.start();
    const test::ProcessResult second = fixture.run({QStringLiteral("tel:+86-138-0013-8000")});
    QVERIFY2(!second.crashed, second.err.constData());
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(timer.elapsed() < 10000, "the second start hands over and exits at once");
    QVERIFY2(!second.err.contains(kListening), "the second start must not become an instance");

    QVERIFY2(first.waitForLog("onedial.links: link confirmation for 8613800138000"), first.err().constData());

    // A callto: link the same way, and a plain second start (which only raises the window).
    QCOMPARE(fixture.run({QStringLiteral("callto:139-0000-1234")}).exitCode, 0);
    QVERIFY2(first.waitForLog("onedial.links: link confirmation for 8613900001234"), first.err().constData());
    QCOMPARE(fixture.run({}).exitCode, 0);
    QCOMPARE(first.process().state(), QProcess::Running);
    QCOMPARE(first.err().count(kListening), 1);
}

void TestSingleInstance::staleLockOfKilledInstanceIsRecovered()
{
    ProcessFixture fixture;
    QVERIFY(fixture.isValid());
    {
        RunningOnedial crashed(fixture);
        QVERIFY2(crashed.waitForLog(kListening), crashed.err().constData());
        crashed.process().kill(); // SIGKILL: no chance to remove its lock or its socket
        QVERIFY(crashed.process().waitForFinished(10000));
    }
    QVERIFY2(QFile::exists(fixture.lockPath()), "the killed instance leaves its lock behind");
#ifndef Q_OS_WIN
    QVERIFY(QFile::exists(fixture.socketPath())); // a named pipe, gone with its process, on Windows
#endif

    RunningOnedial next(fixture, {QStringLiteral("--sandbox"), QStringLiteral("tel:+8613800138000")});
    QVERIFY2(next.waitForLog(kListening), next.err().constData());
    QVERIFY2(next.waitForLog("onedial.links: link confirmation for 8613800138000"), next.err().constData());

    const test::ProcessResult third = fixture.run({QStringLiteral("tel:13900001234")});
    QCOMPARE(third.exitCode, 0);
    QVERIFY2(next.waitForLog("onedial.links: link confirmation for 8613900001234"), next.err().constData());
}

void TestSingleInstance::runningInstanceSurvivesMalformedMessages()
{
    ProcessFixture fixture;
    QVERIFY(fixture.isValid());
    RunningOnedial first(fixture);
    QVERIFY2(first.waitForLog(kListening), first.err().constData());

    const QList<QByteArray> attacks{
        QByteArray("hello, are you onedial?\n"),
        lengthPrefix(0xFFFFFFFFu) + QByteArray(4096, 'A'),
        lengthPrefix(0),
        framed("{not json"),
        framed(R"({"argv":["tel:1"]})"),
        framed("[\"\xff\xfe\"]"),
        lengthPrefix(100) + QByteArray("[\"tel:+86"), // and then nothing: dropped when too slow
    };
    for (const QByteArray &attack : attacks) {
        QLocalSocket client;
        client.connectToServer(fixture.socketPath());
        QVERIFY(client.waitForConnected(5000));
        client.write(attack);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QLocalSocket::UnconnectedState, 15000);
        QVERIFY(!client.readAll().contains(SingleInstance::kAck));
    }
    QVERIFY(first.waitForLog("dropped a connection"));
    QCOMPARE(first.process().state(), QProcess::Running);

    const test::ProcessResult second = fixture.run({QStringLiteral("tel:+86-138-0013-8000")});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(first.waitForLog("onedial.links: link confirmation for 8613800138000"), first.err().constData());
}

void TestSingleInstance::commandsRunOnTheirOwn()
{
    ProcessFixture fixture;
    QVERIFY(fixture.isValid());
    RunningOnedial first(fixture);
    QVERIFY2(first.waitForLog(kListening), first.err().constData());

    const test::ProcessResult version = fixture.run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("OneDial "));
    // A command-line dial runs in its own process against its own sandbox; the window hears nothing.
    const test::ProcessResult dial =
        fixture.run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--sandbox")});
    QCOMPARE(dial.exitCode, 0);
    QVERIFY(!first.err().contains("onedial.links"));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
