// The call history in a real SQLite file: every field of a dial kept as it was, newest first,
// filtering by what a user remembers (a name, a number in any spelling, a code), and progress
// found later by call_id.
#include "history/HistoryStore.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;

namespace {

const QDateTime kNineThirty = QDateTime(QDate(2024, 5, 6), QTime(9, 30, 15, 250), Qt::UTC);

CallRecord accepted(const QString &callee, const QString &callId, const QString &name = {})
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::Accepted;
    outcome.api = Api::V1;
    outcome.callee = callee;
    outcome.requestId = QStringLiteral("req-") + callId;
    outcome.codeNo = QStringLiteral("000000");
    outcome.code = QStringLiteral("onenet_common_success");
    outcome.message = QStringLiteral("Call accepted.");
    outcome.serviceMessage = QStringLiteral("success");
    outcome.callId = callId;
    outcome.httpStatus = 200;
    CallRecord record = CallRecord::fromOutcome(outcome, QStringLiteral("sales"), kNineThirty);
    record.contactName = name;
    return record;
}

CallRecord refused(const QString &callee)
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::Refused;
    outcome.api = Api::V2;
    outcome.callee = callee;
    outcome.code = QStringLiteral("iot.vcs.systemException");
    outcome.message = QStringLiteral("System error, try again later.");
    outcome.httpStatus = 200;
    return CallRecord::fromOutcome(outcome, QStringLiteral("ops"), kNineThirty.addSecs(60));
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keepsEveryField();
    void listsNewestFirst();
    void filters_data();
    void filters();
    void limitCountsMatchesOnly();
    void progressByCallId();
    void jsonHasTheCommandLineShape();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestHistoryStore::init()
{
    m_database.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("onedial.sqlite")));
    QVERIFY(m_database->open().ok());
}

void TestHistoryStore::keepsEveryField()
{
    HistoryStore store(*m_database);
    CallRecord record =
        accepted(QStringLiteral("8613800138000"), QStringLiteral("c1"), QStringLiteral("张三"));
    record.detail = QStringLiteral("took 120 ms");
    QVERIFY(store.add(record).ok());
    QVERIFY(record.id > 0);
    CallRecord notSent;
    notSent.callee = QStringLiteral("12345");
    notSent.error = QLatin1String(DialError::InvalidNumber);
    notSent.message = QStringLiteral("12345 is not a number in use in China.");
    QVERIFY(store.add(notSent).ok());
    QVERIFY(notSent.time.isValid()); // stamped when none was given

    // Read through another connection: what is on disk.
    Database other(m_database->path());
    QVERIFY(other.open().ok());
    const auto stored = HistoryStore(other).get(record.id);
    QVERIFY(stored);
    QCOMPARE(*stored, record);
    QCOMPARE(stored->time, kNineThirty); // milliseconds included, in UTC
    QCOMPARE(stored->time.timeSpec(), Qt::UTC);
    QVERIFY(!stored->contactId.has_value());

    const auto storedNotSent = HistoryStore(other).get(notSent.id);
    QVERIFY(storedNotSent);
    QCOMPARE(storedNotSent->outcome, OutcomeClass::NotSent);
    QCOMPARE(storedNotSent->httpStatus, 0);
    QVERIFY(storedNotSent->callId.isEmpty());
    QVERIFY(!storedNotSent->progress.durationS.has_value());
    QCOMPARE(storedNotSent->error, QStringLiteral("invalid_number"));
}

void TestHistoryStore::listsNewestFirst()
{
    HistoryStore store(*m_database);
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        // The clock jumping back does not reorder the list: newest means most recently recorded.
        CallRecord record = accepted(QStringLiteral("861380013800%1").arg(i), QStringLiteral("c%1").arg(i));
        record.time = kNineThirty.addSecs(i == 3 ? -3600 : i);
        QVERIFY(store.add(record).ok());
        ids.prepend(record.id);
    }
    QList<qint64> listed;
    for (const CallRecord &record : store.list())
        listed << record.id;
    QCOMPARE(listed, ids);
    QCOMPARE(store.count(), 5);
}

