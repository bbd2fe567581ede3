// OneNET's status callback bodies read into a CallStatusReport: the documented fields, the ones
// OneNET may leave out, and bodies no receiver should believe.
#include "onenet/CallStatusReport.h"

#include <QJsonDocument>
#include <QTest>

using namespace onedial;

class TestCallStatusReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDocumentedFields();
    void refusesBodiesThatAreNotReports_data();
    void refusesBodiesThatAreNotReports();
    void progressOnlyMovesForward();
    void successAnswerIsOneNetsOwn();
};

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

void TestCallStatusReport::readsTheDocumentedFields()
{
    QString problem;
    const auto ended =
        CallStatusReport::fromJson(json(R"({"appid": "123123", "call_id": "c-1", "caller": "8613900139000",
                 "callee": "8613912345678", "status": "Disconnected", "report_date": "20261206161502",
                 "reason": "CalleeBusy", "call_duration": 0, "caller_call_duration": "12"})"),
                                   &problem);
    QVERIFY2(ended, qPrintable(problem));
    QCOMPARE(ended->account, QStringLiteral("123123"));
    QCOMPARE(ended->callId, QStringLiteral("c-1"));
    QCOMPARE(ended->caller, QStringLiteral("8613900139000"));
    QCOMPARE(ended->callee, QStringLiteral("8613912345678"));
    QCOMPARE(ended->progress, CallProgress::Disconnected);
    QCOMPARE(ended->reason, QStringLiteral("CalleeBusy"));
    QCOMPARE(ended->callDuration, std::optional<qint64>(0));
    QCOMPARE(ended->callerCallDuration, std::optional<qint64>(12));
    QCOMPARE(ended->reportDate, QStringLiteral("20261206161502"));

    // v2 names the account user_id; OneNET's own example leaves the durations out.
    const auto connected = CallStatusReport::fromJson(
        json(R"({"user_id": "42", "call_id": "c-2", "status": "Connected"})"), &problem);
    QVERIFY2(connected, qPrintable(problem));
    QCOMPARE(connected->account, QStringLiteral("42"));
    QCOMPARE(connected->progress, CallProgress::Connected);
    QVERIFY(!connected->callDuration);
    QVERIFY(connected->reason.isEmpty());
    QVERIFY(connected->reportDate.isEmpty());
}

void TestCallStatusReport::refusesBodiesThatAreNotReports_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("no call_id") << QByteArray(R"({"status": "Connected"})");
    QTest::newRow("call_id a number") << QByteArray(R"({"call_id": 7, "status": "Connected"})");
    QTest::newRow("no status") << QByteArray(R"({"call_id": "c"})");
    QTest::newRow("unknown status") << QByteArray(R"({"call_id": "c", "status": "Ringing"})");
    QTest::newRow("status in lower case") << QByteArray(R"({"call_id": "c", "status": "connected"})");
    QTest::newRow("negative duration")
        << QByteArray(R"({"call_id": "c", "status": "Disconnected", "call_duration": -1})");
    QTest::newRow("fractional duration")
        << QByteArray(R"({"call_id": "c", "status": "Disconnected", "call_duration": 1.5})");
    QTest::newRow("duration in words")
        << QByteArray(R"({"call_id": "c", "status": "Disconnected", "call_duration": "two"})");
    QTest::newRow("report_date with separators")
        << QByteArray(R"({"call_id": "c", "status": "Connected", "report_date": "2026-12-06 16:15"})");
    QTest::newRow("report_date not a day")
        << QByteArray(R"({"call_id": "c", "status": "Connected", "report_date": "20261306161502"})");
    QTest::newRow("reason far too long")
        << QByteArray(R"({"call_id": "c", "status": "Disconnected", "reason": ")") + QByteArray(65, 'x') +
               QByteArray(R"("})");
}

void TestCallStatusReport::refusesBodiesThatAreNotReports()
{
    QFETCH(QByteArray, body);
    QString problem;
    QVERIFY(!CallStatusReport::fromJson(QJsonDocument::fromJson(body).object(), &problem));
    QVERIFY(!problem.isEmpty());
}

void TestCallStatusReport::progressOnlyMovesForward()
{
    QVERIFY(CallProgress::CallingCaller < CallProgress::CallingCallee);
    QVERIFY(CallProgress::CallingCallee < CallProgress::Connected);
    QVERIFY(CallProgress::Connected < CallProgress::Disconnected);
    for (const char *name : {"CallingCaller", "CallingCallee", "Connected", "Disconnected"})
        QCOMPARE(callProgressName(*callProgressFromName(QLatin1String(name))), QLatin1String(name));
}

void TestCallStatusReport::successAnswerIsOneNetsOwn()
{
    const QJsonObject answer = CallStatusReport::successAnswer(QStringLiteral("r-1"));
    QCOMPARE(answer.value(QLatin1String("request_id")).toString(), QStringLiteral("r-1"));
    QCOMPARE(answer.value(QLatin1String("code_no")).toString(), QStringLiteral("000000"));
    QCOMPARE(answer.value(QLatin1String("code")).toString(), QStringLiteral("onenet_common_success"));
    QVERIFY(answer.value(QLatin1String("message")).isString());
}

QTEST_GUILESS_MAIN(TestCallStatusReport)
#include "tst_callstatusreport.moc"
