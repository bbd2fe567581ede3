// ContactImporter on real SQLite files: the phone and Outlook samples end to end (every field, the
// counts, invalid rows by line), duplicates merged or skipped against the database and within the
// file, nothing changed by a cancel or a failing write, the same plan on one thread as on many,
// and export-then-import round trips in both formats.
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "importexport/ContactFile.h"
#include "importexport/ContactImporter.h"
#include "importexport/CsvParser.h"
#include "storage/Database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;

namespace {

ContactNumber number(const QString &label, const QString &api, const QString &display)
{
    return ContactNumber{label, api, display};
}

ImportRecord record(int line, const QString &name, const QStringList &numbers)
{
    ImportRecord r;
    r.line = line;
    r.contact.name = name;
    for (const QString &n : numbers)
        r.contact.numbers << ContactNumber{{}, n, {}};
    return r;
}

QList<Contact> withoutIds(QList<Contact> contacts)
{
    for (Contact &contact : contacts)
        contact.id = 0;
    return contacts;
}

} // namespace

class TestContactImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void iphoneSample();
    void androidSample();
    void outlookSample();
    void mergeIntoStoredContacts();
    void duplicates_data();
    void duplicates();
    void cancelWhileCheckingChangesNothing();
    void cancelWhileWritingChangesNothing();
    void failingWriteChangesNothing();
    void contactRemovedAfterPreview();
    void oneThreadAndManyAgree();
    void roundTrip_data();
    void roundTrip();
    void tinyRowsAreEachReported();
    void streamedPlanEqualsWholePlan();
    void controlCharactersAreNotStored();

private:
    ImportPlan planFile(const char *sample, DuplicateChoice choice = DuplicateChoice::Merge);
    ImportPlan commitFile(const char *sample, DuplicateChoice choice = DuplicateChoice::Merge);
    QList<Contact> stored() const { return ContactStore(*m_db).all(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestContactImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("onedial.sqlite")));
    QVERIFY(m_db->open().ok());
}

void TestContactImporter::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

ImportPlan TestContactImporter::planFile(const char *sample, DuplicateChoice choice)
{
    const ContactFileContents contents = ContactFile::read(test::importSamplePath(sample));
    if (!contents.ok())
        qWarning() << contents.error;
    ContactImporter importer(*m_db);
    ImportPlan plan;
    const ImportOutcome outcome = importer.plan(contents.read, choice, plan);
    if (!outcome.ok())
        qWarning() << outcome.message;
    return plan;
}

ImportPlan TestContactImporter::commitFile(const char *sample, DuplicateChoice choice)
{
    ImportPlan plan = planFile(sample, choice);
    ContactImporter importer(*m_db);
    const ImportOutcome outcome = importer.commit(plan);
    if (!outcome.ok())
        qWarning() << outcome.message;
    return plan;
}

void TestContactImporter::iphoneSample()
{
    const ImportPlan plan = planFile("iphone.vcf");
    QCOMPARE(plan.newCount, 3);
    QCOMPARE(plan.mergedCount, 0);
    QCOMPARE(plan.skippedCount, 0);
    QCOMPARE(plan.invalidCount, 1);
    QCOMPARE(plan.issues.size(), 1);
    QCOMPARE(plan.issues.at(0).kind, ImportIssue::Kind::Invalid);
    QCOMPARE(plan.issues.at(0).reason, QStringLiteral("It has no phone number."));
    QVERIFY(plan.issues.at(0).line > 30); // 王芳, the last card
    QVERIFY(stored().isEmpty());          // a preview writes nothing

    ContactImporter importer(*m_db);
    QVERIFY(importer.commit(plan).ok());
    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 3);
    const Contact &zhang = contacts.at(0);
    QCOMPARE(zhang.name, QStringLiteral("张伟"));
    QCOMPARE(zhang.company, QStringLiteral("深圳华信科技有限公司"));
    QCOMPARE(zhang.notes, QStringLiteral("周五下午联系\n老客户, 年底续约"));
    QCOMPARE(
        zhang.numbers,
        (QList<ContactNumber>{
            number(PhoneLabels::mobile(), QStringLiteral("8613800138000"), QStringLiteral("138 0013 8000")),
            number(PhoneLabels::work(), QStringLiteral("075528000003"), QStringLiteral("0755 2800 0003")),
            number(QStringLiteral("助理"), QStringLiteral("8613900001234"), QStringLiteral("139 0000 1234")),
            number(PhoneLabels::mobile(), QStringLiteral("8613700005678"),
                   QStringLiteral("137 0000 5678"))}));
    QCOMPARE(contacts.at(1).name, QStringLiteral("Lisa Chen"));
    QCOMPARE(contacts.at(1).numbers.size(), 3);
    QCOMPARE(contacts.at(2).name, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(contacts.at(2).numbers.value(0).apiForm, QStringLiteral("01065528888"));
}

