#include "Database.h"

#include "core/AppInfo.h"
#include "core/Log.h"
#include "platform/PrivateFiles.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

namespace onedial {

namespace {

// SQLite's primary result codes (the low byte of an extended code).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADatabase = 26;

// While a server's connection is lost, connection() tries again at most this often.
constexpr qint64 kReconnectIntervalMs = 1000;
// The key of PostgreSQL's advisory lock held while a process reads or migrates the schema, so
// that instances started together migrate once.
constexpr qint64 kSchemaLockKey = 0x6f6e656469616c00; // "onedial\0"

// Contacts and history are the user's alone: the folder, the database and SQLite's journal
// files, including those an older OneDial created with the system's default mode.
void restrictToOwner(const QString &databasePath)
{
    platform::restrictToOwner(QFileInfo(databasePath).absolutePath());
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        platform::restrictToOwner(databasePath + QLatin1String(suffix));
}

} // namespace

const Schema &Database::appSchema()
{
    static const Schema schema{{
        {1,
         {
             QLatin1String("CREATE TABLE contacts ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " company TEXT NOT NULL DEFAULT '',"
                           " notes TEXT NOT NULL DEFAULT '',"
                           " favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)))"),
             // position keeps the order in which the user listed the numbers.
             QLatin1String("CREATE TABLE contact_numbers ("
                           " id INTEGER PRIMARY KEY,"
                           " contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " label TEXT NOT NULL DEFAULT '',"
                           " api_form TEXT NOT NULL,"
                           " display TEXT NOT NULL)"),
             // A call keeps the contact's name as it was, and outlives the contact.
             QLatin1String("CREATE TABLE call_history ("
                           " id INTEGER PRIMARY KEY,"
                           " time_utc TEXT NOT NULL,"
                           " account TEXT NOT NULL DEFAULT '',"
                           " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
                           " contact_name TEXT NOT NULL DEFAULT '',"
                           " callee TEXT NOT NULL,"
                           " api TEXT NOT NULL DEFAULT 'v1',"
                           " request_id TEXT,"
                           " call_id TEXT,"
                           " code_no TEXT,"
                           " code TEXT,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " service_message TEXT,"
                           " outcome TEXT NOT NULL,"
                           " error TEXT,"
                           " http_status INTEGER,"
                           " detail TEXT,"
                           " status TEXT,"
                           " reason TEXT,"
                           " duration_s INTEGER,"
                           " updated_at TEXT)"),
         }},
        {2,
         {
             // Loading contacts reads numbers per contact; deleting a contact cascades through them.
             QLatin1String(
                 "CREATE INDEX contact_numbers_by_contact ON contact_numbers(contact_id, position)"),
             // A dial finds the contact it called by number.
             QLatin1String("CREATE INDEX contact_numbers_by_number ON contact_numbers(api_form)"),
             // Progress callbacks arrive with the call_id only.
             QLatin1String("CREATE INDEX call_history_by_call_id ON call_history(call_id)"
                           " WHERE call_id IS NOT NULL"),
             // Removing a contact sets its calls' contact_id to NULL.
             QLatin1String("CREATE INDEX call_history_by_contact ON call_history(contact_id)"
                           " WHERE contact_id IS NOT NULL"),
         }},
        {3,
         {
             // Before a window redial, the newest dial to the number (HistoryStore::latestSentTo):
             // one index step instead of reading the whole history on the UI thread.
             QLatin1String("CREATE INDEX call_history_by_callee ON call_history(callee, id)"),
         }},
    }};
    Q_ASSERT(schema.version() == kSchemaVersion);
    return schema;
}

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("onedial-db-%1-thread-%2")
        .arg(counter.fetchAndAddRelaxed(1))
        .arg(quintptr(QThread::currentThreadId()));
}

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

StorageError classify(const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case kSqliteBusy:
    case kSqliteLocked:
        return StorageError::Busy;
    case kSqliteReadOnly:
        return StorageError::ReadOnly;
    case kSqliteCorrupt:
    case kSqliteNotADatabase:
        return StorageError::Corrupt;
    case kSqliteFull:
        return StorageError::DiskFull;
    case kSqliteCantOpen:
        return StorageError::CannotOpen;
    default:
        break;
    }
    return StorageError::Failed;
}

