#include "Gateway.h"

#include "EventStreams.h"
#include "GatewayInstance.h"
#include "GatewayLog.h"
#include "UserToken.h"
#include "onenet/CallStatusReport.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "onenet/TokenSigner.h"
#include "phone/PhoneNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

Q_LOGGING_CATEGORY(lcGateway, "onedial.gateway")

namespace onedial::gateway {

namespace {

using http::Header;
using http::Request;
using http::Responder;
using http::Response;

bool isJson(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == "application/json";
}

Header retryAfter(qint64 seconds)
{
    return {QByteArrayLiteral("Retry-After"), QByteArray::number(qMax<qint64>(1, seconds))};
}

} // namespace

struct Gateway::PendingDial
{
    qint64 dialId = 0;
    QString user;
    QString address;
    Responder responder;
    QElapsedTimer sinceArrival;
};

// A dial's outcome the database was away for: kept until it can be written, so the dial does not
// stay "sending" (and block the member's next dial to that number) while this instance runs.
struct Gateway::UnwrittenOutcome
{
    qint64 dialId = 0;
    QString user;
    DialOutcome outcome;
    QString address;
};

Gateway::Gateway(GatewayConfig config, AccessKey key, QString keyProblem, GatewayStore *store,
                 QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_key(std::move(key))
    , m_keyProblem(std::move(keyProblem))
    , m_account(m_config.account)
    , m_store(store)
    , m_server(new http::Server(this))
    , m_client(new DialClient(this))
    , m_events(new EventStreams(store, &m_metrics, this))
    , m_instance(new GatewayInstance(store, this))
    , m_limiter(m_config.authFailuresPerMinute)
    , m_now([] { return QDateTime::currentDateTime(); })
    , m_dialTimeoutMs(DialClient::kDefaultTimeoutMs)
{
    m_account.notifyUrl = m_config.notifyUrl();
    m_server->setHandler(
        [this](const Request &request, const Responder &responder) { handle(request, responder); });
    connect(m_server, &http::Server::answered, this, [this](int status) { m_metrics.countRequest(status); });
    connect(m_client, &DialClient::finished, this, &Gateway::onDialFinished);
    connect(this, &Gateway::callEventStored, m_events, &EventStreams::publish);
    connect(m_instance, &GatewayInstance::eventsStored, m_events, &EventStreams::wake);
    connect(m_instance, &GatewayInstance::databaseLost, this, [this] { m_metrics.setDatabaseUp(false); });
    connect(m_instance, &GatewayInstance::databaseBack, this, [this] {
        m_metrics.setDatabaseUp(true);
        writeUnwritten();
        m_events->wakeAll();
    });
    if (!m_config.trustedProxies.isEmpty()) {
        // Every desktop behind a reverse proxy comes from the proxy's address, each with an open
        // event stream: the per-address cap would let only the first few in.
        m_server->setSharedAddresses([proxies = m_config.trustedProxies](const QHostAddress &address) {
            return GatewayConfig::contains(proxies, address);
        });
    }
}

Gateway::~Gateway() = default;

bool Gateway::start(QString *error, int listenPortOverride)
{
    if (!m_instance->start(error))
        return false;
    if (m_config.hasAccount && m_config.sandbox) {
        m_sandbox = new SandboxServer(this);
        if (!m_sandbox->listen()) {
            *error = tr("The built-in sandbox could not listen on this machine's loopback.");
            return false;
        }
        m_account = m_sandbox->sandboxAccount(m_config.account.api);
        m_account.name = QStringLiteral("gateway");
        m_account.notifyUrl = m_config.notifyUrl();
        m_key = AccessKey(SandboxScenarios::key());
        m_keyProblem.clear();
        qCInfo(lcGateway) << "OneNET is the built-in sandbox at" << m_sandbox->baseUrl().toString();
    }
    if (m_config.usesTls() && !m_server->loadTls(m_config.tlsCertificate, m_config.tlsKey, error))
        return false;
    const QHostAddress address = m_config.listenHost == QLatin1String("localhost")
                                     ? QHostAddress(QHostAddress::LocalHost)
                                     : QHostAddress(m_config.listenHost);
    const quint16 port = listenPortOverride >= 0 ? quint16(listenPortOverride) : m_config.listenPort;
    if (!m_server->listen(address, port, error))
        return false;
    qCInfo(lcGateway).noquote() << "Listening on" << address.toString() << "port" << m_server->serverPort()
                                << (m_server->isTls() ? "(TLS)" : "(plain HTTP, loopback)");
    if (m_sandbox && !m_config.notifySecret.isEmpty()) {
        // The sandbox is on this machine and cannot be expected to reach the public URL: its
        // simulated status callbacks come straight to this listener.
        static const QList<QHostAddress> anyAddress{QHostAddress(QHostAddress::Any),
                                                    QHostAddress(QHostAddress::AnyIPv4),
                                                    QHostAddress(QHostAddress::AnyIPv6)};
        const bool anywhere = anyAddress.contains(address);
        QUrl local;
        local.setScheme(m_server->isTls() ? QStringLiteral("https") : QStringLiteral("http"));
        local.setHost(anywhere ? QStringLiteral("127.0.0.1") : address.toString());
        local.setPort(m_server->serverPort());
        m_account.notifyUrl = m_config.notifyUrl(local);
    }
    if (const QString problem = configurationProblem(); !problem.isEmpty())
        qCWarning(lcGateway).noquote() << "Dials will be refused until this is fixed:" << problem;
    if (m_config.hasAccount && m_config.notifySecret.isEmpty()) {
        qCWarning(lcGateway).noquote() << "Dials go out without a notify URL, so OneNET reports no call "
                                          "progress: run `onedial-gateway account set` again to make one";
    }
    return true;
}

bool Gateway::reloadTls(QString *error)
{
    if (!m_config.usesTls())
        return true;
    // The configuration may name new files; read it again from where it came from is the
    // caller's choice: here the same paths are loaded again.
    return m_server->loadTls(m_config.tlsCertificate, m_config.tlsKey, error);
}

QString Gateway::configurationProblem() const
{
    const QStringList problems = m_config.accountProblems();
    if (!problems.isEmpty())
        return problems.join(QLatin1Char(' '));
    if (m_key.isEmpty())
        return m_keyProblem.isEmpty() ? tr("No OneNET access key is set.") : m_keyProblem;
    return {};
}

QString Gateway::clientAddress(const Request &request) const
{
    QHostAddress peer = request.peer;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        peer = QHostAddress(v4);
    if (m_config.trustedProxies.isEmpty() || !GatewayConfig::contains(m_config.trustedProxies, peer))
        return peer.toString();
    // X-Forwarded-For lists the addresses each proxy saw, the nearest last: the first one from
    // the right that is not one of our proxies is the client. Headers from anyone else are ignored.
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        if (!GatewayConfig::contains(m_config.trustedProxies, hop))
            return hop.toString();
    }
    return peer.toString();
}

void Gateway::handle(const Request &request, const Responder &responder)
{
    struct Route
    {
        const char *path;
        const char *method;
    };
    static const Route routes[] = {
        {"/api/v1/dial", "POST"}, {"/api/v1/calls", "GET"}, {"/api/v1/events", "GET"},
        {"/api/v1/me", "GET"},    {"/healthz", "GET"},      {"/metrics", "GET"},
    };
    if (isNotifyPath(request.path)) {
        if (request.method != "POST") {
            Response answer = Response::error(405, QStringLiteral("method_not_allowed"),
                                              tr("OneNET's status callbacks are POSTed here."));
            answer.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
            responder.respond(answer);
            return;
        }
        handleCallback(request, responder);
        return;
    }
    for (const Route &route : routes) {
        if (request.path != QLatin1String(route.path))
            continue;
        const bool head = request.method == "HEAD" && qstrcmp(route.method, "GET") == 0;
        if (request.method != route.method && !head) {
            Response answer =
                Response::error(405, QStringLiteral("method_not_allowed"),
                                tr("Use %1 for %2.").arg(QLatin1String(route.method), request.path));
            answer.headers.append({QByteArrayLiteral("Allow"), QByteArray(route.method)});
            responder.respond(answer);
            return;
        }
        if (request.path == QLatin1String("/api/v1/dial"))
            handleDial(request, responder);
        else if (request.path == QLatin1String("/api/v1/calls"))
            handleCalls(request, responder);
        else if (request.path == QLatin1String("/api/v1/events"))
            handleEvents(request, responder);
        else if (request.path == QLatin1String("/api/v1/me"))
            handleMe(request, responder);
        else if (request.path == QLatin1String("/healthz"))
            handleHealth(responder);
        else
            handleMetrics(request, responder);
        return;
    }
    responder.respond(
        Response::error(404, QStringLiteral("not_found"),
                        tr("There is nothing at %1. The gateway's API is under /api/v1.").arg(request.path)));
}

std::optional<User> Gateway::authenticate(const Request &request, const Responder &responder)
{
    const QString address = clientAddress(request);
    const qint64 nowMs = m_now().toMSecsSinceEpoch();
    if (const qint64 blocked = m_limiter.blockedFor(address, nowMs); blocked > 0) {
        Response answer = Response::error(
            429, QStringLiteral("too_many_failures"),
            tr("Too many requests with a wrong token came from your address. Wait a minute, then try again "
               "with the right token."));
        answer.headers.append(retryAfter((blocked + 999) / 1000));
        responder.respond(answer);
        return std::nullopt;
    }
    const auto refuse = [&] {
        m_limiter.recordFailure(address, nowMs);
        m_metrics.countAuthFailure();
        qCInfo(lcGateway).noquote() << "Token refused for a request from" << address;
        responder.respond(Response::error(
            401, QStringLiteral("token_refused"),
            tr("The gateway did not accept your token. Ask your administrator for a new one "
               "(onedial-gateway user token NAME) and enter it in OneDial's account settings.")));
    };
    const auto token = UserToken::fromAuthorization(request.header("authorization"));
    if (!token) {
        refuse();
        return std::nullopt;
    }
    StorageResult looked;
    std::optional<User> user = m_store->userByTokenId(token->id, &looked);
    if (!looked.ok()) {
        responder.respond(Response::error(503, QStringLiteral("unavailable"),
                                          tr("The gateway cannot read its database just now. Try again in a "
                                             "moment; if it persists, tell your administrator.")));
        return std::nullopt;
    }
    // The comparison runs whether or not the id was found, against a hash of the same length.
    const QByteArray stored = user ? user->tokenHash : QByteArray(token->hash.size(), '\0');
    if (!UserToken::sameHash(stored, token->hash) || !user) {
        refuse();
        return std::nullopt;
    }
    if (user->disabled) {
        responder.respond(Response::error(403, QStringLiteral("user_disabled"),
                                          tr("Your access to the gateway is disabled. Ask your administrator "
                                             "to enable it (onedial-gateway user enable %1).")
                                              .arg(user->name)));
        return std::nullopt;
    }
    return user;
}

void Gateway::refuseDial(const Responder &responder, int status, const char *error, const QString &message,
                         const QString &callee, const QList<Header> &headers)
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::NotSent;
    outcome.api = m_account.api;
    outcome.callee = callee;
    outcome.error = QLatin1String(error);
    outcome.message = message;
    QJsonObject body = outcome.toJson();
    body.insert(QStringLiteral("dial_id"), QJsonValue());
    Response answer = Response::json(status, body);
    answer.headers += headers;
    m_metrics.countDial(OutcomeClass::NotSent, 0);
    responder.respond(answer);
}