void TestHistoryStore::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("callees");
    const QString zhang = QStringLiteral("8613800138000");
    const QString landline = QStringLiteral("075528000003");
    const QString other = QStringLiteral("8613900001234");
    QTest::newRow("everything") << QString() << QStringList{other, landline, zhang};
    QTest::newRow("contact name") << "张三" << QStringList{zhang};
    QTest::newRow("number as typed") << "138 0013 8000" << QStringList{zhang};
    QTest::newRow("number, international") << "+86 138-0013" << QStringList{zhang};
    QTest::newRow("landline, international") << "+86 755 2800" << QStringList{landline};
    QTest::newRow("service code") << "systemexception" << QStringList{other};
    QTest::newRow("account") << "OPS" << QStringList{other};
    QTest::newRow("call id") << "c-landline" << QStringList{landline};
    QTest::newRow("no match") << "nobody" << QStringList{};
}

void TestHistoryStore::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, callees);
    HistoryStore store(*m_database);
    CallRecord first =
        accepted(QStringLiteral("8613800138000"), QStringLiteral("c-zhang"), QStringLiteral("张三"));
    CallRecord second = accepted(QStringLiteral("075528000003"), QStringLiteral("c-landline"));
    CallRecord third = refused(QStringLiteral("8613900001234"));
    QVERIFY(store.add(first).ok());
    QVERIFY(store.add(second).ok());
    QVERIFY(store.add(third).ok());
    QStringList found;
    for (const CallRecord &record : store.list(filter))
        found << record.callee;
    QCOMPARE(found, callees);
}

void TestHistoryStore::limitCountsMatchesOnly()
{
    HistoryStore store(*m_database);
    for (int i = 0; i < 6; ++i) {
        CallRecord record = i % 2 ? refused(QStringLiteral("8613900001234"))
                                  : accepted(QStringLiteral("8613800138000"), QString::number(i));
        QVERIFY(store.add(record).ok());
    }
    QCOMPARE(store.list({}, 4).size(), 4);
    const QList<CallRecord> refusals = store.list(QStringLiteral("ops"), 2);
    QCOMPARE(refusals.size(), 2);
    QCOMPARE(refusals.at(0).outcome, OutcomeClass::Refused);
    QCOMPARE(refusals.at(1).outcome, OutcomeClass::Refused);
    QCOMPARE(store.list({}, -1).size(), 6);
}

void TestHistoryStore::progressByCallId()
{
    HistoryStore store(*m_database);
    CallRecord record = accepted(QStringLiteral("8613800138000"), QStringLiteral("call-42"));
    QVERIFY(store.add(record).ok());
    const RecordedProgress progress{QStringLiteral("hangup"), QStringLiteral("callee hung up"), 42,
                                    kNineThirty.addSecs(90)};
    QVERIFY(store.updateProgress(QStringLiteral("call-42"), progress).ok());
    const auto stored = store.get(record.id);
    QVERIFY(stored);
    QCOMPARE(stored->progress, progress);
    QCOMPARE(stored->toJson().value(QStringLiteral("duration_s")).toInt(), 42);

    QCOMPARE(store.updateProgress(QStringLiteral("call-unknown"), progress).error, StorageError::NotFound);
    QCOMPARE(store.updateProgress(QString(), progress).error, StorageError::NotFound);
    // A record without a call id is never matched by an empty one.
    CallRecord notSent;
    notSent.callee = QStringLiteral("12345");
    QVERIFY(store.add(notSent).ok());
    QCOMPARE(store.updateProgress(QString(), progress).error, StorageError::NotFound);
}

void TestHistoryStore::jsonHasTheCommandLineShape()
{
    CallRecord record = accepted(QStringLiteral("8613800138000"), QStringLiteral("c1"));
    const QJsonObject json = record.toJson();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList{QStringLiteral("account"), QStringLiteral("call_id"), QStringLiteral("callee"),
                          QStringLiteral("code"), QStringLiteral("code_no"), QStringLiteral("duration_s"),
                          QStringLiteral("ok"), QStringLiteral("outcome"), QStringLiteral("reason"),
                          QStringLiteral("request_id"), QStringLiteral("status"), QStringLiteral("time")}));
    QCOMPARE(json.value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-06T09:30:15Z"));
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("accepted"));
    QVERIFY(json.value(QStringLiteral("status")).isNull());
    QVERIFY(json.value(QStringLiteral("duration_s")).isNull());
    QCOMPARE(refused(QStringLiteral("8613900001234")).toJson().value(QStringLiteral("code_no")).isNull(),
             true);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
