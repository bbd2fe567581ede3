// The one dial: every way of dialling (the window, the tray and quick dial, tel:/callto: links, the
// command line, and whatever comes next) hands it a parsed number and an account choice. It
// resolves the account, makes sure the number is not already being dialled by this user in any
// process (DialLock), reads the key from the keychain for this dial only, runs the dial client
// (one request, never retried) and keeps every outcome that reached a decision in the history, the
// ones not sent included, with one timestamp rule: the moment the dial was asked for.
//
// It knows no widgets. Where the key cannot be read, a front end that can ask for it (the window)
// sets KeyPolicy::Ask and gets keyNeeded(); the dial then waits, still holding its number, until
// resume() or abandon(). Without that (the command line) the dial ends "not sent".
#pragma once

#include "AccountChoice.h"
#include "DialTarget.h"
#include "accounts/Account.h"
#include "history/CallRecord.h"
#include "onenet/DialOutcome.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace onedial {

class AccessKey;
class AccountStore;
class CredentialStore;
class Database;
class DialClient;
class DialLock;
class SandboxServer;

class DialService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialService)

public:
    enum class KeyPolicy {
        Report, // a key that cannot be read ends the dial "not sent", with the keychain's reason
        Ask,    // keyNeeded(); the dial waits for resume() or abandon()
    };

    DialService(AccountStore &accounts, CredentialStore &credentials, QObject *parent = nullptr);
    ~DialService() override;

    // Where dials are recorded and contacts looked up; null or closed: nothing is recorded, and
    // historyNotSaved() says why (unavailableReason).
    void setDatabase(Database *database, const QString &unavailableReason = {});
    // For a database opened on first use: called once, before the first dial or look-up needs the
    // database while none is set; it is expected to call setDatabase().
    void setDatabaseOpener(std::function<void()> opener) { m_openDatabase = std::move(opener); }
    // The simulator that AccountChoice::sandbox() dials; null when it is not running.
    void setSandbox(SandboxServer *sandbox) { m_sandbox = sandbox; }
    // Where the sandbox's status callbacks go (a CallbackReceiver on this computer); empty: none.
    void setSandboxNotifyUrl(const QUrl &url) { m_sandboxNotifyUrl = url; }
    SandboxServer *sandbox() const { return m_sandbox; }
    void setKeyPolicy(KeyPolicy policy) { m_keyPolicy = policy; }
    // How long a dial waits for the service's answer before its outcome is "unknown".
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // Where the per-number locks live; empty: DialLock::defaultDirectory().
    void setLockDirectory(const QString &directory) { m_lockDirectory = directory; }
    DialClient *client() const { return m_client; }

    // Starts one dial and returns its id. Exactly one finished() follows for that id, later, from
    // the event loop (after keyNeeded(), once the key question is answered).
    quint64 dial(const DialTarget &target, const AccountChoice &choice);
    // After keyNeeded(): the key has been stored (or kept for the session); read it and go on.
    void resume(quint64 id);
    // After keyNeeded(): the user gave no key. The dial ends "not sent".
    void abandon(quint64 id);

    // Whether a dial of this number (API form) is open in this process. (A dial started meanwhile
    // by another process is found when this one tries: dial() refuses it then.)
    bool isInFlight(const QString &apiForm) const { return m_inFlight.contains(apiForm); }
    int inFlightCount() const { return int(m_inFlight.size()); }
    // The newest dial sent to number, when its outcome was unknown and it started at most
    // withinSecs ago: a redial may place a second call.
    std::optional<CallRecord> recentUnknownOutcome(const PhoneNumber &number, int withinSecs) const;

Q_SIGNALS:
    // The request left for the service: from here on the call may be placed.
    void started(quint64 id, const onedial::DialTarget &target);
    void finished(quint64 id, const onedial::DialOutcome &outcome, const onedial::DialTarget &target);
    void keyNeeded(quint64 id, const QString &accountName, const onedial::DialTarget &target,
                   const QString &why);
    void historyAdded(const onedial::CallRecord &record);
    void historyNotSaved(const QString &why);
    void inFlightChanged();

private:
    struct Dial;
    Dial *find(quint64 id) const;
    // Resolves the account; on failure returns the outcome that explains why nothing was sent.
    std::optional<DialOutcome> resolveAccount(Dial &dial, const AccountChoice &choice) const;
    void readKey(quint64 id);
    void send(Dial &dial, const AccessKey &key);
    void finishNotSent(quint64 id, const char *error, const QString &message);
    void complete(quint64 id, const DialOutcome &outcome);
    void record(const Dial &dial, const DialOutcome &outcome);

    AccountStore &m_accounts;
    CredentialStore &m_credentials;
    DialClient *m_client;
    SandboxServer *m_sandbox = nullptr;
    QUrl m_sandboxNotifyUrl;
    // The database when it is open, after the opener if one is waiting; null otherwise.
    Database *openDatabase() const;

    Database *m_database = nullptr;
    mutable std::function<void()> m_openDatabase;
    QString m_databaseUnavailable;
    KeyPolicy m_keyPolicy = KeyPolicy::Report;
    int m_timeoutMs;
    QString m_lockDirectory;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Dial>> m_dials;
    QHash<quint64, quint64> m_byClientId; // the dial client's id -> the dial's
    QSet<QString> m_inFlight;             // API forms held by dials of this process
};

} // namespace onedial
