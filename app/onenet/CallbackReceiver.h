// Receives OneNET's status callbacks on this computer: a small HTTP listener on 127.0.0.1 whose
// one route, /onenet/notify/<random secret>, takes a callback only when its Authorization is a
// token signed with one of the registered accounts' keys (TokenSigner::verify, as the team
// gateway checks OneNET's), its body is at most 64 KiB of JSON and reads as a status report. It
// answers OneNET's documented success JSON. The desktop's sandbox uses it: the sandbox's
// simulated callbacks come here. Reports may come twice and in any order; the listener passes
// on each one it believes, and its user keeps a call from moving back.
#pragma once

#include "CallStatusReport.h"
#include "accounts/AccessKey.h"
#include "accounts/ApiGeneration.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace onedial {

class CallbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackReceiver)

public:
    struct Signer
    {
        Api api = Api::V1;
        QString identity; // appid (v1) or user id (v2)
        AccessKey key;
    };

    static constexpr qint64 kMaxBodyBytes = 64 * 1024;

    explicit CallbackReceiver(QObject *parent = nullptr);
    ~CallbackReceiver() override;

    void addSigner(const Signer &signer);
    // Listens on 127.0.0.1 at a free port; false if it could not.
    bool listen();
    // The notify_url to send with a dial (it carries the secret path): empty before listen().
    QUrl notifyUrl() const;
    // Unix seconds, for the tokens' expiry.
    void setClock(std::function<qint64()> nowSecs) { m_now = std::move(nowSecs); }
    int refusedCount() const { return m_refused; }

Q_SIGNALS:
    void reported(const onedial::CallStatusReport &report);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);

    std::unique_ptr<QHttpServer> m_server;
    QList<Signer> m_signers;
    QString m_secret;
    std::function<qint64()> m_now;
    quint16 m_port = 0;
    int m_refused = 0;
};

} // namespace onedial
