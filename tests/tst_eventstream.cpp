// The desktop's reading of the gateway's event stream (EventStreamParser: Server-Sent Events in
// pieces of any size, every line ending, comments, ids, retry, an over-long line) and of one call
// event (GatewayEventStream::readEvent), and the words each step of a call is told in
// (CallProgressWords), in English and Chinese.
#include "onenet/CallProgressWords.h"
#include "onenet/EventStreamParser.h"
#include "onenet/GatewayEventStream.h"

#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace onedial;

class TestEventStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsInAnyPieces_data();
    void eventsInAnyPieces();
    void idsCarryOverAndRetryIsRead();
    void overlongLineStopsTheStream();
    void restartKeepsTheLastId();
    void callEventsAreRead();
    void otherDataIsNotACallEvent_data();
    void otherDataIsNotACallEvent();
    void stepsInWords_data();
    void stepsInWords();
    void durations();
    void wordsInChinese();
};

namespace {

const QByteArray kStream = QByteArrayLiteral("retry: 5000\n\n"
                                             ": keep-alive\n\n"
                                             "id: 7\nevent: call\ndata: {\"a\":1}\n\n"
                                             "id: 8\nevent: call\ndata: line one\ndata: line two\n\n"
                                             "data:no space\n\n");

} // namespace

void TestEventStream::eventsInAnyPieces_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("piece");
    for (const int piece : {1, 2, 3, 7, 1000}) {
        QTest::addRow("LF, %d-byte pieces", piece) << kStream << piece;
        QByteArray crlf = kStream;
        crlf.replace("\n", "\r\n");
        QTest::addRow("CRLF, %d-byte pieces", piece) << crlf << piece;
        QByteArray cr = kStream;
        cr.replace("\n", "\r");
        QTest::addRow("CR, %d-byte pieces", piece) << cr << piece;
    }
}

void TestEventStream::eventsInAnyPieces()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, piece);
    EventStreamParser parser;
    QList<EventStreamParser::Event> events;
    for (qsizetype at = 0; at < stream.size(); at += piece)
        events += parser.feed(stream.mid(at, piece));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).id, QStringLiteral("7"));
    QCOMPARE(events.at(0).type, QStringLiteral("call"));
    QCOMPARE(events.at(0).data, QByteArray("{\"a\":1}"));
    QCOMPARE(events.at(1).id, QStringLiteral("8"));
    QCOMPARE(events.at(1).data, QByteArray("line one\nline two"));
    // No event field: "message"; no id field: the last one set.
    QCOMPARE(events.at(2).type, QStringLiteral("message"));
    QCOMPARE(events.at(2).id, QStringLiteral("8"));
    QCOMPARE(events.at(2).data, QByteArray("no space"));
    QCOMPARE(parser.retryMs(), std::optional<int>(5000));
    QCOMPARE(parser.lastEventId(), QStringLiteral("8"));
    QVERIFY(!parser.failed());
}

