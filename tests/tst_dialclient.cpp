// DialClient against a scripted server on 127.0.0.1, over real sockets: every fault ends in
// exactly one outcome with a message, and no fault ever makes a second request (a second
// request could place a second real, billed call).
#include "ScriptedHttpServer.h"
#include "onenet/DialClient.h"
#include "onenet/ReplyParser.h"
#include "onenet/ResultCatalogue.h"
#include "onenet/TokenSigner.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace onedial;
using onedial::test::ScriptedHttpServer;

namespace {

const QByteArray kKeyText = "DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=";
const QString kCalleeTyped = QStringLiteral("139 0013 9000");
const QString kCalleeApi = QStringLiteral("8613900139000");
constexpr qint64 kClientNow = 1700000000;
// Generous: the machine running the tests may be busy. Passing tests never wait this long.
constexpr int kWaitMs = 20000;

const QByteArray kErrorPage = "<!DOCTYPE html>\n<html><head><title>Bad Gateway</title></head><body>"
                              "<h1>Bad Gateway</h1><p>The upstream server did not answer.</p><hr>"
                              "<address>proxy</address></body></html>\n";

AccessKey testKey()
{
    return AccessKey(kKeyText);
}

Account accountFor(const QUrl &endpoint, Api api = Api::V1)
{
    Account account;
    account.name = QStringLiteral("Test account");
    account.api = api;
    account.appId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    account.userId = QStringLiteral("4242");
    account.sponsor = QStringLiteral("075528000003");
    account.caller = QStringLiteral("8613800138000");
    account.method = SignMethod::Sha256;
    account.endpoint = endpoint;
    return account;
}

QByteArray v1Envelope(const QByteArray &codeNo, const QByteArray &code)
{
    return R"({"request_id":"req-1","code_no":")" + codeNo + R"(","code":")" + code +
           R"(","message":"scripted","data":{"call_id":"call-1"}})";
}

// An HTTP date (RFC 9110 IMF-fixdate), as every server writes its Date header.
QByteArray httpDate(qint64 secs)
{
    return QLocale::c()
        .toString(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray jsonResponseWithDate(int status, const QByteArray &date, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nDate: " + date +
           "\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

struct RawRequest
{
    QByteArray requestLine;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

RawRequest splitRequest(const QByteArray &raw)
{
    RawRequest request;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return request;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    request.requestLine = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    request.body = raw.mid(end + 4);
    return request;
}

const QByteArray kGatewayToken = "odg_Ab3dEf7h_0123456789abcdefghijABCDEFGHIJ-_xyz";

Account gatewayAccountFor(const QUrl &gateway)
{
    Account account;
    account.name = QStringLiteral("team");
    account.kind = AccountKind::Gateway;
    account.gateway = gateway;
    return account;
}

QByteArray gatewayAccepted()
{
    return R"({"ok":true,"outcome":"accepted","api":"v1","callee":"8613900139000","request_id":"req-9",)"
           R"("code_no":"000000","code":null,"message":"Call accepted.","service_message":"success",)"
           R"("call_id":"call-9","http_status":200,"error":null,"dial_id":17})";
}

QString errorId(const char *error)
{
    return QLatin1String(error);
}

} // namespace

class TestDialClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedDial();
    void unusableReplies_data();
    void unusableReplies();
    void oversizedReplies_data();
    void oversizedReplies();
    void slowServerTimesOut_data();
    void slowServerTimesOut();
    void connectionClosedAtOnceIsNotResent();
    void connectionClosedMidResponse_data();
    void connectionClosedMidResponse();
    void connectionRefused();
    void insecureEndpointIsNeverContacted_data();
    void insecureEndpointIsNeverContacted();
    void invalidNumberIsNotSent();
    void invalidAccountIsNotSent_data();
    void invalidAccountIsNotSent();
    void secondDialToSameCalleeWhileInFlight();
    void redirectIsNotFollowed();
    void v1RequestHeadersAndBody();
    void displayIsSentWhenSet();
    void v2RequestUrlAndBody();
    void clockSkewHint_data();
    void clockSkewHint();
    void gatewayRequest();
    void gatewayRefusalWithRetryAfter();
    void gatewayAnswers_data();
    void gatewayAnswers();
    void gatewayUnreachable();
    void gatewayTokenIsCheckedBeforeSending();
    void inFlightScopes();

private:
    // One dial of kCalleeTyped through a gateway account at server, with secret as the token.
    void gatewayDial(const QUrl &gateway, const QByteArray &secret, DialOutcome *outcome);
    // Dials once and waits for that dial's finished(); then waits until the client holds no
    // network reply any more, so a second finished() for the same id could not still come.
    void dialAndWait(DialClient &client, const Account &account, const QString &callee, int timeoutMs,
                     DialOutcome *outcome);
    void serveAndDial(ScriptedHttpServer &server, DialOutcome *outcome,
                      int timeoutMs = DialClient::kDefaultTimeoutMs);
};

void TestDialClient::dialAndWait(DialClient &client, const Account &account, const QString &callee,
                                 int timeoutMs, DialOutcome *outcome)
{
    QSignalSpy finished(&client, &DialClient::finished);
    QVERIFY(finished.isValid());
    const quint64 id = client.dial(account, testKey(), PhoneNumber::parse(callee), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.findChildren<QNetworkReply *>().isEmpty(), kWaitMs);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), id);
    QCOMPARE(client.inFlightCount(), 0);
    *outcome = finished.at(0).at(1).value<DialOutcome>();
    QVERIFY2(!outcome->message.trimmed().isEmpty(), "every outcome explains itself");
}

