// The set-up test of a gateway account (SetupCheck) against the real team gateway in this
// process, over HTTP on loopback, with the OneNET sandbox as the gateway's OneNET: the gateway
// says whose token it is and which phone it rings, refuses a wrong or disabled token in words a
// person can act on, says when it has no OneNET account yet, and no call is ever placed. Also what
// is not a gateway: another server's answer, a redirect (the token is not sent on), an answer too
// large to be the gateway's, and silence. Then the desktop's following of a member's calls
// (GatewayEventStream) on the real gateway in sandbox mode: every step of a call, a resume after
// a pause that gets exactly what was missed, a gateway restart it rides out, a refused token.
#include "Gateway.h"
#include "GatewayConfig.h"
#include "GatewayStore.h"
#include "ScriptedHttpServer.h"
#include "UserToken.h"
#include "accounts/AccessKey.h"
#include "onenet/GatewayEventStream.h"
#include "onenet/GatewayReply.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "onenet/SetupCheck.h"
#include "phone/PhoneNumber.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;
using namespace onedial::gateway;
using test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 15000;

struct Outcome
{
    bool finished = false;
    bool allPassed = false;
    QList<SetupCheck::Result> steps;

    QString messageOf(SetupCheck::Step step) const
    {
        for (const SetupCheck::Result &result : steps) {
            if (result.step == step)
                return result.message;
        }
        return {};
    }
    bool passed(SetupCheck::Step step) const
    {
        for (const SetupCheck::Result &result : steps) {
            if (result.step == step)
                return result.passed;
        }
        return false;
    }
};

Account gatewayAccount(const QUrl &address)
{
    Account account;
    account.name = QStringLiteral("team");
    account.kind = AccountKind::Gateway;
    account.gateway = address;
    return account;
}

Outcome runCheck(const Account &account, const QByteArray &token,
                 int timeoutMs = SetupCheck::kDefaultTimeoutMs)
{
    SetupCheck check;
    check.setTimeout(timeoutMs);
    Outcome outcome;
    QObject::connect(&check, &SetupCheck::stepFinished, &check,
                     [&outcome](const SetupCheck::Result &result) { outcome.steps << result; });
    QSignalSpy finished(&check, &SetupCheck::finished);
    check.start(account, AccessKey(token));
    if (finished.isEmpty() && !finished.wait(kWaitMs))
        return outcome;
    outcome.finished = true;
    outcome.allPassed = finished.constFirst().constFirst().toBool();
    return outcome;
}

} // namespace

class TestGatewaySetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void acceptedTokenSaysWhoAndWhichPhone();
    void unknownTokenIsRefusedInWords();
    void disabledMemberIsToldSo();
    void gatewayWithoutOneNetAccountIsNamed();
    void malformedTokenIsNeverSent();
    void anotherServerIsNotAGateway();
    void redirectIsNotFollowed();
    void oversizedAnswerIsNotAGateway();
    void silentServerTimesOut();
    void desktopFollowsTheCallsLive();
    void refusedTokenStopsFollowing();

private:
    QByteArray addMember(const QString &name, const QString &caller, int dailyLimit);
    void startGateway(bool withAccount);
    // The gateway with the built-in sandbox as OneNET, its callbacks fast; port 0: any.
    void startSandboxGateway(quint16 port = 0);
    QString dialThrough(const QByteArray &token, const QString &callee);
    QUrl address() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_gateway->port())); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<GatewayStore> m_store;
    std::unique_ptr<Gateway> m_gateway;
};

void TestGatewaySetup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_store = std::make_unique<GatewayStore>(m_dir->filePath(QStringLiteral("gateway.db")));
    const StorageResult opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.message));
}

void TestGatewaySetup::cleanup()
{
    m_gateway.reset();
    m_store.reset();
    m_sandbox.reset();
    m_dir.reset();
}

QByteArray TestGatewaySetup::addMember(const QString &name, const QString &caller, int dailyLimit)
{
    const UserToken token = UserToken::generate();
    User user;
    user.name = name;
    user.caller = caller;
    user.dailyLimit = dailyLimit;
    user.tokenId = token.id;
    user.tokenHash = token.hash;
    const StorageResult added = m_store->addUser(&user);
    if (!added.ok())
        qWarning() << added.message;
    return token.text;
}