void Gateway::handleDial(const Request &request, const Responder &responder)
{
    QElapsedTimer sinceArrival;
    sinceArrival.start();
    if (request.body.size() > kMaxDialBodyBytes) {
        refuseDial(responder, 413, "request_too_large",
                   tr("A dial request is at most %1 KiB.").arg(kMaxDialBodyBytes / 1024));
        return;
    }
    const std::optional<User> user = authenticate(request, responder);
    if (!user)
        return;
    if (!isJson(request.header("content-type"))) {
        refuseDial(responder, 415, "unsupported_media_type",
                   tr("Send the dial request as JSON (Content-Type: application/json)."));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        refuseDial(responder, 400, "invalid_request",
                   tr("The dial request is not a JSON object such as {\"callee\": \"13800138000\"}."));
        return;
    }
    const QJsonObject body = document.object();
    for (const char *field : {"caller", "display", "sponsor"}) {
        if (body.contains(QLatin1String(field))) {
            refuseDial(responder, 403, "caller_not_allowed",
                       tr("Calls through the gateway always ring your own phone (%1), set by your "
                          "administrator; a request cannot choose the %2.")
                           .arg(user->caller, QLatin1String(field)));
            return;
        }
    }
    const QJsonValue calleeValue = body.value(QLatin1String("callee"));
    if (!calleeValue.isString() || calleeValue.toString().size() > 64) {
        refuseDial(responder, 400, "invalid_request",
                   tr("The dial request needs \"callee\": the number to call, as text."));
        return;
    }
    const PhoneNumber callee = PhoneNumber::parse(calleeValue.toString());
    if (!callee.isValid()) {
        refuseDial(responder, 400, "invalid_number", callee.problemText(), callee.shown());
        return;
    }
    if (const QString problem = configurationProblem(); !problem.isEmpty()) {
        refuseDial(
            responder, 503, "not_configured",
            tr("The gateway has no usable OneNET account yet: %1 Tell your administrator.").arg(problem),
            callee.apiForm());
        return;
    }

    const QString address = clientAddress(request);
    const GatewayStore::BeginResult begun =
        m_store->beginDial(*user, callee.apiForm(), address, m_now().date());
    switch (begun.status) {
    case GatewayStore::Begin::InFlight:
        refuseDial(responder, 409, "already_in_flight",
                   tr("Your call to %1 is still being placed (from this or another desktop). Wait for its "
                      "result before dialling again.")
                       .arg(callee.displayForm()),
                   callee.apiForm());
        return;
    case GatewayStore::Begin::DailyLimit: {
        const QDateTime now = m_now();
        const qint64 untilMidnight = now.secsTo(QDateTime(now.date().addDays(1), QTime(0, 0)));
        refuseDial(responder, 429, "daily_limit",
                   tr("You have placed your %n call(s) for today. The limit resets at midnight; ask your "
                      "administrator if you need more.",
                      nullptr, user->dailyLimit),
                   callee.apiForm(), {retryAfter(untilMidnight)});
        return;
    }
    case GatewayStore::Begin::Failed:
        qCWarning(lcGateway).noquote() << "Dial not recorded, so not sent:" << begun.storage.message;
        refuseDial(responder, 503, "unavailable",
                   tr("The gateway cannot record the call in its database just now, so it was not placed. "
                      "Try again in a moment; if it persists, tell your administrator."),
                   callee.apiForm());
        return;
    case GatewayStore::Begin::Recorded:
        break;
    }

    Account account = m_account;
    account.caller = user->caller;
    auto pending = std::make_shared<PendingDial>();
    pending->dialId = begun.dialId;
    pending->user = user->name;
    pending->address = address;
    pending->responder = responder;
    pending->sinceArrival = sinceArrival;
    const quint64 clientId = m_client->dial(account, m_key, callee, m_dialTimeoutMs, user->name);
    m_pending.insert(clientId, pending);
    qCInfo(lcGateway).noquote() << "Dial" << begun.dialId << "for" << user->name << "to" << callee.apiForm()
                                << "from" << address;
}