void TestDialClient::serveAndDial(ScriptedHttpServer &server, DialOutcome *outcome, int timeoutMs)
{
    DialClient client;
    client.setClock([] { return kClientNow; });
    dialAndWait(client, accountFor(server.baseUrl()), kCalleeTyped, timeoutMs, outcome);
}

void TestDialClient::acceptedDial()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json;charset=UTF-8", v1Envelope("000000", "onenet_common_success"));

    DialClient client;
    QSignalSpy sent(&client, &DialClient::requestSent);
    DialOutcome outcome;
    dialAndWait(client, accountFor(server.baseUrl()), kCalleeTyped, DialClient::kDefaultTimeoutMs, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QCOMPARE(outcome.callId, QStringLiteral("call-1"));
    QCOMPARE(outcome.callee, kCalleeApi);
    QCOMPARE(outcome.httpStatus, 200);
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).at(1).toString(), kCalleeApi);
}

void TestDialClient::unusableReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeClass>("expected");
    QTest::addColumn<QString>("error");

    const QByteArray html = "text/html";
    const QByteArray json = "application/json";
    const QString httpError = errorId(DialError::HttpError);
    const QString malformed = errorId(DialError::MalformedReply);

    QTest::newRow("HTML 502") << 502 << html << kErrorPage << OutcomeClass::Unknown << httpError;
    QTest::newRow("HTML 504") << 504 << html << kErrorPage << OutcomeClass::Unknown << httpError;
    QTest::newRow("HTML 500") << 500 << html << kErrorPage << OutcomeClass::Unknown << httpError;
    QTest::newRow("HTML 503") << 503 << html << kErrorPage << OutcomeClass::Unknown << httpError;
    QTest::newRow("HTML 404") << 404 << html << kErrorPage << OutcomeClass::Failed << httpError;
    QTest::newRow("HTML 200") << 200 << html << kErrorPage << OutcomeClass::Unknown << malformed;
    QTest::newRow("truncated JSON") << 200 << json << QByteArray(R"({"request_id":"r","code_no":"00)")
                                    << OutcomeClass::Unknown << malformed;
    QTest::newRow("code_no is a number")
        << 200 << json << QByteArray(R"({"code_no":0,"data":{"call_id":"c"}})") << OutcomeClass::Unknown
        << malformed;
    QTest::newRow("code_no is null") << 200 << json << QByteArray(R"({"code_no":null})")
                                     << OutcomeClass::Unknown << malformed;
    QTest::newRow("code_no is an object")
        << 200 << json << QByteArray(R"({"code_no":{"v":"000000"}})") << OutcomeClass::Unknown << malformed;
    QTest::newRow("JSON array") << 200 << json << QByteArray(R"([{"code_no":"000000"}])")
                                << OutcomeClass::Unknown << malformed;
    QTest::newRow("JSON null") << 200 << json << QByteArray("null") << OutcomeClass::Unknown << malformed;
    QTest::newRow("empty body") << 200 << json << QByteArray() << OutcomeClass::Unknown << malformed;
    QTest::newRow("service busy") << 200 << json << v1Envelope("000001", "onenet_common_systemBusy")
                                  << OutcomeClass::Refused << QString();
}

