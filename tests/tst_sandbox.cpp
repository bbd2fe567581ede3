// The OneNET sandbox over real HTTP on loopback: every documented code through the real
// DialClient, the token, body and routing rules with hand-made requests, and the status
// callbacks it POSTs for accepted calls (to a loopback receiver that records them), signed as
// OneNET signs them.
#include "ScriptedHttpServer.h"
#include "onenet/CallbackReceiver.h"
#include "onenet/DialClient.h"
#include "onenet/ResultCatalogue.h"
#include "onenet/SandboxCallbacks.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "onenet/TokenSigner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

using namespace onedial;

namespace {

// Server and client share a fixed time, so that expiry is decided by each test, not the wall clock.
constexpr qint64 kNow = 1767225600; // 2026-01-01 00:00:00 UTC
constexpr int kWaitMs = 20000;
qint64 fixedClock()
{
    return kNow;
}

// An ordinary callee that no scenario claims: the sandbox accepts the call.
const QString kCallee = QStringLiteral("8613912345678");

// A second account on the sandbox whose caller may not be shown as display.
const QString kPlainAppId = QStringLiteral("0d1a15a4db0000000000000000000002");
const QString kPlainUserId = QStringLiteral("100002");
const QString kPlainSponsor = QStringLiteral("075528000005");
const QString kPlainCaller = QStringLiteral("8613900139000");

QByteArray plainKey()
{
    return QByteArrayLiteral("OneDial test account, plain one.").toBase64();
}

QByteArray strangerKey()
{
    return QByteArrayLiteral("A key the sandbox never issued..").toBase64();
}

QString identityFor(Api api)
{
    return api == Api::V1 ? SandboxScenarios::appId() : SandboxScenarios::userId();
}

TokenParams tokenFor(Api api, const QString &identity, qint64 et = kNow + 3600,
                     SignMethod method = SignMethod::Sha256)
{
    return {TokenSigner::versionFor(api), TokenSigner::resFor(api, identity), et, method};
}

QByteArray authorization(const TokenParams &token, const QByteArray &key = SandboxScenarios::key())
{
    return TokenSigner::authorization(AccessKey(key), token).value_or(QByteArray());
}

QByteArray sandboxAuthorization(Api api, qint64 et = kNow + 3600, SignMethod method = SignMethod::Sha256)
{
    return authorization(tokenFor(api, identityFor(api), et, method));
}

// A header assembled by hand around a signature computed by hand, for the mistakes a client
// can make that TokenSigner itself never makes.
QByteArray handMadeAuthorization(const TokenParams &token, const QByteArray &hmacKey,
                                 const QString &separator)
{
    const QString toSign = QString::number(token.et) + separator + signMethodName(token.method) + separator +
                           token.res + separator + token.version;
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256;
    if (token.method == SignMethod::Md5)
        algorithm = QCryptographicHash::Md5;
    else if (token.method == SignMethod::Sha1)
        algorithm = QCryptographicHash::Sha1;
    const QByteArray sign = QMessageAuthenticationCode::hash(toSign.toUtf8(), hmacKey, algorithm).toBase64();
    return QByteArrayLiteral("version=") + token.version.toUtf8().toPercentEncoding() +
           QByteArrayLiteral("&res=") + token.res.toUtf8().toPercentEncoding() + QByteArrayLiteral("&et=") +
           QByteArray::number(token.et) + QByteArrayLiteral("&method=") +
           signMethodName(token.method).toLatin1() + QByteArrayLiteral("&sign=") + sign.toPercentEncoding();
}

QJsonObject validBody(Api api, const QString &appId = SandboxScenarios::appId())
{
    QJsonObject body{{QStringLiteral("sponsor"), SandboxScenarios::sponsor()},
                     {QStringLiteral("caller"), SandboxScenarios::caller()},
                     {QStringLiteral("callee"), kCallee}};
    if (api == Api::V1)
        body.insert(QStringLiteral("appid"), appId);
    return body;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray with(Api api, const QString &field, const QJsonValue &value)
{
    QJsonObject body = validBody(api);
    body.insert(field, value);
    return toJson(body);
}

QByteArray without(Api api, const QString &field)
{
    QJsonObject body = validBody(api);
    body.remove(field);
    return toJson(body);
}

// What a hand-made request should get back: the HTTP status and the envelope's code, which is the
// v1 code_no, or v2 "iot.vcs.<name>"; empty for a v2 success, a v2 codeless 401 and a 404.
struct Expect
{
    int status = 200;
    QString code;
};

Expect accepted(Api api)
{
    return {200, api == Api::V1 ? QStringLiteral("000000") : QString()};
}

Expect refused(Api api, const char *v1CodeNo, const char *v2Name)
{
    return {200, api == Api::V1 ? QString(QLatin1String(v1CodeNo))
                                : QString(QStringLiteral("iot.vcs.") + QLatin1String(v2Name))};
}

// v1 answers a refused token with 000015; v2's answer is undocumented and the sandbox gives HTTP 401.
Expect authorizationRefused(Api api)
{
    return api == Api::V1 ? Expect{200, QStringLiteral("000015")} : Expect{401, QString()};
}

const Expect kNotFound{404, QString()};

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listensOnLoopbackOnly();
    void scenariosCoverTheCatalogue();
    void everyDocumentedCode_data();
    void everyDocumentedCode();
    void acceptsAValidDial_data() { addApiColumn(); }
    void acceptsAValidDial();
    void verifiesTokens_data();
    void verifiesTokens() { checkRawRequest(); }
    void checksBodies_data();
    void checksBodies() { checkRawRequest(); }
    void routesOnlyTheDialEndpoint_data();
    void routesOnlyTheDialEndpoint() { checkRawRequest(); }
    void slowScenarioAnswersLate_data() { addApiColumn(); }
    void slowScenarioAnswersLate();
    void slowScenarioOutlastsTheClient_data() { addApiColumn(); }
    void slowScenarioOutlastsTheClient();
    void errorPageScenario_data() { addApiColumn(); }
    void errorPageScenario();
    void dateHeaderIsTheSandboxClock();
    void expiredTokenHintsAtClockSkew_data() { addApiColumn(); }
    void expiredTokenHintsAtClockSkew();
    void noClockHintWithoutSkew_data() { addApiColumn(); }
    void noClockHintWithoutSkew();
    void statusCallbacksFollowTheCall_data();
    void statusCallbacksFollowTheCall();
    void noCallbacksWithoutNotifyUrl();
    void refusedCallGetsNoCallbacks();
    void unreachableReceiverIsNotRetried();
    void desktopReceiverBelievesOnlySignedReports();

private:
    struct RawAnswer
    {
        bool finished = false;
        int status = 0;
        QByteArray body;
        QByteArray date;
    };

    static void addApiColumn();
    QUrl dialUrl(Api api) const { return m_sandbox->sandboxAccount(api).dialUrl(); }
    QUrl urlAt(const QString &pathAndQuery) const;
    void addRawColumns();
    void addRaw(const char *name, Api api, const QByteArray &authorization, const QByteArray &body,
                const Expect &expect, const QByteArray &verb = QByteArrayLiteral("POST"),
                const QUrl &url = {});
    void checkRawRequest();
    RawAnswer send(const QByteArray &verb, const QUrl &url, const QByteArray &authorization,
                   const QByteArray &body);
    std::optional<DialOutcome> dial(DialClient &client, Api api, const QString &callee,
                                    const QByteArray &key = SandboxScenarios::key(),
                                    int timeoutMs = DialClient::kDefaultTimeoutMs);

    // Dials callee with a notify_url pointing at receiver; the outcome's call id, or empty.
    QString dialWithNotify(Api api, const QString &callee, const QUrl &notifyUrl);

    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
};

void TestSandbox::initTestCase()
{
    QCOMPARE(kPlainAppId.size(), 32);
    // Straight to the loopback sandbox, whatever proxy the environment names.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_sandbox->addRegistration({Api::V1, kPlainAppId, plainKey(), kPlainSponsor, kPlainCaller, false});
    m_sandbox->addRegistration({Api::V2, kPlainUserId, plainKey(), kPlainSponsor, kPlainCaller, false});
}

void TestSandbox::init()
{
    m_sandbox->setClock(fixedClock);
    m_sandbox->setSlowDelayMs(60000);
}

void TestSandbox::addApiColumn()
{
    QTest::addColumn<Api>("api");
    QTest::newRow("v1") << Api::V1;
    QTest::newRow("v2") << Api::V2;
}

QUrl TestSandbox::urlAt(const QString &pathAndQuery) const
{
    return m_sandbox->baseUrl().resolved(QUrl(pathAndQuery));
}

TestSandbox::RawAnswer TestSandbox::send(const QByteArray &verb, const QUrl &url,
                                         const QByteArray &authorization, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/json;charset=utf-8"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    std::unique_ptr<QNetworkReply> reply(verb == "GET" ? m_network.get(request)
                                                       : m_network.sendCustomRequest(request, verb, body));
    RawAnswer answer;
    answer.finished = QTest::qWaitFor([&reply] { return reply->isFinished(); }, kWaitMs);
    if (!answer.finished) {
        reply->abort();
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.date = reply->rawHeader("Date");
    return answer;
}

std::optional<DialOutcome> TestSandbox::dial(DialClient &client, Api api, const QString &callee,
                                             const QByteArray &key, int timeoutMs)
{
    QList<DialOutcome> outcomes;
    quint64 id = 0;
    const auto connection = connect(&client, &DialClient::finished, this,
                                    [&outcomes, &id](quint64 finishedId, const DialOutcome &outcome) {
                                        if (finishedId == id)
                                            outcomes.append(outcome);
                                    });
    // finished() never comes from inside dial(), so id is set before it can arrive.
    id = client.dial(m_sandbox->sandboxAccount(api), AccessKey(key), PhoneNumber::parse(callee), timeoutMs);
    const bool arrived = QTest::qWaitFor([&outcomes] { return !outcomes.isEmpty(); }, kWaitMs);
    disconnect(connection);
    if (!arrived || outcomes.size() != 1)
        return std::nullopt;
    return outcomes.constFirst();
}

void TestSandbox::listensOnLoopbackOnly()
{
    SandboxServer notListening;
    QCOMPARE(notListening.port(), quint16(0));

    QCOMPARE(m_sandbox->baseUrl().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_sandbox->baseUrl().scheme(), QStringLiteral("http"));
    QVERIFY(m_sandbox->port() != 0);
    QCOMPARE(m_sandbox->baseUrl().port(), int(m_sandbox->port()));
    QCOMPARE(m_sandbox->sandboxAccount(Api::V1).endpoint, m_sandbox->baseUrl());

    SandboxServer second;
    QVERIFY(second.listen());
    QVERIFY(second.port() != 0);
    QVERIFY(second.port() != m_sandbox->port());

    // Nothing answers on this machine's other addresses: the sandbox is not reachable from the network.
    int probed = 0;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        QTcpSocket socket;
        socket.connectToHost(address, m_sandbox->port());
        // A probe that neither connects nor fails within the wait has not reached the sandbox either.
        const bool settled = QTest::qWaitFor(
            [&socket] {
                return socket.state() == QAbstractSocket::ConnectedState ||
                       socket.state() == QAbstractSocket::UnconnectedState;
            },
            kWaitMs);
        Q_UNUSED(settled)
        QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, qPrintable(address.toString()));
        ++probed;
    }
    if (probed == 0)
        qInfo("no non-loopback IPv4 address to probe");
}

