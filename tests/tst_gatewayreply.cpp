// GatewayReply against every answer docs/gateway-api.md documents for POST /api/v1/dial, and some
// it does not: each ends in one outcome class, with the desktop's own words.
#include "onenet/GatewayReply.h"
#include "onenet/ReplyParser.h"
#include "onenet/ResultCatalogue.h"

#include <QSet>
#include <QTest>

using namespace onedial;

namespace {

QByteArray outcomeBody(const QByteArray &outcome, const QByteArray &fields)
{
    return R"({"ok":)" + QByteArray(outcome == "accepted" ? "true" : "false") + R"(,"outcome":")" + outcome +
           R"(","callee":"8613900139000",)" + fields + "}";
}

QByteArray notSentBody(const QByteArray &error)
{
    return outcomeBody("not_sent",
                       R"("api":null,"request_id":null,"code_no":null,"code":null,"message":"English )"
                       R"(words","service_message":null,"call_id":null,"http_status":null,"error":")" +
                           error + R"(","dial_id":null)");
}

} // namespace

class TestGatewayReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onenetAnswers_data();
    void onenetAnswers();
    void gatewayErrors_data();
    void gatewayErrors();
    void errorsHaveTheirOwnWords();
    void dailyLimitSaysWhenItResets();
    void onenetUnreachableOrSilent_data();
    void onenetUnreachableOrSilent();
    void notAnOutcome_data();
    void notAnOutcome();
};

void TestGatewayReply::onenetAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeClass>("outcome");
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("codeNo");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("onenetStatus");

    QTest::newRow("accepted v1")
        << outcomeBody(
               "accepted",
               R"("api":"v1","request_id":"r-1","code_no":"000000","code":null,"message":"x",)"
               R"("service_message":"success","call_id":"c-1","http_status":200,"error":null,"dial_id":17)")
        << OutcomeClass::Accepted << Api::V1 << QStringLiteral("000000") << QString() << 200;
    QTest::newRow("accepted v2")
        << outcomeBody(
               "accepted",
               R"("api":"v2","request_id":"r-1","code_no":null,"code":null,"message":"x",)"
               R"("service_message":"ok","call_id":"c-1","http_status":200,"error":null,"dial_id":18)")
        << OutcomeClass::Accepted << Api::V2 << QString() << QString() << 200;
    QTest::newRow("refused v1 code_no")
        << outcomeBody("refused",
                       R"("api":"v1","request_id":"r-2","code_no":"000015","code":"onenet_common_)"
                       R"(authorizationFailed","message":"x","service_message":"auth","call_id":null,)"
                       R"("http_status":200,"error":null,"dial_id":19)")
        << OutcomeClass::Refused << Api::V1 << QStringLiteral("000015")
        << QStringLiteral("onenet_common_authorizationFailed") << 200;
    QTest::newRow("refused v2 code")
        << outcomeBody("refused",
                       R"("api":"v2","request_id":"r-3","code_no":null,"code":"iot.vcs.talkTimeIsLimit",)"
                       R"("message":"x","service_message":"limit","call_id":null,"http_status":200,)"
                       R"("error":null,"dial_id":20)")
        << OutcomeClass::Refused << Api::V2 << QString() << QStringLiteral("iot.vcs.talkTimeIsLimit") << 200;
}