void TestDialClient::unusableReplies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(OutcomeClass, expected);
    QFETCH(QString, error);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(status, contentType, body);

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, expected);
    QCOMPARE(outcome.error, error);
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(outcome.callee, kCalleeApi);
    QVERIFY(outcome.callId.isEmpty());
    QCOMPARE(server.requestCount(), 1);
}

void TestDialClient::oversizedReplies_data()
{
    QTest::addColumn<int>("framing");
    QTest::newRow("with Content-Length") << 0;
    QTest::newRow("close-delimited") << 1;
    QTest::newRow("chunked") << 2;
}

void TestDialClient::oversizedReplies()
{
    QFETCH(int, framing);

    // Starts like a success, so that reading only a prefix of it would be the wrong answer.
    QByteArray body = R"({"request_id":"r","code_no":"000000","message":")";
    body += QByteArray(8 * 1024 * 1024, 'x');
    body += R"("})";

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    const QByteArray json = "application/json";
    if (framing == 0)
        server.setResponse(200, json, body);
    else if (framing == 1)
        server.setCloseDelimitedResponse(200, json, body);
    else
        server.setChunkedResponse(200, json, body);

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Unknown);
    QCOMPARE(outcome.error, errorId(DialError::ReplyTooLarge));
    QVERIFY(outcome.message.contains(QLatin1String("check your phone")));
    QCOMPARE(server.requestCount(), 1);
}

void TestDialClient::slowServerTimesOut_data()
{
    QTest::addColumn<ScriptedHttpServer::Behaviour>("behaviour");
    QTest::newRow("answers after 3 s") << ScriptedHttpServer::Behaviour::RespondAfterDelay;
    QTest::newRow("never answers") << ScriptedHttpServer::Behaviour::Silent;
}

void TestDialClient::slowServerTimesOut()
{
    QFETCH(ScriptedHttpServer::Behaviour, behaviour);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(behaviour);
    server.setDelayMs(3000);
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));

    DialOutcome outcome;
    serveAndDial(server, &outcome, 300);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Unknown);
    QCOMPARE(outcome.error, errorId(DialError::Timeout));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.message.contains(QLatin1String("check your phone")), qPrintable(outcome.message));
    QCOMPARE(server.requestCount(), 1);
}

void TestDialClient::connectionClosedAtOnceIsNotResent()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(ScriptedHttpServer::Behaviour::CloseAtOnce);

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    // The request arrived; the service may have acted on it. Sending it again could ring twice.
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(outcome.outcome, OutcomeClass::Unknown);
    QCOMPARE(outcome.error, errorId(DialError::ConnectionClosed));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.message.contains(QLatin1String("check your phone")), qPrintable(outcome.message));
}