void TestContactImporter::androidSample()
{
    const ImportPlan plan = commitFile("android.vcf");
    QCOMPARE(plan.newCount, 2);
    QCOMPARE(plan.skippedCount, 1); // 黄小红 has 李娜's mobile and nothing else
    QCOMPARE(plan.invalidCount, 1); // John Smith's 12345
    QCOMPARE(plan.issues.size(), 2);
    QCOMPARE(plan.issues.at(0).kind, ImportIssue::Kind::Invalid);
    QCOMPARE(plan.issues.at(0).line, 23);
    QVERIFY(plan.issues.at(0).reason.contains(QStringLiteral("12345")));
    QCOMPARE(plan.issues.at(1).kind, ImportIssue::Kind::Skipped);
    QCOMPARE(plan.issues.at(1).line, 29);
    QVERIFY(plan.issues.at(1).reason.contains(QStringLiteral("李娜")));

    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 2);
    QCOMPARE(contacts.at(0).name, QStringLiteral("李娜"));
    QCOMPARE(contacts.at(0).company, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(contacts.at(0).notes,
             QStringLiteral("第一次见面在广交会，对呼叫中心方案很感兴趣，下周二回电话。\n第二行"));
    QCOMPARE(
        contacts.at(0).numbers,
        (QList<ContactNumber>{
            number(PhoneLabels::mobile(), QStringLiteral("8613800138001"), QStringLiteral("138 0013 8001")),
            number(PhoneLabels::work(), QStringLiteral("01065528001"), QStringLiteral("010 6552 8001")),
            number(PhoneLabels::home(), QStringLiteral("01065528002"), QStringLiteral("010 6552 8002"))}));
    QCOMPARE(contacts.at(1).name, QStringLiteral("欧阳建国"));
    QCOMPARE(contacts.at(1).numbers.value(1).label, QStringLiteral("Assistant"));
}

void TestContactImporter::outlookSample()
{
    const ImportPlan plan = commitFile("outlook.csv");
    QCOMPARE(plan.newCount, 3);     // 王小明, Lisa Chen, 北京远航
    QCOMPARE(plan.skippedCount, 1); // 刘丽: 王小明's mobile
    QCOMPARE(plan.invalidCount, 2); // no number; a US number
    QList<ImportIssue> expected{
        {4, ImportIssue::Kind::NumberDropped, {}, {}},
        {5, ImportIssue::Kind::Invalid, QStringLiteral("It has no phone number."), {}},
        {6, ImportIssue::Kind::Skipped, {}, QStringLiteral("刘丽")},
        {8, ImportIssue::Kind::Invalid, {}, {}},
    };
    // A row the user is told about is named by its contact, as they know it.
    QCOMPARE(plan.issues.value(2).name, QStringLiteral("刘丽"));
    QCOMPARE(plan.issues.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(plan.issues.at(i).line, expected.at(i).line);
        QCOMPARE(plan.issues.at(i).kind, expected.at(i).kind);
        QVERIFY(!plan.issues.at(i).reason.isEmpty());
    }
    QVERIFY(plan.issues.at(0).reason.contains(QStringLiteral("12345")));
    QVERIFY(plan.issues.at(3).reason.contains(QStringLiteral("not a Chinese number")));

    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 3);
    QCOMPARE(contacts.at(0).name, QStringLiteral("王小明"));
    QCOMPARE(contacts.at(0).numbers.size(), 3);
    QCOMPARE(contacts.at(1).name, QStringLiteral("Lisa M. Chen"));
    QCOMPARE(contacts.at(1).numbers.size(), 2); // without the 12345
    QCOMPARE(contacts.at(1).company, QStringLiteral("Chen, Li & Partners"));
}

