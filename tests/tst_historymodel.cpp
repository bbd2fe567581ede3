// The history view's model under QAbstractItemModelTester (fatal on any breach): loading from a
// real SQLite file on a worker thread, filtering, a new dial on top, progress arriving later.
#include "history/HistoryModel.h"
#include "history/HistoryStore.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;

namespace {

constexpr int kLoadTimeoutMs = 60000;

CallRecord call(const QString &callee, OutcomeClass outcome, const QString &callId = {},
                const QString &contactName = {})
{
    CallRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.account = QStringLiteral("sales");
    record.callee = callee;
    record.outcome = outcome;
    record.callId = callId;
    record.requestId = callId.isEmpty() ? QString() : QStringLiteral("req-") + callId;
    record.contactName = contactName;
    if (outcome == OutcomeClass::Refused) {
        record.codeNo = QStringLiteral("000001");
        record.code = QStringLiteral("onenet_common_systemBusy");
        record.message = QStringLiteral("The service is busy.");
        record.httpStatus = 200;
    }
    return record;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsNewestFirstFromTheDatabase();
    void showsWhatHappened();
    void filters();
    void filtersByOutcomeAndDate();
    void timesAreShortAnd24Hour();
    void sandboxIsNamedInTheLanguage();
    void newDialGoesOnTop();
    void progressUpdatesTheRow();
    void reloadKeepsTheFilter();
    void unusableFileIsReported();

private:
    void store(QList<CallRecord> records);
    bool load();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<HistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestHistoryModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("onedial.sqlite"));
    m_model = std::make_unique<HistoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestHistoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestHistoryModel::store(QList<CallRecord> records)
{
    Database database(m_path);
    QVERIFY(database.open().ok());
    HistoryStore history(database);
    for (CallRecord &record : records)
        QVERIFY(history.add(record).ok());
}

bool TestHistoryModel::load()
{
    QSignalSpy loaded(m_model.get(), &HistoryModel::loaded);
    m_model->reload(m_path);
    return loaded.wait(kLoadTimeoutMs);
}

void TestHistoryModel::loadsNewestFirstFromTheDatabase()
{
    store({call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("first")),
           call(QStringLiteral("8613900001234"), OutcomeClass::Refused),
           call(QStringLiteral("075528000003"), OutcomeClass::Unknown)});
    QSignalSpy loaded(m_model.get(), &HistoryModel::loaded);
    m_model->reload(m_path);
    QVERIFY(m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    QCOMPARE(loaded.first().first().toInt(), 3);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->recordAt(0).callee, QStringLiteral("075528000003"));
    QCOMPARE(m_model->recordAt(2).callId, QStringLiteral("first"));
    QCOMPARE(m_model->totalCount(), 3);
}