void TestGatewaySetup::startGateway(bool withAccount)
{
    GatewayConfig config;
    config.publicUrl = QUrl(QStringLiteral("https://dial.example.com"));
    config.hasAccount = withAccount;
    AccessKey key;
    if (withAccount) {
        config.account = m_sandbox->sandboxAccount(Api::V1);
        config.account.caller.clear();
        key = AccessKey(SandboxScenarios::key());
    }
    m_gateway = std::make_unique<Gateway>(config, key, QString(), m_store.get());
    QString error;
    QVERIFY2(m_gateway->start(&error, 0), qPrintable(error));
}

void TestGatewaySetup::acceptedTokenSaysWhoAndWhichPhone()
{
    const QByteArray token = addMember(QStringLiteral("zhang.san"), QStringLiteral("8613900139000"), 50);
    startGateway(true);
    const Outcome outcome = runCheck(gatewayAccount(address()), token);
    QVERIFY(outcome.finished);
    QVERIFY(outcome.allPassed);
    QVERIFY(outcome.passed(SetupCheck::Step::Key));
    QVERIFY(outcome.passed(SetupCheck::Step::Connection));
    // A gateway account has no numbers of its own to check: the gateway names the member's phone.
    QVERIFY(outcome.messageOf(SetupCheck::Step::Numbers).isEmpty());
    const QString said = outcome.messageOf(SetupCheck::Step::Connection);
    QVERIFY2(said.contains(QLatin1String("you are zhang.san")), qPrintable(said));
    QVERIFY2(said.contains(PhoneNumber::parse(QStringLiteral("8613900139000")).shown()), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("0 of the 50")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("ready to place your calls")), qPrintable(said));
    QVERIFY(!said.contains(QString::fromLatin1(token)));
    // Asking is not dialling: OneNET (the sandbox) was never called.
    QCOMPARE(m_sandbox->requestCount(), 0);
    QCOMPARE(m_store->dialsOn(QStringLiteral("zhang.san"), QDate::currentDate()), 0);
}

void TestGatewaySetup::unknownTokenIsRefusedInWords()
{
    addMember(QStringLiteral("zhang.san"), QStringLiteral("8613900139000"), 0);
    startGateway(true);
    const QByteArray stranger = UserToken::generate().text; // the right form, but not issued here
    const Outcome outcome = runCheck(gatewayAccount(address()), stranger);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    QVERIFY(outcome.passed(SetupCheck::Step::Key));
    QVERIFY(!outcome.passed(SetupCheck::Step::Connection));
    QCOMPARE(outcome.messageOf(SetupCheck::Step::Connection),
             QStringLiteral("The gateway at 127.0.0.1:%1 answered: %2")
                 .arg(m_gateway->port())
                 .arg(GatewayReply::messageForError(QString::fromLatin1(GatewayError::TokenRefused), -1)));
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestGatewaySetup::disabledMemberIsToldSo()
{
    const QByteArray token = addMember(QStringLiteral("li.si"), QStringLiteral("8613700137000"), 0);
    QVERIFY(m_store->setDisabled(QStringLiteral("li.si"), true).ok());
    startGateway(true);
    const Outcome outcome = runCheck(gatewayAccount(address()), token);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    const QString said = outcome.messageOf(SetupCheck::Step::Connection);
    QVERIFY2(
        said.endsWith(GatewayReply::messageForError(QString::fromLatin1(GatewayError::UserDisabled), -1)),
        qPrintable(said));
}

void TestGatewaySetup::gatewayWithoutOneNetAccountIsNamed()
{
    const QByteArray token = addMember(QStringLiteral("zhang.san"), QStringLiteral("8613900139000"), 0);
    startGateway(false);
    const Outcome outcome = runCheck(gatewayAccount(address()), token);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    const QString said = outcome.messageOf(SetupCheck::Step::Connection);
    // The token is fine (that is said first); the gateway cannot place calls yet (said after).
    QVERIFY2(said.startsWith(QLatin1String("The gateway accepted your token: you are zhang.san")),
             qPrintable(said));
    QVERIFY2(
        said.contains(GatewayReply::messageForError(QString::fromLatin1(GatewayError::NotConfigured), -1)),
        qPrintable(said));
}

void TestGatewaySetup::malformedTokenIsNeverSent()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", R"({"user":"x","caller":"8613900139000"})");
    const Outcome outcome = runCheck(gatewayAccount(server.baseUrl()), QByteArrayLiteral("odg_short"));
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.passed(SetupCheck::Step::Key));
    QVERIFY(!outcome.passed(SetupCheck::Step::Connection));
    QVERIFY(outcome.messageOf(SetupCheck::Step::Connection).startsWith(QLatin1String("Not asked yet")));
    QTest::qWait(100);
    QCOMPARE(server.requestCount(), 0);
}