void TestSandbox::scenariosCoverTheCatalogue()
{
    // Each documented failure has exactly one callee, so that every code can be seen in the sandbox.
    QStringList v1;
    QStringList v2;
    for (const SandboxScenario &scenario : SandboxScenarios::all()) {
        if (scenario.kind == SandboxScenario::Kind::ServiceCode)
            (scenario.api == Api::V1 ? v1 : v2).append(scenario.code);
    }
    QStringList documentedV1;
    for (const ResultCode &code : ResultCatalogue::v1Codes()) {
        if (QLatin1String(code.codeNo) != QLatin1String("000000"))
            documentedV1.append(QLatin1String(code.codeNo));
    }
    QStringList documentedV2;
    for (const ResultCode &code : ResultCatalogue::v2Codes())
        documentedV2.append(QLatin1String(code.name));
    QCOMPARE(v1, documentedV1);
    QCOMPARE(v2, documentedV2);
    QCOMPARE(v1.size(), 14);
    QCOMPARE(v2.size(), 23);
}

void TestSandbox::everyDocumentedCode_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("callee");
    QTest::addColumn<QString>("code");
    for (const SandboxScenario &scenario : SandboxScenarios::all()) {
        if (scenario.kind != SandboxScenario::Kind::ServiceCode)
            continue;
        QTest::addRow("%s %s %s", qPrintable(apiName(scenario.api)), qPrintable(scenario.callee),
                      qPrintable(scenario.code))
            << scenario.api << scenario.callee << scenario.code;
    }
}

