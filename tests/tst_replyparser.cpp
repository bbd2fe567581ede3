// How the service's answers, documented or not, become exactly one outcome class with a message
// a person can act on, for both API generations.
#include "onenet/DialOutcome.h"
#include "onenet/ReplyParser.h"
#include "onenet/ResultCatalogue.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace onedial;

namespace {

const QByteArray kHtml502 = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                            "<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";

QByteArray v2Failure(const QByteArray &code)
{
    return R"({"requestId":"r-2","success":false,"code":")" + code + R"(","msg":"service says no"})";
}

// The message ReplyParser gives for a code OneDial does not know, for this very code: a known
// code's message must be something better than this.
QString genericV1Message(const QString &codeNo, const QString &serviceMessage)
{
    const QString probe = QStringLiteral("999999");
    Q_ASSERT(!ResultCatalogue::findV1(probe));
    return ResultCatalogue::messageForV1(probe, serviceMessage).replace(probe, codeNo);
}

QString genericV2Message(const QString &code, const QString &serviceMessage)
{
    const QString probe = QStringLiteral("iot.vcs.probeCodeUnknownToOneDial");
    Q_ASSERT(!ResultCatalogue::findV2(probe));
    return ResultCatalogue::messageForV2(probe, serviceMessage).replace(probe, code);
}

} // namespace

class TestReplyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v1SuccessCarriesCallId();
    void v2SuccessCarriesCallId();
    void everyV1FailureCodeHasItsOwnMessage();
    void everyV2FailureCodeHasItsOwnMessage();
    void failureMessagesDifferFromSuccess();
    void unknownCodesAreRefusedAndNamed();
    void v2UnauthorizedWithoutCode();
    void unusableReplies_data();
    void unusableReplies();
    void refusalWithErrorStatusIsStillRefused();
    void longFieldsAreCut();
    void exitStatusPerClass_data();
    void exitStatusPerClass();
    void jsonHasExactlyTheDocumentedKeys();
    void jsonOfAnAcceptedOutcome();
};

void TestReplyParser::v1SuccessCarriesCallId()
{
    const QByteArray body = R"({"request_id":"req-1","code_no":"000000","code":"onenet_common_success",)"
                            R"("message":"ok","data":{"call_id":"call-123"}})";
    const DialOutcome outcome = ReplyParser::parse(Api::V1, 200, body);
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.api, Api::V1);
    QCOMPARE(outcome.callId, QStringLiteral("call-123"));
    QCOMPARE(outcome.requestId, QStringLiteral("req-1"));
    QCOMPARE(outcome.codeNo, QStringLiteral("000000"));
    QCOMPARE(outcome.code, QStringLiteral("onenet_common_success"));
    QCOMPARE(outcome.serviceMessage, QStringLiteral("ok"));
    QCOMPARE(outcome.httpStatus, 200);
    QVERIFY(outcome.error.isEmpty());
    QVERIFY(!outcome.message.isEmpty());
}

void TestReplyParser::v2SuccessCarriesCallId()
{
    const QByteArray body = R"({"requestId":"req-2","success":true,"data":{"call_id":"call-456"}})";
    const DialOutcome outcome = ReplyParser::parse(Api::V2, 200, body);
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QCOMPARE(outcome.api, Api::V2);
    QCOMPARE(outcome.callId, QStringLiteral("call-456"));
    QCOMPARE(outcome.requestId, QStringLiteral("req-2"));
    QVERIFY(outcome.error.isEmpty());
    QVERIFY(!outcome.message.isEmpty());
}

