#include "SandboxServer.h"

#include "ResultCatalogue.h"
#include "SandboxCallbacks.h"
#include "SandboxScenarios.h"
#include "TokenSigner.h"
#include "core/Log.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace onedial {

namespace {

using Status = QHttpServerResponder::StatusCode;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).remove(QLatin1Char('-'));
}

// The service's number formats: a mobile MSISDN, or a landline with its area code and 0.
bool isServiceNumber(const QString &number)
{
    static const QRegularExpression mobile(QStringLiteral("^861[3-9]\\d{9}$"));
    static const QRegularExpression landline(QStringLiteral("^0[1-9]\\d{8,10}$"));
    return mobile.match(number).hasMatch() || landline.match(number).hasMatch();
}

QByteArray httpDate(qint64 secs)
{
    return QLocale::c()
        .toString(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

struct SandboxServer::Answer
{
    enum class Kind { Json, Slow, ErrorPage, NotFound };
    Kind kind = Kind::Json;
    Status status = Status::Ok;
    QJsonObject json;
    std::optional<SandboxCallbacks::Call> callback; // an accepted call with a notify_url
};

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
    , m_callbacks(new SandboxCallbacks(this))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    for (Api api : {Api::V1, Api::V2}) {
        addRegistration({api, api == Api::V1 ? SandboxScenarios::appId() : SandboxScenarios::userId(),
                         SandboxScenarios::key(), SandboxScenarios::sponsor(), SandboxScenarios::caller(),
                         true});
    }
    m_server->route(QStringLiteral("/v1/onenet/dial/notify"),
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handle(Api::V1, request, std::move(responder));
                    });
    m_server->route(QStringLiteral("/vcs"),
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handle(Api::V2, request, std::move(responder));
                    });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    if (m_port == 0)
        qCWarning(lcSandbox) << "the sandbox could not listen on 127.0.0.1";
    return m_port != 0;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SandboxServer::addRegistration(const Registration &registration)
{
    m_registrations.append(registration);
}

void SandboxServer::setClock(std::function<qint64()> nowSecs)
{
    m_callbacks->setClock(nowSecs);
    m_now = std::move(nowSecs);
}

Account SandboxServer::sandboxAccount(Api api) const
{
    Account account;
    account.name = QStringLiteral("sandbox");
    account.api = api;
    if (api == Api::V1)
        account.appId = SandboxScenarios::appId();
    else
        account.userId = SandboxScenarios::userId();
    account.sponsor = SandboxScenarios::sponsor();
    account.caller = SandboxScenarios::caller();
    account.endpoint = baseUrl();
    return account;
}

void SandboxServer::handle(Api api, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Received received;
    received.method = request.method() == QHttpServerRequest::Method::Post ? QByteArrayLiteral("POST")
                                                                           : QByteArrayLiteral("OTHER");
    received.path = request.url().path();
    received.query = request.url().query();
    received.authorization = request.value(QByteArrayLiteral("Authorization"));
    received.contentType = request.value(QByteArrayLiteral("Content-Type"));
    received.body = request.body();
    m_received.append(received);
    Q_EMIT requestReceived(int(m_received.size()) - 1);

    const Answer answer = evaluate(api, request);
    if (answer.kind == Answer::Kind::Slow) {
        // A client that stops waiting closes the connection, and QHttpServer then deletes its
        // socket while the responder still points at it: answer only a connection still open.
        const QPointer<QTcpSocket> socket = responder.socket();
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        Answer late = answer;
        late.kind = Answer::Kind::Json;
        QTimer::singleShot(m_slowDelayMs, this, [this, held, socket, late] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                send(*held, late);
            else
                qCDebug(lcSandbox) << "the client left before the slow answer";
        });
        return;
    }
    send(responder, answer);
    if (answer.callback)
        m_callbacks->simulate(*answer.callback);
}

