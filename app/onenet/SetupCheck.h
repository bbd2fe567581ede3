// Tests an account as far as that is possible without placing a call. OneNET's voice service has
// no operation but placing calls (no status query, no credential check), so this checks what can
// be checked here: the key decodes and signs a token, the numbers are ones OneNET takes, and the
// endpoint's host completes a TLS handshake. The connection is closed without a byte of HTTP: a
// request to the dial path could place a real, billed call.
//
// A gateway account is checked further, since the team's gateway can answer without a call: the
// token's form, then GET /api/v1/me (the gateway says whose token it is and which phone it rings)
// and GET /healthz (whether the gateway has its OneNET account). The Numbers step is not used.
#pragma once

#include "accounts/AccessKey.h"
#include "accounts/Account.h"

#include <QObject>
#include <QString>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;
class QSslSocket;
class QTimer;

namespace onedial {

class SetupCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupCheck)

public:
    enum class Step { Key, Numbers, Connection };
    struct Result
    {
        Step step = Step::Key;
        bool passed = false;
        QString message; // translated, one or two sentences
    };

    static constexpr int kDefaultTimeoutMs = 5000;

    explicit SetupCheck(QObject *parent = nullptr);
    ~SetupCheck() override;

    // How long the connection may take before it counts as unreachable.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    // Checks the key and the numbers at once (their results are emitted before this returns),
    // then connects; finished() follows the connection's result. A check still running is
    // abandoned first, without signals.
    void start(const Account &account, const AccessKey &key);
    // Abandons the connection, without signals.
    void cancel();
    bool isRunning() const { return m_socket != nullptr || m_reply != nullptr; }

    // What to tell the user once every step has passed: that the appid (or user id) and the key
    // are checked by OneNET only when a call is placed, and what its refusals would mean.
    static QString firstCallAdvice(Api api);
    // The same for any account: for a gateway account, what the gateway does and does not check.
    static QString firstCallAdvice(const Account &account);

    // The largest answer the gateway checks read (its answers are a few hundred bytes).
    static constexpr qint64 kMaxGatewayAnswerBytes = 64 * 1024;

Q_SIGNALS:
    void stepFinished(const onedial::SetupCheck::Result &result);
    void finished(bool allPassed);

private:
    Result checkKey(const Account &account, const AccessKey &key) const;
    static Result checkNumbers(const Account &account);
    void connectToEndpoint(const QUrl &baseUrl);
    void finishConnection(bool passed, const QString &message);
    enum class Unreachable { Handshake, Refused, NotFound, Network, Other };
    QString unreachable(Unreachable why, const QString &detail) const;
    void startGateway(const Account &account, const AccessKey &token);
    void askGateway(const QString &route);
    void readGatewayAnswer(QNetworkReply *reply);
    QString notAGateway(const QNetworkReply *reply) const;
    static QString memberSentence(const QJsonObject &me);

    static constexpr char kMeRoute[] = "/api/v1/me";
    static constexpr char kHealthRoute[] = "/healthz";

    QSslSocket *m_socket = nullptr;
    QNetworkAccessManager *m_network = nullptr; // created for the first gateway check
    QNetworkReply *m_reply = nullptr;
    Account m_account;
    AccessKey m_token; // the gateway token while its check runs; dropped when it ends
    QString m_member;  // what /api/v1/me said, for the message after /healthz
    QTimer *m_timer;
    QString m_target; // host:port, as the messages name it
    QString m_certificateProblem;
    int m_timeoutMs = kDefaultTimeoutMs;
    bool m_allPassed = true;
};

} // namespace onedial