void TestGatewaySetup::anotherServerIsNotAGateway()
{
    // The OneNET sandbox is a real HTTP server, but not a gateway: it has no /api/v1/me.
    const QByteArray token = UserToken::generate().text;
    const Outcome outcome = runCheck(gatewayAccount(m_sandbox->baseUrl()), token);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    const QString said = outcome.messageOf(SetupCheck::Step::Connection);
    QVERIFY2(said.contains(QLatin1String("not as a OneDial gateway")), qPrintable(said));
}

void TestGatewaySetup::redirectIsNotFollowed()
{
    ScriptedHttpServer elsewhere;
    QVERIFY(elsewhere.listen());
    elsewhere.setResponse(200, "application/json", R"({"user":"x","caller":"8613900139000"})");
    ScriptedHttpServer redirecting;
    QVERIFY(redirecting.listen());
    redirecting.setResponse("HTTP/1.1 302 Found\r\nLocation: " + elsewhere.baseUrl().toEncoded() +
                            "api/v1/me\r\nContent-Length: 0\r\n\r\n");
    const QByteArray token = UserToken::generate().text;
    const Outcome outcome = runCheck(gatewayAccount(redirecting.baseUrl()), token);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    QVERIFY(outcome.messageOf(SetupCheck::Step::Connection).contains(QLatin1String("(HTTP 302)")));
    QCOMPARE(redirecting.requestCount(), 1);
    QVERIFY(redirecting.requests().constFirst().contains(QByteArray("Authorization: Bearer " + token)));
    QTest::qWait(100);
    QCOMPARE(elsewhere.requestCount(), 0); // the token went nowhere else
}

void TestGatewaySetup::oversizedAnswerIsNotAGateway()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", QByteArray(4 * 1024 * 1024, ' ') + "{}");
    const Outcome outcome = runCheck(gatewayAccount(server.baseUrl()), UserToken::generate().text);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    QVERIFY(
        outcome.messageOf(SetupCheck::Step::Connection).contains(QLatin1String("not as a OneDial gateway")));
}

void TestGatewaySetup::silentServerTimesOut()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(ScriptedHttpServer::Behaviour::Silent);
    const Outcome outcome = runCheck(gatewayAccount(server.baseUrl()), UserToken::generate().text, 500);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.allPassed);
    const QString said = outcome.messageOf(SetupCheck::Step::Connection);
    QVERIFY2(said.contains(QLatin1String("no answer within the 1-second limit")), qPrintable(said));
}

void TestGatewaySetup::startSandboxGateway(quint16 port)
{
    GatewayConfig config;
    config.publicUrl = QUrl(QStringLiteral("https://dial.example.com"));
    config.hasAccount = true;
    config.sandbox = true;
    config.account = m_sandbox->sandboxAccount(Api::V1);
    config.account.caller.clear();
    config.notifySecret = GatewayConfig::newNotifySecret();
    m_gateway = std::make_unique<Gateway>(config, AccessKey(), QString(), m_store.get());
    QString error;
    QVERIFY2(m_gateway->start(&error, port), qPrintable(error));
    m_gateway->sandbox()->callbacks()->setStepMs(40);
}

QString TestGatewaySetup::dialThrough(const QByteArray &token, const QString &callee)
{
    QNetworkAccessManager network;
    QNetworkRequest request(gatewayAccount(address()).dialUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("callee"), callee}}).toJson()));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, kWaitMs))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("call_id")).toString();
}

