// The set-up test, without a window: the key and the numbers are answered at once; the connection
// step opens a connection to the endpoint's host (TLS, or plain HTTP on this computer), closes it
// without sending anything, and says clearly when the host cannot be reached, in seconds, never
// hanging.
#include "HandshakeServer.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SetupCheck.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

using namespace onedial;
using test::HandshakeServer;

namespace {

constexpr int kWaitMs = 15000;

Account accountAt(const QString &endpoint)
{
    Account account;
    account.name = QStringLiteral("check");
    account.api = Api::V1;
    account.appId = SandboxScenarios::appId();
    account.sponsor = QStringLiteral("075528000003");
    account.caller = QStringLiteral("8613800138000");
    account.endpoint = QUrl(endpoint);
    return account;
}

AccessKey goodKey()
{
    return AccessKey(SandboxScenarios::key());
}

SetupCheck::Result resultOf(const QSignalSpy &steps, SetupCheck::Step step)
{
    for (const QList<QVariant> &signal : steps) {
        const auto result = signal.at(0).value<SetupCheck::Result>();
        if (result.step == step)
            return result;
    }
    return {step, false, QStringLiteral("(no result)")};
}

} // namespace

Q_DECLARE_METATYPE(onedial::SetupCheck::Result)

class TestSetupCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyAndNumbersAnswerAtOnce();
    void keyThatIsNoOneNetKeyFails();
    void closedPortIsUnreachableAtOnce();
    void silentHostTimesOut();
    void untrustedCertificateFails();
    void tlsHandshakeAndNothingSent();
    void plainHttpOnThisComputer();
    void adviceNamesTheRefusalCodes();
};

void TestSetupCheck::initTestCase()
{
    qRegisterMetaType<SetupCheck::Result>();
    QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend");
    QVERIFY(!HandshakeServer::certificate().isNull());
}

void TestSetupCheck::keyAndNumbersAnswerAtOnce()
{
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(HandshakeServer::closedPort())),
                goodKey());
    QCOMPARE(steps.count(), 2);
    const SetupCheck::Result key = resultOf(steps, SetupCheck::Step::Key);
    QVERIFY2(key.passed, qPrintable(key.message));
    QVERIFY2(key.message.contains(QLatin1String("sha256")), qPrintable(key.message));
    const SetupCheck::Result numbers = resultOf(steps, SetupCheck::Step::Numbers);
    QVERIFY2(numbers.passed, qPrintable(numbers.message));
    QVERIFY2(numbers.message.contains(QLatin1String("0755 2800 0003")), qPrintable(numbers.message));
    QVERIFY2(numbers.message.contains(QLatin1String("138 0013 8000")), qPrintable(numbers.message));
    check.cancel();
}

void TestSetupCheck::keyThatIsNoOneNetKeyFails()
{
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(HandshakeServer::closedPort())),
                AccessKey("c2VjcmV0"));
    const SetupCheck::Result key = resultOf(steps, SetupCheck::Step::Key);
    QVERIFY(!key.passed);
    QVERIFY2(key.message.contains(QLatin1String("too short")), qPrintable(key.message));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
}

void TestSetupCheck::closedPortIsUnreachableAtOnce()
{
    const quint16 port = HandshakeServer::closedPort();
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    QElapsedTimer timer;
    timer.start();
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(port)), goodKey());
    QVERIFY(finished.wait(kWaitMs));
    // Refused at once: not the timeout.
    QVERIFY2(timer.elapsed() < check.timeout(), qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const SetupCheck::Result connection = resultOf(steps, SetupCheck::Step::Connection);
    QVERIFY(!connection.passed);
    QVERIFY2(connection.message.startsWith(QStringLiteral("Could not reach 127.0.0.1:%1").arg(port)),
             qPrintable(connection.message));
    QVERIFY2(connection.message.contains(QLatin1String("refused")), qPrintable(connection.message));
    QVERIFY(!check.isRunning());
}

void TestSetupCheck::silentHostTimesOut()
{
    HandshakeServer silent(HandshakeServer::Mode::Silent);
    QVERIFY(silent.listen());
    SetupCheck check;
    check.setTimeout(1000);
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    QElapsedTimer timer;
    timer.start();
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(silent.port())), goodKey());
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const SetupCheck::Result connection = resultOf(steps, SetupCheck::Step::Connection);
    QVERIFY(!connection.passed);
    QVERIFY2(connection.message.contains(QLatin1String("no answer within the 1-second limit")),
             qPrintable(connection.message));
    QCOMPARE(silent.connections(), 1);
}

void TestSetupCheck::untrustedCertificateFails()
{
    HandshakeServer server(HandshakeServer::Mode::Tls);
    QVERIFY(server.listen());
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(server.port())), goodKey());
    QVERIFY(finished.wait(kWaitMs));
    const SetupCheck::Result connection = resultOf(steps, SetupCheck::Step::Connection);
    QVERIFY(!connection.passed);
    QVERIFY2(connection.message.contains(QLatin1String("certificate is not trusted")),
             qPrintable(connection.message));
    QVERIFY(server.received().isEmpty());
}

void TestSetupCheck::tlsHandshakeAndNothingSent()
{
    // Trusted from here on (the default configuration is process-wide): the tests before this one
    // saw the certificate untrusted.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificate(HandshakeServer::certificate());
    QSslConfiguration::setDefaultConfiguration(config);

    HandshakeServer server(HandshakeServer::Mode::Tls);
    QVERIFY(server.listen());
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    check.start(accountAt(QStringLiteral("https://127.0.0.1:%1").arg(server.port())), goodKey());
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    const SetupCheck::Result connection = resultOf(steps, SetupCheck::Step::Connection);
    QVERIFY2(connection.passed, qPrintable(connection.message));
    QVERIFY2(connection.message.contains(QLatin1String("completed a TLS handshake")),
             qPrintable(connection.message));
    QTRY_COMPARE(server.handshakes(), 1);
    // Give a stray request time to arrive: there must be none.
    QTest::qWait(200);
    QCOMPARE(server.received(), QByteArray());
}

void TestSetupCheck::plainHttpOnThisComputer()
{
    HandshakeServer server(HandshakeServer::Mode::Plain);
    QVERIFY(server.listen());
    SetupCheck check;
    QSignalSpy steps(&check, &SetupCheck::stepFinished);
    QSignalSpy finished(&check, &SetupCheck::finished);
    check.start(accountAt(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), goodKey());
    QVERIFY(finished.wait(kWaitMs));
    const SetupCheck::Result connection = resultOf(steps, SetupCheck::Step::Connection);
    QVERIFY2(connection.passed, qPrintable(connection.message));
    QVERIFY2(connection.message.contains(QLatin1String("plain HTTP")), qPrintable(connection.message));
    QTRY_COMPARE(server.connections(), 1);
    QTest::qWait(200);
    QCOMPARE(server.received(), QByteArray());
}

void TestSetupCheck::adviceNamesTheRefusalCodes()
{
    const QString v1 = SetupCheck::firstCallAdvice(Api::V1);
    QVERIFY(v1.contains(QLatin1String("000002")));
    QVERIFY(v1.contains(QLatin1String("000015")));
    QVERIFY(v1.contains(QLatin1String("first real call")));
    QVERIFY(SetupCheck::firstCallAdvice(Api::V2).contains(QLatin1String("user id")));
}

QTEST_GUILESS_MAIN(TestSetupCheck)
#include "tst_setupcheck.moc"
