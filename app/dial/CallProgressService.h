// Follows the progress of this user's calls after OneNET accepted them, for as long as OneDial
// runs: one GatewayEventStream per gateway account (its token read from the keychain once), each
// step written into the history (HistoryStore::updateProgress) and announced to the window, the
// tray and whoever else listens. The last event seen per account is remembered in the settings,
// so that after a restart the gateway sends what happened meanwhile, and nothing twice.
#pragma once

#include "history/CallRecord.h"
#include "onenet/GatewayEventStream.h"

#include <QHash>
#include <QObject>

#include <map>
#include <memory>

namespace onedial {

class AccountStore;
class CallbackReceiver;
class CredentialStore;
class HistoryStore;

class CallProgressService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallProgressService)

public:
    struct Update
    {
        QString account;
        GatewayEventStream::CallEvent event;
    };

    // history may be null (no usable database): the updates are still announced.
    CallProgressService(AccountStore *accounts, CredentialStore *credentials, HistoryStore *history,
                        QObject *parent = nullptr);
    ~CallProgressService() override;

    // Opens a stream for every gateway account that has none, and closes those of accounts that
    // are gone or changed. Call again whenever the accounts change.
    void sync();
    // Also follows the reports a receiver on this computer takes (the sandbox's), as accountName's.
    // They may come twice or out of order: a call never moves back.
    void follow(CallbackReceiver *receiver, const QString &accountName);
    void stopAll();
    void setHistory(HistoryStore *history) { m_history = history; }

    // The stream of an account, or null (tests and the status line look at it).
    GatewayEventStream *stream(const QString &accountName) const;

    // What the history keeps of a step (HistoryStore and HistoryModel::updateProgress).
    static RecordedProgress recorded(const GatewayEventStream::CallEvent &event);

    // Where the last event id of each account is kept (settings key), for tests.
    static QString lastEventKey(const QString &accountName);

Q_SIGNALS:
    void progressed(const onedial::CallProgressService::Update &update);

private:
    void onEvent(const QString &accountName, const GatewayEventStream::CallEvent &event);

    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    HistoryStore *m_history;
    struct Followed
    {
        QUrl gateway;
        std::unique_ptr<GatewayEventStream> stream;
    };
    std::map<QString, Followed> m_streams;
    QHash<QString, CallProgress> m_reached; // the receivers' calls: how far each got
};

} // namespace onedial