void Gateway::onDialFinished(quint64 clientId, const DialOutcome &outcome)
{
    const std::shared_ptr<PendingDial> pending = m_pending.take(clientId);
    if (!pending)
        return;
    const StorageResult finished =
        m_store->finishDial(pending->dialId, pending->user, outcome, pending->address);
    if (!finished.ok()) {
        // The dial row stays "sending" until the database is back; should this instance stop
        // first, another (or its next start) marks it unknown, as after a crash.
        qCCritical(lcGateway).noquote()
            << "The outcome of dial" << pending->dialId << "could not be written yet:" << finished.message;
        m_unwritten.append({pending->dialId, pending->user, outcome, pending->address});
    }
    const double seconds = double(pending->sinceArrival.nsecsElapsed()) / 1e9;
    m_metrics.countDial(outcome.outcome, seconds);
    if (outcome.httpStatus != 0 || outcome.outcome == OutcomeClass::Unknown)
        m_metrics.observeOneNet(seconds);
    qCInfo(lcGateway).noquote() << "Dial" << pending->dialId << "for" << pending->user << ":"
                                << outcomeClassName(outcome.outcome) << outcome.codeNo << outcome.code
                                << outcome.error << "request" << outcome.requestId << "call"
                                << outcome.callId;

    int status = 200;
    switch (outcome.outcome) {
    case OutcomeClass::Accepted:
    case OutcomeClass::Refused:
        status = 200;
        break;
    case OutcomeClass::Failed:
    case OutcomeClass::Unknown:
        status = 502;
        break;
    case OutcomeClass::NotSent:
        status = outcome.error == QLatin1String(DialError::InvalidNumber)     ? 400
                 : outcome.error == QLatin1String(DialError::AlreadyInFlight) ? 409
                                                                              : 503;
        break;
    }
    QJsonObject body = outcome.toJson();
    body.insert(QStringLiteral("dial_id"), pending->dialId);
    pending->responder.respond(Response::json(status, body));
}

