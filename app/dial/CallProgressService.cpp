#include "CallProgressService.h"

#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "core/Log.h"
#include "history/HistoryStore.h"
#include "onenet/CallbackReceiver.h"

#include <QPointer>
#include <QSettings>
#include <QUrl>

#include <limits>

namespace onedial {

CallProgressService::CallProgressService(AccountStore *accounts, CredentialStore *credentials,
                                         HistoryStore *history, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_history(history)
{}

CallProgressService::~CallProgressService() = default;

QString CallProgressService::lastEventKey(const QString &accountName)
{
    // Account names are free text: percent-encoded, so that a "/" makes no settings group.
    return QStringLiteral("callProgress/") + QString::fromLatin1(QUrl::toPercentEncoding(accountName)) +
           QStringLiteral("/lastEvent");
}

GatewayEventStream *CallProgressService::stream(const QString &accountName) const
{
    const auto found = m_streams.find(accountName);
    return found == m_streams.end() ? nullptr : found->second.stream.get();
}

void CallProgressService::stopAll()
{
    m_streams.clear();
}

void CallProgressService::sync()
{
    const QList<Account> accounts = m_accounts->accounts();
    // Gone, no longer a gateway account, or another gateway: closed.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        const auto account = m_accounts->account(it->first);
        if (!account || !account->isGateway() || account->gateway != it->second.gateway)
            it = m_streams.erase(it);
        else
            ++it;
    }
    for (const Account &account : accounts) {
        if (!account.isGateway() || m_streams.count(account.name) > 0)
            continue;
        auto stream = std::make_unique<GatewayEventStream>(account);
        GatewayEventStream *raw = stream.get();
        const QString name = account.name;
        connect(raw, &GatewayEventStream::callEvent, this,
                [this, name](const GatewayEventStream::CallEvent &event) { onEvent(name, event); });
        m_streams[name] = Followed{account.gateway, std::move(stream)};
        // The token from the keychain; a stream whose account was removed meanwhile is not started.
        const QPointer<GatewayEventStream> guard(raw);
        m_credentials->readKey(name, this, [this, guard, name](const CredentialStore::Result &result) {
            if (!guard)
                return;
            if (!result.ok()) {
                qCInfo(lcDial).noquote()
                    << "No token to follow the calls of" << name << "-" << result.message;
                return;
            }
            const qint64 lastEvent = QSettings().value(lastEventKey(name), 0).toLongLong();
            guard->start(result.key, lastEvent);
        });
    }
}

void CallProgressService::follow(CallbackReceiver *receiver, const QString &accountName)
{
    connect(receiver, &CallbackReceiver::reported, this, [this, accountName](const CallStatusReport &report) {
        // The gateway keeps each call moving forward; for a receiver of its own the desktop does.
        const auto reached = m_reached.constFind(report.callId);
        if (reached != m_reached.cend() && *reached >= report.progress)
            return;
        m_reached.insert(report.callId, report.progress);
        GatewayEventStream::CallEvent event;
        event.callId = report.callId;
        event.callee = report.callee;
        event.progress = report.progress;
        event.reason = report.reason;
        event.durationSecs = report.callDuration;
        event.reportDate = report.reportDate;
        event.time = QDateTime::currentDateTimeUtc();
        onEvent(accountName, event);
    });
}

RecordedProgress CallProgressService::recorded(const GatewayEventStream::CallEvent &event)
{
    RecordedProgress progress;
    progress.status = callProgressName(event.progress);
    progress.reason = event.reason;
    if (event.durationSecs)
        progress.durationS = int(qMin<qint64>(*event.durationSecs, std::numeric_limits<int>::max()));
    progress.updatedAt = event.time.isValid() ? event.time.toUTC() : QDateTime::currentDateTimeUtc();
    return progress;
}

void CallProgressService::onEvent(const QString &accountName, const GatewayEventStream::CallEvent &event)
{
    if (m_history) {
        const StorageResult stored = m_history->updateProgress(event.callId, recorded(event));
        if (!stored.ok())
            qCWarning(lcDial).noquote()
                << "The call's progress was not kept in the history:" << stored.message;
    }
    if (event.eventId > 0)
        QSettings().setValue(lastEventKey(accountName), event.eventId);
    Q_EMIT progressed({accountName, event});
}

} // namespace onedial