void TestGatewayReply::onenetAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(OutcomeClass, outcome);
    QFETCH(Api, api);
    QFETCH(QString, codeNo);
    QFETCH(QString, code);
    QFETCH(int, onenetStatus);

    const DialOutcome parsed = GatewayReply::parse(200, body);
    QCOMPARE(parsed.outcome, outcome);
    QCOMPARE(parsed.api, api);
    QCOMPARE(parsed.codeNo, codeNo);
    QCOMPARE(parsed.code, code);
    QCOMPARE(parsed.httpStatus, onenetStatus);
    QVERIFY(parsed.error.isEmpty());
    QVERIFY(!parsed.requestId.isEmpty());
    // The words a direct dial shows for the same answer of OneNET's.
    QCOMPARE(parsed.message, ReplyParser::serviceAnswerMessage(parsed));
    if (api == Api::V1)
        QCOMPARE(parsed.message, ResultCatalogue::messageForV1(codeNo, parsed.serviceMessage));
    else if (outcome == OutcomeClass::Refused)
        QCOMPARE(parsed.message, ResultCatalogue::messageForV2(code, parsed.serviceMessage));
    if (outcome == OutcomeClass::Accepted)
        QCOMPARE(parsed.callId, QStringLiteral("c-1"));
    QVERIFY2(parsed.detail.contains(QLatin1String("dial_id")), qPrintable(parsed.detail));
}

void TestGatewayReply::gatewayErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<bool>("plainBody"); // {"error","message"} only, as the routes before dial send

    const QList<std::pair<int, QByteArray>> documented{
        {400, "invalid_request"},    {400, "invalid_number"},
        {400, "bad_http"},           {401, "token_refused"},
        {403, "user_disabled"},      {403, "caller_not_allowed"},
        {403, "forbidden"},          {404, "not_found"},
        {405, "method_not_allowed"}, {408, "request_timeout"},
        {409, "already_in_flight"},  {411, "length_required"},
        {413, "request_too_large"},  {415, "unsupported_media_type"},
        {429, "daily_limit"},        {429, "too_many_failures"},
        {431, "headers_too_large"},  {503, "not_configured"},
        {503, "unavailable"},        {418, "a_code_from_the_future"},
    };
    for (const auto &[status, error] : documented) {
        QTest::addRow("%d %s", status, error.constData()) << status << error << false;
        QTest::addRow("%d %s, plain body", status, error.constData()) << status << error << true;
    }
}

void TestGatewayReply::gatewayErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, error);
    QFETCH(bool, plainBody);

    const QByteArray body = plainBody
                                ? R"({"error":")" + error + R"(","message":"English words for a person"})"
                                : notSentBody(error);
    const DialOutcome parsed = GatewayReply::parse(status, body, 3600);
    QCOMPARE(parsed.outcome, OutcomeClass::NotSent);
    QCOMPARE(parsed.error, QString::fromLatin1(error)); // what `onedial dial --json` shows
    QCOMPARE(parsed.httpStatus, 0);                     // OneNET's: it was not asked
    QCOMPARE(parsed.message, GatewayReply::messageForError(QString::fromLatin1(error), 3600));
    QVERIFY(!parsed.message.contains(QLatin1String("English words")));
    QVERIFY2(parsed.detail.contains(QStringLiteral("gateway HTTP %1").arg(status)),
             qPrintable(parsed.detail));
    QCOMPARE(parsed.exitStatus(), 2);
}

void TestGatewayReply::errorsHaveTheirOwnWords()
{
    const QString general = GatewayReply::messageForError(QStringLiteral("some_other_code"), -1);
    QSet<QString> seen;
    for (const char *code :
         {GatewayError::TokenRefused, GatewayError::UserDisabled, GatewayError::DailyLimit,
          GatewayError::TooManyFailures, GatewayError::CallerNotAllowed, GatewayError::AlreadyInFlight,
          GatewayError::InvalidNumber, GatewayError::NotConfigured, GatewayError::Unavailable,
          GatewayError::RequestTimeout}) {
        const QString message = GatewayReply::messageForError(QLatin1String(code), -1);
        QVERIFY2(message != general, code);
        QVERIFY2(!seen.contains(message), code);
        seen.insert(message);
    }
    QVERIFY(GatewayReply::messageForError(QLatin1String(GatewayError::TokenRefused), -1)
                .contains(QLatin1String("administrator")));
    QVERIFY(GatewayReply::messageForError(QLatin1String(GatewayError::NotConfigured), -1)
                .contains(QLatin1String("administrator")));
}