void SandboxServer::send(QHttpServerResponder &responder, const Answer &answer) const
{
    QByteArray body;
    QByteArray type = QByteArrayLiteral("application/json;charset=UTF-8");
    Status status = answer.status;
    switch (answer.kind) {
    case Answer::Kind::ErrorPage:
        status = Status::BadGateway;
        type = QByteArrayLiteral("text/html");
        body = QByteArrayLiteral("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                                 "Gateway</h1></center></body></html>\r\n");
        break;
    case Answer::Kind::NotFound:
        status = Status::NotFound;
        type = QByteArrayLiteral("text/html");
        body = QByteArrayLiteral("<html><body><h1>404 Not Found</h1></body></html>\r\n");
        break;
    case Answer::Kind::Json:
    case Answer::Kind::Slow:
        body = QJsonDocument(answer.json).toJson(QJsonDocument::Compact);
        break;
    }
    responder.writeStatusLine(status);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), type);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeHeader(QByteArrayLiteral("Date"), httpDate(m_now()));
    responder.writeBody(body);
}

SandboxServer::Answer SandboxServer::evaluate(Api api, const QHttpServerRequest &request) const
{
    const QString requestId = newId();
    // The failure envelope of each generation. v2's authorization failures are not documented;
    // the sandbox answers them with HTTP 401 and no code.
    const auto refuse = [&](const char *v1CodeNo, const char *v2Name, Status status = Status::Ok) {
        Answer answer;
        answer.status = status;
        if (api == Api::V1) {
            const ResultCode *code = ResultCatalogue::findV1(QLatin1String(v1CodeNo));
            answer.json = {{QStringLiteral("request_id"), requestId},
                           {QStringLiteral("code_no"), QLatin1String(v1CodeNo)},
                           {QStringLiteral("code"), QLatin1String(code ? code->name : "")},
                           {QStringLiteral("message"), QLatin1String(code ? code->meaning : "")}};
        } else {
            answer.json = {{QStringLiteral("requestId"), requestId}, {QStringLiteral("success"), false}};
            if (v2Name) {
                const ResultCode *code = ResultCatalogue::findV2(QLatin1String(v2Name));
                answer.json.insert(QStringLiteral("code"),
                                   QString(QStringLiteral("iot.vcs.") + QLatin1String(v2Name)));
                answer.json.insert(QStringLiteral("msg"), QLatin1String(code ? code->meaning : ""));
            } else {
                answer.status = Status::Unauthorized;
                answer.json.insert(QStringLiteral("msg"), QStringLiteral("authorization failed"));
            }
        }
        return answer;
    };
    const auto authFailed = [&] {
        return refuse("000015", nullptr);
    };

    if (request.method() != QHttpServerRequest::Method::Post) {
        Answer answer;
        answer.kind = Answer::Kind::NotFound;
        return answer;
    }
    if (api == Api::V2) {
        const QUrlQuery query(request.url());
        if (query.queryItemValue(QStringLiteral("action")) != QLatin1String("dialNotify") ||
            query.queryItemValue(QStringLiteral("version")) != QLatin1String("2")) {
            Answer answer;
            answer.kind = Answer::Kind::NotFound;
            return answer;
        }
    }

    // Authorization: present, well-formed, this generation's version and res, not expired, signed right.
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    if (header.isEmpty())
        return api == Api::V1 ? refuse("000014", nullptr) : refuse(nullptr, nullptr);
    const auto parsed = TokenSigner::parseAuthorization(header);
    if (!parsed)
        return authFailed();
    const auto &[token, signature] = *parsed;
    const QString resPrefix = TokenSigner::resFor(api, QString());
    if (token.version != TokenSigner::versionFor(api) || !token.res.startsWith(resPrefix))
        return authFailed();
    if (token.et < m_now())
        return authFailed();
    const QString identity = token.res.mid(resPrefix.size());
    const Registration *registration = nullptr;
    for (const Registration &candidate : m_registrations) {
        if (candidate.api == api && candidate.identity == identity)
            registration = &candidate;
    }
    if (!registration)
        return api == Api::V1 ? refuse("000002", nullptr) : refuse(nullptr, "userIdNotExist");
    const auto expected = TokenSigner::sign(AccessKey(registration->key), token);
    if (!expected || *expected != signature)
        return authFailed();

    // Body: a JSON object with string fields within the documented lengths.
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuse("000012", "invalidJsonParams");
    const QJsonObject body = document.object();
    const QStringList required =
        api == Api::V1
            ? QStringList{QStringLiteral("appid"), QStringLiteral("sponsor"), QStringLiteral("caller"),
                          QStringLiteral("callee")}
            : QStringList{QStringLiteral("sponsor"), QStringLiteral("caller"), QStringLiteral("callee")};
    for (const QString &field : required) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
            return refuse("000006", "paramNullException");
        if (!value.isString())
            return refuse("000005", "invalidReqParams");
    }
    for (const QString &field : {QStringLiteral("display"), QStringLiteral("notify_url")}) {
        if (body.contains(field) && !body.value(field).isString())
            return refuse("000005", "invalidReqParams");
    }
    const QString appId = body.value(QStringLiteral("appid")).toString();
    const QString sponsor = body.value(QStringLiteral("sponsor")).toString();
    const QString caller = body.value(QStringLiteral("caller")).toString();
    const QString callee = body.value(QStringLiteral("callee")).toString();
    const QString display = body.value(QStringLiteral("display")).toString();
    const QString notifyUrl = body.value(QStringLiteral("notify_url")).toString();
    if (appId.size() > 32 || sponsor.size() > 64 || caller.size() > 64 || callee.size() > 64 ||
        display.size() > 64 || notifyUrl.size() > 512) {
        return refuse("000004", "invalidParams");
    }
    if (api == Api::V1 && appId != identity)
        return refuse("000002", nullptr);
    if (!isServiceNumber(sponsor) || !isServiceNumber(caller) || !isServiceNumber(callee) ||
        (!display.isEmpty() && !isServiceNumber(display))) {
        return refuse("001005", "numberFormatError");
    }
    if (sponsor != registration->sponsor)
        return refuse("001008", "businessNumberMismatch");
    // The caller may be shown only when it is the account's whitelisted number, not any caller.
    const bool showsWhitelistedCaller =
        display == caller && caller == registration->caller && registration->callerWhitelisted;
    if (!display.isEmpty() && display != sponsor && !showsWhitelistedCaller)
        return refuse("001008", "businessNumberMismatch");
    if (!notifyUrl.isEmpty()) {
        const QUrl url(notifyUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            return refuse("000004", "invalidParams");
        }
    }

    const SandboxScenario *scenario = SandboxScenarios::find(api, callee);
    if (scenario && scenario->kind != SandboxScenario::Kind::CallEnds) {
        Answer answer;
        switch (scenario->kind) {
        case SandboxScenario::Kind::Slow:
            answer = refuse("000001", "systemException");
            answer.kind = Answer::Kind::Slow;
            return answer;
        case SandboxScenario::Kind::ErrorPage:
            answer.kind = Answer::Kind::ErrorPage;
            return answer;
        case SandboxScenario::Kind::ServiceCode:
        case SandboxScenario::Kind::CallEnds:
            break;
        }
        const QByteArray code = scenario->code.toLatin1();
        return refuse(code.constData(), code.constData());
    }

    Answer accepted;
    const QString callId = newId();
    const QJsonObject data{{QStringLiteral("call_id"), callId}};
    if (!notifyUrl.isEmpty()) {
        accepted.callback =
            SandboxCallbacks::Call{api,
                                   identity,
                                   AccessKey(registration->key),
                                   callId,
                                   caller,
                                   callee,
                                   QUrl(notifyUrl, QUrl::StrictMode),
                                   scenario ? scenario->ending : SandboxCallbacks::Ending::HangUp};
    }
    if (api == Api::V1) {
        accepted.json = {{QStringLiteral("request_id"), requestId},
                         {QStringLiteral("code_no"), QStringLiteral("000000")},
                         {QStringLiteral("code"), QStringLiteral("onenet_common_success")},
                         {QStringLiteral("message"), QStringLiteral("success")},
                         {QStringLiteral("data"), data}};
    } else {
        accepted.json = {{QStringLiteral("requestId"), requestId},
                         {QStringLiteral("success"), true},
                         {QStringLiteral("data"), data}};
    }
    return accepted;
}

} // namespace onedial