void TestDialClient::connectionClosedMidResponse_data()
{
    QTest::addColumn<QByteArray>("response");

    const QByteArray body = v1Envelope("000000", "onenet_common_success") + QByteArray(2000, ' ');
    QTest::newRow("inside the body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                   "Content-Length: " +
                                                   QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // Half of this ends inside the header block.
    QTest::newRow("inside the headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                      "Content-Length: 20\r\n\r\n{\"code_no\":\"000000\"}");
}

void TestDialClient::connectionClosedMidResponse()
{
    QFETCH(QByteArray, response);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(ScriptedHttpServer::Behaviour::CloseMidResponse);
    server.setResponse(response);

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(outcome.outcome, OutcomeClass::Unknown);
    QCOMPARE(outcome.error, errorId(DialError::ConnectionClosed));
    QVERIFY(outcome.callId.isEmpty());
    QVERIFY2(outcome.message.contains(QLatin1String("check your phone")), qPrintable(outcome.message));
}

void TestDialClient::connectionRefused()
{
    ScriptedHttpServer dead;
    QVERIFY(dead.listen());
    const QUrl endpoint = dead.baseUrl();
    dead.close();

    DialClient client;
    DialOutcome outcome;
    dialAndWait(client, accountFor(endpoint), kCalleeTyped, DialClient::kDefaultTimeoutMs, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Failed);
    QCOMPARE(outcome.error, errorId(DialError::ConnectionRefused));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.message.contains(QLatin1String("No call was placed")), qPrintable(outcome.message));
    QCOMPARE(dead.requestCount(), 0);
}

void TestDialClient::insecureEndpointIsNeverContacted_data()
{
    QTest::addColumn<QUrl>("endpoint");
    // Documentation-only addresses and names: nothing may be sent to them, and nothing is.
    QTest::newRow("TEST-NET address") << QUrl(QStringLiteral("http://192.0.2.1"));
    QTest::newRow("TEST-NET address with port") << QUrl(QStringLiteral("http://192.0.2.1:8002"));
    QTest::newRow("host name") << QUrl(QStringLiteral("http://example.com"));
    QTest::newRow("name that starts like loopback") << QUrl(QStringLiteral("http://127.0.0.1.example.com"));
}

void TestDialClient::insecureEndpointIsNeverContacted()
{
    QFETCH(QUrl, endpoint);

    DialClient client;
    QSignalSpy sent(&client, &DialClient::requestSent);
    QSignalSpy finished(&client, &DialClient::finished);
    const quint64 id = client.dial(accountFor(endpoint), testKey(), PhoneNumber::parse(kCalleeTyped));
    // Decided before anything is sent: no reply object exists, nothing is in flight.
    QVERIFY(client.findChildren<QNetworkReply *>().isEmpty());
    QCOMPARE(client.inFlightCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), id);
    const DialOutcome outcome = finished.at(0).at(1).value<DialOutcome>();
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, errorId(DialError::InsecureEndpoint));
    QVERIFY(!outcome.message.isEmpty());
    QVERIFY2(outcome.message.contains(endpoint.host()), qPrintable(outcome.message));
    QCOMPARE(outcome.exitStatus(), 2);
    QCOMPARE(sent.size(), 0);
    QVERIFY(client.findChildren<QNetworkReply *>().isEmpty());
}

void TestDialClient::invalidNumberIsNotSent()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));

    DialClient client;
    QSignalSpy sent(&client, &DialClient::requestSent);
    DialOutcome outcome;
    dialAndWait(client, accountFor(server.baseUrl()), QStringLiteral("12"), DialClient::kDefaultTimeoutMs,
                &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, errorId(DialError::InvalidNumber));
    QCOMPARE(outcome.exitStatus(), 2);
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(sent.size(), 0);
}

void TestDialClient::invalidAccountIsNotSent_data()
{
    QTest::addColumn<QUrl>("endpoint");
    QTest::addColumn<QString>("sponsor");
    QTest::newRow("no sponsor") << QUrl() << QString();
    // Encrypted, yet not usable: an account problem, not an unencrypted endpoint.
    QTest::newRow("https endpoint with user info")
        << QUrl(QStringLiteral("https://user@192.0.2.1")) << QStringLiteral("075528000003");
}

void TestDialClient::invalidAccountIsNotSent()
{
    QFETCH(QUrl, endpoint);
    QFETCH(QString, sponsor);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    Account account = accountFor(endpoint.isEmpty() ? server.baseUrl() : endpoint);
    account.sponsor = sponsor;

    DialClient client;
    QSignalSpy sent(&client, &DialClient::requestSent);
    DialOutcome outcome;
    dialAndWait(client, account, kCalleeTyped, DialClient::kDefaultTimeoutMs, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, errorId(DialError::InvalidAccount));
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(sent.size(), 0);
}

