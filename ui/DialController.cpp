#include "DialController.h"

#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "phone/PhoneNumber.h"

#include <QDateTime>
#include <QFile>
#include <QSet>

namespace onedial {

// A real account's name cannot start with a control character, so these never collide.
const QString DialController::kSandboxV1 = QStringLiteral("\x01sandbox-v1");
const QString DialController::kSandboxV2 = QStringLiteral("\x01sandbox-v2");

DialController::DialController(bool sandbox, QObject *parent)
    : QObject(parent)
    , m_accounts(std::make_unique<AccountStore>())
    , m_credentials(new CredentialStore(this))
    , m_client(new DialClient(this))
{
    openDatabase(Database::defaultPath());
    if (sandbox)
        startSandbox();
    chooseDefault();

    connect(m_client, &DialClient::requestSent, this, [this](quint64 id, const QString &) {
        Q_EMIT dialStarted(id, m_pending.value(id).target);
        Q_EMIT inFlightChanged();
    });
    connect(m_client, &DialClient::finished, this, [this](quint64 id, const DialOutcome &outcome) {
        const Pending pending = m_pending.take(id);
        record(outcome, pending.accountName, pending.target);
        Q_EMIT dialFinished(id, outcome, pending.target);
        Q_EMIT inFlightChanged();
    });
}

DialController::~DialController() = default;

StorageResult DialController::setDatabaseAside(QString *setAsidePath)
{
    const QString path = m_database->path();
    m_history.reset();
    m_contacts.reset();
    m_database->close();
    const QString aside = path + QStringLiteral(".unusable-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    bool moved = QFile::rename(path, aside);
    for (const char *suffix : {"-wal", "-shm"}) {
        if (QFile::exists(path + QLatin1String(suffix)))
            moved = QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix)) && moved;
    }
    if (setAsidePath)
        *setAsidePath = aside;
    if (!moved) {
        m_databaseStatus.message =
            tr("The file %1 could not be renamed. Move it away yourself, then start OneDial "
               "again.")
                .arg(path);
        return m_databaseStatus;
    }
    return openDatabase(path);
}

StorageResult DialController::reopenDatabase()
{
    const QString path = m_database->path();
    m_history.reset();
    m_contacts.reset();
    m_database->close();
    return openDatabase(path);
}

StorageResult DialController::openDatabase(const QString &path)
{
    m_database = std::make_unique<Database>(path);
    m_databaseStatus = m_database->open();
    if (m_databaseStatus.ok()) {
        m_contacts = std::make_unique<ContactStore>(*m_database);
        m_history = std::make_unique<HistoryStore>(*m_database);
    }
    return m_databaseStatus;
}

void DialController::startSandbox()
{
    if (m_sandbox)
        return;
    m_sandbox = new SandboxServer(this);
    m_sandbox->listen();
    m_choice = kSandboxV1;
    Q_EMIT choicesChanged();
}

QList<DialController::Choice> DialController::choices() const
{
    QList<Choice> list;
    if (m_sandbox) {
        list.append({kSandboxV1, tr("Sandbox, API v1 (no real calls)")});
        list.append({kSandboxV2, tr("Sandbox, API v2 (no real calls)")});
    }
    for (const Account &account : m_accounts->accounts())
        list.append({account.name, account.name});
    return list;
}

QString DialController::currentChoice() const
{
    return m_choice;
}

void DialController::setCurrentChoice(const QString &id)
{
    if (id == m_choice)
        return;
    m_choice = id;
    Q_EMIT currentChoiceChanged();
}

void DialController::chooseDefault()
{
    if (m_sandbox && (m_choice == kSandboxV1 || m_choice == kSandboxV2))
        return;
    const auto account = m_accounts->defaultAccount();
    m_choice = account ? account->name : (m_sandbox ? kSandboxV1 : QString());
    // Also when the name stays: this is called after the accounts changed, and so may readiness.
    Q_EMIT currentChoiceChanged();
}

bool DialController::isReady() const
{
    if (m_sandbox && (m_choice == kSandboxV1 || m_choice == kSandboxV2))
        return true;
    const auto account = m_accounts->account(m_choice);
    return account && account->validate().isEmpty();
}

bool DialController::isInFlight(const QString &numberText) const
{
    const PhoneNumber number = PhoneNumber::parse(numberText);
    return number.isValid() && m_client->isInFlight(number.apiForm());
}

void DialController::dial(const Target &target)
{
    if (m_sandbox && (m_choice == kSandboxV1 || m_choice == kSandboxV2)) {
        const Api api = m_choice == kSandboxV1 ? Api::V1 : Api::V2;
        startRequest(m_sandbox->sandboxAccount(api), AccessKey(SandboxScenarios::key()), target);
        return;
    }
    const auto account = m_accounts->account(m_choice);
    if (!account) {
        DialOutcome outcome;
        outcome.outcome = OutcomeClass::NotSent;
        outcome.error = QLatin1String(DialError::InvalidAccount);
        outcome.callee = target.number;
        outcome.message =
            tr("No account is chosen. Add one in Accounts > Manage accounts, or try the sandbox.");
        Q_EMIT dialFinished(0, outcome, target);
        return;
    }
    // A number that cannot be dialled is reported without touching the keychain.
    if (!PhoneNumber::parse(target.number).isValid()) {
        startRequest(*account, AccessKey(), target);
        return;
    }
    m_credentials->readKey(account->name, this,
                           [this, account = *account, target](const CredentialStore::Result &result) {
                               if (result.ok())
                                   startRequest(account, result.key, target);
                               else
                                   Q_EMIT keyNeeded(account.name, target, result.message);
                           });
}

void DialController::startRequest(const Account &account, const AccessKey &key, const Target &target)
{
    const quint64 id = m_client->dial(account, key, target.number, m_timeoutMs);
    m_pending.insert(id, {target, account.name});
}

void DialController::record(const DialOutcome &outcome, const QString &accountName, const Target &target)
{
    if (!m_history)
        return;
    CallRecord record = CallRecord::fromOutcome(outcome, accountName, QDateTime::currentDateTimeUtc());
    record.contactId = target.contactId;
    record.contactName = target.who;
    if (record.contactName.isEmpty() && m_contacts) {
        const PhoneNumber number = PhoneNumber::parse(target.number);
        if (number.isValid()) {
            if (const auto contact = m_contacts->findByNumber(number.apiForm())) {
                record.contactId = contact->id;
                record.contactName = contact->name;
            }
        }
    }
    if (m_history->add(record).ok())
        Q_EMIT historyAdded(record);
}

QList<DialController::Target> DialController::recentTargets(int count) const
{
    QList<Target> targets;
    if (!m_history)
        return targets;
    QSet<QString> seen;
    for (const CallRecord &record : m_history->list({}, 200)) {
        if (record.callee.isEmpty() || record.outcome == OutcomeClass::NotSent ||
            seen.contains(record.callee))
            continue;
        seen.insert(record.callee);
        targets.append({record.callee, record.contactName, record.contactId});
        if (targets.size() >= count)
            break;
    }
    return targets;
}

} // namespace onedial
