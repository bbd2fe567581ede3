// The app's SQLite file: schema from nothing and from an older version, WAL, and the promise that
// a file OneDial cannot use (damaged, foreign, read-only, from a newer OneDial) is reported by
// kind and left byte for byte as it was. A writer killed with SIGKILL loses nothing it committed.
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "history/HistoryStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <thread>
#if defined(Q_OS_UNIX)
#include <grp.h>
#include <unistd.h>
#endif

using namespace onedial;

namespace {

const char kOpenMode[] = "--open";
const char kWriteMode[] = "--write-until-killed";
#if defined(Q_OS_UNIX)
constexpr uid_t kNobody = 65534;
#endif

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// One statement's first value, on a raw connection of its own (not through the class under test).
QVariant rawValue(const QString &path, const QString &statement)
{
    QVariant value;
    const QString name = QStringLiteral("raw-") + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(statement) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

void rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-exec-") + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Contact person(int n)
{
    Contact contact;
    contact.name = QStringLiteral("Contact %1").arg(n);
    contact.numbers << ContactNumber{
        {}, QStringLiteral("1380013%1").arg(n % 10000, 4, 10, QLatin1Char('0')), {}};
    return contact;
}

// Helper mode: open the file and print the error kind (for the read-only cases, run as another user).
int openAndReport(const QString &path)
{
    Database database(path);
    const StorageResult result = database.open();
    std::printf("%d\n%s\n", int(result.error), qPrintable(result.message));
    return 0;
}

// Helper mode: add contacts one transaction at a time, saying after each commit which one it was,
// until the test kills this process.
int writeUntilKilled(const QString &path)
{
    Database database(path);
    if (!database.open().ok())
        return 1;
    ContactStore contacts(database);
    HistoryStore history(database);
    for (int n = 1;; ++n) {
        Contact contact = person(n);
        if (!contacts.add(contact).ok())
            return 2;
        CallRecord call;
        call.account = QStringLiteral("writer");
        call.callee = contact.numbers.first().apiForm;
        call.contactId = contact.id;
        call.contactName = contact.name;
        if (!history.add(call).ok())
            return 3;
        std::printf("%lld\n", contact.id);
        std::fflush(stdout);
    }
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsTheSchemaInANewFile();
    void createsTheSchemaInAnEmptyFile();
    void migratesFromVersion1();
    void usesWalAndForeignKeys();
    void unusableFileIsLeftAlone_data();
    void unusableFileIsLeftAlone();
    void newerSchemaIsLeftAlone();
    void readOnlyFile();
    void readOnlyFolder();
    void failedWorkRollsBack();
    void diskFullKeepsWhatWasStored();
    void connectionsPerInstanceAndThread();
    void killedWriterLosesNothingCommitted();

private:
    // Runs this executable in a helper mode; as user nobody when the tests run as root (root may
    // write to any file, so a read-only file would not be read-only to it).
    QByteArray runHelper(const char *mode, const QString &file, bool asOtherUser);
    QString path() const { return m_dir->filePath(QStringLiteral("onedial.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray TestDatabase::runHelper(const char *mode, const QString &file, bool asOtherUser)
{
    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments({QString::fromLatin1(mode), file});
#if defined(Q_OS_UNIX)
    if (asOtherUser) {
        process.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(99);
        });
    }
#else
    // Windows has no root that ignores a read-only file, so the helper runs as the same user.
    Q_UNUSED(asOtherUser);
#endif
    process.start();
    if (!process.waitForFinished(30000))
        return {};
    return process.exitCode() == 0 ? process.readAllStandardOutput() : QByteArray();
}

void TestDatabase::createsTheSchemaInANewFile()
{
    Database database(path());
    const StorageResult opened = database.open();
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    QCOMPARE(database.schemaVersion(), Database::kSchemaVersion);
    database.close();
    QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(), Database::kSchemaVersion);
    for (const char *table : {"contacts", "contact_numbers", "call_history"}) {
        QCOMPARE(
            rawValue(path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                            "name = '%1'")
                                 .arg(QLatin1String(table)))
                .toInt(),
            1);
    }
    QCOMPARE(rawValue(path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                             "name = 'call_history_by_call_id'"))
                 .toInt(),
             1);
}

void TestDatabase::createsTheSchemaInAnEmptyFile()
{
    writeFile(path(), {});
    Database database(path());
    const StorageResult opened = database.open();
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    QCOMPARE(database.schemaVersion(), Database::kSchemaVersion);
}

void TestDatabase::migratesFromVersion1()
{
    qint64 contactId = 0;
    {
        Database database(path());
        QVERIFY(database.open(1).ok());
        QCOMPARE(database.schemaVersion(), 1);
        Contact contact = person(7);
        QVERIFY(ContactStore(database).add(contact).ok());
        contactId = contact.id;
        CallRecord call;
        call.callee = QStringLiteral("8613800130007");
        call.callId = QStringLiteral("call-7");
        call.contactId = contactId;
        QVERIFY(HistoryStore(database).add(call).ok());
    }
    QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(
        rawValue(path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")).toInt(),
        0);

    Database database(path());
    QVERIFY(database.open().ok());
    QCOMPARE(database.schemaVersion(), Database::kSchemaVersion);
    const auto contact = ContactStore(database).get(contactId);
    QVERIFY(contact);
    QCOMPARE(contact->name, QStringLiteral("Contact 7"));
    QCOMPARE(contact->numbers.first().apiForm, QStringLiteral("8613800130007"));
    QCOMPARE(HistoryStore(database).list().size(), 1);
    QVERIFY(HistoryStore(database)
                .updateProgress(QStringLiteral("call-7"), {QStringLiteral("answered"), {}, 12, {}})
                .ok());
    database.close();
    QCOMPARE(
        rawValue(path(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")).toInt(),
        5);
}

void TestDatabase::usesWalAndForeignKeys()
{
    Database database(path());
    QVERIFY(database.open().ok());
    QSqlQuery query(QSqlDatabase::database(database.connectionName(), false));
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    query.finish();
    database.close();
    // The mode is stored in the file: a plain connection sees it too.
    QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabase::unusableFileIsLeftAlone_data()
{
    QTest::addColumn<QByteArray>("contents");
    QByteArray noise(8192, Qt::Uninitialized);
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("random bytes") << noise;
    QTest::newRow("a CSV file") << QByteArrayLiteral("name,number\nZhang San,13800138000\n");

    // A real OneDial database whose header was overwritten.
    QTemporaryDir scratch;
    const QString good = scratch.filePath(QStringLiteral("good.sqlite"));
    {
        Database database(good);
        QVERIFY(database.open().ok());
        Contact contact = person(1);
        QVERIFY(ContactStore(database).add(contact).ok());
    }
    QByteArray damaged = bytesOf(good);
    QVERIFY(damaged.startsWith("SQLite format 3"));
    damaged.replace(0, 16, "Not SQLite at all");
    QTest::newRow("damaged header") << damaged;

    // Another program's SQLite database at our path: tables, but no OneDial schema version.
    const QString foreign = scratch.filePath(QStringLiteral("foreign.sqlite"));
    rawExec(foreign, {QStringLiteral("CREATE TABLE notes (body TEXT)"),
                      QStringLiteral("INSERT INTO notes VALUES ('keep me')")});
    QTest::newRow("another program's database") << bytesOf(foreign);
}

void TestDatabase::unusableFileIsLeftAlone()
{
    QFETCH(QByteArray, contents);
    writeFile(path(), contents);

    Database database(path());
    const StorageResult opened = database.open();
    QCOMPARE(opened.error, StorageError::Corrupt);
    QVERIFY(opened.message.contains(QDir::toNativeSeparators(path())));
    QVERIFY(!database.isOpen());
    // Writes through a store fail too, instead of touching the file.
    Contact contact = person(2);
    QVERIFY(!ContactStore(database).add(contact).ok());
    database.close();

    QCOMPARE(bytesOf(path()), contents);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("onedial.sqlite")});
}

void TestDatabase::newerSchemaIsLeftAlone()
{
    {
        Database database(path());
        QVERIFY(database.open().ok());
    }
    rawExec(path(), {QStringLiteral("PRAGMA user_version = %1").arg(Database::kSchemaVersion + 1),
                     QStringLiteral("PRAGMA journal_mode = DELETE")});
    const QByteArray before = bytesOf(path());

    Database database(path());
    const StorageResult opened = database.open();
    QCOMPARE(opened.error, StorageError::TooNew);
    QVERIFY(opened.message.contains(QStringLiteral("newer")));
    database.close();
    QCOMPARE(bytesOf(path()), before);
    QVERIFY(!QFile::exists(path() + QStringLiteral("-wal")));
}

void TestDatabase::readOnlyFile()
{
    {
        Database database(path());
        QVERIFY(database.open().ok());
        Contact contact = person(3);
        QVERIFY(ContactStore(database).add(contact).ok());
    }
    const QByteArray before = bytesOf(path());
    const bool root = test::isSuperUser();
    QFile::Permissions readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QFile::setPermissions(path(), root ? readable | QFile::WriteOwner : readable));
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                     QFile::ReadOther | QFile::ExeOther));

