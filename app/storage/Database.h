// The app's SQLite file (contacts and call history): opening it without ever harming it,
// bringing its schema up to date, and running every write in one transaction.
//
// Threads: a Database and its connection belong to the thread that opened it. A worker thread
// opens its own Database on the same file; SQLite's WAL mode lets it read while another
// connection writes.
#pragma once

#include "Schema.h"
#include "StorageResult.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlError;

namespace onedial {

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
    ~Database();

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

    QString path() const { return m_path; }
    // The Qt Sql connection of this object, for QSqlDatabase::database(name, false) in this thread.
    QString connectionName() const { return m_connectionName; }
    // The schema version on disk after open().
    int schemaVersion() const { return m_schemaVersion; }

    // Runs work inside one transaction that takes the write lock at once (BEGIN IMMEDIATE), and
    // commits when work returns success. Anything else, including a failed commit, rolls back, so
    // a crash or a full disk never leaves half a change. A call from inside work joins the
    // running transaction.
    StorageResult transaction(const std::function<StorageResult()> &work);

    // A driver error as a StorageResult naming this database's file.
    StorageResult failure(const QSqlError &error) const;

private:
    StorageResult checkFileSystem() const;
    StorageResult runPragmas();
    StorageResult migrate(int fromVersion, int toVersion);
    StorageResult result(StorageError error, const QString &detail = {}) const;

    const Schema &m_schema;
    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
    bool m_open = false;
    bool m_inTransaction = false;
};

} // namespace onedial
