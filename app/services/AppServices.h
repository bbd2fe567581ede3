// The objects every front end shares, put together once where the application starts (the
// window's start-up and the command line's), not inside a window: the accounts, the keychain, the
// contacts and history database with its stores, the dial service and, when asked for, the
// sandbox. Windows and commands are handed this; none builds its own.
#pragma once

#include "storage/StorageResult.h"

#include <QObject>
#include <QString>

#include <memory>

namespace onedial {

class AccountStore;
class CallProgressService;
class ContactStore;
class CredentialStore;
class Database;
class DialService;
class HistoryStore;
class SandboxServer;

class AppServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppServices)

public:
    struct Options
    {
        bool sandbox = false; // start the OneNET simulator on 127.0.0.1
        QString databasePath; // empty: Database::defaultPath()
        // Open the database on first use (database(), contacts(), a dial) or openDatabaseNow(),
        // not here: the window opens it after its first paint.
        bool openDatabaseLater = false;
    };

    explicit AppServices(const Options &options, QObject *parent = nullptr);
    ~AppServices() override;

    AccountStore *accounts() const { return m_accounts.get(); }
    CredentialStore *credentials() const { return m_credentials; }
    DialService *dialer() const { return m_dialer; }
    // The live progress of gateway accounts' calls; nothing is followed until its sync().
    CallProgressService *callProgress() const { return m_callProgress; }
    // Null until startSandbox().
    SandboxServer *sandbox() const { return m_sandbox; }
    // Starts the simulator if it is not running; false when it could not listen.
    bool startSandbox();

    // The database of contacts and history; check databaseStatus() before relying on it. The
    // stores are null while it is not open. Each opens a database left for later.
    Database *database();
    const StorageResult &databaseStatus();
    ContactStore *contacts();
    HistoryStore *history();
    // Whether the database was left for later (Options::openDatabaseLater) and is not open yet.
    bool databaseWaiting() const { return !m_waitingDatabasePath.isEmpty(); }
    // Opens a database left for later; nothing when it was opened already.
    void openDatabaseNow();

    // For a database OneDial cannot use: sets the file aside (kept, renamed; see Database) and
    // starts an empty one. Returns the new status; the old file's new path is in setAsidePath.
    StorageResult setDatabaseAside(QString *setAsidePath = nullptr);
    // For a database OneDial could not open or write (permissions, another program holding it):
    // opens the same file again, once the user has fixed the cause.
    StorageResult reopenDatabase();

Q_SIGNALS:
    void sandboxStarted();

private:
    StorageResult openDatabase(const QString &path);

    std::unique_ptr<AccountStore> m_accounts;
    CredentialStore *m_credentials;
    DialService *m_dialer;
    CallProgressService *m_callProgress;
    SandboxServer *m_sandbox = nullptr;
    QString m_waitingDatabasePath; // set while the database is left for later
    std::unique_ptr<Database> m_database;
    StorageResult m_databaseStatus;
    std::unique_ptr<ContactStore> m_contacts;
    std::unique_ptr<HistoryStore> m_history;
};

} // namespace onedial