void TestSandbox::everyDocumentedCode()
{
    QFETCH(Api, api);
    QFETCH(QString, callee);
    QFETCH(QString, code);

    DialClient client;
    client.setClock(fixedClock);
    const int before = m_sandbox->requestCount();
    const auto outcome = dial(client, api, callee);
    QVERIFY(outcome);
    QCOMPARE(m_sandbox->requestCount(), before + 1);

    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Refused));
    QCOMPARE(outcome->exitStatus(), 1);
    QCOMPARE(outcome->httpStatus, 200);
    QVERIFY(!outcome->requestId.isEmpty());
    QCOMPARE(outcome->callee, QStringLiteral("86") + callee);
    const ResultCode *entry = api == Api::V1 ? ResultCatalogue::findV1(code) : ResultCatalogue::findV2(code);
    QVERIFY(entry);
    if (api == Api::V1) {
        QCOMPARE(outcome->codeNo, code);
        QCOMPARE(outcome->code, QLatin1String(entry->name));
        QCOMPARE(outcome->message, ResultCatalogue::messageForV1(code, outcome->serviceMessage));
    } else {
        QVERIFY(outcome->codeNo.isEmpty());
        QCOMPARE(outcome->code, QStringLiteral("iot.vcs.") + code);
        QCOMPARE(outcome->message, ResultCatalogue::messageForV2(outcome->code, outcome->serviceMessage));
    }
    // The catalogue's own advice for the code, so never the text for codes OneDial does not know.
    QCOMPARE(outcome->message, QCoreApplication::translate("ResultCatalogue", entry->advice));
    QCOMPARE(outcome->serviceMessage, QLatin1String(entry->meaning));
    QVERIFY(outcome->callId.isEmpty());
}

void TestSandbox::acceptsAValidDial()
{
    QFETCH(Api, api);

    DialClient client;
    client.setClock(fixedClock);
    const int before = m_sandbox->requestCount();
    const auto outcome = dial(client, api, QStringLiteral("139 1234 5678"));
    QVERIFY(outcome);
    QCOMPARE(m_sandbox->requestCount(), before + 1);

    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Accepted));
    QVERIFY(outcome->ok());
    QCOMPARE(outcome->exitStatus(), 0);
    QCOMPARE(outcome->httpStatus, 200);
    QVERIFY(!outcome->callId.isEmpty());
    QVERIFY(!outcome->requestId.isEmpty());
    QCOMPARE(outcome->callee, kCallee);
    QVERIFY(outcome->error.isEmpty());

    // What went over the wire is the documented request.
    const SandboxServer::Received &received = m_sandbox->received().constLast();
    QCOMPARE(received.method, QByteArrayLiteral("POST"));
    QCOMPARE(received.path, dialUrl(api).path());
    QCOMPARE(received.query, dialUrl(api).query());
    QCOMPARE(received.contentType, QByteArrayLiteral("application/json;charset=utf-8"));
    const QJsonObject body = QJsonDocument::fromJson(received.body).object();
    QCOMPARE(body.value(QStringLiteral("callee")).toString(), kCallee);
    QCOMPARE(body.contains(QStringLiteral("appid")), api == Api::V1);

    // The sandbox cannot tell an et in milliseconds from a far-future one (see verifiesTokens_data),
    // so the client's et is checked here: Unix seconds, the account's token lifetime ahead.
    const auto token = TokenSigner::parseAuthorization(received.authorization);
    QVERIFY(token);
    QCOMPARE(token->first.et, kNow + m_sandbox->sandboxAccount(api).tokenLifetimeSecs);
}

void TestSandbox::addRawColumns()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
}

void TestSandbox::addRaw(const char *name, Api api, const QByteArray &authorization, const QByteArray &body,
                         const Expect &expect, const QByteArray &verb, const QUrl &url)
{
    QTest::addRow("%s: %s", qPrintable(apiName(api)), name)
        << api << verb << (url.isEmpty() ? dialUrl(api) : url) << authorization << body << expect.status
        << expect.code;
}

void TestSandbox::checkRawRequest()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, verb);
    QFETCH(QUrl, url);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    const RawAnswer answer = send(verb, url, authorization, body);
    QVERIFY2(answer.finished, "the sandbox did not answer");
    QCOMPARE(answer.status, status);
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    if (status == 404) {
        QVERIFY(!document.isObject());
        return;
    }
    QVERIFY2(document.isObject(), answer.body.constData());
    const QJsonObject json = document.object();
    const QString callId =
        json.value(QStringLiteral("data")).toObject().value(QStringLiteral("call_id")).toString();

    if (api == Api::V1) {
        QCOMPARE(json.value(QStringLiteral("code_no")).toString(), code);
        QVERIFY(!json.value(QStringLiteral("request_id")).toString().isEmpty());
        const ResultCode *entry = ResultCatalogue::findV1(code);
        QVERIFY(entry);
        QCOMPARE(json.value(QStringLiteral("code")).toString(), QLatin1String(entry->name));
        QCOMPARE(json.value(QStringLiteral("message")).toString(), QLatin1String(entry->meaning));
        QCOMPARE(callId.isEmpty(), code != QLatin1String("000000"));
        return;
    }
    QVERIFY(!json.value(QStringLiteral("requestId")).toString().isEmpty());
    const bool success = json.value(QStringLiteral("success")).toBool(false);
    QVERIFY(json.value(QStringLiteral("success")).isBool());
    if (code.isEmpty()) {
        // A v2 success, or the codeless 401 the sandbox gives for a refused token.
        QCOMPARE(success, status == 200);
        QCOMPARE(callId.isEmpty(), status != 200);
        QVERIFY(!json.contains(QStringLiteral("code")));
        return;
    }
    QVERIFY(!success);
    QVERIFY(callId.isEmpty());
    QCOMPARE(json.value(QStringLiteral("code")).toString(), code);
    const ResultCode *entry = ResultCatalogue::findV2(code);
    QVERIFY(entry);
    QCOMPARE(json.value(QStringLiteral("msg")).toString(), QLatin1String(entry->meaning));
}