void TestDialClient::secondDialToSameCalleeWhileInFlight()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(ScriptedHttpServer::Behaviour::RespondAfterDelay);
    server.setDelayMs(500);
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));
    const Account account = accountFor(server.baseUrl());

    DialClient client;
    QSignalSpy finished(&client, &DialClient::finished);
    const quint64 first = client.dial(account, testKey(), PhoneNumber::parse(kCalleeTyped));
    QVERIFY(client.isInFlight(kCalleeApi));
    // The same number typed differently is the same callee.
    const quint64 second =
        client.dial(account, testKey(), PhoneNumber::parse(QStringLiteral("+86 139-0013-9000")));
    QVERIFY(first != second);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.findChildren<QNetworkReply *>().isEmpty(), kWaitMs);
    QCOMPARE(finished.size(), 2);
    QHash<quint64, DialOutcome> outcomes;
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const quint64 id = arguments.at(0).value<quint64>();
        QVERIFY2(!outcomes.contains(id), "finished() twice for one dial");
        outcomes.insert(id, arguments.at(1).value<DialOutcome>());
    }
    // The refusal is queued at once, the accepted call only after the server's delay.
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    QCOMPARE(outcomes.value(second).outcome, OutcomeClass::NotSent);
    QCOMPARE(outcomes.value(second).error, errorId(DialError::AlreadyInFlight));
    QVERIFY(!outcomes.value(second).message.isEmpty());
    QCOMPARE(outcomes.value(first).outcome, OutcomeClass::Accepted);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(!client.isInFlight(kCalleeApi));
    // A duplicate sent late would arrive after a while: look again.
    QTest::qWait(500);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(finished.size(), 2);

    // Once the first dial has its outcome, the number can be dialled again.
    server.setBehaviour(ScriptedHttpServer::Behaviour::Respond);
    DialOutcome again;
    dialAndWait(client, account, kCalleeTyped, DialClient::kDefaultTimeoutMs, &again);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(again.outcome, OutcomeClass::Accepted);
    QCOMPARE(server.requestCount(), 2);
}

void TestDialClient::redirectIsNotFollowed()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // Points back at this same server, so following it would show up as a second request.
    QUrl target = server.baseUrl();
    target.setPath(QStringLiteral("/v1/onenet/dial/notify"));
    server.setResponse("HTTP/1.1 302 Found\r\nLocation: " + target.toEncoded() +
                       "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(outcome.httpStatus, 302);
    QCOMPARE(outcome.outcome, OutcomeClass::Unknown);
    QCOMPARE(outcome.error, errorId(DialError::HttpError));
}

