// A OneDial database: opening it without ever harming it, bringing its schema up to date, and
// running every write in one transaction. The app's contacts and history, and a small team's
// gateway, are an SQLite file; a gateway run as several instances shares one PostgreSQL
// database (ServerConnection), where the same schema is kept in PostgreSQL's dialect.
//
// Threads: a Database and its connection belong to the thread that opened it. A worker thread
// opens its own Database on the same file; SQLite's WAL mode lets it read while another
// connection writes.
//
// A server can go away (a restart, a network cut). A statement that fails because the
// connection is gone marks it lost: from then on connection() tries to connect again, at most
// once a second, and everything fails at once with StorageError::Unavailable until that works.
// Nothing is retried: a transaction that failed was rolled back by the server.
#pragma once

#include "Schema.h"
#include "StorageResult.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace onedial {

// Where a PostgreSQL database is, and how to log in: libpq's settings. The password never
// comes from a command line or a configuration file (see the gateway's StateFolder).
struct ServerConnection
{
    QString host; // a name, an address, or the folder of the server's Unix socket
    int port = 5432;
    QString user;
    QString databaseName;
    QString password; // empty: libpq's own ways (~/.pgpass, peer authentication)
    // Other libpq settings, "name=value" separated by ';' (sslmode=verify-full;...).
    QString options;

    // postgresql://user@host:port/name: for messages and logs, never with the password.
    QString label() const;
};

class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)
    Q_DISABLE_COPY_MOVE(Database)

public:
    // The newest schema of the app's contacts and history this build knows. Each version is one
    // migration in appSchema().
    static constexpr int kSchemaVersion = 3;
    // How long a write waits for another connection (the window, a command) to finish its own.
    static constexpr int kBusyTimeoutMs = 5000;

    // An empty path means defaultPath(). The schema is the app's contacts and history unless
    // another program's (the gateway's) is given; it must outlive the Database.
    explicit Database(QString path = {}, const Schema &schema = appSchema());
    // A PostgreSQL database: the schema's postgresMigrations are used.
    Database(ServerConnection server, const Schema &schema);
    ~Database();

    enum class Engine { SQLite, PostgreSQL };
    Engine engine() const { return m_engine; }
    // Whether other processes on other machines share it (PostgreSQL): state that must hold
    // across them lives in the database, and news from them arrives as notifications.
    bool isShared() const { return m_engine == Engine::PostgreSQL; }

    // <per-user data folder>/onedial.sqlite, e.g. ~/.local/share/onedial/onedial.sqlite.
    static QString defaultPath();
    static const Schema &appSchema();

    // Opens the file (creating it and its folder when missing), checks that it is a OneDial
    // database this build can use, and migrates it up to upToVersion (tests of migrations pass an
    // older version; everything else takes the default). On any error the database stays closed
    // and the file is left exactly as it was.
    StorageResult open(int upToVersion = -1);
    void close();
    bool isOpen() const { return m_open; }

    // For a file OneDial cannot use (damaged, or from a newer OneDial): closes it and renames it,
    // with its journal, to "<name>.unusable-<time>", so nothing is lost. The caller then opens an
    // empty one at path(). Returns false, with the reason in message, when a rename failed.
    bool setAside(QString *setAsidePath, QString *message);

    // The SQLite file, or the server's label().
    QString path() const { return m_path; }
    // The Qt Sql connection of this object, for QSqlDatabase::database(name, false) in this thread.
    QString connectionName() const { return m_connectionName; }
    // This object's connection, connected again first when it was lost (at most once a second);
    // an invalid QSqlDatabase while the server cannot be reached.
    QSqlDatabase connection() const;
    // False after the connection was lost and until connection() reconnected.
    bool isAvailable() const { return m_open && !m_lost; }
    // Called after a lost connection was made again (for PostgreSQL: to listen again).
    void setReconnected(std::function<void()> reconnected) { m_reconnected = std::move(reconnected); }
    // " FOR UPDATE" where the engine locks rows read in a transaction (PostgreSQL); empty for
    // SQLite, whose write transactions already exclude each other.
    QLatin1String forUpdate() const;
    // The schema version on disk after open().
    int schemaVersion() const { return m_schemaVersion; }

    // Runs work inside one transaction that takes the write lock at once (SQLite's BEGIN
    // IMMEDIATE; PostgreSQL's rows are locked as work reads them FOR UPDATE), and commits when
    // work returns success. Anything else, including a failed commit, rolls back, so
    // a crash or a full disk never leaves half a change. A call from inside work joins the
    // running transaction.
    StorageResult transaction(const std::function<StorageResult()> &work);

    // A driver error as a StorageResult naming this database's file.
    StorageResult failure(const QSqlError &error) const;

private:
    StorageResult checkFileSystem() const;
    StorageResult openServer();
    bool connectServer() const;
    StorageResult runPragmas();
    StorageResult readServerVersion();
    StorageResult migrate(int fromVersion, int toVersion);
    StorageResult result(StorageError error, const QString &detail = {}) const;
    const QList<Migration> &migrations() const;

    Engine m_engine = Engine::SQLite;
    const Schema &m_schema;
    QString m_path;
    ServerConnection m_server;
    QString m_connectionName;
    int m_schemaVersion = 0;
    bool m_open = false;
    bool m_inTransaction = false;
    // A server's connection was lost; m_lastAttempt: when connection() last tried again.
    mutable bool m_lost = false;
    mutable qint64 m_lastAttemptMs = 0;
    std::function<void()> m_reconnected;
};

} // namespace onedial