void TestSandbox::verifiesTokens_data()
{
    addRawColumns();
    for (Api api : {Api::V1, Api::V2}) {
        const QByteArray body = toJson(validBody(api));
        const QByteArray good = sandboxAuthorization(api);
        const TokenParams token = tokenFor(api, identityFor(api));
        const Expect refusedToken = authorizationRefused(api);

        addRaw("control: a valid token", api, good, body, accepted(api));
        addRaw("missing Authorization", api, {}, body,
               api == Api::V1 ? Expect{200, QStringLiteral("000014")} : Expect{401, QString()});
        addRaw("not a token", api, "token", body, refusedToken);
        addRaw("Bearer in front", api, "Bearer " + good, body, refusedToken);
        addRaw("sign left out", api, good.left(good.indexOf("&sign=")), body, refusedToken);
        addRaw("unknown method", api, QByteArray(good).replace("method=sha256", "method=sha512"), body,
               refusedToken);
        addRaw("method in upper case", api, QByteArray(good).replace("method=sha256", "method=SHA256"), body,
               refusedToken);
        addRaw("et not a number", api, QByteArray(good).replace(QByteArray::number(kNow + 3600), "soon"),
               body, refusedToken);
        addRaw("et changed after signing", api,
               QByteArray(good).replace(QByteArray::number(kNow + 3600), QByteArray::number(kNow + 7200)),
               body, refusedToken);
        addRaw("signed with another key", api, authorization(token, strangerKey()), body, refusedToken);
        addRaw("key text used without base64 decoding", api,
               handMadeAuthorization(token, SandboxScenarios::key(), QStringLiteral("\n")), body,
               refusedToken);
        addRaw("'/n' as the separator", api,
               handMadeAuthorization(token, QByteArray::fromBase64(SandboxScenarios::key()),
                                     QStringLiteral("/n")),
               body, refusedToken);
        addRaw("control: hand-made token", api,
               handMadeAuthorization(token, QByteArray::fromBase64(SandboxScenarios::key()),
                                     QStringLiteral("\n")),
               body, accepted(api));

        addRaw("et one second past", api, sandboxAuthorization(api, kNow - 1), body, refusedToken);
        addRaw("et a day past", api, sandboxAuthorization(api, kNow - 86400), body, refusedToken);
        addRaw("et zero", api, sandboxAuthorization(api, 0), body, refusedToken);
        addRaw("et negative", api, sandboxAuthorization(api, -1), body, refusedToken);
        addRaw("et beyond 64 bits", api,
               QByteArray(good).replace(QByteArray::number(kNow + 3600), "99999999999999999999"), body,
               refusedToken);
        // et is Unix seconds [doc]. An et sent in milliseconds by mistake is about 1.8e12: a time
        // some 55,000 years ahead, and still a future time. The documentation describes no check
        // but "et not past server time" and names no longest lifetime, so the real service can be
        // expected to accept such a token, and the sandbox does the same rather than invent a
        // limit the service may not have. The sandbox therefore cannot catch a client that signs
        // milliseconds: acceptsAValidDial checks DialClient's et directly instead.
        addRaw("et in milliseconds is a far-future time", api, sandboxAuthorization(api, kNow * 1000), body,
               accepted(api));

        for (SignMethod method : {SignMethod::Md5, SignMethod::Sha1, SignMethod::Sha256}) {
            const QByteArray name = "signed with " + signMethodName(method).toLatin1();
            addRaw(name.constData(), api, sandboxAuthorization(api, kNow + 3600, method), body,
                   accepted(api));
        }

        const Api other = api == Api::V1 ? Api::V2 : Api::V1;
        TokenParams wrongVersion = token;
        wrongVersion.version = TokenSigner::versionFor(other);
        addRaw("version of the other generation", api, authorization(wrongVersion), body, refusedToken);
        TokenParams oldVersion = token;
        oldVersion.version = QStringLiteral("2018-10-31");
        addRaw("version of OneNET's device tokens", api, authorization(oldVersion), body, refusedToken);
        TokenParams wrongRes = token;
        wrongRes.res = TokenSigner::resFor(other, identityFor(api));
        addRaw("res of the other generation", api, authorization(wrongRes), body, refusedToken);
        TokenParams v2Identity = token;
        v2Identity.res = TokenSigner::resFor(api, identityFor(other));
        addRaw("res naming the other generation's account", api, authorization(v2Identity), body,
               refused(api, "000002", "userIdNotExist"));
    }

    const QString unknownAppId = QStringLiteral("ffffffffffffffffffffffffffffffff");
    addRaw("res naming an unknown appid", Api::V1, authorization(tokenFor(Api::V1, unknownAppId)),
           toJson(validBody(Api::V1, unknownAppId)), refused(Api::V1, "000002", nullptr));
    addRaw("res naming an unknown userid", Api::V2,
           authorization(tokenFor(Api::V2, QStringLiteral("999999"))), toJson(validBody(Api::V2)),
           refused(Api::V2, nullptr, "userIdNotExist"));
    // A valid token for one appid cannot dial for another.
    QJsonObject plainBody = validBody(Api::V1);
    plainBody.insert(QStringLiteral("sponsor"), kPlainSponsor);
    addRaw("res appid differs from body appid", Api::V1,
           authorization(tokenFor(Api::V1, kPlainAppId), plainKey()), toJson(plainBody),
           refused(Api::V1, "000002", nullptr));
    plainBody.insert(QStringLiteral("appid"), kPlainAppId);
    addRaw("control: res appid equals body appid", Api::V1,
           authorization(tokenFor(Api::V1, kPlainAppId), plainKey()), toJson(plainBody), accepted(Api::V1));
}