void Gateway::writeUnwritten()
{
    QList<UnwrittenOutcome> left;
    for (const UnwrittenOutcome &unwritten : std::as_const(m_unwritten)) {
        const StorageResult finished =
            m_store->finishDial(unwritten.dialId, unwritten.user, unwritten.outcome, unwritten.address);
        if (finished.ok())
            qCInfo(lcGateway) << "The outcome of dial" << unwritten.dialId << "is written now";
        else
            left.append(unwritten);
    }
    m_unwritten = left;
}

bool Gateway::isNotifyPath(const QString &path) const
{
    const QLatin1String prefix(GatewayConfig::kNotifyPath);
    if (m_config.notifySecret.isEmpty() || !path.startsWith(prefix))
        return false;
    const QByteArray given = path.mid(prefix.size()).toLatin1();
    const QByteArray &secret = m_config.notifySecret;
    // The same amount of work for every guess of the same length, however close it came.
    if (given.size() != secret.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < secret.size(); ++i)
        difference |= static_cast<unsigned char>(given.at(i) ^ secret.at(i));
    return difference == 0;
}

void Gateway::handleCallback(const Request &request, const Responder &responder)
{
    // Refusals are logged with the sender's address and what was wrong, never with the path
    // (it holds the secret), the Authorization header or the key.
    const QString address = clientAddress(request);
    const auto refuse = [&](CallbackResult result, int status, const QString &error, const QString &why,
                            const QString &message) {
        m_metrics.countCallback(result);
        qCInfo(lcGateway).noquote() << QStringLiteral("Status callback from %1 refused with %2: %3")
                                           .arg(address)
                                           .arg(status)
                                           .arg(why);
        responder.respond(Response::error(status, error, message));
    };
    if (request.body.size() > kMaxCallbackBodyBytes) {
        refuse(CallbackResult::Invalid, 413, QStringLiteral("request_too_large"),
               QStringLiteral("%1 bytes").arg(request.body.size()),
               tr("A status callback is at most %1 KiB.").arg(kMaxCallbackBodyBytes / 1024));
        return;
    }
    if (!m_config.hasAccount || m_key.isEmpty()) {
        refuse(CallbackResult::Unavailable, 503, QStringLiteral("not_configured"),
               QStringLiteral("no account or access key to check it with"),
               tr("The gateway has no OneNET access key to check the callback's signature with."));
        return;
    }
    const TokenCheck check = TokenSigner::verify(m_key, m_account.api, m_account.identity(),
                                                 request.header("authorization"), m_now().toSecsSinceEpoch());
    if (check != TokenCheck::Valid) {
        refuse(CallbackResult::Refused, 401, QStringLiteral("token_refused"),
               QStringLiteral("token ") + tokenCheckName(check),
               tr("The callback's Authorization is not a current OneNET token of this gateway's account."));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        refuse(CallbackResult::Invalid, 400, QStringLiteral("invalid_request"),
               QStringLiteral("the body is not a JSON object"),
               tr("A status callback is a JSON object such as {\"call_id\": \"…\", \"status\": "
                  "\"Connected\"}."));
        return;
    }
    QString problem;
    const std::optional<CallStatusReport> report = CallStatusReport::fromJson(document.object(), &problem);
    if (!report || (!report->account.isEmpty() && report->account != m_account.identity())) {
        if (report)
            problem = QStringLiteral("the body names another account");
        refuse(CallbackResult::Invalid, 400, QStringLiteral("invalid_request"), problem,
               tr("The status callback is not one the gateway can read: %1.").arg(problem));
        return;
    }

    const GatewayStore::ApplyResult applied = m_store->applyCallStatus(*report, address);
    switch (applied.status) {
    case GatewayStore::Apply::UnknownCall:
        refuse(CallbackResult::UnknownCall, 404, QStringLiteral("unknown_call"),
               QStringLiteral("call %1 was not placed by this gateway").arg(report->callId),
               tr("The gateway placed no call with this call_id."));
        return;
    case GatewayStore::Apply::Failed:
        qCWarning(lcGateway).noquote() << "A status callback could not be stored:" << applied.storage.message;
        refuse(CallbackResult::Unavailable, 503, QStringLiteral("unavailable"),
               QStringLiteral("the database failed"),
               tr("The gateway cannot record the callback just now. Send it again later."));
        return;
    case GatewayStore::Apply::Moved: {
        m_metrics.countCallback(CallbackResult::Applied);
        QString line = QStringLiteral("Dial %1 for %2: call %3 is %4")
                           .arg(QString::number(applied.dialId), applied.user, report->callId,
                                callProgressName(report->progress));
        if (!report->reason.isEmpty())
            line += QStringLiteral(" (%1)").arg(report->reason);
        qCInfo(lcGateway).noquote() << line << "- event" << applied.eventId;
        Q_EMIT callEventStored(applied.event);
        break;
    }
    case GatewayStore::Apply::Unchanged:
        m_metrics.countCallback(CallbackResult::Unchanged);
        qCDebug(lcGateway).noquote() << QStringLiteral(
                                            "Dial %1: call %2 %3 again, or after a later state: unchanged")
                                            .arg(applied.dialId)
                                            .arg(report->callId, callProgressName(report->progress));
        break;
    }
    // Duplicates are acknowledged like news: OneNET has nothing to send again.
    responder.respond(
        Response::json(200, CallStatusReport::successAnswer(QUuid::createUuid().toString(QUuid::Id128))));
}