void TestHistoryModel::showsWhatHappened()
{
    m_model->setRecords(
        {call(QStringLiteral("8613900001234"), OutcomeClass::Refused, {}, QStringLiteral("李四")),
         call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("c1"))});
    QCOMPARE(m_model->columnCount(), int(HistoryModel::ColumnCount));
    auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(0, HistoryModel::ContactColumn).toString(), QStringLiteral("李四"));
    QCOMPARE(cell(0, HistoryModel::NumberColumn).toString(), QStringLiteral("139 0000 1234"));
    QCOMPARE(cell(0, HistoryModel::OutcomeColumn).toString(), QStringLiteral("Refused (000001)"));
    QCOMPARE(cell(0, HistoryModel::MessageColumn).toString(), QStringLiteral("The service is busy."));
    QCOMPARE(cell(0, HistoryModel::AccountColumn).toString(), QStringLiteral("sales"));
    QCOMPARE(cell(0, 0, HistoryModel::OutcomeClassRole).toInt(), int(OutcomeClass::Refused));
    QCOMPARE(cell(0, 0, HistoryModel::OutcomeNameRole).toString(), QStringLiteral("refused"));
    QCOMPARE(cell(0, 0, HistoryModel::CalleeRole).toString(), QStringLiteral("8613900001234"));
    QVERIFY(cell(0, 0, HistoryModel::DetailsRole).toString().contains(QStringLiteral("HTTP status: 200")));
    QVERIFY(!cell(0, HistoryModel::TimeColumn).toString().isEmpty());

    QCOMPARE(cell(1, HistoryModel::OutcomeColumn).toString(), QStringLiteral("Accepted"));
    QCOMPARE(cell(1, 0, HistoryModel::CallIdRole).toString(), QStringLiteral("c1"));
    QVERIFY(cell(1, 0, HistoryModel::DetailsRole).toString().contains(QStringLiteral("Request id: req-c1")));
    QVERIFY(cell(1, 0, HistoryModel::ContactIdRole).isNull());
    QCOMPARE(m_model->headerData(HistoryModel::OutcomeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Outcome"));
}

void TestHistoryModel::filters()
{
    m_model->setRecords({call(QStringLiteral("8613900001234"), OutcomeClass::Refused),
                         call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("c1"),
                              QStringLiteral("张三")),
                         call(QStringLiteral("075528000003"), OutcomeClass::Accepted, QStringLiteral("c2"))});
    m_model->setFilter(QStringLiteral("张三"));
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setFilter(QStringLiteral("138 0013"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->recordAt(0).callId, QStringLiteral("c1"));
    m_model->setFilter(QStringLiteral("000001"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->recordAt(0).outcome, OutcomeClass::Refused);
    m_model->setFilter(QStringLiteral("+86 755"));
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setFilter(QStringLiteral("nothing like it"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setFilter(QString());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->recordAt(0).callee, QStringLiteral("8613900001234"));
}

void TestHistoryModel::filtersByOutcomeAndDate()
{
    CallRecord old = call(QStringLiteral("8613900001234"), OutcomeClass::Accepted, QStringLiteral("old"));
    old.time = QDateTime::currentDateTimeUtc().addDays(-40);
    m_model->setRecords({call(QStringLiteral("8613900001234"), OutcomeClass::Refused),
                         call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("c1")),
                         old});
    m_model->setOutcomeFilter(OutcomeClass::Accepted);
    QCOMPARE(m_model->rowCount(), 2);
    m_model->setSince(QDate::currentDate().addDays(-29).startOfDay());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->recordAt(0).callId, QStringLiteral("c1"));
    // The words filter keeps the other two, and the other two keep it.
    m_model->setFilter(QStringLiteral("139"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setOutcomeFilter(std::nullopt);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->recordAt(0).outcome, OutcomeClass::Refused);
    m_model->setSince({});
    m_model->setFilter({});
    QCOMPARE(m_model->rowCount(), 3);
}

void TestHistoryModel::timesAreShortAnd24Hour()
{
    const QDateTime now(QDate(2026, 12, 5), QTime(20, 30));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // 12-hour by default
    // Today's calls by the time alone, 24-hour.
    QCOMPARE(HistoryModel::shortTime(QDateTime(QDate(2026, 12, 5), QTime(19, 5)), now),
             QStringLiteral("19:05"));
    // Earlier this year: the day too, on one line.
    const QString thisYear = HistoryModel::shortTime(QDateTime(QDate(2026, 3, 9), QTime(7, 53)), now);
    QVERIFY2(thisYear.contains(QLatin1String("07:53")) && thisYear.contains(QLatin1String("9")) &&
                 !thisYear.contains(QLatin1String("AM")) && !thisYear.contains(QLatin1String("2026")),
             qPrintable(thisYear));
    const QString lastYear = HistoryModel::shortTime(QDateTime(QDate(2025, 12, 31), QTime(23, 59)), now);
    QVERIFY2(lastYear.contains(QLatin1String("2025")) && lastYear.contains(QLatin1String("23:59")),
             qPrintable(lastYear));
    QLocale::setDefault(QLocale::c());
}

void TestHistoryModel::sandboxIsNamedInTheLanguage()
{
    CallRecord sandbox = call(QStringLiteral("8613800138000"), OutcomeClass::Accepted);
    sandbox.account = QStringLiteral("sandbox");
    m_model->setRecords({sandbox, call(QStringLiteral("8613800138000"), OutcomeClass::Accepted)});
    QCOMPARE(m_model->index(0, HistoryModel::AccountColumn).data().toString(), QStringLiteral("Sandbox"));
    QCOMPARE(m_model->index(1, HistoryModel::AccountColumn).data().toString(), QStringLiteral("sales"));
}

void TestHistoryModel::newDialGoesOnTop()
{
    m_model->setRecords({call(QStringLiteral("8613900001234"), OutcomeClass::Refused)});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->addRecord(call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("new")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->recordAt(0).callId, QStringLiteral("new"));

    // One that the filter hides is kept, but not shown.
    m_model->setFilter(QStringLiteral("138"));
    QCOMPARE(m_model->rowCount(), 1);
    m_model->addRecord(call(QStringLiteral("075528000003"), OutcomeClass::NotSent));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->totalCount(), 3);
    m_model->setFilter(QString());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->recordAt(0).callee, QStringLiteral("075528000003"));
}

void TestHistoryModel::progressUpdatesTheRow()
{
    m_model->setRecords(
        {call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("c9")),
         call(QStringLiteral("8613900001234"), OutcomeClass::Accepted, QStringLiteral("c8"))});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->updateProgress(QStringLiteral("c8"),
                            {QStringLiteral("answered"), {}, 65, QDateTime::currentDateTimeUtc()});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(m_model->index(1, HistoryModel::ProgressColumn).data().toString(),
             QStringLiteral("answered, 65 s"));
    QVERIFY(m_model->index(0, HistoryModel::ProgressColumn).data().toString().isEmpty());
    m_model->updateProgress(QStringLiteral("unknown"), {QStringLiteral("answered"), {}, 1, {}});
    QCOMPARE(changed.count(), 1);
}

void TestHistoryModel::reloadKeepsTheFilter()
{
    store({call(QStringLiteral("8613800138000"), OutcomeClass::Accepted, QStringLiteral("a")),
           call(QStringLiteral("8613900001234"), OutcomeClass::Accepted, QStringLiteral("b"))});
    QVERIFY(load());
    m_model->setFilter(QStringLiteral("1390000"));
    QCOMPARE(m_model->rowCount(), 1);
    store({call(QStringLiteral("8613900001234"), OutcomeClass::Refused)});
    QVERIFY(load());
    QCOMPARE(m_model->filter(), QStringLiteral("1390000"));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->recordAt(0).outcome, OutcomeClass::Refused);
}

void TestHistoryModel::unusableFileIsReported()
{
    m_model->setRecords({call(QStringLiteral("8613800138000"), OutcomeClass::Accepted)});
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, '\x7f'));
    file.close();
    QSignalSpy failed(m_model.get(), &HistoryModel::loadFailed);
    m_model->reload(m_path);
    QVERIFY(failed.wait(kLoadTimeoutMs));
    QCOMPARE(failed.first().first().value<StorageResult>().error, StorageError::Corrupt);
    QVERIFY(!m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
