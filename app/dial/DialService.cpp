#include "DialService.h"

#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "contacts/ContactStore.h"
#include "core/Log.h"
#include "history/HistoryStore.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "platform/DialLock.h"
#include "storage/Database.h"

#include <QTimer>

namespace onedial {

struct DialService::Dial
{
    quint64 id = 0;
    DialTarget target;
    QDateTime askedAt; // UTC: the history's time for this dial, whichever way it ends
    Account account;   // resolved; name only when resolving failed
    bool sandbox = false;
    bool holdsNumber = false;
    std::unique_ptr<DialLock> lock;
};

DialService::DialService(AccountStore &accounts, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_client(new DialClient(this))
    , m_timeoutMs(DialClient::kDefaultTimeoutMs)
{
    connect(m_client, &DialClient::requestSent, this, [this](quint64 clientId, const QString &) {
        if (const Dial *dial = find(m_byClientId.value(clientId)))
            Q_EMIT started(dial->id, dial->target);
    });
    connect(m_client, &DialClient::finished, this, [this](quint64 clientId, const DialOutcome &outcome) {
        complete(m_byClientId.take(clientId), outcome);
    });
}

DialService::~DialService() = default;

void DialService::setDatabase(Database *database, const QString &unavailableReason)
{
    m_database = database;
    m_databaseUnavailable = unavailableReason;
}

Database *DialService::openDatabase() const
{
    if (!m_database && m_openDatabase)
        std::exchange(m_openDatabase, {})();
    return m_database && m_database->isOpen() ? m_database : nullptr;
}

DialService::Dial *DialService::find(quint64 id) const
{
    const auto it = m_dials.find(id);
    return it == m_dials.end() ? nullptr : it->second.get();
}

quint64 DialService::dial(const DialTarget &target, const AccountChoice &choice)
{
    const quint64 id = m_nextId++;
    auto owned = std::make_unique<Dial>();
    Dial &dial = *owned;
    dial.id = id;
    dial.target = target;
    dial.askedAt = QDateTime::currentDateTimeUtc();
    m_dials.emplace(id, std::move(owned));

    // A number that cannot be dialled is reported before anything else is touched.
    if (!target.number.isValid()) {
        finishNotSent(id, DialError::InvalidNumber, target.number.problemText());
        return id;
    }
    // A typed number that belongs to a contact is that contact's call everywhere it is shown:
    // the status panel, the notification and the history.
    if (Database *database = openDatabase(); dial.target.who.isEmpty() && database) {
        if (const auto contact = ContactStore(*database).findByNumber(target.number.apiForm())) {
            dial.target.contactId = contact->id;
            dial.target.who = contact->name;
        }
    }
    if (const auto problem = resolveAccount(dial, choice)) {
        QTimer::singleShot(0, this, [this, id, outcome = *problem] { complete(id, outcome); });
        return id;
    }

    // One dial of a number at a time, for this user, in whichever process: the second one sends
    // nothing. Held until the outcome, through a key question if there is one.
    const QString apiForm = target.number.apiForm();
    bool busy = m_inFlight.contains(apiForm);
    if (!busy) {
        dial.lock = std::make_unique<DialLock>(apiForm, m_lockDirectory);
        busy = dial.lock->acquire() == DialLock::State::Busy;
        // Unavailable: no private folder for locks. This process still never dials a number twice.
    }
    if (busy) {
        dial.lock.reset();
        finishNotSent(id, DialError::AlreadyInFlight,
                      tr("%1 is already being dialled. Wait for its outcome before dialling again.")
                          .arg(target.number.displayForm()));
        return id;
    }
    dial.holdsNumber = true;
    m_inFlight.insert(apiForm);
    Q_EMIT inFlightChanged();

    if (dial.sandbox) {
        send(dial, AccessKey(SandboxScenarios::key()));
        return id;
    }
    readKey(id);
    return id;
}

std::optional<DialOutcome> DialService::resolveAccount(Dial &dial, const AccountChoice &choice) const
{
    const auto notSent = [&dial](const char *error, const QString &message) {
        DialOutcome outcome;
        outcome.outcome = OutcomeClass::NotSent;
        outcome.api = dial.account.api;
        outcome.callee = dial.target.number.apiForm();
        outcome.error = QLatin1String(error);
        outcome.message = message;
        return outcome;
    };

    if (choice.isSandbox()) {
        dial.account.name = QStringLiteral("sandbox");
        dial.account.api = choice.api;
        if (!m_sandbox) {
            return notSent(DialError::InvalidAccount,
                           tr("The sandbox is not running. Start OneDial with --sandbox to try it."));
        }
        dial.account = m_sandbox->sandboxAccount(choice.api);
        dial.account.notifyUrl = m_sandboxNotifyUrl;
        dial.sandbox = true;
        return std::nullopt;
    }

    dial.account.name = choice.name;
    if (!m_accounts.isReadable()) {
        return notSent(DialError::InvalidAccount,
                       tr("The settings file %1 cannot be read. Fix or move it, then add the account again.")
                           .arg(m_accounts.path()));
    }
    const std::optional<Account> account = choice.kind == AccountChoice::Kind::Named
                                               ? m_accounts.account(choice.name)
                                               : m_accounts.defaultAccount();
    if (!account) {
        if (choice.kind == AccountChoice::Kind::Named)
            return notSent(DialError::InvalidAccount,
                           tr("There is no account named \"%1\".").arg(choice.name));
        if (m_accounts.accounts().isEmpty()) {
            return notSent(DialError::InvalidAccount,
                           tr("No account is set up. Add one in Accounts > Manage accounts, or with: onedial "
                              "account add NAME --api v1 --appid ID --sponsor NUMBER --caller NUMBER. To try "
                              "OneDial without an account: onedial --sandbox"));
        }
        return notSent(DialError::InvalidAccount,
                       tr("Several accounts are set up and none is the default. Choose one, or make one the "
                          "default (Accounts > Manage accounts, or: onedial account default NAME)."));
    }
    dial.account = *account;
    if (const QStringList problems = account->validate(); !problems.isEmpty()) {
        return notSent(
            DialError::InvalidAccount,
            tr("The account \"%1\" cannot dial yet: %2").arg(account->name, problems.join(QLatin1Char(' '))));
    }
    return std::nullopt;
}

void DialService::readKey(quint64 id)
{
    const Dial *dial = find(id);
    if (!dial)
        return;
    // Read for this dial only, and dropped (wiped) once the request is signed.
    m_credentials.readKey(dial->account.name, this, [this, id](const CredentialStore::Result &result) {
        Dial *waiting = find(id);
        if (!waiting)
            return;
        if (result.ok()) {
            send(*waiting, result.key);
            return;
        }
        QString why = result.message;
        if (result.status == CredentialStore::Status::NotFound && waiting->account.isGateway()) {
            why = tr("No gateway token is stored for the account \"%1\". Enter the token your administrator "
                     "gave you in the account settings (or with: onedial account add %1 --gateway URL).")
                      .arg(waiting->account.name);
        }
        if (m_keyPolicy == KeyPolicy::Ask) {
            Q_EMIT keyNeeded(id, waiting->account.name, waiting->target, why);
            return;
        }
        finishNotSent(id, DialError::Keychain, why);
    });
}

void DialService::resume(quint64 id)
{
    readKey(id);
}

void DialService::abandon(quint64 id)
{
    if (const Dial *dial = find(id)) {
        finishNotSent(
            id, DialError::Keychain,
            tr("No access key was entered for \"%1\". No call was placed.").arg(dial->account.name));
    }
}

void DialService::send(Dial &dial, const AccessKey &key)
{
    const quint64 clientId = m_client->dial(dial.account, key, dial.target.number, m_timeoutMs);
    m_byClientId.insert(clientId, dial.id);
}

void DialService::finishNotSent(quint64 id, const char *error, const QString &message)
{
    const Dial *dial = find(id);
    if (!dial)
        return;
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::NotSent;
    outcome.api = dial->account.api;
    outcome.callee =
        dial->target.number.isValid() ? dial->target.number.apiForm() : dial->target.number.shown();
    outcome.error = QLatin1String(error);
    outcome.message = message;
    // Always from the event loop, as the dial client does: the caller has its id first.
    QTimer::singleShot(0, this, [this, id, outcome] { complete(id, outcome); });
}

void DialService::complete(quint64 id, const DialOutcome &outcome)
{
    const auto it = m_dials.find(id);
    if (it == m_dials.end())
        return;
    const std::unique_ptr<Dial> dial = std::move(it->second);
    m_dials.erase(it);
    record(*dial, outcome);
    if (dial->holdsNumber) {
        m_inFlight.remove(dial->target.number.apiForm());
        // ~DialLock releases the number for the other processes.
    }
    Q_EMIT finished(id, outcome, dial->target);
    if (dial->holdsNumber)
        Q_EMIT inFlightChanged();
}

void DialService::record(const Dial &dial, const DialOutcome &outcome)
{
    Database *database = openDatabase();
    if (!database) {
        Q_EMIT historyNotSaved(m_databaseUnavailable.isEmpty()
                                   ? tr("The contacts and history database is not open.")
                                   : m_databaseUnavailable);
        return;
    }
    CallRecord record = CallRecord::fromOutcome(outcome, dial.account.name, dial.askedAt);
    record.contactId = dial.target.contactId;
    record.contactName = dial.target.who;
    const StorageResult saved = HistoryStore(*database).add(record);
    if (saved.ok())
        Q_EMIT historyAdded(record);
    else
        Q_EMIT historyNotSaved(saved.message);
}

std::optional<CallRecord> DialService::recentUnknownOutcome(const PhoneNumber &number, int withinSecs) const
{
    Database *database = number.isValid() ? openDatabase() : nullptr;
    if (!database)
        return std::nullopt;
    std::optional<CallRecord> latest = HistoryStore(*database).latestSentTo(number.apiForm());
    if (!latest || latest->outcome != OutcomeClass::Unknown)
        return std::nullopt;
    const qint64 age = latest->time.secsTo(QDateTime::currentDateTimeUtc());
    if (age < 0 || age > withinSecs)
        return std::nullopt;
    return latest;
}

} // namespace onedial