void Gateway::handleCalls(const Request &request, const Responder &responder)
{
    const std::optional<User> user = authenticate(request, responder);
    if (!user)
        return;
    bool ok = true;
    const QString sinceText = request.query.queryItemValue(QStringLiteral("since"));
    const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&ok);
    if (!ok || since < 0) {
        responder.respond(Response::error(400, QStringLiteral("invalid_request"),
                                          tr("since must be a dial id (a whole number, 0 or more).")));
        return;
    }
    StorageResult read;
    const QList<DialRecord> calls = m_store->calls(user->name, since, GatewayStore::kMaxCallsPerPage, &read);
    if (!read.ok()) {
        responder.respond(
            Response::error(503, QStringLiteral("unavailable"),
                            tr("The gateway cannot read its database just now. Try again in a moment.")));
        return;
    }
    QJsonArray list;
    qint64 next = since;
    for (const DialRecord &call : calls) {
        list.append(call.toJson());
        next = call.id;
    }
    responder.respond(
        Response::json(200, QJsonObject{{QStringLiteral("calls"), list}, {QStringLiteral("next"), next}}));
}

void Gateway::handleEvents(const Request &request, const Responder &responder)
{
    const std::optional<User> user = authenticate(request, responder);
    if (!user)
        return;
    // Where to resume: Last-Event-ID (what EventSource sends when it reconnects) or ?after=;
    // the header wins. Neither: only what is stored from now on.
    QByteArray after = request.header("last-event-id");
    if (after.isEmpty())
        after = request.query.queryItemValue(QStringLiteral("after")).toLatin1();
    std::optional<qint64> resumeAfter;
    if (!after.isEmpty()) {
        bool ok = false;
        const qint64 id = after.toLongLong(&ok);
        if (!ok || id < 0) {
            responder.respond(Response::error(400, QStringLiteral("invalid_request"),
                                              tr("Last-Event-ID (or after) must be an event id: a whole "
                                                 "number, 0 or more.")));
            return;
        }
        resumeAfter = id;
    }
    if (request.method == "HEAD") {
        Response answer;
        answer.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")});
        answer.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        responder.respond(answer);
        return;
    }
    m_events->open(*user, resumeAfter, responder);
}

