#include "SetupCheck.h"

#include "GatewayReply.h"
#include "TokenSigner.h"
#include "phone/PhoneNumber.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslSocket>
#include <QTimer>

#include <utility>

namespace onedial {

SetupCheck::SetupCheck(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A host that takes the connection but never answers the handshake, or a firewall that
        // drops packets, would otherwise leave the step waiting for the system's own timeout.
        finishConnection(false, tr("Could not reach %1: no answer within the %2-second limit. Check this "
                                   "computer's internet connection, proxy and firewall.")
                                    .arg(m_target, QString::number((m_timeoutMs + 999) / 1000)));
    });
}

SetupCheck::~SetupCheck()
{
    cancel();
}

void SetupCheck::start(const Account &account, const AccessKey &key)
{
    cancel();
    m_allPassed = true;
    if (account.isGateway()) {
        startGateway(account, key);
        return;
    }
    for (const Result &result : {checkKey(account, key), checkNumbers(account)}) {
        m_allPassed = m_allPassed && result.passed;
        Q_EMIT stepFinished(result);
    }
    const QString endpointProblem = account.problem(Account::Field::Endpoint);
    if (!endpointProblem.isEmpty()) {
        m_allPassed = false;
        Q_EMIT stepFinished({Step::Connection, false, endpointProblem});
        Q_EMIT finished(false);
        return;
    }
    connectToEndpoint(account.effectiveBaseUrl());
}

void SetupCheck::cancel()
{
    m_timer->stop();
    m_token = AccessKey();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void SetupCheck::startGateway(const Account &account, const AccessKey &token)
{
    const QString tokenProblem = token.gatewayTokenProblem();
    Q_EMIT stepFinished({Step::Key, tokenProblem.isEmpty(),
                         tokenProblem.isEmpty()
                             ? tr("The token has the form of a gateway token; the gateway itself checks it "
                                  "next.")
                             : tokenProblem});
    QString problem = account.problem(Account::Field::Gateway);
    if (problem.isEmpty() && !tokenProblem.isEmpty())
        problem = tr("Not asked yet: the gateway is asked only with a token in the right form.");
    if (!problem.isEmpty()) {
        m_allPassed = false;
        Q_EMIT stepFinished({Step::Connection, false, problem});
        Q_EMIT finished(false);
        return;
    }
    m_account = account;
    m_token = token;
    const QUrl base = account.gateway;
    m_target = base.host() + QLatin1Char(':') +
               QString::number(base.port(base.scheme() == QLatin1String("https") ? 443 : 80));
    m_certificateProblem.clear();
    m_member.clear();
    askGateway(QString::fromLatin1(kMeRoute));
}

void SetupCheck::askGateway(const QString &route)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(m_account.gatewayUrl(route));
    // A redirect is not followed: the token goes to the address the user typed and nowhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(0); // the check's own timer decides, so that the message says why
    request.setRawHeader("Accept", "application/json");
    if (route == QLatin1String(kMeRoute))
        request.setRawHeader("Authorization", "Bearer " + m_token.base64Text());
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (!errors.isEmpty())
            m_certificateProblem = errors.constFirst().errorString();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        // The gateway's answers are small: anything larger is not the gateway.
        if (received > kMaxGatewayAnswerBytes)
            finishConnection(false, notAGateway(reply));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { readGatewayAnswer(reply); });
    m_timer->start(m_timeoutMs);
}

QString SetupCheck::notAGateway(const QNetworkReply *reply) const
{
    return tr("%1 answered, but not as a OneDial gateway (HTTP %2). Check the gateway address your "
              "administrator gave you.")
        .arg(m_target)
        .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
}

