// The open event streams of GET /api/v1/events: each member's live view of their calls'
// progress, as Server-Sent Events (docs/gateway-api.md).
//
// A stream that resumes (Last-Event-ID) is first given the member's stored events after that id,
// read from the store a page at a time and only as fast as its reader takes them; from then on,
// each event as it is stored. The store is the only source: news of an event (publish() where
// this process applied a callback, wake() when another instance announces one of the member's)
// makes each of the member's streams read what is stored after the last event it sent. So an
// event stored by any instance reaches every stream once and in order, and an announcement that
// never arrived (the database was away) is made up by wakeAll() when it is back. Between events
// a stream costs its connection, a timer for its keep-alive comment, and no work. The
// member is looked up again before each event and each keep-alive, so a disabled or removed
// member, or a replaced token, ends the member's streams.
#pragma once

#include "GatewayStore.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <unordered_map>

namespace onedial::gateway {

class Metrics;

class EventStreams final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStreams)

public:
    // A stream with nothing to say for this long says a comment line, so that proxies and NAT
    // boxes on the way do not take it for dead.
    static constexpr int kDefaultKeepAliveMs = 25000;
    // What a client waits before it reconnects (the stream's first line).
    static constexpr int kRetryMs = 5000;
    static constexpr int kDefaultMaxPerMember = 8;
    static constexpr int kDefaultMaxStreams = 10000;
    // Events read and written at once while catching up, before waiting for the reader.
    static constexpr int kCatchUpPage = 100;

    // The store and the metrics must outlive the streams.
    EventStreams(GatewayStore *store, Metrics *metrics, QObject *parent = nullptr);
    ~EventStreams() override;

    // For streams opened after the call.
    void setKeepAliveMs(int ms) { m_keepAliveMs = qMax(1, ms); }
    int keepAliveMs() const { return m_keepAliveMs; }
    void setLimits(int perMember, int total);

    // Starts a stream for a member the request authenticated: with resumeAfter (the last event id
    // the client saw), the member's stored events after it come first; without, only what is
    // stored from now on. Answers 429 too_many_streams when the member has their most streams
    // open, 503 unavailable when the gateway has.
    void open(const User &member, std::optional<qint64> resumeAfter, const http::Responder &responder);

    // An event this process just stored: its member's streams read it (and anything before it
    // they have not sent) from the store.
    void publish(const CallEvent &event);
    // The member has events stored by another instance.
    void wake(const QString &member);
    // Every stream reads what it may have missed (after the database was away).
    void wakeAll();

    int count() const { return int(m_streams.size()); }
    int countFor(const QString &member) const { return int(m_byMember.value(member).size()); }

    // An event as one Server-Sent Event: its id, "event: call" and its JSON on one data line.
    static QByteArray frame(const CallEvent &event);

protected:
    // A stream's keep-alive time has come.
    void timerEvent(QTimerEvent *event) override;

private:
    struct Stream;
    Stream *find(quint64 id) const;
    // Writes to a stream; false (and the stream forgotten) when its client has gone or fell behind.
    bool write(Stream *stream, const QByteArray &bytes);
    void catchUp(quint64 id);
    // One timer of the gateway's event loop per stream (no object of its own), started again
    // after each keep-alive.
    void armKeepAlive(Stream *stream, int ms);
    void keepAlive(Stream *stream);
    // Whether the member may still have the stream: present, enabled, and the same token.
    bool stillAllowed(const Stream &stream, const std::optional<User> &member) const;
    std::optional<User> lookUp(const QString &name, bool *ok) const;
    void close(Stream *stream, const char *why);
    void forget(quint64 id);

    GatewayStore *m_store;
    Metrics *m_metrics;
    int m_keepAliveMs = kDefaultKeepAliveMs;
    int m_maxPerMember = kDefaultMaxPerMember;
    int m_maxStreams = kDefaultMaxStreams;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, std::unique_ptr<Stream>> m_streams;
    QHash<QString, QList<quint64>> m_byMember;
    QHash<int, quint64> m_byTimer; // keep-alive timer id → stream id
};

} // namespace onedial::gateway