void TestReplyParser::everyV1FailureCodeHasItsOwnMessage()
{
    int failureCodes = 0;
    for (const ResultCode &code : ResultCatalogue::v1Codes()) {
        const QString codeNo = QLatin1String(code.codeNo);
        if (codeNo == QLatin1String("000000"))
            continue;
        ++failureCodes;
        const QByteArray body = R"({"request_id":"req-3","code_no":")" + QByteArray(code.codeNo) +
                                R"(","code":")" + QByteArray(code.name) + R"(","message":"service says no"})";
        const DialOutcome outcome = ReplyParser::parse(Api::V1, 200, body);
        const QByteArray context = "code_no " + QByteArray(code.codeNo);
        QVERIFY2(outcome.outcome == OutcomeClass::Refused, context.constData());
        QVERIFY2(!outcome.ok(), context.constData());
        QCOMPARE(outcome.codeNo, codeNo);
        QCOMPARE(outcome.code, QLatin1String(code.name));
        QCOMPARE(outcome.serviceMessage, QStringLiteral("service says no"));
        QVERIFY2(outcome.callId.isEmpty(), context.constData());
        QVERIFY2(!outcome.message.trimmed().isEmpty(), context.constData());
        QVERIFY2(outcome.message != genericV1Message(codeNo, outcome.serviceMessage), context.constData());
        QCOMPARE(outcome.message, QCoreApplication::translate("ResultCatalogue", code.advice));
    }
    QVERIFY(failureCodes >= 14);
}

void TestReplyParser::everyV2FailureCodeHasItsOwnMessage()
{
    int failureCodes = 0;
    for (const ResultCode &code : ResultCatalogue::v2Codes()) {
        ++failureCodes;
        const QByteArray fullCode = "iot.vcs." + QByteArray(code.name);
        const DialOutcome outcome = ReplyParser::parse(Api::V2, 200, v2Failure(fullCode));
        const QByteArray context = "code " + fullCode;
        QVERIFY2(outcome.outcome == OutcomeClass::Refused, context.constData());
        QCOMPARE(outcome.code, QString::fromLatin1(fullCode));
        QCOMPARE(outcome.requestId, QStringLiteral("r-2"));
        QCOMPARE(outcome.serviceMessage, QStringLiteral("service says no"));
        QVERIFY2(!outcome.message.trimmed().isEmpty(), context.constData());
        QVERIFY2(outcome.message != genericV2Message(outcome.code, outcome.serviceMessage),
                 context.constData());
        QCOMPARE(outcome.message, QCoreApplication::translate("ResultCatalogue", code.advice));
    }
    QVERIFY(failureCodes >= 23);
}

void TestReplyParser::failureMessagesDifferFromSuccess()
{
    const QString success = ReplyParser::parse(Api::V1, 200, R"({"code_no":"000000"})").message;
    for (const ResultCode &code : ResultCatalogue::v1Codes()) {
        if (QLatin1String(code.codeNo) == QLatin1String("000000"))
            continue;
        const QByteArray body = R"({"code_no":")" + QByteArray(code.codeNo) + R"("})";
        QVERIFY2(ReplyParser::parse(Api::V1, 200, body).message != success, code.codeNo);
    }
    for (const ResultCode &code : ResultCatalogue::v2Codes())
        QVERIFY2(ReplyParser::parse(Api::V2, 200, v2Failure("iot.vcs." + QByteArray(code.name))).message !=
                     success,
                 code.name);
}

void TestReplyParser::unknownCodesAreRefusedAndNamed()
{
    const DialOutcome v1 = ReplyParser::parse(
        Api::V1, 200,
        R"({"request_id":"r","code_no":"009999","code":"onenet_new_thing","message":"new thing"})");
    QCOMPARE(v1.outcome, OutcomeClass::Refused);
    QCOMPARE(v1.codeNo, QStringLiteral("009999"));
    QVERIFY(v1.message.contains(QLatin1String("009999")));
    QVERIFY(v1.message.contains(QLatin1String("new thing")));
    QCOMPARE(v1.message, genericV1Message(QStringLiteral("009999"), QStringLiteral("new thing")));

    const DialOutcome v2 = ReplyParser::parse(Api::V2, 200, v2Failure("iot.vcs.somethingNew"));
    QCOMPARE(v2.outcome, OutcomeClass::Refused);
    QCOMPARE(v2.code, QStringLiteral("iot.vcs.somethingNew"));
    QVERIFY(v2.message.contains(QLatin1String("iot.vcs.somethingNew")));
    QCOMPARE(v2.message, genericV2Message(v2.code, v2.serviceMessage));
}