// PostgreSQL's SQLSTATE codes: class 08 (connection exception), 57P01-57P03 (the server is
// shutting down, crashed, or not yet accepting connections) and 53300 (too many connections)
// mean the connection cannot be used; libpq's own errors (the server closed the connection)
// carry no code at all.
bool isConnectionLoss(const QString &state)
{
    return state.isEmpty() || state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") ||
           state == QLatin1String("57P02") || state == QLatin1String("57P03") ||
           state == QLatin1String("53300");
}

StorageError classifyServer(const QString &state)
{
    if (isConnectionLoss(state))
        return StorageError::Unavailable;
    // Serialization failure, deadlock, lock not available: another instance holds it.
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03"))
        return StorageError::Busy;
    if (state == QLatin1String("53100")) // disk full
        return StorageError::DiskFull;
    if (state == QLatin1String("25006")) // a read-only transaction: a standby server
        return StorageError::ReadOnly;
    if (state == QLatin1String("42501") || state.startsWith(QLatin1String("28"))) // no privilege, no login
        return StorageError::CannotOpen;
    return StorageError::Failed;
}

} // namespace

QString ServerConnection::label() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    if (host.startsWith(QLatin1Char('/'))) {
        // A Unix socket's folder goes in the query, as libpq writes it.
        url.setHost(QString());
        url.setQuery(QStringLiteral("host=") + host);
    } else {
        url.setHost(host);
        url.setPort(port);
    }
    url.setPath(QLatin1Char('/') + databaseName);
    return url.toString();
}

Database::Database(QString path, const Schema &schema)
    : m_schema(schema)
    , m_path(path.isEmpty() ? defaultPath() : std::move(path))
    , m_connectionName(newConnectionName())
{}

Database::Database(ServerConnection server, const Schema &schema)
    : m_engine(Engine::PostgreSQL)
    , m_schema(schema)
    , m_path(server.label())
    , m_server(std::move(server))
    , m_connectionName(newConnectionName())
{
    Q_ASSERT(schema.postgresMigrations.isEmpty() ||
             schema.postgresMigrations.constLast().version == schema.version());
}

Database::~Database()
{
    close();
}

QString Database::defaultPath()
{
    return dataFolder() + QStringLiteral("/onedial.sqlite");
}

StorageResult Database::result(StorageError error, const QString &detail) const
{
    const QString file = QDir::toNativeSeparators(m_path);
    QString message;
    switch (error) {
    case StorageError::None:
        return {};
    case StorageError::CannotOpen:
        message = tr("OneDial cannot open its contacts and history file %1. Check that the file and its "
                     "folder exist and that you may read them.")
                      .arg(file);
        break;
    case StorageError::ReadOnly:
        message = tr("OneDial cannot write to its contacts and history file %1. Check the permissions of the "
                     "file and its folder; the file was left as it is.")
                      .arg(file);
        break;
    case StorageError::Corrupt:
        message = tr("The contacts and history file %1 is damaged or is not a OneDial file. It was left as "
                     "it is: move it elsewhere to start afresh, or restore a backup.")
                      .arg(file);
        break;
    case StorageError::TooNew:
        message = tr("The contacts and history file %1 was written by a newer version of OneDial. Update "
                     "OneDial to use it; the file was left as it is.")
                      .arg(file);
        break;
    case StorageError::DiskFull:
        message = tr("The disk is full, so the last change was not saved. Everything saved before is kept. "
                     "Free some space and try again.");
        break;
    case StorageError::Busy:
        message = tr("The contacts and history file %1 is in use by another program. Try again in a moment.")
                      .arg(file);
        break;
    case StorageError::Unavailable:
        message = tr("The database %1 cannot be reached just now, so nothing was written. OneDial tries "
                     "again by itself.")
                      .arg(file);
        break;
    case StorageError::Rejected:
    case StorageError::NotFound:
    case StorageError::Failed:
        message = tr("The contacts and history file %1 could not be read or written.").arg(file);
        break;
    }
    return {error, message, detail};
}

