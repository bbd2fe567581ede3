#include "DialClient.h"

#include "GatewayReply.h"
#include "ReplyParser.h"
#include "core/Log.h"

#include <QDateTime>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <cstring>
#include <memory>

namespace onedial {

namespace {

// The request body as a device that is read once and cannot be rewound. When a connection closes
// before the answer, Qt's HTTP code rewinds the body and sends the request again on a new
// connection. With this body the rewind fails and the reply ends with ContentReSendError, so a
// dial leaves this computer at most once.
class SendOnceBody final : public QIODevice
{
public:
    SendOnceBody(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_offset);
        if (count <= 0)
            return -1;
        memcpy(data, m_data.constData() + m_offset, size_t(count));
        m_offset += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// Failures that mean the request never reached the server: nothing was sent.
bool isUnreachable(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError ||
           error == QNetworkReply::SslHandshakeFailedError;
}

// The server's Date header. HTTP servers write it as "Sun, 06 Nov 1994 08:49:37 GMT", a zone
// name that Qt's RFC 2822 parser does not accept, so it is read as the equal offset +0000.
QDateTime serverDate(const QByteArray &header)
{
    QString text = QString::fromLatin1(header).trimmed();
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(3) + QStringLiteral("+0000");
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

} // namespace

// Two sentences in a row, in the order and spacing of the user's language (Chinese has no space).
QString DialClient::sentences(const QString &first, const QString &second)
{
    return tr("%1 %2", "two sentences in a row: what happened, then what to do").arg(first, second);
}

struct DialClient::Pending
{
    quint64 id = 0;
    DialRequest request;
    QString inFlightKey;
    QByteArray body;
    QStringList tlsErrors;
    QTimer timer;
    bool timedOut = false;
    bool tooLarge = false;
};

DialClient::DialClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    m_network->setAutoDeleteReplies(false);
}

DialClient::~DialClient()
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
        delete it.value();
    }
}

void DialClient::setClock(std::function<qint64()> nowSecs)
{
    m_now = std::move(nowSecs);
}

void DialClient::finishLater(quint64 id, const DialOutcome &outcome)
{
    QTimer::singleShot(0, this, [this, id, outcome] { Q_EMIT finished(id, outcome); });
}

quint64 DialClient::dial(const Account &account, const AccessKey &key, const PhoneNumber &callee,
                         int timeoutMs, const QString &inFlightScope)
{
    const quint64 id = m_nextId++;
    auto [request, outcome] = DialRequest::build(account, callee);
    if (!request) {
        qCInfo(lcDial) << "dial" << id << "not sent:" << outcome.error;
        finishLater(id, outcome);
        return id;
    }
    const QString inFlight = inFlightKey(inFlightScope, request->callee);
    if (m_inFlight.contains(inFlight)) {
        outcome.outcome = OutcomeClass::NotSent;
        outcome.error = QLatin1String(DialError::AlreadyInFlight);
        outcome.message =
            tr("A call to %1 is already being placed. Wait for its result before dialling again.")
                .arg(request->callee);
        finishLater(id, outcome);
        return id;
    }

    std::optional<QByteArray> authorization;
    if (request->kind == AccountKind::Gateway) {
        // The token is checked before it leaves: a wrong paste would only be refused by the gateway,
        // and count as a failed attempt against this computer's address there.
        if (!key.gatewayTokenProblem().isEmpty()) {
            outcome.outcome = OutcomeClass::NotSent;
            outcome.error = QLatin1String(DialError::InvalidKey);
            outcome.message = tr("The stored token for \"%1\" is not a gateway token (odg_ and 44 more "
                                 "characters, as your administrator gave it to you). Enter the token again.")
                                  .arg(account.name);
            finishLater(id, outcome);
            return id;
        }
        authorization = QByteArrayLiteral("Bearer ") + key.base64Text();
    } else {
        request->token.et = m_now() + account.tokenLifetimeSecs;
        authorization = TokenSigner::authorization(key, request->token);
    }
    if (!authorization) {
        outcome.outcome = OutcomeClass::NotSent;
        outcome.error = QLatin1String(DialError::InvalidKey);
        outcome.message =
            tr("The stored access key for \"%1\" is not a valid OneNET key (base64 text that decodes to "
               "%2 to %3 bytes, as shown in the OneNET console). Enter the key again.")
                .arg(account.name, QString::number(AccessKey::kMinBytes),
                     QString::number(AccessKey::kMaxBytes));
        finishLater(id, outcome);
        return id;
    }

    QNetworkRequest networkRequest(request->url);
    // The gateway's API is JSON in UTF-8 by definition and takes the media type as it is.
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             request->kind == AccountKind::Gateway
                                 ? QByteArrayLiteral("application/json")
                                 : QByteArrayLiteral("application/json;charset=utf-8"));
    networkRequest.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    networkRequest.setRawHeader(QByteArrayLiteral("Authorization"), *authorization);
    // No kept-alive connection for a dial: when a pooled connection turns out to be closed, the
    // network stack may send the request again, and a dial must go out exactly once.
    networkRequest.setRawHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    // The answer as sent, never compressed: it is small, and its length can then be checked
    // against the Content-Length the server announced (see outcomeFor).
    networkRequest.setRawHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity"));
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             QStringLiteral("OneDial/%1").arg(QLatin1String(ONEDIAL_VERSION)));
    // A redirected POST would be a second request: never follow one.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setTransferTimeout(0); // our own timer decides, so that the outcome says why
    // Unbuffered, so Qt reads the body from SendOnceBody itself and cannot rewind a copy of it.
    networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request->body.size());

    auto *pending = new Pending;
    pending->id = id;
    pending->request = *request;
    pending->inFlightKey = inFlight;
    m_inFlight.insert(inFlight);

    auto *body = new SendOnceBody(request->body, this);
    QNetworkReply *reply = m_network->post(networkRequest, body);
    body->setParent(reply);
    m_pending.insert(reply, pending);
    qCInfo(lcDial) << "dial" << id << "sent to" << request->url.host() << "callee" << request->callee;

    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, pending] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > kMaxReplyBytes) {
            pending->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [pending](const QList<QSslError> &errors) {
        // Reported, never ignored: the handshake then fails and no call is placed.
        for (const QSslError &error : errors)
            pending->tlsErrors << error.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });

    pending->timer.setSingleShot(true);
    connect(&pending->timer, &QTimer::timeout, this, [reply, pending] {
        pending->timedOut = true;
        reply->abort();
    });
    pending->timer.start(timeoutMs > 0 ? timeoutMs : kDefaultTimeoutMs);

    const QString sentTo = request->callee;
    QTimer::singleShot(0, this, [this, id, sentTo] { Q_EMIT requestSent(id, sentTo); });
    return id;
}