    const QList<QByteArray> lines = runHelper(kOpenMode, path(), root).split('\n');
    QVERIFY2(lines.size() >= 2, "the helper did not run");
    QCOMPARE(lines.at(0).toInt(), int(StorageError::ReadOnly));
    QVERIFY(lines.at(1).contains(QDir::toNativeSeparators(path()).toUtf8()));
    QCOMPARE(bytesOf(path()), before);
    QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestDatabase::readOnlyFolder()
{
#if defined(Q_OS_WIN)
    QSKIP("Windows has no folder permission QFile can take away (a folder's read-only attribute does not "
          "stop new files)");
#endif
    {
        Database database(path());
        QVERIFY(database.open().ok());
    }
    const QByteArray before = bytesOf(path());
    const bool root = test::isSuperUser();
    // The file may be written; the folder, where SQLite keeps its journal, may not.
    QVERIFY(QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                              QFile::WriteOther));
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                                     QFile::ExeOther |
                                                     (root ? QFile::WriteOwner : QFile::Permissions())));

    const QList<QByteArray> lines = runHelper(kOpenMode, path(), root).split('\n');
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY2(lines.size() >= 2, "the helper did not run");
    QCOMPARE(lines.at(0).toInt(), int(StorageError::ReadOnly));
    QVERIFY(lines.at(1).contains(QDir::toNativeSeparators(m_dir->path()).toUtf8()));
    QCOMPARE(bytesOf(path()), before);
}