StorageResult Database::failure(const QSqlError &error) const
{
    const QString detail = error.text();
    if (m_engine == Engine::SQLite) {
        qCWarning(lcStorage) << "SQLite error on" << m_path << ":" << error.nativeErrorCode() << detail;
        return result(classify(error), detail);
    }
    if (m_lost) {
        // Said once, when it was found lost.
        qCDebug(lcStorage).noquote() << "PostgreSQL error on" << m_path << ":" << detail.simplified();
        return result(StorageError::Unavailable, detail);
    }
    qCWarning(lcStorage).noquote() << "PostgreSQL error on" << m_path << ":" << error.nativeErrorCode()
                                   << detail.simplified();
    StorageError kind = classifyServer(error.nativeErrorCode());
    if (kind == StorageError::Unavailable && error.nativeErrorCode().isEmpty()) {
        // No code: a connection closed under the statement, or one of Qt's own errors. The
        // connection answers a trivial statement if it is still there.
        QSqlQuery probe(QSqlDatabase::database(m_connectionName, false));
        if (probe.exec(QStringLiteral("SELECT 1")) || !probe.lastError().nativeErrorCode().isEmpty())
            kind = StorageError::Failed;
    }
    if (kind == StorageError::Unavailable) {
        qCWarning(lcStorage).noquote() << "Lost the connection to" << m_path;
        m_lost = true;
        m_lastAttemptMs = QDateTime::currentMSecsSinceEpoch();
    }
    return result(kind, detail);
}

StorageResult Database::checkFileSystem() const
{
    const QFileInfo file(m_path);
    if (file.exists() && !file.isFile())
        return result(StorageError::CannotOpen, QStringLiteral("not a regular file"));
    const QString folderPath = file.absolutePath();
    if (!platform::makePrivateFolder(folderPath))
        return result(StorageError::CannotOpen, QStringLiteral("the folder could not be created"));
    if (file.exists() && !file.isReadable())
        return result(StorageError::CannotOpen, QStringLiteral("the file cannot be read"));
    if (file.exists() && !file.isWritable())
        return result(StorageError::ReadOnly, QStringLiteral("the file is read-only"));
    // SQLite writes its journal (the -wal and -shm files) next to the database.
    if (!QFileInfo(folderPath).isWritable()) {
        StorageResult readOnly = result(StorageError::ReadOnly, QStringLiteral("the folder is read-only"));
        readOnly.message =
            tr("OneDial cannot write in the folder %1, where its contacts and history are kept. "
               "Check the folder's permissions; nothing in it was changed.")
                .arg(QDir::toNativeSeparators(folderPath));
        return readOnly;
    }
    return {};
}

const QList<Migration> &Database::migrations() const
{
    return m_engine == Engine::PostgreSQL ? m_schema.postgresMigrations : m_schema.migrations;
}

QLatin1String Database::forUpdate() const
{
    return m_engine == Engine::PostgreSQL ? QLatin1String(" FOR UPDATE") : QLatin1String();
}

bool Database::connectServer() const
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase old = QSqlDatabase::database(m_connectionName, false);
            old.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(m_server.host);
    db.setPort(m_server.port);
    db.setUserName(m_server.user);
    db.setDatabaseName(m_server.databaseName);
    db.setPassword(m_server.password);
    // A server that does not answer is given up after a few seconds, and a connection whose
    // peer vanished (a cut network) is noticed within a minute, instead of hanging requests.
    QStringList options{QStringLiteral("connect_timeout=5"), QStringLiteral("keepalives_idle=20"),
                        QStringLiteral("keepalives_interval=5"), QStringLiteral("keepalives_count=3")};
    if (!m_server.options.isEmpty())
        options.append(m_server.options);
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return db.open();
}

