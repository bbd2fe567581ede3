// The one place the windowed app dials from: the window, the tray, quick dial and links all
// come here. It picks the account, fetches the key, starts exactly one request, names the dial
// for the status panel and keeps it in the history.
#pragma once

#include "contacts/ContactStore.h"
#include "history/CallRecord.h"
#include "history/HistoryStore.h"
#include "accounts/AccessKey.h"
#include "onenet/DialClient.h"
#include "onenet/DialOutcome.h"
#include "storage/Database.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace onedial {

class AccountStore;
class CredentialStore;
class SandboxServer;
struct Account;

class DialController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialController)

public:
    // What the user is calling: a number, and the contact it belongs to when there is one.
    struct Target
    {
        QString number; // as typed or stored; normalised when dialled
        QString who;    // the contact's name, or empty
        std::optional<qint64> contactId;
    };

    // An entry of the account chooser: a real account by name, or one of the sandbox's.
    struct Choice
    {
        QString id;
        QString label;
    };
    static const QString kSandboxV1;
    static const QString kSandboxV2;

    explicit DialController(bool sandbox, QObject *parent = nullptr);
    ~DialController() override;

    AccountStore *accounts() const { return m_accounts.get(); }
    CredentialStore *credentials() const { return m_credentials; }
    DialClient *client() const { return m_client; }
    SandboxServer *sandbox() const { return m_sandbox; }
    // The database of contacts and history; check databaseStatus() before relying on it.
    Database *database() const { return m_database.get(); }
    const StorageResult &databaseStatus() const { return m_databaseStatus; }
    ContactStore *contacts() const { return m_contacts.get(); }
    HistoryStore *history() const { return m_history.get(); }

    // For a database OneDial cannot use (damaged, or from a newer OneDial): renames the file, and
    // its journal, to "<name>.unusable-<time>" so nothing is lost, then starts an empty one.
    // Returns the new database's status; the old file's new path is in setAsidePath.
    StorageResult setDatabaseAside(QString *setAsidePath = nullptr);
    // For a database OneDial could not open or write (permissions, another program holding it):
    // opens the same file again, once the user has fixed the cause. Returns the new status.
    StorageResult reopenDatabase();

    void startSandbox();
    QList<Choice> choices() const;
    QString currentChoice() const;
    void setCurrentChoice(const QString &id);
    // Picks the default account (or keeps the sandbox while it is being tried).
    void chooseDefault();
    // True when the current choice can dial without asking for anything first.
    bool isReady() const;

    // Dials target with the current choice. Exactly one request at most; the outcome arrives as
    // dialFinished(), or keyNeeded() is emitted when the key must be entered first.
    void dial(const Target &target);
    bool isInFlight(const QString &numberText) const;
    // How long a dial waits for the service's answer before its outcome is "unknown".
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The numbers of the last calls, newest first, each once.
    QList<Target> recentTargets(int count = 10) const;

Q_SIGNALS:
    void choicesChanged();
    // The current choice changed, or the accounts were edited (chooseDefault() after the accounts
    // dialog): whether it isReady() may have changed.
    void currentChoiceChanged();
    void dialStarted(quint64 id, const onedial::DialController::Target &target);
    void dialFinished(quint64 id, const onedial::DialOutcome &outcome,
                      const onedial::DialController::Target &target);
    // The current account has no usable key: ask for it (why says what went wrong), then dial again.
    void keyNeeded(const QString &accountName, const onedial::DialController::Target &target,
                   const QString &why);
    void historyAdded(const onedial::CallRecord &record);
    void inFlightChanged();

private:
    // Opens the contacts and history database at path, and its stores when it opened.
    StorageResult openDatabase(const QString &path);
    void startRequest(const Account &account, const AccessKey &key, const Target &target);
    void record(const DialOutcome &outcome, const QString &accountName, const Target &target);

    std::unique_ptr<AccountStore> m_accounts;
    CredentialStore *m_credentials;
    DialClient *m_client;
    SandboxServer *m_sandbox = nullptr;
    std::unique_ptr<Database> m_database;
    StorageResult m_databaseStatus;
    std::unique_ptr<ContactStore> m_contacts;
    std::unique_ptr<HistoryStore> m_history;
    QString m_choice;
    int m_timeoutMs = DialClient::kDefaultTimeoutMs;
    struct Pending
    {
        Target target;
        QString accountName;
    };
    QHash<quint64, Pending> m_pending;
};

} // namespace onedial