void TestDatabase::failedWorkRollsBack()
{
    Database database(path());
    QVERIFY(database.open().ok());
    const StorageResult result = database.transaction([&]() -> StorageResult {
        QSqlQuery query(QSqlDatabase::database(database.connectionName(), false));
        if (!query.exec(QStringLiteral("INSERT INTO contacts (name) VALUES ('half a change')")))
            return database.failure(query.lastError());
        return {StorageError::Rejected, QStringLiteral("changed my mind"), {}};
    });
    QCOMPARE(result.error, StorageError::Rejected);
    QCOMPARE(ContactStore(database).count(), 0);
}

void TestDatabase::diskFullKeepsWhatWasStored()
{
    Database database(path());
    QVERIFY(database.open().ok());
    ContactStore store(database);
    QList<Contact> first;
    for (int n = 0; n < 10; ++n)
        first << person(n);
    QVERIFY(store.addAll(first).ok());

    // SQLite's page limit answers SQLITE_FULL exactly as a full disk does.
    QSqlQuery query(QSqlDatabase::database(database.connectionName(), false));
    QVERIFY(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
    const int pages = query.value(0).toInt();
    QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
    query.finish();

    QList<Contact> tooMany;
    for (int n = 100; n < 3100; ++n)
        tooMany << person(n);
    const StorageResult full = store.addAll(tooMany);
    QCOMPARE(full.error, StorageError::DiskFull);
    QVERIFY(!full.message.isEmpty());
    QVERIFY(std::all_of(tooMany.cbegin(), tooMany.cend(), [](const Contact &c) { return c.id == 0; }));

    const QList<Contact> stored = store.all();
    QCOMPARE(stored.size(), 10);
    QCOMPARE(stored.first().name, QStringLiteral("Contact 0"));
    QCOMPARE(stored.last().numbers.size(), 1);

    // Space again: writing works again on the same connection.
    QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    QVERIFY(store.addAll(tooMany).ok());
    QCOMPARE(store.count(), 3010);
}

void TestDatabase::connectionsPerInstanceAndThread()
{
    Database writer(path());
    QVERIFY(writer.open().ok());
    Database reader(path());
    QVERIFY(reader.open().ok());
    QVERIFY(writer.connectionName() != reader.connectionName());
    Contact contact = person(5);
    QVERIFY(ContactStore(writer).add(contact).ok());
    QCOMPARE(ContactStore(reader).count(), 1);

    // A worker thread opens its own Database on the same file while this thread's stay open.
    qint64 seenByWorker = -1;
    QString workerConnection;
    std::thread worker([&] {
        Database own(path());
        if (own.open().ok()) {
            seenByWorker = ContactStore(own).count();
            workerConnection = own.connectionName();
        }
    });
    worker.join();
    QCOMPARE(seenByWorker, 1);
    QVERIFY(workerConnection != writer.connectionName() && workerConnection != reader.connectionName());
}

void TestDatabase::killedWriterLosesNothingCommitted()
{
    {
        Database database(path());
        QVERIFY(database.open().ok());
    }
    QProcess writer;
    writer.setProgram(QCoreApplication::applicationFilePath());
    writer.setArguments({QString::fromLatin1(kWriteMode), path()});
    writer.start();
    QVERIFY(writer.waitForStarted());

    QList<qint64> committed;
    QByteArray pending;
    while (committed.size() < 300) {
        QVERIFY2(writer.state() == QProcess::Running || writer.bytesAvailable() > 0,
                 "the writer stopped early");
        if (!writer.waitForReadyRead(20000))
            QFAIL("the writer went quiet");
        pending += writer.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            committed << pending.left(newline).toLongLong();
            pending.remove(0, newline + 1);
        }
    }
    writer.kill(); // SIGKILL: no chance to finish the transaction it is in
    QVERIFY(writer.waitForFinished());
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    // Lines printed after the last read were committed too.
    pending += writer.readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n')) {
        if (!line.isEmpty())
            committed << line.toLongLong();
    }

    Database database(path());
    const StorageResult reopened = database.open();
    QVERIFY2(reopened.ok(), qPrintable(reopened.message));
    QSqlQuery query(QSqlDatabase::database(database.connectionName(), false));
    QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    query.finish();

    ContactStore store(database);
    for (const qint64 id : std::as_const(committed)) {
        const auto contact = store.get(id);
        QVERIFY2(contact, qPrintable(QStringLiteral("committed contact %1 is missing").arg(id)));
        QCOMPARE(contact->name, QStringLiteral("Contact %1").arg(id));
        QCOMPARE(contact->numbers.size(), 1);
    }
    // Whatever was in flight is either all there or not at all.
    QVERIFY(store.count() >= committed.size());
    QVERIFY(store.count() <= committed.size() + 1);
    const QList<CallRecord> calls = HistoryStore(database).list();
    QVERIFY(calls.size() >= committed.size());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String(kOpenMode))
        return openAndReport(arguments.at(2));
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String(kWriteMode))
        return writeUntilKilled(arguments.at(2));
    TestDatabase test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_database.moc"