void TestEventStream::idsCarryOverAndRetryIsRead()
{
    EventStreamParser parser;
    // An event without data is not dispatched, but its id is kept; a bad retry is ignored.
    QVERIFY(parser.feed("id: 41\n\nretry: soon\n\n").isEmpty());
    QCOMPARE(parser.lastEventId(), QStringLiteral("41"));
    QCOMPARE(parser.retryMs(), std::nullopt);
    // A half event is held until its blank line.
    QVERIFY(parser.feed("data: x\n").isEmpty());
    const QList<EventStreamParser::Event> events = parser.feed("\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().id, QStringLiteral("41"));
}

void TestEventStream::overlongLineStopsTheStream()
{
    EventStreamParser parser;
    QVERIFY(parser.feed("data: " + QByteArray(EventStreamParser::kMaxLineBytes, 'x')).isEmpty());
    QVERIFY(parser.failed());
    QVERIFY(parser.feed("\n\nid: 3\ndata: y\n\n").isEmpty());
}

void TestEventStream::restartKeepsTheLastId()
{
    EventStreamParser parser;
    parser.feed("id: 12\ndata: a\n\ndata: half");
    parser.restart(); // a new connection: the half event is gone, the id stays for Last-Event-ID
    const QList<EventStreamParser::Event> events = parser.feed("\n\ndata: b\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().data, QByteArray("b"));
    QCOMPARE(parser.lastEventId(), QStringLiteral("12"));
}

void TestEventStream::callEventsAreRead()
{
    const auto event = GatewayEventStream::readEvent(
        R"({"event_id":7,"dial_id":2,"call_id":"c0ffee","callee":"8613800138000","status":"Disconnected",)"
        R"("reason":"CalleeBusy","call_duration":null,"report_date":"20260101080000",)"
        R"("time":"2026-12-06T20:30:00.123Z"})");
    QVERIFY(event);
    QCOMPARE(event->eventId, 7);
    QCOMPARE(event->dialId, 2);
    QCOMPARE(event->callId, QStringLiteral("c0ffee"));
    QCOMPARE(event->callee, QStringLiteral("8613800138000"));
    QCOMPARE(event->progress, CallProgress::Disconnected);
    QCOMPARE(event->reason, QStringLiteral("CalleeBusy"));
    QCOMPARE(event->durationSecs, std::nullopt);
    QCOMPARE(event->reportDate, QStringLiteral("20260101080000"));
    QCOMPARE(event->time, QDateTime(QDate(2026, 12, 6), QTime(20, 30, 0, 123), Qt::UTC));

    const auto talked = GatewayEventStream::readEvent(
        R"({"event_id":9,"dial_id":3,"call_id":"c1","callee":"8613800138000","status":"Disconnected",)"
        R"("reason":"HangUp","call_duration":133})");
    QVERIFY(talked);
    QCOMPARE(talked->durationSecs, std::optional<qint64>(133));
}

void TestEventStream::otherDataIsNotACallEvent_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("not JSON") << QByteArray("hello");
    QTest::newRow("an array") << QByteArray("[1,2]");
    QTest::newRow("no event id") << QByteArray(R"({"call_id":"c","status":"Connected"})");
    QTest::newRow("no call id") << QByteArray(R"({"event_id":1,"status":"Connected"})");
    QTest::newRow("unknown status") << QByteArray(R"({"event_id":1,"call_id":"c","status":"Ringing"})");
}

void TestEventStream::otherDataIsNotACallEvent()
{
    QFETCH(QByteArray, data);
    QVERIFY(!GatewayEventStream::readEvent(data));
}

void TestEventStream::stepsInWords_data()
{
    QTest::addColumn<CallProgress>("progress");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("duration"); // -1: none
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("badly");
    const QString none;
    QTest::newRow("calling you") << CallProgress::CallingCaller << none << qint64(-1)
                                 << QStringLiteral("Calling you: answer your phone") << false;
    QTest::newRow("calling them") << CallProgress::CallingCallee << none << qint64(-1)
                                  << QStringLiteral("Calling 张三") << false;
    QTest::newRow("connected") << CallProgress::Connected << none << qint64(-1)
                               << QStringLiteral("Connected with 张三") << false;
    QTest::newRow("talked") << CallProgress::Disconnected << QStringLiteral("HangUp") << qint64(133)
                            << QStringLiteral("Ended after 2 min 13 s") << false;
    QTest::newRow("no duration") << CallProgress::Disconnected << QStringLiteral("HangUp") << qint64(-1)
                                 << QStringLiteral("Ended") << false;
    QTest::newRow("busy") << CallProgress::Disconnected << QStringLiteral("CalleeBusy") << qint64(-1)
                          << QStringLiteral("张三's phone was busy") << true;
    QTest::newRow("no answer") << CallProgress::Disconnected << QStringLiteral("CalleeNoAnswer") << qint64(-1)
                               << QStringLiteral("张三 did not answer") << true;
    QTest::newRow("you did not answer")
        << CallProgress::Disconnected << QStringLiteral("CallerNoAnswer") << qint64(-1)
        << QStringLiteral("You did not answer your phone, so 张三 was not called") << true;
    QTest::newRow("your phone busy") << CallProgress::Disconnected << QStringLiteral("CallerBusy")
                                     << qint64(-1)
                                     << QStringLiteral("Your phone was busy, so 张三 was not called") << true;
    QTest::newRow("their phone off")
        << CallProgress::Disconnected << QStringLiteral("CalleeFailure") << qint64(-1)
        << QStringLiteral("张三's phone could not be reached (off, out of service or no signal)") << true;
    QTest::newRow("something else") << CallProgress::Disconnected << QStringLiteral("Other") << qint64(-1)
                                    << QStringLiteral("Ended (OneNET's reason: Other)") << true;
}

void TestEventStream::stepsInWords()
{
    QFETCH(CallProgress, progress);
    QFETCH(QString, reason);
    QFETCH(qint64, duration);
    QFETCH(QString, words);
    QFETCH(bool, badly);
    const std::optional<qint64> seconds = duration < 0 ? std::nullopt : std::optional<qint64>(duration);
    QCOMPARE(CallProgressWords::describe(progress, reason, seconds, QStringLiteral("张三")), words);
    QCOMPARE(CallProgressWords::endedBadly(progress, reason), badly);
}

void TestEventStream::durations()
{
    QCOMPARE(CallProgressWords::duration(0), QStringLiteral("0 s"));
    QCOMPARE(CallProgressWords::duration(59), QStringLiteral("59 s"));
    QCOMPARE(CallProgressWords::duration(60), QStringLiteral("1 min"));
    QCOMPARE(CallProgressWords::duration(3599), QStringLiteral("59 min 59 s"));
    QCOMPARE(CallProgressWords::duration(3600), QStringLiteral("1 h"));
    QCOMPARE(CallProgressWords::duration(3725), QStringLiteral("1 h 2 min"));
}

void TestEventStream::wordsInChinese()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("onedial"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    const QString busy = CallProgressWords::describe(CallProgress::Disconnected, QStringLiteral("CalleeBusy"),
                                                     {}, QStringLiteral("张三"));
    const QString talked = CallProgressWords::describe(CallProgress::Disconnected, QStringLiteral("HangUp"),
                                                       qint64(133), QStringLiteral("张三"));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(busy, QStringLiteral("张三的电话占线"));
    QCOMPARE(talked, QStringLiteral("通话结束，时长 2 分 13 秒"));
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