void TestReplyParser::v2UnauthorizedWithoutCode()
{
    const DialOutcome outcome =
        ReplyParser::parse(Api::V2, 401, R"({"requestId":"r-401","success":false,"msg":"unauthorized"})");
    QCOMPARE(outcome.outcome, OutcomeClass::Refused);
    QCOMPARE(outcome.httpStatus, 401);
    QVERIFY(outcome.code.isEmpty());
    QVERIFY(!outcome.message.isEmpty());
    QVERIFY(outcome.message.contains(QLatin1String("authorization")));
    QVERIFY(outcome.message != genericV2Message(QString(), outcome.serviceMessage));
    QCOMPARE(outcome.exitStatus(), 1);
}

void TestReplyParser::unusableReplies_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeClass>("expected");
    QTest::addColumn<QString>("error");

    const QString malformed = QLatin1String(DialError::MalformedReply);
    const QString httpError = QLatin1String(DialError::HttpError);
    const OutcomeClass unknown = OutcomeClass::Unknown;
    const OutcomeClass failed = OutcomeClass::Failed;

    QTest::newRow("v1 code_no is a number")
        << Api::V1 << 200 << QByteArray(R"({"code_no":0})") << unknown << malformed;
    QTest::newRow("v1 code_no is a big number")
        << Api::V1 << 200 << QByteArray(R"({"code_no":15})") << unknown << malformed;
    QTest::newRow("v1 code_no is null")
        << Api::V1 << 200 << QByteArray(R"({"code_no":null})") << unknown << malformed;
    QTest::newRow("v1 code_no is an object")
        << Api::V1 << 200 << QByteArray(R"({"code_no":{"value":"000000"}})") << unknown << malformed;
    QTest::newRow("v1 code_no is empty")
        << Api::V1 << 200 << QByteArray(R"({"code_no":""})") << unknown << malformed;
    QTest::newRow("v1 code_no missing")
        << Api::V1 << 200 << QByteArray(R"({"code":"onenet_common_success"})") << unknown << malformed;
    QTest::newRow("v1 code_no absurdly long")
        << Api::V1 << 200 << QByteArray(R"({"code_no":"000000000000000000000000"})") << unknown << malformed;
    QTest::newRow("v2 success is a string")
        << Api::V2 << 200 << QByteArray(R"({"success":"true"})") << unknown << malformed;
    QTest::newRow("v2 success is a number")
        << Api::V2 << 200 << QByteArray(R"({"success":1})") << unknown << malformed;
    QTest::newRow("v2 success is null")
        << Api::V2 << 200 << QByteArray(R"({"success":null})") << unknown << malformed;
    QTest::newRow("v2 success missing")
        << Api::V2 << 200 << QByteArray(R"({"requestId":"r"})") << unknown << malformed;
    // A v1 envelope read as v2 (account configured for the wrong generation) is not a success.
    QTest::newRow("v2 reading a v1 envelope")
        << Api::V2 << 200 << QByteArray(R"({"code_no":"000000","data":{"call_id":"c"}})") << unknown
        << malformed;

    for (const Api api : {Api::V1, Api::V2}) {
        const char *prefix = api == Api::V1 ? "v1" : "v2";
        QTest::addRow("%s JSON array", prefix)
            << api << 200 << QByteArray(R"([{"code_no":"000000"}])") << unknown << malformed;
        QTest::addRow("%s JSON null", prefix) << api << 200 << QByteArray("null") << unknown << malformed;
        QTest::addRow("%s JSON string", prefix)
            << api << 200 << QByteArray(R"("000000")") << unknown << malformed;
        QTest::addRow("%s truncated JSON", prefix)
            << api << 200 << QByteArray(R"({"request_id":"r","code_no":"0000)") << unknown << malformed;
        QTest::addRow("%s HTML with 200", prefix) << api << 200 << kHtml502 << unknown << malformed;
        QTest::addRow("%s empty body with 200", prefix) << api << 200 << QByteArray() << unknown << malformed;
        QTest::addRow("%s garbage with 200", prefix)
            << api << 200 << QByteArray("\x01\x02garbage\xff\xfe") << unknown << malformed;
        QTest::addRow("%s HTML 400", prefix) << api << 400 << kHtml502 << failed << httpError;
        QTest::addRow("%s HTML 401", prefix) << api << 401 << kHtml502 << failed << httpError;
        QTest::addRow("%s HTML 404", prefix) << api << 404 << kHtml502 << failed << httpError;
        QTest::addRow("%s empty 403", prefix) << api << 403 << QByteArray() << failed << httpError;
        QTest::addRow("%s HTML 500", prefix) << api << 500 << kHtml502 << unknown << httpError;
        QTest::addRow("%s HTML 502", prefix) << api << 502 << kHtml502 << unknown << httpError;
        QTest::addRow("%s HTML 503", prefix) << api << 503 << kHtml502 << unknown << httpError;
        QTest::addRow("%s HTML 504", prefix) << api << 504 << kHtml502 << unknown << httpError;
        QTest::addRow("%s empty 502", prefix) << api << 502 << QByteArray() << unknown << httpError;
        QTest::addRow("%s redirect 302", prefix) << api << 302 << QByteArray() << unknown << httpError;
    }
}