void TestDialClient::v1RequestHeadersAndBody()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));

    DialOutcome outcome;
    serveAndDial(server, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server.requestCount(), 1);
    const RawRequest request = splitRequest(server.requests().at(0));
    QCOMPARE(request.requestLine, QByteArray("POST /v1/onenet/dial/notify HTTP/1.1"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json;charset=utf-8"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
    // Uncompressed, so the answer's length can be checked against its Content-Length.
    QCOMPARE(request.headers.value("accept-encoding"), QByteArray("identity"));
    QCOMPARE(request.headers.value("content-length").toLongLong(), request.body.size());
    QCOMPARE(request.headers.value("host"), "127.0.0.1:" + QByteArray::number(server.port()));

    const QByteArray authorization = request.headers.value("authorization");
    QVERIFY(!authorization.startsWith("Bearer"));
    const auto token = TokenSigner::parseAuthorization(authorization);
    QVERIFY2(token, authorization.constData());
    QCOMPARE(token->first.et, kClientNow + Account::kDefaultTokenLifetimeSecs);
    QCOMPARE(token->first.version, QStringLiteral("v1"));
    QCOMPARE(token->first.res, QStringLiteral("onenet_voice/a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QCOMPARE(token->first.method, SignMethod::Sha256);
    QCOMPARE(token->second, *TokenSigner::sign(testKey(), token->first));

    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    const QJsonObject body = document.object();
    QCOMPARE(body.value(QLatin1String("appid")).toString(),
             QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QCOMPARE(body.value(QLatin1String("sponsor")).toString(), QStringLiteral("075528000003"));
    QCOMPARE(body.value(QLatin1String("caller")).toString(), QStringLiteral("8613800138000"));
    QCOMPARE(body.value(QLatin1String("callee")).toString(), kCalleeApi);
    QVERIFY(!body.contains(QLatin1String("display")));
    QVERIFY(!body.contains(QLatin1String("notify_url")));
    QCOMPARE(body.size(), 4);
}

void TestDialClient::displayIsSentWhenSet()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));
    Account account = accountFor(server.baseUrl());
    account.display = account.caller;

    DialClient client;
    DialOutcome outcome;
    dialAndWait(client, account, kCalleeTyped, DialClient::kDefaultTimeoutMs, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server.requestCount(), 1);
    const QJsonObject body = QJsonDocument::fromJson(splitRequest(server.requests().at(0)).body).object();
    QCOMPARE(body.value(QLatin1String("display")).toString(), QStringLiteral("8613800138000"));
}

void TestDialClient::v2RequestUrlAndBody()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json",
                       R"({"requestId":"r-2","success":true,"data":{"call_id":"c-2"}})");

    DialClient client;
    client.setClock([] { return kClientNow; });
    DialOutcome outcome;
    dialAndWait(client, accountFor(server.baseUrl(), Api::V2), kCalleeTyped, DialClient::kDefaultTimeoutMs,
                &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QCOMPARE(outcome.api, Api::V2);
    QCOMPARE(outcome.callId, QStringLiteral("c-2"));
    QCOMPARE(server.requestCount(), 1);

    const RawRequest request = splitRequest(server.requests().at(0));
    QCOMPARE(request.requestLine, QByteArray("POST /vcs?action=dialNotify&version=2 HTTP/1.1"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json;charset=utf-8"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
    const auto token = TokenSigner::parseAuthorization(request.headers.value("authorization"));
    QVERIFY(token);
    QCOMPARE(token->first.et, kClientNow + Account::kDefaultTokenLifetimeSecs);
    QCOMPARE(token->first.version, QStringLiteral("2020-05-29"));
    QCOMPARE(token->first.res, QStringLiteral("userid/4242"));

    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QVERIFY(!body.contains(QLatin1String("appid")));
    QCOMPARE(body.value(QLatin1String("sponsor")).toString(), QStringLiteral("075528000003"));
    QCOMPARE(body.value(QLatin1String("caller")).toString(), QStringLiteral("8613800138000"));
    QCOMPARE(body.value(QLatin1String("callee")).toString(), kCalleeApi);
    QCOMPARE(body.size(), 3);
}

void TestDialClient::clockSkewHint_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<bool>("hint");

    const QByteArray refusedV1 = v1Envelope("000015", "onenet_common_authorizationFailed");
    QTest::newRow("server two hours ahead")
        << Api::V1 << 200 << refusedV1 << httpDate(kClientNow + 7200) << true;
    QTest::newRow("server two hours behind")
        << Api::V1 << 200 << refusedV1 << httpDate(kClientNow - 7200) << true;
    QTest::newRow("same time") << Api::V1 << 200 << refusedV1 << httpDate(kClientNow) << false;
    QTest::newRow("a minute apart") << Api::V1 << 200 << refusedV1 << httpDate(kClientNow + 60) << false;
    QTest::newRow("unreadable date") << Api::V1 << 200 << refusedV1 << QByteArray("yesterday") << false;
    QTest::newRow("other refusal, clock off")
        << Api::V1 << 200 << v1Envelope("000004", "onenet_common_invalidParams")
        << httpDate(kClientNow + 7200) << false;
    QTest::newRow("v2 401 without code, clock off")
        << Api::V2 << 401 << QByteArray(R"({"requestId":"r","success":false,"msg":"token expired"})")
        << httpDate(kClientNow - 7200) << true;
}

void TestDialClient::clockSkewHint()
{
    QFETCH(Api, api);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, date);
    QFETCH(bool, hint);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(jsonResponseWithDate(status, date, body));

    DialClient client;
    client.setClock([] { return kClientNow; });
    DialOutcome outcome;
    dialAndWait(client, accountFor(server.baseUrl(), api), kCalleeTyped, DialClient::kDefaultTimeoutMs,
                &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Refused);
    QCOMPARE(server.requestCount(), 1);

    // The message without any hint: what the parser alone says for this answer.
    const QString plain = ReplyParser::parse(api, status, body).message;
    QVERIFY(!plain.isEmpty());
    if (hint) {
        QVERIFY2(outcome.message.startsWith(plain), qPrintable(outcome.message));
        const QString added = outcome.message.mid(plain.size());
        QVERIFY2(added.contains(QLatin1String("clock")), qPrintable(outcome.message));
    } else {
        QCOMPARE(outcome.message, plain);
    }
}