void TestContactImporter::mergeIntoStoredContacts()
{
    commitFile("android.vcf");
    // Google's 张伟 has 李娜's mobile: merged, his two other numbers are added to 李娜.
    const ImportPlan plan = commitFile("google.csv");
    QCOMPARE(plan.mergedCount, 1);
    QCOMPARE(plan.merges.size(), 1);
    QCOMPARE(plan.merges.at(0).contactName, QStringLiteral("李娜"));
    QCOMPARE(plan.newCount, 1);     // Grace Zhou
    QCOMPARE(plan.invalidCount, 2); // no name; a cut-off number
    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 3);
    QCOMPARE(contacts.at(0).name, QStringLiteral("李娜"));
    QCOMPARE(contacts.at(0).company, QStringLiteral("北京远航贸易有限公司")); // only numbers are merged
    QCOMPARE(contacts.at(0).numbers.size(), 5);
    QCOMPARE(contacts.at(0).numbers.at(3),
             number(PhoneLabels::mobile(), QStringLiteral("8613700005678"), QStringLiteral("137 0000 5678")));
    QCOMPARE(contacts.at(0).numbers.at(4).apiForm, QStringLiteral("075528000004"));

    // The same file again: nothing new, every usable row already there.
    const ImportPlan again = planFile("google.csv");
    QCOMPARE(again.newCount, 0);
    QCOMPARE(again.mergedCount, 0);
    QCOMPARE(again.skippedCount, 2);
    QVERIFY(!again.hasChanges());
}

void TestContactImporter::duplicates_data()
{
    QTest::addColumn<DuplicateChoice>("choice");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("merged");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("firstNumbers");
    QTest::addColumn<int>("storedNumbers");
    // Skip: 张三 (2) is left out, so its second number is unknown and 张三 (3) is new.
    QTest::newRow("merge") << DuplicateChoice::Merge << 1 << 2 << 1 << 3 << 2;
    QTest::newRow("skip") << DuplicateChoice::Skip << 2 << 0 << 3 << 1 << 1;
}

void TestContactImporter::duplicates()
{
    QFETCH(DuplicateChoice, choice);
    QFETCH(int, added);
    QFETCH(int, merged);
    QFETCH(int, skipped);
    QFETCH(int, firstNumbers);
    QFETCH(int, storedNumbers);
    Contact existing{0, QStringLiteral("老王"), {}, {}, false, {{{}, QStringLiteral("13800138000"), {}}}};
    QVERIFY(ContactStore(*m_db).add(existing).ok());

    ReadResult read;
    read.records << record(2, QStringLiteral("张三"), {QStringLiteral("13900001111")})
                 << record(3, QStringLiteral("张三 (2)"),
                           {QStringLiteral("139-0000-1111"), QStringLiteral("13900002222")})
                 << record(4, QStringLiteral("张三 (3)"),
                           {QStringLiteral("+86 139 0000 2222"), QStringLiteral("13900003333")})
                 << record(5, QStringLiteral("王 again"),
                           {QStringLiteral("+86 138 0013 8000"), QStringLiteral("13700001111")})
                 << record(6, QStringLiteral("Same"), {QStringLiteral("13900001111")});
    ContactImporter importer(*m_db);
    ImportPlan plan;
    QVERIFY(importer.plan(read, choice, plan).ok());
    QCOMPARE(plan.newCount, added);
    QCOMPARE(plan.mergedCount, merged + (choice == DuplicateChoice::Merge ? 1 : 0)); // + the stored one
    QCOMPARE(plan.skippedCount, skipped);
    QVERIFY(importer.commit(plan).ok());
    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 1 + added);
    QCOMPARE(contacts.at(1).name, QStringLiteral("张三"));
    QCOMPARE(contacts.at(1).numbers.size(), firstNumbers);
    QCOMPARE(contacts.at(0).numbers.size(), storedNumbers);
    // Every skipped row is in the list, by line.
    for (const ImportIssue &issue : std::as_const(plan.issues))
        QCOMPARE(issue.kind, ImportIssue::Kind::Skipped);
    QCOMPARE(plan.issues.size(), skipped);
    QCOMPARE(plan.issues.last().line, 6);
}