void SetupCheck::readGatewayAnswer(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            finishConnection(false, unreachable(Unreachable::Refused, {}));
            return;
        case QNetworkReply::HostNotFoundError:
            finishConnection(false, unreachable(Unreachable::NotFound, {}));
            return;
        case QNetworkReply::SslHandshakeFailedError:
            finishConnection(false, unreachable(Unreachable::Handshake, reply->errorString()));
            return;
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
            finishConnection(false, unreachable(Unreachable::Network, reply->errorString()));
            return;
        default:
            finishConnection(false, unreachable(Unreachable::Other, reply->errorString()));
            return;
        }
    }
    const QByteArray body = reply->read(kMaxGatewayAnswerBytes + 1);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const bool askedMe = reply->url().path().endsWith(QLatin1String(kMeRoute));
    if (status == 200 && askedMe && answer.value(QLatin1String("user")).isString() &&
        answer.value(QLatin1String("caller")).isString()) {
        m_member = memberSentence(answer);
        // Keep the reply until the next request replaces it: finishConnection() would abort it.
        m_reply = nullptr;
        reply->deleteLater();
        askGateway(QString::fromLatin1(kHealthRoute));
        return;
    }
    if (status == 200 && !askedMe &&
        answer.value(QLatin1String("status")).toString() == QLatin1String("ok")) {
        finishConnection(true,
                         tr("%1 It has its OneNET account and is ready to place your calls.").arg(m_member));
        return;
    }
    const QString error = answer.value(QLatin1String("error")).toString();
    if (status >= 400 && !error.isEmpty()) {
        bool hasRetry = false;
        const int retryAfter = reply->rawHeader("Retry-After").toInt(&hasRetry);
        const QString refusal = GatewayReply::messageForError(error, hasRetry ? retryAfter : -1);
        finishConnection(false, m_member.isEmpty()
                                    ? tr("The gateway at %1 answered: %2").arg(m_target, refusal)
                                    : tr("%1 But: %2").arg(m_member, refusal));
        return;
    }
    finishConnection(false, notAGateway(reply));
}

QString SetupCheck::memberSentence(const QJsonObject &me)
{
    const QString user = me.value(QLatin1String("user")).toString().left(64);
    const QString phone = PhoneNumber::parse(me.value(QLatin1String("caller")).toString()).shown();
    QString sentence =
        tr("The gateway accepted your token: you are %1, and it rings your phone %2 first.").arg(user, phone);
    const QJsonValue limit = me.value(QLatin1String("daily_limit"));
    if (limit.isDouble())
        sentence = tr("%1 Calls today: %2 of the %3 you may place.")
                       .arg(sentence)
                       .arg(me.value(QLatin1String("dials_today")).toInt())
                       .arg(limit.toInt());
    return sentence;
}

SetupCheck::Result SetupCheck::checkKey(const Account &account, const AccessKey &key) const
{
    if (const QString problem = key.problem(); !problem.isEmpty())
        return {Step::Key, false, problem};
    // The token a dial would send, signed and then dropped: proof that the key decodes and signs
    // with the account's method, though only OneNET can say whether it is the right key.
    const TokenParams params{TokenSigner::versionFor(account.api),
                             TokenSigner::resFor(account.api, account.identity()),
                             QDateTime::currentSecsSinceEpoch() + account.tokenLifetimeSecs, account.method};
    if (!TokenSigner::authorization(key, params))
        return {Step::Key, false, key.problem()};
    return {Step::Key, true,
            tr("The access key decodes and signs a token (%1), as each call will.")
                .arg(signMethodName(account.method))};
}

SetupCheck::Result SetupCheck::checkNumbers(const Account &account)
{
    Account numbers = account;
    QStringList problems = numbers.normalizeNumbers();
    for (Account::Field field : {Account::Field::Sponsor, Account::Field::Caller, Account::Field::Display}) {
        if (const QString problem = numbers.problem(field); !problem.isEmpty())
            problems << problem;
    }
    if (!problems.isEmpty())
        return {Step::Numbers, false, problems.constFirst()};
    return {
        Step::Numbers, true,
        tr("The sponsor number %1 and your phone %2 are numbers OneNET takes.")
            .arg(PhoneNumber::parse(numbers.sponsor).shown(), PhoneNumber::parse(numbers.caller).shown())};
}