void DialClient::onReadyRead(QNetworkReply *reply)
{
    Pending *pending = m_pending.value(reply);
    if (!pending || pending->tooLarge)
        return;
    pending->body += reply->read(kMaxReplyBytes + 1 - pending->body.size());
    if (pending->body.size() > kMaxReplyBytes) {
        pending->tooLarge = true;
        pending->body.clear();
        reply->abort();
    }
}

void DialClient::onFinished(QNetworkReply *reply)
{
    Pending *pending = m_pending.value(reply);
    if (!pending)
        return;
    pending->timer.stop();
    if (!pending->tooLarge && !pending->timedOut)
        onReadyRead(reply); // whatever arrived with the final chunk
    m_pending.remove(reply);
    DialOutcome outcome = outcomeFor(reply, *pending);
    m_inFlight.remove(pending->inFlightKey);
    const quint64 id = pending->id;
    qCInfo(lcDial) << "dial" << id << "finished:" << outcomeClassName(outcome.outcome) << outcome.codeNo
                   << outcome.code << outcome.error << "http" << outcome.httpStatus;
    delete pending;
    reply->deleteLater();
    Q_EMIT finished(id, outcome);
}

DialOutcome DialClient::outcomeFor(QNetworkReply *reply, const Pending &pending) const
{
    const Api api = pending.request.api;
    const bool gateway = pending.request.kind == AccountKind::Gateway;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    DialOutcome outcome;
    outcome.api = api;
    outcome.httpStatus = httpStatus;

    const auto unknown = [&](const char *error, const QString &message) {
        outcome.outcome = OutcomeClass::Unknown;
        outcome.error = QLatin1String(error);
        outcome.message = message;
    };
    const auto failed = [&](const char *error, const QString &message) {
        outcome.outcome = OutcomeClass::Failed;
        outcome.error = QLatin1String(error);
        outcome.message = message;
    };
    const QString checkPhone =
        tr("The call may or may not have been placed: check your phone before dialling again.");
    // The body length the server announced, when the body arrives as sent (the request asks for no
    // compression); -1 if it announced none. Qt does not always report a connection closed inside the body as
    // an error, and a cut-off answer must never be read as the service's word.
    const qint64 announced = [reply] {
        const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        return (encoding.isEmpty() || encoding == "identity") && length.isValid() ? length.toLongLong()
                                                                                  : qint64(-1);
    }();

    if (pending.timedOut) {
        unknown(DialError::Timeout, sentences(tr("No answer from the service within %n second(s).", nullptr,
                                                 (pending.timer.interval() + 999) / 1000),
                                              checkPhone));
    } else if (pending.tooLarge) {
        unknown(DialError::ReplyTooLarge,
                sentences(tr("The service's answer was larger than %1 KiB and was not read.")
                              .arg(kMaxReplyBytes / 1024),
                          checkPhone));
    } else if (reply->error() != QNetworkReply::NoError && httpStatus == 0 && gateway &&
               isUnreachable(reply->error())) {
        // The gateway is named as the user knows it; the reason stays for support.
        const QString address =
            pending.request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString();
        const QString why =
            reply->error() == QNetworkReply::SslHandshakeFailedError && !pending.tlsErrors.isEmpty()
                ? pending.tlsErrors.join(QStringLiteral("; "))
                : reply->errorString();
        const char *error = reply->error() == QNetworkReply::ConnectionRefusedError
                                ? DialError::ConnectionRefused
                            : reply->error() == QNetworkReply::HostNotFoundError ? DialError::HostNotFound
                                                                                 : DialError::Tls;
        failed(error, tr("Could not reach your team's gateway at %1 (%2). No call was placed. Check your "
                         "network and the gateway address in the account settings, or ask your administrator "
                         "whether the gateway is running.")
                          .arg(address, why));
        outcome.detail = reply->errorString();
    } else if (reply->error() != QNetworkReply::NoError && httpStatus == 0) {
        const QString host = pending.request.url.host();
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            failed(DialError::ConnectionRefused,
                   tr("Could not connect to %1: the connection was refused. No call was placed. Check the "
                      "account's endpoint and your network.")
                       .arg(host));
            break;
        case QNetworkReply::HostNotFoundError:
            failed(DialError::HostNotFound, tr("Could not find the server %1. No call was placed. Check your "
                                               "internet connection and the account's endpoint.")
                                                .arg(host));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            failed(DialError::Tls, tr("The secure connection to %1 could not be verified (%2). No call was "
                                      "placed. Check the computer's date and time, and whether a proxy or "
                                      "firewall intercepts secure connections.")
                                       .arg(host, pending.tlsErrors.isEmpty()
                                                      ? reply->errorString()
                                                      : pending.tlsErrors.join(QStringLiteral("; "))));
            break;
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::ContentReSendError: // closed before the answer, and not sent again
            unknown(DialError::ConnectionClosed,
                    sentences(tr("The connection to %1 closed before the service answered.").arg(host),
                              checkPhone));
            break;
        default:
            unknown(
                DialError::Network,
                sentences(
                    tr("The network failed while the call was being placed (%1).").arg(reply->errorString()),
                    checkPhone));
            break;
        }
        outcome.detail = reply->errorString();
    } else if (reply->error() != QNetworkReply::NoError &&
               reply->error() < QNetworkReply::ContentAccessDenied) {
        // A transport failure after the status line, such as a connection dropped mid-body.
        unknown(
            DialError::ConnectionClosed,
            sentences(tr("The service's answer was cut off (%1).").arg(reply->errorString()), checkPhone));
        outcome.detail = reply->errorString();
    } else if (announced > pending.body.size()) {
        unknown(DialError::ConnectionClosed,
                sentences(tr("The service's answer was cut off after %1 of the %2 bytes it announced.")
                              .arg(pending.body.size())
                              .arg(announced),
                          checkPhone));
    } else if (gateway) {
        bool numeric = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&numeric);
        outcome = GatewayReply::parse(httpStatus, pending.body, numeric && retryAfter >= 0 ? retryAfter : -1);
    } else {
        outcome = ReplyParser::parse(api, httpStatus, pending.body);
    }
    outcome.callee = pending.request.callee;

    // The gateway signs with its own clock: this computer's says nothing about a refusal there.
    if (!gateway && outcome.outcome == OutcomeClass::Refused &&
        (outcome.codeNo == QLatin1String("000015") || httpStatus == 401 || httpStatus == 403)) {
        const QDateTime serverTime = serverDate(reply->rawHeader("Date"));
        if (serverTime.isValid()) {
            const qint64 skew = m_now() - serverTime.toSecsSinceEpoch();
            if (qAbs(skew) > kClockSkewHintSecs) {
                outcome.message =
                    sentences(outcome.message,
                              tr("This computer's clock is %n minute(s) off the service's clock; correct "
                                 "the date and time settings, then dial again.",
                                 nullptr, int(qAbs(skew) / 60)));
            }
        }
    }
    return outcome;
}

} // namespace onedial