void TestContactImporter::cancelWhileCheckingChangesNothing()
{
    ReadResult read;
    for (int i = 0; i < 5000; ++i)
        read.records << record(i + 1, QStringLiteral("客户%1").arg(i),
                               {QStringLiteral("1380000%1").arg(i, 4, 10, QLatin1Char('0'))});
    ContactImporter importer(*m_db);
    importer.setProgress([&](ContactImporter::Phase, qint64 done, qint64) {
        if (done >= 1000)
            importer.cancel();
    });
    ImportPlan plan;
    QCOMPARE(importer.plan(read, DuplicateChoice::Merge, plan).status, ImportOutcome::Status::Cancelled);
    QVERIFY(stored().isEmpty());
}

void TestContactImporter::cancelWhileWritingChangesNothing()
{
    Contact existing{0, QStringLiteral("老王"), {}, {}, false, {{{}, QStringLiteral("13800138000"), {}}}};
    QVERIFY(ContactStore(*m_db).add(existing).ok());
    ReadResult read;
    for (int i = 0; i < 3000; ++i)
        read.records << record(i + 1, QStringLiteral("客户%1").arg(i),
                               {QStringLiteral("1390000%1").arg(i, 4, 10, QLatin1Char('0'))});
    ContactImporter importer(*m_db);
    ImportPlan plan;
    QVERIFY(importer.plan(read, DuplicateChoice::Merge, plan).ok());
    QCOMPARE(plan.newCount, 3000);
    qint64 writtenWhenCancelled = 0;
    importer.setProgress([&](ContactImporter::Phase phase, qint64 done, qint64) {
        if (phase == ContactImporter::Phase::Writing && done >= 1000 && !importer.isCancelled()) {
            writtenWhenCancelled = done;
            importer.cancel();
        }
    });
    QCOMPARE(importer.commit(plan).status, ImportOutcome::Status::Cancelled);
    QVERIFY(writtenWhenCancelled >= 1000); // rows had been written inside the transaction
    QCOMPARE(withoutIds(stored()), withoutIds({existing}));
}

void TestContactImporter::failingWriteChangesNothing()
{
    Contact existing{0, QStringLiteral("老王"), {}, {}, false, {{{}, QStringLiteral("13800138000"), {}}}};
    QVERIFY(ContactStore(*m_db).add(existing).ok());
    // A real SQLite failure in the middle of the write: a trigger, made through a connection of
    // its own, refuses one number as a full disk or an I/O error would.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
        other.setDatabaseName(m_db->path());
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY2(query.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON contact_numbers "
                                           "WHEN NEW.api_form = '8613900002500' "
                                           "BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END")),
                 qPrintable(query.lastError().text()));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));

    ReadResult read;
    for (int i = 0; i < 3000; ++i)
        read.records << record(i + 1, QStringLiteral("客户%1").arg(i),
                               {QStringLiteral("1390000%1").arg(i, 4, 10, QLatin1Char('0'))});
    ContactImporter importer(*m_db);
    ImportPlan plan;
    QVERIFY(importer.plan(read, DuplicateChoice::Merge, plan).ok());
    const ImportOutcome outcome = importer.commit(plan);
    QCOMPARE(outcome.status, ImportOutcome::Status::Failed);
    QVERIFY(outcome.message.contains(QStringLiteral("Nothing was imported")));
    QVERIFY(outcome.detail.contains(QStringLiteral("simulated write failure")));
    QCOMPARE(withoutIds(stored()), withoutIds({existing}));
}

void TestContactImporter::contactRemovedAfterPreview()
{
    Contact existing{0, QStringLiteral("老王"), {}, {}, false, {{{}, QStringLiteral("13800138000"), {}}}};
    QVERIFY(ContactStore(*m_db).add(existing).ok());
    ReadResult read;
    read.records << record(2, QStringLiteral("新"), {QStringLiteral("13700001111")})
                 << record(3, QStringLiteral("王"),
                           {QStringLiteral("13800138000"), QStringLiteral("13900001111")});
    ContactImporter importer(*m_db);
    ImportPlan plan;
    QVERIFY(importer.plan(read, DuplicateChoice::Merge, plan).ok());
    QVERIFY(ContactStore(*m_db).remove(existing.id).ok());
    const ImportOutcome outcome = importer.commit(plan);
    QCOMPARE(outcome.status, ImportOutcome::Status::Failed);
    QVERIFY(outcome.message.contains(QStringLiteral("老王")));
    QVERIFY(stored().isEmpty()); // the new contact was rolled back too
}