void SetupCheck::connectToEndpoint(const QUrl &baseUrl)
{
    const bool encrypted = baseUrl.scheme() == QLatin1String("https");
    const QString host = baseUrl.host();
    const int port = baseUrl.port(encrypted ? 443 : 80);
    m_target = host + QLatin1Char(':') + QString::number(port);
    m_certificateProblem.clear();
    m_socket = new QSslSocket(this);
    QSslSocket *socket = m_socket;

    const auto reached = [this, encrypted] {
        finishConnection(true, encrypted
                                   ? tr("This computer reached %1 and completed a TLS handshake with it. "
                                        "Nothing was sent over the connection.")
                                         .arg(m_target)
                                   : tr("This computer reached %1 (plain HTTP, which OneDial uses only "
                                        "on this computer). Nothing was sent over the connection.")
                                         .arg(m_target));
    };
    connect(socket, encrypted ? &QSslSocket::encrypted : &QSslSocket::connected, this, reached);
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Kept for the failed handshake that follows (errorOccurred), which ends the step.
        if (!errors.isEmpty())
            m_certificateProblem = errors.constFirst().errorString();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        switch (error) {
        case QAbstractSocket::SslHandshakeFailedError:
            finishConnection(false, unreachable(Unreachable::Handshake, socket->errorString()));
            return;
        case QAbstractSocket::ConnectionRefusedError:
            finishConnection(false, unreachable(Unreachable::Refused, {}));
            return;
        case QAbstractSocket::HostNotFoundError:
            finishConnection(false, unreachable(Unreachable::NotFound, {}));
            return;
        case QAbstractSocket::NetworkError:
        case QAbstractSocket::SocketAccessError:
        case QAbstractSocket::ProxyConnectionRefusedError:
        case QAbstractSocket::ProxyConnectionClosedError:
        case QAbstractSocket::ProxyNotFoundError:
            finishConnection(false, unreachable(Unreachable::Network, socket->errorString()));
            return;
        default:
            finishConnection(false, unreachable(Unreachable::Other, socket->errorString()));
            return;
        }
    });

    m_timer->start(m_timeoutMs);
    if (encrypted)
        socket->connectToHostEncrypted(host, quint16(port));
    else
        socket->connectToHost(host, quint16(port));
}

QString SetupCheck::unreachable(Unreachable why, const QString &detail) const
{
    switch (why) {
    case Unreachable::Handshake:
        // The dial client refuses the same certificates, so no call could go there either.
        if (!m_certificateProblem.isEmpty())
            return tr("Reached %1, but its certificate is not trusted (%2). OneDial sends no call to a host "
                      "it cannot verify.")
                .arg(m_target, m_certificateProblem);
        return tr("Reached %1, but it did not complete a TLS handshake (%2). Check that the address is an "
                  "HTTPS address.")
            .arg(m_target, detail);
    case Unreachable::Refused:
        return tr("Could not reach %1: the connection was refused. Check the address and any firewall on "
                  "the way.")
            .arg(m_target);
    case Unreachable::NotFound:
        return tr("Could not reach %1: the name was not found. Check this computer's internet connection "
                  "and the address.")
            .arg(m_target);
    case Unreachable::Network:
        return tr("Could not reach %1: %2. Check this computer's internet connection, proxy and firewall.")
            .arg(m_target, detail);
    case Unreachable::Other:
        break;
    }
    return tr("Could not reach %1: %2.").arg(m_target, detail);
}

void SetupCheck::finishConnection(bool passed, const QString &message)
{
    m_timer->stop();
    m_token = AccessKey();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (QSslSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        if (passed) {
            // A reached host gets an orderly close, nothing else: the last handshake message and
            // the TLS close_notify still go out before the socket goes away.
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    m_allPassed = m_allPassed && passed;
    Q_EMIT stepFinished({Step::Connection, passed, message});
    Q_EMIT finished(m_allPassed);
}

QString SetupCheck::firstCallAdvice(const Account &account)
{
    if (!account.isGateway())
        return firstCallAdvice(account.api);
    return tr("Your team's gateway holds the OneNET account, which OneNET itself checks only when a call is "
              "placed: if OneNET refuses a call, OneDial shows OneNET's reason. Tell your administrator, who "
              "sees every call in the gateway's audit log.");
}

QString SetupCheck::firstCallAdvice(Api api)
{
    if (api == Api::V1)
        return tr("OneNET checks the appid and the access key only when a call is placed, so your first "
                  "real call is the test: if OneNET refuses it with code 000002, check the appid and the "
                  "account; with 000015, check the access key and this computer's clock.");
    return tr("OneNET checks the user id and the access key only when a call is placed, so your first real "
              "call is the test: if OneNET refuses it, OneDial shows OneNET's reason, such as "
              "iot.vcs.userIdNotExist for a user id it does not know.");
}

} // namespace onedial