void TestSandbox::checksBodies_data()
{
    addRawColumns();
    const auto s = [](const char *text) {
        return QJsonValue(QLatin1String(text));
    };
    for (Api api : {Api::V1, Api::V2}) {
        const QByteArray auth = sandboxAuthorization(api);
        const Expect invalidJson = refused(api, "000012", "invalidJsonParams");
        const Expect nullParam = refused(api, "000006", "paramNullException");
        const Expect wrongType = refused(api, "000005", "invalidReqParams");
        const Expect invalidParams = refused(api, "000004", "invalidParams");
        const Expect numberFormat = refused(api, "001005", "numberFormatError");
        const Expect mismatch = refused(api, "001008", "businessNumberMismatch");

        addRaw("form encoding instead of JSON", api, auth, "sponsor=075528000003&caller=8613800138000",
               invalidJson);
        addRaw("empty body", api, auth, {}, invalidJson);
        addRaw("truncated JSON", api, auth, toJson(validBody(api)).chopped(1), invalidJson);
        addRaw("JSON array", api, auth, "[" + toJson(validBody(api)) + "]", invalidJson);
        addRaw("JSON string", api, auth, "\"8613912345678\"", invalidJson);

        for (const char *field : {"sponsor", "caller", "callee"}) {
            const QString name = QLatin1String(field);
            addRaw(qPrintable(QStringLiteral("%1 missing").arg(name)), api, auth, without(api, name),
                   nullParam);
            addRaw(qPrintable(QStringLiteral("%1 empty").arg(name)), api, auth, with(api, name, s("")),
                   nullParam);
            addRaw(qPrintable(QStringLiteral("%1 null").arg(name)), api, auth, with(api, name, QJsonValue()),
                   nullParam);
        }
        addRaw("callee a number", api, auth, with(api, QStringLiteral("callee"), 8613912345678.0), wrongType);
        addRaw("sponsor an array", api, auth,
               with(api, QStringLiteral("sponsor"), QJsonArray{SandboxScenarios::sponsor()}), wrongType);
        addRaw("display a number", api, auth, with(api, QStringLiteral("display"), 75528000003.0), wrongType);
        addRaw("notify_url an object", api, auth, with(api, QStringLiteral("notify_url"), QJsonObject()),
               wrongType);

        const QString longNumber(65, QLatin1Char('1'));
        for (const char *field : {"sponsor", "caller", "callee", "display"}) {
            addRaw(qPrintable(QStringLiteral("%1 of 65 characters").arg(QLatin1String(field))), api, auth,
                   with(api, QLatin1String(field), longNumber), invalidParams);
        }
        const QString urlPrefix = QStringLiteral("https://example.com/");
        addRaw("notify_url of 513 characters", api, auth,
               with(api, QStringLiteral("notify_url"),
                    QString(urlPrefix + QString(513 - urlPrefix.size(), QLatin1Char('a')))),
               invalidParams);
        addRaw("notify_url of 512 characters", api, auth,
               with(api, QStringLiteral("notify_url"),
                    QString(urlPrefix + QString(512 - urlPrefix.size(), QLatin1Char('a')))),
               accepted(api));

        addRaw("callee too short", api, auth, with(api, QStringLiteral("callee"), s("12345")), numberFormat);
        addRaw("callee without 86", api, auth, with(api, QStringLiteral("callee"), s("13912345678")),
               numberFormat);
        addRaw("callee with +", api, auth, with(api, QStringLiteral("callee"), s("+8613912345678")),
               numberFormat);
        addRaw("callee with spaces", api, auth, with(api, QStringLiteral("callee"), s("86 139 1234 5678")),
               numberFormat);
        addRaw("callee not a mobile", api, auth, with(api, QStringLiteral("callee"), s("8612912345678")),
               numberFormat);
        addRaw("caller letters", api, auth, with(api, QStringLiteral("caller"), s("86138OO138OOO")),
               numberFormat);
        addRaw("sponsor without its 0", api, auth, with(api, QStringLiteral("sponsor"), s("75528000003")),
               numberFormat);
        addRaw("display not a number", api, auth, with(api, QStringLiteral("display"), s("OneDial")),
               numberFormat);
        addRaw("landline callee", api, auth, with(api, QStringLiteral("callee"), s("01088886666")),
               accepted(api));

        addRaw("sponsor not issued to the account", api, auth,
               with(api, QStringLiteral("sponsor"), s("075528000004")), mismatch);
        addRaw("display equals sponsor", api, auth,
               with(api, QStringLiteral("display"), SandboxScenarios::sponsor()), accepted(api));
        addRaw("display equals the whitelisted caller", api, auth,
               with(api, QStringLiteral("display"), SandboxScenarios::caller()), accepted(api));
        addRaw("display equals callee", api, auth, with(api, QStringLiteral("display"), kCallee), mismatch);
        addRaw("display another number", api, auth, with(api, QStringLiteral("display"), s("8613700137000")),
               mismatch);
        // Only the caller number that is whitelisted may be shown, not whatever caller a request names.
        QJsonObject otherCaller = validBody(api);
        otherCaller.insert(QStringLiteral("caller"), QStringLiteral("8613700137000"));
        otherCaller.insert(QStringLiteral("display"), QStringLiteral("8613700137000"));
        addRaw("display equals a caller that is not whitelisted", api, auth, toJson(otherCaller), mismatch);
        otherCaller.remove(QStringLiteral("display"));
        addRaw("control: another caller without display", api, auth, toJson(otherCaller), accepted(api));

        // The plain account's caller is not whitelisted: its display may only be its sponsor.
        const QByteArray plainAuth =
            authorization(tokenFor(api, api == Api::V1 ? kPlainAppId : kPlainUserId), plainKey());
        QJsonObject plain = validBody(api, kPlainAppId);
        plain.insert(QStringLiteral("sponsor"), kPlainSponsor);
        plain.insert(QStringLiteral("caller"), kPlainCaller);
        addRaw("control: account without whitelist, no display", api, plainAuth, toJson(plain),
               accepted(api));
        plain.insert(QStringLiteral("display"), kPlainSponsor);
        addRaw("account without whitelist, display equals sponsor", api, plainAuth, toJson(plain),
               accepted(api));
        plain.insert(QStringLiteral("display"), kPlainCaller);
        addRaw("account without whitelist, display equals caller", api, plainAuth, toJson(plain), mismatch);

        // OneNET's own samples write notify_urls without "//".
        addRaw("notify_url without scheme", api, auth,
               with(api, QStringLiteral("notify_url"), s("example.com/status")), invalidParams);
        addRaw("notify_url without //", api, auth,
               with(api, QStringLiteral("notify_url"), s("http:example.com/status")), invalidParams);
        addRaw("notify_url ftp", api, auth,
               with(api, QStringLiteral("notify_url"), s("ftp://example.com/status")), invalidParams);
        addRaw("notify_url with a space in the host", api, auth,
               with(api, QStringLiteral("notify_url"), s("https://exa mple.com/status")), invalidParams);
        addRaw("notify_url plain text", api, auth, with(api, QStringLiteral("notify_url"), s("call me back")),
               invalidParams);
        addRaw("notify_url https", api, auth,
               with(api, QStringLiteral("notify_url"), s("https://example.com/onenet/status?account=1")),
               accepted(api));
        addRaw("notify_url http with port", api, auth,
               with(api, QStringLiteral("notify_url"), s("http://203.0.113.7:8080/status")), accepted(api));
    }
    addRaw("appid missing", Api::V1, sandboxAuthorization(Api::V1), without(Api::V1, QStringLiteral("appid")),
           refused(Api::V1, "000006", nullptr));
    addRaw("appid a number", Api::V1, sandboxAuthorization(Api::V1),
           with(Api::V1, QStringLiteral("appid"), 1.0), refused(Api::V1, "000005", nullptr));
    addRaw("appid of 33 characters", Api::V1, sandboxAuthorization(Api::V1),
           with(Api::V1, QStringLiteral("appid"), QString(SandboxScenarios::appId() + QLatin1Char('0'))),
           refused(Api::V1, "000004", nullptr));
}