void TestContactImporter::oneThreadAndManyAgree()
{
    ReadResult read;
    for (int i = 0; i < 4000; ++i) {
        QStringList numbers{QStringLiteral("138%1").arg(i % 3000, 8, 10, QLatin1Char('0'))};
        if (i % 5 == 0)
            numbers << QStringLiteral("0755 2%1").arg(i, 7, 10, QLatin1Char('0'));
        if (i % 11 == 0)
            numbers << QStringLiteral("12345");
        read.records << record(i + 2, i % 97 == 0 ? QString() : QStringLiteral("客户%1").arg(i), numbers);
    }
    ImportPlan one, many;
    ContactImporter single(*m_db);
    single.setThreadCount(1);
    QVERIFY(single.plan(read, DuplicateChoice::Merge, one).ok());
    ContactImporter parallel(*m_db);
    parallel.setThreadCount(4);
    QVERIFY(parallel.plan(read, DuplicateChoice::Merge, many).ok());
    QCOMPARE(many.newContacts, one.newContacts);
    QCOMPARE(many.issues, one.issues);
    QCOMPARE(many.newCount, one.newCount);
    QCOMPARE(many.mergedCount, one.mergedCount);
    QCOMPARE(many.invalidCount, one.invalidCount);
    QVERIFY(one.mergedCount > 0 && one.invalidCount > 0 && one.newCount > 0);
}

void TestContactImporter::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("vCard") << QStringLiteral("contacts.vcf");
    QTest::newRow("CSV") << QStringLiteral("contacts.csv");
}

void TestContactImporter::roundTrip()
{
    QFETCH(QString, file);
    QList<Contact> contacts;
    contacts << Contact{0,
                        QStringLiteral("张三"),
                        QStringLiteral("深圳华信科技有限公司"),
                        QStringLiteral("老客户\n第二行"),
                        true,
                        {{PhoneLabels::mobile(), QStringLiteral("13800138000"), {}},
                         {PhoneLabels::work(), QStringLiteral("(0755) 2800 0003"), {}},
                         {QStringLiteral("司机; 周末, 晚上"), QStringLiteral("13900001234"), {}}}};
    contacts << Contact{0,
                        QStringLiteral("Chen, Lisa; \"LC\""),
                        QStringLiteral("A;B,C"),
                        QStringLiteral("=1+1\n- dash"),
                        false,
                        {{{}, QStringLiteral("010 6552 8888"), {}},
                         {PhoneLabels::fax(), QStringLiteral("010 6552 8889"), {}}}};
    for (int i = 0; i < 300; ++i) {
        contacts << Contact{
            0,
            QStringLiteral("客户%1").arg(i),
            i % 2 ? QStringLiteral("公司%1").arg(i % 7) : QString(),
            {},
            i % 13 == 0,
            {{PhoneLabels::mobile(), QStringLiteral("1370000%1").arg(i, 4, 10, QLatin1Char('0')), {}}}};
    }
    QVERIFY(ContactStore(*m_db).addAll(contacts).ok());
    const QString path = m_dir->filePath(file);
    QCOMPARE(ContactFile::write(path, ContactFileFormat::Detect, stored()), QString());

    Database second(m_dir->filePath(QStringLiteral("second.sqlite")));
    QVERIFY(second.open().ok());
    const ContactFileContents contents = ContactFile::read(path);
    QVERIFY(contents.ok());
    QVERIFY(contents.read.problems.isEmpty());
    ContactImporter importer(second);
    ImportPlan plan;
    QVERIFY(importer.plan(contents.read, DuplicateChoice::Merge, plan).ok());
    QCOMPARE(plan.newCount, contacts.size());
    QVERIFY(plan.issues.isEmpty());
    QVERIFY(importer.commit(plan).ok());
    QCOMPARE(withoutIds(ContactStore(second).all()), withoutIds(stored()));
}