void TestGatewayReply::dailyLimitSaysWhenItResets()
{
    const auto limit = [](int secs) {
        return GatewayReply::parse(429, notSentBody("daily_limit"), secs).message;
    };
    QVERIFY2(limit(5 * 3600).contains(QLatin1String("5 hour")), qPrintable(limit(5 * 3600)));
    QVERIFY2(limit(20 * 60).contains(QLatin1String("20 minute")), qPrintable(limit(20 * 60)));
    QVERIFY2(limit(-1).contains(QLatin1String("midnight")), qPrintable(limit(-1)));
}

void TestGatewayReply::onenetUnreachableOrSilent_data()
{
    QTest::addColumn<QByteArray>("outcome");
    QTest::addColumn<OutcomeClass>("expected");
    QTest::newRow("failed") << QByteArray("failed") << OutcomeClass::Failed;
    QTest::newRow("unknown") << QByteArray("unknown") << OutcomeClass::Unknown;
}

void TestGatewayReply::onenetUnreachableOrSilent()
{
    QFETCH(QByteArray, outcome);
    QFETCH(OutcomeClass, expected);
    const QByteArray error = expected == OutcomeClass::Failed ? "connection_refused" : "timeout";
    const DialOutcome parsed = GatewayReply::parse(
        502, outcomeBody(outcome, R"("api":"v1","request_id":null,"code_no":null,"code":null,"message":"x",)"
                                  R"("service_message":null,"call_id":null,"http_status":null,"error":")" +
                                      error + R"(","dial_id":21)"));
    QCOMPARE(parsed.outcome, expected);
    QCOMPARE(parsed.error, QString::fromLatin1(error));
    QCOMPARE(parsed.exitStatus(), 3);
    const QString caution = QCoreApplication::translate(
        "onedial::DialClient",
        "The call may or may not have been placed: check your phone before dialling again.");
    QCOMPARE(parsed.message.contains(caution), expected == OutcomeClass::Unknown);
    if (expected == OutcomeClass::Failed)
        QVERIFY(parsed.message.contains(QLatin1String("No call was placed")));
}

void TestGatewayReply::notAnOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeClass>("expected");
    QTest::addColumn<QString>("error");

    const QString malformed = QLatin1String(DialError::MalformedReply);
    const QString httpError = QLatin1String(DialError::HttpError);
    QTest::newRow("200 empty") << 200 << QByteArray() << OutcomeClass::Unknown << malformed;
    QTest::newRow("200 not JSON") << 200 << QByteArray("OK") << OutcomeClass::Unknown << malformed;
    QTest::newRow("200 array") << 200 << QByteArray("[]") << OutcomeClass::Unknown << malformed;
    QTest::newRow("200 no outcome") << 200 << QByteArray(R"({"ok":true})") << OutcomeClass::Unknown
                                    << malformed;
    QTest::newRow("200 strange outcome")
        << 200 << QByteArray(R"({"outcome":"maybe"})") << OutcomeClass::Unknown << malformed;
    QTest::newRow("200 claims not sent")
        << 200 << notSentBody("daily_limit") << OutcomeClass::Unknown << malformed;
    QTest::newRow("502 error page") << 502 << QByteArray("<html>Bad Gateway</html>") << OutcomeClass::Unknown
                                    << httpError;
    QTest::newRow("502 claims accepted")
        << 502 << QByteArray(R"({"outcome":"accepted","api":"v1","code_no":"000000"})")
        << OutcomeClass::Unknown << httpError;
    QTest::newRow("404 page") << 404 << QByteArray("Not Found") << OutcomeClass::Failed << httpError;
}

void TestGatewayReply::notAnOutcome()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(OutcomeClass, expected);
    QFETCH(QString, error);
    const DialOutcome parsed = GatewayReply::parse(status, body);
    QCOMPARE(parsed.outcome, expected);
    QCOMPARE(parsed.error, error);
    QVERIFY(!parsed.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestGatewayReply)
#include "tst_gatewayreply.moc"
