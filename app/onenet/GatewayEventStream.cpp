#include "GatewayEventStream.h"

#include "GatewayReply.h"
#include "core/Log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <utility>

namespace onedial {

GatewayEventStream::GatewayEventStream(const Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_network(new QNetworkAccessManager(this))
    , m_retryTimer(new QTimer(this))
    , m_silenceTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_silenceTimer->setSingleShot(true);
    m_silenceTimer->setInterval(kSilenceMs);
    connect(m_retryTimer, &QTimer::timeout, this, &GatewayEventStream::connectNow);
    connect(m_silenceTimer, &QTimer::timeout, this, [this] {
        dropReply();
        waitAndRetry(tr("The gateway sent nothing for %1 seconds.").arg(m_silenceTimer->interval() / 1000));
    });
}

GatewayEventStream::~GatewayEventStream()
{
    dropReply();
}

void GatewayEventStream::setPauses(int minMs, int maxMs)
{
    m_minPauseMs = minMs;
    m_maxPauseMs = maxMs;
}

void GatewayEventStream::setSilenceMs(int ms)
{
    m_silenceTimer->setInterval(ms);
}

void GatewayEventStream::start(const AccessKey &token, qint64 lastEventId)
{
    stop();
    m_token = token;
    m_lastEventId = lastEventId;
    m_failures = 0;
    m_problem.clear();
    connectNow();
}

void GatewayEventStream::stop()
{
    m_retryTimer->stop();
    dropReply();
    m_token = AccessKey();
    setState(State::Stopped);
}

void GatewayEventStream::dropReply()
{
    m_silenceTimer->stop();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void GatewayEventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void GatewayEventStream::connectNow()
{
    dropReply();
    QNetworkRequest request(m_account.gatewayUrl(QStringLiteral("/api/v1/events")));
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-store");
    request.setRawHeader("Authorization", "Bearer " + m_token.base64Text());
    if (m_lastEventId > 0)
        request.setRawHeader("Last-Event-ID", QByteArray::number(m_lastEventId));
    // The token goes to the gateway the user named and nowhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(0); // the silence timer decides
    m_parser.restart();
    m_parser.setLastEventId(m_lastEventId > 0 ? QString::number(m_lastEventId) : QString());
    m_accepted = false;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &GatewayEventStream::onHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &GatewayEventStream::onData);
    connect(m_reply, &QNetworkReply::finished, this, &GatewayEventStream::onFinished);
    m_silenceTimer->start();
    setState(State::Connecting);
}

void GatewayEventStream::onHeaders()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (status == 200 && type.startsWith("text/event-stream")) {
        m_accepted = true;
        m_failures = 0;
        m_problem.clear();
        setState(State::Open);
        qCInfo(lcDial).noquote() << "Following the calls of" << m_account.name << "at"
                                 << m_account.gateway.toDisplayString();
    }
}

void GatewayEventStream::onData()
{
    m_silenceTimer->start();
    if (!m_accepted) {
        // An error's JSON body, read whole when the reply finishes; more is not the gateway's.
        if (m_reply->bytesAvailable() > kMaxErrorBodyBytes) {
            dropReply();
            waitAndRetry(tr("The gateway's answer was not an event stream."));
        }
        return;
    }
    const QList<EventStreamParser::Event> events = m_parser.feed(m_reply->readAll());
    for (const EventStreamParser::Event &event : events) {
        if (event.type != QLatin1String("call"))
            continue;
        const std::optional<CallEvent> call = readEvent(event.data);
        if (!call) {
            qCWarning(lcDial) << "an event from the gateway that is not a call's step; skipped";
            continue;
        }
        m_lastEventId = qMax(m_lastEventId, call->eventId);
        Q_EMIT callEvent(*call);
        if (!m_reply)
            return; // a receiver stopped the stream
    }
    if (m_parser.failed()) {
        dropReply();
        waitAndRetry(tr("The gateway sent a line too long for an event stream."));
    }
}

void GatewayEventStream::onFinished()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->deleteLater();
    reply->disconnect(this);
    m_silenceTimer->stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_accepted) {
        waitAndRetry(tr("The gateway closed the connection."));
        return;
    }
    const QByteArray body = reply->read(kMaxErrorBodyBytes);
    const QString error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
    bool hasRetry = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&hasRetry);
    if (status == 401 || status == 403) {
        m_problem = error.isEmpty() ? tr("The gateway refused the token (HTTP %1).").arg(status)
                                    : GatewayReply::messageForError(error, -1);
        m_token = AccessKey();
        qCWarning(lcDial).noquote() << "The gateway refused to stream the calls of" << m_account.name
                                    << "(HTTP" << status << error << "); not trying again";
        setState(State::Refused);
        return;
    }
    if (status == 0) {
        waitAndRetry(tr("Could not reach the gateway: %1").arg(reply->errorString()));
        return;
    }
    const QString why = error.isEmpty() ? tr("The gateway answered HTTP %1.").arg(status)
                                        : GatewayReply::messageForError(error, hasRetry ? retryAfter : -1);
    waitAndRetry(why, hasRetry ? qBound(0, retryAfter, 3600) * 1000 : 0);
}

void GatewayEventStream::waitAndRetry(const QString &problem, int atLeastMs)
{
    m_problem = problem;
    // 1 s, 2 s, 4 s … up to the cap, each a little uneven so that many desktops whose gateway
    // restarted do not all come back in the same instant.
    const int exponent = qMin(m_failures, 16);
    ++m_failures;
    const qint64 base = qMin<qint64>(m_maxPauseMs, qint64(m_minPauseMs) << exponent);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int pause = qMax(atLeastMs, int(double(base) * jitter));
    qCInfo(lcDial).noquote() << "Calls of" << m_account.name << ":" << problem << "- connecting again in"
                             << pause << "ms";
    setState(State::Waiting);
    m_retryTimer->start(pause);
}

std::optional<GatewayEventStream::CallEvent> GatewayEventStream::readEvent(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    CallEvent event;
    event.eventId = qint64(object.value(QLatin1String("event_id")).toDouble());
    event.dialId = qint64(object.value(QLatin1String("dial_id")).toDouble());
    event.callId =
        object.value(QLatin1String("call_id")).toString().left(CallStatusReport::kMaxFieldLength * 2);
    event.callee = object.value(QLatin1String("callee")).toString().left(CallStatusReport::kMaxFieldLength);
    const std::optional<CallProgress> progress =
        callProgressFromName(object.value(QLatin1String("status")).toString());
    if (event.eventId <= 0 || event.callId.isEmpty() || !progress)
        return std::nullopt;
    event.progress = *progress;
    event.reason = object.value(QLatin1String("reason")).toString().left(CallStatusReport::kMaxFieldLength);
    const QJsonValue duration = object.value(QLatin1String("call_duration"));
    if (duration.isDouble() && duration.toDouble() >= 0)
        event.durationSecs = qint64(duration.toDouble());
    event.reportDate = object.value(QLatin1String("report_date")).toString().left(14);
    event.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    return event;
}

} // namespace onedial