void TestDialClient::gatewayDial(const QUrl &gateway, const QByteArray &secret, DialOutcome *outcome)
{
    DialClient client;
    QSignalSpy finished(&client, &DialClient::finished);
    client.dial(gatewayAccountFor(gateway), AccessKey(secret), PhoneNumber::parse(kCalleeTyped));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.findChildren<QNetworkReply *>().isEmpty(), kWaitMs);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(client.inFlightCount(), 0);
    *outcome = finished.at(0).at(1).value<DialOutcome>();
    QVERIFY2(!outcome->message.trimmed().isEmpty(), "every outcome explains itself");
}

void TestDialClient::gatewayRequest()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", gatewayAccepted());
    DialOutcome outcome;
    gatewayDial(server.baseUrl(), kGatewayToken, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QCOMPARE(outcome.api, Api::V1);
    QCOMPARE(outcome.codeNo, QStringLiteral("000000"));
    QCOMPARE(outcome.callId, QStringLiteral("call-9"));
    QCOMPARE(outcome.requestId, QStringLiteral("req-9"));
    QCOMPARE(outcome.callee, kCalleeApi);
    QCOMPARE(outcome.message,
             ResultCatalogue::messageForV1(QStringLiteral("000000"), QStringLiteral("success")));

    QCOMPARE(server.requestCount(), 1);
    const RawRequest request = splitRequest(server.requests().first());
    QCOMPARE(request.requestLine, QByteArray("POST /api/v1/dial HTTP/1.1"));
    QCOMPARE(request.headers.value("authorization"), "Bearer " + kGatewayToken);
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(request.headers.value("connection").toLower(), QByteArray("close"));
    QVERIFY(!request.headers.contains("transfer-encoding"));
    QCOMPARE(request.headers.value("content-length"), QByteArray::number(request.body.size()));
    // The callee alone: the gateway decides the caller and what the callee sees.
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body, (QJsonObject{{QStringLiteral("callee"), kCalleeApi}}));
}

void TestDialClient::gatewayRefusalWithRetryAfter()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body =
        R"({"ok":false,"outcome":"not_sent","api":null,"callee":"8613900139000",)"
        R"("request_id":null,"code_no":null,"code":null,"message":"You have placed your 200 )"
        R"(calls for today","service_message":null,"call_id":null,"http_status":null,)"
        R"("error":"daily_limit","dial_id":null})";
    server.setResponse("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 7200"
                       "\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    DialOutcome outcome;
    gatewayDial(server.baseUrl(), kGatewayToken, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, QStringLiteral("daily_limit"));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.message.contains(QLatin1String("2 hour")), qPrintable(outcome.message));
    QCOMPARE(outcome.toJson().value(QStringLiteral("error")).toString(), QStringLiteral("daily_limit"));
}

void TestDialClient::gatewayAnswers_data()
{
    QTest::addColumn<ScriptedHttpServer::Behaviour>("behaviour");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeClass>("expected");
    QTest::addColumn<QString>("error");

    using B = ScriptedHttpServer::Behaviour;
    QTest::newRow("token refused") << B::Respond << 401
                                   << QByteArray(R"({"error":"token_refused","message":"no"})")
                                   << OutcomeClass::NotSent << QStringLiteral("token_refused");
    QTest::newRow("OneNET refused, v2")
        << B::Respond << 200
        << QByteArray(R"({"ok":false,"outcome":"refused","api":"v2","code":"iot.vcs.talkTimeIsLimit",)"
                      R"("http_status":200,"error":null,"dial_id":3})")
        << OutcomeClass::Refused << QString();
    QTest::newRow("502 unknown") << B::Respond << 502
                                 << QByteArray(
                                        R"({"ok":false,"outcome":"unknown","api":"v1","error":"timeout"})")
                                 << OutcomeClass::Unknown << QStringLiteral("timeout");
    QTest::newRow("200 nonsense") << B::Respond << 200 << QByteArray("nonsense") << OutcomeClass::Unknown
                                  << errorId(DialError::MalformedReply);
    QTest::newRow("502 error page") << B::Respond << 502 << kErrorPage << OutcomeClass::Unknown
                                    << errorId(DialError::HttpError);
    QTest::newRow("closed mid-answer") << B::CloseMidResponse << 200 << gatewayAccepted()
                                       << OutcomeClass::Unknown << errorId(DialError::ConnectionClosed);
    QTest::newRow("closed at once") << B::CloseAtOnce << 200 << gatewayAccepted() << OutcomeClass::Unknown
                                    << errorId(DialError::ConnectionClosed);
}