void TestSandbox::routesOnlyTheDialEndpoint_data()
{
    addRawColumns();
    const QByteArray v1Auth = sandboxAuthorization(Api::V1);
    const QByteArray v1Body = toJson(validBody(Api::V1));
    const QByteArray v2Auth = sandboxAuthorization(Api::V2);
    const QByteArray v2Body = toJson(validBody(Api::V2));

    addRaw("GET on the dial path", Api::V1, v1Auth, {}, kNotFound, "GET");
    addRaw("PUT on the dial path", Api::V1, v1Auth, v1Body, kNotFound, "PUT");
    addRaw("voice notification path", Api::V1, v1Auth, v1Body, kNotFound, "POST",
           urlAt(QStringLiteral("/v1/onenet/voice/notify")));
    addRaw("path in the documentation's spelling", Api::V1, v1Auth, v1Body, kNotFound, "POST",
           urlAt(QStringLiteral("/v1/OneNET/dial/notify")));
    addRaw("root", Api::V1, v1Auth, v1Body, kNotFound, "POST", urlAt(QStringLiteral("/")));

    addRaw("GET with the dial query", Api::V2, v2Auth, {}, kNotFound, "GET");
    addRaw("no query", Api::V2, v2Auth, v2Body, kNotFound, "POST", urlAt(QStringLiteral("/vcs")));
    addRaw("action only", Api::V2, v2Auth, v2Body, kNotFound, "POST",
           urlAt(QStringLiteral("/vcs?action=dialNotify")));
    addRaw("version only", Api::V2, v2Auth, v2Body, kNotFound, "POST",
           urlAt(QStringLiteral("/vcs?version=2")));
    addRaw("version 1", Api::V2, v2Auth, v2Body, kNotFound, "POST",
           urlAt(QStringLiteral("/vcs?action=dialNotify&version=1")));
    addRaw("voice notification action", Api::V2, v2Auth, v2Body, kNotFound, "POST",
           urlAt(QStringLiteral("/vcs?action=voiceNotify&version=2")));
    addRaw("control: the dial query", Api::V2, v2Auth, v2Body, accepted(Api::V2), "POST",
           urlAt(QStringLiteral("/vcs?version=2&action=dialNotify")));
}

void TestSandbox::slowScenarioAnswersLate()
{
    QFETCH(Api, api);
    constexpr int delayMs = 200;
    m_sandbox->setSlowDelayMs(delayMs);

    DialClient client;
    client.setClock(fixedClock);
    const int before = m_sandbox->requestCount();
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = dial(client, api, QStringLiteral("13800000901"), SandboxScenarios::key(), 10000);
    QVERIFY(outcome);
    // Coarse timers may fire up to 5% early.
    QVERIFY2(elapsed.elapsed() >= delayMs * 95 / 100, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_sandbox->requestCount(), before + 1);
    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Refused));
    if (api == Api::V1)
        QCOMPARE(outcome->codeNo, QStringLiteral("000001"));
    else
        QCOMPARE(outcome->code, QStringLiteral("iot.vcs.systemException"));
    QVERIFY(!outcome->requestId.isEmpty());
}

void TestSandbox::slowScenarioOutlastsTheClient()
{
    QFETCH(Api, api);
    constexpr int delayMs = 1500;
    m_sandbox->setSlowDelayMs(delayMs);

    DialClient client;
    client.setClock(fixedClock);
    const int before = m_sandbox->requestCount();
    const auto outcome = dial(client, api, QStringLiteral("13800000901"), SandboxScenarios::key(), 300);
    QVERIFY(outcome);
    QCOMPARE(m_sandbox->requestCount(), before + 1);
    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Unknown));
    QCOMPARE(outcome->error, QLatin1String(DialError::Timeout));
    QCOMPARE(outcome->exitStatus(), 3);
    QCOMPARE(outcome->httpStatus, 0);

    // The sandbox still holds the late answer for the client that gave up. A second slow request
    // sent now is answered after that answer fell due, so its arrival shows that the sandbox
    // survives the client's closed connection.
    QJsonObject body = validBody(api);
    body.insert(QStringLiteral("callee"), QStringLiteral("8613800000901"));
    const RawAnswer late = send("POST", dialUrl(api), sandboxAuthorization(api), toJson(body));
    QVERIFY(late.finished);
    QCOMPARE(late.status, 200);
    const auto again = dial(client, api, QStringLiteral("13912345678"));
    QVERIFY(again);
    QCOMPARE(outcomeClassName(again->outcome), outcomeClassName(OutcomeClass::Accepted));
}

void TestSandbox::errorPageScenario()
{
    QFETCH(Api, api);
    DialClient client;
    client.setClock(fixedClock);
    const int before = m_sandbox->requestCount();
    const auto outcome = dial(client, api, QStringLiteral("13800000902"));
    QVERIFY(outcome);
    QCOMPARE(m_sandbox->requestCount(), before + 1);
    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Unknown));
    QCOMPARE(outcome->httpStatus, 502);
    QCOMPARE(outcome->error, QLatin1String(DialError::HttpError));
    QCOMPARE(outcome->exitStatus(), 3);
    QVERIFY(outcome->requestId.isEmpty());
}

void TestSandbox::dateHeaderIsTheSandboxClock()
{
    // HTTP dates are IMF-fixdate (RFC 9110 5.6.7), always with the zone name "GMT".
    static const QRegularExpression imfFixdate(QStringLiteral(
        "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
        "\\d\\d:\\d\\d:\\d\\d GMT$"));
    for (const qint64 serverNow : {kNow, kNow + 7200, qint64(1700000000)}) {
        m_sandbox->setClock([serverNow] { return serverNow; });
        const RawAnswer answer = send("POST", dialUrl(Api::V1), sandboxAuthorization(Api::V1, serverNow + 60),
                                      toJson(validBody(Api::V1)));
        QVERIFY(answer.finished);
        QCOMPARE(answer.status, 200);
        const QString date = QString::fromLatin1(answer.date);
        QVERIFY2(imfFixdate.match(date).hasMatch(), answer.date.constData());
        // Qt 6.4's RFC 2822 parser knows numeric zones only, not the obsolete zone name "GMT"
        // that HTTP kept; for RFC 2822, "GMT" and "+0000" mean the same.
        const QDateTime parsed =
            QDateTime::fromString(date.chopped(3) + QStringLiteral("+0000"), Qt::RFC2822Date);
        QVERIFY2(parsed.isValid(), answer.date.constData());
        QCOMPARE(parsed.toSecsSinceEpoch(), serverNow);
    }
}

