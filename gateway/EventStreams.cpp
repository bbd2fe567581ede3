#include "EventStreams.h"

#include "GatewayLog.h"
#include "Metrics.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QTimerEvent>

namespace onedial::gateway {

namespace {

using http::Header;
using http::Response;

const QByteArray kKeepAlive = QByteArrayLiteral(": keep-alive\n\n");

Header retryAfter(int seconds)
{
    return {QByteArrayLiteral("Retry-After"), QByteArray::number(seconds)};
}

} // namespace

struct EventStreams::Stream
{
    quint64 id = 0;
    QString member;
    QByteArray tokenHash; // the token the stream was opened with
    http::Responder responder;
    qint64 lastSent = 0;     // the highest event id written: nothing at or below it is sent again
    bool catchingUp = false; // reading stored events; news waits in the store meanwhile
    int keepAliveTimer = 0;
    QElapsedTimer sinceWrite;
};

EventStreams::EventStreams(GatewayStore *store, Metrics *metrics, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_metrics(metrics)
{}

EventStreams::~EventStreams() = default;

void EventStreams::setLimits(int perMember, int total)
{
    m_maxPerMember = qMax(1, perMember);
    m_maxStreams = qMax(1, total);
}

QByteArray EventStreams::frame(const CallEvent &event)
{
    // Compact JSON has no line breaks (they are escaped in strings), so it is one data line.
    return "id: " + QByteArray::number(event.id) +
           "\nevent: call\ndata: " + QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + "\n\n";
}

EventStreams::Stream *EventStreams::find(quint64 id) const
{
    const auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : it->second.get();
}

void EventStreams::open(const User &member, std::optional<qint64> resumeAfter,
                        const http::Responder &responder)
{
    // Streams whose clients went a moment ago may not have been forgotten yet: they do not count.
    const QList<quint64> ids = m_byMember.value(member.name);
    for (quint64 id : ids) {
        if (Stream *stream = find(id); stream && !stream->responder.isOpen())
            forget(id);
    }
    if (countFor(member.name) >= m_maxPerMember) {
        Response answer = Response::error(
            429, QStringLiteral("too_many_streams"),
            tr("You have %n event stream(s) open already, the most the gateway allows for one member. "
               "Close OneDial on a computer you no longer use, or wait for its stream to end.",
               nullptr, m_maxPerMember));
        answer.headers.append(retryAfter(60));
        responder.respond(answer);
        return;
    }
    if (count() >= m_maxStreams) {
        qCWarning(lcGateway) << "Event stream refused: the gateway holds" << count() << "streams, its most";
        Response answer = Response::error(
            503, QStringLiteral("unavailable"),
            tr("The gateway is holding as many event streams as it can just now. Try again in a minute."));
        answer.headers.append(retryAfter(60));
        responder.respond(answer);
        return;
    }

    qint64 startAfter = resumeAfter.value_or(0);
    if (resumeAfter) {
        // An id beyond any stored one is from another history of the database (one restored from
        // an older backup): taken as it is, the events that get its ids again would never be
        // sent. It counts as the latest instead.
        StorageResult read;
        const qint64 last = m_store->lastCallEventId(&read);
        if (read.ok() && *resumeAfter > last) {
            qCWarning(lcGateway).noquote()
                << QStringLiteral("%1 resumes after event %2, but the last stored is %3: news only")
                       .arg(member.name)
                       .arg(*resumeAfter)
                       .arg(last);
            resumeAfter = last;
        }
        startAfter = *resumeAfter;
    }
    if (!resumeAfter) {
        // News only: from the member's last stored event on. (Not the last of all members: one of
        // this member's may be about to commit with a lower id than another member's latest.)
        StorageResult read;
        const qint64 last = m_store->lastCallEventId(member.name, &read);
        if (!read.ok()) {
            Response answer =
                Response::error(503, QStringLiteral("unavailable"),
                                tr("The gateway cannot read its database just now. Try again in a moment."));
            answer.headers.append(retryAfter(5));
            responder.respond(answer);
            return;
        }
        startAfter = last;
    }
    responder.startStream(200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
                                {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
                                // nginx passes the stream on as it comes instead of buffering it.
                                {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}});
    if (!responder.isOpen())
        return; // the client went before its stream started

    const quint64 id = m_nextId++;
    auto stream = std::make_unique<Stream>();
    stream->id = id;
    stream->member = member.name;
    stream->tokenHash = member.tokenHash;
    stream->responder = responder;
    stream->lastSent = startAfter;
    stream->catchingUp = resumeAfter.has_value();
    Stream *opened = stream.get();
    m_streams.emplace(id, std::move(stream));
    m_byMember[member.name].append(id);
    responder.onClosed([self = QPointer<EventStreams>(this), id] {
        if (self)
            self->forget(id);
    });
    qCInfo(lcGateway).noquote() << "Event stream" << id << "opened for" << member.name
                                << (resumeAfter ? QStringLiteral("after event %1").arg(*resumeAfter)
                                                : QStringLiteral("(news only)"));

    if (!write(opened, "retry: " + QByteArray::number(kRetryMs) + "\n\n"))
        return;
    armKeepAlive(opened, m_keepAliveMs);
    if (opened->catchingUp)
        catchUp(id);
}

bool EventStreams::write(Stream *stream, const QByteArray &bytes)
{
    if (!stream->responder.write(bytes)) {
        qCInfo(lcGateway).noquote() << "Event stream" << stream->id << "of" << stream->member
                                    << "ended: its client went, or fell too far behind";
        forget(stream->id);
        return false;
    }
    stream->sinceWrite.start();
    return true;
}

void EventStreams::catchUp(quint64 id)
{
    Stream *stream = find(id);
    if (!stream)
        return;
    bool ok = true;
    const std::optional<User> member = lookUp(stream->member, &ok);
    if (!ok || !stillAllowed(*stream, member)) {
        close(stream, ok ? "the member's access ended" : "the database cannot be read");
        return;
    }
    StorageResult read;
    const QList<CallEvent> page = m_store->callEvents(stream->member, stream->lastSent, kCatchUpPage, &read);
    if (!read.ok()) {
        close(stream, "the database cannot be read");
        return;
    }
    if (!page.isEmpty()) {
        QByteArray bytes;
        for (const CallEvent &event : page)
            bytes += frame(event);
        if (!write(stream, bytes))
            return;
        stream->lastSent = page.constLast().id;
        m_metrics->countEventsSent(page.size());
    }
    if (page.size() < kCatchUpPage) {
        // Everything stored so far is out; what is stored from now on comes with wake().
        stream->catchingUp = false;
        return;
    }
    // The next page once the reader has taken this one: a slow reader slows the catching up
    // instead of filling the gateway's memory.
    stream->responder.onDrained([self = QPointer<EventStreams>(this), id] {
        if (self)
            self->catchUp(id);
    });
}

void EventStreams::publish(const CallEvent &event)
{
    const QList<quint64> ids = m_byMember.value(event.user);
    for (quint64 id : ids) {
        // A stream that has sent it already (it caught up past it) has nothing to read.
        if (const Stream *stream = find(id); stream && event.id > stream->lastSent) {
            wake(event.user);
            return;
        }
    }
}

void EventStreams::wake(const QString &member)
{
    // A copy: catching up may close a stream, which takes it off the member's list.
    const QList<quint64> ids = m_byMember.value(member);
    for (quint64 id : ids) {
        Stream *stream = find(id);
        // A stream catching up reads the news in its turn.
        if (!stream || stream->catchingUp)
            continue;
        stream->catchingUp = true;
        catchUp(id);
    }
}

void EventStreams::wakeAll()
{
    const QList<QString> members = m_byMember.keys();
    for (const QString &member : members)
        wake(member);
}

void EventStreams::armKeepAlive(Stream *stream, int ms)
{
    if (stream->keepAliveTimer != 0) {
        killTimer(stream->keepAliveTimer);
        m_byTimer.remove(stream->keepAliveTimer);
    }
    stream->keepAliveTimer = startTimer(ms, Qt::CoarseTimer);
    m_byTimer.insert(stream->keepAliveTimer, stream->id);
}

void EventStreams::timerEvent(QTimerEvent *event)
{
    const int timer = event->timerId();
    killTimer(timer);
    Stream *stream = find(m_byTimer.take(timer));
    if (!stream)
        return;
    stream->keepAliveTimer = 0;
    keepAlive(stream);
}

void EventStreams::keepAlive(Stream *stream)
{
    // An event went out meanwhile: the quiet time counts from it. (A coarse timer may fire a
    // little early; that is close enough.)
    const qint64 quietMs = stream->sinceWrite.elapsed();
    if (quietMs < m_keepAliveMs - m_keepAliveMs / 20) {
        armKeepAlive(stream, int(m_keepAliveMs - quietMs));
        return;
    }
    bool ok = true;
    const std::optional<User> member = lookUp(stream->member, &ok);
    if (!ok || !stillAllowed(*stream, member)) {
        close(stream, ok ? "the member's access ended" : "the database cannot be read");
        return;
    }
    if (write(stream, kKeepAlive))
        armKeepAlive(stream, m_keepAliveMs);
}

std::optional<User> EventStreams::lookUp(const QString &name, bool *ok) const
{
    StorageResult read;
    std::optional<User> member = m_store->userByName(name, &read);
    *ok = read.ok(); // a member not found is no error: the member was removed
    return member;
}

bool EventStreams::stillAllowed(const Stream &stream, const std::optional<User> &member) const
{
    return member && !member->disabled && member->tokenHash == stream.tokenHash;
}

void EventStreams::close(Stream *stream, const char *why)
{
    qCInfo(lcGateway).noquote() << "Event stream" << stream->id << "of" << stream->member << "closed:" << why;
    const http::Responder responder = stream->responder;
    forget(stream->id);
    responder.closeStream();
}

void EventStreams::forget(quint64 id)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end())
        return;
    const QString member = it->second->member;
    if (const int timer = it->second->keepAliveTimer; timer != 0) {
        killTimer(timer);
        m_byTimer.remove(timer);
    }
    m_streams.erase(it);
    auto ids = m_byMember.find(member);
    if (ids != m_byMember.end()) {
        ids->removeOne(id);
        if (ids->isEmpty())
            m_byMember.erase(ids);
    }
}

} // namespace onedial::gateway