void TestDialClient::gatewayAnswers()
{
    QFETCH(ScriptedHttpServer::Behaviour, behaviour);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(OutcomeClass, expected);
    QFETCH(QString, error);
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(behaviour);
    server.setResponse(status, "application/json", body);
    DialOutcome outcome;
    gatewayDial(server.baseUrl(), kGatewayToken, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, expected);
    QCOMPARE(outcome.error, error);
    QCOMPARE(server.requestCount(), 1); // never sent again, whatever came back
}

void TestDialClient::gatewayUnreachable()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    const QUrl gateway = server.baseUrl();
    server.close();
    DialOutcome outcome;
    gatewayDial(gateway, kGatewayToken, &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::Failed);
    QCOMPARE(outcome.error, errorId(DialError::ConnectionRefused));
    QVERIFY2(outcome.message.contains(QStringLiteral("127.0.0.1:%1").arg(gateway.port())),
             qPrintable(outcome.message));
    QVERIFY(outcome.message.contains(QLatin1String("No call was placed")));
}

void TestDialClient::gatewayTokenIsCheckedBeforeSending()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(200, "application/json", gatewayAccepted());
    DialOutcome outcome;
    gatewayDial(server.baseUrl(), kKeyText, &outcome); // a OneNET key stored by mistake
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, errorId(DialError::InvalidKey));
    QCOMPARE(server.requestCount(), 0);
}

void TestDialClient::inFlightScopes()
{
    // The gateway dials for several members: two members may call one customer at once, one member
    // may not call the same number twice at once. The desktop's one scope is the default.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setBehaviour(ScriptedHttpServer::Behaviour::RespondAfterDelay);
    server.setDelayMs(500);
    server.setResponse(200, "application/json", v1Envelope("000000", "onenet_common_success"));
    const Account account = accountFor(server.baseUrl());
    const PhoneNumber callee = PhoneNumber::parse(kCalleeTyped);

    DialClient client;
    client.setClock([] { return kClientNow; });
    QSignalSpy finished(&client, &DialClient::finished);
    const quint64 ann =
        client.dial(account, testKey(), callee, DialClient::kDefaultTimeoutMs, QStringLiteral("ann"));
    const quint64 bob =
        client.dial(account, testKey(), callee, DialClient::kDefaultTimeoutMs, QStringLiteral("bob"));
    QVERIFY(client.isInFlight(kCalleeApi, QStringLiteral("ann")));
    QVERIFY(client.isInFlight(kCalleeApi, QStringLiteral("bob")));
    QVERIFY(!client.isInFlight(kCalleeApi));
    const quint64 annAgain =
        client.dial(account, testKey(), callee, DialClient::kDefaultTimeoutMs, QStringLiteral("ann"));
    const quint64 desktop = client.dial(account, testKey(), callee); // the default scope is its own

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.findChildren<QNetworkReply *>().isEmpty(), kWaitMs);
    QHash<quint64, DialOutcome> outcomes;
    for (const QList<QVariant> &arguments : std::as_const(finished))
        outcomes.insert(arguments.at(0).value<quint64>(), arguments.at(1).value<DialOutcome>());
    QCOMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes.value(ann).outcome, OutcomeClass::Accepted);
    QCOMPARE(outcomes.value(bob).outcome, OutcomeClass::Accepted);
    QCOMPARE(outcomes.value(desktop).outcome, OutcomeClass::Accepted);
    QCOMPARE(outcomes.value(annAgain).outcome, OutcomeClass::NotSent);
    QCOMPARE(outcomes.value(annAgain).error, errorId(DialError::AlreadyInFlight));
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(client.inFlightCount(), 0);
}

QTEST_GUILESS_MAIN(TestDialClient)
#include "tst_dialclient.moc"