void TestGatewaySetup::desktopFollowsTheCallsLive()
{
    const QByteArray token = addMember(QStringLiteral("zhang.san"), QStringLiteral("8613900139000"), 0);
    startSandboxGateway();
    GatewayEventStream stream(gatewayAccount(address()));
    stream.setPauses(50, 200);
    QList<GatewayEventStream::CallEvent> events;
    connect(&stream, &GatewayEventStream::callEvent, this,
            [&events](const GatewayEventStream::CallEvent &event) { events << event; });
    stream.start(AccessKey(token));
    QTRY_COMPARE_WITH_TIMEOUT(stream.state(), GatewayEventStream::State::Open, kWaitMs);

    // Every step of an answered call, in order, with growing ids.
    const QString answered = dialThrough(token, QStringLiteral("139 1234 5678"));
    QVERIFY(!answered.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty() && events.constLast().progress == CallProgress::Disconnected,
                             kWaitMs);
    QCOMPARE(events.size(), 4);
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).callId, answered);
        QCOMPARE(int(events.at(i).progress), int(CallProgress::CallingCaller) + int(i));
        QVERIFY(i == 0 || events.at(i).eventId > events.at(i - 1).eventId);
    }
    QCOMPARE(events.constLast().reason, QStringLiteral("HangUp"));
    QVERIFY(events.constLast().durationSecs.value_or(0) >= 1);
    QCOMPARE(stream.lastEventId(), events.constLast().eventId);

    // Away for a while (asleep, offline): a busy call meanwhile; on return, exactly what was missed.
    const qint64 seen = stream.lastEventId();
    stream.stop();
    const QString missed = dialThrough(token, QStringLiteral("13800000903"));
    QVERIFY(!missed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->calls(QStringLiteral("zhang.san"), 0).constLast().callStatus,
                              QStringLiteral("Disconnected"), kWaitMs);
    events.clear();
    stream.start(AccessKey(token), seen);
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, kWaitMs);
    QTest::qWait(200);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.constLast().callId, missed);
    QCOMPARE(events.constLast().reason, QStringLiteral("CalleeBusy"));
    for (const GatewayEventStream::CallEvent &event : std::as_const(events))
        QVERIFY(event.callId == missed && event.eventId > seen);

    // The gateway restarts: the stream waits, connects again by itself, and goes on from there.
    const quint16 port = m_gateway->port();
    m_gateway.reset();
    QTRY_VERIFY_WITH_TIMEOUT(stream.state() == GatewayEventStream::State::Waiting ||
                                 stream.state() == GatewayEventStream::State::Connecting,
                             kWaitMs);
    startSandboxGateway(port);
    QTRY_COMPARE_WITH_TIMEOUT(stream.state(), GatewayEventStream::State::Open, kWaitMs);
    events.clear();
    const QString after = dialThrough(token, QStringLiteral("13800000905"));
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty() && events.constLast().progress == CallProgress::Disconnected,
                             kWaitMs);
    QCOMPARE(events.constLast().callId, after);
    QCOMPARE(events.constLast().reason, QStringLiteral("CallerNoAnswer"));
}

void TestGatewaySetup::refusedTokenStopsFollowing()
{
    addMember(QStringLiteral("zhang.san"), QStringLiteral("8613900139000"), 0);
    startSandboxGateway();
    GatewayEventStream stream(gatewayAccount(address()));
    stream.setPauses(20, 50);
    QSignalSpy states(&stream, &GatewayEventStream::stateChanged);
    stream.start(AccessKey(UserToken::generate().text));
    QTRY_COMPARE_WITH_TIMEOUT(stream.state(), GatewayEventStream::State::Refused, kWaitMs);
    QCOMPARE(stream.problem(),
             GatewayReply::messageForError(QString::fromLatin1(GatewayError::TokenRefused), -1));
    // Not tried again: each try would count as a failed login at the gateway.
    const qsizetype changes = states.size();
    QTest::qWait(300);
    QCOMPARE(states.size(), changes);
    QCOMPARE(stream.state(), GatewayEventStream::State::Refused);
}

QTEST_MAIN(TestGatewaySetup)
#include "tst_gatewaysetup.moc"