QSqlDatabase Database::connection() const
{
    // Never inside a transaction: its statements must all go to the connection that began it.
    if (m_engine == Engine::PostgreSQL && m_open && !m_lost && !m_inTransaction &&
        !QSqlDatabase::database(m_connectionName, false).isOpen()) {
        // The driver closed it itself: it saw the socket close while listening for
        // notifications. Perhaps the server is back already: try at once.
        qCWarning(lcStorage).noquote() << "Lost the connection to" << m_path;
        m_lost = true;
        m_lastAttemptMs = 0;
    }
    if (m_engine == Engine::PostgreSQL && m_open && m_lost && !m_inTransaction) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastAttemptMs < kReconnectIntervalMs)
            return {};
        m_lastAttemptMs = now;
        if (!connectServer()) {
            qCDebug(lcStorage).noquote()
                << "Still cannot reach" << m_path << ":"
                << QSqlDatabase::database(m_connectionName, false).lastError().text();
            return {};
        }
        m_lost = false;
        qCInfo(lcStorage).noquote() << "Connected to" << m_path << "again";
        if (m_reconnected)
            m_reconnected();
    }
    return QSqlDatabase::database(m_connectionName, false);
}

StorageResult Database::openServer()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        StorageResult missing = result(StorageError::CannotOpen, QStringLiteral("no QPSQL driver"));
        missing.message = tr("Qt's PostgreSQL driver is not installed (on Debian and Ubuntu: the package "
                             "libqt6sql6-psql).");
        return missing;
    }
    if (!connectServer()) {
        const QSqlError error = QSqlDatabase::database(m_connectionName, false).lastError();
        qCWarning(lcStorage).noquote() << "Cannot connect to" << m_path << ":" << error.text().simplified();
        const QString state = error.nativeErrorCode();
        return result(state.startsWith(QLatin1String("28")) || state.startsWith(QLatin1String("3D"))
                          ? StorageError::CannotOpen
                          : StorageError::Unavailable,
                      error.text().simplified());
    }
    m_open = true;
    m_lost = false;
    return readServerVersion();
}

StorageResult Database::readServerVersion()
{
    return transaction([&]() -> StorageResult {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        query.addBindValue(kSchemaLockKey);
        if (!query.exec())
            return failure(query.lastError());
        // (Not CREATE TABLE IF NOT EXISTS: the server's notice about an existing table would be
        // printed on standard error by every command.)
        if (!query.exec(QStringLiteral("SELECT to_regclass('onedial_schema') IS NULL")) || !query.next())
            return failure(query.lastError());
        if (query.value(0).toBool() &&
            (!query.exec(QStringLiteral("CREATE TABLE onedial_schema (version integer NOT NULL)")) ||
             !query.exec(QStringLiteral("INSERT INTO onedial_schema (version) VALUES (0)")))) {
            return failure(query.lastError());
        }
        if (!query.exec(QStringLiteral("SELECT version FROM onedial_schema")) || !query.next())
            return failure(query.lastError());
        m_schemaVersion = query.value(0).toInt();
        if (m_schemaVersion > m_schema.version()) {
            return result(StorageError::TooNew, QStringLiteral("schema version %1, this build knows %2")
                                                    .arg(m_schemaVersion)
                                                    .arg(m_schema.version()));
        }
        return {};
    });
}

StorageResult Database::open(int upToVersion)
{
    close();
    if (upToVersion < 0)
        upToVersion = m_schema.version();
    Q_ASSERT(upToVersion <= m_schema.version());
    if (m_engine == Engine::PostgreSQL) {
        StorageResult opened = openServer();
        if (opened.ok())
            opened = migrate(m_schemaVersion, upToVersion);
        if (!opened.ok())
            close();
        return opened;
    }
    if (StorageResult checked = checkFileSystem(); !checked.ok())
        return checked;

    StorageResult opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        restrictToOwner(m_path);
        if (!db.open()) {
            opened = failure(db.lastError());
        } else {
            m_open = true;
            // Before anything is written: SQLite gives the -wal and -shm files the database's mode.
            restrictToOwner(m_path);
            opened = runPragmas();
            if (opened.ok())
                opened = migrate(m_schemaVersion, upToVersion);
        }
    }
    if (!opened.ok())
        close();
    return opened;
}

