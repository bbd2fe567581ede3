// Sends click-to-dial requests, to OneNET or to a team's gateway, and reports exactly one outcome
// for each. Never retries: a second request could place a second real, billed call.
#pragma once

#include "DialOutcome.h"
#include "DialRequest.h"
#include "accounts/AccessKey.h"
#include "accounts/Account.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace onedial {

class DialClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialClient)

public:
    static constexpr int kDefaultTimeoutMs = 15000;
    static constexpr qsizetype kMaxReplyBytes = 64 * 1024;
    // A server clock further off than this from ours is worth mentioning when a token is refused.
    static constexpr qint64 kClockSkewHintSecs = 300;

    explicit DialClient(QObject *parent = nullptr);
    ~DialClient() override;

    // The clock that sets each token's expiry (Unix seconds); tests replace it.
    void setClock(std::function<qint64()> nowSecs);

    // Starts one dial and returns its id. finished() is always emitted for that id exactly once,
    // later, from the event loop, even when nothing is sent. key is the account's secret: its
    // OneNET access key, or for a gateway account the member's token. A dial of a callee already
    // being dialled in the same inFlightScope sends nothing; the desktop has one scope (the
    // default), a server dialling for several people gives each person's their own.
    quint64 dial(const Account &account, const AccessKey &key, const PhoneNumber &callee,
                 int timeoutMs = kDefaultTimeoutMs, const QString &inFlightScope = {});

    bool isInFlight(const QString &calleeApiForm, const QString &inFlightScope = {}) const
    {
        return m_inFlight.contains(inFlightKey(inFlightScope, calleeApiForm));
    }
    int inFlightCount() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    // The request left for the service (the call may be placed from here on).
    void requestSent(quint64 id, const QString &callee);
    void finished(quint64 id, const onedial::DialOutcome &outcome);

private:
    static QString sentences(const QString &first, const QString &second);
    static QString inFlightKey(const QString &scope, const QString &callee)
    {
        // A callee has no line break, so the last one splits any key back into its two parts.
        return scope + QLatin1Char('\n') + callee;
    }
    struct Pending;
    void finishLater(quint64 id, const DialOutcome &outcome);
    void onReadyRead(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply);
    DialOutcome outcomeFor(QNetworkReply *reply, const Pending &pending) const;

    QNetworkAccessManager *m_network;
    std::function<qint64()> m_now;
    quint64 m_nextId = 1;
    QSet<QString> m_inFlight;
    QHash<QNetworkReply *, Pending *> m_pending;
};

} // namespace onedial