void TestReplyParser::unusableReplies()
{
    QFETCH(Api, api);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(OutcomeClass, expected);
    QFETCH(QString, error);

    const DialOutcome outcome = ReplyParser::parse(api, status, body);
    QCOMPARE(outcome.outcome, expected);
    QCOMPARE(outcome.error, error);
    QCOMPARE(outcome.api, api);
    QCOMPARE(outcome.httpStatus, status);
    QVERIFY(!outcome.ok());
    QVERIFY(!outcome.message.trimmed().isEmpty());
    QVERIFY(outcome.callId.isEmpty());
    QVERIFY(!outcome.detail.isEmpty());
    if (expected == OutcomeClass::Unknown) {
        // Nobody can tell whether the phone is ringing: the message must say to look.
        QVERIFY2(outcome.message.contains(QLatin1String("check your phone")), qPrintable(outcome.message));
    } else {
        QVERIFY2(outcome.message.contains(QLatin1String("No call was placed")), qPrintable(outcome.message));
    }
    QCOMPARE(outcome.exitStatus(), 3);
}

void TestReplyParser::refusalWithErrorStatusIsStillRefused()
{
    // A OneNET envelope is the service's own answer, whatever the status line says.
    const DialOutcome v1 =
        ReplyParser::parse(Api::V1, 400, R"({"code_no":"000004","code":"x","message":"m"})");
    QCOMPARE(v1.outcome, OutcomeClass::Refused);
    QCOMPARE(v1.codeNo, QStringLiteral("000004"));
    QCOMPARE(v1.httpStatus, 400);

    const DialOutcome v2 = ReplyParser::parse(Api::V2, 500, v2Failure("iot.vcs.systemException"));
    QCOMPARE(v2.outcome, OutcomeClass::Refused);
    QCOMPARE(v2.httpStatus, 500);
}

void TestReplyParser::longFieldsAreCut()
{
    const QByteArray longText(10000, 'x');
    const DialOutcome outcome =
        ReplyParser::parse(Api::V1, 200,
                           R"({"request_id":")" + longText + R"(","code_no":"000000","message":")" +
                               longText + R"(","data":{"call_id":")" + longText + R"("}})");
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QVERIFY(!outcome.callId.isEmpty());
    QVERIFY(outcome.callId.size() <= 256);
    QVERIFY(outcome.requestId.size() <= 256);
    QVERIFY(outcome.serviceMessage.size() <= 256);
}

void TestReplyParser::exitStatusPerClass_data()
{
    QTest::addColumn<OutcomeClass>("outcomeClass");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("exitStatus");
    QTest::addColumn<QString>("name");

    QTest::newRow("accepted") << OutcomeClass::Accepted << QString() << 0 << QStringLiteral("accepted");
    QTest::newRow("refused") << OutcomeClass::Refused << QString() << 1 << QStringLiteral("refused");
    QTest::newRow("not sent") << OutcomeClass::NotSent << QString::fromLatin1(DialError::InvalidNumber) << 2
                              << QStringLiteral("not_sent");
    QTest::newRow("not sent, in flight")
        << OutcomeClass::NotSent << QString::fromLatin1(DialError::AlreadyInFlight) << 2
        << QStringLiteral("not_sent");
    QTest::newRow("failed") << OutcomeClass::Failed << QString::fromLatin1(DialError::ConnectionRefused) << 3
                            << QStringLiteral("failed");
    QTest::newRow("unknown") << OutcomeClass::Unknown << QString::fromLatin1(DialError::Timeout) << 3
                             << QStringLiteral("unknown");
    QTest::newRow("keychain not sent") << OutcomeClass::NotSent << QString::fromLatin1(DialError::Keychain)
                                       << 4 << QStringLiteral("not_sent");
}

