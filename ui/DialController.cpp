#include "DialController.h"

#include "accounts/AccountStore.h"
#include "dial/DialService.h"
#include "history/HistoryStore.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"

#include <QSet>

namespace onedial {

// A real account's name cannot start with a control character, so these never collide.
const QString DialController::kSandboxV1 = QStringLiteral("\x01sandbox-v1");
const QString DialController::kSandboxV2 = QStringLiteral("\x01sandbox-v2");

DialController::DialController(AppServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    DialService *service = dialer();
    // The window can ask for a missing key; the dial waits for the answer.
    service->setKeyPolicy(DialService::KeyPolicy::Ask);
    connect(service, &DialService::started, this, &DialController::dialStarted);
    connect(service, &DialService::finished, this, &DialController::dialFinished);
    connect(service, &DialService::keyNeeded, this, &DialController::keyNeeded);
    connect(service, &DialService::historyAdded, this, &DialController::historyAdded);
    connect(service, &DialService::inFlightChanged, this, &DialController::inFlightChanged);
    connect(&m_services, &AppServices::sandboxStarted, this, [this] {
        m_choice = kSandboxV1;
        Q_EMIT choicesChanged();
        Q_EMIT currentChoiceChanged();
    });
    if (m_services.sandbox())
        m_choice = kSandboxV1;
    chooseDefault();
}

DialService *DialController::dialer() const
{
    return m_services.dialer();
}

AccountStore *DialController::accounts() const
{
    return m_services.accounts();
}

CredentialStore *DialController::credentials() const
{
    return m_services.credentials();
}

QList<DialController::Choice> DialController::choices() const
{
    QList<Choice> list;
    if (m_services.sandbox()) {
        list.append({kSandboxV1, tr("Sandbox, API v1 (no real calls)")});
        list.append({kSandboxV2, tr("Sandbox, API v2 (no real calls)")});
    }
    for (const Account &account : accounts()->accounts())
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
    if (m_services.sandbox() && (m_choice == kSandboxV1 || m_choice == kSandboxV2))
        return;
    const auto account = accounts()->defaultAccount();
    m_choice = account ? account->name : (m_services.sandbox() ? kSandboxV1 : QString());
    // Also when the name stays: this is called after the accounts changed, and so may readiness.
    Q_EMIT currentChoiceChanged();
}

bool DialController::isReady() const
{
    if (m_services.sandbox() && (m_choice == kSandboxV1 || m_choice == kSandboxV2))
        return true;
    const auto account = accounts()->account(m_choice);
    return account && account->validate().isEmpty();
}

AccountChoice DialController::accountChoice() const
{
    if (m_choice == kSandboxV1)
        return AccountChoice::sandbox(Api::V1);
    if (m_choice == kSandboxV2)
        return AccountChoice::sandbox(Api::V2);
    // Nothing chosen (no account at all): the service says so, as for any other way of dialling.
    return m_choice.isEmpty() ? AccountChoice::defaultAccount() : AccountChoice::named(m_choice);
}

std::optional<quint64> DialController::dial(const DialTarget &target)
{
    if (m_redialQuestion) {
        if (const auto unknown = dialer()->recentUnknownOutcome(target.number, kUnknownRedialWindowSecs)) {
            if (!m_redialQuestion(target, *unknown))
                return std::nullopt; // the user chose not to: nothing was asked of the service
        }
    }
    return dialer()->dial(target, accountChoice());
}

bool DialController::isInFlight(const PhoneNumber &number) const
{
    return number.isValid() && dialer()->isInFlight(number.apiForm());
}

void DialController::setTimeoutMs(int ms)
{
    dialer()->setTimeoutMs(ms);
}

QList<DialTarget> DialController::recentTargets(int count) const
{
    QList<DialTarget> targets;
    const HistoryStore *history = m_services.history();
    if (!history)
        return targets;
    QSet<QString> seen;
    for (const CallRecord &record : history->list({}, 200)) {
        if (record.callee.isEmpty() || record.outcome == OutcomeClass::NotSent ||
            seen.contains(record.callee))
            continue;
        seen.insert(record.callee);
        // Read from the history as it was stored (the API form), so it parses as it did then.
        targets.append({PhoneNumber::parse(record.callee), record.contactName, record.contactId});
        if (targets.size() >= count)
            break;
    }
    return targets;
}

} // namespace onedial