void Gateway::handleMe(const Request &request, const Responder &responder)
{
    const std::optional<User> user = authenticate(request, responder);
    if (!user)
        return;
    responder.respond(
        Response::json(200, QJsonObject{
                                {QStringLiteral("user"), user->name},
                                {QStringLiteral("caller"), user->caller},
                                {QStringLiteral("daily_limit"),
                                 user->dailyLimit > 0 ? QJsonValue(user->dailyLimit) : QJsonValue()},
                                {QStringLiteral("dials_today"), m_store->dialsOn(user->name, m_now().date())},
                                {QStringLiteral("api"), apiName(m_account.api)},
                            }));
}

void Gateway::handleHealth(const Responder &responder)
{
    if (!m_store->isHealthy()) {
        responder.respond(Response::error(503, QStringLiteral("unavailable"),
                                          tr("The gateway's database cannot be used.")));
        return;
    }
    if (const QString problem = configurationProblem(); !problem.isEmpty()) {
        responder.respond(Response::error(503, QStringLiteral("not_configured"), problem));
        return;
    }
    responder.respond(Response::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
}

void Gateway::handleMetrics(const Request &request, const Responder &responder)
{
    if (!GatewayConfig::contains(m_config.metricsAllow, request.peer)) {
        responder.respond(Response::error(403, QStringLiteral("forbidden"),
                                          tr("Metrics are served to the addresses in metrics_allow only.")));
        return;
    }
    Response answer;
    answer.status = 200;
    answer.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4")});
    answer.body = m_metrics.render(m_store->userCount(), m_server->connectionCount(), m_events->count());
    responder.respond(answer);
}

} // namespace onedial::gateway