StorageResult Database::runPragmas()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);

    // Reading the header and the schema first finds a file that is not a database (or a damaged
    // one) before anything could be written to it.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failure(query.lastError());
    m_schemaVersion = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return failure(query.lastError());
    const int objects = query.value(0).toInt();
    query.finish();
    if (m_schemaVersion == 0 && objects > 0)
        return result(StorageError::Corrupt, QStringLiteral("tables without a OneDial schema version"));
    if (m_schemaVersion > m_schema.version()) {
        return result(StorageError::TooNew, QStringLiteral("schema version %1, this build knows %2")
                                                .arg(m_schemaVersion)
                                                .arg(m_schema.version()));
    }

    // SQLite opens a file it may not write read-only without saying so; taking the write lock
    // finds out (for example a read-only mount, where permissions look fine).
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failure(query.lastError());
    if (!query.exec(QStringLiteral("ROLLBACK")))
        return failure(query.lastError());

    // WAL: a reader (the window's contact loader) never blocks a writer (a dial being recorded),
    // and a process killed mid-write loses only its uncommitted transaction.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return failure(query.lastError());
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        qCWarning(lcStorage) << "WAL mode is not available for" << m_path << "; using journal mode"
                             << query.value(0).toString();
    }
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return failure(query.lastError());
    return {};
}

StorageResult Database::migrate(int fromVersion, int toVersion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const bool server = m_engine == Engine::PostgreSQL;
    for (const Migration &migration : migrations()) {
        if (migration.version <= fromVersion || migration.version > toVersion)
            continue;
        bool done = false;
        StorageResult migrated = transaction([&]() -> StorageResult {
            QSqlQuery query(db);
            if (server) {
                // Another instance may have migrated while this one waited for the lock.
                query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
                query.addBindValue(kSchemaLockKey);
                if (!query.exec() || !query.exec(QStringLiteral("SELECT version FROM onedial_schema")) ||
                    !query.next()) {
                    return failure(query.lastError());
                }
                if (query.value(0).toInt() >= migration.version) {
                    done = true;
                    return {};
                }
            }
            for (const QLatin1String statement : migration.statements) {
                if (!query.exec(QString(statement)))
                    return failure(query.lastError());
            }
            const QString setVersion = server ? QStringLiteral("UPDATE onedial_schema SET version = %1")
                                              : QStringLiteral("PRAGMA user_version = %1");
            if (!query.exec(setVersion.arg(migration.version)))
                return failure(query.lastError());
            return {};
        });
        if (!migrated.ok())
            return migrated;
        if (!done)
            qCInfo(lcStorage) << "Migrated" << m_path << "to schema version" << migration.version;
        m_schemaVersion = migration.version;
    }
    return {};
}

StorageResult Database::transaction(const std::function<StorageResult()> &work)
{
    if (!m_open)
        return result(StorageError::CannotOpen, QStringLiteral("the database is not open"));
    if (m_inTransaction)
        return work();

    QSqlDatabase db = connection();
    if (!db.isValid())
        return result(StorageError::Unavailable, QStringLiteral("the connection is lost"));
    QSqlQuery control(db);
    const QString begin =
        m_engine == Engine::PostgreSQL ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!control.exec(begin))
        return failure(control.lastError());
    m_inTransaction = true;
    StorageResult outcome = work();
    m_inTransaction = false;
    if (outcome.ok() && !control.exec(QStringLiteral("COMMIT")))
        outcome = failure(control.lastError());
    if (!outcome.ok()) {
        // After a failed COMMIT (a full disk, a busy reader) the transaction is still open.
        QSqlQuery rollback(db);
        if (!rollback.exec(QStringLiteral("ROLLBACK")))
            qCDebug(lcStorage) << "Rollback:" << rollback.lastError().text();
    }
    return outcome;
}

bool Database::setAside(QString *setAsidePath, QString *message)
{
    Q_ASSERT(m_engine == Engine::SQLite);
    close();
    const QString aside = m_path + QStringLiteral(".unusable-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    bool moved = QFile::rename(m_path, aside);
    for (const char *suffix : {"-wal", "-shm"}) {
        if (QFile::exists(m_path + QLatin1String(suffix)))
            moved = QFile::rename(m_path + QLatin1String(suffix), aside + QLatin1String(suffix)) && moved;
    }
    if (setAsidePath)
        *setAsidePath = aside;
    if (!moved && message) {
        *message = tr("The file %1 could not be renamed. Move it away yourself, then start OneDial again.")
                       .arg(m_path);
    }
    return moved;
}

void Database::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_open = false;
    m_lost = false;
}

} // namespace onedial
