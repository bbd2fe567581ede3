// Follows a gateway account's calls live: one GET /api/v1/events kept open to the team's gateway
// (docs/gateway-api.md), read as Server-Sent Events, each event a step of one of the member's
// calls as OneNET reported it. A dropped or silent connection is opened again by itself, after a
// pause that grows (1 s, 2 s, 4 s … up to a minute) so that a gateway being restarted is not
// hammered, and it resumes from the last event received (Last-Event-ID): nothing is missed and
// nothing comes twice. A refused token stops it (trying again would only count as failed logins
// at the gateway, which locks out the office's address); start() again with a new token.
#pragma once

#include "CallStatusReport.h"
#include "EventStreamParser.h"
#include "accounts/AccessKey.h"
#include "accounts/Account.h"

#include <QDateTime>
#include <QObject>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace onedial {

class GatewayEventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayEventStream)

public:
    struct CallEvent
    {
        qint64 eventId = 0;
        qint64 dialId = 0;
        QString callId;
        QString callee; // API form
        CallProgress progress = CallProgress::CallingCaller;
        QString reason;
        std::optional<qint64> durationSecs;
        QString reportDate;
        QDateTime time; // when the gateway received it (UTC)
    };
    enum class State {
        Stopped,
        Connecting,
        Open,
        Waiting, // to connect again after a pause
        Refused, // the gateway refused the token or the member: stopped
    };

    static constexpr int kMinPauseMs = 1000;
    static constexpr int kMaxPauseMs = 60000;
    // The gateway sends a comment at least every 25 s: this long without a byte is a dead link.
    static constexpr int kSilenceMs = 75000;
    static constexpr qint64 kMaxErrorBodyBytes = 16 * 1024;

    // The account's gateway address is read once; a changed account needs a new stream.
    GatewayEventStream(const Account &account, QObject *parent = nullptr);
    ~GatewayEventStream() override;

    // Opens the stream with the member's token, resuming after lastEventId (0: only what comes
    // from now on). The token is kept in memory while the stream runs.
    void start(const AccessKey &token, qint64 lastEventId = 0);
    void stop();

    State state() const { return m_state; }
    QString accountName() const { return m_account.name; }
    qint64 lastEventId() const { return m_lastEventId; }
    // Why the stream is refused or waiting, in words (translated), or empty.
    QString problem() const { return m_problem; }

    // Tests make the pauses and the silence short.
    void setPauses(int minMs, int maxMs);
    void setSilenceMs(int ms);

    // One event's data (the gateway's JSON), or nothing when it is not a call event OneDial can use.
    static std::optional<CallEvent> readEvent(const QByteArray &data);

Q_SIGNALS:
    void callEvent(const onedial::GatewayEventStream::CallEvent &event);
    void stateChanged(onedial::GatewayEventStream::State state);

private:
    void connectNow();
    void onHeaders();
    void onData();
    void onFinished();
    void waitAndRetry(const QString &problem, int atLeastMs = 0);
    void setState(State state);
    void dropReply();

    Account m_account;
    AccessKey m_token;
    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    QTimer *m_retryTimer;
    QTimer *m_silenceTimer;
    EventStreamParser m_parser;
    State m_state = State::Stopped;
    QString m_problem;
    qint64 m_lastEventId = 0;
    int m_failures = 0;
    int m_minPauseMs = kMinPauseMs;
    int m_maxPauseMs = kMaxPauseMs;
    bool m_accepted = false; // this connection's answer was a stream
};

} // namespace onedial