void TestContactImporter::tinyRowsAreEachReported()
{
    // A small copy of the hostile file of the benchmark (20 MB of "a,1"): every row is read as it
    // comes, and every one is reported with its own line and reason, none lost.
    constexpr int kRows = 100000;
    const QString path = m_dir->filePath(QStringLiteral("tiny.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes = "name,phone\n";
        for (int i = 0; i < kRows; ++i)
            bytes += "a,1\n";
        bytes += "b,13800138000\nc,13800138000\n";
        QVERIFY(file.write(bytes) == bytes.size());
    }
    ContactImporter importer(*m_db);
    ImportPlan plan;
    ContactFileContents contents;
    QVERIFY(importer.planFile(path, {}, DuplicateChoice::Merge, plan, contents).ok());
    QVERIFY(contents.ok());
    QVERIFY(contents.read.records.isEmpty()); // handed over batch by batch, not kept
    QCOMPARE(plan.invalidCount, kRows);
    QCOMPARE(plan.newCount, 1);
    QCOMPARE(plan.skippedCount, 1);
    QCOMPARE(plan.issues.size(), kRows + 1);
    const QString reason = QStringLiteral(
        "\"1\" is not a phone number. Use digits, optionally with spaces, dashes or a leading +86.");
    for (int i = 0; i < kRows; ++i) {
        const ImportIssue &issue = plan.issues.at(i);
        QCOMPARE(issue.line, i + 2);
        QCOMPARE(issue.kind, ImportIssue::Kind::Invalid);
        QCOMPARE(issue.reason, reason);
    }
    QCOMPARE(plan.issues.last().line, kRows + 3);
    QCOMPARE(plan.issues.last().kind, ImportIssue::Kind::Skipped);
    QCOMPARE(plan.issues.last().reason,
             QStringLiteral("Its numbers are already there, in line %1 (b).").arg(kRows + 2));
}

void TestContactImporter::streamedPlanEqualsWholePlan()
{
    // The same file planned from its records at once and while it is read: the same plan, reader
    // problems (an over-wide row) in their place among the rows' issues.
    const QString path = m_dir->filePath(QStringLiteral("mixed.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes = "name,phone\n";
        for (int i = 0; i < 10000; ++i) {
            if (i % 997 == 0)
                bytes += QByteArray(CsvParser::kMaxColumns + 1, ',') + "x\n";
            else if (i % 3 == 0)
                bytes += "bad,12\n";
            else
                bytes += "客户" + QByteArray::number(i) + ",1390000" +
                         QByteArray::number(i % 5000).rightJustified(4, '0') + "\n";
        }
        QVERIFY(file.write(bytes) == bytes.size());
    }
    ContactImporter importer(*m_db);
    ImportPlan streamed;
    ContactFileContents contents;
    QVERIFY(importer.planFile(path, {}, DuplicateChoice::Merge, streamed, contents).ok());
    const ContactFileContents whole = ContactFile::read(path);
    ImportPlan planned;
    QVERIFY(importer.plan(whole.read, DuplicateChoice::Merge, planned).ok());
    QVERIFY(planned.invalidCount > 3000);
    QVERIFY(planned.skippedCount > 0);
    QCOMPARE(streamed.newCount, planned.newCount);
    QCOMPARE(streamed.mergedCount, planned.mergedCount);
    QCOMPARE(streamed.skippedCount, planned.skippedCount);
    QCOMPARE(streamed.invalidCount, planned.invalidCount);
    QCOMPARE(streamed.issues, planned.issues);
    QCOMPARE(streamed.newContacts, planned.newContacts);
}

void TestContactImporter::controlCharactersAreNotStored()
{
    // Whatever a reader hands over, the store keeps no control or bidirectional character.
    ReadResult read;
    ImportRecord hostile = record(1, QStringLiteral("\u202Eevil\u0007"), {QStringLiteral("138 0013 8000")});
    hostile.contact.company = QStringLiteral("\u2067Acme");
    hostile.contact.notes = QStringLiteral("a\u009B31m\u2028b");
    hostile.contact.numbers[0].label = QStringLiteral("\u202Dboss\n");
    read.records << hostile;
    ContactImporter importer(*m_db);
    ImportPlan plan;
    QVERIFY(importer.plan(read, DuplicateChoice::Merge, plan).ok());
    QVERIFY(importer.commit(plan).ok());
    const QList<Contact> contacts = stored();
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.at(0).name, QStringLiteral("evil"));
    QCOMPARE(contacts.at(0).company, QStringLiteral("Acme"));
    QCOMPARE(contacts.at(0).notes, QStringLiteral("a31m\nb"));
    QCOMPARE(contacts.at(0).numbers.at(0).label, QStringLiteral("boss"));
}

QTEST_GUILESS_MAIN(TestContactImporter)
#include "tst_contactimporter.moc"