void TestSandbox::expiredTokenHintsAtClockSkew()
{
    QFETCH(Api, api);
    // The service's clock is two hours ahead: a token good for one hour has expired on arrival.
    m_sandbox->setClock([] { return kNow + 7200; });
    DialClient client;
    client.setClock(fixedClock);
    const auto outcome = dial(client, api, QStringLiteral("13912345678"));
    QVERIFY(outcome);
    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Refused));
    if (api == Api::V1) {
        QCOMPARE(outcome->codeNo, QStringLiteral("000015"));
        QVERIFY(outcome->message.startsWith(ResultCatalogue::messageForV1(outcome->codeNo, QString())));
    } else {
        QCOMPARE(outcome->httpStatus, 401);
        QVERIFY(outcome->code.isEmpty());
    }
    QVERIFY2(outcome->message.contains(QLatin1String("clock is 120 minute(s) off the service's clock")),
             qPrintable(outcome->message));
}

void TestSandbox::noClockHintWithoutSkew()
{
    QFETCH(Api, api);
    // Refused for the key, not the clock: no word about the clock beyond the catalogue's advice.
    DialClient client;
    client.setClock(fixedClock);
    const auto outcome = dial(client, api, QStringLiteral("13912345678"), strangerKey());
    QVERIFY(outcome);
    QCOMPARE(outcomeClassName(outcome->outcome), outcomeClassName(OutcomeClass::Refused));
    if (api == Api::V1) {
        QCOMPARE(outcome->codeNo, QStringLiteral("000015"));
        QCOMPARE(outcome->message, ResultCatalogue::messageForV1(outcome->codeNo, QString()));
    } else {
        QCOMPARE(outcome->httpStatus, 401);
    }
    QVERIFY2(!outcome->message.contains(QLatin1String("minute")), qPrintable(outcome->message));
}

QString TestSandbox::dialWithNotify(Api api, const QString &callee, const QUrl &notifyUrl)
{
    DialClient client;
    Account account = m_sandbox->sandboxAccount(api);
    account.notifyUrl = notifyUrl;
    QList<DialOutcome> outcomes;
    connect(&client, &DialClient::finished, this,
            [&outcomes](quint64, const DialOutcome &outcome) { outcomes.append(outcome); });
    client.setClock(fixedClock);
    client.dial(account, AccessKey(SandboxScenarios::key()), PhoneNumber::parse(callee));
    if (!QTest::qWaitFor([&outcomes] { return !outcomes.isEmpty(); }, kWaitMs))
        return {};
    return outcomes.constFirst().callId;
}

void TestSandbox::statusCallbacksFollowTheCall_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("callee");
    QTest::addColumn<QStringList>("statuses"); // in the order they are sent
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("talked"); // whether Disconnected carries call_duration
    const QStringList answered{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                               QStringLiteral("Connected"), QStringLiteral("Disconnected")};
    const QStringList calleeMissed{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                                   QStringLiteral("Disconnected")};
    const QStringList callerMissed{QStringLiteral("CallingCaller"), QStringLiteral("Disconnected")};
    for (Api api : {Api::V1, Api::V2}) {
        const char *v = api == Api::V1 ? "v1" : "v2";
        QTest::addRow("%s answered", v)
            << api << QStringLiteral("139 1234 5678") << answered << QStringLiteral("HangUp") << true;
        QTest::addRow("%s callee busy", v)
            << api << QStringLiteral("13800000903") << calleeMissed << QStringLiteral("CalleeBusy") << false;
        QTest::addRow("%s callee no answer", v) << api << QStringLiteral("13800000904") << calleeMissed
                                                << QStringLiteral("CalleeNoAnswer") << false;
        QTest::addRow("%s caller no answer", v) << api << QStringLiteral("13800000905") << callerMissed
                                                << QStringLiteral("CallerNoAnswer") << false;
        QTest::addRow("%s callee failure", v) << api << QStringLiteral("13800000906") << calleeMissed
                                              << QStringLiteral("CalleeFailure") << false;
        QTest::addRow("%s caller busy", v)
            << api << QStringLiteral("13800000907") << callerMissed << QStringLiteral("CallerBusy") << false;
        QTest::addRow("%s duplicated and out of order", v)
            << api << QStringLiteral("13800000908")
            << QStringList{QStringLiteral("CallingCaller"), QStringLiteral("Connected"),
                           QStringLiteral("CallingCallee"), QStringLiteral("Connected"),
                           QStringLiteral("Disconnected"),  QStringLiteral("Disconnected")}
            << QStringLiteral("HangUp") << true;
    }
}

