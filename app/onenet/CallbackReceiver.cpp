#include "CallbackReceiver.h"

#include "TokenSigner.h"
#include "core/Log.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

namespace onedial {

namespace {

using Status = QHttpServerResponder::StatusCode;

void answer(QHttpServerResponder &responder, Status status, const QJsonObject &body)
{
    responder.write(QJsonDocument(body), status);
}

QJsonObject refusal(const char *error)
{
    return {{QStringLiteral("error"), QLatin1String(error)}};
}

} // namespace

CallbackReceiver::CallbackReceiver(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    // 128 random bits in the path: another program on this computer cannot guess where to post.
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    m_secret =
        QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_server->route(
        QStringLiteral("/onenet/notify/<arg>"),
        [this](const QString &secret, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (secret != m_secret) {
                ++m_refused;
                answer(responder, Status::NotFound, refusal("not_found"));
                return;
            }
            handle(request, responder);
        });
}

CallbackReceiver::~CallbackReceiver() = default;

void CallbackReceiver::addSigner(const Signer &signer)
{
    m_signers.append(signer);
}

bool CallbackReceiver::listen()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    if (m_port == 0)
        qCWarning(lcSandbox) << "the status callback receiver could not listen on 127.0.0.1";
    return m_port != 0;
}

QUrl CallbackReceiver::notifyUrl() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/onenet/notify/") + m_secret);
    return url;
}

void CallbackReceiver::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const auto refuse = [this, &responder](Status status, const char *error, const QString &why) {
        ++m_refused;
        // The reason only: never the token or the body.
        qCInfo(lcSandbox).noquote() << "status callback refused:" << why;
        answer(responder, status, refusal(error));
    };
    if (request.method() != QHttpServerRequest::Method::Post)
        return refuse(Status::MethodNotAllowed, "method_not_allowed", QStringLiteral("not a POST"));
    if (request.body().size() > kMaxBodyBytes)
        return refuse(Status::PayloadTooLarge, "request_too_large", QStringLiteral("body over 64 KiB"));
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
    const Signer *signer = nullptr;
    TokenCheck check = TokenCheck::Missing;
    for (const Signer &candidate : std::as_const(m_signers)) {
        check = TokenSigner::verify(candidate.key, candidate.api, candidate.identity, authorization, m_now());
        if (check == TokenCheck::Valid) {
            signer = &candidate;
            break;
        }
    }
    if (!signer)
        return refuse(Status::Unauthorized, "token_refused", tokenCheckName(check));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuse(Status::BadRequest, "invalid_request", QStringLiteral("not a JSON object"));
    QString problem;
    const std::optional<CallStatusReport> report = CallStatusReport::fromJson(document.object(), &problem);
    if (!report)
        return refuse(Status::BadRequest, "invalid_request", problem);
    if (!report->account.isEmpty() && report->account != signer->identity)
        return refuse(Status::BadRequest, "invalid_request",
                      QStringLiteral("the body names another account"));
    answer(responder, Status::Ok,
           CallStatusReport::successAnswer(
               QUuid::createUuid().toString(QUuid::WithoutBraces).remove(QLatin1Char('-'))));
    Q_EMIT reported(*report);
}

} // namespace onedial