void TestReplyParser::exitStatusPerClass()
{
    QFETCH(OutcomeClass, outcomeClass);
    QFETCH(QString, error);
    QFETCH(int, exitStatus);
    QFETCH(QString, name);

    DialOutcome outcome;
    outcome.outcome = outcomeClass;
    outcome.error = error;
    QCOMPARE(outcome.exitStatus(), exitStatus);
    QCOMPARE(outcomeClassName(outcomeClass), name);
    QCOMPARE(outcome.toJson().value(QLatin1String("outcome")).toString(), name);
    QCOMPARE(outcome.toJson().value(QLatin1String("ok")).toBool(), outcomeClass == OutcomeClass::Accepted);
}

void TestReplyParser::jsonHasExactlyTheDocumentedKeys()
{
    const QStringList expected = {
        QStringLiteral("ok"),      QStringLiteral("outcome"),     QStringLiteral("api"),
        QStringLiteral("callee"),  QStringLiteral("request_id"),  QStringLiteral("code_no"),
        QStringLiteral("code"),    QStringLiteral("message"),     QStringLiteral("service_message"),
        QStringLiteral("call_id"), QStringLiteral("http_status"), QStringLiteral("error"),
    };
    const QSet<QString> expectedSet(expected.cbegin(), expected.cend());

    // Both an empty outcome and a fully populated one have the same keys: absent fields are null.
    DialOutcome empty;
    DialOutcome full = ReplyParser::parse(Api::V1, 200, R"({"code_no":"000015","code":"c","message":"m"})");
    full.callee = QStringLiteral("8613900139000");
    full.requestId = QStringLiteral("r");
    full.callId = QStringLiteral("c");
    full.error = QStringLiteral("e");
    full.detail = QStringLiteral("support detail that stays out of the JSON");
    for (const DialOutcome &outcome : {empty, full}) {
        const QStringList keys = outcome.toJson().keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), expectedSet);
        QCOMPARE(keys.size(), expected.size());
    }
    const QJsonObject emptyJson = empty.toJson();
    QVERIFY(emptyJson.value(QLatin1String("callee")).isNull());
    QVERIFY(emptyJson.value(QLatin1String("http_status")).isNull());
    QVERIFY(emptyJson.value(QLatin1String("error")).isNull());
    QVERIFY(emptyJson.value(QLatin1String("ok")).isBool());

    const QJsonObject fullJson = full.toJson();
    QCOMPARE(fullJson.value(QLatin1String("http_status")).toInt(), 200);
    QCOMPARE(fullJson.value(QLatin1String("code_no")).toString(), QStringLiteral("000015"));
    QCOMPARE(fullJson.value(QLatin1String("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(fullJson.value(QLatin1String("api")).toString(), QStringLiteral("v1"));
    QVERIFY(!QJsonDocument(fullJson).toJson().contains("support detail"));
}

void TestReplyParser::jsonOfAnAcceptedOutcome()
{
    const DialOutcome outcome =
        ReplyParser::parse(Api::V2, 200, R"({"requestId":"req-9","success":true,"data":{"call_id":"c-9"}})");
    const QJsonObject json = outcome.toJson();
    QCOMPARE(json.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("accepted"));
    QCOMPARE(json.value(QLatin1String("api")).toString(), QStringLiteral("v2"));
    QCOMPARE(json.value(QLatin1String("request_id")).toString(), QStringLiteral("req-9"));
    QCOMPARE(json.value(QLatin1String("call_id")).toString(), QStringLiteral("c-9"));
    QVERIFY(json.value(QLatin1String("code_no")).isNull());
    QVERIFY(json.value(QLatin1String("error")).isNull());
    QCOMPARE(json.value(QLatin1String("message")).toString(), outcome.message);
}

QTEST_GUILESS_MAIN(TestReplyParser)
#include "tst_replyparser.moc"
