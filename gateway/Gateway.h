// The running gateway: the HTTP API of docs/gateway-api.md over its store, its OneNET account
// and the core's dial client, the receiver of OneNET's status callbacks for the calls it placed,
// and the members' event streams those callbacks feed (EventStreams). One process, one event
// loop; the database decides everything that must hold across desktops (GatewayStore).
#pragma once

#include "AuthLimiter.h"
#include "GatewayConfig.h"
#include "GatewayStore.h"
#include "Metrics.h"
#include "accounts/AccessKey.h"
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace onedial {
class DialClient;
class SandboxServer;
} // namespace onedial

namespace onedial::gateway {

class EventStreams;
class GatewayInstance;

class Gateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    static constexpr int kMaxDialBodyBytes = 4 * 1024;
    static constexpr int kMaxCallbackBodyBytes = 64 * 1024;

    // The store must be open and outlive the gateway. An empty key with a configured account
    // makes every dial answer 503 not_configured (keyProblem says why).
    Gateway(GatewayConfig config, AccessKey key, QString keyProblem, GatewayStore *store,
            QObject *parent = nullptr);
    ~Gateway() override;

    // Starts the built-in sandbox when the account is the sandbox, loads TLS, then listens where
    // the configuration says (or on listenPortOverride when given: tests use 0).
    bool start(QString *error, int listenPortOverride = -1);
    // The built-in sandbox when the account is the sandbox (after start()), else null.
    SandboxServer *sandbox() const { return m_sandbox; }
    quint16 port() const { return m_server->serverPort(); }
    // Loads the certificate and key files again (SIGHUP).
    bool reloadTls(QString *error);

    void setDialTimeoutMs(int ms) { m_dialTimeoutMs = ms; }
    // The clock that decides "today" for daily limits, and the rate limiter's; tests move it.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    const Metrics &metrics() const { return m_metrics; }
    http::Server *server() const { return m_server; }
    // The open event streams; tests shorten their keep-alive.
    EventStreams *events() const { return m_events; }
    // This process among the instances sharing the database; tests shorten its timings.
    GatewayInstance *instance() const { return m_instance; }
    // The account dials go out with (the sandbox's when it is the sandbox).
    const Account &account() const { return m_account; }

Q_SIGNALS:
    // A callback moved one of a member's calls forward and its event is stored (committed). The
    // member's open streams read it from the store; events other instances store reach them
    // through GatewayInstance::eventsStored the same way.
    void callEventStored(const onedial::gateway::CallEvent &event);

private:
    struct PendingDial;
    struct UnwrittenOutcome;
    void handle(const http::Request &request, const http::Responder &responder);
    void handleDial(const http::Request &request, const http::Responder &responder);
    void handleCalls(const http::Request &request, const http::Responder &responder);
    void handleMe(const http::Request &request, const http::Responder &responder);
    // GET /api/v1/events: the member's event stream.
    void handleEvents(const http::Request &request, const http::Responder &responder);
    void handleHealth(const http::Responder &responder);
    void handleMetrics(const http::Request &request, const http::Responder &responder);
    // POST /onenet/notify/<secret>: one of OneNET's status callbacks.
    void handleCallback(const http::Request &request, const http::Responder &responder);
    // Whether the path is the notify route with this account's secret (compared in constant time).
    bool isNotifyPath(const QString &path) const;
    void onDialFinished(quint64 clientId, const DialOutcome &outcome);
    // Writes the outcomes that could not be written while the database was away.
    void writeUnwritten();

    // The member the request's token belongs to, or nothing after answering 401/403/429/503.
    std::optional<User> authenticate(const http::Request &request, const http::Responder &responder);
    QString clientAddress(const http::Request &request) const;
    // A dial refused before anything was sent: the outcome object with the error.
    void refuseDial(const http::Responder &responder, int status, const char *error, const QString &message,
                    const QString &callee = {}, const QList<http::Header> &headers = {});
    QString configurationProblem() const;

    GatewayConfig m_config;
    AccessKey m_key;
    QString m_keyProblem;
    Account m_account;
    GatewayStore *m_store;
    http::Server *m_server;
    DialClient *m_client;
    SandboxServer *m_sandbox = nullptr;
    EventStreams *m_events;
    GatewayInstance *m_instance;
    Metrics m_metrics;
    AuthLimiter m_limiter;
    std::function<QDateTime()> m_now;
    int m_dialTimeoutMs;
    QHash<quint64, std::shared_ptr<PendingDial>> m_pending;
    QList<UnwrittenOutcome> m_unwritten;
};

} // namespace onedial::gateway
