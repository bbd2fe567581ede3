// A OneNET click-to-dial simulator on 127.0.0.1, for trying OneDial without an account and for
// the tests. It checks tokens, bodies and the display rule as the real service documents and
// answers with the service's envelopes and codes. It places no calls.
#pragma once

#include "accounts/Account.h"
#include "accounts/ApiGeneration.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace onedial {

class SandboxCallbacks;

class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    struct Registration
    {
        Api api = Api::V1;
        QString identity; // appid (v1) or userid (v2)
        QByteArray key;   // base64 access key
        QString sponsor;  // API form
        QString caller;   // API form; may be shown as display when whitelisted
        bool callerWhitelisted = true;
    };

    struct Received
    {
        QByteArray method;
        QString path;
        QString query;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
    };

    // Starts with the public sandbox account registered for both API generations.
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 at a free port. False if it could not.
    bool listen();
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    void addRegistration(const Registration &registration);
    // The server's clock, Unix seconds; tests move it to check expiry and skew hints.
    void setClock(std::function<qint64()> nowSecs);
    // How long the "slow" scenario waits before answering.
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }

    const QList<Received> &received() const { return m_received; }
    int requestCount() const { return int(m_received.size()); }

    // A ready-to-dial account pointing at this server, for the given API generation.
    Account sandboxAccount(Api api) const;

    // The status callbacks it POSTs for each call it accepts with a notify_url.
    SandboxCallbacks *callbacks() const { return m_callbacks; }

Q_SIGNALS:
    void requestReceived(int index);

private:
    struct Answer;
    void handle(Api api, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Answer evaluate(Api api, const QHttpServerRequest &request) const;
    void send(QHttpServerResponder &responder, const Answer &answer) const;

    std::unique_ptr<QHttpServer> m_server;
    SandboxCallbacks *m_callbacks;
    QList<Registration> m_registrations;
    QList<Received> m_received;
    std::function<qint64()> m_now;
    quint16 m_port = 0;
    int m_slowDelayMs = 60000;
    quint64 m_sequence = 0;
};

} // namespace onedial