void TestSandbox::statusCallbacksFollowTheCall()
{
    QFETCH(Api, api);
    QFETCH(QString, callee);
    QFETCH(QStringList, statuses);
    QFETCH(QString, reason);
    QFETCH(bool, talked);
    test::ScriptedHttpServer receiver;
    QVERIFY(receiver.listen());
    receiver.setResponse(
        200, "application/json",
        R"({"request_id":"r","code_no":"000000","code":"onenet_common_success","message":"ok"})");
    m_sandbox->callbacks()->setStepMs(150);
    const QUrl notifyUrl = receiver.baseUrl().resolved(QUrl(QStringLiteral("/onenet/notify/abc")));
    const QString callId = dialWithNotify(api, callee, notifyUrl);
    QVERIFY(!callId.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(receiver.requestCount(), int(statuses.size()), 10000);
    QTest::qWait(300); // and nothing after the last
    QCOMPARE(receiver.requestCount(), int(statuses.size()));

    const QString identity = identityFor(api);
    const PhoneNumber calleeNumber = PhoneNumber::parse(callee);
    QStringList seen;
    const QList<QByteArray> requests = receiver.requests();
    for (const QByteArray &raw : requests) {
        const qsizetype split = raw.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QByteArray head = raw.left(split);
        QVERIFY2(head.startsWith("POST /onenet/notify/abc HTTP/1.1"), head.constData());
        QVERIFY(head.contains("Content-Type: application/json"));
        // The token: this account's res and version, not expired, signed with its key.
        static const QRegularExpression header(QStringLiteral("(?:^|\\r\\n)Authorization: ([^\\r\\n]+)"));
        const QRegularExpressionMatch match = header.match(QString::fromLatin1(head));
        QVERIFY(match.hasMatch());
        const auto parsed = TokenSigner::parseAuthorization(match.captured(1).toLatin1());
        QVERIFY(parsed);
        const auto &[token, signature] = *parsed;
        QCOMPARE(token.version, TokenSigner::versionFor(api));
        QCOMPARE(token.res, TokenSigner::resFor(api, identity));
        QVERIFY(token.et > kNow);
        QCOMPARE(TokenSigner::sign(AccessKey(SandboxScenarios::key()), token).value_or(QByteArray()),
                 signature);

        const QJsonObject body = QJsonDocument::fromJson(raw.mid(split + 4)).object();
        QCOMPARE(body.value(api == Api::V1 ? QStringLiteral("appid") : QStringLiteral("user_id")).toString(),
                 identity);
        QVERIFY(!body.contains(api == Api::V1 ? QStringLiteral("user_id") : QStringLiteral("appid")));
        QCOMPARE(body.value(QStringLiteral("call_id")).toString(), callId);
        QCOMPARE(body.value(QStringLiteral("caller")).toString(), SandboxScenarios::caller());
        QCOMPARE(body.value(QStringLiteral("callee")).toString(), calleeNumber.apiForm());
        // Beijing time on the sandbox's clock (2026-01-01 00:00 UTC).
        QCOMPARE(body.value(QStringLiteral("report_date")).toString(), QStringLiteral("20260101080000"));
        const QString status = body.value(QStringLiteral("status")).toString();
        seen << status;
        if (status == QLatin1String("Disconnected")) {
            QCOMPARE(body.value(QStringLiteral("reason")).toString(), reason);
            QCOMPARE(body.contains(QStringLiteral("call_duration")), talked);
            if (talked)
                QVERIFY(body.value(QStringLiteral("call_duration")).toInt() >= 1);
        } else {
            QVERIFY(!body.contains(QStringLiteral("reason")));
            QVERIFY(!body.contains(QStringLiteral("call_duration")));
        }
    }
    QCOMPARE(seen, statuses);
    // The sandbox keeps what it sent and the receiver's answers.
    int delivered = 0;
    for (const SandboxCallbacks::Delivery &delivery : m_sandbox->callbacks()->deliveries()) {
        if (delivery.callId != callId)
            continue;
        ++delivered;
        QCOMPARE(delivery.httpStatus, 200);
        QVERIFY(delivery.answer.contains("onenet_common_success"));
    }
    QCOMPARE(delivered, int(statuses.size()));
}

void TestSandbox::noCallbacksWithoutNotifyUrl()
{
    m_sandbox->callbacks()->setStepMs(20);
    const qsizetype before = m_sandbox->callbacks()->deliveries().size();
    QVERIFY(!dialWithNotify(Api::V1, QStringLiteral("139 1234 5678"), QUrl()).isEmpty());
    QTest::qWait(300);
    QCOMPARE(m_sandbox->callbacks()->deliveries().size(), before);
}

void TestSandbox::refusedCallGetsNoCallbacks()
{
    test::ScriptedHttpServer receiver;
    QVERIFY(receiver.listen());
    m_sandbox->callbacks()->setStepMs(20);
    // 138 0000 0101: the first documented refusal; no call, so no progress to report.
    QVERIFY(dialWithNotify(Api::V1, QStringLiteral("13800000101"), receiver.baseUrl()).isEmpty());
    QTest::qWait(300);
    QCOMPARE(receiver.requestCount(), 0);
}

void TestSandbox::unreachableReceiverIsNotRetried()
{
    test::ScriptedHttpServer receiver;
    QVERIFY(receiver.listen());
    const QUrl notifyUrl = receiver.baseUrl();
    receiver.close(); // the port now refuses connections
    m_sandbox->callbacks()->setStepMs(20);
    const qsizetype before = m_sandbox->callbacks()->deliveries().size();
    const QString callId = dialWithNotify(Api::V1, QStringLiteral("139 1234 5678"), notifyUrl);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->callbacks()->deliveries().size(), before + 4, 10000);
    QTest::qWait(300);
    // One attempt per report, each recorded as unanswered: nothing is sent again.
    QCOMPARE(m_sandbox->callbacks()->deliveries().size(), before + 4);
    for (qsizetype i = before; i < before + 4; ++i)
        QCOMPARE(m_sandbox->callbacks()->deliveries().at(i).httpStatus, 0);
}

void TestSandbox::desktopReceiverBelievesOnlySignedReports()
{
    // The desktop's own receiver (CallbackReceiver) for the sandbox's callbacks: on loopback, at a
    // secret path, believing only tokens signed with the account's key.
    CallbackReceiver receiver;
    receiver.setClock(fixedClock);
    receiver.addSigner({Api::V1, SandboxScenarios::appId(), AccessKey(SandboxScenarios::key())});
    QVERIFY(receiver.listen());
    const QUrl url = receiver.notifyUrl();
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.path().startsWith(QLatin1String("/onenet/notify/")) && url.path().size() > 30);
    QList<CallStatusReport> reports;
    connect(&receiver, &CallbackReceiver::reported, this,
            [&reports](const CallStatusReport &report) { reports << report; });

    // The sandbox's own, for a real call: all four come through, each answered as OneNET expects.
    m_sandbox->callbacks()->setStepMs(40);
    const QString callId = dialWithNotify(Api::V1, QStringLiteral("139 1234 5678"), url);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 4, 10000);
    QCOMPARE(reports.constLast().callId, callId);
    QCOMPARE(reports.constLast().progress, CallProgress::Disconnected);
    for (const SandboxCallbacks::Delivery &delivery : m_sandbox->callbacks()->deliveries()) {
        if (delivery.callId == callId)
            QVERIFY(delivery.httpStatus == 200 &&
                    QJsonDocument::fromJson(delivery.answer).object().value(QLatin1String("code_no")) ==
                        QLatin1String("000000"));
    }

    // Everything else is refused and reports nothing.
    const QByteArray body = QByteArrayLiteral(R"({"call_id":"x","status":"Connected"})");
    const QByteArray good = sandboxAuthorization(Api::V1, kNow + 60);
    QByteArray tampered = good;
    tampered.chop(3);
    tampered.append("AAA");
    const int before = receiver.refusedCount();
    QCOMPARE(send("POST", url, {}, body).status, 401);
    QCOMPARE(send("POST", url, tampered, body).status, 401);
    QCOMPARE(send("POST", url, sandboxAuthorization(Api::V1, kNow - 1), body).status, 401); // expired
    QCOMPARE(send("POST", url, authorization(tokenFor(Api::V1, kPlainAppId), plainKey()), body).status, 401);
    QCOMPARE(send("POST", url, good, QByteArrayLiteral("not json")).status, 400);
    QCOMPARE(send("POST", url, good, QByteArray(70 * 1024, ' ')).status, 413);
    QCOMPARE(send("GET", url, good, {}).status, 405);
    QCOMPARE(
        send("POST", receiver.notifyUrl().resolved(QUrl(QStringLiteral("/onenet/notify/guess"))), good, body)
            .status,
        404);
    QCOMPARE(receiver.refusedCount(), before + 8);
    QCOMPARE(reports.size(), 4);
    // A signed one is believed, whatever call it names: its user decides what it belongs to.
    QCOMPARE(send("POST", url, good, body).status, 200);
    QCOMPARE(reports.size(), 5);
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
